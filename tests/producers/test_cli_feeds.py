"""The poller's commands: poll-once (state kept between calls), feeds status, import and export."""

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from schemas.items import FeedItem
from tests.feed_server import Route

NEWSMON = [str(Path(sys.executable).parent / "newsmon")]


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSMON, *args], capture_output=True, text=True, timeout=300, cwd=cwd,
                          env={**os.environ, **(env or {})})  # fmt: skip


def poll_once(feeds: Path, state: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`newsmon poll-once` of the feed list `feeds`, its state in `state`, loopback allowed (fixture server)."""
    return run_cli("poll-once", "--feeds", str(feeds), "--state-dir", str(state), "--allow-private", env=env)


def test_poll_once_stores_new_items_then_finds_nothing_new(feed_server, tmp_path):
    feeds = tmp_path / "urls.txt"
    feeds.write_text(f"{feed_server.url('rss2_basic.xml')}\n{feed_server.url('atom_basic.xml')}\n"
                     f"{feed_server.url('missing-feed.xml')}\n")  # fmt: skip
    state = tmp_path / "state"
    env = {"NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0"}
    first = poll_once(feeds, state, env)
    assert first.returncode == 0, first.stderr + first.stdout
    summary = json.loads(first.stdout.strip().splitlines()[-1])
    assert summary["new_items"] == 6 and summary["errors"] == 1 and summary["feeds"] == 3
    second = poll_once(feeds, state, env)
    again = json.loads(second.stdout.strip().splitlines()[-1])
    assert again["new_items"] == 0 and again["unchanged"] + again["not_modified"] == 2
    status = run_cli("feeds", "status", "--format", "json", env={"NEWSMON_STORE__URL": f"sqlite:///{state}/newsmon.db"})
    rows = [json.loads(line) for line in status.stdout.splitlines()]
    by_url = {row["url"]: row for row in rows}
    assert by_url[feed_server.url("missing-feed.xml")]["health"] == "failing"
    assert "404" in by_url[feed_server.url("missing-feed.xml")]["last_error"]
    assert by_url[feed_server.url("rss2_basic.xml")]["items_seen"] == 3


def test_poll_once_stores_articles_and_a_warm_poll_starts_no_broker(feed_server, tmp_path):
    feeds = tmp_path / "urls.txt"
    feeds.write_text(f"{feed_server.url('rss2_basic.xml')}\n{feed_server.url('atom_basic.xml')}\n")
    state, env = tmp_path / "state", {"NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0"}
    first = poll_once(feeds, state, env)
    assert first.returncode == 0, first.stderr + first.stdout
    with sqlite3.connect(state / "newsmon.db") as db:
        assert db.execute("select count(*) from articles").fetchone()[0] == 6
        assert db.execute("select count(*) from outbox where done_at is null").fetchone()[0] == 0
    broker_log = state / "run" / "broker.log"
    started_once = broker_log.read_bytes()
    assert started_once  # the cold poll had items to publish, so it started the embedded broker

    second = poll_once(feeds, state, env)
    assert second.returncode == 0, second.stderr + second.stdout
    assert json.loads(second.stdout.strip().splitlines()[-1])["new_items"] == 0
    assert broker_log.read_bytes() == started_once  # nothing new, nothing pending: no broker this time


def test_poll_once_stage_children_share_the_partitions_and_all_exit(feed_server, tmp_path):
    # Three stage children over the items topic's four partitions: each stores its share (an item in a partition
    # no child read would never be done, and poll-once would not return), and none outlives the poll.
    feeds = tmp_path / "urls.txt"
    feeds.write_text(f"{feed_server.url('rss2_basic.xml')}\n{feed_server.url('atom_basic.xml')}\n")
    state = tmp_path / "state"
    env = {"NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0", "NEWSMON_POLL__STAGE_PROCESSES": "3"}
    first = poll_once(feeds, state, env)
    assert first.returncode == 0, first.stderr + first.stdout
    assert json.loads(first.stdout.strip().splitlines()[-1])["new_items"] == 6
    with sqlite3.connect(state / "newsmon.db") as db:
        assert db.execute("select count(*) from articles").fetchone()[0] == 6
        assert db.execute("select count(*) from outbox where done_at is null").fetchone()[0] == 0
    assert processes_naming(str(state)) == []


def processes_naming(text: str) -> list[int]:
    """Pids of the processes whose command line holds `text` (forked children keep their parent's)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_poll_once_first_publishes_what_an_earlier_call_left_not_done(feed_server, tmp_path):
    feeds = tmp_path / "urls.txt"
    feeds.write_text(feed_server.url("rss2_basic.xml") + "\n")
    state, env = tmp_path / "state", {"NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0"}
    assert poll_once(feeds, state, env).returncode == 0
    with sqlite3.connect(state / "newsmon.db") as db:  # as if the call had been killed before dedupe stored one
        articles = db.execute("select count(*) from articles").fetchone()[0]
        # A row not done still has its payload (done rows drop it): written back as the poller wrote it.
        row_id, item_id = db.execute("select id, item_id from outbox order by id limit 1").fetchone()
        article = db.execute("select url, outlet, feed_url, language, guid, title, text, published_at, content_hash "
                             "from articles where id = ?", (item_id,)).fetchone()  # fmt: skip
        url, outlet, feed_url, language, guid, title, text, published_at, content_hash = article
        item = FeedItem(item_id=item_id, delivery_id=row_id, feed_url=feed_url, outlet=outlet, language=language,
                        url=url, guid=guid, title=title, summary=text, content_hash=content_hash,
                        published_at=datetime.fromisoformat(published_at).replace(tzinfo=UTC),
                        polled_at=datetime.now(UTC))  # fmt: skip
        db.execute("update outbox set done_at = null, published_at = null, payload = ? where id = ?",
                   (item.model_dump_json(), row_id))  # fmt: skip
    again = poll_once(feeds, state, env)
    assert again.returncode == 0, again.stderr + again.stdout
    summary = json.loads(again.stdout.strip().splitlines()[-1])
    assert summary["republished"] == 1 and summary["new_items"] == 0
    with sqlite3.connect(state / "newsmon.db") as db:  # dedupe saw it again, stored nothing twice, marked it done
        assert db.execute("select count(*) from outbox where done_at is null").fetchone()[0] == 0
        assert db.execute("select count(*) from articles").fetchone()[0] == articles == 3


def test_poll_once_upgrades_a_store_whose_schema_went_back_since_the_last_call(feed_server, tmp_path):
    # The second call skips Alembic only when nothing the first one upgraded has changed; a downgraded store (the
    # same file, the same migrations) must be brought to the head again before anything is written to it.
    from alembic import command

    from newsmon.store.session import alembic_config

    feeds = tmp_path / "urls.txt"
    feeds.write_text(feed_server.url("rss2_basic.xml") + "\n")
    state, env = tmp_path / "state", {"NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0"}
    assert poll_once(feeds, state, env).returncode == 0
    database = state / "newsmon.db"
    with sqlite3.connect(database) as db:
        head = db.execute("select version_num from alembic_version").fetchone()[0]
    command.downgrade(alembic_config(f"sqlite:///{database}"), "-1")
    with sqlite3.connect(database) as db:
        assert db.execute("select version_num from alembic_version").fetchone()[0] != head
    again = poll_once(feeds, state, env)
    assert again.returncode == 0, again.stderr + again.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("select version_num from alembic_version").fetchone()[0] == head


def test_poll_once_refuses_private_addresses_without_the_flag(feed_server, tmp_path):
    feeds = tmp_path / "urls.txt"
    feeds.write_text(feed_server.url("rss2_basic.xml") + "\n")
    result = run_cli("poll-once", "--feeds", str(feeds), "--state-dir", str(tmp_path / "s"))
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["errors"] == 1 and summary["new_items"] == 0


def test_feeds_import_then_export_round_trips_opml(tmp_path):
    opml = tmp_path / "in.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="TASS" title="TASS English" type="rss" xmlUrl="https://tass.com/rss/v2.xml"/>
      <outline text="Rudaw" type="rss" xmlUrl="https://www.rudaw.net/rss/english" language="en"/>
    </body></opml>""")
    env = {"NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    imported = run_cli("feeds", "import", str(opml), env=env, cwd=tmp_path)
    assert imported.returncode == 0 and "2 new" in imported.stdout, imported.stderr
    assert "0 new" in run_cli("feeds", "import", str(opml), env=env, cwd=tmp_path).stdout
    out = tmp_path / "out.opml"
    assert run_cli("feeds", "export", "-o", str(out), env=env, cwd=tmp_path).returncode == 0
    from producers.catalogue import load_catalogue

    specs = {s.url: s for s in load_catalogue(out)}
    assert set(specs) == {"https://tass.com/rss/v2.xml", "https://www.rudaw.net/rss/english"}
    assert (specs["https://tass.com/rss/v2.xml"].outlet, specs["https://tass.com/rss/v2.xml"].name) == (
        "TASS", "TASS English")  # fmt: skip
    table = run_cli("feeds", "status", env={**env, "COLUMNS": "200"}, cwd=tmp_path)
    assert table.returncode == 0 and "2 feeds" in table.stdout


def test_feeds_import_of_a_bad_file_is_one_error_line(tmp_path):
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline xmlUrl='ftp://x'/></body></opml>")
    result = run_cli("feeds", "import", str(bad), env={"NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 's.db'}"},
                     cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2 and "expected an http(s) URL" in result.stderr


def test_poll_once_starts_every_stage_child_only_for_many_first_polls():
    from newsmon.cli.poll_once import FIRST_POLLS_FOR_ALL_STAGES, stages_to_begin
    from newsmon.config import load_settings

    auto = load_settings(None)
    assert stages_to_begin(auto, never_polled=FIRST_POLLS_FOR_ALL_STAGES, forked=2) == 2  # a cold poll's backlog
    assert stages_to_begin(auto, never_polled=FIRST_POLLS_FOR_ALL_STAGES - 1, forked=2) == 1  # known feeds
    configured = load_settings(None, poll={"stage_processes": 3})
    assert stages_to_begin(configured, never_polled=0, forked=3) == 3


def test_poll_once_follows_a_moved_feed_its_feeds_file_still_names_by_the_old_url(feed_server, tmp_path):
    # The feeds file keeps the URL that answered 301: the next calls poll the feed at its new URL (as the stored
    # row now says), neither losing it (an unpolled row) nor adding the old URL back as a duplicate to disable.
    rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>Moved wire</title>{}</channel></rss>'
    item = "<item><title>Syria: {0}</title><link>https://moved.example/{0}</link><description>Id.</description></item>"
    feed_server.routes["/wire-old"] = Route(301, b"", {"Location": "/wire-new"})
    feed_server.routes["/wire-new"] = Route(200, rss.format(item.format("first")).encode())
    feeds = tmp_path / "urls.txt"
    feeds.write_text(feed_server.url("/wire-old") + "\n")
    state, env = tmp_path / "state", {"NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0"}
    first = poll_once(feeds, state, env)
    feed_server.routes["/wire-new"] = Route(200, rss.format(item.format("first") + item.format("second")).encode())
    second = poll_once(feeds, state, env)
    feed_server.routes["/wire-new"] = Route(200, rss.format(item.format("second") + item.format("third")).encode())
    third = poll_once(feeds, state, env)
    summaries = [json.loads(result.stdout.strip().splitlines()[-1]) for result in (first, second, third)]
    assert [(s["new_items"], s["errors"]) for s in summaries] == [(1, 0), (1, 0), (1, 0)], third.stderr
    with sqlite3.connect(state / "newsmon.db") as db:
        rows = db.execute("select url, moved_from, is_disabled from feeds").fetchall()
        assert db.execute("select count(*) from articles").fetchone()[0] == 3
    assert rows == [(feed_server.url("/wire-new"), feed_server.url("/wire-old"), 0)]
