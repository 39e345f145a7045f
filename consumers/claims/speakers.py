"""Canonical speakers: one key per person or organisation, whatever the mention ("Putin", "the Kremlin").

The store keys its speakers table by the canonical name returned here. The alias tables these lookups are built
from are in consumers.claims.aliases.
"""

import re
from functools import lru_cache

from consumers.claims.aliases import COUNTRY_ADJECTIVES, ORG_ALIASES, PERSON_ALIASES, TITLES

# Per-country organisation families: a bare "Defense Ministry" takes the country from its context.
_MINISTRY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:defen[cs]e ministry|ministry of (?:national )?defen[cs]e|defen[cs]e minist(?:er|ry))\b", re.I),
     "{c} Ministry of Defense"),
    (re.compile(r"\b(?:foreign ministry|ministry of foreign affairs|foreign minist(?:er|ry)|foreign office)\b", re.I),
     "{c} Ministry of Foreign Affairs"),
    (re.compile(r"\b(?:government|authorities|officials?|administration|regime|presidency|leadership|"
                r"security services|intelligence services)\b", re.I),
     "{c} government"),
    (re.compile(r"\b(?:mission|embassy|ambassador|envoy|consulate)\b", re.I), "{c} Ministry of Foreign Affairs"),
)
# (a kind may take "resources" or "affairs" after it: "Iraq's water resources ministry", "the social affairs ministry")
_OTHER_MINISTRY_RE = re.compile(
    r"\b(?:((?:interior|justice|health|finance|economy|energy|information|education|agriculture|transport|oil|"
    r"water|trade|culture|tourism|social|electricity|industry|housing)(?:\s+(?:resources|affairs))?)\s+minist(?:er|ry)|"
    r"ministry\s+of\s+(?:the\s+)?"
    r"((?:interior|justice|health|finance|economy|energy|information|education|agriculture|transport|oil|water|trade|"
    r"culture|tourism|social|electricity|industry|housing)(?:\s+(?:resources|affairs))?))\b", re.I)
# The second portfolio of a ministry named "Ministry of X and Y", capitalised: "and Foreign Trade", "and Labour"
_AND_KIND_RE = re.compile(
    r"\s+and\s+((?:Foreign|Internal)\s+Trade|Trade|Labou?r|Environment|Industry|Investment|Consumer\s+Protection|"
    r"Mineral\s+Resources|Planning|Communications|Technology|Youth|Sports?|Reconstruction|Development|Housing|"
    r"Public\s+Works)\b"
)
# (or any one or two capitalised words, not a country or a known body: "and Agrarian Reform", not "and UNICEF")
_AND_NAME_RE = re.compile(r"\s+and\s+([A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?)(?![\w'’-])")
# Further portfolios listed after a comma: "Ministry of Agriculture, Fisheries and Forestry"
_LISTED_PORTFOLIOS_RE = re.compile(
    r",\s+((?:[A-Z][\w'’-]*\s+){1,3}and\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)(?![\w'’-])"
)
# A state's prosecutors written by their kind, in lower case: "the public prosecution service"
_PROSECUTION_OFFICE_RE = re.compile(
    r"^(?:the\s+)?((?:(?:national|federal|public)\s+)?(?:prosecution\s+service|prosecutor['’]?s['’]?\s+office))$", re.I)
_MILITARY_BY_COUNTRY = {"Syrian": "Syrian Arab Army", "Russian": "Russian Ministry of Defense",
                        "Turkish": "Turkish Ministry of Defense", "US": "US Department of Defense",
                        "Israeli": "Israel Defense Forces", "Jordanian": "Jordanian Armed Forces",
                        "Lebanese": "Lebanese Armed Forces"}
_MILITARY_RE = re.compile(r"\b(?:military|army|armed forces|troops|forces|defen[cs]e)\b", re.I)


_ALIAS_INDEX: dict[str, str] = {}
_PERSON_INDEX: dict[str, str] = {}


# Compiled once: norm_key and the parenthetical helpers run on every mention not seen before.
_US_RE = re.compile(r"\bu\.\s?s\.?(?=\s|$|-)")
_UN_RE = re.compile(r"\bu\.\s?n\.?(?=\s|$|-)")
_POSSESSIVE_RE = re.compile(r"'s\b")
_KEY_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_COUNTRY_WORD_RE = re.compile(r"[\w.'’]+")
_PARENTHETICAL_RE = re.compile(r"\(([^()]{1,40})\)")
_SPACED_PARENTHETICAL_RE = re.compile(r"\s*\([^()]{1,40}\)")


@lru_cache(maxsize=8192)
def norm_key(text: str) -> str:
    """Comparison key: lower case, no "the", no possessive, U.S. -> us, defence -> defense, single spaces."""
    s = text.lower().replace("’", "'").replace("‘", "'")
    if "u." in s:
        s = _US_RE.sub("us", s)
        s = _UN_RE.sub("un", s)
    s = _POSSESSIVE_RE.sub("", s).replace("defence", "defense").replace("centre", "center")
    words = [w for w in _KEY_WORD_RE.findall(s) if w not in ("the", "a", "an")]
    return " ".join(words)


_ALIAS_WORDS: set[str] = set()  # every word of every organisation alias key


def _build_indexes() -> None:
    for canon, aliases in ORG_ALIASES.items():
        for alias in (canon, *aliases):
            _ALIAS_INDEX.setdefault(norm_key(alias), canon)
            _ALIAS_WORDS.update(norm_key(alias).split())
    for canon, aliases in PERSON_ALIASES.items():
        for alias in (canon, *aliases):
            _PERSON_INDEX.setdefault(norm_key(alias), canon)


_build_indexes()


@lru_cache(maxsize=8192)
def rules_out_org(token: str) -> bool:
    """True when a word of the token's key is in no organisation alias, so no phrase holding the token is one.

    Keys are per token for tokens joined by spaces (norm_key works word by word), except across "u. s." and
    "u. n.": callers test phrases holding "u." in full.
    """
    return any(word not in _ALIAS_WORDS for word in norm_key(token).split())


@lru_cache(maxsize=8192)
def country_of(text: str) -> str:
    """The country adjective a mention carries ("Russian Defense Ministry" -> "Russian"), or ""."""
    for word in _COUNTRY_WORD_RE.findall(text.lower().replace("’", "'")):
        country = COUNTRY_ADJECTIVES.get(word.rstrip("."), "") or COUNTRY_ADJECTIVES.get(word, "")
        if country:
            return country
    return ""


_OF_KNOWN_RE = re.compile(
    r"^(?:general\s+)?(?:command|leadership|headquarters|media\s+(?:office|center)|press\s+office)\s+of\s+(.+)$"
    # "the health authority of the Kurdish-led administration": a department speaks as the body it belongs to
    r"|^[a-z]+\s+(?:authority|board|committee|department|directorate)\s+of\s+(.+)$")
# "Kremlin press service", "SDF media center": an organisation's own press organ speaks for it.
_PRESS_ORGAN_RE = re.compile(
    r"^(.+?)\s+(?:press\s+(?:service|office|center|department)|media\s+(?:office|center|department|bureau)|"
    r"information\s+(?:office|department)|spokesman\s+office)$"
)
_PARTY_ORGANS = ("politburo", "political bureau", "central committee", "executive committee", "general secretariat")
_PARTY_ORGAN_ENDINGS = tuple(f" {organ}" for organ in _PARTY_ORGANS)
_PARTY_ORGAN_RE = re.compile(
    rf"^(?:[Tt]he\s+)?((?:[A-Z][\w'’-]*\s+){{0,5}}(?:Party|Movement|Front|Union|Alliance|Council))(?:['’]s)?\s+"
    rf"(?:{'|'.join(_PARTY_ORGANS)})$",
    re.I,
)
# "Syrian Interim Government", "Syrian Salvation Government": named bodies, not the country's government.
_NAMED_GOVERNMENT_RE = re.compile(
    r"\b(?:Interim|Salvation|Provisional|Transitional|Exile|Opposition)\s+(?:Government|Administration|Authority)\b"
)


# A named government's own ministry or directorate: "the Salvation Government's Ministry of Health", "the Ministry
# of Interior of the Syrian Salvation Government", "the Interim Government's health directorate"
_NAMED_GOVERNMENT = (r"(?:[A-Z][\w-]*\s+){0,2}(?:Interim|Salvation|Provisional|Transitional|Exile)\s+"
                     r"(?:Government|Administration|Authority)")
_GOVERNMENT_BODY = (r"Ministry\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3}|"
                    r"(?:[A-Za-z][\w-]*\s+){1,2}(?:[Mm]inistry|[Dd]irectorate|[Dd]epartment|[Cc]ommittee)")
_GOVERNMENT_BODY_RE = re.compile(
    rf"(?:[Tt]he\s+)?(?:({_NAMED_GOVERNMENT})['’]s\s+({_GOVERNMENT_BODY})|"
    rf"({_GOVERNMENT_BODY})\s+(?:of|in)\s+the\s+({_NAMED_GOVERNMENT}))")
_MINISTRY_KIND_RE = re.compile(r"(.+?)\s+[Mm]inistry")


def named_government_body(mention: str) -> str:
    """'the Salvation Government's Ministry of Health' -> 'Salvation Government Ministry of Health': the ministry
    speaks, under the government's name as written (as a state's ministry is not its government); else ""."""
    if not _NAMED_GOVERNMENT_RE.search(mention):
        return ""
    found = _GOVERNMENT_BODY_RE.fullmatch(mention.strip())
    if found is None:
        return ""
    government, body = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
    if not body.startswith("Ministry ") and (kind := _MINISTRY_KIND_RE.fullmatch(body)) is not None:
        body = f"Ministry of {kind.group(1)}"  # "its health ministry": the Ministry of Health
    return f"{government} {' '.join(w if w in ('of', 'and', 'the') else w[:1].upper() + w[1:] for w in body.split())}"


_BODY_NAME_RE = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’-]+\s+){2,}[A-Z][\w'’-]+$")


def _names_a_body(mention: str) -> bool:
    """'the Military Operations Command': a body's own name; the dateline's country does not make it that army's."""
    return bool(_BODY_NAME_RE.match(mention.strip())) and not re.search(r"\b(?:Army|Armed Forces)\b", mention)


_KIND_AFTER_ACRONYM_RE = re.compile(
    r"(.*?\S)\s*\([A-Z][\w-]{1,12}\)\s+(?:organi[sz]ation|group|network|monitor|NGO|charity|association)$")
_BASED_IN_RE = re.compile(r"^((?:[Tt]he\s+)?)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?-based\s+(?=[A-Z])")


# A named place's own body: "Homs provincial administration", "Raqqa city council" (capitalised place first)
_SUBNATIONAL_BODY_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’-]*|[a-z]{2}-[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|[a-z]{2}-[A-Z][\w'’-]*)){0,2}\s+"
    r"(?:provincial|municipal|local|district|city|town)\s+(?:administration|authorit(?:y|ies)|government)$"
)


@lru_cache(maxsize=8192)
def canonical_org(mention: str, country: str = "") -> str:
    """Canonical organisation for a mention, using country (e.g. from the dateline) for bare ministries."""
    # "the Washington-based Institute for X": where a body sits is no part of its name (nor makes it that country's)
    mention = _BASED_IN_RE.sub(r"\1", mention)
    if "(" in mention and (kind := _KIND_AFTER_ACRONYM_RE.match(mention)) is not None:
        mention = kind.group(1)  # "the Syrians for Truth and Justice (STJ) organization": the name, not its kind
    key = norm_key(_strip_parenthetical(mention))
    if not key:
        return ""
    known = _known_org_or_organ(mention, key)
    if known is not None:
        return known
    if _NAMED_GOVERNMENT_RE.search(mention):
        return named_government_body(mention) or \
            _strip_parenthetical(mention).strip().removeprefix("the ").removeprefix("The ")
    nat = country_of(mention) or country
    if not country_of(mention) and _SUBNATIONAL_BODY_RE.search(mention):
        # "the Homs provincial administration" under a DAMASCUS dateline: the province's body by its name, not the
        # country's government (a place, not a country, before the kind)
        return _strip_parenthetical(mention).strip().removeprefix("the ").removeprefix("The ")
    national = _national_body(mention, nat) if nat else None
    if national is not None:
        return national
    if key.startswith(("un ", "united nations ")):
        return "United Nations"
    name = _strip_parenthetical(mention).strip().removeprefix("the ").removeprefix("The ")
    if name.endswith(_KIND_WORDS) and (named := _name_before_kind(name)):
        return canonical_org(named, country)  # "the Men of Dignity movement": the name, known or not ("Hamas")
    return name


# Lower-case kind words that say what a named body is, not what it is called: "the Men of Dignity movement" is
# "Men of Dignity". Kinds usually part of the name ("news agency", "Council", "Front", "Army") are not among them.
_KIND_WORDS = (" movement", " group", " faction", " militia", " organisation", " organization")
_NAME_THEN_KIND_RE = re.compile(
    r"([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+|of|for|and|in|the))*)\s+(?:movement|group|faction|militia|"
    r"organi[sz]ation)"
)
# First words that make the capitalised words a description, not a name: "A Kurdish group", "Another Islamist group"
_NOT_NAME_OPENINGS = frozenset(["a", "an", "the", "this", "that", "another", "one", "each", "kurdish", "arab",
                                "islamist", "jihadist", "druze", "alawite", "sunni", "shia", "shiite", "christian",
                                "palestinian", "rebel", "armed", "opposition"])


def _name_before_kind(name: str) -> str:
    """The name before a kind word ending name ("Sons of X group" -> "Sons of X"), or "" when the words before it
    are no name: a people or country ("Kurdish group", "Syrian Islamist faction"), a backer ("Iranian-backed")."""
    m = _NAME_THEN_KIND_RE.fullmatch(name)
    if m is None:
        return ""
    words = m.group(1).split()
    first = words[0].lower()
    if first in _NOT_NAME_OPENINGS or first in COUNTRY_ADJECTIVES or words[-1] in ("of", "for", "and", "in", "the"):
        return ""
    if any(re.search(r"-(?:backed|led|linked|aligned|affiliated|based|allied|funded)$", w) for w in words):
        return ""
    return m.group(1)


def _known_org_or_organ(mention: str, key: str) -> str | None:
    """The known organisation the mention (key: its norm_key) names by an alias, or whose organ it is; else None."""
    if key in _ALIAS_INDEX:
        return _ALIAS_INDEX[key]
    acronym = _parenthetical(mention)
    if acronym and norm_key(acronym) in _ALIAS_INDEX:
        return _ALIAS_INDEX[norm_key(acronym)]
    located = key.split(" in ", 1)[0]
    if located != key and located in _ALIAS_INDEX:
        return _ALIAS_INDEX[located]  # "Kurdish-led authorities in north-east Syria": where they are is no part of it
    owner = _OF_KNOWN_RE.search(key)
    owner_key = (owner.group(1) or owner.group(2)) if owner else ""
    if owner_key in _ALIAS_INDEX and " " in owner_key:
        return _ALIAS_INDEX[owner_key]  # "General Command of the Syrian Democratic Forces": the SDF's own organ
    organ = _PRESS_ORGAN_RE.match(key)
    if organ and organ.group(1) in _ALIAS_INDEX:
        return _ALIAS_INDEX[organ.group(1)]  # "the Kremlin press service": the Kremlin
    if key.endswith(_PARTY_ORGAN_ENDINGS) and (party := _PARTY_ORGAN_RE.match(_strip_parenthetical(mention))):
        # "The Kurdistan Democratic Party (KDP) Politburo": a party's governing organ speaks as the party
        return canonical_org(party.group(1))
    return None


_MINISTRY_OF_RE = re.compile(r"(?:the\s+)?ministry\s+of\b", re.I)
_MINISTRY_OF_INSIDE_RE = re.compile(r"\bMinistry\s+of\b")


def _national_body(mention: str, nat: str) -> str | None:
    """A country's ministry, government or military the mention names by its kind ("the Defense Ministry", with nat
    the country's adjective); else None."""
    other = _OTHER_MINISTRY_RE.search(mention)
    if other:
        joined = _AND_KIND_RE.match(mention, other.end()) if other.group(2) else None
        if joined is None and other.group(2) and (named := _AND_NAME_RE.match(mention, other.end())) is not None \
                and not country_of(named.group(1)) and not is_known_org(named.group(1)):
            joined = named  # "the Ministry of Agriculture and Agrarian Reform": any capitalised second portfolio
        # "the Ministry of Economy and Foreign Trade": a ministry of two portfolios keeps both in its name
        both = f" and {joined.group(1)}" if joined else ""
        if not both and other.group(2) and (listed := _LISTED_PORTFOLIOS_RE.match(mention, other.end())):
            both = f", {listed.group(1)}"
        return f"{nat} Ministry of {(other.group(1) or other.group(2)).title()}{both}"
    ministry_of = _MINISTRY_OF_RE.match(mention)
    named_ministry = ministry_of or _MINISTRY_OF_INSIDE_RE.search(mention)
    for pattern, template in _MINISTRY_PATTERNS:
        if named_ministry and template == "{c} government":
            break  # "the Ministry of Local Administration": a ministry, whatever words its portfolio holds
        if pattern.search(mention):
            built = template.format(c=nat)
            return _ALIAS_INDEX.get(norm_key(built), built)  # "Syrian Ministry of Defense" is the army
    prosecution = _PROSECUTION_OFFICE_RE.match(mention)
    if prosecution:
        # "the public prosecution service" under THE HAGUE: the Dutch one ("prosecutor's" keeps its lower-case s)
        return f"{nat} {' '.join(w[:1].upper() + w[1:] for w in prosecution.group(1).split())}"
    if ministry_of:
        return f"{nat} {_strip_parenthetical(mention).strip().removeprefix('the ').removeprefix('The ')}"
    if _MILITARY_RE.search(mention) and nat in _MILITARY_BY_COUNTRY and (country_of(mention) or
                                                                         not _names_a_body(mention)) \
            and not names_own_army(mention):
        return _MILITARY_BY_COUNTRY[nat]
    return None


# "the Free Syrian Army", "the New Syrian Army": a capitalised word (no determiner, title or country) before the
# country word and a capitalised Army after it make a name of its own, not the state's army
_NAME_AROUND_COUNTRY_RE = re.compile(
    r"(?<![\w'’-])(?!(?:The|A|An|Its|Their|Regime|Government|Pro)\b)[A-Z][a-z]+\s+"
    r"(?:Syrian|Russian|Turkish|Iranian|Iraqi|Lebanese|Jordanian|Israeli|Kurdish|Arab)\s+Army\b"
)


def names_own_army(mention: str) -> bool:
    """'the Free Syrian Army': an army's own name holding a country word (not that state's army, nor its alias)."""
    return "Army" in mention and _NAME_AROUND_COUNTRY_RE.search(mention) is not None


_ACRONYM_KEYS = frozenset(
    norm_key(alias) for aliases in ORG_ALIASES.values() for alias in aliases if alias.replace(".", "").isupper()
)


def is_acronym(word: str) -> bool:
    """'WHO', 'IS', 'SAMS': an alias written in capitals, so the lower-case word ('who', 'is') is not it."""
    return norm_key(word) in _ACRONYM_KEYS


@lru_cache(maxsize=8192)
def is_known_org(mention: str) -> bool:
    """True when the mention is an alias of a canonical organisation."""
    key = norm_key(_strip_parenthetical(mention))
    return key in _ALIAS_INDEX or norm_key(_parenthetical(mention)) in _ALIAS_INDEX


def strip_titles(name: str) -> str:
    """'Lieutenant Colonel Karen Ostrander' -> 'Karen Ostrander' (guideline: names without titles)."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".,") in TITLES:
        words.pop(0)
    return " ".join(words)


def is_person_alias(name: str) -> bool:
    """Whether the person table lists this name (a canonical name or one of its aliases)."""
    return norm_key(name) in _PERSON_INDEX


@lru_cache(maxsize=8192)
def canonical_speaker(name: str, org: str = "") -> tuple[str, str]:
    """(canonical speaker, organisation) for a speaker name or mention and the organisation it came with."""
    name = " ".join(name.split())
    org_canon = canonical_org(org) if org.strip() else ""
    key = norm_key(name)
    if key in _PERSON_INDEX:
        return _PERSON_INDEX[key], org_canon
    if key in _ALIAS_INDEX or (_parenthetical(name) and is_known_org(name)):
        canon = canonical_org(name)
        return canon, canon
    if org_canon and norm_key(name) == norm_key(org):
        return org_canon, org_canon
    person = strip_titles(name)
    if norm_key(person) in _PERSON_INDEX:
        return _PERSON_INDEX[norm_key(person)], org_canon
    return person, org_canon


def _parenthetical(text: str) -> str:
    if "(" not in text:
        return ""
    m = _PARENTHETICAL_RE.search(text)
    return m.group(1) if m else ""


def _strip_parenthetical(text: str) -> str:
    if "(" not in text:
        return text.strip() or text
    stripped = _SPACED_PARENTHETICAL_RE.sub("", text).strip()
    return stripped or text
