"""DeadLetter: a record a stage could not process (topic newsmon.dlq)."""

from datetime import datetime

from pydantic import Field

from schemas.base import Message


class DeadLetter(Message):
    """The original record plus why it failed; nothing is dropped without one of these."""

    stage: str = Field(description="Stage that gave up, e.g. 'claims' (or 'poller' for an item it could not send).")
    topic: str = Field(description="Topic the record was read from (the poller: the topic it was bound for).")
    partition: int = Field(description="Partition of the record; -1 when it never reached the topic (poller).")
    offset: int = Field(description="Offset of the record; -1 when it never reached the topic (poller).")
    key: str | None = Field(None, description="Record key, decoded as UTF-8 (with replacement).")
    raw_value: str = Field(description="Record value, decoded as UTF-8 (with replacement), possibly truncated.")
    is_value_truncated: bool = Field(False, description="True when raw_value was cut to stay under the size limit.")
    error_type: str = Field(description="Class of the error, e.g. 'ValidationError'.")
    reason: str = Field(description="Human-readable reason the record could not be processed.")
    failed_at: datetime = Field(description="When the stage gave up (UTC).")
