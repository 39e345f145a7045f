"""Quantities inside claim text: "more than 3,000 IS fighters" -> 3000, qualifier "more than", unit "IS fighters".

Dates, times, years and durations are not quantities (claim annotation guideline, "numbers").
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from consumers.claims.cues import trie_pattern

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9, "dozen": 12.0}
# A vague count is no exact figure, and the schema has no "vague": it is the least its words can mean, hedged "at least"
# when nothing was written before it ("dozens": two dozen or more; "hundreds of thousands": 200,000 or more), the words
# kept in its text. "a dozen" is about twelve. (Was "dozens" = 12, "hundreds" = 100: figures no one gave, which then
# disagreed with another speaker's "30 people".)
_VAGUE = {"dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6, "a dozen": 12.0, "tens": 20.0,
          "tens of thousands": 2e4, "hundreds of thousands": 2e5, "tens of millions": 2e7, "hundreds of millions": 2e8,
          "scores": 40.0, "several dozen": 24.0, "a few dozen": 24.0}
_VAGUE_HEDGE = {"a dozen": "about"}
_FRACTIONS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "one third": 1 / 3, "one quarter": 0.25,
              "two-thirds": 2 / 3, "three-quarters": 0.75, "one-third": 1 / 3, "one-quarter": 0.25,
              "two thirds": 2 / 3, "three quarters": 0.75}

# Letters a case-insensitive pattern matches besides their upper and lower case (sre's extra case pairs).
_EXTRA_CASES = {"i": "ıİ", "k": "\u212a", "s": "ſ"}


def either_case(chars: str) -> str:
    """chars in both cases, plus the letters a case-insensitive match takes for them: the body of a case-sensitive
    class that matches what the case-insensitive class of chars matches. sre tests such a class directly; in a
    case-insensitive pattern it lower-cases every character first (speed)."""
    out = set()
    for ch in chars:
        out |= {ch, ch.lower(), ch.upper()}
        out |= set(_EXTRA_CASES.get(ch.lower(), ""))
    return "".join(sorted(out))


# Alternations as tries (one branch per letter; a longer word is still tried before its prefix, as in a list
# sorted longest first): the number pattern is matched at every trigger, and these were most of its branches.
_WORD_NUM = trie_pattern(list(_UNITS_WORDS))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = rf"(?:\s+(?-i:(?=[{either_case('htmbd')}]))(?:hundred|thousand|million|billion|dozen)|\s?(?:mln|bn))"


def _first_letter_guard(words: list[str]) -> str:
    """A look-ahead on the first letters of words, put before their alternation: the patterns below are
    case-insensitive, and sre enters every branch of a case-insensitive alternation before its first letter fails
    (it skips a branch at once only for a case-sensitive literal), so the guard rejects a digit in one step (speed)."""
    return "(?-i:(?=[" + either_case("".join({w[0] for w in words})) + "]))"


_WORD_NUM_GUARD = _first_letter_guard(list(_UNITS_WORDS))
_ATOM = (rf"(?:(?:{_DIGITS})(?:-(?:{_DIGITS}))?|{_WORD_NUM_GUARD}(?:{_WORD_NUM})(?:-(?:{_WORD_NUM}))?)"
         rf"{_SCALE}?")
# No qualifier is a prefix of another, so at most one can match at a position and their order does not matter.
_QUALIFIER_WORDS = [
    "more than", "fewer than", "less than", "at least", "at most", "up to", "about", "around", "nearly", "almost",
    "roughly", "some", "over", "under", "approximately", "an estimated", "estimated", "as many as", "as few as",
    "close to", "just over", "just under", "no fewer than", "no more than", "upwards of",
]
_QUALIFIER = _first_letter_guard(_QUALIFIER_WORDS) + trie_pattern(_QUALIFIER_WORDS)
_VAGUE_RE = (r"tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|"
             r"tens(?=\s+of\s+[^\W\d])|dozens|hundreds|thousands|millions|a dozen|several dozen|a few dozen|"
             # ("tens of families", "scores of people"; not "the test scores of the pupils")
             r"scores(?=\s+of\s+(?!(?:the|its|their|his|her|these|those)\b)[^\W\d])")
_FRACTION_WORDS = ["two-thirds", "three-quarters", "one-third", "one-quarter", "a third", "a quarter", "half"]
_FRACTION_RE = (_first_letter_guard(_FRACTION_WORDS)
                + r"(?:two[- ]thirds|three[- ]quarters|one[- ]third|one[- ]quarter|a third|a quarter|half)"
                + r"(?:\s+(?:of\s+)?a\s+(?:million|billion)\b)?")  # "half a million": 500,000
# Range forms keep both ends: "between 40 and 50", "from 70 to 100", "55 to 60", "55-60".
_CORE = (rf"(?:between\s+(?P<b1>{_ATOM})\s+and\s+(?P<b2>{_ATOM})"
         rf"|from\s+(?P<f1>{_ATOM})\s+to\s+(?P<f2>{_ATOM})"
         rf"|(?P<frac>{_FRACTION_RE})"
         rf"|(?P<r1>{_ATOM})\s+(?:to|or)\s+(?P<r2>{_ATOM})"
         rf"|(?P<single>{_ATOM})"
         rf"|(?P<vague>{_VAGUE_RE}))")
# Unit words stop at function words; case-sensitive so that "IS fighters" keeps its "IS". (A trie inside a negative
# look-ahead: only whether some word matches counts, never which.)
_FUNCTION_WORDS = trie_pattern([
    "and", "or", "but", "in", "on", "at", "from", "to", "since", "for", "by", "during", "after", "before", "over",
    "who", "which", "that", "were", "was", "is", "are", "had", "have", "has", "this", "last", "next", "across", "per",
    "a", "an", "the", "its", "their",
])
_UNIT_WORD = rf"(?:(?-i:(?!{_FUNCTION_WORDS}\b))[\w'’()./-]+)"
_NUMBER_RE = re.compile(
    rf"(?<![\w.,:/-])(?:(?P<qual>{_QUALIFIER})\s+)?(?:US\$|[$€£])?{_CORE}(?![\w])"
    rf"(?P<pct>\s*(?:%|percent|per cent))?"
    rf"(?P<unit>(?:\s+of(?:\s+(?:the|its|their|his|her|them|these|those|[\w’-]+['’]s)\b)?)?(?:\s+{_UNIT_WORD}){{0,4}})?",
    re.IGNORECASE,
)
# Where a number can begin; the number words as a trie (one branch per letter), as the full pattern is tried at
# every position of every claim. The leading class holds every first character a trigger can have: a position
# whose character is not in it fails there before the look-behind and the alternation are tried (speed).
_TRIGGER_WORDS = trie_pattern([*_UNITS_WORDS, "tens", "dozens", "hundreds", "thousands", "millions"])
_TRIGGER_BODY = (
    rf"(?=[\d$€£adefhmnostuz])"
    rf"(?:(?:US\$|[$€£])?\d|(?:{_TRIGGER_WORDS}|{_VAGUE_RE}|{_FRACTION_RE}|a\s+(?:third|quarter|dozen))\b)"
)
_TRIGGER_RE = re.compile(rf"(?<![\w.,:/-]){_TRIGGER_BODY}", re.IGNORECASE)
# Every character but a digit (\d: str.isdecimal) the look-ahead of _TRIGGER_BODY takes, in either case.
_TRIGGER_FIRST_CHARS = frozenset("$€£" + either_case("adefhmnostuz"))
# The same triggers found by the character before them (the look-behind's class, negated): a pattern opening with a
# character class lets sre skip the positions outside it without starting a match there. A match at s is a trigger at
# s + 1 ending where this match ends; a trigger at 0 has no character before it and is tried on its own.
_TRIGGER_AFTER_RE = re.compile(rf"[^\w.,:/-]{_TRIGGER_BODY}", re.IGNORECASE)


def _trigger_starts(text: str) -> Iterator[int]:
    """The starts of _TRIGGER_RE.finditer(text)."""
    pos = 0
    first = text[:1]  # (the trigger pattern's look-ahead class, tested in Python: most claims open with a letter)
    m = _TRIGGER_RE.match(text) if first.isdecimal() or first in _TRIGGER_FIRST_CHARS else None
    if m is not None:
        yield 0
        pos = m.end() - 1  # the next search may start on the trigger's last character, the one before the next
    while (m := _TRIGGER_AFTER_RE.search(text, pos)) is not None:
        yield m.start() + 1
        pos = m.end() - 1
_PREFIX_RE = re.compile(
    rf"{_first_letter_guard([*_QUALIFIER_WORDS, 'between', 'from'])}(?<![\w-])"
    rf"(?:(?:{_QUALIFIER})\s+)?(?:(?:between|from)\s+)?(?:(?:{_QUALIFIER}|between|from)\s+)$",
    re.IGNORECASE,
)
_IDENTIFIER_BEFORE_RE = re.compile(
    r"[a-z,;]\s+(?!(?:Only|Some|About|Nearly|Around|Almost|Over|Under|At|Up|Just|More|Fewer|Less)\b)[A-Z][\w-]*\s+$")
# People of an age bracket before "under"/"over" and its number: "children under five", "people over 60"
_AGE_BRACKET_BEFORE_RE = re.compile(
    r"\b(?:children|kids|boys|girls|people|men|women|adults|infants|babies|persons)\s+$", re.I
)
_OF_YEAR_RE = re.compile(r"\s+of\s+(?:19|20)\d\d\b")
_PER_TIME_RE = re.compile(r"\s+(?:of\s+)?an?\s+(?:hour|day|week|month|year|decade|century|minute)\b")
_TIME_UNITS = re.compile(
    # ("two more weeks", "three further days": still a duration)
    r"^\s*(?:(?:more|further|additional|extra)\s+)?"
    rf"(?-i:(?=[-{either_case('hdwmyscoapgu')}]))(?:hours?|days?|weeks?|months?|years?|minutes?|seconds?|decades?|centuries|century|"
    r"o'clock|am|pm|a\.m|p\.m|GMT|UTC|years?-old|-year|-day|-hour|-month|-week)\b",
    re.IGNORECASE,
)
# As a trie: both patterns below are only tested for a match, so the order of the names does not matter.
_MONTHS = trie_pattern([
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
])
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.?|\b[A-Z]-?)\s*$")
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b|^(?::\d\d)")
# (?:\s+W)+$ written as \s\s*W(?:\s+W)*$, the same strings and the same leftmost match: opening with a character class,
# it lets sre skip every position that is not a space instead of starting the repeat there (speed).
_STOP_WORDS = r"(?:of|the|its|their|a|an|and|in|to|[\w'’-]+'s)"
_STOP_UNIT_TAIL = re.compile(rf"\s\s*{_STOP_WORDS}(?:\s+{_STOP_WORDS})*$", re.IGNORECASE)


_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
# After a bare "one": nothing (a pronoun) or an idiom ("speak with one voice", "at one point", "one another").
_ONE_IDIOM_RE = re.compile(r"\s*$|\s+(?:voice|point|another|way|hand)\b", re.IGNORECASE)
_NO_ONE_RE = re.compile(r"\b[Nn]o\s$")
_MODIFIER_AFTER_RE = re.compile(r"-[a-z]")
_CLOCK_AFTER_RE = re.compile(r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b", re.IGNORECASE)
_MAGNITUDE_BEFORE = "magnitude "
_UNIT_WORDS_RE = re.compile(r"\s*\S+")


@dataclass(frozen=True, slots=True)
class ClaimNumber:
    """A quantity in a claim: "more than 3,000 IS fighters" -> 3000, None, "IS fighters", "more than"."""

    text: str
    value: float | None
    value_max: float | None
    unit: str
    qualifier: str


def _atom_value(atom: str | None) -> float | None:
    """Value of one number atom: "3,000", "16.7 million", "twenty-one", "five"."""
    if not atom:
        return None
    plain = atom.replace(",", "")
    if plain.isascii() and plain.isdigit():
        return float(plain)  # "3,000": most atoms, without the word and scale handling below
    words = atom.lower().replace(",", "").split()
    scale = 1.0
    while words and words[-1] in _SCALES:
        scale *= _SCALES[words.pop()]
    if not words:
        return scale
    head = words[0]
    if head.endswith(("mln", "bn")) and head[:-3 if head.endswith("mln") else -2].replace(".", "").isdigit():
        suffix = "mln" if head.endswith("mln") else "bn"
        head, scale = head[: -len(suffix)], scale * _SCALES[suffix]
    try:
        return float(head) * scale
    except ValueError:
        parts = head.split("-")
        if all(p in _UNITS_WORDS for p in parts):
            return float(sum(_UNITS_WORDS[p] for p in parts)) * scale
        return None


def _values(groups: tuple[str | None, ...]) -> tuple[float | None, float | None]:
    _, b1, b2, f1, f2, frac, r1, r2, single, vague, _, _ = groups
    for low, high in ((b1, b2), (f1, f2), (r1, r2)):
        if low:
            return _atom_value(low), _atom_value(high)
    if single:
        return _atom_value(single), None
    if vague:
        return _VAGUE[" ".join(vague.lower().split())], None
    share, _, scale = (frac or "").lower().rpartition(" a ")
    if scale in ("million", "billion") and share.removesuffix(" of") in _FRACTIONS:
        return _FRACTIONS[share.removesuffix(" of")] * _SCALES[scale], None  # "half a million"
    return _FRACTIONS.get((frac or "").lower()), None


def _is_date_or_duration(text: str, m: re.Match[str], groups: tuple[str | None, ...]) -> bool:
    """Years, days of the month, clock times and durations are not claim quantities (guideline)."""
    qual, b1, b2, f1, f2, frac, r1, r2, core, _, pct, unit = groups
    ends = (b1, b2) if b1 else (f1, f2) if f1 else (r1, r2)
    if ends[0] and not pct and not (unit or "").strip() and all(_YEAR_RE.fullmatch(end or "") for end in ends):
        return True  # "from 2015 to 2021", "between 2011 and 2014": a span of years
    if core:  # (then frac is None: they are alternatives)
        if not pct and _YEAR_RE.fullmatch(core):
            return True
        start = m.start()
        if core[0].isdigit():
            before = text[max(0, start - 12) : start]
            # every form of _DATE_BEFORE holds a capital letter: none when all cased characters are lower case
            if not before.islower() and _DATE_BEFORE.search(before):
                return not qual  # "March 3", "M4": a date or a road, not a count
        core_end = m.end("single")
        after = text[core_end : core_end + 20]
        if _DATE_AFTER.match(after):
            return True
        if _CLOCK_AFTER_RE.match(after):
            return True  # "at nine in the morning": an hour of the day
        if _MODIFIER_AFTER_RE.match(after):
            return True  # "a 15-member council", "a 55-kilometre zone": a modifier, not a count
        if not qual and _IDENTIFIER_BEFORE_RE.search(text, max(0, start - 30), start) and (
            core[0].isdigit() or not _is_plural_noun(after.split(None, 1)[0] if after.strip() else "")
        ):
            # "Leopard 2 tanks", "Resolution 2254", "Phase two": names, not counts ("offered the SDF three
            # divisions": a number in words before a plural noun counts it)
            return True
        if qual and not (unit or "").strip() and qual.lower() in ("under", "over") and _AGE_BRACKET_BEFORE_RE.search(
                text, max(0, start - 10), start):
            return True  # "children under five", "people over 60": an age bracket, no count
    elif frac and _PER_TIME_RE.match(text, m.end("frac"), m.end("frac") + 12):
        return True  # "half an hour", "a quarter of a century"
    elif frac and _OF_YEAR_RE.match(text, m.end("frac"), m.end("frac") + 12):
        return True  # "in the first half of 2027", "the last quarter of 2025": a part of a year is a date
    elif frac and frac[:2].lower() == "a " and _ORDINAL_NOUN_AFTER_RE.match(text, m.end("frac"), m.end("frac") + 24):
        return True  # "through a third country", "for a third time": the ordinal, no share
    return not pct and bool(_TIME_UNITS.match(unit or ""))


def find_numbers(text: str) -> list[ClaimNumber]:
    """Every quantity in text, left to right, as written with qualifier and noun."""
    found: list[ClaimNumber] = []
    done = 0
    # The full pattern is costly at every position; start it only where a number can begin.
    for at in _trigger_starts(text):
        if at < done:
            continue
        prefix = _PREFIX_RE.search(text, max(done, at - 40), at) if _may_have_prefix(text, at) else None
        m = _NUMBER_RE.match(text, prefix.start()) if prefix else None
        if m is None or m.end() <= at:
            m = _NUMBER_RE.match(text, at)
        if m is None:
            continue
        done = m.end()
        number = _number_at(text, m)
        if number is not None and (shown := text.find(number.text, m.start(), done)) >= 0:
            # the pattern may run past the number's cut end ("140 people there. Eleven have been ..."): what
            # follows the number as shown is read again
            done = shown + len(number.text)
        if number is not None and number.value and text.endswith(" in ", max(0, m.start() - 4), m.start()) \
                and number.text[:1].isalnum() and not _SHARE_UNIT_RE.search(number.text) and (
                one_in := _ONE_IN_RE.search(text, max(0, m.start() - 40), m.start())) is not None:
            # "fewer than one in five returnees", "One in four children": a share, its qualifier before "one"
            number = ClaimNumber(text[one_in.start() : one_in.end() + len(number.text)], 1 / number.value, None,
                                 number.unit, (one_in.group(1) or "").lower())
        if number is not None:
            found.append(number)
    return found


# A singular noun right after "a third"/"a quarter": the ordinal ("a third country", "a third time", "a third
# round"), not the share ("a third of", "cut by a third", "a third fewer")
_ORDINAL_NOUN_AFTER_RE = re.compile(
    r"\s+(?:consecutive\s+|straight\s+|successive\s+)?(?:country|state|party|time|round|day|week|month|year|term|wave|"
    r"attempt|batch|phase|convoy|person|place|option|way|front|child|son|daughter|wife|victim|suspect)\b"
)
_SHARE_UNIT_RE = re.compile(r"%|per\s?cent|\$|€|£|\b(?:US|mln|bn|million|billion)\b")
_ONE_IN_RE = re.compile(
    r"(?:\b((?:fewer|less|more)\s+than|nearly|almost|about|around|roughly|at\s+least|some)\s+)?\b[Oo]ne\s+in\s+$"
)


# Last words of the qualifiers and range openers: a prefix can only end in one of them (a cheap test first).
_PREFIX_LAST_WORDS = frozenset([
    "than", "least", "most", "to", "about", "around", "nearly", "almost", "roughly", "some", "over", "under",
    "approximately", "estimated", "as", "of", "between", "from",
])


def _may_have_prefix(text: str, pos: int) -> bool:
    end = pos
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    if end == pos:
        return False
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower() in _PREFIX_LAST_WORDS


# The groups of _NUMBER_RE, read once per number (each m.group call is a lookup by name).
_GROUPS = ("qual", "b1", "b2", "f1", "f2", "frac", "r1", "r2", "single", "vague", "pct", "unit")


def _number_at(text: str, m: re.Match[str]) -> ClaimNumber | None:
    groups = m.group(*_GROUPS)
    if _is_date_or_duration(text, m, groups):
        return None
    low, high = _values(groups)
    if low is None:
        return None
    qual, single, pct, unit_group = groups[0], groups[8], groups[10], groups[11]
    if (single or "").lower() == "one" and (
        _ONE_IDIOM_RE.match(unit_group or "") or _NO_ONE_RE.search(text, max(0, m.start() - 3), m.start())
    ):
        return None  # "like this one", "no one": pronouns; "with one voice", "at one point": idioms, not counts
    phrase = _noun_phrase(unit_group or "", keep_space=True, count_is_noun=bool(groups[9]))
    unit = _strip_stop_tail(" " + phrase.strip()).strip()
    unit = unit.rstrip(".,;:)")
    unit = ("percent " + unit).strip() if pct else unit.removeprefix("of ")
    start = m.start()
    end = m.start("unit") + len(phrase) if unit_group else m.end()
    end = _trim_end(text, start, end)
    if single and not qual and text[max(0, start - 10) : start].lower() == _MAGNITUDE_BEFORE:
        # "a magnitude 5.3 earthquake": the scale is the quantity's noun, the quake what it measures
        start, end, unit = start - len(_MAGNITUDE_BEFORE), m.end("single"), "magnitude"
    hedge = (qual or "").lower() or (_VAGUE_HEDGE.get(vague.lower(), "at least") if (vague := groups[9]) else "")
    return ClaimNumber(text[start:end].strip(), low, high, unit, hedge)


_STOP_WORD_RE = re.compile(_STOP_WORDS, re.IGNORECASE)


def _strip_stop_tail(phrase: str) -> str:
    """_STOP_UNIT_TAIL removed, tried only when the last word is one of its words (most units end in a noun)."""
    if phrase and not phrase[-1].isspace() and not _STOP_WORD_RE.fullmatch(phrase.rsplit(None, 1)[-1]):
        return phrase  # the tail pattern must end at the end, on a whole stop word
    return _STOP_UNIT_TAIL.sub("", phrase)


_NOT_PLURAL = frozenset([
    "its", "this", "his", "hers", "ours", "theirs", "yours", "was", "has", "does", "as", "yes", "less", "across",
    "thus", "perhaps", "always", "sometimes", "whereas", "besides", "towards", "afterwards",
])
# Verbs in -s that end a count before them: "of which £31 million goes to X"
_VERBS_IN_S = frozenset(["goes", "comes", "seems", "means", "stays", "belongs", "becomes", "exists"])
_IRREGULAR_PLURALS = frozenset(["people", "children", "women", "men", "personnel", "police", "staff", "civilians"])


def _is_plural_noun(word: str) -> bool:
    low = word.lower().strip(".,;:)")
    if word[:1].isupper() or low in _IRREGULAR_PLURALS:
        return low in _IRREGULAR_PLURALS
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")) and low not in _NOT_PLURAL


_VERBS_AFTER_A_COUNT = frozenset(["died", "fled", "returned", "drowned", "escaped", "survived", "arrived", "remained"])


def _noun_phrase(unit: str, keep_space: bool = False, count_is_noun: bool = False) -> str:
    """The counted noun: stop after a plural head unless "of" follows ("14 episodes of shelling").

    `count_is_noun`: the number is a noun itself ("hundreds", "dozens"), so a verb may follow it at once."""
    words = _UNIT_WORDS_RE.findall(unit)
    kept: list[str] = []
    for i, raw in enumerate(words):
        word = raw.strip()
        if word.lower() in _VERBS_IN_S:
            break  # "£31 million goes to the north-west": the count ends before its verb
        is_verb_like = word.endswith(("ed", "ly")) and word.lower() not in ("armed", "displaced")
        first_verb = not i and word.lower() in _VERBS_AFTER_A_COUNT  # "5 died", "12 fled": no counted noun
        if (i or count_is_noun or first_verb) and is_verb_like and (not kept or kept[-1].strip().lower() != "of"):
            break  # "46 refugees returned", "Hundreds fled": the count ends before the verb
        kept.append(raw)
        nxt = words[i + 1].strip().lower() if i + 1 < len(words) else ""
        if _is_plural_noun(word) and nxt != "of":
            break
    text = "".join(kept)
    return text if keep_space else text.strip()


def _trim_end(text: str, start: int, end: int) -> int:
    """Cut the written form back to the kept unit words."""
    raw = text[start:end]
    stripped = _strip_stop_tail(raw).rstrip(" .,;:")
    if stripped.count("(") > stripped.count(")"):
        stripped = stripped.rsplit("(", 1)[0].rstrip()
    return start + len(stripped)
