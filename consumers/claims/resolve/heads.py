"""Which rule resolves a mention's head, read from the head alone: a pronoun, an office, an outlet, members of a
body, an unnamed group, a document, a definite description or a name (claim annotation guideline, "Speaker").

Each rule is a name in consumers.claims.resolve.head_rules's table of rules, with its argument; the rules that need an
antecedent run there, on the document.
"""

import re
from functools import lru_cache

from consumers.claims.context import ORG_WORDS, WORDS_RE
from consumers.claims.resolve.documents import DOCUMENT_HEADS, is_document_phrase
from consumers.claims.resolve.organisations import local_body_name
from consumers.claims.resolve.people import person_name
from consumers.claims.resolve.unnamed import is_unnamed
from consumers.claims.resolve.words import DEMONYM_NOUNS, PERSON_ROLES, has_proper_name, is_org_like
from consumers.claims.sources import PRONOUNS, SOURCE_NOUNS
from consumers.claims.speakers import canonical_org, country_of, is_known_org

_ROLES_OR_SOURCES = PERSON_ROLES | SOURCE_NOUNS


@lru_cache(maxsize=8192)
def rules_for(head: str) -> tuple[tuple[str, str], ...]:
    """The rules whose tests on the head alone pass, in order, up to the first that always resolves.

    The tests read only the head, never the document, so a head seen before ("he", "the ministry", a name quoted
    again) is classified once; the rules that need an antecedent then run on the document.
    """
    lower = _OBJECT_PRONOUNS.get(head.lower(), head.lower())
    words = WORDS_RE.findall(lower)
    if not words:
        return (("unnamed", ""),)
    decisive = _decisive_rule(head, lower, words)
    if decisive is not None:
        return (decisive,)
    return (*_antecedent_rules(head, lower, words), _rule_on_head(head, words))


def _decisive_rule(head: str, lower: str, words: list[str]) -> tuple[str, str] | None:
    """The one rule a head's own words settle (a pronoun, an office, an outlet by name), else None."""
    if lower in PRONOUNS:
        return ("pronoun", lower)
    if lower in _READERS:
        return ("reader", "")  # '"Q," the presenter read': a statement read out on air
    if words[0] in ("its", "their") and len(words) > 1 and person_name(head.split()[1:])[0]:
        return ("owner_name", " ".join(head.split()[1:]))  # "Its director Rami Abdel Rahman"
    if words[0] in ("his", "her", "their") and len(words) >= 4 and words[1] in _KIN \
            and person_name(head.split()[2:])[0]:
        return ("kin_named", " ".join(head.split()[2:]))  # "his brother Ali Dandash said": the person by name
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in _SPEAKS_FOR_OWNER:
        return ("pronoun", "he" if words[0] == "his" else "she")  # "his office said": the person speaks
    if words[0] in ("his", "her") and len(words) <= 3 and words[-1] in _OWN_WORDS:
        return ("pronoun", "he" if words[0] == "his" else "she")  # "His next answer was translated as: Q"
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in _ROLES_OR_SOURCES:
        return ("unnamed", "")  # "her neighbour agreed": unnamed
    if len(words) > 3 and words[0] in ("the", "a") and words[1] in _KIN_GROUP_HEADS and words[2] == "of":
        return ("unnamed", "")  # "The family of a Druze engineer": his kin, unnamed (not a body named "Druze")
    if len(words) > 3 and words[0] in ("the", "a") and words[1] in _KIN and words[2] == "of" \
            and words[3] in ("a", "an"):
        return ("unnamed", "")  # "The mother of a 17-year-old boy detained in March": an unnamed person's kin
    if " close to " in lower and _CLOSE_TO_RE.match(lower):
        return ("unnamed", "")  # "Sources close to the SDF": near the body, not its members (held-back ah03 gold)
    body = _body_by_kind(head, lower, words)
    if body is not None:
        return body
    office = _ROLE_OFFICE_RE.match(lower) if words[0] == "the" and words[-1] == "office" else None
    if office and office.group(2) in PERSON_ROLES:
        return ("office_holder", office.group(1))  # "the governor's office said": the governor, as "his office"
    organ = _ORG_PRESS_RE.match(lower) if words[0] == "the" and words[-1] in _PRESS_ORGANS else None
    if organ and organ.group(2) in ORG_WORDS:
        return ("office_holder", organ.group(1))  # "the ministry's press service said": the ministry named before
    owner = _PERSON_OWNER_RE.match(head) if "s " in head else None
    if owner and owner.group(2).lower() in _SPEAKS_FOR_OWNER and person_name(owner.group(1).split())[0]:
        return ("owner_name", owner.group(1))  # "Prime Minister Benjamin Netanyahu's office said": the person
    outlet = _OUTLET_NAME_RE.match(head)
    if outlet:
        return ("outlet", outlet.group(1))  # "Local news outlet Suwayda 24 reported": the outlet by its name
    outlet = _OUTLET_KIND_AFTER_RE.match(head) if " " in head else None
    if outlet and _is_outlet_name(name := outlet.group(1) or outlet.group(2)):
        return ("outlet", name)  # "Hezbollah-affiliated Al-Manar television": the outlet by its name
    outlet = _NAMED_AGENCY_RE.match(head) if head.endswith(("agency", "network")) else None
    if outlet and _is_outlet_name(outlet.group(1)):
        return ("outlet", outlet.group(1))  # "The Tasnim news agency, which is close to the IRGC": Tasnim
    outlet = _OWNED_AGENCY_RE.match(head) if "-" in head else None
    if outlet and _is_outlet_name(outlet.group(2)):
        # "The IRGC-affiliated Tasnim news agency": the agency, not its owner ("state-run SANA news agency": SANA)
        return ("outlet", outlet.group(2) if is_known_org(outlet.group(2)) else outlet.group(1))
    return None


# A state's people in the plural with the article: "the Americans", "the Russians"
_STATE_PEOPLE_RE = re.compile(r"[Tt]he\s+([A-Z][a-z]+)s")
_READERS = frozenset(["the presenter", "the announcer", "the anchor", "the newsreader", "the newscaster"])
_KIN_GROUP_HEADS = frozenset(["family", "families", "relatives", "parents", "relative"])


def _body_by_kind(head: str, lower: str, words: list[str]) -> tuple[str, str] | None:
    """A body the head names by its kind and a country, place or acronym, else None."""
    if words[0] == "the" and words[1:3] == ["governor", "of"] and (seat := _GOVERNOR_OF_RE.match(head)):
        return ("body", f"{seat.group(1)} Governorate")  # "The governor of Duhok said", no name: the governorate
    people = _STATE_PEOPLE_RE.fullmatch(head) if len(words) == 2 and words[0] == "the" else None
    if people and (country := country_of(people.group(1))):
        # "The Americans told us that P" (an interviewee on talks): the state the people stand for, its government
        return ("body", canonical_org(f"{country} government"))
    if lower in _UN_COLLEAGUES:
        return ("body", "United Nations")  # a UN spokesperson's "our humanitarian colleagues": OCHA
    delegation = _STATE_DELEGATION_RE.match(head) if "delegation" in words else None
    if delegation and (country := country_of(delegation.group(1) or delegation.group(2))):
        # "the delegation of France", "The Russian delegation": a state's delegation speaks for its government, as
        # "the representative of China" does
        return ("body", canonical_org(f"{country} government"))
    placed = local_body_name(head) if " in " in head and head[:4] in ("the ", "The ") else ""
    if placed:
        return ("body", placed)  # "the forestry directorate in Latakia": "Latakia Forestry Directorate"
    acronym = _KIND_THEN_ACRONYM_RE.match(head) if head[-1:].isupper() else None
    if acronym:
        # "The Turkish disaster agency AFAD", "Azerbaijan's state energy company SOCAR": the body by its acronym
        return ("outlet", acronym.group(1))
    named = _GROUP_KIND_THEN_NAME_RE.match(head) if head[-1:].isalpha() else None
    if named and not (" " not in named.group(1) and country_of(named.group(1))):
        # "the monitoring group Airwars", "the open-source group Syrian Archive": the body by the name after its kind
        return ("outlet", named.group(1))
    return None


def _antecedent_rules(head: str, lower: str, words: list[str]) -> list[tuple[str, str]]:
    """The rules that look for an antecedent in the document, in order (before the head's own fallback rule)."""
    rules: list[tuple[str, str]] = []
    if words[0] in ("its", "their") and len(words) > 1:
        rules.append(("owner_org", ""))  # "its commanders": the organisation named just before
    if _OF_THEM_RE.match(lower):
        rules.append(("group_before", ""))  # "The officials said P. One of them said Q": one of those officials
    if _JOINT_RE.match(lower):
        rules.append(("joint_before", ""))  # "Russia, Turkey and Iran said P. The three countries also said Q"
    partitive = _PARTITIVE_RE.match(lower)
    if partitive:
        rules.append(("quoted_before", partitive.group(1)))  # "One of the officials said": the officials quoted before
    if words[0] == "the" and len(words) > 3 and words[1] in _FORMER and words[2] in _ROLES_OR_MEMBER:
        # "The former member of the Syrian National Council, who now heads X, says P": a description of the person
        # the text has just introduced, not a new speaker (guideline: definite descriptions refer back)
        rules.append(("introduced", ""))
    role_of = _ROLE_OF_NAMED_RE.match(lower) if words[0] == "the" else None
    if role_of and has_proper_name(head):
        rules.append(("role_holder", role_of.group(1)))  # "the deputy head of the Centre": its holder named before
    return rules


_FORMER = frozenset(["former", "ex", "one-time", "onetime", "veteran", "exiled"])

_ROLES_OR_MEMBER = PERSON_ROLES | {"member", "head", "leader", "chief"}

_ROLE_OF_NAMED_RE = re.compile(r"the\s+(?:[a-z-]+\s+){0,2}?(head|chief|director|commander|chairman|chair)\s+of\s")


def _rule_on_head(head: str, words: list[str]) -> tuple[str, str]:
    """The rule that always resolves: members of an organisation, unnamed groups, documents, descriptions, names."""
    if len(words) == 1 and words[0] in ("most", "several"):
        return ("unnamed_group", "")  # "The bakers I spoke to say otherwise: most told me P", as "many say"
    if words[0] in _PARTITIVE_WORDS and _PARTITIVE_RE.match(" ".join(words)):
        return ("unnamed_group", "")  # "Most of the analysts said" with none quoted before: some of an unnamed group
    members = _MEMBERS_OF_RE.match(head) if "s " in head else None  # (its "'s " or "’s ", a cheap test first)
    member = members.group(2) if members else ""
    if (
        members
        and member not in ORG_WORDS
        and (is_known_org(members.group(1)) or is_org_like(members.group(1)))
        and (member in SOURCE_NOUNS or member.removesuffix("s") in SOURCE_NOUNS)
    ):
        return ("members", members.group(1))  # "The OPCW's investigators": the organisation
    if _COUNTRY_MEDIA_RE.match(head) and (country_of(head.split()[0]) or words[0] in _MEDIA_KINDS):
        return ("unnamed", "")  # "Syrian media reported", "state media said": unnamed outlets
    if _is_common_plural(words) and not has_proper_name(before_preposition(head)):
        return ("unnamed_group", "")
    if words[-1].removesuffix("'s").removesuffix("’s") in DOCUMENT_HEADS or is_document_phrase(words):
        return ("document", "")
    if is_unnamed(head):
        return ("unnamed_group", "")
    if words == ["police"]:
        return ("definite", "")  # "police said" is "the police said": the police named before, or the dateline's
    # "the Ministry said": a capitalised kind of organisation is still a description of one named before
    if words[0] == "the" and (
        not has_proper_name(head) or (len(words) == 2 and (words[1] in ORG_WORDS or words[1] in DEMONYM_NOUNS))
    ):
        return ("definite", "")
    return ("named", "")


# A kind of outlet before its name: "Local news outlet Suwayda 24", "the opposition website Zaman al-Wasl".
_OUTLET_NAME_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Za-z'’-]+\s+){0,2}?(?i:news\s+)?(?i:outlet|site|website|page|newspaper|daily|channel|broadcaster|"
    r"radio|tv|station|magazine|news\s+agency)\s+((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z0-9]|al-)[\w'’-]*){0,4})$"
)


# A kind of body in lower case before its acronym, with its country before it: "The Turkish disaster agency AFAD".
_KIND_THEN_ACRONYM_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?(?:[a-z][\w-]*\s+){1,3}?(?:agency|company|authority|"
    r"organi[sz]ation|corporation|firm|group|institute|foundation|network|union|body|operator)\s+([A-Z]{2,}[A-Za-z-]*)$"
)

# A body's kind in lower case (a modifier or two), then its name: "the open-source group Syrian Archive"
_GROUP_KIND_THEN_NAME_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){1,2}(?:group|monitor|watchdog|think\s+tank|charity|organi[sz]ation)\s+"
    r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|on|al-[\w'’-]+)){0,4})$"
)

# The kind after the name, with its owner before it or an Arabic article: "Hezbollah-affiliated Al-Manar
# television", "Al-Ikhbariya TV" ("Orient TV" and "Kurdish television" are left as written).
_OUTLET_KIND_AFTER_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:[\w'’-]+-(?:affiliated|run|owned|backed|aligned|linked|based)|pro-[\w'’-]+)\s+"
    r"((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z0-9]|al-)[\w'’-]*){0,3})|((?:Al|al)[- ][A-Z][\w'’-]*))"
    r"\s+(?i:television|tv|channel|radio|newspaper|daily)$"
)

# An agency by its name, then its kind: "The Tasnim news agency", "The Suwayda 24 news network" (not "the Syrian Arab
# News Agency", a country first)
_NAMED_AGENCY_RE = re.compile(
    r"^(?:[Tt]he\s+)?((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z0-9]|al-)[\w'’-]*){0,2})\s+news\s+(?:agency|network)$"
)
# An agency with its owner before it, named with its kind: "the IRGC-affiliated Tasnim news agency".
_OWNED_AGENCY_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[\w'’-]+-(?:affiliated|run|owned|backed|aligned|linked)|pro-[\w'’-]+)\s+"
    r"(((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z0-9]|al-)[\w'’-]*){0,3})\s+(?i:news\s+agency|agency|news\s+website|website))$"
)


def _is_outlet_name(name: str) -> bool:
    """'Al-Manar' is a name; 'Syrian' ('state-run Syrian television') is a country, not an outlet."""
    return not country_of(name.split()[0])


_JOINT_RE = re.compile(
    r"^(?:the\s+(?:two|three|four|five|six)|both)\s+(?:countries|states|governments|capitals|sides|parties)$"
)

_OF_THEM_RE = re.compile(r"^(?:one|two|three|another|some|several|many|most|each|both|neither|either)\s+of\s+them$")

_PARTITIVE_WORDS = frozenset(
    ["one", "two", "three", "four", "some", "several", "many", "most", "each", "both", "neither", "either", "another"]
)
_PARTITIVE_RE = re.compile(
    r"^(?:one|two|three|four|some|several|many|most|each|both|neither|either|another)\s+of\s+(?:the|these|those)\s+"
    r"(?:[\w-]+\s+){0,2}?([a-z]+s)$"
)

_CLOSE_TO_RE = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?:sources?|people|persons?|circles|figures|someone|those)\s+close\s+to\s"
)

# A state's delegation to a meeting, by the country's name after it or its adjective before it.
_STATE_DELEGATION_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:delegation\s+of\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)|([A-Z][\w'’-]+)\s+delegation)$"
)

_UN_COLLEAGUES = frozenset(["our humanitarian colleagues", "our humanitarian affairs colleagues"])

# A role's office: "the governor's office", "the prime minister’s press office" (lower-cased head).
_ROLE_OFFICE_RE = re.compile(r"^(the\s+(?:[a-z-]+\s+){0,2}?([a-z-]+))['’]s\s+(?:press\s+|media\s+)?office$")

# A body's press organ: "the ministry's press service", "the army's media centre" (lower-cased head).
_ORG_PRESS_RE = re.compile(
    r"^(the\s+(?:[a-z-]+\s+){0,2}?([a-z-]+))['’]s\s+(?:press|media|information)\s+(?:service|office|centre|center|"
    r"department|bureau)$"
)

_PRESS_ORGANS = frozenset(["service", "office", "centre", "center", "department", "bureau"])

_PERSON_OWNER_RE = re.compile(r"^([A-Z][\w'’ .-]{1,80}?)['’]s\s+([a-z][\w-]*)$")

_MEMBERS_OF_RE = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w'’ -]{1,60}?)['’]s\s+([a-z][\w-]*)$")

_KIN = frozenset(
    ["brother", "sister", "son", "daughter", "father", "mother", "husband", "wife", "cousin", "uncle", "aunt",
     "nephew", "niece", "grandson", "granddaughter", "grandfather", "grandmother",
     # close to the person, named the same way: "His colleague Wafaa Sheikh said"
     "colleague", "friend", "neighbour", "neighbor", "comrade"]
)

# "The governor of Duhok", "the governor of Deir ez-Zor": the seat of the office, up to three words
_GOVERNOR_OF_RE = re.compile(
    r"[Tt]he\s+governor\s+of\s+([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|[ae][lz]-[A-Z][\w'’-]*)){0,2})$"
)

_OWN_WORDS = frozenset(["answer", "reply", "response", "words", "remarks"])
_SPEAKS_FOR_OWNER = frozenset(
    [
        "office",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "aides",
        "lawyer",
        "lawyers",
        "representative",
        "representatives",
        "campaign",
        "bureau",
    ]
)

_COUNTRY_MEDIA_RE = re.compile(r"^[\w'’-]+\s+(?:media|press|outlets|newspapers|websites|channels)$", re.I)

_MEDIA_KINDS = frozenset(
    [
        "state",
        "local",
        "official",
        "government",
        "pro-government",
        "opposition",
        "regional",
        "foreign",
        "international",
        "western",
        "arab",
        "kurdish",
        "social",
    ]
)

_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}

_PREPOSITION_RE = re.compile(r"\s+(?:of|in|at|from|on|near|by)\s+")


def before_preposition(head: str) -> str:
    """'Residents of the Washokani camp' -> 'Residents': the group, whatever place it is from."""
    return _PREPOSITION_RE.split(head, maxsplit=1)[0]


_HEAD_ENDS = frozenset(["of", "on", "in", "at", "from", "near", "with", "for", "who", "whom", "whose", "which", "that"])


def _is_agent_participle(words: list[str], i: int) -> bool:
    """'Farmers interviewed by North Press', 'residents contacted by AFP', 'Users sharing the clip': the head is the
    word before."""
    if i + 1 >= len(words):
        return False
    if words[i].endswith("ing"):
        # ("citing", "quoting", "according" relay a source: the conduit rule's, not a description of the group)
        return words[i - 1][-1:] == "s" and words[i] not in ("citing", "quoting", "according")
    # ("Drivers interviewed at the crossing", "residents reached on Monday": where or when the writer met them)
    return words[i].endswith("ed") and (words[i + 1] == "by" or words[i] in _MET_PARTICIPLES)


_MET_PARTICIPLES = frozenset(["interviewed", "contacted", "reached", "questioned", "polled", "surveyed", "approached"])


def _is_common_plural(words: list[str]) -> bool:
    """'Experts', 'Local residents', 'Opposition activists': unnamed groups, not names."""
    cut = next((i for i, w in enumerate(words) if i and (w in _HEAD_ENDS or _is_agent_participle(words, i))),
               len(words))  # fmt: skip
    words = words[:cut]  # "Posts on social media", "traders who spoke to us": the head is "posts", "traders"
    if "and" in words[1:-1]:
        # "Residents and rights groups", "Activists and local journalists": every conjunct an unnamed group
        at = words.index("and")
        return _is_common_plural(words[:at]) and _is_common_plural(words[at + 1:])
    if words[0] == "the" or words[-1] in DOCUMENT_HEADS:
        return False
    head = words[-1]
    known = head in SOURCE_NOUNS or head.removesuffix("s") in SOURCE_NOUNS or head.removesuffix("es") in SOURCE_NOUNS
    # any plural of a doer ("Protesters", "Humanitarian partners", "Demonstrators"): people, not an organisation
    doers = ("ers", "ors", "ants", "ents", "ists", "ians", "ees", "ners")
    known = known or (head.endswith(doers) and head not in ORG_WORDS)
    return (
        len(words) <= 3
        and known
        and head.endswith("s")
        and head not in ("forces", "news", "headquarters", "authorities", "units", "brigades", "factions", "militias")
    )
