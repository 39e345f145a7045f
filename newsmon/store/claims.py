"""Claims and the speakers they are attributed to, and the day each story became disputed.

The day a story became disputed (newsmon/report/dispute_rules.py `dispute_arises`, over the story's claims in
publishing order, the rule the dispute list reads them by) is recorded in story_disputes, so that the unfiltered
disputes-over-time report reads one row a story instead of every claim. It equals what reading every claim would
give, because it is a function of the story's claims (speaker, cue, quantities and, for a claim with quantities, its
text), their articles' published_at and story_id, and their order, and each of
these changes only in a transaction that records the story again before it commits:
- claims are written only by `replace_for_article` (the claims stage's transaction; re-extraction replaces an
  article's claims there), which records the article's story after writing them; an article published earlier
  that joins an old story late is recorded with the story's other claims, read in publishing order;
- an article's published_at changes only in articles.update_content (a new version), which records its story;
- story_id is set when an article is first stored and changes only when dedupe merges its story into another
  (articles.merge_stories, in the dedupe transaction under the index lock), which drops the absorbed stories'
  records and records the merged story from all its claims; no article or claim is deleted elsewhere,
  and speaker names are unique and never renamed;
- migration 0010 records every story already stored, and 0014 again by the rule that reads a figure's words.
Concurrent writers (`docker compose --scale claims=4`, PostgreSQL, READ COMMITTED) each lock the story's row
before reading its claims (an upsert takes the row lock), so the second waits for the first to commit and then
reads its claims too. The claims stage locks a batch's stories in sorted order up front (`lock_stories`), so two
batches cannot deadlock; a dedupe batch that re-times articles of stories a claims batch holds can, and PostgreSQL
then aborts one, which its stage retries as any OperationalError. SQLite has one writer at a time, so
nothing is locked there.
"""

import functools
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import groupby
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, delete, func, null, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.report.dispute_rules import dispute_arises
from newsmon.store import search as full_text
from newsmon.store.filters import Filters, utc_day
from newsmon.store.models import ArticleRow, ClaimRow, SpeakerAliasRow, SpeakerRow, StoryDisputeRow
from newsmon.store.upsert import insert_for


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as read back for reports: the row plus its speaker and article."""

    claim: ClaimRow
    speaker: str
    speaker_org: str
    outlet: str
    url: str


@dataclass(frozen=True)
class StoryClaim:
    """A claim as the disputes report reads it (newsmon/report/disputes.py): with its article's story, title and
    time."""

    story_id: str
    title: str
    published_at: datetime
    outlet: str
    speaker: str
    cue: str
    text: str
    quantities: Sequence[dict[str, Any]]


async def speaker_id(session: AsyncSession, name: str, organisation: str, aliases: Sequence[str]) -> int:
    """Id of the canonical speaker `name`, created if new; every alias is recorded as pointing to it."""
    await session.execute(
        insert_for(session, SpeakerRow.__table__).on_conflict_do_nothing(index_elements=["name"]),
        [{"name": name, "organisation": organisation}],
    )
    found = await session.scalar(select(SpeakerRow.id).where(SpeakerRow.name == name))
    assert found is not None  # inserted above in this transaction
    alias_rows = [{"alias": alias, "speaker_id": found} for alias in dict.fromkeys((name, *aliases)) if alias]
    await session.execute(
        insert_for(session, SpeakerAliasRow.__table__).on_conflict_do_nothing(index_elements=["alias"]),
        alias_rows,
    )
    return found


async def replace_for_article(session: AsyncSession, article_id: str, version: int,
                              rows: list[dict[str, Any]]) -> None:  # fmt: skip
    """Make `rows` the claims of the article's `version`: drop claims of older versions/extractors, insert the new
    ones, and record the version as done by the claims stage.

    Claim ids hash (article, span, extractor version), so a replay inserts nothing new and deletes nothing.
    """
    story_id = await session.scalar(update(ArticleRow).where(ArticleRow.id == article_id)
                                    .values(claims_version=version).returning(ArticleRow.story_id))  # fmt: skip
    keep = [row["id"] for row in rows]
    await session.execute(delete(ClaimRow).where(ClaimRow.article_id == article_id, ClaimRow.id.not_in(keep)))
    if rows:
        await session.execute(
            insert_for(session, ClaimRow.__table__).on_conflict_do_nothing(index_elements=["id"]), rows
        )
    await record_disputes(session, [story_id])


async def record_disputes(session: AsyncSession, story_ids: Iterable[str | None]) -> None:
    """Record for each of these stories the day its claims made it disputed, or that they do not (see the module
    docstring for why the record stays right)."""
    stories = await lock_stories(session, story_ids)
    if not stories:
        return
    upsert = insert_for(session, StoryDisputeRow.__table__)
    read = await session.execute(_stories_query(session.get_bind().dialect.name), {"stories": stories})
    found = {row["story_id"]: row for row in story_dispute_rows(read.all())}
    rows = [found.get(story_id, {"story_id": story_id, "arose_on": None, "kind": None}) for story_id in stories]
    await session.execute(upsert.on_conflict_do_update(index_elements=["story_id"],
                                                       set_={"arose_on": upsert.excluded.arose_on,
                                                             "kind": upsert.excluded.kind}), rows)  # fmt: skip


async def lock_stories(session: AsyncSession, story_ids: Iterable[str | None]) -> list[str]:
    """Take the row locks of these stories' dispute records (in sorted order, creating rows as needed) until the
    transaction ends: a concurrent writer of one of them waits here until this one commits, then reads its claims.
    The sorted stories are returned."""
    stories = sorted({story_id for story_id in story_ids if story_id})
    if stories and session.get_bind().dialect.name != "sqlite":  # SQLite: one writer at a time already
        upsert = insert_for(session, StoryDisputeRow.__table__)  # a no-op update of an existing row locks it
        await session.execute(upsert.on_conflict_do_update(index_elements=["story_id"],
                                                           set_={"story_id": upsert.excluded.story_id}),
                              [{"story_id": story_id} for story_id in stories])  # fmt: skip
    return stories


@functools.cache  # built once: building it cost 0.6 ms of each article's write (cProfile, load ~10)
def _stories_query(dialect: str) -> Select[Any]:
    return every_story_query(dialect, [ArticleRow.story_id.in_(bindparam("stories", expanding=True))])


def story_dispute_rows(claims: Iterable[Any]) -> list[dict[str, Any]]:
    """story_disputes rows from `every_story_query` rows: each story's dispute day and kind, None when undisputed."""
    rows = []
    for story_id, story_rows in groupby(claims, key=lambda row: row[0]):
        story = [_dated(row) for row in story_rows]
        found = dispute_arises(story)
        rows.append({"story_id": story_id, "arose_on": story[found[0]].day if found else None,
                     "kind": found[1] if found else None})  # fmt: skip
    return rows


async def recorded_dispute_days(session: AsyncSession) -> list[tuple[str, str, int]]:
    """(UTC day, kind, stories) of every story that became disputed, as recorded when its claims were written."""
    query = (select(StoryDisputeRow.arose_on, StoryDisputeRow.kind, func.count())
             .where(StoryDisputeRow.arose_on.is_not(None))
             .group_by(StoryDisputeRow.arose_on, StoryDisputeRow.kind)
             .order_by(StoryDisputeRow.arose_on, StoryDisputeRow.kind))  # fmt: skip
    return [(str(day), str(kind), count) for day, kind, count in (await session.execute(query)).all()]


async def latest(session: AsyncSession, limit: int, filters: Filters | None = None,
                 sort: full_text.Sort | None = None) -> list[StoredClaim]:  # fmt: skip
    """Claims of the most recently published articles that pass `filters`, in article order (with a search, the most
    relevant first), or of the oldest first; `sort` says which."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    narrowed = replace(filters, search=None)
    query = (
        select(ClaimRow, SpeakerRow.name, SpeakerRow.organisation, ArticleRow.outlet, ArticleRow.url)
        .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(*narrowed.on_articles(dialect), *narrowed.on_claims(dialect))
    )
    published = ArticleRow.published_at.asc() if sort == "oldest" else ArticleRow.published_at.desc()
    order = [published, ClaimRow.article_id, ClaimRow.start]
    if filters.search:
        query, relevance = full_text.ranked(query, ClaimRow.__tablename__, filters.search, dialect)
        if full_text.ranks_by_relevance(sort, filters.search):
            order.insert(0, relevance)
    return [StoredClaim(*row) for row in (await session.execute(query.order_by(*order).limit(limit))).all()]


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(ClaimRow)) or 0)


@dataclass(frozen=True, slots=True)
class SpeakerTally:
    """A speaker's claims among those a report selects: how many, in how many articles and outlets, and when last."""

    speaker: str
    organisation: str
    claims: int
    articles: int
    outlets: int
    last_published_at: datetime


async def top_speakers(session: AsyncSession, limit: int, filters: Filters | None = None) -> list[SpeakerTally]:
    """Who is claiming most among the claims that pass `filters`: speakers by claim count, then by name."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    claims = func.count(ClaimRow.id)
    query = (
        select(SpeakerRow.name, SpeakerRow.organisation, claims, func.count(func.distinct(ClaimRow.article_id)),
               func.count(func.distinct(ArticleRow.outlet)), func.max(ArticleRow.published_at))
        .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(*filters.on_articles(dialect), *filters.on_claims(dialect))
        .group_by(SpeakerRow.id, SpeakerRow.name, SpeakerRow.organisation)
        .order_by(claims.desc(), SpeakerRow.name)
        .limit(limit)
    )  # fmt: skip
    return [SpeakerTally(*row) for row in (await session.execute(query)).all()]


async def of_contested_stories(session: AsyncSession, filters: Filters | None = None,
                               page_size: int = 200) -> AsyncIterator[list[StoryClaim]]:  # fmt: skip
    """The claims that pass `filters`, of stories in which they come from two speakers or more (the stories a
    disputes report looks at), with each claim's story, article title and time: a page of stories at a time, the
    most recently started first (by their first claim's article), so a report that needs twenty stops early."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    conditions = [ArticleRow.story_id.is_not(None), *filters.on_articles(dialect), *filters.on_claims(dialect)]
    started = func.min(ArticleRow.published_at)
    contested = (select(ArticleRow.story_id).select_from(ClaimRow)
                 .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
                 .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                 .where(*conditions).group_by(ArticleRow.story_id)
                 .having(func.count(func.distinct(ClaimRow.speaker_id)) > 1)
                 .order_by(started.desc(), ArticleRow.story_id.desc()))  # fmt: skip
    offset = 0
    while stories := (await session.scalars(contested.limit(page_size).offset(offset))).all():
        offset += len(stories)
        query = (
            select(ArticleRow.story_id, ArticleRow.title, ArticleRow.published_at, ArticleRow.outlet,
                   SpeakerRow.name, ClaimRow.cue, ClaimRow.text, ClaimRow.quantities)
            .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .where(*conditions, ArticleRow.story_id.in_(stories))
            .order_by(ArticleRow.story_id, ArticleRow.published_at, ClaimRow.article_id, ClaimRow.start)
        )  # fmt: skip
        yield [StoryClaim(*row) for row in (await session.execute(query)).all()]


async def per_day(session: AsyncSession, filters: Filters | None = None) -> list[tuple[str, int]]:
    """(day as YYYY-MM-DD in UTC, claims in articles published that day) for the claims that pass `filters`."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    day = utc_day(ArticleRow.published_at, dialect)
    query = (select(day, func.count(ClaimRow.id))
             .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
             .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
             .where(*filters.on_articles(dialect), *filters.on_claims(dialect))
             .group_by(day).order_by(day))  # fmt: skip
    return [(str(found)[:10], count) for found, count in (await session.execute(query)).all()]


@dataclass(frozen=True, slots=True)
class DatedClaim:
    """A claim as counting disputes a day reads it (newsmon/report/disputes.py): its story, the UTC day of its
    article, who said it, the cue, the quantities, and the text when it has quantities (the words around a figure say
    what it counts; a claim without one is read by its cue alone)."""

    story_id: str
    day: str
    speaker: str
    cue: str
    quantities: Sequence[dict[str, Any]]
    text: str


async def of_every_story(session: AsyncSession, filters: Filters | None = None,
                         rows_at_once: int = 5000) -> AsyncIterator[list[DatedClaim]]:  # fmt: skip
    """The claims that pass `filters`, a story at a time, each story's in publishing order: one streamed query for
    reports that count every dispute of a period (`of_contested_stories` pages through the newest few).

    Stories with one speaker are not left out here as there: on 400k claims that GROUP BY doubled the query's time,
    and such a story costs the caller one look."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    query = every_story_query(dialect, [*filters.on_articles(dialect), *filters.on_claims(dialect)])
    story: list[DatedClaim] = []
    connection = await session.connection()  # Core rows: the ORM's wrapping of 400k rows cost a second
    result = await connection.stream(query.execution_options(yield_per=rows_at_once))
    async for rows in result.partitions():  # a chunk at a time: a row at a time costs a greenlet switch each
        for row in rows:
            if story and story[-1].story_id != row[0]:
                yield story
                story = []
            story.append(_dated(row))
    if story:
        yield story


def every_story_query(dialect: str, conditions: Sequence[ColumnElement[bool]]) -> Select[Any]:
    """(story, UTC day, speaker, cue, quantities or None, text or None) of the claims of stories meeting
    `conditions`, story by story, each in publishing order (ties within an article by position, then id, so every
    reader sees one order). The text comes only with quantities: nothing else of the rule reads it."""
    array_length = func.jsonb_array_length if dialect == "postgresql" else func.json_array_length
    # Most claims have no quantity: NULL for them spares decoding "[]", as the day spares parsing a timestamp (each
    # a third of this read's time on SQLite), and spares reading their text.
    has_quantities = array_length(ClaimRow.quantities) > 0
    quantities = case((has_quantities, ClaimRow.quantities), else_=None)
    text = case((has_quantities, ClaimRow.text), else_=None)
    return (
        select(ArticleRow.story_id, utc_day(ArticleRow.published_at, dialect), SpeakerRow.name, ClaimRow.cue,
               quantities, text)
        .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ArticleRow.story_id.is_not(None), *conditions)
        .order_by(ArticleRow.story_id, ArticleRow.published_at, ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
    )  # fmt: skip


def _dated(row: Any) -> DatedClaim:
    story_id, day, speaker, cue, quantities, text = row
    return DatedClaim(story_id, str(day)[:10], speaker, cue, quantities or (), text or "")


async def per_outlet_and_speaker(session: AsyncSession, speakers: Sequence[str],
                                 filters: Filters | None = None) -> list[tuple[str, str | None, int]]:  # fmt: skip
    """(outlet, speaker, claims) for the claims that pass `filters`: one row per outlet and speaker among `speakers`
    (canonical names), and one per outlet with the speaker None for the claims of everyone else."""
    filters, dialect = filters or Filters(), session.get_bind().dialect.name
    named = case((SpeakerRow.name.in_(speakers), SpeakerRow.name), else_=None) if speakers else null()
    # Grouped outside: PostgreSQL would not see the CASE in GROUP BY as the selected one (each has its own parameters).
    relayed = (select(ArticleRow.outlet.label("outlet"), named.label("speaker")).select_from(ClaimRow)
               .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
               .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
               .where(*filters.on_articles(dialect), *filters.on_claims(dialect))).subquery()  # fmt: skip
    query = select(relayed.c.outlet, relayed.c.speaker, func.count()).group_by(relayed.c.outlet, relayed.c.speaker)
    return [(outlet, name, count) for outlet, name, count in (await session.execute(query)).all()]
