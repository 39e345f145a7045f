"""Several `newsmon poll` processes on one PostgreSQL store, as docker-compose scales the poller: each feed is polled
once an interval (one slower than a lease too), a feed added while they run once, a 410 once, and the feeds a
poller killed with SIGKILL was polling are polled by the others (those, and only those, twice)."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from newsmon.config import StoreSettings
from newsmon.store import feeds
from newsmon.store.feeds import FeedSpec
from newsmon.store.session import open_store
from tests.feed_server import FeedServer, Route

LEASE_S = 3
RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>{n}</title><item><title>Checkpoint {n} reopened'
       "</title><link>https://scaleout.example/{n}</link><description>Traffic through the Syria crossing resumed at "
       "checkpoint {n}, the local council said.</description></item></channel></rss>")  # fmt: skip


@pytest.fixture
def pg_url(pg_database: str) -> Iterator[str]:
    with psycopg.connect(pg_database.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    yield pg_database


def rows(url: str, query: str) -> list[tuple]:
    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        return connection.execute(query).fetchall()


def serve(server: FeedServer, paths: list[str], delay_s: float = 0.3) -> list[str]:
    for path in paths:
        body = RSS.format(n=path.strip("/")).encode()
        server.routes[path] = Route(200, body, {"Content-Type": "application/rss+xml"}, delay_s=delay_s)
    return [server.url(path) for path in paths]


def register(url: str, feed_urls: list[str]) -> None:
    async def go() -> None:
        async with open_store(StoreSettings(url=url)) as store, store.sessions.begin() as session:
            await feeds.register(session, [FeedSpec(u, u, "Scale-out Wire", "en") for u in feed_urls])

    asyncio.run(go())


@pytest.fixture
def pollers(broker: str, pg_url: str, tmp_path: Path) -> Iterator[tuple[Callable[[], subprocess.Popen], dict]]:
    env = {**os.environ,
           "NEWSMON_KAFKA__BOOTSTRAP_SERVERS": json.dumps([broker]), "NEWSMON_KAFKA__COMPAT": "tansu",
           "NEWSMON_KAFKA__TOPIC_PREFIX": f"so{uuid.uuid4().hex[:6]}.", "NEWSMON_KAFKA__PARTITIONS": "2",
           "NEWSMON_STORE__URL": pg_url, "NEWSMON_POLL__ALLOW_PRIVATE_ADDRESSES": "true",
           "NEWSMON_POLL__PER_HOST_CONCURRENCY": "16", "NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0",
           "NEWSMON_POLL__TIMEOUT_S": "20", "NEWSMON_POLL__LEASE_S": str(LEASE_S),
           # small claims and few slots, so every poller takes a share
           "NEWSMON_POLL__CLAIM_BATCH": "3", "NEWSMON_POLL__CONCURRENCY": "3",
           "NEWSMON_RUN_DIR": str(tmp_path / "run"), "NEWSMON_LOG_LEVEL": "warning"}  # fmt: skip
    for command in (["db", "upgrade"], ["topics", "ensure"]):
        subprocess.run([sys.executable, "-m", "newsmon", *command], env=env, check=True, capture_output=True)
    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        with (tmp_path / f"poll{len(started)}.log").open("a") as log:
            started.append(subprocess.Popen([sys.executable, "-m", "newsmon", "poll"], env=env, stdout=log, stderr=log))
        return started[-1]

    try:
        yield start, env
    finally:
        for process in started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in started:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout_s} s: {what}"
        time.sleep(0.2)


def polled(url: str) -> set[str]:
    return {feed for (feed,) in rows(url, "SELECT url FROM feeds WHERE last_polled_at IS NOT NULL")}


def requested(server: FeedServer) -> Counter[str]:
    return Counter(server.url(path) for path, _ in list(server.requests))


def test_pollers_poll_each_feed_once_including_one_added_while_they_run_and_a_gone_one(pollers, pg_url, tmp_path):
    start, env = pollers
    with FeedServer(tmp_path) as server:
        urls = serve(server, [f"/once-{n}" for n in range(30)])
        urls += serve(server, ["/slower-than-a-lease"], delay_s=2.5 * LEASE_S)  # renewed while it lasts
        server.routes["/gone"] = Route(410, b"gone")
        gone = server.url("/gone")
        register(pg_url, [*urls, gone])
        processes = [start() for _ in range(3)]
        wait_for(lambda: polled(pg_url) >= {*urls, gone}, "every feed polled")
        late = serve(server, ["/added-late"])[0]
        add = [sys.executable, "-m", "newsmon", "feeds", "add", late]
        subprocess.run(add, env=env, check=True, capture_output=True)
        wait_for(lambda: late in polled(pg_url), "the feed added while the pollers run polled")
        time.sleep(3 * LEASE_S)  # long enough for any lease taken twice, or expired under a live poller, to show
        assert all(p.poll() is None for p in processes), f"a poller exited; logs in {tmp_path}"
        counts = requested(server)
    assert {url: n for url, n in counts.items() if n != 1} == {}
    assert set(counts) == {*urls, gone, late}
    assert rows(pg_url, f"SELECT is_disabled, lease_owner FROM feeds WHERE url = '{gone}'") == [(True, None)]
    assert rows(pg_url, "SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL") == [(0,)]


def test_the_feeds_a_killed_poller_was_polling_are_polled_by_the_others(pollers, pg_url, tmp_path):
    start, _ = pollers
    with FeedServer(tmp_path) as server:
        urls = serve(server, [f"/kill-{n}" for n in range(12)], delay_s=2.0)  # each poll is under way a while
        register(pg_url, urls)
        processes = {process.pid: process for process in (start() for _ in range(3))}

        def leases() -> list[tuple[str, str]]:
            return rows(pg_url, "SELECT url, lease_owner FROM feeds WHERE lease_owner IS NOT NULL")

        wait_for(lambda: any(url in requested(server) for url, _ in leases()), "a poll under way")
        victim_owner = next(owner for url, owner in leases() if url in requested(server))
        victim = processes[int(victim_owner.split(":")[2])]
        held = {url for url, owner in leases() if owner == victim_owner}  # what it had claimed when it died
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        held |= {url for url, owner in leases() if owner == victim_owner}
        wait_for(lambda: polled(pg_url) >= set(urls), "every feed polled, the killed poller's too")
        time.sleep(3 * LEASE_S)
        assert all(p.poll() is None for pid, p in processes.items() if p is not victim), f"logs in {tmp_path}"
        counts = requested(server)
    assert held
    assert set(counts) == set(urls) and max(counts.values()) <= 2
    assert {url for url, n in counts.items() if n == 2} <= held  # only what the killed one had under way
    assert rows(pg_url, "SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL") == [(0,)]
