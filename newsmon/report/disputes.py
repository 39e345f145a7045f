"""Where claims disagree: stories in which one speaker denies what others say, or speakers give different numbers
for the same thing (`newsmon query disputes`).

Both are read from what the extractor already found: a claim's cue ("denied", "rejected reports that") and the
quantities in its text ("at least 12 civilians"). Two numbers disagree only when they count the same thing (the
same unit, singular or plural) and their ranges cannot both be true: "more than 40 fighters" and "50 fighters" can.
"""

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.claims import StoryClaim, of_contested_stories, of_every_story
from newsmon.store.filters import Filters

DENIAL_WORDS = frozenset({
    "deny", "denied", "denies", "denying", "reject", "rejected", "rejects", "rejecting", "dismiss", "dismissed",
    "dismisses", "dismissing", "refute", "refuted", "refutes", "refuting", "dispute", "disputed", "disputes",
    "disputing", "contradict", "contradicted", "contradicts", "contest", "contested", "contests",
})  # fmt: skip
# Qualifiers that make a number a bound or an approximation ("at least 12": 12 or more).
_AT_LEAST = frozenset({"more than", "at least", "over", "just over", "no fewer than", "upwards of"})
_AT_MOST = frozenset({"fewer than", "less than", "at most", "up to", "under", "just under", "no more than",
                      "as many as"})  # fmt: skip
_ABOUT = frozenset({"about", "around", "nearly", "almost", "roughly", "some", "approximately", "an estimated",
                    "estimated", "close to"})  # fmt: skip
_ABOUT_MARGIN = 0.15
_WORD = re.compile(r"[^\W\d_]+")


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
    async for page in of_contested_stories(session, filters, page_size):
        found += disputes(page)
        if len(found) >= limit:
            break
    return found[:limit]


DisputeKind = Literal["denial", "conflicting numbers"]
DISPUTE_KINDS: tuple[DisputeKind, ...] = ("denial", "conflicting numbers")


@dataclass(frozen=True)
class DisputeDay:
    """Stories that became disputed on one UTC day, by kind."""

    day: str
    denials: int
    conflicting_numbers: int

    @property
    def stories(self) -> int:
        return self.denials + self.conflicting_numbers


class SaidClaim(Protocol):
    """What deciding a dispute reads of a claim (a StoryClaim or a DatedClaim)."""

    @property
    def speaker(self) -> str: ...
    @property
    def cue(self) -> str: ...
    @property
    def quantities(self) -> Sequence[dict[str, Any]]: ...


def dispute_arises(story: Sequence[SaidClaim]) -> tuple[int, DisputeKind] | None:
    """Where a story's claims, in publishing order, first hold a dispute (as `disputes` finds one): the index of the
    claim that made it, and the kind.

    The kind is a denial when one has been made by then, even if the same claim also brought conflicting numbers: a
    denial needs only a second voice to count, so it is the older of the two."""
    speakers: set[str] = set()
    is_denied = has_conflict = False
    counted: list[tuple[str, dict[str, Any], str]] = []
    for index, claim in enumerate(story):
        speakers.add(claim.speaker)
        is_denied = is_denied or is_denial(claim.cue)
        for quantity in claim.quantities:
            unit = _unit(quantity) if quantity.get("value") is not None else ""
            if not unit:
                continue
            has_conflict = has_conflict or any(
                speaker != claim.speaker and other_unit == unit and _disjoint(quantity, other)
                for speaker, other, other_unit in counted
            )
            counted.append((claim.speaker, quantity, unit))
        if len(speakers) > 1 and (is_denied or has_conflict):
            return index, "denial" if is_denied else "conflicting numbers"
    return None


async def disputes_per_day(session: AsyncSession, filters: Filters | None = None) -> list[DisputeDay]:
    """Stories that became disputed a day (the UTC day of the claim that made them so), by kind, among the claims
    that pass `filters`; days with none are left out."""
    started: Counter[tuple[str, DisputeKind]] = Counter()
    async for story in of_every_story(session, filters):
        if (found := dispute_arises(story)) is not None:
            index, kind = found
            started[story[index].day, kind] += 1
    days = sorted({day for day, _ in started})
    return [DisputeDay(day, started[day, "denial"], started[day, "conflicting numbers"]) for day in days]


@functools.lru_cache(maxsize=4096)  # a period's cues are a few hundred phrasings, each read thousands of times
def is_denial(cue: str) -> bool:
    return any(word in DENIAL_WORDS for word in _WORD.findall(cue.lower()))


def _dispute(story: list[StoryClaim]) -> Dispute | None:
    speakers = list(dict.fromkeys(claim.speaker for claim in story))
    if len(speakers) < 2:
        return None
    involved: dict[int, StoryClaim] = {}
    reasons = []
    for claim in story:
        if is_denial(claim.cue):
            reasons.append(f"{claim.speaker} {claim.cue.strip()}: {claim.text}")
            involved[id(claim)] = claim
    for (first, a), (second, b) in _conflicting_numbers(story):
        reasons.append(f"{first.speaker} says {a['text']}, {second.speaker} says {b['text']}")
        involved[id(first)], involved[id(second)] = first, second
    if not reasons:
        return None
    origin = min(story, key=lambda claim: claim.published_at)
    return Dispute(origin.story_id, origin.title, origin.published_at, speakers,
                   list(dict.fromkeys(claim.outlet for claim in story)), reasons,
                   sorted(involved.values(), key=lambda claim: claim.published_at))  # fmt: skip


def _conflicting_numbers(story: list[StoryClaim]) -> list[tuple[tuple[StoryClaim, dict], tuple[StoryClaim, dict]]]:
    """Pairs of quantities of one unit, from different speakers, whose ranges do not overlap (each pair once)."""
    counted = [(claim, quantity, _unit(quantity)) for claim in story for quantity in claim.quantities
               if quantity.get("value") is not None and _unit(quantity)]  # fmt: skip
    pairs = []
    for i, (claim, quantity, unit) in enumerate(counted):
        for other, other_quantity, other_unit in counted[i + 1 :]:
            if other.speaker != claim.speaker and other_unit == unit and _disjoint(quantity, other_quantity):
                pairs.append(((claim, quantity), (other, other_quantity)))
    return pairs


def _unit(quantity: dict[str, Any]) -> str:
    """What is counted, comparable across claims: lower case, its last word singular ("civilians" ~ "civilian")."""
    words = _WORD.findall(str(quantity.get("unit") or "").lower())
    if not words:
        return ""
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _range(quantity: dict[str, Any]) -> tuple[float, float]:
    low = float(quantity["value"])
    high = float(quantity.get("value_max") or low)
    qualifier = str(quantity.get("qualifier") or "").lower()
    if qualifier in _AT_LEAST:
        return low, float("inf")
    if qualifier in _AT_MOST:
        return 0.0, high
    if qualifier in _ABOUT:
        return low * (1 - _ABOUT_MARGIN), high * (1 + _ABOUT_MARGIN)
    return low, high


def _disjoint(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (a_low, a_high), (b_low, b_high) = _range(a), _range(b)
    return a_high < b_low or b_high < a_low
