"""`newsmon poll-once`: poll every feed of a file once, wait until what is new is stored, print a summary.

The store (SQLite) lives in the state directory, so validators and body hashes carry over between calls.
Nothing else is started before it is needed: when no outbox row is pending and no feed sends a new body
(a warm poll), neither the embedded broker nor the dedupe stage ever starts. The first body to parse (or
the first row to republish) starts, in the background, the stages that store items as articles in child
processes (forked when poll-once starts and waiting until then: newsmon/cli/poll_once_stages.py; they import
them while the broker starts), the broker and the producer, so their start overlaps the parse and they work
on the other cores while the poller goes on polling. Outbox rows not done are republished first, since a
fresh embedded broker holds nothing.
"""

import asyncio
import hashlib
import os
import signal
import sqlite3
import time
from contextlib import AsyncExitStack, closing, suppress
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog

from newsmon.cli.poll_once_stages import StageGroup
from newsmon.config import Settings, load_settings
from newsmon.store import feeds, outbox
from newsmon.store.feeds import FeedSpec
from newsmon.store.session import Store, migrations_dir, open_store
from producers.fetch import open_fetcher
from producers.poller import Poller
from producers.pool import open_parse_pool
from producers.relay import republish_pending
from schemas.topics import Topics

if TYPE_CHECKING:  # imported when the broker starts: a warm poll needs no Kafka client
    from newsmon.broker import Connection

log = structlog.get_logger()
DRAIN_TIMEOUT_S = 600.0
DONE_CHECK_S = 0.05
STAGE_STOP_TIMEOUT_S = 30.0
SCHEMA_MARK = "schema-checked"
# First polls of this many feeds start every stage child (`stages_to_begin`), fewer start one.
FIRST_POLLS_FOR_ALL_STAGES = 50


class StageProcessError(Exception):
    """A child process running the stages exited before the outbox was done."""


@dataclass(frozen=True, slots=True)
class PollOnceSummary:
    feeds: int
    new_items: int
    irrelevant_items: int
    not_modified: int
    unchanged: int
    errors: int
    republished: int
    wall_s: float


def poll_once_settings(config: Path | None, state_dir: Path, *, allow_private: bool, **poll: Any) -> Settings:
    """The configured settings with the store and the broker's run directory inside `state_dir`."""
    state_dir.mkdir(parents=True, exist_ok=True)
    base = load_settings(config)
    parse_processes = base.poll.parse_processes or (os.cpu_count() or 1)
    poll_values = {**base.poll.model_dump(), "parse_processes": parse_processes, **poll}
    if allow_private:
        poll_values["allow_private_addresses"] = True
    return load_settings(config, store={"url": f"sqlite:///{state_dir.resolve() / 'newsmon.db'}"},
                         run_dir=state_dir / "run", poll=poll_values)  # fmt: skip


def stage_process_count(settings: Settings) -> int:
    """How many stage children poll-once forks: the configured number, else one a core (a child with no partition
    would idle). Forking costs little; whether they all start is decided by `stages_to_begin`."""
    return settings.poll.stage_processes or max(1, min(os.cpu_count() or 1, settings.kafka.partitions))


def stages_to_begin(settings: Settings, never_polled: int, forked: int) -> int:
    """All the configured stage children; when left to poll-once, all only for many first polls. Feeds polled for
    the first time bring their whole item lists (a cold poll at N=1000: 35k items), which every child works
    through faster; what known feeds bring (a changed poll: a few hundred items) one child stores sooner than
    several could start (each imports its stages, ~0.3 CPU-s, on cores the poller needs)."""
    if settings.poll.stage_processes or never_polled >= FIRST_POLLS_FOR_ALL_STAGES:
        return forked
    return 1


class DeliveryOnDemand:
    """The poller's producer: the broker, the Kafka producer and the stage process start on the first send,
    or earlier in the background when `start_soon` says items are likely (a body is being parsed)."""

    def __init__(self, settings: Settings, stack: AsyncExitStack, stage_names: list[str],
                 stages: StageGroup) -> None:  # fmt: skip
        self.settings, self.stack, self.stage_names, self.stages = settings, stack, stage_names, stages
        # The task that waits for the outbox: stopped if the embedded broker exits (the start itself may run in a
        # background task that has finished by then).
        self.owner = asyncio.current_task()
        self._producer: Any = None
        self._connection: Connection | None = None
        self._starting = asyncio.Lock()
        self._early: asyncio.Task[None] | None = None
        self.start_error: Exception | None = None
        self.is_outbox_done = False  # set once every outbox row is stored
        self.stage_count: int | None = None  # stage children to begin (None: all)

    @property
    def is_started(self) -> bool:
        return self._producer is not None

    def start_soon(self) -> None:
        """Start everything in the background (once); a failure is kept in `start_error`, sends then fail fast."""
        if self._early is None and self._producer is None:
            self._early = asyncio.create_task(self._start_quietly())

    async def _start_quietly(self) -> None:
        with suppress(Exception):  # kept in start_error by _start
            await self._start()

    async def _stop_stages(self) -> None:
        broker = self._connection.process if self._connection is not None else None
        is_broker_gone = broker is not None and broker.returncode is not None
        if (self.is_outbox_done or is_broker_gone) and self.stages.is_running:
            # Everything is stored and the embedded broker goes next, so the children have nothing left to finish:
            # SIGKILL skips their ~0.5 s of consumer, producer and interpreter shutdown. SQLite rolls back any
            # transaction it had open (a redelivered record's idempotent rewrite). An embedded broker that has
            # exited took their records with it: a graceful stop would wait out their clients' timeouts, and what
            # they had not stored is in the outbox for the next poll.
            self.stages.send_signal(signal.SIGKILL)
            await self.stages.wait()
        await stop_stage_process(self.stages)

    async def settle(self) -> None:
        """Wait for a background start under way."""
        if self._early is not None:
            await self._early

    async def abandon_start(self) -> None:
        """Cancel a background start under way; what it opened already is on the exit stack and closes there."""
        if self._early is not None and not self._early.done():
            self._early.cancel()
            with suppress(asyncio.CancelledError):
                await self._early

    async def send(self, topic: str, value: bytes, key: bytes,
                   headers: list[tuple[str, bytes]] | None = None) -> "asyncio.Future[Any]":  # fmt: skip
        if self._producer is None:
            await self._start()
        return await self._producer.send(topic, value, key=key, headers=headers)  # type: ignore[no-any-return]

    async def _start(self) -> None:
        async with self._starting:
            if self._producer is not None:
                return
            if self.start_error is not None:  # the poller keeps calling; fail fast, poll_once raises it
                raise self.start_error
            try:
                await self._start_everything()
            except Exception as error:
                self.start_error = error
                raise

    async def _start_everything(self) -> None:
        from newsmon.broker import connect, ensure_topics, kafka_producer, topic_names

        kafka = self.settings.kafka
        # The child first: it imports its stages (~0.3 s of CPU) on the other core while the broker starts.
        self.stages.begin(self.stage_names, self.stage_count)
        try:
            connection = await self.stack.enter_async_context(connect(kafka, self.settings.run_dir, self.owner))
            self._connection = connection
        finally:  # pushed after the broker, so the stages stop while it still runs
            self.stack.push_async_callback(self._stop_stages)
        # Topics first: a client naming a missing topic would make Tansu create it with 4 partitions.
        rules = [rule.name for rule in self.settings.alerts.rules]
        await ensure_topics(connection, topic_names(Topics(kafka.topic_prefix), rules), kafka.partitions)
        stage_settings = self.settings.model_copy(update={"kafka": kafka.model_copy(update={
            "bootstrap_servers": connection.bootstrap_servers.split(","),
            "compat": "tansu" if connection.is_tansu else "kafka"})})  # fmt: skip
        # Our own embedded broker started empty just now: no committed offsets to look up.
        self.stages.configure(stage_settings, from_beginning=kafka.is_embedded)
        self._producer = await self.stack.enter_async_context(kafka_producer(connection, kafka))


async def stop_stage_process(children: StageGroup) -> None:
    """SIGTERM, then SIGKILL after STAGE_STOP_TIMEOUT_S."""
    if children.is_running:
        children.send_signal(signal.SIGTERM)
        try:
            await children.wait(timeout_s=STAGE_STOP_TIMEOUT_S)
        except TimeoutError:
            children.send_signal(signal.SIGKILL)
            await children.wait()


async def poll_once(settings: Settings, specs: list[FeedSpec], stop: asyncio.Event,
                    stages: StageGroup) -> PollOnceSummary:  # fmt: skip
    """Republish what is not done, poll every feed once, and wait until the stages have stored it all
    (`stages`: the children forked for them, begun only when something is to be published)."""
    started = time.perf_counter()
    # Items of full-text feeds reach dedupe through the full-text stage; without it they would never be done.
    stage_names = ["fulltext", "dedupe"] if any(getattr(spec, "full_text", False) for spec in specs) else ["dedupe"]
    mark = _schema_mark(settings)
    is_checked = mark is not None and _read(settings.run_dir / SCHEMA_MARK) == mark
    async with open_store(settings.store, upgrade=not is_checked) as store, AsyncExitStack() as stack:
        # Marked after the upgrade: a cold poll creates the database, and the next poll then skips Alembic.
        if not is_checked and (mark := _schema_mark(settings)) is not None:
            settings.run_dir.mkdir(parents=True, exist_ok=True)
            (settings.run_dir / SCHEMA_MARK).write_text(mark)
        async with store.sessions.begin() as session:
            await feeds.register(session, specs)
            never_polled = await feeds.count_never_polled(session)
        delivery = DeliveryOnDemand(settings, stack, stage_names, stages)
        delivery.stage_count = stages_to_begin(settings, never_polled, len(stages.members))
        fetcher = await stack.enter_async_context(open_fetcher(settings.poll))
        parse_pool = stack.enter_context(open_parse_pool(settings.poll))
        # A fresh embedded broker holds nothing: every row not done goes out again (on Kafka, only those
        # whose delivery was never confirmed or is long overdue).
        is_memory_only = settings.kafka.is_embedded or settings.kafka.compat == "tansu"
        older_than = timedelta(0) if is_memory_only else timedelta(minutes=2)
        poller = Poller(fetcher, delivery, store, Topics(settings.kafka.topic_prefix), settings.poll, parse_pool,
                        on_new_body=delivery.start_soon, marks_published=not is_memory_only,
                        max_record_bytes=settings.kafka.max_record_bytes)  # fmt: skip
        urls = [spec.url for spec in specs]
        try:
            republished = await republish_pending(poller, older_than) if await has_not_done(store) else 0
            reports = await poller.poll_due(urls, everything=True)
            await delivery.settle()
            if not stages.is_begun:
                stages.close()  # nothing to store: the waiting child exits while this process closes the rest
            if delivery.start_error is not None and await has_not_done(store):  # in the outbox for next time
                raise delivery.start_error
            if delivery.is_started:
                await _until_done(store, delivery, stop)
                delivery.is_outbox_done = not stop.is_set()
        finally:
            await delivery.abandon_start()  # a start still under way must not outlive the exit stack
    counts = {
        status: sum(1 for r in reports if r.status == status) for status in ("not_modified", "unchanged", "error")
    }
    return PollOnceSummary(
        feeds=len(urls), new_items=sum(r.items_new for r in reports),
        irrelevant_items=sum(r.items_irrelevant for r in reports), not_modified=counts["not_modified"],
        unchanged=counts["unchanged"], errors=counts["error"], republished=republished,
        wall_s=round(time.perf_counter() - started, 3),
    )  # fmt: skip


def _schema_mark(settings: Settings) -> str | None:
    """What the last schema upgrade of this state directory saw: the SQLite file (by inode, so a new file is
    upgraded again), the revision it records (so a downgrade, or a file restored in place, is upgraded again) and
    the migration files' contents. When none of it changed, Alembic (~0.4 s) is not needed."""
    prefix = "sqlite:///"
    if not settings.store.url.startswith(prefix):
        return None
    database = Path(settings.store.url.removeprefix(prefix))
    if not database.is_file():
        return None
    revision = _recorded_revision(database)
    if revision is None:
        return None
    migrations = hashlib.sha256()
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        migrations.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{database}:{database.stat().st_ino}:{revision}:{migrations.hexdigest()}"


def _recorded_revision(database: Path) -> str | None:
    """The Alembic revision the SQLite file records (None when it records none or cannot be read): the standard
    library's driver, read-only, ~1 ms, where Alembic would load every migration script."""
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except OSError:
        return None


async def has_not_done(store: Store) -> bool:
    async with store.reads() as session:
        return await outbox.has_not_done(session)


async def _until_done(store: Store, delivery: DeliveryOnDemand, stop: asyncio.Event) -> None:
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while await has_not_done(store) and not stop.is_set():
        if delivery.stages.returncode is not None:
            raise StageProcessError(f"a stage process exited ({delivery.stages.returncode}) before the outbox "
                                    "was done; see its log lines above")  # fmt: skip
        if time.monotonic() > deadline:
            raise TimeoutError(f"outbox not done after {DRAIN_TIMEOUT_S:.0f} s")
        await asyncio.sleep(DONE_CHECK_S)


def summary_dict(summary: PollOnceSummary) -> dict[str, Any]:
    return asdict(summary)
