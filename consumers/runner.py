"""The consumer loop every stage shares: fetch a batch, process it, publish, then commit offsets.

broker.md §5: at-least-once with idempotent writes. Offsets are committed only after the stage's store
transaction committed and its output was acknowledged; a crash in between replays the batch, and the
upserts make the replay harmless. A record that fails on its own goes to the DLQ, and the loop goes on.

An error that looks like an outage (the store or the broker gone) rewinds the batch and waits, doubling the wait.
Some such errors are the record's own and come back every time (a PostgreSQL statement_timeout, SQLite's "too many
SQL variables"): after `batch_attempts` failed attempts the batch is processed record by record, as Kafka Connect's
and Flink's sinks fall back to, and a record that fails alone while the store answers a probe is dead-lettered.
While the probe fails it is an outage: nothing is dead-lettered and the waits go on.
"""

import asyncio
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Protocol

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError
from aiokafka.record.default_records import DefaultRecordBatchBuilder
from aiokafka.structs import ConsumerRecord
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from consumers.dead_letter import UnprocessableMessageError, dead_letter_for, send_dead_letter
from newsmon import metrics
from newsmon.config import KafkaSettings
from schemas.base import Message

log = structlog.get_logger()
ATTEMPTS_PER_RECORD = 3
COMMIT_TIMEOUT_S = 30.0
BATCH_ATTEMPTS = 3  # the defaults of kafka.batch_attempts, kafka.retry_backoff_s and kafka.retry_backoff_max_s
RETRY_BACKOFF_S = 0.5
RETRY_BACKOFF_MAX_S = 30.0
PROBE_TIMEOUT_S = 10.0


@dataclass(frozen=True, slots=True)
class Delivery:
    """A decoded record."""

    record: ConsumerRecord
    message: Message


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A message a stage wants published once its transaction has committed."""

    topic: str
    key: str
    message: Message


@dataclass(frozen=True, slots=True)
class Encoded:
    """An Outgoing serialised, as it will be sent."""

    outgoing: Outgoing
    key: bytes
    value: bytes


class Stage(Protocol):
    name: str
    topics: list[str]

    def decode(self, record: ConsumerRecord) -> Message: ...

    async def process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]: ...

    async def after_publish(self, outgoing: Sequence[Outgoing]) -> None: ...


class InfrastructureError(Exception):
    """The store or broker is unavailable: retry the whole batch later, dead-letter nothing."""


def decode_as(model: type[Message], record: ConsumerRecord) -> Message:
    """Validate a record against its topic's model; any failure is permanent."""
    try:
        message = model.model_validate_json(record.value or b"")
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "value"
        raise UnprocessableMessageError(record.topic, record.offset, f"invalid {model.__name__}: {where}: "
                                        f"{first['msg']} ({error.error_count()} errors)") from error  # fmt: skip
    if message.schema_version > model.SCHEMA_VERSION:
        reason = f"schema_version {message.schema_version} is newer than this reader"
        raise UnprocessableMessageError(record.topic, record.offset, reason)
    return message


# PostgreSQL error classes that psycopg raises as OperationalError although the same value fails every time: 54,
# program limit exceeded (a B-tree index entry over 2,704 bytes, a tsvector over 1 MB, too many columns).
PERMANENT_SQLSTATE_CLASSES = ("54",)


def is_infrastructure_error(error: BaseException) -> bool:
    if isinstance(error, OperationalError):
        sqlstate = getattr(error.orig, "sqlstate", None) or ""
        return not sqlstate.startswith(PERMANENT_SQLSTATE_CLASSES)
    if isinstance(error, KafkaError | ConnectionError | InfrastructureError):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


# Errors that say the store itself is unwell, whatever the record: never the record's fault, even when a probe
# answers. PostgreSQL (Appendix A): 08 connection, 40 rollback (serialization, deadlock), 53 insufficient resources
# (disk full, out of memory, too many connections), 55P03 lock not available, 57P shutdown, 58 system (I/O) errors.
OUTAGE_SQLSTATES = ("08", "40", "53", "55P03", "57P", "58")
# SQLite result codes (sqlite.org/rescode.html), extended codes included by prefix.
OUTAGE_SQLITE_CODES = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN",
                       "SQLITE_NOMEM", "SQLITE_READONLY", "SQLITE_PROTOCOL", "SQLITE_CORRUPT", "SQLITE_NOTADB",
                       "SQLITE_PERM")  # fmt: skip


def may_be_record_fault(error: BaseException) -> bool:
    """Whether an outage-looking error may be the record's own: a database error on a connection that is still
    good, of no class that names the store's own trouble (a lost connection has no SQLSTATE and is an outage)."""
    if not isinstance(error, DBAPIError) or error.connection_invalidated:
        return False
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate is not None:
        return not str(sqlstate).startswith(OUTAGE_SQLSTATES)
    code = getattr(error.orig, "sqlite_errorname", None)
    return code is not None and not str(code).startswith(OUTAGE_SQLITE_CODES)


class RecordFaultError(Exception):
    """A record failed alone with an outage-looking error while the store answered: it is the record's fault."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def runner_retries(kafka: KafkaSettings) -> dict[str, Any]:
    """The StageRunner keywords configured in [kafka] (batch_attempts, retry_backoff_s, retry_backoff_max_s)."""
    return {"batch_attempts": kafka.batch_attempts, "retry_backoff_s": kafka.retry_backoff_s,
            "retry_backoff_max_s": kafka.retry_backoff_max_s}  # fmt: skip


class StageRunner:
    """Runs one stage on one consumer; `is_idle` tells the demo when everything fetched was processed."""

    def __init__(self, stage: Stage, consumer: AIOKafkaConsumer, producer: AIOKafkaProducer, dlq_topic: str,
                 max_record_bytes: int, *, batch_attempts: int = BATCH_ATTEMPTS,
                 retry_backoff_s: float = RETRY_BACKOFF_S,
                 retry_backoff_max_s: float = RETRY_BACKOFF_MAX_S) -> None:  # fmt: skip
        self.stage, self.consumer, self.producer = stage, consumer, producer
        self.dlq_topic, self.max_record_bytes = dlq_topic, max_record_bytes
        self.batch_attempts, self.retry_backoff_s = batch_attempts, retry_backoff_s
        self.retry_backoff_max_s = max(retry_backoff_max_s, retry_backoff_s)
        self.is_idle, self.idle_since = False, time.monotonic()
        self.processed = self.dead_lettered = 0
        self.retries = 0  # batches rewound for a store or broker outage (stage_batch_retry)
        self.log = log.bind(stage=stage.name)

    async def run(self, stop: asyncio.Event) -> None:
        backoff_s, failed_attempts = self.retry_backoff_s, 0
        self.log.info("stage_started", topics=self.stage.topics)
        while not stop.is_set():
            batches = await self.consumer.getmany(timeout_ms=500)
            records = [r for partition in batches.values() for r in partition]
            if not records:
                if not self.is_idle:
                    self.is_idle, self.idle_since = True, time.monotonic()
                continue
            self.is_idle = False
            try:
                started = time.monotonic()
                processed, dead_lettered = self.processed, self.dead_lettered
                await self.handle(records, is_isolating=failed_attempts >= self.batch_attempts)
                if metrics.is_collecting():
                    metrics.record_batch(self.stage.name, self.processed - processed,
                                         self.dead_lettered - dead_lettered, time.monotonic() - started)  # fmt: skip
                    metrics.record_lag(self.stage.name, self._lags(batches))
                backoff_s, failed_attempts = self.retry_backoff_s, 0
            except Exception as error:
                if not is_infrastructure_error(error):
                    raise
                failed_attempts += 1
                self.log.warning("stage_batch_retry", error=repr(error), attempt=failed_attempts, retry_in_s=backoff_s)
                self.retries += 1
                self._rewind(records)
                # The wait ends early on shutdown: a stage waiting out a long outage must still stop on SIGTERM at
                # once (its batch is rewound and uncommitted, so the next owner reads it again).
                with suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=backoff_s)
                backoff_s = min(backoff_s * 2, self.retry_backoff_max_s)
        self.log.info("stage_stopped", processed=self.processed, dead_lettered=self.dead_lettered)

    def _lags(self, batches: dict[TopicPartition, list[ConsumerRecord]]) -> list[tuple[str, int, int]]:
        """How many records each fetched partition holds after the batch (by the fetch's high-water mark)."""
        lags = []
        for partition, partition_records in batches.items():
            highwater = self.consumer.highwater(partition)
            if highwater is not None and partition_records:
                behind = max(highwater - partition_records[-1].offset - 1, 0)
                lags.append((partition.topic, partition.partition, behind))
        return lags

    async def handle(self, records: list[ConsumerRecord], *, is_isolating: bool = False) -> None:
        """Process one fetched batch end to end and commit its offsets; `is_isolating`: record by record at once,
        and a record that fails alone with an outage-looking error while the store answers is dead-lettered."""
        deliveries: list[Delivery] = []
        failures: list[tuple[ConsumerRecord, BaseException]] = []
        for record in records:
            try:
                self._check_size(record)
                deliveries.append(Delivery(record, self.stage.decode(record)))
            except Exception as error:
                failures.append((record, error))
        outgoing, failed_later = await self._process_isolating(deliveries, is_isolating)
        for record, failure in failures + failed_later:
            letter = dead_letter_for(self.stage.name, record, failure, self.max_record_bytes)
            await send_dead_letter(self.producer, self.dlq_topic, letter)
        if failed_later and (after_dead_letter := getattr(self.stage, "after_dead_letter", None)) is not None:
            # A stage may close what the record stood for (an item's outbox row), so it is not sent to it again.
            dead = {id(record) for record, _ in failed_later}
            await after_dead_letter([d.message for d in deliveries if id(d.record) in dead])
        await self._publish(outgoing)
        await self.stage.after_publish([encoded.outgoing for encoded in outgoing])
        await self._commit(records)
        self.processed += len(records) - len(failures) - len(failed_later)
        self.dead_lettered += len(failures) + len(failed_later)

    def _check_size(self, record: ConsumerRecord) -> None:
        """Every record must fit kafka.max_record_bytes (broker.md §5 rule 5): the embedded broker enforces no limit,
        and what a stage makes of a larger one could not be published."""
        size = int(DefaultRecordBatchBuilder.estimate_size_in_bytes(record.key, record.value, list(record.headers)))
        if size > self.max_record_bytes:
            raise UnprocessableMessageError(record.topic, record.offset, f"a record of {size} bytes, over "
                                            f"kafka.max_record_bytes ({self.max_record_bytes})")  # fmt: skip

    async def _process_isolating(
        self, deliveries: list[Delivery], is_isolating: bool = False
    ) -> tuple[list[Encoded], list[tuple[ConsumerRecord, BaseException]]]:
        """Process the batch; if it fails, or an output is too big to publish, process records one by one so one bad
        record fails alone (a record processed again is a replay, which the stages' upserts absorb)."""
        if not deliveries:
            return [], []
        if is_isolating:
            self.log.warning("stage_batch_retried_record_by_record", records=len(deliveries))
        else:
            try:
                encoded = self._encode(await self.stage.process(deliveries))
                if self._too_big(encoded) is None:
                    return encoded, []
                self.log.warning("stage_batch_output_too_big_isolating", records=len(deliveries))
            except Exception as batch_error:
                if is_infrastructure_error(batch_error):
                    raise
                self.log.warning("stage_batch_failed_isolating", error=repr(batch_error), records=len(deliveries))
        outgoing: list[Encoded] = []
        failed: list[tuple[ConsumerRecord, BaseException]] = []
        for delivery in deliveries:
            record = delivery.record
            try:
                encoded = self._encode(await self._process_one(delivery, is_isolating))
            except RecordFaultError as fault:
                failed.append((record, fault.error))
                continue
            except Exception as error:
                if is_infrastructure_error(error):
                    raise
                failed.append((record, error))
                continue
            too_big = self._too_big(encoded)
            if too_big is None:
                outgoing.extend(encoded)
            else:
                failed.append((record, UnprocessableMessageError(record.topic, record.offset, too_big)))
        return outgoing, failed

    async def _process_one(self, delivery: Delivery, is_isolating: bool = False) -> list[Outgoing]:
        """Process one record, trying it up to ATTEMPTS_PER_RECORD times. An outage-looking error is raised at once,
        unless `is_isolating` and it may be the record's own and the store answers a probe each time: then the
        record is at fault (RecordFaultError) after its last attempt."""
        for attempt in range(1, ATTEMPTS_PER_RECORD + 1):
            try:
                return await self.stage.process([delivery])
            except Exception as error:
                is_outage = is_infrastructure_error(error)
                if is_outage and not (is_isolating and may_be_record_fault(error) and await self._store_answers()):
                    raise
                if attempt == ATTEMPTS_PER_RECORD:
                    if is_outage:
                        raise RecordFaultError(error) from error
                    raise
                self.log.warning("record_failed", offset=delivery.record.offset, attempt=attempt, error=repr(error))
                await asyncio.sleep(0.1 * attempt)
        raise AssertionError("unreachable")

    async def _store_answers(self) -> bool:
        """Whether the stage's store answers a trivial query (a stage without a store: never proven, so False)."""
        store = getattr(self.stage, "store", None)
        if store is None:
            return False
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S), store.reads() as session:
                await session.execute(text("SELECT 1"))
        except Exception as error:
            self.log.warning("store_probe_failed", error=repr(error))
            return False
        return True

    @staticmethod
    def _encode(outgoing: Sequence[Outgoing]) -> list[Encoded]:
        return [Encoded(o, o.key.encode(), o.message.to_bytes()) for o in outgoing]

    def _too_big(self, encoded: Sequence[Encoded]) -> str | None:
        """Why these outputs cannot be published (one is over the record size limit), or None."""
        for output in encoded:
            size = int(DefaultRecordBatchBuilder.estimate_size_in_bytes(output.key, output.value, []))
            if size > self.max_record_bytes:
                return (f"its {type(output.outgoing.message).__name__} for {output.outgoing.topic} would be a record "
                        f"of {size} bytes, over kafka.max_record_bytes ({self.max_record_bytes})")  # fmt: skip
        return None

    async def _publish(self, outgoing: Sequence[Encoded]) -> None:
        futures = [await self.producer.send(o.outgoing.topic, o.value, key=o.key) for o in outgoing]
        await asyncio.gather(*futures)

    async def _commit(self, records: Sequence[ConsumerRecord]) -> None:
        offsets: dict[TopicPartition, int] = {}
        for record in records:
            tp = TopicPartition(record.topic, record.partition)
            offsets[tp] = max(offsets.get(tp, 0), record.offset + 1)
        # A rebalance during the batch may have moved some of its partitions to another member, which reads them
        # again from their committed offsets (the upserts absorb the replay): commit those this member still owns.
        assigned = self.consumer.assignment()
        owned = {tp: offset for tp, offset in offsets.items() if tp in assigned}
        if len(owned) < len(offsets):
            moved = sorted(f"{tp.topic}:{tp.partition}" for tp in offsets.keys() - owned.keys())
            self.log.info("offsets_left_to_new_owner", partitions=moved)
        if not owned:
            return
        try:
            await asyncio.wait_for(self.consumer.commit(owned), timeout=COMMIT_TIMEOUT_S)
        except (CommitFailedError, IllegalStateError, TimeoutError) as error:
            # The partitions moved to another member; it re-reads them and the upserts absorb the replay.
            self.log.warning("offset_commit_failed", error=repr(error))

    def _rewind(self, records: Sequence[ConsumerRecord]) -> None:
        first: dict[TopicPartition, int] = {}
        for record in records:
            tp = TopicPartition(record.topic, record.partition)
            first[tp] = min(first.get(tp, record.offset), record.offset)
        assigned = self.consumer.assignment()
        for tp, offset in first.items():
            if tp in assigned:
                self.consumer.seek(tp, offset)
