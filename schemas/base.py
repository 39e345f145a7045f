"""Shared base for every message on a topic."""

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field


class Message(BaseModel):
    """A versioned JSON document on a topic. Unknown fields are ignored so older readers keep working."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    SCHEMA_VERSION: ClassVar[int] = 1

    schema_version: int = Field(1, description="Version of this message's schema; bumped on breaking change.")

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, raw: bytes | None) -> "Message":
        return cls.model_validate_json(raw or b"")
