"""Whether two speakers' figures are of one thing, read from the words of their claims (no store, no I/O).

Compared by unit alone, '7 people were killed' and '23 people were wounded' disagree. The claim's words around each
figure also say what happened to those counted (killed, wounded, displaced...), which day it was, whether it is a
running total ('since the offensive began'), and whether it is a later, higher toll ('had risen to 15'); vague counts
('dozens of people') hold the figures they can mean, and a negated cue ('did not deny') is no denial. The rule of
dispute_rules.py reads figures so, for the dispute list and for the store's record of dispute days alike.
"""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_OUTCOMES = {
    "killed": "killing kill kills killed dead died die dies death deaths toll massacred executed lives",
    "wounded": "wounded wounding injured injuring injuries injury hurt",
    "casualties": "casualties",
    "displaced": "displaced displacing fled flee fleeing uprooted evacuated",
    "returned": "returned return returning",
    "detained": "arrested detained captured abducted kidnapped detainees prisoners",
    "missing": "missing",
    "freed": "freed released",
    "sheltering": "living sheltering stranded camps tents",
}  # fmt: skip
_OUTCOME_OF = {word: outcome for outcome, words in _OUTCOMES.items() for word in words.split()}
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_RUNNING_TOTAL = ("since", "so far", "in total", "a total of", "overall", "cumulative", "to date", "this year",
                  "altogether")  # fmt: skip
_RISE = frozenset({"rose", "risen", "climbed", "increased", "jumped", "mounted", "grew", "grown", "reached"})
_LATER = frozenset({"later", "updated", "revised", "new"})
_NEGATIONS = frozenset({"not", "n't", "never", "neither", "nor", "declined", "refused", "without"})
# Vague counts: the figures each can mean ('dozens': two dozen or more, short of two hundred).
_VAGUE = (("tens of thousands", 20_000, 100_000), ("hundreds of thousands", 200_000, 1_000_000),
          ("dozens", 24, 199), ("scores", 40, 199), ("hundreds", 200, 1999), ("thousands", 2000, 19_999),
          ("tens", 20, 99))  # fmt: skip
_AROUND = 7  # words either side of a figure that say what it counts


@dataclass(frozen=True)
class Figure:
    """One quantity of a claim, with what its words say of it."""

    speaker: str
    text: str
    unit: str
    low: float
    high: float
    outcome: str
    weekdays: frozenset[str]
    is_running_total: bool
    is_rise: bool


def figures(speaker: str, cue: str, claim_text: str, quantities: Sequence[dict[str, Any]]) -> list[Figure]:
    """The claim's quantities that count something, each read with the words around it."""
    words = [word.lower() for word in _WORD.findall(claim_text)]
    weekdays = frozenset(words) & _WEEKDAYS
    is_later = bool(_LATER & set(_WORD.findall(cue.lower())))
    spans = [_span(words, str(quantity.get("text") or "")) for quantity in quantities]
    found = []
    for quantity, (start, end) in zip(quantities, spans, strict=True):
        if quantity.get("value") is None or not (counted := _counted_unit(quantity)):
            continue
        low, high = _range(quantity)
        before = words[max(0, start - _AROUND) : start]
        # A running total may be named at its clause's end ('... so far this year'), but not past the next figure.
        next_figure = min((other for other, _ in spans if other >= end), default=len(words))
        after = words[end:next_figure]
        found.append(Figure(speaker, str(quantity.get("text") or ""), counted, low, high,
                            _outcome(before, after[:_AROUND]), weekdays, _is_running_total(before, after),
                            is_later or bool(_RISE & set(before[-4:]))))  # fmt: skip
    return found


def conflict(earlier: Figure, later: Figure) -> bool:
    """Whether two speakers' figures, the later one said after the earlier, cannot both be true."""
    if earlier.speaker == later.speaker or not same_thing(earlier.unit, later.unit):
        return False
    if earlier.outcome and later.outcome and earlier.outcome != later.outcome:
        return False  # killed and wounded, displaced and killed: figures of different things
    if earlier.weekdays and later.weekdays and not earlier.weekdays & later.weekdays:
        return False  # Monday's toll and Tuesday's
    if earlier.is_running_total != later.is_running_total:
        return False  # a running total and one day's toll
    if later.is_rise and later.low > earlier.high:
        return False  # a toll that later rose past an earlier figure updates it
    return earlier.high < later.low or later.high < earlier.low


def same_thing(a: str, b: str) -> bool:
    """Units of one thing: equal, or one is the other with what it carries ('trucks of aid' and 'trucks')."""
    return a == b or ((" of " in a) != (" of " in b) and _head(a) == _head(b))


@functools.lru_cache(maxsize=4096)  # a period's cues are a few hundred phrasings, each read thousands of times
def is_denial(cue: str) -> bool:
    """A denying word in the cue, negated or not (is_denial_cue: not)."""
    return any(word in DENIAL_WORDS for word in _LETTERS.findall(cue.lower()))


def unit(quantity: dict[str, Any]) -> str:
    """What is counted, comparable across claims: lower case, its last word singular ("civilians" ~ "civilian")."""
    words = _LETTERS.findall(str(quantity.get("unit") or "").lower())
    if not words:
        return ""
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


@functools.lru_cache(maxsize=4096)
def is_denial_cue(cue: str) -> bool:
    """A denial, not a negated one ('did not deny', 'neither confirmed nor denied')."""
    return is_denial(cue) and not _NEGATIONS & set(_WORD.findall(cue.lower().replace("n't", " n't")))


def _head(counted: str) -> str:
    return unit({"unit": counted.split(" of ")[0]})


def _counted_unit(quantity: dict[str, Any]) -> str:
    counted = unit(quantity)
    return counted.removeprefix("dozen ") if counted.startswith("dozen ") else counted


def _range(quantity: dict[str, Any]) -> tuple[float, float]:
    text = str(quantity.get("text") or "").lower()
    for vague, least, most in _VAGUE:
        if text.startswith(vague):
            return float(least), float(most)
    scale = 12.0 if unit(quantity).startswith("dozen ") else 1.0
    low = float(quantity["value"]) * scale
    high = float(quantity.get("value_max") or quantity["value"]) * scale
    qualifier = str(quantity.get("qualifier") or "").lower()
    if qualifier in _AT_LEAST:
        return low, float("inf")
    if qualifier in _AT_MOST:
        return 0.0, high
    if qualifier in _ABOUT or text.startswith("a dozen"):
        return low * (1 - _ABOUT_MARGIN), high * (1 + _ABOUT_MARGIN)
    return low, high


def _span(words: list[str], quantity_text: str) -> tuple[int, int]:
    """Where the quantity is first mentioned in the claim's words (the whole claim when it is not found)."""
    quantity_words = [word.lower() for word in _WORD.findall(quantity_text)]
    size = len(quantity_words)
    for at in range(len(words) - size + 1):
        if size and words[at : at + size] == quantity_words:
            return at, at + size
    return len(words), len(words)


def _outcome(before: list[str], after: list[str]) -> str:
    """What happened to those counted: the outcome word nearest the figure, after it before before it."""
    for distance in range(max(len(before), len(after))):
        for word in (after[distance] if distance < len(after) else "", before[-1 - distance] if distance < len(
                before) else ""):  # fmt: skip
            if word in _OUTCOME_OF:
                return _OUTCOME_OF[word]
    return ""


def _is_running_total(before: list[str], after: list[str]) -> bool:
    nearby = " ".join([*before, "|", *after])
    return any(re.search(rf"\b{phrase}\b", nearby) for phrase in _RUNNING_TOTAL)
