"""The transactional outbox between pollers and the broker (broker.md §5 rule 3)."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Text, bindparam, cast, func, null, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import OutboxItem
from newsmon.store.upsert import insert_for

ID_CHUNK = 500  # ids per SELECT ... IN (...), well under SQLite's variable limit


async def add_new(session: AsyncSession, rows: Iterable[dict[str, Any]]) -> list[str]:
    """Insert outbox rows whose id is new or whose content changed; return the ids that must be published.

    Each row's "payload" is the item's JSON text, stored as it is (the poller has it serialised already)."""
    rows = list(rows)
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    known: dict[str, str] = {}
    for start in range(0, len(ids), ID_CHUNK):
        query = select(OutboxItem.id, OutboxItem.content_hash).where(OutboxItem.id.in_(ids[start : start + ID_CHUNK]))
        known.update({row_id: content for row_id, content in (await session.execute(query)).all()})
    fresh = [row for row in rows if known.get(row["id"]) != row["content_hash"]]
    if fresh:
        text = bindparam("payload_text", type_=Text)
        is_postgresql = session.get_bind().dialect.name == "postgresql"
        # JSON text goes in as text: SQLite stores it as it is, PostgreSQL casts it to jsonb; the JSON type's
        # own bind would serialise it a second time (as a JSON string).
        payload = cast(text, OutboxItem.__table__.c.payload.type) if is_postgresql else type_coerce(text, Text)
        statement = insert_for(session, OutboxItem.__table__).values(payload=payload)
        statement = statement.on_conflict_do_update(
            index_elements=["id"],
            set_={"content_hash": statement.excluded.content_hash, "payload": statement.excluded.payload,
                  "topic": statement.excluded.topic, "published_at": None, "done_at": None},
        )  # fmt: skip
        await session.execute(statement, [{**{k: v for k, v in row.items() if k != "payload"},
                                           "payload_text": row["payload"]} for row in fresh])  # fmt: skip
    return [row["id"] for row in fresh]


async def mark_published(session: AsyncSession, ids: Sequence[str], at: datetime) -> None:
    if ids:
        await session.execute(update(OutboxItem).where(OutboxItem.id.in_(list(ids))).values(published_at=at))


async def mark_done(session: AsyncSession, ids: Iterable[str], at: datetime) -> None:
    """Called in the transaction that stored the item, so 'done' and 'stored' commit together. The payload goes:
    only rows not done are ever published, and a copy of every item's text would otherwise stay for ever."""
    ids = list(ids)
    if ids:
        await session.execute(
            update(OutboxItem).where(OutboxItem.id.in_(ids), OutboxItem.done_at.is_(None))
            .values(done_at=at, payload=null())  # SQL NULL: a JSON column would store None as JSON 'null'
        )


async def pending(session: AsyncSession, published_before: datetime | None, limit: int = 1000) -> Sequence[OutboxItem]:
    """Rows not done: never published, or published before `published_before` (None: all not done). (Every such
    row has its payload: `mark_done` drops it in the update that sets done_at, `add_new` restores both.)"""
    query = select(OutboxItem).where(OutboxItem.done_at.is_(None), OutboxItem.payload.is_not(None))
    if published_before is not None:
        query = query.where((OutboxItem.published_at.is_(None)) | (OutboxItem.published_at < published_before))
    return (await session.scalars(query.order_by(OutboxItem.created_at).limit(limit))).all()


async def has_not_done(session: AsyncSession) -> bool:
    """Whether any row is not done: one index probe (ix_outbox_pending starts at the NULLs), where a count
    walks every row not done (35k of them in a cold poll, checked every 50 ms)."""
    query = select(OutboxItem.id).where(OutboxItem.done_at.is_(None)).limit(1)
    return (await session.scalar(query)) is not None


async def count_not_done(session: AsyncSession) -> int:
    query = select(func.count()).select_from(OutboxItem).where(OutboxItem.done_at.is_(None))
    return int(await session.scalar(query) or 0)
