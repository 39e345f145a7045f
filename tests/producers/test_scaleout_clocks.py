"""Pollers on machines whose clocks disagree share feeds by the store's clock (PostgreSQL; a SQLite file is on one
machine).

A poller passes its own `datetime.now()` to the lease queries. A poller whose clock runs two minutes fast must not
take a lease another poller renewed a moment ago. (Due times stay in the clock of the poller that recorded the poll:
a skew moves a feed's next poll by as much, it never has two pollers poll it at once.)"""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from newsmon.config import StoreSettings
from newsmon.store import feeds
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import Feed
from newsmon.store.session import open_store

FAST = timedelta(minutes=2)  # how far the second machine's clock runs ahead (a third of a lease is ~20 s)


@pytest.fixture
async def pg_store(pg_database: str):
    import psycopg

    with psycopg.connect(pg_database.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    async with open_store(StoreSettings(url=pg_database)) as store:
        async with store.sessions.begin() as session:
            await feeds.register(session, [FeedSpec(f"https://clock{i}.example/rss", f"c{i}", "Clock Wire", "en")
                                           for i in range(3)])  # fmt: skip
        yield store


async def test_a_poller_whose_clock_runs_fast_does_not_take_a_live_lease(pg_store):
    async with pg_store.sessions.begin() as session:
        held = await feeds.claim_due(session, datetime.now(UTC), owner="on-time", lease_s=60, limit=10)
    async with pg_store.sessions.begin() as session:
        stolen = await feeds.claim_due(session, datetime.now(UTC) + FAST, owner="fast", lease_s=60, limit=10)
    assert len(held) == 3 and stolen == []


async def test_a_lease_taken_by_a_poller_whose_clock_runs_slow_lasts_its_full_length(pg_store):
    async with pg_store.sessions.begin() as session:
        held = await feeds.claim_due(session, datetime.now(UTC) - FAST, owner="slow", lease_s=60, limit=10)
    async with pg_store.sessions.begin() as session:
        stolen = await feeds.claim_due(session, datetime.now(UTC), owner="on-time", lease_s=60, limit=10)
    assert len(held) == 3 and stolen == []


async def test_a_renewal_runs_the_lease_asked_for_from_the_stores_clock(pg_store):
    async with pg_store.sessions.begin() as session:
        held = await feeds.claim_due(session, datetime.now(UTC), owner="on-time", lease_s=5, limit=10)
        await feeds.renew_leases(session, "on-time", [f.id for f in held], datetime.now(UTC) + timedelta(seconds=60))
    async with pg_store.reads() as session:
        until = list((await session.scalars(select(Feed.lease_until))).all())
    assert all(timedelta(seconds=50) < u - datetime.now(UTC) <= timedelta(seconds=61) for u in until)


async def test_a_poller_whose_clock_runs_fast_is_told_when_a_lease_ends_by_its_own_clock(pg_store):
    # It sleeps until then: told the store's time, it saw the lease over already and claimed in vain once a second.
    async with pg_store.sessions.begin() as session:
        await feeds.claim_due(session, datetime.now(UTC), owner="on-time", lease_s=60, limit=10)
    fast_now = datetime.now(UTC) + FAST
    async with pg_store.reads() as session:
        upcoming = await feeds.next_due_at(session, fast_now)
    assert upcoming is not None
    assert timedelta(seconds=50) < upcoming - fast_now <= timedelta(seconds=61)
