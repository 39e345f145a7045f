"""Polling state in the store: validators, body hash, schedule, redirects, failures and row leases."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from newsmon.store import feeds
from newsmon.store.models import OutboxItem
from newsmon.store.session import open_store
from producers.leases import poller_id
from schemas.items import FeedItem
from tests.feed_server import Route
from tests.producers.conftest import feed_rows, register

RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>%s'
       b"<item><title>Shelling in Idlib</title><link>https://a.example/1</link>"
       b"<description>Syria news item with enough text to be a real feed body.</description>"
       b"<pubDate>Mon, 02 Nov 2026 16:00:00 +0000</pubDate></item></channel></rss>")  # fmt: skip


def requests_to(feed_server, path: str) -> list[dict[str, str]]:
    return [headers for p, headers in feed_server.requests if p == path]


async def until_seen(feed_server, paths: list[str]) -> None:
    while not all(requests_to(feed_server, path) for path in paths):  # noqa: ASYNC110 - the server is a thread
        await asyncio.sleep(0.02)


async def test_conditional_get_sends_validators_and_304_publishes_nothing(poller_pipeline, feed_server):
    feed_server.routes["/cond"] = Route(
        200, RSS % b"", {"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026 16:00:00 GMT"}
    )
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url("/cond"))
        [first] = await pipeline.poller.poll_due(urls, everything=True)
        feed_server.routes["/cond"] = Route(304, b"")
        [second] = await pipeline.poller.poll_due(urls, everything=True)
        row = (await feed_rows(pipeline.store))[urls[0]]
    assert (first.status, first.items_new, second.status, second.items_new) == ("new", 1, "not_modified", 0)
    headers = requests_to(feed_server, "/cond")[-1]
    assert headers["If-None-Match"] == '"v1"' and headers["If-Modified-Since"] == "Mon, 02 Nov 2026 16:00:00 GMT"
    assert "newsmon" in headers["User-Agent"] and "http" in headers["User-Agent"]
    assert row.etag == '"v1"' and row.items_seen == 1 and row.polls == 2


async def test_same_body_sent_again_in_full_is_not_parsed_again(poller_pipeline, feed_server):
    feed_server.routes["/same"] = Route(200, RSS % b"")
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url("/same"))
        await pipeline.poller.poll_due(urls, everything=True)
        [again] = await pipeline.poller.poll_due(urls, everything=True)
    assert again.status == "unchanged"


async def test_restart_resumes_the_schedule_instead_of_polling_everything(poller_pipeline, feed_server):
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url("rss2_basic.xml"), feed_server.url("atom_basic.xml"))
        assert len(await pipeline.poller.poll_due(urls)) == 2
    async with poller_pipeline() as pipeline:  # a new process on the same store
        assert await pipeline.poller.poll_due(urls) == []
        rows = await feed_rows(pipeline.store)
    assert all(
        r.next_poll_at is not None and r.next_poll_at > datetime.now(UTC) + timedelta(seconds=200)
        for r in rows.values()
    )
    assert all(r.lease_owner is None for r in rows.values())


async def test_ttl_and_max_age_lengthen_the_interval(poller_pipeline, feed_server):
    feed_server.routes["/ttl"] = Route(200, RSS % b"<ttl>180</ttl>")
    feed_server.routes["/maxage"] = Route(200, RSS % b"", {"Cache-Control": "public, max-age=7200"})
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url("/ttl"), feed_server.url("/maxage"))
        await pipeline.poller.poll_due(urls, everything=True)
        rows = await feed_rows(pipeline.store)
    assert rows[urls[0]].server_hint_s == 10800 and rows[urls[0]].interval_s == 10800
    assert rows[urls[1]].server_hint_s == 7200 and rows[urls[1]].interval_s == 7200
    maxage_next_poll_at = rows[urls[1]].next_poll_at
    assert maxage_next_poll_at is not None and maxage_next_poll_at > datetime.now(UTC) + timedelta(seconds=6000)


async def test_permanent_redirect_updates_the_stored_url(poller_pipeline, feed_server):
    feed_server.routes["/old"] = Route(301, b"", {"Location": "/new"})
    feed_server.routes["/new"] = Route(200, RSS % b"")
    feed_server.routes["/temp"] = Route(302, b"", {"Location": "/new?t=1"})
    feed_server.routes["/new?t=1"] = Route(200, RSS % b"")
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url("/old"), feed_server.url("/temp"))
        await pipeline.poller.poll_due(urls, everything=True)
        rows = await feed_rows(pipeline.store)
    assert rows[feed_server.url("/new")].moved_from == feed_server.url("/old")
    assert feed_server.url("/temp") in rows  # a temporary redirect keeps the URL


async def test_repeated_failures_disable_the_feed_by_weight(poller_pipeline, feed_server):
    feed_server.routes["/404"] = Route(404, b"")
    feed_server.routes["/503"] = Route(503, b"")
    async with poller_pipeline(max_failure_score=4.0) as pipeline:
        urls = await register(pipeline.store, feed_server.url("/404"), feed_server.url("/503"))
        for _ in range(2):
            await pipeline.poller.poll_due(urls, everything=True)
        rows = await feed_rows(pipeline.store)
        assert await pipeline.poller.poll_due(urls, everything=True) != []  # the 503 one is still polled
    gone, busy = rows[urls[0]], rows[urls[1]]
    assert gone.is_disabled and gone.failure_score == 4.0
    assert gone.disabled_reason is not None and "404" in gone.disabled_reason
    assert not busy.is_disabled and busy.failure_score == 1.0 and busy.health == "failing"


async def test_per_host_gap_spaces_requests_to_one_host(poller_pipeline, feed_server):
    paths = [f"/gap{i}" for i in range(4)]
    for path in paths:
        feed_server.routes[path] = Route(200, RSS % b"")
    async with poller_pipeline(per_host_min_gap_s=0.3, per_host_concurrency=4) as pipeline:
        urls = await register(pipeline.store, *(feed_server.url(p) for p in paths))
        started = asyncio.get_running_loop().time()
        await pipeline.poller.poll_due(urls, everything=True)
        elapsed = asyncio.get_running_loop().time() - started
    assert elapsed >= 0.9  # four starts, three gaps of 0.3 s


async def test_two_pollers_never_poll_a_feed_twice(poller_pipeline, feed_server, store_url):
    paths = [f"/pair-{uuid.uuid4().hex[:8]}-{i}" for i in range(24)]
    for path in paths:
        feed_server.routes[path] = Route(200, RSS % b"", delay_s=0.05)
    async with (
        poller_pipeline(claim_batch=4, concurrency=4) as one,
        poller_pipeline(claim_batch=4, concurrency=4) as two,
    ):
        urls = await register(one.store, *(feed_server.url(p) for p in paths))
        first, second = await asyncio.gather(one.poller.poll_due(urls), two.poller.poll_due(urls))
        again = await asyncio.gather(one.poller.poll_due(urls), two.poller.poll_due(urls))
    assert sorted(r.feed_url for r in first + second) == sorted(urls)
    assert first and second  # both took a share
    assert again == [[], []]  # polled once in this interval
    assert all(len(requests_to(feed_server, p)) == 1 for p in paths)


async def test_dead_pollers_leases_expire_and_another_takes_over(poller_pipeline, feed_server, store_url):
    paths = [f"/dead-{uuid.uuid4().hex[:8]}-{i}" for i in range(6)]
    for path in paths:
        feed_server.routes[path] = Route(200, RSS % b"")
    async with poller_pipeline(lease_s=1.0) as pipeline:
        urls = await register(pipeline.store, *(feed_server.url(p) for p in paths))
        async with pipeline.store.sessions.begin() as session:  # a poller claims, then dies
            claimed = await feeds.claim_due(session, datetime.now(UTC), owner="dead", lease_s=1.0, limit=100, urls=urls)
        assert len(claimed) == 6
        assert await pipeline.poller.poll_due(urls) == []  # leased to the dead one
        await asyncio.sleep(1.2)
        taken = await pipeline.poller.poll_due(urls)
    assert sorted(r.feed_url for r in taken) == sorted(urls)


async def test_state_survives_in_the_store_for_reports(poller_pipeline, feed_server, store_url):
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url("no_dates.xml"), feed_server.url("itemless.xml"))
        await pipeline.poller.poll_due(urls, everything=True)
    from newsmon.config import StoreSettings

    async with open_store(StoreSettings(url=store_url)) as store:
        rows = await feed_rows(store)
    undated, empty = rows[urls[0]], rows[urls[1]]
    assert undated.health == "undated" and undated.last_undated_count == undated.last_item_count == 2
    assert empty.health == "empty" and empty.last_item_count == 0 and empty.last_success_at is not None


def owner_on_this_host(pid: int) -> str:
    """A lease owner as a poller process `pid` of this host (and PID namespace) would write it."""
    host, namespace, _, _ = poller_id().split(":")
    return f"{host}:{namespace}:{pid}:0123456789ab"


async def test_restarted_poller_takes_over_its_dead_predecessors_leases_at_once(poller_pipeline, feed_server):
    paths = [f"/restart-{uuid.uuid4().hex[:8]}-{i}" for i in range(3)]
    for path in paths:
        feed_server.routes[path] = Route(200, RSS % b"")
    finished = await asyncio.create_subprocess_exec("true")  # a process of this host that has exited, like a
    await finished.wait()  # killed poller
    async with poller_pipeline() as pipeline:  # the default lease, far longer than this test
        urls = await register(pipeline.store, *(feed_server.url(p) for p in paths))
        async with pipeline.store.sessions.begin() as session:
            await feeds.claim_due(session, datetime.now(UTC), owner=owner_on_this_host(finished.pid),
                                  lease_s=pipeline.settings.poll.lease_s, limit=100, urls=urls)  # fmt: skip
        taken = await pipeline.poller.poll_due(urls)
    assert sorted(r.feed_url for r in taken) == sorted(urls)


async def test_leases_of_a_live_poller_on_the_same_host_are_left_alone(poller_pipeline, feed_server):
    path = f"/alive-{uuid.uuid4().hex[:8]}"
    feed_server.routes[path] = Route(200, RSS % b"")
    running = await asyncio.create_subprocess_exec("sleep", "60")  # another poller process of this host, running
    try:
        async with poller_pipeline() as pipeline:
            urls = await register(pipeline.store, feed_server.url(path))
            async with pipeline.store.sessions.begin() as session:
                await feeds.claim_due(session, datetime.now(UTC), owner=owner_on_this_host(running.pid),
                                      lease_s=60, limit=100, urls=urls)  # fmt: skip
            assert await pipeline.poller.poll_due(urls) == []
    finally:
        running.kill()
        await running.wait()
    assert requests_to(feed_server, path) == []


async def test_a_poll_longer_than_its_lease_keeps_the_feed(poller_pipeline, feed_server):
    path = f"/long-{uuid.uuid4().hex[:8]}"
    feed_server.routes[path] = Route(200, RSS % b"", delay_s=1.5)
    async with poller_pipeline(lease_s=0.6) as one, poller_pipeline(lease_s=0.6) as two:
        urls = await register(one.store, feed_server.url(path))
        slow = asyncio.create_task(one.poller.poll_due(urls))
        await asyncio.sleep(1.0)  # past the lease taken at the claim; the first poller renewed it
        assert await two.poller.poll_due(urls) == []
        assert [r.status for r in await slow] == ["new"]
    assert len(requests_to(feed_server, path)) == 1


async def test_outbox_row_holds_the_feed_item_as_published(poller_pipeline, feed_server):
    path = f"/outbox-{uuid.uuid4().hex[:8]}"
    feed_server.routes[path] = Route(200, RSS % b"")
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url(path))
        await pipeline.poller.poll_due(urls, everything=True)
        async with pipeline.store.sessions() as session:
            feed_id = (await feed_rows(pipeline.store))[urls[0]].id
            rows = (await session.scalars(select(OutboxItem).where(OutboxItem.feed_id == feed_id))).all()
    assert len(rows) == 1
    item = FeedItem.model_validate(rows[0].payload)  # a JSON object in the store, not a JSON string
    assert (item.title, item.delivery_id, item.content_hash) == ("Shelling in Idlib", rows[0].id, rows[0].content_hash)


async def test_poll_due_returns_once_its_items_are_acknowledged_by_the_broker(poller_pipeline, feed_server):
    # Polls no longer wait for the publish of their batch; poll_due itself still does, so its caller can rely on it.
    paths = [f"/acked-{uuid.uuid4().hex[:8]}-{n}" for n in range(3)]
    for path in paths:
        feed_server.routes[path] = Route(200, RSS % b"")
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, *(feed_server.url(path) for path in paths))
        reports = await pipeline.poller.poll_due(urls, everything=True)
        feed_ids = [feed.id for url, feed in (await feed_rows(pipeline.store)).items() if url in urls]
        async with pipeline.store.sessions() as session:
            rows = (await session.scalars(select(OutboxItem).where(OutboxItem.feed_id.in_(feed_ids)))).all()
    assert sorted(r.status for r in reports) == ["new"] * 3
    assert len(rows) == 3 and all(row.published_at is not None for row in rows)


async def test_polls_waiting_for_the_store_free_their_fetch_slot(poller_pipeline, feed_server):
    # Another transaction holds the store (as the dedupe stage's batch does): a fetched poll waits for it to
    # record, and the next feeds are fetched meanwhile instead of queueing behind it for the one slot.
    paths = [f"/held-{uuid.uuid4().hex[:8]}-{n}" for n in range(3)]
    for n, path in enumerate(paths):
        feed_server.routes[path] = Route(200, RSS % f"<title>{n}</title>".encode(), delay_s=0.5 if n == 0 else 0.0)
    async with poller_pipeline(concurrency=1) as pipeline:
        urls = await register(pipeline.store, *(feed_server.url(path) for path in paths))
        polls = asyncio.create_task(pipeline.poller.poll_due(urls, everything=True))
        await until_seen(feed_server, paths[:1])  # claimed; its answer takes a while
        ids = [feed.id for url, feed in (await feed_rows(pipeline.store)).items() if url in urls]
        async with pipeline.store.sessions.begin() as holder:  # SQLite: the write lock; PostgreSQL: the rows
            until = datetime.now(UTC) + timedelta(seconds=60)
            await feeds.renew_leases(holder, pipeline.poller.owner, ids, until)
            await until_seen(feed_server, paths)
            assert not polls.done()
        reports = await polls
    assert sorted(r.status for r in reports) == ["new"] * 3
