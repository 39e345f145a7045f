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
from aiokafka.errors import CommitFailedError, KafkaError
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


def is_infrastructure_error(error: BaseException) -> bool:
    if isinstance(error, OperationalError | KafkaError | ConnectionError | InfrastructureError):
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
                deliveries.append(Delivery(record, self.stage.decode(record)))
            except Exception as error:
                failures.append((record, error))
        outgoing, failed_later = await self._process_isolating(deliveries)
        for record, failure in failures + failed_later:
            letter = dead_letter_for(self.stage.name, record, failure, self.max_record_bytes)
            await send_dead_letter(self.producer, self.dlq_topic, letter)
        await self._publish(outgoing)
        await self.stage.after_publish(outgoing)
        await self._commit(records)
        self.processed += len(records) - len(failures) - len(failed_later)
        self.dead_lettered += len(failures) + len(failed_later)

    async def _process_isolating(
        self, deliveries: list[Delivery]
    ) -> tuple[list[Outgoing], list[tuple[ConsumerRecord, BaseException]]]:
        """Process the batch; if it fails, process records one by one so one bad record fails alone."""
        if not deliveries:
            return [], []
        try:
            return await self.stage.process(deliveries), []
        except Exception as batch_error:
            if is_infrastructure_error(batch_error):
                raise
            self.log.warning("stage_batch_failed_isolating", error=repr(batch_error), records=len(deliveries))
        outgoing: list[Outgoing] = []
        failed: list[tuple[ConsumerRecord, BaseException]] = []
        for delivery in deliveries:
            try:
                outgoing.extend(await self._process_one(delivery))
            except Exception as error:
                if is_infrastructure_error(error):
                    raise
                failed.append((delivery.record, error))
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

    async def _publish(self, outgoing: Sequence[Outgoing]) -> None:
        futures = [await self.producer.send(o.topic, o.message.to_bytes(), key=o.key.encode()) for o in outgoing]
        await asyncio.gather(*futures)

    async def _commit(self, records: Sequence[ConsumerRecord]) -> None:
        offsets: dict[TopicPartition, int] = {}
        for record in records:
            tp = TopicPartition(record.topic, record.partition)
            offsets[tp] = max(offsets.get(tp, 0), record.offset + 1)
        try:
            await asyncio.wait_for(self.consumer.commit(offsets), timeout=COMMIT_TIMEOUT_S)
        except (CommitFailedError, TimeoutError) as error:
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
