"""dispute days read words: every story's recorded dispute day made again by the rule the dispute list reads

Migration 0010 recorded the day each story became disputed by a rule that compared two speakers' quantities by
unit alone (no claim text): '7 people were killed' and '23 people were wounded' were conflicting numbers there,
while `newsmon query disputes` reads each figure with the words around it (newsmon/report/dispute_figures.py:
killed is not wounded, Monday is not Tuesday, a running total is not a day's toll, a toll that rose is an update,
'did not deny' is no denial). The report's disputed-stories count and its disputes-over-time chart read the record,
so they counted stories the list did not show. The code now records by the list's rule (newsmon/report/
dispute_rules.py, reading the text of each claim with quantities); this upgrade records every stored story again by
it. No schema change: claims.text is already stored.

The claims are read with SQL spelled out here (a migration is history); the rule is the code's own pure function, so
the rows are those the running code would write. Only rows that change are written. The downgrade records every
story again by the old rule, which is copied below as it was (0010's).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-25 06:30:00
"""
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every claim of a story, in publishing order (ties within an article by position, then id), as the store reads it;
# the text only of claims with quantities (nothing else of the rule reads it).
CLAIMS_BY_STORY = """
SELECT a.story_id, {day} AS day, s.name, c.cue, c.quantities, c.text
FROM claims c JOIN speakers s ON s.id = c.speaker_id JOIN articles a ON a.id = c.article_id
WHERE a.story_id IS NOT NULL
ORDER BY a.story_id, a.published_at, c.article_id, c.start, c.id
"""


@dataclass(frozen=True)
class _Claim:
    day: str
    speaker: str
    cue: str
    quantities: Sequence[dict[str, Any]]
    text: str


def upgrade() -> None:
    from newsmon.report.dispute_rules import dispute_arises

    _record_again(dispute_arises)


def downgrade() -> None:
    _record_again(_unit_only_dispute_arises)


def _record_again(arises: Callable[[Sequence[_Claim]], tuple[int, str] | None]) -> None:
    bind = op.get_bind()
    day = "date(timezone('UTC', a.published_at))" if bind.dialect.name == "postgresql" else "date(a.published_at)"
    recorded = {story_id: (arose_on, kind) for story_id, arose_on, kind
                in bind.execute(sa.text("SELECT story_id, arose_on, kind FROM story_disputes"))}  # fmt: skip
    changed, new = [], []
    for story_id, found in groupby(bind.execute(sa.text(CLAIMS_BY_STORY.format(day=day))), key=lambda row: row[0]):
        story = []
        for _, day, speaker, cue, stored, text in found:
            quantities = (json.loads(stored) if isinstance(stored, str) else stored) or ()
            story.append(_Claim(str(day)[:10], speaker, cue, quantities, text if quantities else ""))
        arising = arises(story)
        row = {"story_id": story_id, "arose_on": story[arising[0]].day if arising else None,
               "kind": arising[1] if arising else None}  # fmt: skip
        if story_id not in recorded:
            new.append(row)
        elif recorded[story_id] != (row["arose_on"], row["kind"]):
            changed.append(row)
    if changed:
        bind.execute(sa.text("UPDATE story_disputes SET arose_on = :arose_on, kind = :kind "
                             "WHERE story_id = :story_id"), changed)  # fmt: skip
    if new:
        bind.execute(sa.text("INSERT INTO story_disputes (story_id, arose_on, kind) "
                             "VALUES (:story_id, :arose_on, :kind)"), new)  # fmt: skip


# The rule of 0010 to 0013, as it was: quantities compared by unit alone.
_DENIAL_WORDS = frozenset({
    "deny", "denied", "denies", "denying", "reject", "rejected", "rejects", "rejecting", "dismiss", "dismissed",
    "dismisses", "dismissing", "refute", "refuted", "refutes", "refuting", "dispute", "disputed", "disputes",
    "disputing", "contradict", "contradicted", "contradicts", "contest", "contested", "contests",
})  # fmt: skip
_AT_LEAST = frozenset({"more than", "at least", "over", "just over", "no fewer than", "upwards of"})
_AT_MOST = frozenset({"fewer than", "less than", "at most", "up to", "under", "just under", "no more than",
                      "as many as"})  # fmt: skip
_ABOUT = frozenset({"about", "around", "nearly", "almost", "roughly", "some", "approximately", "an estimated",
                    "estimated", "close to"})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def _unit_only_dispute_arises(story: Sequence[_Claim]) -> tuple[int, str] | None:
    speakers: set[str] = set()
    is_denied = has_conflict = False
    counted: list[tuple[str, dict[str, Any], str]] = []
    for index, claim in enumerate(story):
        speakers.add(claim.speaker)
        is_denied = is_denied or any(word in _DENIAL_WORDS for word in _WORD.findall(claim.cue.lower()))
        for quantity in claim.quantities:
            counted_unit = _unit(quantity) if quantity.get("value") is not None else ""
            if not counted_unit:
                continue
            has_conflict = has_conflict or any(
                speaker != claim.speaker and other_unit == counted_unit and _disjoint(quantity, other)
                for speaker, other, other_unit in counted
            )
            counted.append((claim.speaker, quantity, counted_unit))
        if len(speakers) > 1 and (is_denied or has_conflict):
            return index, "denial" if is_denied else "conflicting numbers"
    return None


def _unit(quantity: dict[str, Any]) -> str:
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
        return low * (1 - 0.15), high * (1 + 0.15)
    return low, high


def _disjoint(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (a_low, a_high), (b_low, b_high) = _range(a), _range(b)
    return a_high < b_low or b_high < a_low
