"""Users' read paths through the CLI: `alerts tail` on a rule topic, `query` on the store, bad input."""

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.cli.pipeline import open_pipeline, register_catalogue, stages_running
from newsmon.store.feeds import FeedSpec
from tests.feed_server import Route
from tests.pipeline_helpers import run_pipeline_over, wait_until_drained


def cli(*args: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env}, cwd=cwd)  # fmt: skip


def env_for(settings) -> dict[str, str]:
    return {
        "NEWSMON_KAFKA__BOOTSTRAP_SERVERS": json.dumps(settings.kafka.bootstrap_servers),
        "NEWSMON_KAFKA__COMPAT": "tansu",
        "NEWSMON_KAFKA__TOPIC_PREFIX": settings.kafka.topic_prefix,
        "NEWSMON_STORE__URL": settings.store.url,
    }


@pytest.fixture
async def populated(make_settings, feed_server):
    """A store and topics after one run of the pipeline over the basic RSS fixture."""
    settings = make_settings(alerts={"rules": [{"name": "ceasefire", "keywords": ["ceasefire"]}]})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        spec = FeedSpec(url=feed_server.url("rss2_basic.xml"), name="f", outlet="Fixture Agency", language="en")
        await pipeline.poller.poll_due(await register_catalogue(pipeline.store, [spec]), everything=True)
        await wait_until_drained(pipeline)
    return settings


async def test_alerts_tail_prints_the_rules_alerts_as_json_lines(populated):
    result = cli("alerts", "tail", "ceasefire", "--from-beginning", "--max", "2", env=env_for(populated))
    assert result.returncode == 0, result.stderr
    alerts = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(alerts) == 2
    assert all(a["rule"] == "ceasefire" and "ceasefire" in a["matched_terms"] for a in alerts)


async def test_alerts_tail_of_an_unknown_rule_says_which_rules_exist(populated):
    result = cli("alerts", "tail", "no-such-rule", "--max", "1", env=env_for(populated))
    assert result.returncode == 2
    assert "no-such-rule" in result.stderr and "ceasefire" in result.stderr


async def test_query_prints_articles_and_claims_as_json(populated):
    articles = cli("query", "articles", "--format", "json", env=env_for(populated))
    claims = cli("query", "claims", "--limit", "2", "--format", "json", env=env_for(populated))
    assert articles.returncode == claims.returncode == 0, articles.stderr + claims.stderr
    assert len(articles.stdout.splitlines()) == 3
    assert all(json.loads(line)["outlet"] == "Fixture Agency" for line in articles.stdout.splitlines())
    rows = [json.loads(line) for line in claims.stdout.splitlines()]
    assert len(rows) == 2 and all(row["speaker"] and row["text"] for row in rows)


async def test_query_table_and_bad_query_arguments(populated):
    table = cli("query", "claims", env=env_for(populated))
    assert table.returncode == 0 and "speaker" in table.stdout, table.stderr[-2500:]
    bad = cli("query", "tweets", env=env_for(populated))
    assert bad.returncode == 2 and "tweets" in bad.stderr and "Traceback" not in bad.stderr


def test_run_with_an_unreadable_feeds_file_fails_with_one_line(tmp_path):
    (tmp_path / "feeds.txt").write_text("not a url\n")
    result = cli("run", "--feeds", str(tmp_path / "feeds.txt"), env={}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "line 1" in result.stderr


def test_db_upgrade_creates_the_schema_and_is_repeatable(tmp_path):
    env = {"NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    first, second = cli("db", "upgrade", env=env, cwd=tmp_path), cli("db", "upgrade", env=env, cwd=tmp_path)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    with sqlite3.connect(tmp_path / "fresh.db") as connection:
        tables = {row[0] for row in connection.execute("select name from sqlite_master where type='table'")}
    assert {"feeds", "outbox", "articles", "claims", "speakers", "alerts", "dedupe_postings"} <= tables


@pytest.fixture
async def two_outlets(make_settings, feed_server):
    """The store after the pipeline ran over two feeds: an outlet named in Cyrillic and a wire."""
    settings = make_settings()
    await run_pipeline_over(settings, two_outlet_feeds(feed_server))
    return settings


def two_outlet_feeds(feed_server) -> list[FeedSpec]:
    return [FeedSpec(url=feed_server.url("rss2_basic.xml"), name="a", outlet="ТАСС Fixture", language="en"),
            FeedSpec(url=feed_server.url("atom_basic.xml"), name="b", outlet="Wire Desk", language="en")]


def query_json(settings, *args: str) -> list[dict]:
    result = cli("query", *args, "--format", "json", "--limit", "1000", env=env_for(settings))
    assert result.returncode == 0, result.stderr[-2500:]
    return [json.loads(line) for line in result.stdout.splitlines()]


async def test_query_narrows_by_outlet_speaker_words_time_and_story(two_outlets):
    # Case is ignored in every script: SQLite's own lower() folds ASCII only.
    assert {row["outlet"] for row in query_json(two_outlets, "articles", "--outlet", "тасс")} == {"ТАСС Fixture"}
    assert len(query_json(two_outlets, "articles", "--outlet", "тасс")) == 3
    orlov = query_json(two_outlets, "claims", "--speaker", "ORLOV")
    assert orlov and all("Orlov" in row["speaker"] for row in orlov)
    assert [row["speaker"] for row in query_json(two_outlets, "claims", "--contains", "BASELESS")] == ["Dana Reyes"]
    in_range = query_json(two_outlets, "articles", "--since", "2026-11-03", "--until", "2026-11-04T00:00:00+00:00")
    assert {row["title"] for row in in_range} == {"Ministry says convoy left Deir ez-Zor oil field",
                                                  "Pentagon rejects al-Tanf claims"}  # fmt: skip
    assert query_json(two_outlets, "articles", "--since", "1h") == []  # the fixture items are weeks old
    everything = query_json(two_outlets, "articles")
    assert len(query_json(two_outlets, "articles", "--since", "100000d")) == len(everything) == 6
    story = everything[0]["story_id"]
    assert story and {row["story_id"] for row in query_json(two_outlets, "articles", "--story", story)} == {story}


async def test_query_speakers_tallies_the_claims_it_selects(two_outlets):
    claims = query_json(two_outlets, "claims", "--outlet", "wire")
    speakers = query_json(two_outlets, "speakers", "--outlet", "wire")
    expected: dict[str, set] = {}
    for claim in claims:
        expected.setdefault(claim["speaker"], set()).add(claim["claim_id"])
    assert {row["speaker"]: row["claims"] for row in speakers} == {name: len(ids) for name, ids in expected.items()}
    assert all(row["outlets"] == 1 and row["articles"] >= 1 for row in speakers)
    counts = [row["claims"] for row in speakers]
    assert counts == sorted(counts, reverse=True)


async def test_bad_query_filters_are_one_line_naming_the_option(two_outlets):
    narrows = "--speaker narrows claims, speakers or disputes, not"
    for args, expected in [(["articles", "--since", "yesterday"], "--since 'yesterday'"),
                           (["articles", "--since", "2026-11-05", "--until", "2026-11-01"], "is not before --until"),
                           (["articles", "--speaker", "Orlov"], f"{narrows} articles"),
                           (["stories", "--speaker", "Orlov"], f"{narrows} stories")]:  # fmt: skip
        result = cli("query", *args, env=env_for(two_outlets))
        assert result.returncode == 2 and expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


TOLLS_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tolls Desk</title><link>https://tolls.example/</link><description>d</description>
<item><title>Shelling kills civilians in Tal Tamr, Syria</title><link>https://tolls.example/tal-tamr</link>
<guid>https://tolls.example/tal-tamr</guid><pubDate>Tue, 10 Nov 2026 09:00:00 GMT</pubDate>
<description>At least 12 civilians were killed in shelling on Tal Tamr in Syria, the Syrian Observatory for Human Rights
said on Tuesday. Hasakah governor Luay Sayouh said that three civilians were killed.</description></item>
</channel></rss>"""


async def test_query_disputes_shows_the_stories_where_speakers_disagree(make_settings, feed_server):
    settings = make_settings()
    feed_server.routes["/tolls.xml"] = Route(200, TOLLS_FEED, {"Content-Type": "application/rss+xml"})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        specs = [FeedSpec(url=feed_server.url("atom_basic.xml"), name="b", outlet="Wire Desk", language="en"),
                 FeedSpec(url=feed_server.url("tolls.xml"), name="t", outlet="Tolls Desk", language="en")]
        await pipeline.poller.poll_due(await register_catalogue(pipeline.store, specs), everything=True)
        await wait_until_drained(pipeline)
    found = {row["title"]: row for row in query_json(settings, "disputes")}
    # A denial by another speaker, and two tolls of one thing that cannot both be right; the Pentagon's lone
    # rejection and the OPCW story (one voice each) are no disputes.
    assert set(found) == {"SDF says drone strike hit car near Qamishli", "Shelling kills civilians in Tal Tamr, Syria"}
    qamishli = found["SDF says drone strike hit car near Qamishli"]
    assert len(qamishli["reasons"]) == 1 and "denied" in qamishli["reasons"][0]
    assert "civilians" in qamishli["reasons"][0]
    tolls = found["Shelling kills civilians in Tal Tamr, Syria"]
    assert len(tolls["reasons"]) == 1 and "12 civilians" in tolls["reasons"][0] and "three" in tolls["reasons"][0]
    assert len(tolls["speakers"]) == 2 and tolls["outlets"] == ["Tolls Desk"]
    assert [row["title"] for row in query_json(settings, "disputes", "--outlet", "tolls")] == [tolls["title"]]
    table = cli("query", "disputes", env={**env_for(settings), "COLUMNS": "200"})
    assert table.returncode == 0 and "2 disputes" in table.stdout, table.stderr[-2500:]


async def test_query_stories_lists_each_story_once_with_its_origin_title_and_counts(two_outlets):
    articles = query_json(two_outlets, "articles")
    stories = query_json(two_outlets, "stories")
    by_story: dict[str, list[dict]] = {}
    for article in articles:
        by_story.setdefault(article["story_id"], []).append(article)
    assert [story["story_id"] for story in stories] == sorted(
        by_story, key=lambda story: max(a["published_at"] for a in by_story[story]), reverse=True)
    titles = {article["article_id"]: article["title"] for article in articles}
    for story in stories:
        members = by_story[story["story_id"]]
        assert story["articles"] == len(members) and story["outlets"] == len({a["outlet"] for a in members})
        assert story["title"] == titles[story["story_id"]]  # the story is named by its origin article
    assert [s["story_id"] for s in query_json(two_outlets, "stories", "--outlet", "wire")] == [
        s["story_id"] for s in stories if any(a["outlet"] == "Wire Desk" for a in by_story[s["story_id"]])]


async def test_query_csv_holds_the_json_rows_with_a_header(two_outlets):
    claims = query_json(two_outlets, "claims")
    result = cli("query", "claims", "--format", "csv", "--limit", "1000", env=env_for(two_outlets))
    assert result.returncode == 0, result.stderr[-2500:]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["claim_id"] for row in rows] == [claim["claim_id"] for claim in claims]
    for row, claim in zip(rows, claims, strict=True):
        assert (row["speaker"], row["text"], int(row["start"])) == (claim["speaker"], claim["text"], claim["start"])
        assert json.loads(row["quantities"]) == claim["quantities"]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_stay_text():
    from newsmon.report.tables import write_csv

    out = io.StringIO()
    write_csv([{"title": '=HYPERLINK("https://evil.example","x")', "outlet": "@SUM(A1)", "count": -3,
                "note": "fine = fine"}], out)  # fmt: skip
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row == {"title": '\'=HYPERLINK("https://evil.example","x")', "outlet": "'@SUM(A1)", "count": "-3",
                   "note": "fine = fine"}  # fmt: skip


async def test_query_article_gives_one_article_and_exactly_its_claims(two_outlets):
    claims = query_json(two_outlets, "claims")
    article_id = claims[0]["article_id"]
    own = query_json(two_outlets, "claims", "--article", article_id)
    assert own and [c["claim_id"] for c in own] == [c["claim_id"] for c in claims if c["article_id"] == article_id]
    assert [a["article_id"] for a in query_json(two_outlets, "articles", "--article", article_id)] == [article_id]


def test_the_demo_keeps_its_store_where_asked_for_query_to_read(tmp_path):
    """The demo's store was a temporary directory's, gone when it printed its summary: nothing was left to query."""
    kept = tmp_path / "demo.db"
    result = cli("demo", "--json", "--store", "demo.db", env={}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert f"sqlite:///{kept}" in result.stderr  # how to read it
    env = {"NEWSMON_STORE__URL": f"sqlite:///{kept}"}
    claims = cli("query", "claims", "--format", "json", "--limit", "1000", env=env, cwd=tmp_path)
    assert claims.returncode == 0 and claims.stderr == "", claims.stderr[-3000:]
    assert len(claims.stdout.splitlines()) == summary["claims"] > 0
    again = cli("demo", "--store", str(kept), env={}, cwd=tmp_path)  # a second run would mix two runs' feeds
    assert again.returncode == 2 and again.stdout == ""
    assert again.stderr.startswith("newsmon: error: --store ") and "exists" in again.stderr


async def test_csv_of_nothing_found_still_has_its_header(two_outlets):
    """An empty result printed nothing at all in csv, so a script reading the header (csv.DictReader, pandas) failed
    on exactly the query that found nothing."""
    env = env_for(two_outlets)
    for kind, searched in [("articles", []), ("claims", []), ("stories", []), ("speakers", []), ("disputes", []),
                           ("articles", ["--search", "convoy"]), ("claims", ["--search", "baseless"])]:  # fmt: skip
        found = cli("query", kind, *searched, "--format", "csv", env=env)
        none = cli("query", kind, *searched, "--outlet", "no outlet of that name", "--format", "csv", env=env)
        assert found.returncode == none.returncode == 0, (found.stderr + none.stderr)[-2500:]
        header = found.stdout.splitlines()[0]
        assert len(found.stdout.splitlines()) > 1, (kind, searched)
        assert none.stdout.splitlines() == [header], (kind, searched, none.stdout)


async def test_query_articles_show_where_the_text_came_from_in_json_and_csv(two_outlets):
    rows = query_json(two_outlets, "articles")
    assert rows and all((row["text_source"], row["text_error"]) == ("feed", None) for row in rows)
    result = cli("query", "articles", "--format", "csv", "--limit", "1000", env=env_for(two_outlets))
    assert result.returncode == 0, result.stderr[-2500:]
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:8] == ["article_id", "published_at", "outlet", "title", "url", "version", "language", "story_id"]
    assert header[8:] == ["text_source", "text_error"]
    assert {row["text_source"] for row in csv.DictReader(io.StringIO(result.stdout))} == {"feed"}
