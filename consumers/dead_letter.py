"""Dead-lettering: a record no stage can process goes to newsmon.dlq with the reason (broker.md §5 rule 6)."""

from datetime import UTC, datetime

import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

from schemas.dead_letter import DeadLetter

log = structlog.get_logger()
# Room for the envelope: a DLQ record must itself stay under the broker's record size limit.
ENVELOPE_BYTES = 16 * 1024


class UnprocessableMessageError(Exception):
    """A record that will never succeed (bad JSON, schema violation, unknown version)."""

    def __init__(self, topic: str, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.topic, self.offset, self.reason = topic, offset, reason


def dead_letter_for(stage: str, record: ConsumerRecord, error: BaseException, max_record_bytes: int) -> DeadLetter:
    raw = record.value or b""
    limit = max(1024, max_record_bytes - ENVELOPE_BYTES) // 4  # worst case 4 bytes a char after JSON escaping
    is_truncated = len(raw) > limit
    return DeadLetter(
        stage=stage, topic=record.topic, partition=record.partition, offset=record.offset,
        key=record.key.decode("utf-8", "replace") if record.key is not None else None,
        raw_value=raw[:limit].decode("utf-8", "replace"), is_value_truncated=is_truncated,
        error_type=type(error).__name__, reason=str(error)[:4000] or type(error).__name__,
        failed_at=datetime.now(UTC),
    )  # fmt: skip


async def send_dead_letter(producer: AIOKafkaProducer, dlq_topic: str, letter: DeadLetter) -> None:
    """Send and wait for the acknowledgement: the source offset may be committed only after it."""
    headers = [
        ("x-error", letter.reason[:1000].encode()),
        ("x-error-class", letter.error_type.encode()),
        ("x-stage", letter.stage.encode()),
        ("x-source-topic", letter.topic.encode()),
        ("x-source-partition", str(letter.partition).encode()),
        ("x-source-offset", str(letter.offset).encode()),
        ("x-failed-at", letter.failed_at.isoformat().encode()),
    ]
    key = letter.key.encode() if letter.key is not None else None
    await producer.send_and_wait(dlq_topic, letter.to_bytes(), key=key, headers=headers)
    log.error("message_dead_lettered", stage=letter.stage, topic=letter.topic, partition=letter.partition,
              offset=letter.offset, error_type=letter.error_type, reason=letter.reason[:300])  # fmt: skip
