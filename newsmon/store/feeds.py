"""Feed rows and polling state."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import Feed
from newsmon.store.upsert import insert_for


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """A catalogue entry: what to poll, and whose it is."""

    url: str
    name: str
    outlet: str
    language: str


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll learned about a feed; applied to its row in the poll's transaction."""

    polled_at: datetime
    next_poll_at: datetime
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    items_new: int = 0
    items_irrelevant: int = 0


async def register(session: AsyncSession, specs: Iterable[FeedSpec]) -> None:
    """Insert catalogue feeds that are not in the store yet; keep the state of those that are."""
    rows = [{"url": s.url, "name": s.name, "outlet": s.outlet, "language": s.language,
             "failures": 0, "is_disabled": False, "items_seen": 0, "items_irrelevant": 0} for s in specs]  # fmt: skip
    if rows:
        statement = insert_for(session, Feed.__table__)
        await session.execute(statement.on_conflict_do_nothing(index_elements=["url"]), rows)


async def by_urls(session: AsyncSession, urls: Iterable[str]) -> Sequence[Feed]:
    return (await session.scalars(select(Feed).where(Feed.url.in_(list(urls))).order_by(Feed.id))).all()


async def all_feeds(session: AsyncSession) -> Sequence[Feed]:
    return (await session.scalars(select(Feed).order_by(Feed.outlet, Feed.url))).all()


async def due(session: AsyncSession, now: datetime, urls: Iterable[str] | None = None) -> Sequence[Feed]:
    """Enabled feeds whose next poll time has come (or was never set)."""
    query = select(Feed).where(Feed.is_disabled.is_(False))
    query = query.where((Feed.next_poll_at.is_(None)) | (Feed.next_poll_at <= now))
    if urls is not None:
        query = query.where(Feed.url.in_(list(urls)))
    return (await session.scalars(query.order_by(Feed.next_poll_at, Feed.id))).all()


async def record_poll(session: AsyncSession, feed_id: int, outcome: PollOutcome) -> None:
    """Apply one poll's outcome: validators and counters on success, failure count and error otherwise."""
    feed = await session.get_one(Feed, feed_id)
    feed.last_polled_at = outcome.polled_at
    feed.next_poll_at = outcome.next_poll_at
    if outcome.error is not None:
        feed.failures += 1
        feed.last_error = outcome.error
        return
    feed.failures = 0
    feed.last_error = None
    feed.last_success_at = outcome.polled_at
    feed.etag = outcome.etag
    feed.last_modified = outcome.last_modified
    feed.body_hash = outcome.body_hash or feed.body_hash
    feed.items_seen += outcome.items_new
    feed.items_irrelevant += outcome.items_irrelevant
