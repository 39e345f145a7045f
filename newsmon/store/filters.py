"""What a report asks of the store: which outlet, speaker, words, time range or story (`newsmon query`)."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from newsmon.store import search as full_text
from newsmon.store.models import ArticleRow, ClaimRow, SpeakerAliasRow, SpeakerRow, without_controls

# SQLite's lower() folds ASCII letters only, so "тасс" would not find "ТАСС": the store registers this function on
# every SQLite connection (session.py); PostgreSQL's lower() folds every script.
SQLITE_LOWER = "newsmon_lower"


_AGO = re.compile(r"(\d+)\s*([mhdw])")
_AGO_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
MOMENT_FORMS = "a date or time such as 2026-11-01 or 2026-11-01T08:00, or 36h or 7d"


# A time zone after a time, as '+01:00' arrives from a URL's query string: its '+' decoded as a space.
_PLUS_AS_SPACE = re.compile(r"(.*T\d\d(?::?\d\d){0,2}(?:[.,]\d+)?) (\d\d(?::?\d\d)?)")


def parse_moment(value: str, now: datetime) -> datetime:
    """An ISO 8601 date or time (UTC unless it says otherwise), or a span before `now` ("90m", "36h", "7d", "2w");
    ValueError naming the accepted forms otherwise, or saying the time is beyond the calendar (years 1 to 9999)."""
    ago = _AGO.fullmatch(value.strip().lower())
    try:
        if ago:
            return now - timedelta(**{_AGO_UNITS[ago[2]]: int(ago[1])})
        written = value.strip().upper()  # RFC 3339 allows 't' and 'z'; fromisoformat wants 'T' and 'Z'
        if plus := _PLUS_AS_SPACE.fullmatch(written):
            written = f"{plus[1]}+{plus[2]}"
        try:
            parsed = datetime.fromisoformat(written)
        except ValueError:
            raise ValueError(f"{value!r}: expected {MOMENT_FORMS}") from None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:  # "99999999d" ago, or 0001-01-01T00:00+01:00 in UTC: before year 1
        raise ValueError(f"{value!r}: out of range (years 1 to 9999)") from None


def sqlite_lower(value: str | None) -> str | None:
    return None if value is None else value.lower()


@dataclass(frozen=True)
class Filters:
    """Each set field narrows the rows; `contains` and the names match case-insensitive substrings, `search` words."""

    outlet: str | None = None
    speaker: str | None = None  # claims: the speaker's name, organisation or one of its aliases
    contains: str | None = None  # claims: their text; articles: title or text
    since: datetime | None = None  # published at or after
    until: datetime | None = None  # published before
    story: str | None = None  # articles of this story (the story's origin article id)
    article: str | None = None  # one article (and its claims)
    search: full_text.SearchQuery | None = None  # full-text search, on the same text as `contains`
    # Only articles of stories holding a claim that passes these (the disputes report: "stories this speaker is in").
    story_has_claim: "Filters | None" = None

    def on_articles(self, dialect: str) -> list[ColumnElement[bool]]:
        """Conditions on ArticleRow (every report joins the articles)."""
        conditions: list[ColumnElement[bool]] = []
        if self.story_has_claim is not None:
            inner = self.story_has_claim
            stories = (select(ArticleRow.story_id).select_from(ClaimRow)
                       .join(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
                       .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                       .where(ArticleRow.story_id.is_not(None), *inner.on_articles(dialect), *inner.on_claims(dialect))
                       .correlate(None))  # fmt: skip  # its own claims, speakers and articles, not the outer query's
            conditions.append(ArticleRow.story_id.in_(stories))
        if self.outlet:
            conditions.append(_matches(ArticleRow.outlet, self.outlet, dialect))
        if self.since:
            conditions.append(ArticleRow.published_at >= self.since)
        if self.until:
            conditions.append(ArticleRow.published_at < self.until)
        if self.story:
            conditions.append(ArticleRow.story_id == self.story)
        if self.article:
            conditions.append(ArticleRow.id == self.article)
        return conditions

    def on_article_text(self, dialect: str) -> list[ColumnElement[bool]]:
        conditions = []
        if self.contains:
            words = self.contains
            conditions.append(
                or_(_matches(ArticleRow.title, words, dialect), _matches(ArticleRow.text, words, dialect))
            )
        if self.search:
            conditions.append(full_text.matches(ArticleRow.__tablename__, self.search, dialect))
        return conditions

    def on_claims(self, dialect: str) -> list[ColumnElement[bool]]:
        """Conditions on ClaimRow and SpeakerRow (joined), besides those on the claim's article."""
        conditions = []
        if self.contains:
            conditions.append(_matches(ClaimRow.text, self.contains, dialect))
        if self.search:
            conditions.append(full_text.matches(ClaimRow.__tablename__, self.search, dialect))
        if self.speaker:
            aliases = select(SpeakerAliasRow.speaker_id).where(_matches(SpeakerAliasRow.alias, self.speaker, dialect))
            conditions.append(or_(_matches(SpeakerRow.name, self.speaker, dialect),
                                  _matches(SpeakerRow.organisation, self.speaker, dialect),
                                  SpeakerRow.id.in_(aliases)))  # fmt: skip
        return conditions


def _matches(column: Any, text: str, dialect: str) -> ColumnElement[bool]:
    lower = getattr(func, SQLITE_LOWER) if dialect == "sqlite" else func.lower
    # The pattern is a bound value of no column's type: its control characters go here, as the stored text's did.
    return lower(column).contains(without_controls(text).lower(), autoescape=True)  # type: ignore[no-any-return]


def utc_day(column: Any, dialect: str) -> Any:
    """The UTC calendar day of a timestamp column (PostgreSQL's date() would use the session's time zone)."""
    return func.date(func.timezone("UTC", column)) if dialect == "postgresql" else func.date(column)
