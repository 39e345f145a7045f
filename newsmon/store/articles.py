"""Articles, their versions and the duplicates recorded against them."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from sqlalchemy import Select, case, delete, func, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from newsmon.store import claims
from newsmon.store import search as full_text
from newsmon.store.filters import Filters, utc_day
from newsmon.store.models import (
    AlertRow,
    ArticleRow,
    ArticleVersionRow,
    ClaimRow,
    DuplicateRow,
    StoryDisputeRow,
    without_controls,
)
from newsmon.store.upsert import insert_for
from schemas.articles import Article

GUID_CHUNK = 400  # (feed, guid) pairs per query: two parameters each, well under SQLite's variable limit
_ARTICLE_COLUMNS = tuple(column.name for column in ArticleRow.__table__.columns)
_ARTICLES = ArticleRow.__tablename__
_MERGES_A_STATEMENT = 2000  # three bound parameters an absorbed story


async def get(session: AsyncSession, article_id: str) -> ArticleRow | None:
    return await session.get(ArticleRow, article_id)


async def insert_new(session: AsyncSession, article: Article, seen_at: datetime, guid: str | None = None) -> None:
    """Store a first version; a replayed insert of the same id changes nothing."""
    await session.execute(
        insert_for(session, ArticleRow.__table__).on_conflict_do_nothing(index_elements=["id"]),
        [{"id": article.article_id, "version": article.version, "url": article.url, "outlet": article.outlet,
          "feed_url": article.feed_url, "language": article.language, "title": article.title,
          "text": article.text, "text_source": article.text_source, "text_error": article.text_error,
          "published_at": article.published_at, "content_hash": article.content_hash,
          "story_id": article.story_id, "guid": guid, "first_seen_at": seen_at, "updated_at": seen_at}],
    )  # fmt: skip
    await _add_version(session, article, seen_at)


async def get_many(session: AsyncSession, article_ids: Iterable[str]) -> dict[str, ArticleRow]:
    """The stored articles among these ids, by id."""
    ids = list(set(article_ids))
    if not ids:
        return {}
    return {row.id: row for row in (await session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))).all()}


async def by_feed_guids(session: AsyncSession, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], ArticleRow]:
    """For (feed_url, guid) pairs: the article first read from that feed under that guid, if any."""
    # The store holds them without control characters (models.StoredString); the raw SQL below binds no column type.
    asked: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in set(keys):
        asked.setdefault((without_controls(key[0]), without_controls(key[1])), []).append(key)
    pairs = list(asked)
    rows: list[ArticleRow] = []
    is_sqlite = session.get_bind().dialect.name == "sqlite"
    for start in range(0, len(pairs), GUID_CHUNK):
        chunk = pairs[start : start + GUID_CHUNK]
        if is_sqlite:
            # SQLite scans the whole table for a row-value IN list (EXPLAIN: SCAN articles; 0.25 s for 200 pairs
            # at 100k articles); an OR of equalities is a MULTI-INDEX OR over ix_articles_feed_guid (5 ms). Written
            # as SQL text: the same OR built from SQLAlchemy expressions cost more CPU than the query itself. The
            # ids first, then the rows (usually none: a new item's guid is new).
            where = " OR ".join(["(feed_url = ? AND guid = ?)"] * len(chunk))
            connection = await session.connection()
            found_ids = await connection.exec_driver_sql(f"SELECT id FROM {_ARTICLES} WHERE {where}",
                                                         tuple(chain.from_iterable(chunk)))  # fmt: skip
            ids = [found_id for (found_id,) in found_ids]
            if ids:
                rows += (await session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))).all()
            continue
        match = tuple_(ArticleRow.feed_url, ArticleRow.guid).in_(chunk)
        rows += (await session.scalars(select(ArticleRow).where(match))).all()
    found: dict[tuple[str, str], ArticleRow] = {}
    for row in sorted(rows, key=lambda row: (row.first_seen_at, row.id)):
        for key in asked.get((row.feed_url, row.guid or ""), []):
            found.setdefault(key, row)
    return found


def new_article_values(article: Article, seen_at: datetime, guid: str | None) -> dict[str, Any]:
    """The articles row of a first version (for `insert_many`): every Article field that is a column."""
    values = article.model_dump()
    values.update(id=article.article_id, guid=guid, first_seen_at=seen_at, updated_at=seen_at)
    return {name: values[name] for name in _ARTICLE_COLUMNS if name in values}


def version_values(article: Article, seen_at: datetime) -> dict[str, Any]:
    """The article_versions row of one version (for `insert_many`)."""
    return {"article_id": article.article_id, "version": article.version, "content_hash": article.content_hash,
            "title": article.title, "text": article.text, "seen_at": seen_at}  # fmt: skip


async def insert_many(session: AsyncSession, rows: Sequence[dict[str, Any]], versions: Sequence[dict[str, Any]],
                      duplicates: Sequence[dict[str, Any]]) -> None:  # fmt: skip
    """Bulk `insert_new` / `_add_version` / `record_duplicate` of one batch; replays change nothing."""
    if rows:
        statement = insert_for(session, ArticleRow.__table__).on_conflict_do_nothing(index_elements=["id"])
        await session.execute(statement, list(rows))
    if versions:
        statement = insert_for(session, ArticleVersionRow.__table__)
        await session.execute(statement.on_conflict_do_nothing(index_elements=["article_id", "version"]),
                              list(versions))  # fmt: skip
    if duplicates:
        statement = insert_for(session, DuplicateRow.__table__).on_conflict_do_nothing(index_elements=["id"])
        await session.execute(statement, list(duplicates))


def by_url_query(url: str) -> Select[ArticleRow]:
    """The articles stored under this canonical URL, first seen first (the query of `by_url`)."""
    return select(ArticleRow).where(ArticleRow.url == url).order_by(ArticleRow.first_seen_at, ArticleRow.id)


async def by_url(session: AsyncSession, url: str) -> Sequence[ArticleRow]:
    """The articles stored under this canonical URL (items keyed by guid may share one), first seen first."""
    return (await session.scalars(by_url_query(url))).all()


async def by_feed_guid(session: AsyncSession, feed_url: str, guid: str) -> ArticleRow | None:
    """The article first read from `feed_url` under this guid (RSS guid / Atom id), if any."""
    query = select(ArticleRow).where(ArticleRow.feed_url == feed_url, ArticleRow.guid == guid).limit(1)
    return (await session.scalars(query)).first()


async def update_content(session: AsyncSession, row: ArticleRow, article: Article, seen_at: datetime) -> None:
    """Make `article` (a new version of `row`) the current content and keep it in the version history."""
    row.version, row.title, row.text = article.version, article.title, article.text
    row.text_source, row.text_error = article.text_source, article.text_error
    row.content_hash, row.published_at, row.updated_at = article.content_hash, article.published_at, seen_at
    await _add_version(session, article, seen_at)
    # The story's claims are now in another order when the time moved; its dispute day is recorded from them again.
    await claims.record_disputes(session, [row.story_id])


async def merge_stories(session: AsyncSession, moves: Mapping[str, str]) -> None:
    """The articles of each absorbed story of `moves` (absorbed -> survivor; no survivor is itself absorbed: the caller
    resolves chains) join its survivor (dedupe found an article bridging them), in one statement: the absorbed
    stories' dispute records go, and each merged story's is recorded from all its claims (claims.py's docstring).
    Merges applied again change nothing."""
    gone = {story_id: survivor for story_id, survivor in moves.items() if story_id != survivor}
    if not gone:
        return
    if any(survivor in gone for survivor in gone.values()):
        raise ValueError("story merges: a survivor is absorbed too (resolve the chain first)")
    absorbed = sorted(gone)
    for start in range(0, len(absorbed), _MERGES_A_STATEMENT):
        chunk = {story_id: gone[story_id] for story_id in absorbed[start : start + _MERGES_A_STATEMENT]}
        await session.execute(update(ArticleRow).where(ArticleRow.story_id.in_(list(chunk)))
                              .values(story_id=case(chunk, value=ArticleRow.story_id)),
                              execution_options={"synchronize_session": False})  # fmt: skip
        await session.execute(delete(StoryDisputeRow).where(StoryDisputeRow.story_id.in_(list(chunk))))
    # The rows this session holds say so too (the ORM cannot evaluate a CASE in Python; their other changes stay).
    for row in list(session.sync_session.identity_map.values()):
        if isinstance(row, ArticleRow) and row.story_id in gone:
            set_committed_value(row, "story_id", gone[row.story_id])
    await claims.record_disputes(session, set(gone.values()))


async def _add_version(session: AsyncSession, article: Article, seen_at: datetime) -> None:
    await session.execute(
        insert_for(session, ArticleVersionRow.__table__).on_conflict_do_nothing(
            index_elements=["article_id", "version"]
        ),
        [{"article_id": article.article_id, "version": article.version, "content_hash": article.content_hash,
          "title": article.title, "text": article.text, "seen_at": seen_at}],
    )  # fmt: skip


async def stored_with_hash(session: AsyncSession, keys: Iterable[tuple[str, str]]) -> dict[str, ArticleRow | None]:
    """For (article id, content hash) pairs already stored: the article when the hash is its current version,
    None when it is an older one. Pairs never stored are absent (the full-text stage fetches only those)."""
    wanted = dict(keys)
    if not wanted:
        return {}
    current = (await session.scalars(select(ArticleRow).where(ArticleRow.id.in_(list(wanted))))).all()
    found: dict[str, ArticleRow | None] = {row.id: row for row in current if row.content_hash == wanted[row.id]}
    older = await session.execute(
        select(ArticleVersionRow.article_id, ArticleVersionRow.content_hash).where(
            ArticleVersionRow.article_id.in_([key for key in wanted if key not in found])
        )
    )
    found.update({article_id: None for article_id, content_hash in older if wanted[article_id] == content_hash})
    return found


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


async def latest(session: AsyncSession, limit: int, filters: Filters | None = None,
                 sort: full_text.Sort | None = None) -> Sequence[ArticleRow]:  # fmt: skip
    """The most recently published articles that pass `filters` (with a search, the most relevant first), or the
    oldest first; `sort` says which."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    narrowed = replace(filters, search=None)
    query = select(ArticleRow).where(*narrowed.on_articles(dialect), *narrowed.on_article_text(dialect))
    order = [ArticleRow.published_at.asc() if sort == "oldest" else ArticleRow.published_at.desc(), ArticleRow.id]
    if filters.search:
        query, relevance = full_text.ranked(query, ArticleRow.__tablename__, filters.search, dialect)
        if full_text.ranks_by_relevance(sort, filters.search):
            order.insert(0, relevance)
    return (await session.scalars(query.order_by(*order).limit(limit))).all()


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(ArticleRow)) or 0)


async def published_span(session: AsyncSession) -> tuple[datetime, datetime] | None:
    """The first and the last published_at of all articles (UTC), or None for an empty store."""
    # Two queries: SQLite reads a min() or a max() off the index only when it is the query's one aggregate.
    first = await session.scalar(select(func.min(ArticleRow.published_at)))
    last = await session.scalar(select(func.max(ArticleRow.published_at)))
    if first is None or last is None:
        return None
    return _as_utc(first), _as_utc(last)


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment  # SQLite gives back UTC without a zone


async def count_duplicates(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(DuplicateRow)) or 0)


def as_message(row: ArticleRow) -> Article:
    """The stored article's current version as the dedupe stage published it."""
    return Article(article_id=row.id, version=row.version, url=row.url, outlet=row.outlet, feed_url=row.feed_url,
                   language=row.language, title=row.title, text=row.text, text_source=row.text_source,  # type: ignore[arg-type]
                   text_error=row.text_error, published_at=row.published_at, content_hash=row.content_hash,
                   story_id=row.story_id)  # fmt: skip


async def unfinished(session: AsyncSession, after_id: str = "", limit: int = 500) -> Sequence[ArticleRow]:
    """Articles (in id order, after `after_id`) whose current version the claims or the alerts stage has not
    finished: its claims not stored, the article or one of its claims not yet matched against the alert rules, or
    an alert not yet published. A scan: it runs once, when the service starts on a fresh embedded broker."""
    query = select(ArticleRow).where(
        ArticleRow.id > after_id,
        or_(ArticleRow.claims_version.is_distinct_from(ArticleRow.version),
            ArticleRow.alerts_version.is_distinct_from(ArticleRow.version),
            ArticleRow.id.in_(select(ClaimRow.article_id).where(ClaimRow.alerts_checked.is_(False))),
            ArticleRow.id.in_(select(AlertRow.article_id).where(AlertRow.published_at.is_(None)))),
    )  # fmt: skip
    return (await session.scalars(query.order_by(ArticleRow.id).limit(limit))).all()


async def per_day_by_outlet(session: AsyncSession, filters: Filters | None = None) -> list[tuple[str, str, int]]:
    """(day as YYYY-MM-DD in UTC, outlet, articles published) for the articles that pass `filters`."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    day = utc_day(ArticleRow.published_at, dialect)
    query = (select(day, ArticleRow.outlet, func.count()).where(*filters.on_articles(dialect),
                                                               *filters.on_article_text(dialect))
             .group_by(day, ArticleRow.outlet).order_by(day, ArticleRow.outlet))  # fmt: skip
    return [(str(found)[:10], outlet, count) for found, outlet, count in (await session.execute(query)).all()]


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story as a report lists it: its origin's title, how many articles and outlets, first and last published."""

    story_id: str
    title: str
    articles: int
    outlets: int
    first_published_at: datetime
    last_published_at: datetime


async def stories(session: AsyncSession, limit: int, filters: Filters | None = None) -> list[StorySummary]:
    """The stories with articles that pass `filters`, most recently active first (by their articles that pass)."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    last = func.max(ArticleRow.published_at)
    query = (
        select(ArticleRow.story_id, func.count(), func.count(func.distinct(ArticleRow.outlet)),
               func.min(ArticleRow.published_at), last)
        .where(ArticleRow.story_id.is_not(None), *filters.on_articles(dialect), *filters.on_article_text(dialect))
        .group_by(ArticleRow.story_id).order_by(last.desc(), ArticleRow.story_id).limit(limit)
    )  # fmt: skip
    rows = (await session.execute(query)).all()
    # The story's title is its origin's (the story id is the origin article's id), else its first article's.
    titles = dict((await session.execute(select(ArticleRow.id, ArticleRow.title)
                                         .where(ArticleRow.id.in_([row[0] for row in rows])))).all())  # fmt: skip
    missing = [row[0] for row in rows if row[0] not in titles]
    if missing:
        by_time = (select(ArticleRow.story_id, ArticleRow.title).where(ArticleRow.story_id.in_(missing))
                   .order_by(ArticleRow.published_at, ArticleRow.id))  # fmt: skip
        for story, title in (await session.execute(by_time)).all():
            titles.setdefault(str(story), title)
    return [StorySummary(str(story), titles.get(str(story), ""), count, outlets, first_at, last_at)
            for story, count, outlets, first_at, last_at in rows]  # fmt: skip
