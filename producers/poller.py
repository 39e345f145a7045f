"""Polling loop: fetch, parse, filter, then write feed state + outbox in one transaction, then publish."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
import structlog
from aiokafka import AIOKafkaProducer

from newsmon.config import PollSettings
from newsmon.store import feeds, outbox
from newsmon.store.models import Feed
from newsmon.store.session import Store
from producers.errors import FeedFetchError, FeedParseError
from producers.fetch import FetchResult, fetch_feed
from producers.items import build_item
from producers.parse import parse_feed
from producers.relevance import RelevanceFilter
from schemas.items import FeedItem
from schemas.topics import Topics

log = structlog.get_logger()
MAX_BACKOFF_S = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class PollReport:
    feed_url: str
    status: str  # "new" | "not_modified" | "unchanged" | "error"
    items_new: int = 0
    items_irrelevant: int = 0
    error: str | None = None


@dataclass(slots=True)
class Poller:
    """Everything one poll needs, owned by the caller (one HTTP client, one producer, one store)."""

    http: httpx.AsyncClient
    producer: AIOKafkaProducer
    store: Store
    topics: Topics
    settings: PollSettings
    relevance: RelevanceFilter = field(default_factory=RelevanceFilter)

    async def poll_feed(self, feed: Feed) -> PollReport:
        """Poll one feed; every failure is recorded on the feed and reported, never raised."""
        bound = log.bind(feed_url=feed.url, outlet=feed.outlet)
        polled_at = datetime.now(UTC)
        try:
            fetched = await fetch_feed(self.http, feed.url, etag=feed.etag, last_modified=feed.last_modified,
                                       max_body_bytes=self.settings.max_body_bytes)  # fmt: skip
            items, irrelevant = self._items(feed, fetched, polled_at)
        except (FeedFetchError, FeedParseError) as error:
            bound.warning("feed_failed", error=str(error))
            await self._record_failure(feed, polled_at, error)
            return PollReport(feed.url, "error", error=str(error))
        if items is None:
            await self._record(feed, fetched, polled_at, [], 0)
            return PollReport(feed.url, "not_modified" if fetched.status == 304 else "unchanged")
        published = await self._record(feed, fetched, polled_at, items, irrelevant)
        bound.info("feed_polled", items=len(items), new=published, irrelevant=irrelevant)
        return PollReport(feed.url, "new", items_new=published, items_irrelevant=irrelevant)

    def _items(self, feed: Feed, fetched: FetchResult, polled_at: datetime) -> tuple[list[FeedItem] | None, int]:
        if fetched.body is None or (fetched.body_hash and fetched.body_hash == feed.body_hash):
            return None, 0  # 304, or the same body sent again in full: nothing to parse
        entries = parse_feed(fetched.body, feed.url, fetched.content_type)
        items, irrelevant = [], 0
        for entry in entries:
            if not self.relevance.matches(entry.title, entry.text):
                irrelevant += 1
                continue
            items.append(build_item(entry, feed_url=feed.url, outlet=feed.outlet, language=feed.language,
                                    polled_at=polled_at))  # fmt: skip
        return items, irrelevant

    async def _record(self, feed: Feed, fetched: FetchResult, polled_at: datetime, items: list[FeedItem],
                      irrelevant: int) -> int:  # fmt: skip
        # Feed state and new items commit together: a crash after this point loses nothing, because
        # the relay publishes outbox rows that never reached the broker.
        async with self.store.sessions.begin() as session:
            rows = [{"id": i.delivery_id, "item_id": i.item_id, "feed_id": feed.id, "content_hash": i.content_hash,
                     "payload": i.model_dump(mode="json"), "created_at": polled_at} for i in items]  # fmt: skip
            fresh_ids = set(await outbox.add_new(session, rows))
            outcome = feeds.PollOutcome(
                polled_at=polled_at, next_poll_at=polled_at + timedelta(seconds=self.settings.interval_s),
                etag=fetched.etag, last_modified=fetched.last_modified, body_hash=fetched.body_hash,
                items_new=len(fresh_ids), items_irrelevant=irrelevant,
            )  # fmt: skip
            await feeds.record_poll(session, feed.id, outcome)
        await self.publish([i for i in items if i.delivery_id in fresh_ids])
        return len(fresh_ids)

    async def _record_failure(self, feed: Feed, polled_at: datetime, error: Exception) -> None:
        retry_after = getattr(error, "retry_after_s", None)
        backoff = min(self.settings.interval_s * 2 ** min(feed.failures, 16), MAX_BACKOFF_S)
        delay = max(backoff, retry_after or 0.0)
        async with self.store.sessions.begin() as session:
            await feeds.record_poll(session, feed.id, feeds.PollOutcome(
                polled_at=polled_at, next_poll_at=polled_at + timedelta(seconds=delay),
                error=f"{type(error).__name__}: {error}"))  # fmt: skip

    async def publish(self, items: Sequence[FeedItem]) -> bool:
        """Send items keyed by item id, then mark their outbox rows published; on a broker error return
        False and leave them for the relay."""
        if not items:
            return True
        try:
            futures = [await self.producer.send(self.topics.items, i.to_bytes(), key=i.item_id.encode()) for i in items]
            await asyncio.gather(*futures)
        except Exception as error:  # noqa: BLE001 - the outbox keeps the items; the relay retries
            log.warning("items_publish_failed", error=repr(error), items=len(items))
            return False
        async with self.store.sessions.begin() as session:
            await outbox.mark_published(session, [i.delivery_id for i in items], datetime.now(UTC))
        return True

    async def poll_due(self, urls: Sequence[str] | None = None, *, everything: bool = False) -> list[PollReport]:
        """Poll the feeds that are due (or all enabled ones), at most `concurrency` at a time."""
        async with self.store.sessions() as session:
            rows = await (feeds.by_urls(session, urls) if everything and urls is not None
                          else feeds.due(session, datetime.max.replace(tzinfo=UTC) if everything
                                         else datetime.now(UTC), urls))  # fmt: skip
        gate = asyncio.Semaphore(self.settings.concurrency)

        async def guarded(feed: Feed) -> PollReport:
            async with gate:
                return await self.poll_feed(feed)

        return list(await asyncio.gather(*(guarded(feed) for feed in rows if not feed.is_disabled)))

    async def run(self, urls: Sequence[str] | None, stop: asyncio.Event) -> None:
        """Poll due feeds until `stop` is set, sleeping until the next feed is due (at most 30 s)."""
        while not stop.is_set():
            await self.poll_due(urls)
            async with self.store.sessions() as session:
                upcoming = [f.next_poll_at for f in await feeds.all_feeds(session) if f.next_poll_at and not f.is_disabled]
            wait_s = min([(t - datetime.now(UTC)).total_seconds() for t in upcoming] + [30.0])
            try:
                await asyncio.wait_for(stop.wait(), timeout=max(wait_s, 1.0))
            except TimeoutError:
                continue
