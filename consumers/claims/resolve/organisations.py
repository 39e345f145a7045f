"""Organisation mentions -> canonical organisations: aliases inside phrases, ministries by country, units of known
organisations (claim annotation guideline, "Speaker").
"""

import bisect
import re
from functools import lru_cache

from consumers.claims.context import HISTORY_WINDOW, ORG_WORDS, WORDS_RE, DocumentContext
from consumers.claims.resolve.words import (
    DESTINATION_RE,
    PERSON_ROLES,
    has_capital_word,
    has_proper_name,
    is_org_like,
    sentence_of,
)
from consumers.claims.speakers import (
    canonical_org,
    country_of,
    is_acronym,
    is_known_org,
    names_own_army,
    norm_key,
    rules_out_org,
)


def modified_alias_before(ctx: DocumentContext, pos: int, noun: str) -> str:
    """'the administration' after 'The Kurdish-led administration that runs ...': a known alias with its modifier."""
    found = ""
    for m in re.finditer(rf"\b([\w'’-]+)\s+{re.escape(noun)}\b", ctx.text[max(0, pos - 3000) : pos]):
        phrase = f"{m.group(1)} {noun}"
        if is_known_org(phrase):
            found = canonical_org(phrase)
    return found


_ALIAS_TOKEN_RE = re.compile(r"[\w'’.-]+")


@lru_cache(maxsize=8192)
def alias_inside(head: str, min_words: int = 1) -> str:
    """A known organisation named inside a longer mention: 'a member of the civil defence team in X'."""
    if names_own_army(head):
        return ""  # "the Free Syrian Army" holds "Syrian Army", an alias, but is an army of its own name
    tokens = _ALIAS_TOKEN_RE.findall(head)
    runs = _alias_runs(tokens, head)
    for size in range(4, min_words - 1, -1):
        for i in range(len(tokens) - size + 1):
            if runs[i] < size:
                continue  # the chunk holds a token that rules it out
            chunk = " ".join(tokens[i : i + size])
            if chunk.lower() in ("a", "an", "the", "us", "it") or (country_of(chunk) and size == 1):
                continue
            if size == 1 and chunk.islower() and is_acronym(chunk):
                continue  # "sources who spoke to ...": the word "who", not the WHO
            if is_known_org(chunk):
                return canonical_org(chunk)
    return ""


def _alias_runs(tokens: list[str], head: str) -> list[int]:
    """For each token, how many tokens from it on could all be words of an alias (a chunk longer than that is none).

    A token with a word in no alias rules out every chunk that holds it, and most tokens of a long mention do.
    """
    if "u." in head.lower():
        return [len(tokens) - i for i in range(len(tokens))]  # norm_key joins "u. s." across tokens: test in full
    runs = [0] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        runs[i] = 0 if rules_out_org(tokens[i]) else runs[i + 1] + 1
    return runs


_UNIT_WORDS = frozenset(
    [
        "press",
        "media",
        "office",
        "centre",
        "center",
        "command",
        "general",
        "department",
        "unit",
        "team",
        "branch",
        "wing",
        "bureau",
        "information",
        "public",
        "relations",
        "official",
        "website",
        "channel",
        "account",
        "spokesman",
        "spokesperson",
        "spokeswoman",
    ]
)


def unit_of_known_org(surface: str) -> str:
    """'the SDF press office', 'the coalition media centre': an office of a known organisation speaks for it."""
    words = [w for w in WORDS_RE.findall(surface) if w.lower() not in ("the", "its", "'s")]
    for size in (3, 2, 1):
        head, rest = " ".join(words[:size]), words[size:]
        if rest and is_known_org(head) and all(w.lower() in _UNIT_WORDS for w in rest):
            return canonical_org(head)
    return ""


_BASED_RE = re.compile(r"\b[\w-]+-based\s+")
# A named body's role in lower case after its possessive: "The Latakia Opera House's director", "its chief executive"
_OWNER_ROLE_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z]|al-)[\w'’-]*(?:\s+(?:(?:[A-Z]|al-)[\w'’-]*|of|for|and|the))*)['’]s\s+(?:[a-z][\w-]*\s+)?"
    r"([a-z][\w-]*)")
_ENVOY_RE = re.compile(r"\b(?:envoy|ambassador|representative|coordinator)\b", re.I)
_ROLE_OBJECT_RE = re.compile(r"\s+(?:for|of|to|in)\s+")
_STATE_ROLE_RE = re.compile(r"minist|government|mission|embassy|ambassador|envoy|consul|presiden", re.I)
_DIPLOMAT_RE = re.compile(r"\b(?:mission|embassy|ambassador|envoy)\b", re.I)


def _names_a_body(owner: str) -> bool:
    """'The Homs Chamber of Industry', 'the Latakia Opera House': two words or more, one a body's kind (not 'Saudi
    Arabia', nor a bare 'The Command' that refers back)."""
    words = WORDS_RE.findall(owner.lower())
    return len(words) - (words[0] == "the") >= 2 and not set(words).isdisjoint(ORG_WORDS)


def org_from_phrase(ctx: DocumentContext, pos: int, phrase: str, whole: bool = False) -> str:
    """Organisation named in a role phrase: 'Russian Foreign Ministry spokesperson', 'the SDF media office'."""
    phrase = _BASED_RE.sub("", phrase.strip(" ,."))
    owner = _OWNER_ROLE_RE.fullmatch(phrase) if "s " in phrase else None
    if owner is not None and owner.group(2) in PERSON_ROLES and _names_a_body(owner.group(1)):
        phrase = owner.group(1)  # "The Aleppo Chamber of Commerce's head": the chamber, not "... Commerce's head"
    if _ENVOY_RE.search(phrase):
        phrase = DESTINATION_RE.sub("", phrase).strip()  # "envoy for Syria" serves someone else than Syria
    if not phrase:
        return ""
    if whole:
        first = _ROLE_OBJECT_RE.split(phrase, maxsplit=1)[0]
        return alias_inside(first) or org_from_phrase(ctx, pos, phrase)
    alias = alias_inside(phrase)
    if alias:
        return alias
    country = country_of(phrase)
    if country and _STATE_ROLE_RE.search(phrase):
        return canonical_org(phrase, country)
    if _DIPLOMAT_RE.search(phrase) and country:
        return f"{country} Ministry of Foreign Affairs"
    words = [w.lower() for w in WORDS_RE.findall(phrase)]
    if words and words[-1] in _INDEPENDENT_ROLES and not has_proper_name(phrase):
        return ""  # "Military analyst NAME": "military" says what she studies, not whom she serves
    if len(words) == 2 and words[0] in _BODY_NOUNS and words[1] in PERSON_ROLES:
        found = ctx.org_before(pos, words[0])
        if found:
            return found  # "Ministry spokesman NAME": the ministry named before, not "Ministry spokesman"
    if words and words[0] == "the" and not has_proper_name(phrase):
        found = ctx.org_before(pos, words[-1]) if words[-1] in ORG_WORDS else ""
        return found or (canonical_org(phrase, ctx.country) if set(words) & ORG_WORDS else "")
    if set(words) & ORG_WORDS:
        return canonical_org(phrase, ctx.country)
    return ""


_BODY_NOUNS = frozenset(
    ["ministry", "committee", "council", "commission", "directorate", "agency", "department", "club"]
)
# Roles a person holds on their own account: the words before them are a field, no organisation.
_INDEPENDENT_ROLES = frozenset([
    "analyst", "expert", "commentator", "observer", "economist", "scholar", "columnist",
    # "Rescue volunteer NAME", "Aid worker NAME": the kind of work, no body named ("Civil Defence volunteer" is one)
    "volunteer", "worker", "medic",
])
_MINIST_RE = re.compile(r"\bminist")


# A capitalised name, its small words and commas inside it, just before a bracketed acronym
_NAME_BEFORE_ACRONYM = r"([A-Z][\w'’-]*(?:,?\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'’-]*)*)\s+\({}\)"


def name_defined_for(text: str, acronym: str, pos: int) -> str:
    """The name given with the acronym before pos ('the Foreign, Commonwealth and Development Office (FCDO)'), or ""."""
    at = text.rfind(f"({acronym})", 0, pos)
    if at < 0:
        return ""
    defined = re.compile(_NAME_BEFORE_ACRONYM.format(re.escape(acronym)))
    m = defined.search(text, max(0, at - 150), at + len(acronym) + 2)
    name = _listed_name_tail(m.group(1)) if m is not None else ""
    return name.removeprefix("The ") if len(name.split()) > 1 else ""


_LISTED_FIELD_HEAD_RE = re.compile(
    r"(?:The\s+)?(?:(?:Ministry|Department|Office|Committee)\s+(?:of|for)\s+|[A-Z]{2,3}\s+)?[A-Z][\w'’-]*"
)


def _listed_name_tail(name: str) -> str:
    """A name's own commas only: 'Dr NAME, Director of X, Foreign, Commonwealth and Development Office' ends on
    'Foreign, Commonwealth and Development Office' (a one-word field or 'Ministry of X' before a comma is its)."""
    parts = name.split(", ")
    kept = parts.pop()
    while parts and _LISTED_FIELD_HEAD_RE.fullmatch(parts[-1]) and " and " in kept:
        kept = f"{parts.pop()}, {kept}"
    return kept


# A body by its acronym alone or its command: "the NRC", "the JAF General Command"
_ACRONYM_BODY_RE = re.compile(r"(?:[Tt]he\s+)?([A-Z]{2,8})(?:\s+(?:General\s+)?Command)?")


def defined_acronym(ctx: DocumentContext, pos: int, surface: str) -> str:
    """The canonical body an acronym the text defined names ('the NRC' after 'the Norwegian Refugee Council (NRC)'),
    or "" (no such acronym, or one known as it is)."""
    acronym = _ACRONYM_BODY_RE.fullmatch(surface)
    if acronym is None or is_known_org(acronym.group(1)) or country_of(acronym.group(1)):
        return ""
    name = name_defined_for(ctx.text, acronym.group(1), pos)
    return canonical_org(name) if name else ""


# An army's command without the army's name: "the Army Command", "the General Command of the Army"
_ARMY_COMMAND_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:Army|Military)\s+(?:General\s+)?Command|General\s+Command\s+of\s+the\s+Army)"
)
_ARMY_BODY_RE = re.compile(r"\b(?:Army|Armed\s+Forces|Defen[cs]e\s+Forces|military)\b")


def _army_quoted_before(ctx: DocumentContext) -> str:
    """The army last quoted (within the last eight speakers), or ""."""
    for speaker, _ in reversed(ctx.history[-8:]):
        if not speaker.is_person and _ARMY_BODY_RE.search(speaker.name):
            return speaker.name
    return ""


# A sentence opened by the country it is about: "On the Syrian side, the Interior Ministry said P", "In Syria, ...",
# "Across the border in Syria, ..."
_COUNTRY_OPENING_RE = re.compile(
    r"[.\s]*(?:On\s+the\s+([A-Z][\w-]+)\s+side|(?:(?:Across|Over)\s+the\s+border\s+)?[Ii]n\s+([A-Z][\w-]+)),\s+(?:the\s+)?$"
)


def _country_of_opening(ctx: DocumentContext, pos: int) -> str:
    """The country a sentence's opening names right before the mention at pos ('On the Syrian side, the'), or ""."""
    opening = _COUNTRY_OPENING_RE.fullmatch(ctx.text, ctx.sentence_start(pos), pos)
    return country_of(opening.group(1) or opening.group(2)) if opening else ""


def org_with_context(ctx: DocumentContext, pos: int, surface: str) -> str:
    """Canonical organisation; a bare 'Defense Ministry' takes the country of an earlier full mention."""
    key = norm_key(surface)
    if (surface[-1:].isupper() or surface.endswith("Command")) and (defined := defined_acronym(ctx, pos, surface)):
        return defined  # "The NRC said P" after "the Norwegian Refugee Council (NRC)"
    if _ARMY_COMMAND_RE.fullmatch(surface) and (army := _army_quoted_before(ctx)):
        return army  # "the Army Command said Q" after "The Lebanese Army said P"
    if not country_of(surface) and _MINIST_RE.search(key) and (opening := _country_of_opening(ctx, pos)):
        return canonical_org(surface, opening)  # "On the Syrian side, the Interior Ministry said P"
    if (bare := COUNTRY_BARE_MINISTRY_RE.fullmatch(surface)) is not None and (quoted := _country_ministry_quoted(
            ctx, country_of(bare.group(1)))):
        return quoted  # "Russia's ministry" after "the Russian Ministry of Defence said": that ministry again
    if not country_of(surface) and _MINIST_RE.search(key):
        i = bisect.bisect_left(ctx.org_pos, pos) - 1
        floor = max(-1, i - HISTORY_WINDOW)
        while i > floor:
            earlier, canon = ctx.org_name(i)
            if norm_key(earlier).endswith(key) and country_of(earlier):
                return canon
            i -= 1
    family = _ministry_family(key) if not country_of(surface) else ""
    if family:
        for speaker, _ in reversed(ctx.history[-8:]):
            if not speaker.is_person and speaker.org and _ministry_family(norm_key(speaker.name)) == family:
                return speaker.name  # "the Defense Department" after "the Pentagon said"
    named = named_org(ctx, pos, surface)
    if named and not country_of(surface) and _MINIST_RE.search(key) and not is_known_org(surface):
        return canonical_org(surface, ctx.country or _country_nearby(ctx, pos))
    return named or canonical_org(surface, ctx.country)


# A state's ministry without its kind: "Russia's ministry", "the Turkish ministry"
COUNTRY_BARE_MINISTRY_RE = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w-]+?)(?:['’]s)?\s+ministry")


def _country_ministry_quoted(ctx: DocumentContext, country: str) -> str:
    """The last ministry of country quoted, itself or by its spokesman (within the last eight speakers), or ""."""
    if not country:
        return ""
    for speaker, _ in reversed(ctx.history[-8:]):
        body = speaker.org if speaker.is_person else speaker.name
        if "Ministry" in body and country_of(body) == country:
            return body
    return ""


def ministry_of_the_country(ctx: DocumentContext, pos: int, surface: str) -> str:
    """'culture ministry' -> the ministry of the country the text is about (Syria when none is named)."""
    canon = canonical_org(surface, ctx.country or _country_nearby(ctx, pos))
    return canon if canon[:1].isupper() else ""


_DEFENSE_FAMILY_RE = re.compile(
    r"\b(?:defense (?:ministry|department)|(?:ministry|department) of defense|pentagon|"
    r"syrian arab army|israel defense forces)\b"
)
_FOREIGN_FAMILY_RE = re.compile(
    r"\b(?:foreign ministry|ministry of foreign affairs|state department|department of state)\b"
)


def _ministry_family(key: str) -> str:
    """'defense' for defence ministries and departments (and the armies named as such), 'foreign' for diplomacy."""
    if _DEFENSE_FAMILY_RE.search(key):
        return "defense"
    if _FOREIGN_FAMILY_RE.search(key):
        return "foreign"
    return ""


def _country_nearby(ctx: DocumentContext, pos: int) -> str:
    """Country of the latest organisation named before pos; Syria when none (our feeds are about Syria)."""
    i = bisect.bisect_left(ctx.org_pos, pos) - 1
    if ctx.text[max(0, pos - 6) : pos].rstrip().removesuffix("the").rstrip().endswith(","):
        # "Locusts crossed from Iraq into the Badia, the Ministry of Agriculture said": what comes before the
        # mention in its sentence is the ministry's content, so the places it names say nothing of whose it is
        opens = max(ctx.text.rfind(". ", 0, pos), ctx.text.rfind("\n", 0, pos))
        i = bisect.bisect_left(ctx.org_pos, opens) - 1
    floor = max(-1, i - HISTORY_WINDOW)
    while i > floor:
        country = country_of(ctx.org_name(i)[1])
        if country:
            return country
        i -= 1
    return "Syrian"


_THE_RE = re.compile(r"^(?:the|The)\s+")


def central_bank(ctx: DocumentContext, pos: int) -> str:
    """'the central bank' with no country: the bank of the country the text is about, as for 'the Ministry of X'."""
    return canonical_org(f"{country_of(sentence_of(ctx, pos)) or ctx.country or 'Syrian'} central bank")


PLACE_OWNER_RE = re.compile(r"(?:city|town|province|governorate|region|village|district|camp)['’]s\s+", re.I)


# A local body in lower case with the city or region it serves after it: "the local council in Tafas".
_BODY_IN_PLACE_RE = re.compile(
    r"(?:[Tt]he\s+)?((?:[a-z][\w-]*\s+){1,2}(?:directorate|council|committee|department|authority))\s+in\s+"
    r"([A-Z][\w'’-]*(?:\s+(?:[A-Z]|[ae][lz]-)[\w'’-]*)?)"
)


def local_body_name(phrase: str) -> str:
    """'the local council in Tafas' -> "Tafas Local Council": the place's body by its name (as own/ and heldback/
    name them: "Salqin Local Council"); "" when phrase is not such a body or the place is a country."""
    placed = _BODY_IN_PLACE_RE.fullmatch(phrase)
    if placed is None or country_of(placed.group(2)):
        return ""
    return f"{placed.group(2)} {' '.join(w.capitalize() for w in placed.group(1).split())}"


def named_org(ctx: DocumentContext, pos: int, surface: str) -> str:
    surface = _THE_RE.sub("", surface.strip())
    if " in " in surface and (placed := local_body_name(surface)):
        return placed  # "a member of the local council in Tafas": one of that body
    local = PLACE_OWNER_RE.match(surface)
    if local and is_known_org(surface[local.end() :]):
        surface = surface[local.end() :]  # "the city's civil defence": the body, wherever it serves
    if is_known_org(surface):
        return canonical_org(surface, ctx.country)
    if is_org_like(surface) or has_capital_word(surface):
        words = WORDS_RE.findall(surface.lower())
        if len(words) == 2 and words[1] == "bank" and words[0] == "central":  # (exact tests: no list is built)
            return central_bank(ctx, pos)
        if words and not has_capital_word(surface):
            # "a source in the ministry" after "The Ministry of Finance announced": that ministry, of its country
            return with_seat(ctx, pos, of_a_country(ctx, pos, ctx.org_before(pos, words[-1])))
        if not is_org_like(surface):
            return ""
        found = alias_inside(surface, min_words=2) or unit_of_known_org(surface) or canonical_org(surface, ctx.country)
        return of_a_country(ctx, pos, found, surface)
    return ""


def with_seat(ctx: DocumentContext, pos: int, named: str) -> str:
    """'the committee' after 'the Central Committee in western Daraa': a body no list knows, with the seat the text
    named it with (house convention: own/ ac05 'Directorate of Water in Raqqa'); a known body as it is."""
    if not named or is_known_org(named) or ctx.text.find(f"{named} in ", max(0, pos - 3000), pos) < 0:
        return named
    seats = list(re.finditer(rf"{re.escape(named)}\s+in\s+((?:(?:western|eastern|northern|southern|rural)\s+)?"
                             r"[A-Z][\w'’-]+)\b", ctx.text[max(0, pos - 3000) : pos]))
    return f"{named} in {seats[-1].group(1)}" if seats else named


def of_a_country(ctx: DocumentContext, pos: int, found: str, surface: str = "") -> str:
    """'the Ministry of Economy' with no country named, nor a dateline's: the country the text is about."""
    if found.startswith("Ministry of "):
        return canonical_org(surface or found, country_of(sentence_of(ctx, pos)) or "Syrian")
    return found
