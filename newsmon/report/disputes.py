"""Where claims disagree: stories in which one speaker denies what others say, or speakers give different numbers
for the same thing (`newsmon query disputes`).

Both are read from what the extractor already found: a claim's cue ("denied", "rejected reports that") and the
quantities in its text ("at least 12 civilians"). Two numbers disagree only when they count the same thing (the
same unit, singular or plural) and their ranges cannot both be true: "more than 40 fighters" and "50 fighters" can.
Each figure is read with the words around it (newsmon/report/dispute_figures.py: killed is not wounded, Monday is
not Tuesday, a running total is not a day's toll, a toll that later rose is an update). The rule that says when a
story became disputed (newsmon/report/dispute_rules.py), which the store records and the disputes-over-time counts
read, reads figures the same way, so the counts and this list name the same stories.
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.report.dispute_figures import Figure, conflict, figures, is_denial_cue
from newsmon.report.dispute_rules import DISPUTE_KINDS, DisputeKind, dispute_arises, is_denial
from newsmon.store.articles import published_span
from newsmon.store.claims import StoryClaim, of_contested_stories, of_every_story, recorded_dispute_days
from newsmon.store.filters import Filters

__all__ = ["DISPUTE_KINDS", "Dispute", "DisputeDay", "DisputeKind", "dispute_arises", "disputes", "disputes_per_day",
           "is_denial", "latest_disputes"]  # fmt: skip


@dataclass
class Dispute:
    """A story whose speakers disagree, and why."""

    story_id: str
    title: str
    first_published_at: datetime
    speakers: list[str]
    outlets: list[str]
    reasons: list[str] = field(default_factory=list)
    claims: list[StoryClaim] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"story_id": self.story_id, "title": self.title,
                "first_published_at": self.first_published_at.isoformat(), "speakers": self.speakers,
                "outlets": self.outlets, "reasons": self.reasons,
                "claims": [{"speaker": c.speaker, "outlet": c.outlet, "cue": c.cue, "text": c.text}
                           for c in self.claims]}  # fmt: skip


def disputes(claims: Iterable[StoryClaim]) -> list[Dispute]:
    """The disputed stories among the claims' stories, most recently started first."""
    by_story: dict[str, list[StoryClaim]] = {}
    for claim in claims:
        by_story.setdefault(claim.story_id, []).append(claim)
    found = [dispute for story in by_story.values() if (dispute := _dispute(story)) is not None]
    return sorted(found, key=lambda d: (d.first_published_at, d.story_id), reverse=True)


async def latest_disputes(session: AsyncSession, limit: int, filters: Filters | None = None,
                          page_size: int = 200) -> list[Dispute]:  # fmt: skip
    """The `limit` most recently started disputed stories among the claims that pass `filters`, reading the store's
    contested stories a page at a time until enough are found (pages come most recently started first)."""
    found: list[Dispute] = []
    async for page in of_contested_stories(session, sides_of_disputes(filters), page_size):
        found += disputes(page)
        if len(found) >= limit:
            break
    return found[:limit]


def sides_of_disputes(filters: Filters | None) -> Filters | None:
    """What a disputes report narrowed by speaker or words reads: the stories with such a claim, each with every
    claim of its period and outlets (kept to the matching claims alone, a dispute needed both sides to match)."""
    if filters is None or not (filters.speaker or filters.contains or filters.search):
        return filters
    return replace(filters, speaker=None, contains=None, search=None, story_has_claim=filters)


@dataclass(frozen=True)
class DisputeDay:
    """Stories that became disputed on one UTC day, by kind."""

    day: str
    denials: int
    conflicting_numbers: int

    @property
    def stories(self) -> int:
        return self.denials + self.conflicting_numbers


async def disputes_per_day(session: AsyncSession, filters: Filters | None = None) -> list[DisputeDay]:
    """Stories that became disputed a day (the UTC day of the claim that made them so), by kind, among the claims
    that pass `filters`; days with none are left out.

    Unfiltered, or over a period holding every article, the store's record of each story's day is read (kept when
    claims are written; on 400k claims reading every claim took 3 s). A filter that leaves claims out changes a
    story's day (a denial before `since` no longer counts), so such counts read the period's claims."""
    started: Counter[tuple[str, DisputeKind]] = Counter()
    if filters is None or await _keeps_every_claim(session, filters):
        for day, kind, stories in await recorded_dispute_days(session):
            started[day, kind] += stories  # type: ignore[index]  # the store keeps the kinds it was given
        return _by_day(started)
    async for story in of_every_story(session, filters):
        if (found := dispute_arises(story)) is not None:
            index, kind = found
            started[story[index].day, kind] += 1
    return _by_day(started)


async def _keeps_every_claim(session: AsyncSession, filters: Filters) -> bool:
    """Whether `filters` leave out no claim: none, or only a period holding every article (`newsmon report` always
    has a period)."""
    if replace(filters, since=None, until=None) != Filters():
        return False
    if filters.since is None and filters.until is None:
        return True
    span = await published_span(session)
    if span is None:
        return True
    first, last = span
    return (filters.since is None or filters.since <= first) and (filters.until is None or last < filters.until)


def _by_day(started: Counter[tuple[str, DisputeKind]]) -> list[DisputeDay]:
    days = sorted({day for day, _ in started})
    return [DisputeDay(day, started[day, "denial"], started[day, "conflicting numbers"]) for day in days]


def _dispute(story: list[StoryClaim]) -> Dispute | None:
    speakers = list(dict.fromkeys(claim.speaker for claim in story))
    if len(speakers) < 2:
        return None
    story = sorted(story, key=lambda claim: claim.published_at)  # stable: an article's claims stay in order
    involved: dict[int, StoryClaim] = {}
    reasons = []
    for position, claim in enumerate(story):
        if is_denial_cue(claim.cue):
            answered = _answered(story, position)
            answering = f" (answering {answered.speaker}: {answered.text})" if answered else ""
            reasons.append(f"{claim.speaker} {claim.cue.strip()}: {claim.text}{answering}")
            involved[id(claim)] = claim
    for group in _conflicting_groups(story):
        said = dict.fromkeys(f"{claim.speaker} says {figure.text}" for claim, figure in group)
        reasons.append(", ".join(said))
        involved.update((id(claim), claim) for claim, _ in group)
    if not reasons:
        return None
    origin = story[0]
    return Dispute(origin.story_id, origin.title, origin.published_at, speakers,
                   list(dict.fromkeys(claim.outlet for claim in story)), reasons,
                   sorted(involved.values(), key=lambda claim: claim.published_at))  # fmt: skip


def _answered(story: list[StoryClaim], position: int) -> StoryClaim | None:
    """The claim the denial at `position` most likely answers: another speaker's claim, not itself a denial, sharing
    the most words with it, said before it rather than after, the nearest. None when several share no word with it
    (naming one would be a guess); the only such claim is named even so."""
    denial = story[position]
    said = _content_words(denial.text)
    candidates = [(index, claim) for index, claim in enumerate(story)
                  if claim.speaker != denial.speaker and not is_denial_cue(claim.cue)]  # fmt: skip
    if not candidates:
        return None
    shared, _, _, index = max((len(said & _content_words(claim.text)), index < position, -abs(index - position),
                               index) for index, claim in candidates)  # fmt: skip
    return story[index] if shared or len(candidates) == 1 else None


_WORD = re.compile(r"[^\W\d_]+")
_SHORT_WORDS = 3  # 'the', 'its', 'car' and such: a shared word must be longer
_COMMON = frozenset({"that", "this", "these", "those", "with", "from", "were", "have", "been", "said", "they",
                     "their", "there", "which", "about", "after", "into", "than", "also", "will", "would"})  # fmt: skip


def _content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.lower()) if len(word) > _SHORT_WORDS and word not in _COMMON)


def _conflicting_groups(story: list[StoryClaim]) -> list[list[tuple[StoryClaim, Figure]]]:
    """Figures that conflict, in groups: two figures are in one group when they, or figures they conflict with,
    conflict (of one thing, from different speakers, not both true). Each group in the order said; one reason a
    group, where a reason a pair grew with the square of a story's voices."""
    counted = [(claim, figure) for claim in story
               for figure in figures(claim.speaker, claim.cue, claim.text, claim.quantities)]  # fmt: skip
    group_of = list(range(len(counted)))

    def root(index: int) -> int:
        while group_of[index] != index:
            group_of[index] = index = group_of[group_of[index]]
        return index

    for i, (_, figure) in enumerate(counted):
        for j in range(i + 1, len(counted)):
            if conflict(figure, counted[j][1]):
                group_of[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for index in range(len(counted)):
        groups.setdefault(root(index), []).append(index)
    return [[counted[index] for index in members] for members in groups.values() if len(members) > 1]
