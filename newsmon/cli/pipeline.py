"""Wiring: broker, store, HTTP client, producer and one consumer per stage, owned by one context."""

import asyncio
import json
import time
from collections.abc import AsyncIterator, Collection
from concurrent.futures import Executor
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import structlog
from aiokafka import AIOKafkaProducer

from consumers import STAGES
from consumers.alerts.stage import AlertsStage
from consumers.claims.stage import ClaimsStage
from consumers.dedupe.stage import DedupeStage
from consumers.fulltext.pages import Page, PageFetchError
from consumers.fulltext.stage import FullTextStage
from consumers.runner import Stage, StageRunner, runner_retries
from newsmon.broker import Connection, connect, ensure_topics, kafka_consumers, kafka_producer, topic_names
from newsmon.cli.run_dir import run_dir_lock
from newsmon.config import Settings
from newsmon.store import articles, feeds, outbox
from newsmon.store.feeds import FeedSpec
from newsmon.store.session import Store, open_store
from producers.errors import FeedFetchError
from producers.fetch import PAGE_ACCEPT, Fetcher, is_transient, open_fetcher
from producers.poller import Poller
from producers.pool import open_parse_pool
from producers.relay import republish_pending, run_relay
from schemas.topics import Topics

log = structlog.get_logger()
BROKER_FILE = "broker.json"


@dataclass(slots=True)
class Pipeline:
    settings: Settings
    connection: Connection
    store: Store
    topics: Topics
    poller: Poller
    runners: list[StageRunner]
    producer: AIOKafkaProducer

    def is_idle_for(self, seconds: float) -> bool:
        now = time.monotonic()
        return all(r.is_idle and now - r.idle_since >= seconds for r in self.runners)


class PagesThroughFetcher:
    """The poller's Fetcher as the full-text stage's page source: one session, one set of per-host limits. A page's
    Retry-After pauses its host for later pages and the poller's feeds; a paused host's pages fail at once."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    async def fetch_page(self, url: str) -> Page:
        try:
            fetched = await self.fetcher.fetch(url, accept=PAGE_ACCEPT, pauses_host=True)
        except FeedFetchError as error:
            raise PageFetchError(url, str(error), status=error.status, retry_after_s=error.retry_after_s,
                                 is_transient=is_transient(error)) from error  # fmt: skip
        return Page(fetched.final_url, fetched.body or b"", fetched.content_type)


def make_stage(name: str, store: Store, topics: Topics, settings: Settings, fetcher: Fetcher,
               extract_pool: Executor | None = None) -> Stage:  # fmt: skip
    if name == "fulltext":
        pages = PagesThroughFetcher(fetcher)
        return FullTextStage(store, topics, pages, extract_pool, settings.fulltext.max_text_chars)
    if name == "dedupe":
        return DedupeStage(store, topics)
    if name == "claims":
        return ClaimsStage(store, topics)
    if name == "alerts":
        return AlertsStage(store, topics, settings.alerts.rules)
    raise ValueError(f"unknown stage {name!r}; expected one of {', '.join(STAGES)}")


@asynccontextmanager
async def open_pipeline(
    settings: Settings, stages: Collection[str] = STAGES, *, group_suffix: str = ""
) -> AsyncIterator[Pipeline]:
    """Start everything in dependency order; unwinding stops consumers, flushes the producer, then the broker.

    group_suffix gives the stages new consumer groups, which read their topics again from offset 0.
    """
    topics = Topics(settings.kafka.topic_prefix)
    async with AsyncExitStack() as stack:
        if settings.kafka.is_embedded:  # its broker and address file are this service's alone
            stack.enter_context(run_dir_lock(settings.run_dir))
        connection = await stack.enter_async_context(connect(settings.kafka, settings.run_dir))
        if settings.kafka.is_embedded:
            stack.enter_context(_broker_address_file(settings.run_dir, connection))
        # Topics first: a client naming a missing topic would make Tansu create it with 4 partitions.
        await ensure_topics(connection, topic_names(topics, [r.name for r in settings.alerts.rules]),
                            settings.kafka.partitions)  # fmt: skip
        store = await stack.enter_async_context(open_store(settings.store))
        producer = await stack.enter_async_context(kafka_producer(connection, settings.kafka))
        fetcher = await stack.enter_async_context(open_fetcher(settings.poll))
        parse_pool = stack.enter_context(open_parse_pool(settings.poll))
        built = [make_stage(name, store, topics, settings, fetcher, parse_pool) for name in stages]
        groups = []
        for stage in built:
            kafka = settings.kafka
            if stage.name == "fulltext":  # each record costs a page fetch: small batches keep within max_poll_interval
                kafka = kafka.model_copy(update={"max_records": settings.fulltext.max_records})
            groups.append((kafka, stage.topics, f"{settings.kafka.topic_prefix}newsmon.{stage.name}{group_suffix}"))
        consumers = await stack.enter_async_context(kafka_consumers(connection, groups))
        runners = [StageRunner(stage, consumer, producer, topics.dlq, settings.kafka.max_record_bytes,
                               **runner_retries(settings.kafka))
                   for stage, consumer in zip(built, consumers, strict=True)]  # fmt: skip
        poller = Poller(fetcher, producer, store, topics, settings.poll, parse_pool,
                        max_record_bytes=settings.kafka.max_record_bytes)
        yield Pipeline(settings, connection, store, topics, poller, runners, producer)


class _broker_address_file:
    """Write the embedded broker's address where `newsmon alerts tail` in another process finds it."""

    def __init__(self, run_dir: Path, connection: Connection) -> None:
        self.path, self.connection = run_dir / BROKER_FILE, connection

    def __enter__(self) -> None:
        self.path.write_text(json.dumps({"bootstrap_servers": self.connection.bootstrap_servers}))

    def __exit__(self, *exc: object) -> None:
        self.path.unlink(missing_ok=True)


@asynccontextmanager
async def stages_running(pipeline: Pipeline) -> AsyncIterator[None]:
    """Run every stage while the block runs; on exit they finish their batch and stop. A crashing stage
    cancels the block (TaskGroup), so a bug never leaves the block waiting on a dead stage."""
    stop = asyncio.Event()
    async with asyncio.TaskGroup() as tasks:
        for runner in pipeline.runners:
            tasks.create_task(runner.run(stop))
        try:
            yield
        finally:
            stop.set()


@dataclass(frozen=True)
class Polling:
    """What a service process polls: the feeds of a `--feeds` file, or (`urls` None) every enabled feed in the
    store: the configured catalogue's and those added by `feeds import`, less those `feeds disable` stopped."""

    urls: list[str] | None


async def register_catalogue(store: Store, specs: list[FeedSpec]) -> list[str]:
    """Add the catalogue's feeds to the store (those there already keep their state); returns their URLs."""
    async with store.sessions.begin() as session:
        await feeds.register(session, specs)
    return [spec.url for spec in specs]


async def polling_of(pipeline: Pipeline, specs: list[FeedSpec], *, only_these: bool) -> Polling:
    """Register the catalogue; poll only its feeds when `only_these` (a `--feeds` file), else every enabled feed."""
    urls = await register_catalogue(pipeline.store, specs)
    return Polling(urls if only_these else None)


async def resend_undelivered(pipeline: Pipeline) -> int:
    """A fresh embedded broker holds nothing: publish every stored item not yet done. On Kafka, only
    items whose publish was never confirmed or is long overdue."""
    older_than = timedelta(0) if pipeline.connection.is_tansu else timedelta(minutes=2)
    count = await republish_pending(pipeline.poller, older_than)
    if count:
        log.info("outbox_republished", items=count)
    return count


async def resend_unfinished_articles(pipeline: Pipeline) -> int:
    """A fresh embedded broker holds nothing, so articles stored before the last stop whose claims or alerts were
    not finished (their records were still in the old broker's topics) are published again. Kafka keeps its
    records, and its consumer groups read them on; nothing is sent there."""
    names = {runner.stage.name for runner in pipeline.runners}
    if not pipeline.settings.kafka.is_embedded or not names & {"claims", "alerts"}:
        return 0
    count, after = 0, ""
    while True:
        async with pipeline.store.reads() as session:
            page = [articles.as_message(row) for row in await articles.unfinished(session, after)]
        if not page:
            break
        sends = [await pipeline.producer.send(pipeline.topics.articles, article.to_bytes(),
                                              key=article.article_id.encode()) for article in page]  # fmt: skip
        await asyncio.gather(*sends)
        count, after = count + len(page), page[-1].article_id
    if count:
        log.info("articles_republished", articles=count)
    return count


async def run_service(pipeline: Pipeline, polling: Polling | None, stop: asyncio.Event) -> None:
    """Run pollers (unless `polling` is None), relay and every stage until `stop` is set; a crashing task stops
    them all."""
    if polling is not None:
        await resend_undelivered(pipeline)
    await resend_unfinished_articles(pipeline)
    async with asyncio.TaskGroup() as tasks:
        for runner in pipeline.runners:
            tasks.create_task(runner.run(stop))
        if polling is not None:
            tasks.create_task(pipeline.poller.run(polling.urls, stop))
            tasks.create_task(run_relay(pipeline.poller, stop))
    log.info("service_stopped")


async def count_not_done(store: Store) -> int:
    async with store.reads() as session:
        return await outbox.count_not_done(session)
