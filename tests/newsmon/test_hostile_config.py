"""Careless configuration and unreachable stores: one line naming the bad value and where it came from."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.config import ConfigError, load_settings


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {name: value for name, value in os.environ.items() if not name.upper().startswith("NEWSMON_")}
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=120,
                          env={**clean, **(env or {})}, cwd=cwd)  # fmt: skip


def one_error_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsmon: error: "), result.stderr[-3000:]
    return lines[0]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"NEWSMON_KAFKA__BOOTSTRAP_SERVERS": "kafka:9092"}, ["NEWSMON_KAFKA__BOOTSTRAP_SERVERS", "'kafka:9092'"]),
        ({"NEWSMON_STORE": "sqlite:///x.db"}, ["NEWSMON_STORE", "'sqlite:///x.db'"]),
        ({"NEWSMON_POLL__INTERVAL_S": "-5"}, ["poll.interval_s", "'-5'", "NEWSMON_POLL__INTERVAL_S"]),
        ({"newsmon_poll__interval_s": "soon"}, ["poll.interval_s", "'soon'", "newsmon_poll__interval_s"]),
    ],
    ids=["list-not-json", "section-not-json", "negative-interval", "lowercase-name"],
)
def test_a_bad_environment_value_names_the_variable(tmp_path, env, expected):
    result = run_cli("query", "articles", cwd=tmp_path, env=env)
    assert result.returncode == 2
    line = one_error_line(result)
    assert all(part in line for part in expected), line


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[poll]\ninterval_s = -5\n", ["poll.interval_s", "-5", "bad.toml"]),
        (b"[kafka]\nbogus = 1\n", ["kafka.bogus", "bad.toml"]),
        (b"[kafka\n", ["bad.toml", "invalid TOML"]),
        (b"\xff\xfe[kafka]\n", ["bad.toml", "not UTF-8"]),
        (b"[store]\nurl = 'postgresql+psycopg://u@db.example:notaport/x'\n", ["store.url", "notaport"]),
        (b"[store]\nurl = 'sqlite:newsmon.db'\n", ["store.url", "sqlite:newsmon.db"]),
    ],
    ids=["negative-interval", "unknown-key", "not-toml", "not-utf8", "url-bad-port", "url-unparsable"],
)
def test_a_bad_config_file_names_the_file_and_the_key(tmp_path, content, expected):
    (tmp_path / "bad.toml").write_bytes(content)
    result = run_cli("query", "articles", "--config", str(tmp_path / "bad.toml"), cwd=tmp_path)
    assert result.returncode == 2
    line = one_error_line(result)
    assert all(part in line for part in expected), line


def test_a_directory_given_as_config_file_is_called_a_directory(tmp_path):
    result = run_cli("query", "articles", "--config", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "is a directory" in one_error_line(result)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///{tmp}/no/such/dir/newsmon.db", ["no/such/dir/newsmon.db", "unable to open database file"]),
        ("postgresql+psycopg://postgres:s3cret@127.0.0.1:1/newsmon", ["127.0.0.1:1", "Connection refused"]),
        ("postgresql+psycopg://postgres@127.0.0.1:5432/newsmon_hostile_missing", ["newsmon_hostile_missing"]),
    ],
    ids=["sqlite-missing-dir", "postgres-refused", "postgres-no-database"],
)
def test_an_unreachable_store_is_one_line_and_exit_1(tmp_path, url, expected):
    result = run_cli("query", "articles", cwd=tmp_path, env={"NEWSMON_STORE__URL": url.format(tmp=tmp_path)})
    assert result.returncode == 1
    line = one_error_line(result)
    assert "store" in line and all(part in line for part in expected), line
    assert "s3cret" not in result.stderr


@pytest.mark.parametrize("command", [["query", "articles"], ["db", "upgrade"]])
def test_a_postgres_server_that_never_answers_is_given_up_after_the_connect_timeout(tmp_path, command):
    # A port that accepts connections and then says nothing, as a hung host or a half-open proxy does: without a
    # connect timeout, libpq waits for its answer for ever (here: until the test's own 120 s timeout).
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        env = {"NEWSMON_STORE__URL": f"postgresql+psycopg://postgres:s3cret@127.0.0.1:{port}/newsmon",
               "NEWSMON_STORE__CONNECT_TIMEOUT_S": "2"}  # fmt: skip
        result = run_cli(*command, cwd=tmp_path, env=env)
    assert result.returncode == 1
    line = one_error_line(result)
    assert "store" in line and f"127.0.0.1:{port}" in line and "timeout" in line, line
    assert "s3cret" not in result.stderr


def test_db_upgrade_to_an_unknown_revision_is_one_line(tmp_path):
    env = {"NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    result = run_cli("db", "upgrade", "--revision", "no-such-revision", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "no-such-revision" in one_error_line(result)


def test_a_store_file_that_is_no_database_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "store.db").write_text("these are notes, not a database\n" * 10)
    result = run_cli(
        "query", "articles", cwd=tmp_path, env={"NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    )
    assert result.returncode == 1
    line = one_error_line(result)
    assert "store.db" in line and "not a database" in line
    assert (tmp_path / "store.db").read_text().startswith("these are notes")


def test_a_store_of_an_unknown_schema_revision_is_one_line_and_exit_1(tmp_path):
    """A store written by a newer newsmon (or another program): its revision is not among our migrations."""
    env = {"NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    assert run_cli("db", "upgrade", cwd=tmp_path, env=env).returncode == 0
    with sqlite3.connect(tmp_path / "store.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'from_the_future_1'")
    result = run_cli("query", "articles", cwd=tmp_path, env=env)
    assert result.returncode == 1
    line = one_error_line(result)
    assert "store.db" in line and "from_the_future_1" in line


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("[kafka]\nbootstrap_servers = ['http://kafka:9092']\n", "kafka.bootstrap_servers"),
        ("[kafka]\nbootstrap_servers = ['']\n", "kafka.bootstrap_servers"),
        ("[kafka]\nbootstrap_servers = ['kafka:99999']\n", "kafka.bootstrap_servers"),
        ("[kafka]\ntopic_prefix = 'team a/'\n", "kafka.topic_prefix"),
        ("[[alerts.rules]]\nname = 'sarin'\nkeywords = ['sarin', ' ']\n", "alerts.rules.0.keywords"),
        ("[poll]\nrelevance_terms = []\n", "poll.relevance_terms"),
        ("[[alerts.rules]]\nname = 'sarin'\nkeywords = ['sarin']\nmatch = []\n", "alerts.rules.0.match"),
        ("[poll]\nextra_relevance_terms = ['']\n", "poll.extra_relevance_terms"),
    ],
    ids=[
        "bootstrap-url",
        "bootstrap-empty",
        "bootstrap-port",
        "topic-prefix",
        "blank-keyword",
        "no-relevance-terms",
        "rule-matching-nothing",
        "blank-relevance-term",
    ],
)
def test_values_that_would_silently_do_nothing_or_fail_later_are_refused_at_load(tmp_path, toml, key):
    """A blank keyword never matches (its rule alerts on nothing), an empty relevance list drops every item, and
    Kafka refuses the topic names a bad prefix makes or reaches no broker through a URL: say so when loading."""
    (tmp_path / "newsmon.toml").write_text(toml)
    with pytest.raises(ConfigError, match=f"'{re.escape(key)}'"):
        load_settings(tmp_path / "newsmon.toml")


def test_log_level_in_capitals_is_understood(tmp_path):
    (tmp_path / "newsmon.toml").write_text("log_level = 'WARNING'\n")
    assert load_settings(tmp_path / "newsmon.toml").log_level == "warning"


def test_an_environment_variable_with_one_underscore_for_two_is_named_not_ignored(tmp_path):
    """NEWSMON_STORE_URL (for NEWSMON_STORE__URL) was ignored: the store silently became ./newsmon.db."""
    result = run_cli("query", "articles", cwd=tmp_path, env={"NEWSMON_STORE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    assert result.returncode == 2
    line = one_error_line(result)
    assert "NEWSMON_STORE_URL" in line and "NEWSMON_STORE__URL" in line
    assert not (tmp_path / "newsmon.db").exists()


def test_other_newsmon_variables_are_left_alone(tmp_path):
    env = {"NEWSMON_TEST_PG": "postgresql://x@y/z", "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'x.db'}"}
    result = run_cli("query", "articles", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_config_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    """Some Windows editors start UTF-8 files with U+FEFF; TOML said 'Invalid statement (at line 1, column 1)'."""
    (tmp_path / "newsmon.toml").write_bytes("\ufeff[kafka]\npartitions = 3\n".encode())
    assert load_settings(tmp_path / "newsmon.toml").kafka.partitions == 3


@pytest.mark.parametrize(("typed", "meant"), [("NEWSMON_STOR__URL", "NEWSMON_STORE__URL"),
                                             ("NEWSMON_STORES__URL", "NEWSMON_STORE__URL"),
                                             ("newsmon_kafak__partitions", "NEWSMON_KAFKA__PARTITIONS")])  # fmt: skip
def test_an_environment_variable_with_a_misspelt_section_is_named_not_ignored(tmp_path, typed, meant):
    """NEWSMON_STOR__URL was ignored (a mistyped key of a known section was refused): the store silently became
    ./newsmon.db, created empty, and the query found nothing."""
    result = run_cli("query", "articles", cwd=tmp_path, env={typed: "4"})
    assert result.returncode == 2
    line = one_error_line(result)
    assert typed in line and meant in line
    assert not (tmp_path / "newsmon.db").exists()
