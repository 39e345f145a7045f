"""Articles, their versions and the duplicates recorded against them."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import ArticleRow, ArticleVersionRow, DuplicateRow
from newsmon.store.upsert import insert_for
from schemas.articles import Article


async def get(session: AsyncSession, article_id: str) -> ArticleRow | None:
    return await session.get(ArticleRow, article_id)


async def insert_new(session: AsyncSession, article: Article, seen_at: datetime, guid: str | None = None) -> None:
    """Store a first version; a replayed insert of the same id changes nothing."""
    await session.execute(
        insert_for(session, ArticleRow.__table__).on_conflict_do_nothing(index_elements=["id"]),
        [{"id": article.article_id, "version": article.version, "url": article.url, "outlet": article.outlet,
          "feed_url": article.feed_url, "language": article.language, "title": article.title,
          "text": article.text, "published_at": article.published_at, "content_hash": article.content_hash,
          "story_id": article.story_id, "guid": guid, "first_seen_at": seen_at, "updated_at": seen_at}],
    )  # fmt: skip
    await _add_version(session, article, seen_at)


async def by_feed_guid(session: AsyncSession, feed_url: str, guid: str) -> ArticleRow | None:
    """The article first read from `feed_url` under this guid (RSS guid / Atom id), if any."""
    query = select(ArticleRow).where(ArticleRow.feed_url == feed_url, ArticleRow.guid == guid).limit(1)
    return (await session.scalars(query)).first()


async def update_content(session: AsyncSession, row: ArticleRow, article: Article, seen_at: datetime) -> None:
    """Make `article` (a new version of `row`) the current content and keep it in the version history."""
    row.version, row.title, row.text = article.version, article.title, article.text
    row.content_hash, row.published_at, row.updated_at = article.content_hash, article.published_at, seen_at
    await _add_version(session, article, seen_at)


async def _add_version(session: AsyncSession, article: Article, seen_at: datetime) -> None:
    await session.execute(
        insert_for(session, ArticleVersionRow.__table__).on_conflict_do_nothing(
            index_elements=["article_id", "version"]
        ),
        [{"article_id": article.article_id, "version": article.version, "content_hash": article.content_hash,
          "title": article.title, "text": article.text, "seen_at": seen_at}],
    )  # fmt: skip


async def version_with_hash(session: AsyncSession, article_id: str, content_hash: str) -> int | None:
    """The version number under which this content was already stored, if any."""
    return await session.scalar(
        select(ArticleVersionRow.version).where(
            ArticleVersionRow.article_id == article_id, ArticleVersionRow.content_hash == content_hash
        )
    )


async def record_duplicate(
    session: AsyncSession, *, copy_id: str, item_id: str, feed_url: str, outlet: str, url: str,
    duplicate_of: str, similarity: float, method: str, seen_at: datetime,
) -> None:  # fmt: skip
    """Record that a copy was seen and what it duplicates (idempotent per copy)."""
    await session.execute(
        insert_for(session, DuplicateRow.__table__).on_conflict_do_nothing(index_elements=["id"]),
        [{"id": copy_id, "item_id": item_id, "feed_url": feed_url, "outlet": outlet, "url": url,
          "duplicate_of": duplicate_of, "similarity": similarity, "method": method, "seen_at": seen_at}],
    )  # fmt: skip


async def latest(session: AsyncSession, limit: int) -> Sequence[ArticleRow]:
    query = select(ArticleRow).order_by(ArticleRow.published_at.desc(), ArticleRow.id).limit(limit)
    return (await session.scalars(query)).all()


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(ArticleRow)) or 0)


async def count_duplicates(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(DuplicateRow)) or 0)
