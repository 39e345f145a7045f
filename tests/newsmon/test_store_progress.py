"""What the store says the claims and alerts stages have finished: after a restart on a fresh embedded broker,
the service publishes again exactly the articles `articles.unfinished` names."""

from datetime import UTC, datetime

from newsmon.store import alerts, articles, claims
from newsmon.store.session import Store
from schemas.articles import Article

NOW = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)


def article(article_id: str, version: int = 1, text: str = "Officials said the road is open.") -> Article:
    return Article(article_id=article_id, version=version, url=f"https://x.example/{article_id}", outlet="X",
                   feed_url="https://x.example/rss", language="en", title="t", text=text, published_at=NOW,
                   content_hash=f"h{version}")  # fmt: skip


def claim_row(claim_id: str, article_id: str, speaker: int) -> dict:
    return {"id": claim_id, "article_id": article_id, "article_version": 1, "speaker_id": speaker,
            "speaker_mention": "Officials", "cue": "said", "kind": "indirect", "text": "the road is open",
            "start": 15, "end": 31, "quantities": [], "extractor_version": "v1"}  # fmt: skip


def alert_row(alert_id: str, article_id: str) -> dict:
    return {"id": alert_id, "rule": "road", "subject": "article", "subject_id": article_id, "article_id": article_id,
            "payload": {"alert_id": alert_id, "rule": "road"}, "created_at": NOW}  # fmt: skip


async def unfinished_ids(store: Store, after: str = "", limit: int = 500) -> list[str]:
    async with store.reads() as session:
        return [row.id for row in await articles.unfinished(session, after, limit)]


async def test_an_article_is_unfinished_until_claims_and_alerts_are_done_for_its_version(store: Store) -> None:
    async with store.sessions.begin() as session:
        for article_id in ("a1", "a2", "a3"):
            await articles.insert_new(session, article(article_id), NOW)
    assert await unfinished_ids(store) == ["a1", "a2", "a3"]  # nothing done yet
    assert await unfinished_ids(store, after="a1", limit=1) == ["a2"]  # paged in id order

    async with store.sessions.begin() as session:
        speaker = await claims.speaker_id(session, "Officials", "", [])
        await claims.replace_for_article(session, "a1", 1, [claim_row("c1", "a1", speaker)])
        await claims.replace_for_article(session, "a2", 1, [])
        await alerts.mark_checked(session, {"a2": 1, "a3": 1}, [])
    # a1: its claim not matched by the alerts stage yet; a3: no claims stored.
    assert await unfinished_ids(store) == ["a1", "a3"]

    async with store.sessions.begin() as session:
        await alerts.mark_checked(session, {"a1": 1}, ["c1"])
        await claims.replace_for_article(session, "a3", 1, [])
        await alerts.add(session, [alert_row("al1", "a3")])
    assert await unfinished_ids(store) == ["a3"]  # its alert is stored but not published
    async with store.sessions.begin() as session:
        await alerts.mark_published(session, ["al1"], NOW)
    assert await unfinished_ids(store) == []

    async with store.sessions.begin() as session:
        row = await articles.get(session, "a2")
        assert row is not None
        await articles.update_content(session, row, article("a2", 2, "Officials said the road is closed."), NOW)
        await alerts.mark_checked(session, {"a1": 1}, [])
    assert await unfinished_ids(store) == ["a2"]  # a new version waits for both stages again
    async with store.sessions.begin() as session:
        await alerts.mark_checked(session, {"a2": 1}, [])  # a late record of the old version changes nothing
        await claims.replace_for_article(session, "a2", 2, [])
    assert await unfinished_ids(store) == ["a2"]
    async with store.sessions.begin() as session:
        await alerts.mark_checked(session, {"a2": 2}, [])
    assert await unfinished_ids(store) == []
    async with store.reads() as session:
        message = articles.as_message(await articles.get(session, "a2"))  # type: ignore[arg-type]
    assert (message.version, message.text, message.content_hash) == (2, "Officials said the road is closed.", "h2")
