"""Store semantics the claims stage relies on: replacement by extractor version, one speaker per name."""

from datetime import UTC, datetime

from sqlalchemy import select

from newsmon.store import articles, claims
from newsmon.store.models import ClaimRow, SpeakerAliasRow, SpeakerRow
from schemas.articles import Article

NOW = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)


def article() -> Article:
    return Article(article_id="a1", url="https://x.example/a1", outlet="X", feed_url="https://x.example/rss",
                   language="en", title="t", text="Putin said the base stays.", published_at=NOW,
                   content_hash="h1")  # fmt: skip


def claim_row(claim_id: str, speaker_id: int, version: str) -> dict:
    return {"id": claim_id, "article_id": "a1", "article_version": 1, "speaker_id": speaker_id,
            "speaker_mention": "Putin", "cue": "said", "kind": "indirect", "text": "the base stays",
            "start": 11, "end": 25, "quantities": [], "extractor_version": version}  # fmt: skip


async def test_new_extractor_version_replaces_the_articles_claims(store):
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article(), NOW)
        putin = await claims.speaker_id(session, "Vladimir Putin", "", ["Putin"])
        first_run = [claim_row("c-v1", putin, "v1"), claim_row("c2-v1", putin, "v1")]
        await claims.replace_for_article(session, "a1", 1, first_run)
    async with store.sessions.begin() as session:
        await claims.replace_for_article(session, "a1", 1, [claim_row("c-v2", putin, "v2")])
    async with store.sessions() as session:
        rows = (await session.scalars(select(ClaimRow))).all()
    assert [(r.id, r.extractor_version) for r in rows] == [("c-v2", "v2")]


async def test_replaying_the_same_claims_changes_nothing(store):
    async with store.sessions.begin() as session:
        await articles.insert_new(session, article(), NOW)
        putin = await claims.speaker_id(session, "Vladimir Putin", "", ["Putin"])
        await claims.replace_for_article(session, "a1", 1, [claim_row("c1", putin, "v1")])
    async with store.sessions() as session:
        before = (await session.scalars(select(ClaimRow.created_at))).all()
    async with store.sessions.begin() as session:
        await claims.replace_for_article(session, "a1", 1, [claim_row("c1", putin, "v1")])
    async with store.sessions() as session:
        assert (await session.scalars(select(ClaimRow.created_at))).all() == before


async def test_aliases_point_to_one_speaker(store):
    async with store.sessions.begin() as session:
        first = await claims.speaker_id(session, "Vladimir Putin", "", ["Putin"])
        second = await claims.speaker_id(session, "Vladimir Putin", "", ["President Putin"])
    async with store.sessions() as session:
        speakers = (await session.scalars(select(SpeakerRow))).all()
        aliases = dict((await session.execute(select(SpeakerAliasRow.alias, SpeakerAliasRow.speaker_id))).all())
    assert first == second and len(speakers) == 1
    assert aliases == {"Vladimir Putin": first, "Putin": first, "President Putin": first}


async def test_latest_disputes_reads_stories_a_page_at_a_time_and_keeps_the_newest_first(store):
    # Eight stories of two articles (two speakers each); the even ones have a denial. Pages of two stories: the
    # three newest disputed stories need three pages, and must be exactly the first three of the whole list.
    from datetime import timedelta

    from newsmon.report.disputes import disputes, latest_disputes
    from newsmon.store.filters import Filters

    async with store.sessions.begin() as session:
        ids = [await claims.speaker_id(session, name, "", []) for name in ("Side A", "Side B")]
        for number in range(8):
            for side in range(2):
                article_id = f"s{number}-{side}"
                published = NOW + timedelta(hours=number, minutes=side)
                await articles.insert_new(session, Article(
                    article_id=article_id, url=f"https://x.example/{article_id}", outlet="X",
                    feed_url="https://x.example/rss", language="en", title=f"story {number}", text="t",
                    published_at=published, content_hash=article_id, story_id=f"s{number}-0"), published)  # fmt: skip
                cue = "denied" if side == 1 and number % 2 == 0 else "said"
                row = {**claim_row(f"c{number}-{side}", ids[side], "v1"), "article_id": article_id, "cue": cue}
                await claims.replace_for_article(session, article_id, 1, [row])
    async with store.reads() as session:
        every = disputes([claim async for page in claims.of_contested_stories(session, Filters()) for claim in page])
        newest = await latest_disputes(session, 3, Filters(), page_size=2)
    assert [d.story_id for d in every] == ["s6-0", "s4-0", "s2-0", "s0-0"]
    assert [d.story_id for d in newest] == ["s6-0", "s4-0", "s2-0"]
