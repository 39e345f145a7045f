"""Careless use of the file and store commands: one clear line, the right exit code, nothing lost."""

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.conftest import PG_ADMIN_DSN

STATEMENT = 'The ministry said on Monday that "the convoy reached the town", according to Rami Haddad.\n'


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    base = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{cwd / 'store.db'}"}
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=120,
                          env={**base, **(env or {})}, cwd=cwd)  # fmt: skip


def one_error_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsmon: error: "), result.stderr[-3000:]
    return lines[0]


def error_line_among_logs(result: subprocess.CompletedProcess) -> str:
    """The one error line of a command whose libraries also log (aiokafka: 'Unable connect to ...')."""
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsmon: error: ")]
    assert len(errors) == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "─" not in result.stderr  # no traceback, plain or drawn by rich
    return errors[0]


@pytest.fixture
def socket_file(tmp_path: Path) -> Iterator[Path]:
    """A path that exists but cannot be opened for reading (a Unix socket: ENXIO, even for root)."""
    path = tmp_path / "socket.txt"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        yield path


@pytest.mark.parametrize("command", ["extract", "cluster"])
def test_an_unreadable_file_is_one_line_naming_it(tmp_path, socket_file, command):
    result = run_cli(command, str(socket_file), cwd=tmp_path)
    assert result.returncode == 2
    assert "socket.txt" in one_error_line(result)


@pytest.mark.parametrize("command", ["extract", "cluster"])
def test_a_directory_without_text_files_is_an_error_not_empty_output(tmp_path, command):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text(STATEMENT)
    result = run_cli(command, str(tmp_path / "notes"), cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "notes" in one_error_line(result) and "*.txt" in result.stderr


@pytest.mark.parametrize(
    ("content", "warning"),
    [
        (STATEMENT.replace("Haddad", "Hadd\xe9d").encode("latin-1"), "not UTF-8"),
        (b"\x00\x01" + STATEMENT.encode(), "NUL"),
    ],
    ids=["latin-1", "binary"],
)
@pytest.mark.parametrize("command", ["extract", "cluster"])
def test_a_file_that_is_not_utf8_text_is_read_with_a_warning_naming_it(tmp_path, command, content, warning):
    (tmp_path / "odd.txt").write_bytes(content)
    result = run_cli(command, str(tmp_path / "odd.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert all(json.loads(line)["doc_id"] == "odd" for line in result.stdout.splitlines())
    assert result.stdout.strip()
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("newsmon: warning: ") and "odd.txt" in line and warning in line


def test_feeds_export_to_an_unwritable_path_is_one_line(tmp_path):
    for output in (tmp_path / "no" / "such" / "dir" / "feeds.opml", tmp_path):
        result = run_cli("feeds", "export", "--output", str(output), cwd=tmp_path)
        assert result.returncode == 2
        assert str(output) in one_error_line(result)


def test_feeds_status_of_an_unknown_health_says_which_exist(tmp_path):
    result = run_cli("feeds", "status", "--only", "sick", cwd=tmp_path)
    assert result.returncode == 2
    line = one_error_line(result)
    assert "'sick'" in line and "stale" in line and "zombie" in line


def test_poll_once_with_a_state_dir_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "feeds.txt").write_text("https://news.example/rss\n")
    (tmp_path / "state").write_text("not a directory")
    result = run_cli("poll-once", "--feeds", str(tmp_path / "feeds.txt"), "--state-dir", str(tmp_path / "state"),
                     cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2
    assert "state" in one_error_line(result) and "--state-dir" in result.stderr
    assert (tmp_path / "state").read_text() == "not a directory"


def test_a_second_service_on_one_run_dir_is_refused_and_the_first_keeps_running(tmp_path):
    """Two embedded brokers on one run dir split the pipeline, and the first to stop removed the address file
    `alerts tail` needs while the other still ran."""
    (tmp_path / "feeds.txt").write_text("https://news.example/rss\n")
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}", "NEWSMON_POLL__INTERVAL_S": "3600"}
    first = subprocess.Popen([sys.executable, "-m", "newsmon", "run", "--feeds", "feeds.txt"], cwd=tmp_path, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        broker_file = tmp_path / ".newsmon" / "broker.json"
        deadline = time.monotonic() + 120
        while not broker_file.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert broker_file.exists(), "the first service did not start"
        second = run_cli("run", "--feeds", "feeds.txt", cwd=tmp_path)
        assert second.returncode == 2
        assert ".newsmon" in one_error_line(second) and str(first.pid) in second.stderr
        assert first.poll() is None and broker_file.exists()
    finally:
        first.send_signal(signal.SIGTERM)
        _, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stderr[-3000:]


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "broker.json"), ("{}", "broker.json"), ('{"bootstrap_servers": "127.0.0.1:1"}', "127.0.0.1:1")],
    ids=["not-json", "no-address", "stale-address"],
)
def test_alerts_tail_with_a_broken_or_stale_broker_file_is_one_line(tmp_path, content, expected):
    """A service killed with SIGKILL leaves its broker.json behind, naming a broker that is gone."""
    (tmp_path / ".newsmon").mkdir()
    (tmp_path / ".newsmon" / "broker.json").write_text(content)
    result = run_cli("alerts", "tail", "ceasefire", "--max", "1", cwd=tmp_path)
    assert result.returncode == 2
    assert expected in error_line_among_logs(result)


@pytest.mark.parametrize("command", [["topics", "ensure"], ["run", "--feeds", "feeds.txt"]])
def test_an_unreachable_kafka_is_one_line_and_exit_1(tmp_path, command):
    (tmp_path / "feeds.txt").write_text("https://news.example/rss\n")
    result = run_cli(*command, cwd=tmp_path, env={"NEWSMON_KAFKA__BOOTSTRAP_SERVERS": '["127.0.0.1:1"]'})
    assert result.returncode == 1
    assert "127.0.0.1:1" in error_line_among_logs(result)


def first_line_then_close(*args: str, cwd: Path) -> tuple[bytes, str, int]:
    """`newsmon ARGS | head -1`: read the first line of the output, close the pipe; that line, stderr, exit code."""
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{cwd / 'store.db'}"}
    newsmon = subprocess.Popen([sys.executable, "-m", "newsmon", *args], cwd=cwd, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert newsmon.stdout is not None and newsmon.stderr is not None
    first = newsmon.stdout.readline()
    newsmon.stdout.close()
    stderr = newsmon.stderr.read().decode()
    newsmon.stderr.close()
    return first, stderr, newsmon.wait(timeout=120)


def test_extract_into_a_pipe_closed_early_stops_quietly(tmp_path):
    """`newsmon extract DIR | head -1`: the reader leaves early; that is no input error and needs no traceback."""
    (tmp_path / "docs").mkdir()
    for number in range(400):  # ~140 kB of records, more than a pipe holds, so a write meets the closed pipe
        (tmp_path / "docs" / f"doc{number}.txt").write_text(STATEMENT)
    first, stderr, returncode = first_line_then_close("extract", str(tmp_path / "docs"), cwd=tmp_path)
    assert returncode == 141  # what a shell reports for a writer stopped by SIGPIPE
    assert json.loads(first)["doc_id"] == "doc0"
    assert stderr == ""


def test_feeds_export_into_a_pipe_closed_early_stops_quietly(tmp_path):
    (tmp_path / "feeds.txt").write_text("".join(f"https://news{number}.example/rss\n" for number in range(1500)))
    assert run_cli("feeds", "import", "feeds.txt", cwd=tmp_path).returncode == 0
    first, stderr, returncode = first_line_then_close("feeds", "export", cwd=tmp_path)
    assert returncode == 141
    assert first.startswith(b"<?xml") and stderr == ""


def test_a_run_dir_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "feeds.txt").write_text("https://news.example/rss\n")
    (tmp_path / "run").write_text("not a directory")
    result = run_cli("run", "--feeds", "feeds.txt", cwd=tmp_path, env={"NEWSMON_RUN_DIR": str(tmp_path / "run")})
    assert result.returncode == 2
    assert "run_dir" in error_line_among_logs(result)
    assert (tmp_path / "run").read_text() == "not a directory"


@pytest.mark.parametrize("command", [["query", "articles"], ["feeds", "status"], ["feeds", "export"]])
def test_reading_a_store_that_does_not_exist_says_it_was_created_empty(tmp_path, command):
    """A mistyped store path used to print an empty result as if the store held nothing."""
    result = run_cli(*command, cwd=tmp_path, env={"NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'typo.db'}"})
    assert result.returncode == 0, result.stderr[-3000:]
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("newsmon: warning: ") and "typo.db" in line and "empty" in line


@pytest.mark.parametrize("command", ["extract", "cluster"])
def test_an_empty_path_argument_is_refused_not_read_as_the_current_directory(tmp_path, command):
    """`newsmon extract "$DOC"` with DOC unset read every *.txt under the working directory."""
    (tmp_path / "unrelated.txt").write_text(STATEMENT)
    result = run_cli(command, "", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "empty path" in one_error_line(result)


@pytest.fixture
def own_postgres() -> Iterator[str]:
    """A database of this test's own: the store must not be SQLite, whose files the size limit would also stop."""
    name = f"newsmon_hostile_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG_ADMIN_DSN.rsplit('/', 1)[0]}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_feeds_export_that_fails_half_way_leaves_the_earlier_export_whole(tmp_path, own_postgres):
    """Writing in place truncated the earlier export first, so a full disk left half of the new one and none of
    the old. A file-size limit stands in for the full disk."""
    env = {"NEWSMON_STORE__URL": own_postgres}
    (tmp_path / "feeds.txt").write_text("".join(f"https://news{number}.example/rss\n" for number in range(200)))
    assert run_cli("feeds", "import", "feeds.txt", cwd=tmp_path, env=env).returncode == 0
    earlier = '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><body/></opml>\n'
    (tmp_path / "backup.opml").write_text(earlier)
    result = subprocess.run([sys.executable, "-m", "newsmon", "feeds", "export", "-o", "backup.opml"], cwd=tmp_path,
                            env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384)))  # fmt: skip
    assert result.returncode == 2
    assert "backup.opml" in one_error_line(result)
    assert (tmp_path / "backup.opml").read_text() == earlier
    assert sorted(path.name for path in tmp_path.iterdir()) == ["backup.opml", "feeds.txt"]


@pytest.mark.parametrize("command", [["feeds", "export"], ["extract", "docs"]])
def test_output_to_a_full_disk_is_one_line_and_exit_1(tmp_path, command):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "doc.txt").write_text(STATEMENT)
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "newsmon", *command], cwd=tmp_path, env=env, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("newsmon: warning: ")]
    assert len(errors) == 1 and "No space left on device" in errors[0], result.stderr[-3000:]


def test_an_unknown_stage_is_one_line_naming_the_stages_and_nothing_is_created(tmp_path):
    result = run_cli("consume", "dedup", cwd=tmp_path)
    assert result.returncode == 2
    expected = "unknown stage 'dedup'; expected one of fulltext, dedupe, claims, alerts"
    assert one_error_line(result) == f"newsmon: error: {expected}"
    assert not (tmp_path / "store.db").exists()  # refused before anything was opened


@pytest.mark.parametrize("command", [["query", "claims"], ["report"]])
@pytest.mark.parametrize("moment", ["99999999d", "9999999999w", "0001-01-01T00:00+01:00"])
def test_a_time_beyond_the_calendar_is_one_line_naming_the_option(tmp_path, command, moment):
    """`--since 99999999d` (a span reaching before year 1) was an OverflowError traceback, exit 1."""
    result = run_cli(*command, "--since", moment, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    line = one_error_line(result)
    assert f"--since '{moment}'" in line and "out of range" in line


def test_a_time_written_in_lower_case_iso_8601_is_read(tmp_path):
    """RFC 3339 allows 't' and 'z' in lower case ('2026-11-01t08:00z', as some tools print it): it was refused."""
    from datetime import UTC, datetime

    from newsmon.store.filters import parse_moment

    now = datetime(2026, 11, 25, tzinfo=UTC)
    assert parse_moment("2026-11-01t08:00z", now) == parse_moment("2026-11-01T08:00Z", now)
    assert parse_moment("2026-11-01t08:00:00+01:00", now) == datetime(2026, 11, 1, 7, 0, tzinfo=UTC)
    result = run_cli("query", "articles", "--since", "2026-11-01t08:00z", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("option", ["--story", "--article"])
def test_an_empty_story_or_article_id_is_refused_not_read_as_every_one(tmp_path, option):
    """`newsmon query articles --story "$ID"` with ID unset listed every article, as if all were that story's."""
    result = run_cli("query", "articles", option, "", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert f"{option} is empty" in one_error_line(result)
