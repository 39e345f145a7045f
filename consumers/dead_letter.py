"""Dead-lettering: a record no stage can process goes to newsmon.dlq with the reason (broker.md §5 rule 6)."""

from collections.abc import Sequence
from datetime import UTC, datetime

import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.record.default_records import DefaultRecordBatchBuilder
from aiokafka.structs import ConsumerRecord

from newsmon.store import outbox
from newsmon.store.session import Store
from schemas.base import Message
from schemas.dead_letter import DeadLetter
from schemas.items import FeedItem

log = structlog.get_logger()
# Room for the envelope: a DLQ record must itself stay under the broker's record size limit.
ENVELOPE_BYTES = 16 * 1024
BATCH_OVERHEAD_BYTES = 128  # a record batch's own header, which a broker's size limit counts too
KEY_CHARS = 1024  # a key is an id: a longer one is cut, in the letter and as the DLQ record's key


class UnprocessableMessageError(Exception):
    """A record that will never succeed (bad JSON, schema violation, unknown version, over the size limit)."""

    def __init__(self, topic: str, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.topic, self.offset, self.reason = topic, offset, reason


async def close_dead_lettered_items(store: Store, messages: Sequence[Message]) -> None:
    """Polled items the runner dead-lettered (sent and acknowledged) are done: else the relay would send them again
    every few minutes, and each would fail again. For the stages that read the poller's items (after_dead_letter)."""
    ids = [item.delivery_id for item in messages if isinstance(item, FeedItem)]
    if ids:
        async with store.sessions.begin() as session:
            await outbox.mark_done(session, ids, datetime.now(UTC))


def dead_letter_for(stage: str, record: ConsumerRecord, error: BaseException, max_record_bytes: int) -> DeadLetter:
    raw = record.value or b""
    limit = max(1024, max_record_bytes - ENVELOPE_BYTES) // 4  # 4 UTF-8 bytes a char at most, before escaping
    key = record.key.decode("utf-8", "replace")[:KEY_CHARS] if record.key is not None else None
    letter = DeadLetter(
        stage=stage, topic=record.topic, partition=record.partition, offset=record.offset, key=key,
        raw_value=raw[:limit].decode("utf-8", "replace"), is_value_truncated=len(raw) > limit,
        error_type=type(error).__name__, reason=str(error)[:4000] or type(error).__name__,
        failed_at=datetime.now(UTC),
    )  # fmt: skip
    # JSON escaping makes a control character six bytes: cut the value (then the reason) until the record fits,
    # since a letter the producer refuses would hold its batch back for ever.
    while _record_bytes(letter) > max_record_bytes - BATCH_OVERHEAD_BYTES:
        if letter.raw_value:
            cut = {"raw_value": letter.raw_value[: len(letter.raw_value) * 2 // 3], "is_value_truncated": True}
        elif len(letter.reason) > 80:
            cut = {"reason": letter.reason[: len(letter.reason) * 2 // 3]}
        else:
            break
        letter = letter.model_copy(update=cut)
    return letter


def _headers(letter: DeadLetter) -> list[tuple[str, bytes]]:
    return [
        ("x-error", letter.reason[:1000].encode(errors="replace")),
        ("x-error-class", letter.error_type.encode()),
        ("x-stage", letter.stage.encode()),
        ("x-source-topic", letter.topic.encode()),
        ("x-source-partition", str(letter.partition).encode()),
        ("x-source-offset", str(letter.offset).encode()),
        ("x-failed-at", letter.failed_at.isoformat().encode()),
    ]


def _key(letter: DeadLetter) -> bytes | None:
    return letter.key.encode(errors="replace") if letter.key is not None else None


def _record_bytes(letter: DeadLetter) -> int:
    """The letter's size as the producer measures it against max_request_size."""
    return int(DefaultRecordBatchBuilder.estimate_size_in_bytes(_key(letter), letter.to_bytes(), _headers(letter)))


async def send_dead_letter(producer: AIOKafkaProducer, dlq_topic: str, letter: DeadLetter) -> None:
    """Send and wait for the acknowledgement: the source offset may be committed only after it."""
    await producer.send_and_wait(dlq_topic, letter.to_bytes(), key=_key(letter), headers=_headers(letter))
    log.error("message_dead_lettered", stage=letter.stage, topic=letter.topic, partition=letter.partition,
              offset=letter.offset, error_type=letter.error_type, reason=letter.reason[:300])  # fmt: skip
