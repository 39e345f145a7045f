"""Alerts raised by rules; published_at makes each alert go out once per rule and subject."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import AlertRow
from newsmon.store.upsert import insert_for


async def add(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Insert alerts not seen before; return the payloads of those not yet published (new or left over)."""
    if not rows:
        return []
    await session.execute(
        insert_for(session, AlertRow.__table__).on_conflict_do_nothing(index_elements=["id"]), list(rows)
    )
    ids = [row["id"] for row in rows]
    query = select(AlertRow.payload).where(AlertRow.id.in_(ids), AlertRow.published_at.is_(None))
    return list((await session.scalars(query)).all())


async def mark_published(session: AsyncSession, ids: Sequence[str], at: datetime) -> None:
    if ids:
        await session.execute(
            update(AlertRow).where(AlertRow.id.in_(list(ids)), AlertRow.published_at.is_(None)).values(published_at=at)
        )


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(AlertRow)) or 0)
