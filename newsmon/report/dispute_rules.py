"""When a story's claims disagree, as a rule on the claims alone (no store, no I/O): a denial by a second voice, or
two speakers' numbers for one thing whose ranges cannot both hold. newsmon/report/disputes.py lists disputes by it;
newsmon/store/claims.py records, as it writes a story's claims, the day the story became disputed by it."""

import functools
import re
from collections.abc import Sequence
from typing import Any, Literal, Protocol

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


DisputeKind = Literal["denial", "conflicting numbers"]
DISPUTE_KINDS: tuple[DisputeKind, ...] = ("denial", "conflicting numbers")


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
            counted_unit = unit(quantity) if quantity.get("value") is not None else ""
            if not counted_unit:
                continue
            has_conflict = has_conflict or any(
                speaker != claim.speaker and other_unit == counted_unit and disjoint(quantity, other)
                for speaker, other, other_unit in counted
            )
            counted.append((claim.speaker, quantity, counted_unit))
        if len(speakers) > 1 and (is_denied or has_conflict):
            return index, "denial" if is_denied else "conflicting numbers"
    return None


@functools.lru_cache(maxsize=4096)  # a period's cues are a few hundred phrasings, each read thousands of times
def is_denial(cue: str) -> bool:
    return any(word in DENIAL_WORDS for word in _WORD.findall(cue.lower()))


def unit(quantity: dict[str, Any]) -> str:
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


def disjoint(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (a_low, a_high), (b_low, b_high) = _range(a), _range(b)
    return a_high < b_low or b_high < a_low
