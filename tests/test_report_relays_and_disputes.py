"""`newsmon report`'s disputes over time and who is relayed where, from stores with known claims."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import lxml.html

from newsmon.report.html import gather, render
from newsmon.store import articles, claims
from newsmon.store.feeds import FeedSpec
from newsmon.store.filters import Filters
from tests.feed_server import Route
from tests.pipeline_helpers import run_pipeline_over
from tests.test_report import newsmon

# Our own texts. Each item is a story of its own (no two alike); their claims as the extractor finds them today.
DISPUTE_STORIES_FEED = [
    ("Tolls differ after shelling of Ariha", "Tue, 10 Nov 2026 09:00:00 GMT",
     "The health directorate in Syria's Idlib province said 40 people were killed in the shelling of Ariha. "
     "The Syrian Observatory for Human Rights said 12 people were killed."),
    ("Strike reported on Sarmin market", "Thu, 12 Nov 2026 07:00:00 GMT",
     "Local activists said an air strike hit the vegetable market in Sarmin, in Syria's Idlib province. "
     "The Defence Ministry denied that its aircraft struck the market."),
    ("Bakery shelled in Jisr al-Shughur", "Thu, 12 Nov 2026 15:00:00 GMT",
     "The White Helmets said five people were wounded when a bakery in Jisr al-Shughur in northwest Syria was "
     "shelled. A Turkish-backed faction rejected reports that its fighters fired on the town."),
]  # fmt: skip
ONE_VOICE_FEED = [
    ("Attack repelled near Saraqeb", "Fri, 13 Nov 2026 08:00:00 GMT",
     "The Defence Ministry said its units repelled an attack near Saraqeb in Syria's Idlib province on Thursday."),
    ("Army shells positions west of Aleppo", "Sat, 14 Nov 2026 08:00:00 GMT",
     "The Defence Ministry said its artillery destroyed two militant positions west of Aleppo in Syria."),
]  # fmt: skip


def rss(site: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, RFC 822 date, description) items."""
    entries = "".join(f"<item><title>{title}</title><link>https://{site}/{number}</link><pubDate>{date}</pubDate>"
                      f"<description>{text}</description></item>"
                      for number, (title, date, text) in enumerate(items))  # fmt: skip
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"<link>https://{site}/</link><description>d</description>{entries}</channel></rss>").encode()


def table(page, css_class: str) -> list[list[str]]:
    """A table's rows (the heading row first) as the text of their cells, tooltips for cut speaker headings."""
    found = page.find_class(css_class)
    assert len(found) == 1, css_class
    return [[cell.get("title") or cell.text_content() if cell.get("class") == "speaker" else cell.text_content()
             for cell in row] for row in found[0].findall("tr")]  # fmt: skip


def section(page, caption: str):
    return next(found for found in page.findall(".//section") if found.findtext("h2") == caption)


async def test_report_counts_disputes_by_the_day_they_arose_and_claims_by_outlet_and_speaker(
    make_settings, feed_server, tmp_path
):
    settings = make_settings()
    served = {"Content-Type": "application/rss+xml"}
    feed_server.routes["/north.xml"] = Route(200, rss("north.example", DISPUTE_STORIES_FEED), served)
    feed_server.routes["/south.xml"] = Route(200, rss("south.example", ONE_VOICE_FEED), served)
    await run_pipeline_over(settings, [
        FeedSpec(url=feed_server.url("north.xml"), name="n", outlet="North Wire", language="en"),
        FeedSpec(url=feed_server.url("south.xml"), name="s", outlet="South <b>Desk</b>", language="en")])  # fmt: skip
    page_path = tmp_path / "report.html"
    result = newsmon("report", "--since", "2026-11-01", "--output", str(page_path), settings=settings)
    assert result.returncode == 0, result.stderr[-3000:]
    page_text = page_path.read_text()
    assert "<script" not in page_text and "<b>Desk" not in page_text
    page = lxml.html.fromstring(page_text)
    # Ariha: conflicting tolls on the 10th; Sarmin and Jisr al-Shughur: denials on the 12th, the busier day.
    assert table(page, "busiest") == [["day", "stories disputed", "by a denial", "by conflicting numbers"],
                                      ["2026-11-12", "2", "2", "0"], ["2026-11-10", "1", "0", "1"]]  # fmt: skip
    assert len(section(page, "Disputes over time").findall(".//svg")) == 1
    facts = {item.text_content().split(" ", 1)[1]: int(item.findtext("b")) for item in page.find_class("facts")[0]}
    assert facts["disputed stories"] == 3
    stored = [(claim["outlet"], claim["speaker"]) for claim in _query_claims(settings)]
    relays = table(page, "relays")
    speakers = relays[0][1:-2]
    assert relays[0][-2:] == ["anyone else", "all claims"] and set(speakers) == {speaker for _, speaker in stored}
    shown = {(row[0], speaker): int(cell) for row in relays[1:] for speaker, cell in zip(speakers, row[1:-2],
                                                                                          strict=True) if cell}
    assert shown == Counter(stored)
    assert [row[0] for row in relays[1:]] == ["North Wire", "South <b>Desk</b>"]  # most claims first
    assert relays[2][-1] == "2" and relays[2][speakers.index("Syrian Arab Army") + 1] == "2"  # one voice only


def _query_claims(settings) -> list[dict]:
    import json

    result = newsmon("query", "claims", "--format", "json", "--limit", "1000", settings=settings)
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines()]


HOSTILE_SPEAKER = '<script>alert("relayed")</script> & "Sons"'
DAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


async def _fill(store, outlets: int) -> None:
    """One article per outlet on DAY, its outlet's number of claims (1 to `outlets`), each by the hostile speaker
    when the outlet is even and by 'Governor' otherwise; outlet 0 adds a claim by 'Mayor'."""
    async with store.sessions.begin() as session:
        hostile = await claims.speaker_id(session, HOSTILE_SPEAKER, "<i>Org</i>", [])
        governor = await claims.speaker_id(session, "Governor", "", [])
        mayor = await claims.speaker_id(session, "Mayor", "", [])
        for number in range(outlets):
            article_id = f"art{number:03d}"
            await articles.insert_many(session, [stored_article(article_id, f"Outlet {number:02d}")], [], [])
            speaker = hostile if number % 2 == 0 else governor
            rows = [stored_claim(article_id, position, speaker) for position in range(number + 1)]
            if number == 0:
                rows.append(stored_claim(article_id, number + 1, mayor))
            await claims.replace_for_article(session, article_id, 1, rows)


def stored_article(article_id: str, outlet: str, published_at: datetime = DAY, story_id: str = "") -> dict:
    """An article row as the store's insert takes it (its own story unless told)."""
    return {"id": article_id, "version": 1, "url": f"https://x.example/{article_id}", "outlet": outlet,
            "feed_url": "https://x.example/rss", "language": "en", "title": f"Title {article_id}", "text": "t",
            "text_source": "feed", "text_error": None, "published_at": published_at, "content_hash": article_id,
            "story_id": story_id or article_id, "guid": None, "first_seen_at": published_at,
            "updated_at": published_at, "claims_version": 1, "alerts_version": 1}  # fmt: skip


def stored_claim(article_id: str, position: int, speaker: int, cue: str = "said", quantities: list | None = None
                 ) -> dict:  # fmt: skip
    """A claim row as the store's insert takes it."""
    return {"id": f"{article_id}-{position}", "article_id": article_id, "article_version": 1, "speaker_id": speaker,
            "speaker_mention": "m", "cue": cue, "kind": "indirect", "text": f"claim {position}", "start": position,
            "end": position + 1, "quantities": quantities or [], "extractor_version": "test",
            "alerts_checked": True}  # fmt: skip


async def test_relays_table_escapes_speakers_and_sums_outlets_beyond_thirty(store):
    await _fill(store, 35)
    page_text = render(await gather(store, Filters(since=DAY - timedelta(days=1)), 15))
    assert "<script" not in page_text and "<i>Org" not in page_text
    relays = table(lxml.html.fromstring(page_text), "relays")
    assert relays[0] == ["outlet", HOSTILE_SPEAKER, "Governor", "Mayor", "anyone else", "all claims"]
    outlets = [row[0] for row in relays[1:]]
    assert len(outlets) == 30 and outlets[:3] == ["Outlet 34", "Outlet 33", "Outlet 32"]  # most claims first
    assert outlets[-1] == "6 other outlets"  # Outlets 00 to 05: 1 + 2 + ... + 6 claims and Outlet 00's Mayor
    assert relays[-1][1:] == ["9", "12", "1", "", "22"]
    assert relays[1][1:] == ["35", "", "", "", "35"] and relays[2][1:] == ["", "34", "", "", "34"]


async def test_an_empty_period_has_no_relays_or_disputes_over_time(store):
    await _fill(store, 2)
    page = lxml.html.fromstring(render(await gather(store, Filters(since=DAY + timedelta(days=1)), 15)))
    for caption in ("Who is relayed where", "Disputes over time"):
        assert [found.text for found in section(page, caption).find_class("empty")] == ["nothing in this period"]
    assert page.find_class("relays") == [] and page.find_class("busiest") == [] and page.findall(".//svg") == []
