"""The outbox's done rows: the poller still knows their items, but their payload (a copy of the item, now an
article) is dropped, so the table does not keep a second copy of every item's text for ever."""

from datetime import UTC, datetime

from sqlalchemy import select, text

from newsmon.config import StoreSettings
from newsmon.store import feeds, outbox
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import OutboxItem
from newsmon.store.session import Store, open_store, upgrade_database

WHEN = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def _row(row_id: str, feed_id: int, content_hash: str, title: str) -> dict[str, object]:
    return {"id": row_id, "item_id": f"item-{row_id}", "feed_id": feed_id, "content_hash": content_hash,
            "payload": f'{{"title": "{title}"}}', "topic": "newsmon.items", "created_at": WHEN}  # fmt: skip


async def _stored(store: Store) -> dict[str, tuple[object, datetime | None]]:
    async with store.reads() as session:
        rows = (await session.execute(select(OutboxItem.id, OutboxItem.payload, OutboxItem.done_at))).all()
    return {row_id: (payload, done_at) for row_id, payload, done_at in rows}


async def test_done_rows_drop_their_payload_and_are_still_known(store: Store) -> None:
    async with store.sessions.begin() as session:
        await feeds.register(session, [FeedSpec("http://example.test/feed", "feed", "outlet", "en")])
        feed_id = (await feeds.by_urls(session, ["http://example.test/feed"]))[0].id
        rows = [_row("a", feed_id, "hash-a", "first"), _row("b", feed_id, "hash-b", "second")]
        assert await outbox.add_new(session, rows) == ["a", "b"]
    async with store.sessions.begin() as session:
        await outbox.mark_done(session, ["a"], WHEN)

    stored = await _stored(store)
    assert stored["a"][0] is None and stored["a"][1] is not None
    assert stored["b"] == ({"title": "second"}, None)  # not done: still publishable
    async with store.reads() as session:
        assert [row.id for row in await outbox.pending(session, None)] == ["b"]

    async with store.sessions.begin() as session:
        # The same item again is known (nothing to publish); a changed one is published with its new payload.
        assert await outbox.add_new(session, [_row("a", feed_id, "hash-a", "first")]) == []
        assert await outbox.add_new(session, [_row("a", feed_id, "hash-a2", "edited")]) == ["a"]
    assert (await _stored(store))["a"] == ({"title": "edited"}, None)


async def test_upgrade_drops_the_payload_of_rows_already_done(store_url: str) -> None:
    upgrade_database(store_url, "0006")
    async with open_store(StoreSettings(url=store_url), upgrade=False) as before, before.sessions.begin() as session:
        await feeds.register(session, [FeedSpec("http://example.test/feed", "feed", "outlet", "en")])
        feed_id = (await feeds.by_urls(session, ["http://example.test/feed"]))[0].id
        await outbox.add_new(session, [_row("done", feed_id, "h1", "t"), _row("pending", feed_id, "h2", "t")])
        # As 0006's mark_done left a row: done, payload kept.
        await session.execute(text("UPDATE outbox SET done_at = :at WHERE id = 'done'"), {"at": WHEN})
    upgrade_database(store_url)
    async with open_store(StoreSettings(url=store_url), upgrade=False) as after:
        stored = await _stored(after)
    assert stored["done"][0] is None
    assert stored["pending"] == ({"title": "t"}, None)
