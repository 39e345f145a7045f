"""NUL and the other C0 control characters (but tab, line feed and carriage return) are taken out of text as it enters
the store, on both engines alike: PostgreSQL refuses NUL in text and jsonb, and SQLite would keep it."""

from datetime import UTC, datetime

from sqlalchemy import select

from newsmon.store import articles, claims
from newsmon.store.filters import Filters
from newsmon.store.models import ClaimRow, DuplicateRow, SpeakerRow
from newsmon.store.search import parse_search
from schemas.articles import Article

NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
DIRTY_TITLE = "Ferry\x00 timetable\x07 changes\x1b"
DIRTY_TEXT = "The harbour\x00office said:\tthe ferry\r\nsails\x0b twice a day.\x1f"
CLEAN_TITLE = "Ferry timetable changes"
CLEAN_TEXT = "The harbouroffice said:\tthe ferry\r\nsails twice a day."


def dirty_article(article_id: str = "nul-1") -> Article:
    return Article(article_id=article_id, url="https://wire.example/ferry\x00", outlet="Lake\x00 Wire",
                   feed_url="https://wire.example/rss", language="en", title=DIRTY_TITLE, text=DIRTY_TEXT,
                   published_at=NOW, content_hash="h\x00")  # fmt: skip


async def test_control_characters_are_stripped_from_articles_claims_and_json_on_both_engines(store):
    async with store.sessions.begin() as session:
        await articles.insert_new(session, dirty_article(), NOW, guid="guid\x00-1")
        values = articles.new_article_values(dirty_article("nul-2"), NOW, guid="guid\x00-2")
        await articles.insert_many(session, [values], [articles.version_values(dirty_article("nul-2"), NOW)], [])
        await articles.record_duplicate(session, copy_id="copy\x00", item_id="item", feed_url="https://b.example/rss",
                                        outlet="Other\x00 Wire", url="https://b.example/ferry", duplicate_of="nul-1",
                                        similarity=1.0, method="url", seen_at=NOW)  # fmt: skip
        speaker = await claims.speaker_id(session, "Harbour\x00 Office", "Port\x00", ["the\x00 office"])
        claim = {"id": "claim-1", "article_id": "nul-1", "article_version": 1, "speaker_id": speaker,
                 "speaker_mention": "the harbour\x00 office", "cue": "said\x00", "kind": "direct",
                 "text": "the ferry\x00 sails", "start": 0, "end": 10, "extractor_version": "v1",
                 "quantities": [{"text": "twice\x00", "unit": "sailings\x01", "values": [2]}]}  # fmt: skip
        await claims.replace_for_article(session, "nul-1", 1, [claim])
    async with store.reads() as session:
        first, second = await articles.get(session, "nul-1"), await articles.get(session, "nul-2")
        by_guid = await articles.by_feed_guids(session, [("https://wire.example/rss", "guid\x00-1")])
        [copy] = (await session.scalars(select(DuplicateRow))).all()
        [speaker_row] = (await session.scalars(select(SpeakerRow))).all()
        [claim_row] = (await session.scalars(select(ClaimRow))).all()
        searched = await articles.latest(session, 5, Filters(search=parse_search("harbouroffice")))
        contained = await articles.latest(session, 5, Filters(contains="timetable\x00 changes"))
    for row in (first, second):
        assert row is not None
        assert (row.title, row.text, row.outlet, row.url) == (CLEAN_TITLE, CLEAN_TEXT, "Lake Wire",
                                                              "https://wire.example/ferry")  # fmt: skip
    assert first is not None and (first.guid, first.content_hash) == ("guid-1", "h")
    assert {key: row.id for key, row in by_guid.items()} == {("https://wire.example/rss", "guid\x00-1"): "nul-1"}
    assert (copy.id, copy.outlet) == ("copy", "Other Wire")
    assert (speaker_row.name, speaker_row.organisation) == ("Harbour Office", "Port")
    assert (claim_row.speaker_mention, claim_row.cue) == ("the harbour office", "said")
    assert claim_row.text == "the ferry sails"
    assert claim_row.quantities == [{"text": "twice", "unit": "sailings", "values": [2]}]
    assert sorted(row.id for row in searched) == ["nul-1", "nul-2"]
    assert sorted(row.id for row in contained) == ["nul-1", "nul-2"]
