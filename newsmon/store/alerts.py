"""Alerts raised by rules; published_at makes each alert go out once per rule and subject."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import AlertRow, ArticleRow, ClaimRow, SpeakerAliasRow, SpeakerRow
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


async def missing_articles(session: AsyncSession, article_ids: Iterable[str]) -> set[str]:
    """Those of these articles the store does not hold."""
    wanted = set(article_ids)
    if not wanted:
        return set()
    return wanted - set((await session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(wanted)))).all())


async def speaker_aliases(session: AsyncSession, speakers: Iterable[str]) -> dict[str, list[str]]:
    """Every name the store has seen each of these canonical speakers under (the claims stage records them)."""
    wanted = sorted(set(speakers))
    found: dict[str, list[str]] = {}
    for start in range(0, len(wanted), 500):  # well under SQLite's variable limit
        query = (select(SpeakerRow.name, SpeakerAliasRow.alias).join(SpeakerAliasRow)
                 .where(SpeakerRow.name.in_(wanted[start : start + 500])))  # fmt: skip
        for name, alias in (await session.execute(query)).all():
            found.setdefault(name, []).append(alias)
    return found


async def mark_checked(session: AsyncSession, article_versions: Mapping[str, int], claim_ids: Sequence[str]) -> None:
    """Record that the alerts stage has matched these article versions and claims against its rules (an article
    that has a newer version by now keeps waiting for that one)."""
    if article_versions:
        articles = cast(Table, ArticleRow.__table__)  # Core, for one executemany over the batch's articles
        done = update(articles).where(articles.c.id == bindparam("article"), articles.c.version == bindparam("done"))
        params = [{"article": article, "done": version} for article, version in article_versions.items()]
        await session.execute(done.values(alerts_version=bindparam("done")), params)
    if claim_ids:
        await session.execute(update(ClaimRow).where(ClaimRow.id.in_(list(claim_ids))).values(alerts_checked=True))


async def mark_published(session: AsyncSession, ids: Sequence[str], at: datetime) -> None:
    if ids:
        await session.execute(
            update(AlertRow).where(AlertRow.id.in_(list(ids)), AlertRow.published_at.is_(None)).values(published_at=at)
        )


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(AlertRow)) or 0)
