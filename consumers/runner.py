"""The consumer loop every stage shares: fetch a batch, process it, publish, then commit offsets.

broker.md §5: at-least-once with idempotent writes. Offsets are committed only after the stage's store
transaction committed and its output was acknowledged; a crash in between replays the batch, and the
upserts make the replay harmless. A record that fails on its own goes to the DLQ, and the loop goes on.
"""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError
from aiokafka.record.default_records import DefaultRecordBatchBuilder
from aiokafka.structs import ConsumerRecord
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError

from consumers.dead_letter import UnprocessableMessageError, dead_letter_for, send_dead_letter
from newsmon import metrics
from schemas.base import Message

log = structlog.get_logger()
ATTEMPTS_PER_RECORD = 3
COMMIT_TIMEOUT_S = 30.0


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


class StageRunner:
    """Runs one stage on one consumer; `is_idle` tells the demo when everything fetched was processed."""

    def __init__(self, stage: Stage, consumer: AIOKafkaConsumer, producer: AIOKafkaProducer, dlq_topic: str,
                 max_record_bytes: int) -> None:  # fmt: skip
        self.stage, self.consumer, self.producer = stage, consumer, producer
        self.dlq_topic, self.max_record_bytes = dlq_topic, max_record_bytes
        self.is_idle, self.idle_since = False, time.monotonic()
        self.processed = self.dead_lettered = 0
        self.retries = 0  # batches rewound for a store or broker outage (stage_batch_retry)
        self.log = log.bind(stage=stage.name)

    async def run(self, stop: asyncio.Event) -> None:
        backoff_s = 0.5
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
                await self.handle(records)
                if metrics.is_collecting():
                    metrics.record_batch(self.stage.name, self.processed - processed,
                                         self.dead_lettered - dead_lettered, time.monotonic() - started)  # fmt: skip
                    metrics.record_lag(self.stage.name, self._lags(batches))
                backoff_s = 0.5
            except Exception as error:
                if not is_infrastructure_error(error):
                    raise
                self.log.warning("stage_batch_retry", error=repr(error), retry_in_s=backoff_s)
                self.retries += 1
                self._rewind(records)
                await asyncio.sleep(backoff_s)
                backoff_s = min(backoff_s * 2, 30.0)
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

    async def handle(self, records: list[ConsumerRecord]) -> None:
        """Process one fetched batch end to end and commit its offsets."""
        deliveries: list[Delivery] = []
        failures: list[tuple[ConsumerRecord, BaseException]] = []
        for record in records:
            try:
                self._check_size(record)
                deliveries.append(Delivery(record, self.stage.decode(record)))
            except Exception as error:
                failures.append((record, error))
        outgoing, failed_later = await self._process_isolating(deliveries)
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
        self, deliveries: list[Delivery]
    ) -> tuple[list[Encoded], list[tuple[ConsumerRecord, BaseException]]]:
        """Process the batch; if it fails, or an output is too big to publish, process records one by one so one bad
        record fails alone (a record processed again is a replay, which the stages' upserts absorb)."""
        if not deliveries:
            return [], []
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
                encoded = self._encode(await self._process_one(delivery))
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

    async def _process_one(self, delivery: Delivery) -> list[Outgoing]:
        for attempt in range(1, ATTEMPTS_PER_RECORD + 1):
            try:
                return await self.stage.process([delivery])
            except Exception as error:
                if is_infrastructure_error(error) or attempt == ATTEMPTS_PER_RECORD:
                    raise
                self.log.warning("record_failed", offset=delivery.record.offset, attempt=attempt, error=repr(error))
                await asyncio.sleep(0.1 * attempt)
        raise AssertionError("unreachable")

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
