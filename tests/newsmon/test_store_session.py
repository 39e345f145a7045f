"""Write and read-only sessions of the store: readers never queue behind a writer, and cannot write."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from newsmon.store import articles, feeds, outbox
from newsmon.store.feeds import FeedSpec
from newsmon.store.session import Store


async def _feed_id(store: Store) -> int:
    async with store.sessions.begin() as session:
        await feeds.register(session, [FeedSpec("http://example.test/feed", "feed", "outlet", "en")])
    async with store.reads() as session:
        return (await feeds.by_urls(session, ["http://example.test/feed"]))[0].id


def _outbox_row(feed_id: int) -> dict[str, object]:
    return {"id": "row-1", "item_id": "item-1", "feed_id": feed_id, "content_hash": "hash-1", "payload": "{}",
            "topic": "newsmon.items", "created_at": datetime.now(UTC)}  # fmt: skip


async def test_read_session_proceeds_while_a_writer_holds_the_lock(store: Store) -> None:
    feed_id = await _feed_id(store)
    async with store.sessions.begin() as writer:  # on SQLite: BEGIN IMMEDIATE, the write lock is held from here
        assert await outbox.add_new(writer, [_outbox_row(feed_id)]) == ["row-1"]
        await writer.flush()
        # A read-only session neither takes nor waits for the write lock: it reads the last committed state.
        async with store.reads() as reader:
            assert await outbox.count_not_done(reader) == 0
    async with store.reads() as reader:
        assert await outbox.count_not_done(reader) == 1


async def test_write_in_read_session_is_refused_and_later_writes_work(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("PostgreSQL readers never wait for writers; its read sessions are ordinary sessions")
    feed_id = await _feed_id(store)
    with pytest.raises(OperationalError, match="readonly"):
        async with store.reads() as session:
            await outbox.add_new(session, [_outbox_row(feed_id)])
    # The pooled connection the read session used writes again in a write session.
    async with store.sessions.begin() as session:
        assert await outbox.add_new(session, [_outbox_row(feed_id)]) == ["row-1"]
    async with store.reads() as session:
        assert await outbox.count_not_done(session) == 1


async def test_postgres_lookups_are_planned_for_the_table_as_it_is_now(store: Store) -> None:
    """A statement psycopg has prepared never runs on a generic plan: one made while the table was nearly empty (a
    sequential scan) would be kept as the table grows, until an ANALYZE (never, with autovacuum off)."""
    if store.dialect != "postgresql":
        pytest.skip("plan caching is PostgreSQL's")
    keys = [(f"http://example.test/feed/{n}", f"guid-{n}") for n in range(20)]
    async with store.sessions.begin() as session:
        for _ in range(15):  # psycopg prepares it after 5 runs; the server plans it generically after 5 more
            assert await articles.by_feed_guids(session, keys) == {}
        prepared = (await session.execute(text(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%guid%'"))).all()
    assert prepared, "the lookup was never prepared: this test would check nothing"
    assert [generic for generic, _ in prepared] == [0] * len(prepared)
    assert all(custom >= 5 for _, custom in prepared)
