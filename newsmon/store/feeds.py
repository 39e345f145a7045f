"""Feed rows, their polling state, and the row leases that let several pollers share them."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from newsmon.store.models import Feed
from newsmon.store.upsert import insert_for

ID_CHUNK = 500  # ids per UPDATE ... IN (...), well under SQLite's variable limit
FEEDS: Table = Feed.__table__  # type: ignore[assignment]  # the Core table, for statements without the ORM


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """A catalogue entry: what to poll, and whose it is."""

    url: str
    name: str
    outlet: str
    language: str
    full_text: bool = False  # the feed carries only summaries: fetch each article's page


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll learned about a feed; applied to its row in the poll's transaction.

    Fields left None keep the stored value (a 304 carries no item counts, a failure no validators).
    """

    polled_at: datetime
    next_poll_at: datetime
    status: int | None = None
    error: str | None = None
    failure_score: float = 0.0
    disable_reason: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    items_new: int = 0
    items_irrelevant: int = 0
    interval_s: float | None = None
    server_hint_s: float | None = None
    health: str | None = None
    item_count: int | None = None
    undated_count: int | None = None
    body_bytes: int | None = None
    publish_gap_s: float | None = None
    moved_to: str | None = None


async def register(session: AsyncSession, specs: Iterable[FeedSpec]) -> None:
    """Insert catalogue feeds that are not in the store yet; keep the state of those that are (their
    full_text flag follows the catalogue, which decides how items are fetched)."""
    # A URL a stored feed moved away from (301/308) is that feed, which keeps its new URL: not a new row (whose
    # poll would only find the move taken and disable itself).
    specs = list(specs)
    moved = await _moved_from(session, {s.url for s in specs})
    for spec in specs:
        if spec.url in moved:  # its full_text flag still follows the catalogue
            changed = update(FEEDS).where(FEEDS.c.id == moved[spec.url], FEEDS.c.full_text != spec.full_text)
            await session.execute(changed.values(full_text=spec.full_text))
    specs = [s for s in specs if s.url not in moved]
    # One row per URL: an upsert may not touch the same row twice in one statement (PostgreSQL).
    rows = list({s.url: {"url": s.url, "name": s.name, "outlet": s.outlet, "language": s.language, "failures": 0,
                         "failure_score": 0.0, "polls": 0, "is_disabled": False, "items_seen": 0,
                         "items_irrelevant": 0, "full_text": s.full_text} for s in specs}.values())  # fmt: skip
    if rows:
        statement = insert_for(session, Feed.__table__)
        full_text = statement.excluded.full_text
        statement = statement.on_conflict_do_update(index_elements=["url"], set_={"full_text": full_text},
                                                    where=Feed.__table__.c.full_text != full_text)  # fmt: skip
        await session.execute(statement, rows)


async def _moved_from(session: AsyncSession, urls: set[str]) -> dict[str, int]:
    """Of these URLs, those a stored feed moved away from, with that feed's id (first move wins)."""
    found: dict[str, int] = {}
    if not urls or await session.scalar(select(FEEDS.c.id).where(FEEDS.c.moved_from.is_not(None)).limit(1)) is None:
        return found  # no feed has moved (the usual case): one probe, not a scan per chunk of URLs
    ordered = sorted(urls)
    for start in range(0, len(ordered), ID_CHUNK):
        query = select(FEEDS.c.moved_from, FEEDS.c.id).where(FEEDS.c.moved_from.in_(ordered[start : start + ID_CHUNK]))
        for url, feed_id in (await session.execute(query.order_by(FEEDS.c.id))).all():
            found.setdefault(url, feed_id)
    return found


async def current_urls(session: AsyncSession, urls: Iterable[str]) -> list[str]:
    """The URLs a catalogue lists, with the current URL of each feed that has moved away from one of them (the
    catalogue still names a feed moved by 301/308 by its old URL)."""
    listed = list(urls)
    moved = await _moved_from(session, set(listed))
    if not moved:
        return listed
    ids = sorted(set(moved.values()))
    return listed + list((await session.scalars(select(Feed.url).where(Feed.id.in_(ids)))).all())


async def count_never_polled(session: AsyncSession) -> int:
    """Feeds not polled yet (enabled): each will bring its whole current item list, not just what is new."""
    query = select(func.count()).select_from(Feed).where(Feed.last_polled_at.is_(None), Feed.is_disabled.is_(False))
    return int(await session.scalar(query) or 0)


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


async def store_clock(session: AsyncSession, now: datetime) -> datetime:
    """The time leases are written and compared by: the database's clock on PostgreSQL, so pollers on machines whose
    clocks disagree still agree on who holds a feed (a poller whose clock ran two minutes fast took feeds other
    pollers were polling); on SQLite, whose file is on this machine, `now`. Schedules (next_poll_at, last_polled_at)
    stay in the clock of the poller that recorded the poll, which wrote them: a skewed clock moves a feed's next poll
    by the skew, never makes two pollers poll it at once."""
    if session.get_bind().dialect.name != "postgresql":
        return now
    database_now = await session.scalar(select(func.now()))
    assert database_now is not None
    return database_now


async def claim_due(
    session: AsyncSession, now: datetime, *, owner: str, lease_s: float, limit: int,
    urls: Iterable[str] | None = None, not_polled_since: datetime | None = None,
) -> Sequence[Feed]:  # fmt: skip
    """Lease up to `limit` enabled, due feeds that no live poller holds, for `lease_s` seconds.

    On PostgreSQL, FOR UPDATE SKIP LOCKED lets concurrent pollers claim disjoint rows without waiting;
    on SQLite the store's BEGIN IMMEDIATE serialises the whole claim, which gives the same guarantee.
    A poller that dies leaves its lease to expire, and the next claim after `lease_until` takes the feed.
    With `not_polled_since`, the schedule is ignored and every feed not polled since then is due (poll-once).
    Leases are read and written by the store's clock (`store_clock`), due times by `now`.
    """
    lease_now = await store_clock(session, now)
    query = select(Feed).where(Feed.is_disabled.is_(False))
    query = query.where(Feed.lease_until.is_(None) | (Feed.lease_until < lease_now))
    if not_polled_since is None:
        query = query.where(Feed.next_poll_at.is_(None) | (Feed.next_poll_at <= now))
    else:
        query = query.where(Feed.last_polled_at.is_(None) | (Feed.last_polled_at < not_polled_since))
    if urls is not None:
        query = query.where(Feed.url.in_(list(urls)))
    query = query.order_by(Feed.next_poll_at.asc().nulls_first(), Feed.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = (await session.scalars(query)).all()
    until = lease_now + timedelta(seconds=lease_s)
    # The leases as Core UPDATEs of the claimed ids (rows PostgreSQL has locked above), and the loaded rows told the
    # values as committed ones: setting the attributes instead made the flush's unit of work ~40 % of a claim of 1000
    # feeds.
    ids = [row.id for row in rows]
    connection = await session.connection()
    for start in range(0, len(ids), ID_CHUNK):
        await connection.execute(update(FEEDS).where(FEEDS.c.id.in_(ids[start : start + ID_CHUNK]))
                                 .values(lease_owner=owner, lease_until=until))  # fmt: skip
    for row in rows:
        set_committed_value(row, "lease_owner", owner)
        set_committed_value(row, "lease_until", until)
    return rows


async def renew_leases(session: AsyncSession, owner: str, feed_ids: Sequence[int], until: datetime) -> None:
    """Extend `owner`'s leases on these feeds (those it has already released stay released) until `until`, a time
    by this process's clock: the lease gets the same length from the store's clock."""
    until = await store_clock(session, datetime.now(UTC)) + (until - datetime.now(UTC))
    table = FEEDS
    for start in range(0, len(feed_ids), ID_CHUNK):
        chunk = list(feed_ids[start : start + ID_CHUNK])
        await session.execute(update(table).where(table.c.lease_owner == owner, table.c.id.in_(chunk))
                              .values(lease_until=until))  # fmt: skip


async def lease_owners(session: AsyncSession, now: datetime) -> list[str]:
    """Owners of leases that have not expired yet."""
    now = await store_clock(session, now)
    query = select(Feed.lease_owner).where(Feed.lease_owner.is_not(None), Feed.lease_until >= now).distinct()
    return [owner for owner in (await session.scalars(query)).all() if owner]


async def release_leases(session: AsyncSession, owners: Sequence[str]) -> int:
    """Drop every lease these owners hold (they are known to be gone); return how many feeds were freed."""
    table = FEEDS
    result = await session.execute(update(table).where(table.c.lease_owner.in_(list(owners)))
                                   .values(lease_owner=None, lease_until=None))  # fmt: skip
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def next_due_at(session: AsyncSession, now: datetime) -> datetime | None:
    """When the earliest enabled feed is due (a lease another poller holds counts as its due time), by the clock
    `now` was read from; `now` for a feed never polled, None when no feed is enabled."""
    skew = now - await store_clock(session, now)  # a lease's end told in the caller's clock
    query = select(Feed.next_poll_at, Feed.lease_until).where(Feed.is_disabled.is_(False))
    rows = (await session.execute(query)).all()
    due = [max(filter(None, (next_at, lease and lease + skew)), default=now) for next_at, lease in rows]
    return min(due, default=None)


async def record_poll(session: AsyncSession, feed_id: int, outcome: PollOutcome) -> None:
    """Apply one poll's outcome to the feed row and release its lease (one UPDATE; counters in SQL)."""
    values: dict[str, Any] = {
        "last_polled_at": outcome.polled_at, "next_poll_at": outcome.next_poll_at, "lease_owner": None,
        "lease_until": None, "polls": Feed.polls + 1, "failure_score": outcome.failure_score,
    }  # fmt: skip
    optional = {"last_status": outcome.status, "interval_s": outcome.interval_s, "server_hint_s": outcome.server_hint_s,
                "health": outcome.health, "last_item_count": outcome.item_count,
                "last_undated_count": outcome.undated_count, "last_body_bytes": outcome.body_bytes,
                "publish_gap_s": outcome.publish_gap_s}  # fmt: skip
    values.update({name: value for name, value in optional.items() if value is not None})
    if outcome.disable_reason is not None:
        values.update(is_disabled=True, disabled_reason=outcome.disable_reason, disabled_at=outcome.polled_at)
    if outcome.error is not None:
        values.update(failures=Feed.failures + 1, last_error=outcome.error)
    else:
        values.update(failures=0, last_error=None, last_success_at=outcome.polled_at, etag=outcome.etag,
                      last_modified=outcome.last_modified, items_seen=Feed.items_seen + outcome.items_new,
                      items_irrelevant=Feed.items_irrelevant + outcome.items_irrelevant)  # fmt: skip
        if outcome.body_hash:
            values["body_hash"] = outcome.body_hash
        if outcome.items_new:
            values["last_new_item_at"] = outcome.polled_at
    # A Core UPDATE on the session's connection: the ORM's bulk-update bookkeeping costs more than the
    # statement when a thousand 304s are recorded.
    connection = await session.connection()
    await connection.execute(update(FEEDS).where(FEEDS.c.id == feed_id).values(values))
    if outcome.error is None and outcome.moved_to:
        await _move(session, feed_id, outcome.moved_to, outcome.polled_at)


# Columns a successful poll leaves as they are when its outcome has no value for them (a 304 has no counts).
KEPT_WHEN_NONE = {
    "last_status": "status", "interval_s": "interval_s", "server_hint_s": "server_hint_s", "health": "health",
    "last_item_count": "item_count", "last_undated_count": "undated_count", "last_body_bytes": "body_bytes",
    "publish_gap_s": "publish_gap_s", "body_hash": "body_hash",
}  # fmt: skip


async def record_polls(session: AsyncSession, polls: Sequence[tuple[int, PollOutcome]]) -> None:
    """Apply many polls' outcomes; the plain successes (most of them) in one executemany UPDATE, since a
    statement per feed costs more than the poll itself when a thousand feeds answer 304."""
    plain = [(feed_id, o) for feed_id, o in polls if o.error is None and not o.moved_to]
    for feed_id, outcome in polls:
        if outcome.error is not None or outcome.moved_to:
            await record_poll(session, feed_id, outcome)
    if plain:
        connection = await session.connection()
        await connection.execute(_successes_statement(), [_success_row(feed_id, o) for feed_id, o in plain])


def _successes_statement() -> Any:
    table = FEEDS
    c = table.c

    def param(name: str, column: str) -> Any:
        return bindparam(f"p_{name}", type_=c[column].type)

    values: dict[str, Any] = {
        "last_polled_at": param("polled_at", "last_polled_at"), "next_poll_at": param("next_poll_at", "next_poll_at"),
        "lease_owner": None, "lease_until": None, "polls": c.polls + 1,
        "failure_score": param("failure_score", "failure_score"), "failures": 0, "last_error": None,
        "last_success_at": param("polled_at", "last_success_at"), "etag": param("etag", "etag"),
        "last_modified": param("last_modified", "last_modified"),
        "items_seen": c.items_seen + param("items_new", "items_seen"),
        "items_irrelevant": c.items_irrelevant + param("items_irrelevant", "items_irrelevant"),
        "last_new_item_at": case((param("items_new", "items_seen") > 0, param("polled_at", "last_new_item_at")),
                                 else_=c.last_new_item_at),
    }  # fmt: skip
    values.update({column: func.coalesce(param(field, column), c[column]) for column, field in KEPT_WHEN_NONE.items()})
    return update(table).where(c.id == bindparam("p_id", type_=c.id.type)).values(values)


def _success_row(feed_id: int, outcome: PollOutcome) -> dict[str, Any]:
    row = {f"p_{field}": getattr(outcome, field) for field in KEPT_WHEN_NONE.values()}
    row.update(p_id=feed_id, p_polled_at=outcome.polled_at, p_next_poll_at=outcome.next_poll_at,
               p_failure_score=outcome.failure_score, p_etag=outcome.etag, p_last_modified=outcome.last_modified,
               p_items_new=outcome.items_new, p_items_irrelevant=outcome.items_irrelevant,
               p_body_hash=outcome.body_hash or None)  # fmt: skip
    return row


async def _move(session: AsyncSession, feed_id: int, new_url: str, at: datetime) -> None:
    # A 301/308 is permanent (RFC 9110 §15.4.2): poll the new URL from now on. If the catalogue already
    # has the new URL, this row duplicates that feed and is disabled instead. moved_from keeps the URL the feed
    # had first, through any later moves: its items are keyed by it, so a move does not make them new ones.
    taken = await session.scalar(select(Feed.id).where(Feed.url == new_url))
    if taken is None:
        moved = update(Feed).where(Feed.id == feed_id)
        await session.execute(moved.values(moved_from=func.coalesce(Feed.moved_from, Feed.url), url=new_url))
    elif taken != feed_id:
        reason = f"moved permanently to {new_url}, which is feed #{taken}"
        values = {"is_disabled": True, "disabled_at": at, "disabled_reason": reason, "health": "disabled"}
        await session.execute(update(Feed).where(Feed.id == feed_id).values(values))


async def disable(session: AsyncSession, url: str, reason: str, at: datetime) -> bool:
    """Stop polling the feed (its state and articles stay); False when the URL is unknown."""
    feed = await session.scalar(select(Feed).where(Feed.url == url))
    if feed is None:
        return False
    feed.is_disabled, feed.disabled_reason, feed.disabled_at, feed.health = True, reason, at, "disabled"
    return True


async def enable(session: AsyncSession, url: str) -> bool:
    """Re-enable a disabled feed and clear its failure record; False when the URL is unknown."""
    feed = await session.scalar(select(Feed).where(Feed.url == url))
    if feed is None:
        return False
    feed.is_disabled, feed.disabled_reason, feed.disabled_at = False, None, None
    feed.failures, feed.failure_score, feed.next_poll_at, feed.last_error = 0, 0.0, None, None
    if feed.health == "disabled":
        feed.health = None  # "new" until its next poll says how it is
    return True
