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
