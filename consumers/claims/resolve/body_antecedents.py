"""Descriptions of an organisation ('the board', 'the group', 'the court', 'the security forces') back to the
organisation quoted or named before; a state's bodies are state_bodies.py's, outlets outlets.py's."""

import bisect
import re

from consumers.claims.aliases import ORG_ALIASES
from consumers.claims.context import HISTORY_WINDOW, ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.documents import UNNAMED
from consumers.claims.resolve.organisations import of_a_country
from consumers.claims.resolve.outlets import (
    OUTLET_KINDS,
    PAPER_KINDS,
    POSTING_KINDS,
    outlet_before,
    paper_heading,
    posting_called_before,
)
from consumers.claims.resolve.state_bodies import army_quoted_before, state_body
from consumers.claims.speakers import canonical_org, country_of, is_known_org

_ORG_TYPES = {
    "monitor": "Syrian Observatory for Human Rights",
    "observatory": "Syrian Observatory for Human Rights",
    "war monitor": "Syrian Observatory for Human Rights",
    "coalition": "US-led coalition",
    "kremlin": "Russian government",
    "pentagon": "US Department of Defense",
}

GENERIC_ORG_NOUNS = frozenset(
    [
        "group",
        "groups",
        "force",
        "forces",
        "organisation",
        "organization",
        "militia",
        "movement",
        "faction",
        "body",
        "alliance",
        "administration",
        "authority",
        "authorities",
        "charity",
        "agency",
        "monitor",
        "outfit",
        "network",
        "party",
        "club",
    ]
)

_NAME_BEFORE_RE = re.compile(r"((?:[«“\"‘']?(?:[A-Z][\w'’-]*|al-[\w'’-]+)[»”\"’']?\s+){1,6})$")


def definite_org(ctx: DocumentContext, pos: int, head: str, words: list[str], noun: str) -> Speaker:
    """'the board', 'the security forces', 'the group': the organisation quoted or named before."""
    if noun in PAPER_KINDS:
        heading = paper_heading(ctx, pos)
        if heading:
            return Speaker(heading, heading, False)  # a press review: "Al-Akhbar (Beirut)\nThe newspaper wrote that"
    if noun in _BENCH_NOUNS and (court := _court_before(ctx, pos)) is not None:
        return court  # "The judges wrote that P" after the court's ruling: the court speaks through its bench
    if noun in ("court", "tribunal") and len(words) == 2:
        # "The court said P": the court named before, else a body the text never names (unnamed, as "the source")
        return _court_before(ctx, pos) or UNNAMED
    called = posting_called_before(ctx, pos, noun) if noun in POSTING_KINDS else ""
    if called:
        return Speaker(called, called, False)  # 'a Telegram channel called "Sahel Leaks" ... The channel said'
    quoted = _org_quoted_before(ctx, pos, words, noun)
    if quoted is not None:
        return quoted
    phrase = " ".join(w for w in head.split()[1:] if w[:1].islower())
    canon = ctx.org_before(pos, noun) or _antecedent_by_phrase(ctx, pos, phrase) or _ORG_TYPES.get(noun, "")
    if not canon and noun in _GOVERNING_BODY_NOUNS:
        # "The Lebanese Football Association fined X. The federation said P": a sport's governing body goes by
        # either word
        canon = ctx.org_before(pos, _GOVERNING_BODY_NOUNS[noun])
        # "The federation says P. Do you agree?" in an interview named only later: the governing body named next
        canon = canon or _governing_body_after(ctx, pos, noun)
    # "joined the Ministry of Tourism ... The ministry said": of the country the text is about, as when it speaks
    canon = of_a_country(ctx, pos, canon)
    if not canon and noun in OUTLET_KINDS:
        canon = outlet_before(ctx, pos)  # "Asharq Al-Awsat reported ... The newspaper said": the paper named before
    if not canon and noun in POSTING_KINDS and len(words) == 2:
        return UNNAMED  # "The channel that first posted it", "the page" with no outlet named: unnamed
    if not canon and (noun in ("army", "military", "troops", "ministry") or words == ["the", "government"]):
        army = army_quoted_before(ctx) if noun != "ministry" else None
        if army is not None:
            return army  # "The Israeli military says P. ... the army added that Q": that army
        canon = state_body(ctx, pos, words, noun)
    if not canon and noun == "governorate":
        canon = governorate_before(ctx, pos)  # "The governor of Hama ... the governorate said": Hama Governorate
        canon = canon or _only_seat_named(ctx, pos)  # a column on Aleppo: "The governorate insists that P"
    if not canon and noun in _COMPANY_NOUNS:
        canon = _sentence_subject_name(ctx, pos)  # "Fly Cham resumed flights ..., the airline said": that name
    if not canon and noun == "company" and len(words) == 2:
        canon = company_named_before(ctx, pos)  # "the Aleppo Electricity Company ... the company said": that name
    if not canon and noun in GENERIC_ORG_NOUNS:
        generic = _generic_antecedent(ctx, pos)
        if generic is not None:
            return generic
    if not canon and ctx.dateline_place and " ".join(words[1:]) in _LOCAL_BODIES:
        # "KAFR NABL, Syria — ... The local council said": the body of the datelined town, by its name
        canon = f"{ctx.dateline_place} {_LOCAL_BODIES[' '.join(words[1:])]}"
    if not canon and ctx.dateline_city and words[-1:] == ["police"] and len(words) <= 2:
        canon = f"{ctx.dateline_city} police"  # "VIENNA — ..., police said": the datelined city's police
    if not canon and noun in _PEOPLE_PLURALS:
        return UNNAMED  # "The witnesses said P" with no group of them quoted before: people, not a body
    canon = canon or canonical_org(head, ctx.country)
    if len(words) == 2 and canon == words[1]:
        return UNNAMED  # "The guard said P", "The bank announced P" with none named before: a body never named
    if len(words) == 3 and canon == f"{words[1]} {words[2]}" and words[1].isalpha() and words[2] not in ORG_WORDS:
        # "The auction house said P", an auction house never named: as "the bank" above (but "the local council"
        # is a public body of the place, kept by its kind)
        return UNNAMED
    return Speaker(canon, canon, False)


def _governing_body_after(ctx: DocumentContext, pos: int, noun: str) -> str:
    """The first body named after pos (within 3,000 characters) whose name holds noun or its other word
    ("federation", "association"), canonical; or ""."""
    kinds = {noun, _GOVERNING_BODY_NOUNS[noun]}
    for i in range(bisect.bisect_right(ctx.org_pos, pos), len(ctx.org_pos)):
        if ctx.org_pos[i] - pos > 3000:
            break
        surface, canon = ctx.org_name(i)
        if kinds & set(WORDS_RE.findall(surface.lower())):
            return canon
    return ""


_COMPANY_NOUNS = frozenset(["airline", "carrier"])
# A company by its name, "Company" its last word: "the Aleppo Electricity Company", "Syrian Petroleum Company"; or a
# name with its kind in apposition: "Meridian Relief Logistics, a British contractor"
_COMPANY_NAME_RE = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){1,5}Company)\b"
    r"|(?<![\w'’-])((?:[A-Z][\w'’-]*[ ]+){1,4}[A-Z][\w'’-]*),\s+an?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:company|contractor|firm|supplier|operator|subcontractor)\b"
)


def company_named_before(ctx: DocumentContext, pos: int) -> str:
    """The last company named by its full name within 3,000 characters before pos, or "" (the text's only kind of
    company, as "the airline" after "Fly Cham")."""
    found = ""
    for m in _COMPANY_NAME_RE.finditer(ctx.text, max(0, pos - 3000), pos):
        name = m.group(1) or m.group(2)
        found = name[4:] if name.startswith("The ") else name
    return found
_DATELINE_LEAD_RE = re.compile(r"\s*[A-Z][A-Z' -]+(?:,\s+[A-Z][a-z]+)?\s*(?:\([^()]{1,20}\)\s*)?[–—-]\s*")
_NAME_THEN_VERB_RE = re.compile(
    r"\s*((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:has\s+|have\s+|had\s+)?[a-z]+(?:ed|s)\b"
)


# A governorate by its seat: "the governor of Hama", "Hama's governor", "the Hama governorate", "governorate of Hama"
_GOVERNORATE_SEAT_RE = re.compile(
    r"\b(?:[Gg]overnor|[Gg]overnorate)\s+of\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"|\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s+[Gg]overnorate\b|['’]s\s+governor\b)"
)


def governorate_before(ctx: DocumentContext, pos: int) -> str:
    """The governorate whose seat the text named last before pos (within 3,000 characters), or ""."""
    seat = ""
    for m in _GOVERNORATE_SEAT_RE.finditer(ctx.text, max(0, pos - 3000), pos):
        seat = m.group(1) or m.group(2)
    words = seat.split()
    if words and words[0] in ("The", "A", "In", "On"):
        words = words[1:]
    return f"{' '.join(words)} Governorate" if words else ""


# Syria's governorate seats ("Rural Damascus" aside: its seat is not named so)
_SEAT_NAMES_RE = re.compile(
    r"\b(?:Damascus|Aleppo|Homs|Hama|Latakia|Tartus|Idlib|Raqqa|Deir ez-Zor|Hasakah|Daraa|Sweida|Quneitra)\b")


def _only_seat_named(ctx: DocumentContext, pos: int) -> str:
    """'The governorate' with no governor named: the governorate of the one seat the text names before pos, or ""."""
    seats = set(_SEAT_NAMES_RE.findall(ctx.text, 0, pos))
    return f"{seats.pop()} Governorate" if len(seats) == 1 else ""


def _sentence_subject_name(ctx: DocumentContext, pos: int) -> str:
    """The capitalised name opening the sentence of pos (after a dateline) as its subject, canonical; or ""."""
    start = ctx.sentence_start(pos)
    start += 1 if ctx.text.startswith(".", start) else 0
    dateline = _DATELINE_LEAD_RE.match(ctx.text, start, pos)
    named = _NAME_THEN_VERB_RE.match(ctx.text, dateline.end() if dateline else start, pos)
    return canonical_org(named.group(1)) if named and named.group(1) not in ("The", "A", "An") else ""


_GOVERNING_BODY_NOUNS = {"federation": "association", "association": "federation"}
_LOCAL_BODIES = {"local council": "Local Council", "city council": "City Council", "town council": "Town Council",
                 "governorate": "Governorate", "municipality": "Municipality"}
_BENCH_NOUNS = frozenset(["judges", "bench", "panel", "senate"])


def _court_before(ctx: DocumentContext, pos: int) -> Speaker | None:
    """The court or tribunal quoted or named before, or None."""
    quoted = ctx.last(person=False, word="court") or ctx.last(person=False, word="tribunal")
    if quoted is not None:
        return quoted
    named = ctx.org_before(pos, "court") or ctx.org_before(pos, "tribunal")
    if not named:
        return None
    seats = list(re.finditer(rf"{re.escape(named)}\s+in\s+([A-Z][\w'’-]+)\b", ctx.text[max(0, pos - 2000) : pos]))
    if seats:
        named = f"{named} in {seats[-1].group(1)}"  # "The People's Court in Raqqa": a court is named with its seat
    return Speaker(named, named, False)


# Groups of people, never a body's name: "the witnesses", "the signatories" (of a letter), "the residents"
_PEOPLE_PLURALS = frozenset(
    ["witnesses", "signatories", "residents", "survivors", "villagers", "relatives", "families", "activists",
     "protesters", "demonstrators", "farmers", "workers", "doctors", "medics", "lawyers", "journalists", "citizens"]
)


def _org_quoted_before(ctx: DocumentContext, pos: int, words: list[str], noun: str) -> Speaker | None:
    """The sources, the organisation or the party organ quoted or named before under the description's words."""
    if noun in ("source", "sources"):
        found = ctx.last(word=noun)
        if found:
            return found
        if ctx.org_before(ctx.sentence_start(pos), "") == "":
            return UNNAMED  # "The first source said P" with no source and no organisation before: unnamed
    if len(words) >= 3:
        by_phrase = _last_org_with_phrase(ctx, " ".join(words[-2:]))
        if by_phrase is not None:
            return by_phrase  # "the security forces" -> the Asayish ("internal security forces") quoted before
    found_org = ctx.last(person=False, word=noun)
    if found_org and noun == "ministry":
        opening = ctx.sentence_start(pos)
        named = ctx.org_before(opening, noun, floor=ctx.sentence_start(max(0, opening - 1)))
        if named and country_of(named) and named not in found_org.name and found_org.name not in named:
            # "The Defence Ministry said P. The Foreign Ministry voiced concern. The ministry said Q": the one named
            # in the sentence before, though only the other was quoted
            return Speaker(named, named, False)
    if found_org:
        return found_org
    if noun in _PARTY_ORGAN_NOUNS:
        party = next(reversed(list(_PARTY_BEFORE_ORGAN_RE.finditer(ctx.text, max(0, pos - 3000), pos))), None)
        if party is not None:
            # "The PLF (PLF) Politburo met. The Politburo said P": the party whose organ was named before
            canon = canonical_org(party.group(1))
            return Speaker(canon, canon, False)
    return None


_PARTY_ORGAN_NOUNS = frozenset(["politburo", "bureau", "committee", "secretariat"])
_PARTY_BEFORE_ORGAN_RE = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,5}(?:Party|Movement|Front|Union|Alliance))(?:\s+\([^()]{1,18}\))?(?:['’]s)?\s+"
    r"(?:Politburo|Political\s+Bureau|Central\s+Committee|Executive\s+Committee|General\s+Secretariat)\b"
)


def last_source_of(ctx: DocumentContext, kind: str) -> Speaker | None:
    """'The ministry sources said' after 'Defence Ministry sources said' and 'security sources': the ministry's."""
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        words = WORDS_RE.findall(mention.lower())
        if kind in words and any(w.startswith("source") for w in words):
            return speaker
    return None


def _generic_antecedent(ctx: DocumentContext, pos: int) -> Speaker | None:
    """'the group said': the organisation named in its sentence, then in the one before, then the one quoted last."""
    start = ctx.sentence_start(pos)
    named = ctx.org_before(pos, "", floor=start)
    if named:
        return Speaker(named, named, False)  # "P about the SDF, the Kurdish-led group said": named just before
    named = ctx.org_before(start, "", floor=ctx.sentence_start(max(0, start - 2))) if start > 0 else ""
    if named and not named.endswith(" government"):  # ("Syria's civil defence": not Syria, a country)
        return Speaker(named, named, False)  # "The SDF rejected it. '...,' the group said": the sentence before
    return ctx.last(person=False)  # the organisation quoted last, if any


def _last_org_with_phrase(ctx: DocumentContext, phrase: str) -> Speaker | None:
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        if speaker.is_person or not speaker.org:
            continue
        names = (speaker.name, mention, *ORG_ALIASES.get(speaker.name, ()))
        if any(phrase in name.lower() for name in names):
            return speaker
    return None


_NAME_AFTER_KIND_RE = re.compile(r"\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")
_LED_BY_RE = re.compile(
    r",?\s+(?:led|headed|dominated|run)\s+by\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5})"
)


def _antecedent_by_phrase(ctx: DocumentContext, pos: int, phrase: str) -> str:
    """'the operations room' -> the 'al-Fateh al-Mubin operations room' named earlier."""
    if len(phrase) < 4:
        return ""
    at = ctx.text.rfind(phrase, max(0, pos - 4000), pos)
    if at < 0:
        return ""
    leader = _LED_BY_RE.match(ctx.text, at + len(phrase), min(pos, at + len(phrase) + 80))
    words = leader.group(1).split() if leader else []
    for size in range(len(words), 0, -1):
        if is_known_org(" ".join(words[:size])):
            # "a jihadist alliance led by HTS ... The alliance said": the leading organisation speaks
            return canonical_org(" ".join(words[:size]))
    m = _NAME_BEFORE_RE.search(ctx.text, max(0, at - 80), at)
    if not m:
        return ""
    name = re.sub(r"[\"“”«»‘’']", "", m.group(1)).strip()
    if name.endswith("-based"):
        # "the Qamishli-based outlet Welat FM ... The outlet said": where it is based, then its name
        after = _NAME_AFTER_KIND_RE.match(ctx.text, at + len(phrase), pos)
        return canonical_org(after.group(1)) if after else ""
    return canonical_org(f"{name} {phrase}")
