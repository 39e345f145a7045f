"""Text from feeds is data, never terminal markup: brackets and escape sequences in it print as themselves."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from newsmon.report.tables import render

HOSTILE_TITLE = "Assad [/] [bold]says[/bold] [link=https://evil.example]click[/link] \x1b[2J\x1b]0;owned\x07"


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=400, color_system="standard"), out


def test_a_title_with_markup_and_escape_sequences_prints_as_text():
    console, out = terminal()
    row = {"published_at": "2026-11-20T10:00:00+00:00", "outlet": "[red]Agency", "title": HOSTILE_TITLE,
           "url": "https://a.example/1"}  # fmt: skip
    render([row], "articles", "table", console)
    printed = out.getvalue()
    assert "[/]" in printed and "[bold]says[/bold]" in printed and "[link=https://evil.example]" in printed
    assert "[red]Agency" in printed
    assert "\x1b[2J" not in printed and "\x1b]0;" not in printed and "\x1b]8;" not in printed


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{cwd / 'store.db'}", "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=cwd)  # fmt: skip


def test_feeds_list_and_status_print_names_with_brackets(tmp_path):
    (tmp_path / "feeds.opml").write_text(
        '<opml><body><outline text="Agency [/] wire" title="[bold]Wire" xmlUrl="https://a.example/rss"/></body></opml>'
    )
    listed = run_cli("feeds", "list", "--feeds", "feeds.opml", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr[-3000:]
    assert "Agency [/] wire" in listed.stdout and "[bold]Wire" in listed.stdout
    assert run_cli("feeds", "import", "feeds.opml", cwd=tmp_path).returncode == 0
    status = run_cli("feeds", "status", cwd=tmp_path)
    assert status.returncode == 0, status.stderr[-3000:]
    assert "Agency [/] wire" in status.stdout


def test_json_output_escapes_the_c1_controls_a_terminal_would_act_on(tmp_path):
    # U+009B is CSI in 8-bit form: U+009B 2 J clears a terminal that honours C1 controls; JSON may carry it raw.
    text = 'Damascus\nThe ministry said the convoy \x9b2Jreached\x85 the border\x7f on Monday.\n'
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsmon", "extract", str(tmp_path / "doc.txt"), "--format",
                             "jsonl"], capture_output=True, timeout=120, env=os.environ)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    printed = result.stdout.decode("utf-8")
    assert printed and not any("\x7f" <= character <= "\x9f" for character in printed)
    claims = [json.loads(line) for line in printed.splitlines()]
    assert [claim["text"] for claim in claims] == ["the convoy \x9b2Jreached\x85 the border\x7f on Monday"]


async def test_a_report_of_an_empty_period_says_when_the_store_has_articles_and_health_keeps_to_the_outlet(store):
    """The default --since 7d over older articles (the demo's, say) drew an empty page saying only 'nothing in this
    period', with no hint that the store held anything; and --outlet narrowed everything but feed health."""
    from datetime import UTC, datetime, timedelta

    from newsmon.report.html import gather
    from newsmon.report.html import render as render_page
    from newsmon.store import articles
    from newsmon.store import feeds as stored_feeds
    from newsmon.store.feeds import FeedSpec
    from newsmon.store.filters import Filters
    from schemas.articles import Article

    now = datetime.now(UTC)
    published = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC), datetime(2026, 3, 9, 17, 30, tzinfo=UTC)]
    async with store.sessions.begin() as session:
        await stored_feeds.register(session, [
            FeedSpec(url="https://kestrel.example/rss", name="k", outlet="Kestrel Post", language="en"),
            FeedSpec(url="https://heron.example/rss", name="h", outlet="Heron Daily", language="en"),
        ])  # fmt: skip
        for number, when in enumerate(published):
            await articles.insert_new(session, Article(
                article_id=f"kp{number}", version=1, url=f"https://kestrel.example/{number}", outlet="Kestrel Post",
                feed_url="https://kestrel.example/rss", language="en", title=f"Ferry resumes at Tartus, day {number}",
                text="The ferry to Tartus ran again on Monday, the port authority said.", published_at=when,
                content_hash=f"kp{number}"), now)  # fmt: skip
    empty = render_page(await gather(store, Filters(since=now - timedelta(days=7)), 15))
    assert "0</b> articles" in empty
    assert "the store has 2 articles, published 2026-03-02 to 2026-03-09" in empty
    narrowed = render_page(await gather(store, Filters(since=published[0] - timedelta(days=1), outlet="kestrel"), 15))
    assert "2</b> articles" in narrowed and "the store has" not in narrowed
    health = narrowed[narrowed.index("<h2>Feed health</h2>"):]
    assert "<b>1</b> new" in health, health
