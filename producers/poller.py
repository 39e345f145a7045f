"""Polling loop: lease due feeds, fetch, parse and filter (in a process pool when there is one), then
write feed state + outbox in one transaction, then publish."""

import asyncio
import json
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import structlog
from aiokafka.errors import MessageSizeTooLargeError
from aiokafka.record.default_records import DefaultRecordBatchBuilder

from newsmon import metrics
from newsmon.config import PollSettings
from newsmon.store import feeds, outbox
from newsmon.store.models import Feed
from newsmon.store.session import Store
from producers import schedule
from producers.errors import FeedFetchError, FeedParseError
from producers.fetch import Fetcher, FetchResult
from producers.identity import without_credentials
from producers.items import ParseJob, PreparedFeed, PreparedItem, prepare_feed, publish_gap_s
from producers.leases import poller_id, stale_owners
from producers.recorder import Merge, PendingPoll, Recorder
from producers.relevance import DEFAULT_TERMS
from schemas.dead_letter import DeadLetter
from schemas.topics import ITEMS, ITEMS_FETCH, Topics

log = structlog.get_logger()
CLAIM_ATTEMPTS = 3
UNRECORDED_PER_SLOT = 4  # polls fetched and waiting for their batch to commit, per fetch slot
MARK_CHUNK = 500  # ids per UPDATE ... IN (...), well under SQLite's variable limit
MAX_RECORD_BYTES = 1_048_576  # kafka.max_record_bytes's default
# A dead letter is the DeadLetter of consumers/dead_letter.py (producers import no consumers): the same envelope room,
# the same headers (broker.md §5 rule 6), and it must itself fit the record size limit.
LETTER_ENVELOPE_BYTES = 16 * 1024
LETTER_BATCH_OVERHEAD_BYTES = 128


@dataclass(frozen=True, slots=True)
class PollReport:
    feed_url: str
    status: str  # "new" | "not_modified" | "unchanged" | "error"
    items_new: int = 0
    items_irrelevant: int = 0
    error: str | None = None


class ItemProducer(Protocol):
    """What the poller needs of a Kafka producer (AIOKafkaProducer, or one that starts the broker on demand)."""

    async def send(self, topic: str, value: bytes, key: bytes,
                   headers: list[tuple[str, bytes]] | None = None) -> "asyncio.Future[Any]": ...  # fmt: skip


def relevance_terms(settings: PollSettings) -> tuple[str, ...]:
    base = DEFAULT_TERMS if settings.relevance_terms is None else tuple(settings.relevance_terms)
    return tuple(base) + tuple(settings.extra_relevance_terms)


@dataclass(slots=True)
class Poller:
    """Everything one poll needs, owned by the caller (one fetcher, one producer, one store, one pool)."""

    fetcher: Fetcher
    producer: ItemProducer
    store: Store
    topics: Topics
    settings: PollSettings
    parse_pool: Executor | None = None
    owner: str = field(default_factory=poller_id)
    terms: tuple[str, ...] = ()
    on_new_body: Callable[[], None] | None = None  # told before a new body is parsed (poll-once starts its broker)
    # published_at spares the relay rows sent recently; with a memory-only embedded broker every row not done
    # goes out again anyway, so poll-once skips the UPDATE for fresh items (35k index rewrites in a cold poll).
    marks_published: bool = True
    max_record_bytes: int = MAX_RECORD_BYTES  # kafka.max_record_bytes: what the producer refuses, and a letter's bound
    recorder: Recorder = field(init=False)
    _pool_spawn: "asyncio.Task[Any] | None" = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.terms = self.terms or relevance_terms(self.settings)
        self.recorder = Recorder(self.store, self.publish)

    async def poll_feed(self, feed: Feed, on_fetched: Callable[[], None] = lambda: None) -> PollReport:
        """Poll one feed; every failure is recorded on the feed and reported, never raised. `on_fetched` is
        called once the fetch (and parse) is over and only the record is left."""
        bound = log.bind(feed_url=without_credentials(feed.url), outlet=feed.outlet)
        polled_at = datetime.now(UTC)
        fetched: FetchResult | None = None
        try:
            fetched = await self.fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
            onto = await self._moved_onto(feed, fetched)
            prepared = await self._prepare(feed, fetched, polled_at, is_forced=onto is not None)
            merge = await self._merge(onto, fetched, polled_at, prepared) if onto and prepared else None
            on_fetched()
            published = await self._record(feed, fetched, polled_at, prepared, merge)
        except (FeedFetchError, FeedParseError) as error:
            on_fetched()
            bound.warning("feed_failed", error=str(error))
            return await self._fail(feed, polled_at, error, fetched)
        except Exception as error:  # the loop boundary of one feed: record it and go on
            on_fetched()
            bound.exception("feed_poll_crashed")
            return await self._fail(feed, polled_at, error, fetched)
        if prepared is None:
            return PollReport(feed.url, "not_modified" if fetched.status == 304 else "unchanged")
        bound.debug("feed_polled", entries=prepared.entries, new=published, irrelevant=prepared.irrelevant)
        return PollReport(feed.url, "new", items_new=published, items_irrelevant=prepared.irrelevant)

    async def _fail(self, feed: Feed, polled_at: datetime, error: Exception, fetched: FetchResult | None) -> PollReport:
        try:
            await self._record_failure(feed, polled_at, error, fetched)
        except Exception:  # the store is failing too: the lease expires and the feed is polled again
            log.exception("feed_failure_not_recorded", feed_url=without_credentials(feed.url))
        return PollReport(feed.url, "error", error=f"{type(error).__name__}: {error}")

    async def _moved_onto(self, feed: Feed, fetched: FetchResult) -> Feed | None:
        """The other feed of the catalogue at the URL this one has moved to for good (301/308), if there is one and it
        is polled (a disabled one would publish nothing of the body: this feed does, as before, and is disabled)."""
        if not fetched.moved_to or fetched.moved_to == feed.url:
            return None
        async with self.store.reads() as session:
            found = await feeds.by_urls(session, [fetched.moved_to])
        return next((f for f in found if f.id != feed.id and not f.is_disabled), None)

    async def _merge(self, onto: Feed, fetched: FetchResult, polled_at: datetime, prepared: PreparedFeed) -> Merge:
        # The body is the other feed's now, which its own polls publish under its keys (feed URL + guid for an item
        # without a link). Like newsboat's URL migration (its items moved to the new feed URL), what this feed published
        # already stays published once: the recorder gives those items closed rows under the other feed's keys.
        theirs = await self._prepare(onto, fetched, polled_at, is_forced=True)
        assert theirs is not None  # a body, parsed the same way: the same items in the same order
        return Merge(onto.id, prepared.items, theirs.items)

    async def _prepare(self, feed: Feed, fetched: FetchResult, polled_at: datetime, *,
                       is_forced: bool = False) -> PreparedFeed | None:  # fmt: skip
        if fetched.body is None or (fetched.body_hash == feed.body_hash and not is_forced):
            return None  # 304, or the same body sent again in full: nothing to parse
        if self.on_new_body is not None:
            self.on_new_body()
        topic = ITEMS_FETCH if feed.full_text else ITEMS  # a full-text feed's items go via the page fetcher
        # Items are keyed by the URL the feed had first: after a 301 they are the same items (same ids, no resend).
        job = ParseJob(fetched.body, feed.moved_from or feed.url, feed.outlet, feed.language, fetched.content_type,
                       polled_at, self.terms, topic, fetched.final_url)  # fmt: skip
        if self.parse_pool is None:
            return prepare_feed(job)
        if self._pool_spawn is None:
            # The first submit spawns the workers and blocks until the forkserver has imported the parser
            # (0.3-1 s): done in a thread, so fetches, writes and the broker start go on meanwhile.
            self._pool_spawn = asyncio.create_task(asyncio.to_thread(self.parse_pool.submit, publish_gap_s, []))
        await self._pool_spawn
        return await asyncio.get_running_loop().run_in_executor(self.parse_pool, prepare_feed, job)

    async def _record(self, feed: Feed, fetched: FetchResult, polled_at: datetime, prepared: PreparedFeed | None,
                      merge: Merge | None = None) -> int:  # fmt: skip
        # Feed state and new items commit together: a crash after this point loses nothing, because
        # the relay publishes outbox rows that never reached the broker. A feed merged into another publishes nothing
        # of the body (the store disables it, naming the feed it moved onto).
        items = prepared.items if prepared and merge is None else []
        return await self.recorder.record(PendingPoll(
            feed.id, polled_at, items, lambda fresh: self._success(feed, fetched, polled_at, prepared, fresh),
            merge=merge))  # fmt: skip

    def _success(self, feed: Feed, fetched: FetchResult, polled_at: datetime, prepared: PreparedFeed | None,
                 fresh: int) -> feeds.PollOutcome:  # fmt: skip
        hints = [h for h in (fetched.max_age_s, prepared.update_hint_s if prepared else None) if h]
        server_hint = max(hints) if hints else (None if prepared else feed.server_hint_s)
        gap = prepared.publish_gap_s if prepared and prepared.publish_gap_s else feed.publish_gap_s
        interval = schedule.success_interval_s(self.settings, publish_gap_s=gap, server_hint_s=server_hint,
                                               previous_s=feed.interval_s)  # fmt: skip
        body_bytes = len(fetched.body) if fetched.body is not None else feed.last_body_bytes
        item_count = prepared.entries if prepared else feed.last_item_count
        facts = schedule.HealthFacts(
            is_disabled=False, is_failing=False, body_bytes=body_bytes, item_count=item_count,
            undated_count=prepared.undated if prepared else feed.last_undated_count,
            last_new_item_at=polled_at if fresh else (feed.last_new_item_at or polled_at), usual_gap_s=gap or interval,
        )  # fmt: skip
        return feeds.PollOutcome(
            polled_at=polled_at, next_poll_at=polled_at + timedelta(seconds=schedule.jittered(interval)),
            status=fetched.status, etag=fetched.etag, last_modified=fetched.last_modified,
            body_hash=fetched.body_hash, items_new=fresh, items_irrelevant=prepared.irrelevant if prepared else 0,
            interval_s=interval, server_hint_s=server_hint, health=schedule.health(self.settings, facts, polled_at),
            item_count=item_count, undated_count=facts.undated_count, body_bytes=body_bytes,
            publish_gap_s=gap, moved_to=fetched.moved_to,
        )  # fmt: skip

    async def _record_failure(self, feed: Feed, polled_at: datetime, error: Exception,
                              fetched: FetchResult | None) -> None:  # fmt: skip
        failures = feed.failures + 1
        score = (feed.failure_score or 0.0) + getattr(error, "weight", 1.0)
        reason = None
        if getattr(error, "is_permanent", False):
            reason = f"gone: {error}"
        elif score >= self.settings.max_failure_score:
            reason = f"failed {failures} times in a row (weighted {score:.1f}); last: {error}"
        delay = schedule.failure_delay_s(self.settings, failures, getattr(error, "retry_after_s", None))
        body_bytes = len(fetched.body) if fetched is not None and fetched.body is not None else None
        facts = schedule.HealthFacts(reason is not None, True, body_bytes, None, None, None, None)
        if reason:
            log.warning("feed_disabled", feed_url=without_credentials(feed.url), reason=reason)
        outcome = feeds.PollOutcome(
            polled_at=polled_at, next_poll_at=polled_at + timedelta(seconds=delay),
            status=getattr(error, "status", None) or (fetched.status if fetched else None),
            error=f"{type(error).__name__}: {error}", failure_score=score, disable_reason=reason,
            health=schedule.health(self.settings, facts, polled_at), body_bytes=body_bytes,
        )  # fmt: skip
        await self.recorder.record(PendingPoll(feed.id, polled_at, [], lambda _fresh: outcome))

    async def publish(self, items: Sequence[PreparedItem], *, is_relayed: bool = False) -> bool:
        """Send items keyed by item id, then mark their outbox rows published; on a broker error return
        False and leave them for the relay. The relay's sends are always marked: it pages through the rows
        not done by their publish time.

        A record larger than the broker takes is refused at its send, every time: it goes to the dead-letter topic
        (with the feed, the item and the sizes) and its outbox row is done, so it holds back no other item, no relay
        round and no poll-once drain, and is never sent again (a changed item is a new row to send)."""
        if not items:
            return True
        futures, too_large = [], []
        try:
            for i in items:
                topic = self.topics.named(i.topic)
                try:
                    futures.append(await self.producer.send(topic, i.value, key=i.item_id.encode()))
                except MessageSizeTooLargeError:
                    too_large.append(i)
            await asyncio.gather(*futures)
            # Closed only once its letter is acknowledged: a letter lost with the broker leaves the row to the relay.
            await asyncio.gather(*[await self._send_letter(i) for i in too_large])
        except Exception as error:  # the outbox keeps the items; the relay retries
            log.warning("items_publish_failed", error=repr(error), items=len(items))
            return False
        if not (is_relayed or self.marks_published or too_large):
            return True
        ids, now = [i.delivery_id for i in items], datetime.now(UTC)
        async with self.recorder.write_lock, self.store.sessions.begin() as session:
            for start in range(0, len(ids), MARK_CHUNK):
                await outbox.mark_published(session, ids[start : start + MARK_CHUNK], now)
            await outbox.mark_done(session, [i.delivery_id for i in too_large], now)
        return True

    async def _send_letter(self, item: PreparedItem) -> "asyncio.Future[Any]":
        letter = oversize_letter(item, self.topics.named(item.topic), self.max_record_bytes)
        log.error("message_dead_lettered", stage=letter.stage, topic=letter.topic, item_id=item.item_id,
                  error_type=letter.error_type, reason=letter.reason[:300])  # fmt: skip
        return await self.producer.send(self.topics.dlq, letter.to_bytes(), key=item.item_id.encode()[:1024],
                                        headers=letter_headers(letter))  # fmt: skip

    async def poll_due(self, urls: Sequence[str] | None = None, *, everything: bool = False) -> list[PollReport]:
        """Lease and poll the feeds that are due (or, with `everything`, every enabled feed not polled since
        this call began), at most `concurrency` fetches at a time, claiming more as slots free up."""
        started = datetime.now(UTC)
        if urls is not None:  # a feed moved by 301/308 is polled at its new URL though the list names the old one
            async with self.store.reads() as session:
                urls = await feeds.current_urls(session, urls)
        gate = asyncio.Semaphore(self.settings.concurrency)
        # A fetched poll gives its slot back before its record commits: while another process holds the
        # store's write lock (the dedupe stage's batch), fetching goes on and the waiting polls join one
        # larger batch, instead of 64 finished polls holding every slot. This bounds how many may wait.
        unrecorded = asyncio.Semaphore(self.settings.concurrency * UNRECORDED_PER_SLOT)
        reports: list[PollReport] = []
        in_flight: set[int] = set()  # claimed and not yet recorded: their leases are renewed

        async def guarded(feed: Feed) -> None:
            is_fetching = True

            def fetched() -> None:
                nonlocal is_fetching
                if is_fetching:
                    is_fetching = False
                    gate.release()

            try:
                reports.append(await self.poll_feed(feed, fetched))
            finally:
                in_flight.discard(feed.id)
                fetched()
                unrecorded.release()

        await self._release_stale_leases()
        renewer = asyncio.create_task(self._renew_leases(in_flight))
        try:
            async with asyncio.TaskGroup() as tasks:
                while batch := await self._claim(urls, started if everything else None):
                    in_flight.update(feed.id for feed in batch)
                    for feed in batch:
                        await unrecorded.acquire()
                        await gate.acquire()  # claim the next batch only when this one is under way
                        tasks.create_task(guarded(feed))
        finally:
            renewer.cancel()
            with suppress(asyncio.CancelledError):
                await renewer
            await self.recorder.flush()  # every send acknowledged (or left to the relay) when this returns
        return reports

    async def _renew_leases(self, in_flight: set[int]) -> None:
        # A claimed feed may wait behind others for a slot or for its host's gap, longer than one lease:
        # renewing every third of a lease keeps it ours while this process lives, so lease_s only has to
        # bound how long a dead poller's feeds wait, not the longest poll.
        while True:
            await asyncio.sleep(self.settings.lease_s / 3)
            if not in_flight:
                continue
            try:
                async with self.recorder.write_lock, self.store.sessions.begin() as session:
                    until = datetime.now(UTC) + timedelta(seconds=self.settings.lease_s)
                    await feeds.renew_leases(session, self.owner, sorted(in_flight), until)
            except Exception:  # the store is busy or down: the next round tries again
                log.exception("feed_leases_not_renewed", feeds=len(in_flight))

    async def _release_stale_leases(self) -> None:
        """Free leases held by earlier processes of this host that are gone (a restarted poller resumes at
        once instead of waiting out its own old leases)."""
        try:
            async with self.recorder.write_lock, self.store.sessions.begin() as session:
                dead = stale_owners(await feeds.lease_owners(session, datetime.now(UTC)), self.owner)
                if dead:
                    released = await feeds.release_leases(session, dead)
                    log.info("feed_leases_released", owners=len(dead), feeds=released)
        except Exception:  # not fatal: those leases still expire on their own
            log.exception("feed_leases_not_released")

    async def _claim(self, urls: Sequence[str] | None, not_polled_since: datetime | None) -> Sequence[Feed]:
        for attempt in range(CLAIM_ATTEMPTS):
            try:
                async with self.recorder.write_lock, self.store.sessions.begin() as session:
                    return await feeds.claim_due(session, datetime.now(UTC), owner=self.owner,
                                                 lease_s=self.settings.lease_s, limit=self.settings.claim_batch,
                                                 urls=urls, not_polled_since=not_polled_since)  # fmt: skip
            except Exception:  # a busy or unreachable store: end this round, the next one claims again
                log.exception("feeds_claim_failed", attempt=attempt + 1)
                await asyncio.sleep(1.0 * (attempt + 1))
        return []

    async def run(self, urls: Sequence[str] | None, stop: asyncio.Event) -> None:
        """Poll due feeds until `stop` is set, sleeping until the next feed is due (at most 30 s)."""
        while not stop.is_set():
            metrics.record_polls(await self.poll_due(urls))
            async with self.store.reads() as session:
                upcoming = await feeds.next_due_at(session, datetime.now(UTC))
            wait_s = 30.0 if upcoming is None else min((upcoming - datetime.now(UTC)).total_seconds(), 30.0)
            try:
                await asyncio.wait_for(stop.wait(), timeout=max(wait_s, 1.0))
            except TimeoutError:
                continue


def oversize_letter(item: PreparedItem, topic: str, max_record_bytes: int) -> DeadLetter:
    """The DeadLetter of an item whose record the producer refused as larger than kafka.max_record_bytes. It never
    reached `topic`, so it has no partition or offset (-1 each); its value is cut until the letter fits the limit."""
    size = int(DefaultRecordBatchBuilder.estimate_size_in_bytes(item.item_id.encode(), item.value, []))
    try:
        feed_url = str(json.loads(item.value).get("feed_url"))
    except ValueError:
        feed_url = "unknown"
    raw = item.value.decode("utf-8", "replace")
    chars = max(1024, max_record_bytes - LETTER_ENVELOPE_BYTES) // 4  # 4 UTF-8 bytes a char at most
    letter = DeadLetter(
        stage="poller", topic=topic, partition=-1, offset=-1, key=item.item_id[:1024], raw_value=raw[:chars],
        is_value_truncated=len(raw) > chars, error_type="MessageSizeTooLargeError",
        reason=(f"item {item.item_id} (outbox {item.delivery_id}) of feed {feed_url}: a record of {size} bytes, over "
                f"kafka.max_record_bytes ({max_record_bytes}); the outbox row is closed, nothing is sent again"),
        failed_at=datetime.now(UTC),
    )  # fmt: skip
    while _letter_bytes(letter) > max_record_bytes - LETTER_BATCH_OVERHEAD_BYTES and letter.raw_value:
        letter = letter.model_copy(update={"raw_value": letter.raw_value[: len(letter.raw_value) * 2 // 3],
                                           "is_value_truncated": True})  # fmt: skip
    return letter


def letter_headers(letter: DeadLetter) -> list[tuple[str, bytes]]:
    """broker.md §5 rule 6's headers, as consumers/dead_letter.py writes them."""
    return [("x-error", letter.reason[:1000].encode(errors="replace")), ("x-error-class", letter.error_type.encode()),
            ("x-stage", letter.stage.encode()), ("x-source-topic", letter.topic.encode()),
            ("x-source-partition", str(letter.partition).encode()), ("x-source-offset", str(letter.offset).encode()),
            ("x-failed-at", letter.failed_at.isoformat().encode())]  # fmt: skip


def _letter_bytes(letter: DeadLetter) -> int:
    key = (letter.key or "").encode(errors="replace")
    return int(DefaultRecordBatchBuilder.estimate_size_in_bytes(key, letter.to_bytes(), letter_headers(letter)))


def payload_item(row_id: str, item_id: str, content_hash: str, payload: dict, topic: str = ITEMS) -> PreparedItem:
    """An outbox row as a publishable item (the payload is the FeedItem's JSON form)."""
    return PreparedItem(row_id, item_id, content_hash, json.dumps(payload, ensure_ascii=False).encode(), topic)
