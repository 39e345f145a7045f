"""SQLAlchemy 2 models: the store is the only durable state (the embedded broker is memory-only)."""

import re
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from schemas.topics import ITEMS

# Named constraints so Alembic produces the same names on PostgreSQL and SQLite (batch mode needs names).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both engines (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# C0 control characters but tab, line feed and carriage return: PostgreSQL refuses NUL in text and in jsonb (the item
# was dead-lettered), SQLite keeps it, and the others are no part of any news text (a feed's stray escape or bell).
_CONTROL_CHARACTERS = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")
_HAS_CONTROL = re.compile(f"[{re.escape(_CONTROL_CHARACTERS)}]")
_NO_CONTROLS = str.maketrans("", "", _CONTROL_CHARACTERS)


def without_controls(text: str) -> str:
    """`text` without NUL and the other C0 control characters but tab, line feed and carriage return."""
    return text.translate(_NO_CONTROLS) if _HAS_CONTROL.search(text) else text


def _json_without_controls(value: Any) -> Any:
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, dict):
        return {_json_without_controls(key): _json_without_controls(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_without_controls(item) for item in value]
    return value


class StoredString(TypeDecorator[str]):
    """VARCHAR whose values enter the store without control characters (`without_controls`), so both engines
    store, and are asked about, the same text. Every string column is one of these or a StoredText: the one place
    it is done (JsonDocument does it for the strings in a document)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return without_controls(value) if isinstance(value, str) else value


class StoredText(StoredString):
    """TEXT without control characters, as StoredString."""

    impl = Text
    cache_ok = True


class JsonDocument(TypeDecorator[Any]):
    """JSON on SQLite, JSONB on PostgreSQL.

    Not `JSON().with_variant(JSONB(), ...)`: that imports SQLAlchemy's PostgreSQL dialect into every process,
    SQLite ones included (~0.04-0.09 s of each `newsmon poll-once` start); this imports it only for an engine
    that is PostgreSQL."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return _json_without_controls(value)  # jsonb refuses \u0000; StoredString says why the others go too


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        dict[str, Any]: JsonDocument(),
        list[Any]: JsonDocument(),
    }


class Feed(Base):
    """A polled feed and its polling state, so a restart resumes the schedule."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(StoredString(2048), unique=True)
    name: Mapped[str] = mapped_column(StoredString(256))
    outlet: Mapped[str] = mapped_column(StoredString(256))
    language: Mapped[str] = mapped_column(StoredString(16))
    etag: Mapped[str | None] = mapped_column(StoredString(512))
    last_modified: Mapped[str | None] = mapped_column(StoredString(128))
    body_hash: Mapped[str | None] = mapped_column(StoredString(64))
    next_poll_at: Mapped[datetime | None] = mapped_column(index=True)
    last_polled_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(StoredText)
    is_disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    items_irrelevant: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Schedule: the adaptive interval, the server's own hint (max-age, <ttl>, sy:updatePeriod, Retry-After)
    # and the weighted failure score that disables a feed (a timeout weighs less than a 404).
    interval_s: Mapped[float | None] = mapped_column(Float)
    server_hint_s: Mapped[float | None] = mapped_column(Float)
    failure_score: Mapped[float] = mapped_column(Float, default=0.0)
    last_status: Mapped[int | None] = mapped_column(Integer)
    disabled_reason: Mapped[str | None] = mapped_column(StoredText)
    disabled_at: Mapped[datetime | None]
    moved_from: Mapped[str | None] = mapped_column(StoredString(2048))
    # Health facts of the last parsed body, for `newsmon feeds status` and reports.
    health: Mapped[str | None] = mapped_column(StoredString(16))
    last_new_item_at: Mapped[datetime | None]
    publish_gap_s: Mapped[float | None] = mapped_column(Float)
    last_item_count: Mapped[int | None] = mapped_column(Integer)
    last_undated_count: Mapped[int | None] = mapped_column(Integer)
    last_body_bytes: Mapped[int | None] = mapped_column(Integer)
    polls: Mapped[int] = mapped_column(Integer, default=0)
    # Row lease for several pollers (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL).
    lease_owner: Mapped[str | None] = mapped_column(StoredString(64))
    lease_until: Mapped[datetime | None] = mapped_column(index=True)
    # The feed carries only summaries: its items go to the full-text stage, which fetches the article page.
    full_text: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class OutboxItem(Base):
    """A relevant feed item, written with the feed state and published from here (broker.md §5 rule 3).

    done_at is set by the dedupe stage in the transaction that stores the article; rows not done are
    published again after a timeout or a broker restart, so no item is lost in between. A done row keeps its id
    and content hash (the poller's "seen before" check), not its payload: the item is an article by then.
    """

    __tablename__ = "outbox"

    id: Mapped[str] = mapped_column(StoredString(64), primary_key=True)  # hash of feed URL + item id
    item_id: Mapped[str] = mapped_column(StoredString(64))
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    content_hash: Mapped[str] = mapped_column(StoredString(64))
    payload: Mapped[dict[str, Any] | None]  # None once done
    # Base topic name (no deployment prefix): newsmon.items, or newsmon.items.fetch for full-text feeds.
    topic: Mapped[str] = mapped_column(StoredString(128), default=ITEMS, server_default=ITEMS)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    published_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_outbox_pending", "done_at", "published_at"),)


# A URL of any length (an aggregator's tracking-laden link): text on PostgreSQL, whose B-tree index entries hold at most
# 2,704 bytes, hence the hash index on articles.url there. SQLite enforces neither limit; its declared type stays as
# it was, since changing it means copying the table (migration 0012).
URL = StoredString(2048).with_variant(StoredText(), "postgresql")


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(StoredString(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    url: Mapped[str] = mapped_column(URL)
    outlet: Mapped[str] = mapped_column(StoredString(256), index=True)
    feed_url: Mapped[str] = mapped_column(StoredString(2048))
    language: Mapped[str] = mapped_column(StoredString(16))
    title: Mapped[str] = mapped_column(StoredText)
    text: Mapped[str] = mapped_column(StoredText)
    text_source: Mapped[str] = mapped_column(StoredString(16), default="feed", server_default="feed")  # "feed" | "page"
    text_error: Mapped[str | None] = mapped_column(StoredText)  # why the page text is missing, for full-text feeds
    published_at: Mapped[datetime] = mapped_column(index=True)
    content_hash: Mapped[str] = mapped_column(StoredString(64))
    story_id: Mapped[str | None] = mapped_column(StoredString(64), index=True)
    guid: Mapped[str | None] = mapped_column(StoredString(1024))
    first_seen_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    # The versions the claims and alerts stages have finished (None: not yet). The embedded broker forgets every
    # record when it stops, so on start the service publishes again each article a stage has not finished.
    claims_version: Mapped[int | None] = mapped_column(Integer)
    alerts_version: Mapped[int | None] = mapped_column(Integer)


Index("ix_articles_feed_guid", ArticleRow.feed_url, ArticleRow.guid)
Index("ix_articles_url", ArticleRow.url, postgresql_using="hash")  # B-tree on SQLite


class ArticleVersionRow(Base):
    """Every content version of an article, so edits can be compared later."""

    __tablename__ = "article_versions"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(StoredString(64))
    title: Mapped[str] = mapped_column(StoredText)
    text: Mapped[str] = mapped_column(StoredText)
    seen_at: Mapped[datetime] = mapped_column(default=utc_now)


class DuplicateRow(Base):
    """A copy of an article seen again (another feed, or a near-duplicate); never dropped silently."""

    __tablename__ = "duplicates"

    id: Mapped[str] = mapped_column(StoredString(64), primary_key=True)  # the copy's outbox id
    item_id: Mapped[str] = mapped_column(StoredString(64))
    feed_url: Mapped[str] = mapped_column(StoredString(2048))
    outlet: Mapped[str] = mapped_column(StoredString(256))
    url: Mapped[str] = mapped_column(URL)
    duplicate_of: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    similarity: Mapped[float] = mapped_column(Float)
    method: Mapped[str] = mapped_column(StoredString(32))
    seen_at: Mapped[datetime] = mapped_column(default=utc_now)


class SpeakerRow(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(StoredString(512), unique=True)
    organisation: Mapped[str] = mapped_column(StoredString(512), default="")


class SpeakerAliasRow(Base):
    """Names under which a speaker was seen ("Putin", "the Russian president")."""

    __tablename__ = "speaker_aliases"

    alias: Mapped[str] = mapped_column(StoredString(512), primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(StoredString(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    article_version: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id"), index=True)
    speaker_mention: Mapped[str] = mapped_column(StoredText)
    cue: Mapped[str] = mapped_column(StoredString(256))
    kind: Mapped[str] = mapped_column(StoredString(16))
    text: Mapped[str] = mapped_column(StoredText)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quantities: Mapped[list[Any]]
    extractor_version: Mapped[str] = mapped_column(StoredString(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    alerts_checked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # by the alerts stage


class StoryDisputeRow(Base):
    """The day a story became disputed by its claims (newsmon/report/dispute_rules.py), recorded whenever the claims
    of one of its articles are written (newsmon/store/claims.py), so a report of every story need not read every
    claim. One row per story with claims; `arose_on` None: not disputed."""

    __tablename__ = "story_disputes"

    story_id: Mapped[str] = mapped_column(StoredString(64), primary_key=True)
    arose_on: Mapped[str | None] = mapped_column(StoredString(10))  # the UTC day, YYYY-MM-DD, of the claim making it so
    kind: Mapped[str | None] = mapped_column(StoredString(32))  # "denial" or "conflicting numbers"


class AlertRow(Base):
    __tablename__ = "alerts"

    id: Mapped[str] = mapped_column(StoredString(64), primary_key=True)
    rule: Mapped[str] = mapped_column(StoredString(64), index=True)
    subject: Mapped[str] = mapped_column(StoredString(16))
    subject_id: Mapped[str] = mapped_column(StoredString(64))
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    published_at: Mapped[datetime | None]


class DedupeDocRow(Base):
    """An article or a near-duplicate copy as the shared LSH index keeps it (consumers/dedupe/index.py)."""

    __tablename__ = "dedupe_docs"

    doc_id: Mapped[str] = mapped_column(StoredString(64), primary_key=True)
    # Arrival number (max + 1 under the index lock): band rows point at it, 8 bytes instead of a 64-char id.
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    first_seen: Mapped[float] = mapped_column(Float)
    sketch: Mapped[bytes] = mapped_column(LargeBinary)
    story_id: Mapped[str] = mapped_column(StoredString(64), index=True)
    duplicate_of: Mapped[str | None] = mapped_column(StoredString(64))
    similarity: Mapped[float | None] = mapped_column(Float)


class DedupePostingRow(Base):
    """LSH band postings: which docs share a band key. In the store so every dedupe process sees one index.

    One row per band key holding its POSTING_LIMIT most recent doc seqs (newsmon/store/dedupe_index.py), packed as
    little-endian int64, newest first: a lookup reads one row per key instead of a range of (key, doc) rows, and
    a batch rewrites each key it touches once. On SQLite the table is WITHOUT ROWID, so the rows live in the
    primary key's B-tree. No foreign key: dedupe docs are never deleted.
    """

    __tablename__ = "dedupe_postings"

    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    seqs: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy reads it as it is
