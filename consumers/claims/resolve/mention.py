"""Speaker mentions -> canonical speakers, with the document as context (claim annotation guideline, "Speaker").

Pronouns and definite descriptions ("he", "the spokesman", "the board") go back to the speaker or organisation
they refer to; surnames go to the fullest name used earlier; unnamed members of an organisation become the
organisation; other unnamed sources become "unnamed sources".
"""

import re
from collections.abc import Callable
from functools import lru_cache

from consumers.claims.context import HISTORY_WINDOW, ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.descriptions import name_near_role, resolve_definite
from consumers.claims.resolve.documents import DOCUMENT_HEADS, is_document_phrase, resolve_document
from consumers.claims.resolve.organisations import org_from_phrase, org_with_context
from consumers.claims.resolve.people import person_name, resolve_named
from consumers.claims.resolve.pronouns import resolve_pronoun
from consumers.claims.resolve.unnamed import is_unnamed, resolve_unnamed
from consumers.claims.resolve.words import PERSON_ROLES, has_proper_name, is_org_like
from consumers.claims.sources import PRONOUNS, SOURCE_NOUNS
from consumers.claims.sources.before_cue import BODY_KINDS, THE_BODY_NAME_RE
from consumers.claims.speakers import canonical_org, country_of, is_known_org

_ROLES_OR_SOURCES = PERSON_ROLES | SOURCE_NOUNS
_RELAYED_BY_RE = re.compile(r"\s+(?:quoted|cited)\s+by\s+.*$")
_WRITER_MET_RE = re.compile(r"\s+(?:I|we)\s+(?:spoke|talked|met|interviewed|visited)\b.*$")


def resolve_mention(ctx: DocumentContext, start: int, end: int, head_end: int) -> Speaker:
    """The canonical speaker behind the mention text[start:end] (head text[start:head_end], then an apposition)."""
    head = " ".join(ctx.text[start:head_end].split()).strip(" ,")
    appos = " ".join(ctx.text[head_end:end].split()).strip(" ,")
    if " I " in head or " we " in head:
        head = _WRITER_MET_RE.sub("", head)  # "Business owners I spoke to in Aleppo": whom the writer met
    if " by " in head:
        head = _RELAYED_BY_RE.sub("", head)  # "A ministry source quoted by the paper": the source, not the paper
    if appos and _APPOSITIVE_NAME_RE.fullmatch(appos) and _is_role(head):
        # "The UN envoy for Syria, Geir Pedersen": the name is the head, the role gives the organisation
        return resolve_named(ctx, start, appos, "", org_hint=_org_of_role(ctx, start, head))
    if appos.startswith("the ") and _STATE_DELEGATE_RE.match(appos) and country_of(appos):
        # "the Council President, the representative of Pakistan": the office holder speaks as a state's delegate
        return resolve_named(ctx, start, appos, "")
    if appos.isupper() and head[:4] in ("The ", "the ") and head[4:5].islower() and is_known_org(appos):
        canon = canonical_org(appos)  # "The refugee agency, UNHCR,": the body its acronym names
        return Speaker(canon, canon, False)
    if appos[:4] == "the " and head[-1:].islower() and head.rsplit(None, 1)[-1].lower() in BODY_KINDS \
            and THE_BODY_NAME_RE.fullmatch(appos):
        canon = canonical_org(appos[4:])  # "Al-Atassi's party, the National Liberal Gathering,": the body by its name
        return Speaker(canon, canon, False)
    if appos[:2] in ("a ", "an") and _ONE_SOURCE_RE.match(head) and is_unnamed(appos):
        return resolve_unnamed(ctx, start, appos)  # "A second source, a member of X's team, said": who the source is
    limit = min(len(ctx.text), max(end, head_end) + 160)
    # (the pattern holds "who": a substring test first skips it for most mentions)
    given = _NAME_GIVEN_RE.match(ctx.text, head_end, limit) if ctx.text.find("who", head_end, limit) >= 0 else None
    if given and not has_proper_name(_before_preposition(head)):
        # "a team member who gave his name as Yasser al-Hussein": the person is named after all
        return resolve_named(ctx, start, given.group(1), "")
    if "itself" in head or "themselves" in head or appos.startswith(("calling ", "called ")):
        # "An armed group calling itself X", "Eleven factions, calling themselves X,": the name it gives itself
        calls = _CALLS_ITSELF_RE.search(head if "itself" in head or "themselves" in head else appos)
        if calls is not None:
            # "An armed group calling itself Saraya al-Tahrir said": the group by the name it gives itself
            canon = canonical_org(calls.group(1))
            return Speaker(canon, canon, False)
    for rule, arg in _rules_for(head):
        speaker = _RULES[rule](ctx, start, head, appos, arg)
        if speaker is not None:
            return speaker
    raise AssertionError("the last rule of every head resolves")  # _rules_for ends with an unconditional rule


def _org_of_role(ctx: DocumentContext, start: int, head: str) -> str:
    """The organisation of a role before a name in apposition ("The UN envoy for Syria, Geir Pedersen"), or ""."""
    presiding = _PRESIDING_OF_RE.match(head)
    # "The Speaker of the Iraqi parliament, NAME": the body presided over, not the office ("Speaker of ...")
    org = org_from_phrase(ctx, start, presiding.group(1) if presiding else head, whole=True)
    if org or not _BARE_SPOKESMAN_RE.match(head):
        return org
    # "We asked X for comment; a spokesman, NAME, said", "X said P. Their spokesman, NAME, said": X's
    if head.split()[0].lower() in ("their", "its"):
        quoted = ctx.last(person=False)
        return quoted.org if quoted is not None else ""
    # the body named in its sentence, else the body quoted just before, else one named the sentence before
    sentence = ctx.sentence_start(start)
    org = ctx.org_before(start, "", floor=sentence)
    if not org and ctx.history and not ctx.history[-1][0].is_person:
        org = ctx.history[-1][0].org
    if not org and sentence:
        org = ctx.org_before(start, "", floor=ctx.sentence_start(sentence - 1))
    return org


# A rule resolves the mention in its document (ctx, start, head, appos, the rule's argument), or returns None when
# the document holds no antecedent and the next rule applies.
_Rule = Callable[[DocumentContext, int, str, str, str], Speaker | None]
_UNNAMED_SOURCES = Speaker("unnamed sources", "", False)


@lru_cache(maxsize=8192)
def _rules_for(head: str) -> tuple[tuple[str, str], ...]:
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
    if words[0] in ("its", "their") and len(words) > 1 and person_name(head.split()[1:])[0]:
        return ("owner_name", " ".join(head.split()[1:]))  # "Its director Rami Abdel Rahman"
    if words[0] in ("his", "her", "their") and len(words) >= 4 and words[1] in _KIN \
            and person_name(head.split()[2:])[0]:
        return ("kin_named", " ".join(head.split()[2:]))  # "his brother Ali Dandash said": the person by name
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in _SPEAKS_FOR_OWNER:
        return ("pronoun", "he" if words[0] == "his" else "she")  # "his office said": the person speaks
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in _ROLES_OR_SOURCES:
        return ("unnamed", "")  # "her neighbour agreed": unnamed
    if " close to " in lower and _CLOSE_TO_RE.match(lower):
        return ("unnamed", "")  # "Sources close to the SDF": near the body, not its members (held-back ah03 gold)
    if words[0] == "the" and words[1:3] == ["governor", "of"] and (seat := _GOVERNOR_OF_RE.match(head)):
        return ("body", f"{seat.group(1)} Governorate")  # "The governor of Duhok said", no name: the governorate
    if lower in _UN_COLLEAGUES:
        return ("body", "United Nations")  # a UN spokesperson's "our humanitarian colleagues": OCHA
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
    outlet = _OWNED_AGENCY_RE.match(head) if "-" in head else None
    if outlet and _is_outlet_name(outlet.group(2)):
        # "The IRGC-affiliated Tasnim news agency": the agency, not its owner ("state-run SANA news agency": SANA)
        return ("outlet", outlet.group(2) if is_known_org(outlet.group(2)) else outlet.group(1))
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




_PRESIDING_OF_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:[Dd]eputy|[Ff]irst)\s+)?(?:Speaker|speaker|[Cc]hairman|[Cc]hairwoman|[Cc]hair)\s+of\s+"
    r"(?:the\s+)?(.+)$"
)
_BARE_SPOKESMAN_RE = re.compile(r"(?:[Aa]n?|[Tt]heir|[Ii]ts)\s+spokes(?:man|woman|person)$")
_FORMER = frozenset(["former", "ex", "one-time", "onetime", "veteran", "exiled"])
_ROLES_OR_MEMBER = PERSON_ROLES | {"member", "head", "leader", "chief"}
_ROLE_OF_NAMED_RE = re.compile(r"the\s+(?:[a-z-]+\s+){0,2}?(head|chief|director|commander|chairman|chair)\s+of\s")


def _rule_on_head(head: str, words: list[str]) -> tuple[str, str]:
    """The rule that always resolves: members of an organisation, unnamed groups, documents, descriptions, names."""
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
    if _is_common_plural(words) and not has_proper_name(_before_preposition(head)):
        return ("unnamed_group", "")
    if words[-1].removesuffix("'s").removesuffix("’s") in DOCUMENT_HEADS or is_document_phrase(words):
        return ("document", "")
    if is_unnamed(head):
        return ("unnamed_group", "")
    # "the Ministry said": a capitalised kind of organisation is still a description of one named before
    if words[0] == "the" and (not has_proper_name(head) or (len(words) == 2 and words[1] in ORG_WORDS)):
        return ("definite", "")
    return ("named", "")


def _owner_name(ctx: DocumentContext, start: int, head: str, appos: str, name: str) -> Speaker:
    org = ctx.org_before(start, "")  # the name speaks for the organisation named before
    return resolve_named(ctx, start, name, appos, org_hint=org)


def _owner_org(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker | None:
    org = ctx.org_before(start, "")
    return Speaker(org, org, False) if org else None


def _members(ctx: DocumentContext, start: int, head: str, appos: str, org: str) -> Speaker:
    canon = org_with_context(ctx, start, org)
    return Speaker(canon, canon, False)


def _group_before(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker | None:
    """The last speaker quoted as a group ("two US officials", "the sources"), whatever it resolved to."""
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        words = WORDS_RE.findall(mention.lower())[:5]
        if any(w.endswith("s") and w in SOURCE_NOUNS for w in words):
            return speaker
    return None


def _introduced(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker | None:
    """The person the text introduced after the last quoted one ("Rami Darwish left Aleppo in 2013."), or None."""
    newer = ctx.person_before(start, after=ctx.last_person_pos)
    if newer is None:
        return None
    known = ctx.people.get(newer.name.split()[-1].lower())
    return known if known is not None and known.name == newer.name else newer


def _joint_before(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker | None:
    """The last speakers quoted together as a list of bodies ("Russia, Turkey and Iran")."""
    for speaker, _mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        if not speaker.is_person and " and " in speaker.name:
            return speaker
    return None


def _definite(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker:
    return resolve_definite(ctx, start, head, WORDS_RE.findall(head.lower()))


def _office_holder(ctx: DocumentContext, start: int, head: str, appos: str, role: str) -> Speaker | None:
    for rule, arg in _rules_for(role):
        speaker = _RULES[rule](ctx, start, role, appos, arg)
        if speaker is not None:
            return speaker
    return None


_RULES: dict[str, _Rule] = {
    "office_holder": _office_holder,
    "unnamed": lambda ctx, start, head, appos, arg: _UNNAMED_SOURCES,
    "pronoun": lambda ctx, start, head, appos, pronoun: resolve_pronoun(ctx, pronoun, start),
    "owner_name": _owner_name,
    "owner_org": _owner_org,
    "quoted_before": lambda ctx, start, head, appos, word: ctx.last(word=word),
    "group_before": _group_before,
    "joint_before": _joint_before,
    "introduced": _introduced,
    "members": _members,
    "role_holder": lambda ctx, start, head, appos, role: name_near_role(ctx, start, role),
    "unnamed_group": lambda ctx, start, head, appos, arg: resolve_unnamed(ctx, start, head),
    "document": lambda ctx, start, head, appos, arg: resolve_document(ctx, start, head),
    "definite": _definite,
    "named": lambda ctx, start, head, appos, arg: resolve_named(ctx, start, head, appos),
    "kin_named": lambda ctx, start, head, appos, name: resolve_named(ctx, start, name, appos),
    "outlet": lambda ctx, start, head, appos, name: Speaker(canonical_org(name), canonical_org(name), False),
    "body": lambda ctx, start, head, appos, name: Speaker(name, name, False),
}
# A kind of outlet before its name: "Local news outlet Suwayda 24", "the opposition website Zaman al-Wasl".
_OUTLET_NAME_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Za-z'’-]+\s+){0,2}?(?i:news\s+)?(?i:outlet|site|website|newspaper|daily|channel|broadcaster|"
    r"radio|tv|station|magazine|news\s+agency)\s+((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z0-9]|al-)[\w'’-]*){0,4})$"
)


# The kind after the name, with its owner before it or an Arabic article: "Hezbollah-affiliated Al-Manar
# television", "Al-Ikhbariya TV" ("Orient TV" and "Kurdish television" are left as written).
_OUTLET_KIND_AFTER_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:[\w'’-]+-(?:affiliated|run|owned|backed|aligned|linked|based)|pro-[\w'’-]+)\s+"
    r"((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z0-9]|al-)[\w'’-]*){0,3})|((?:Al|al)[- ][A-Z][\w'’-]*))"
    r"\s+(?i:television|tv|channel|radio|newspaper|daily)$"
)


# An agency with its owner before it, named with its kind: "the IRGC-affiliated Tasnim news agency".
_OWNED_AGENCY_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[\w'’-]+-(?:affiliated|run|owned|backed|aligned|linked)|pro-[\w'’-]+)\s+"
    r"(((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:[A-Z0-9]|al-)[\w'’-]*){0,3})\s+(?i:news\s+agency|agency|news\s+website|website))$"
)


def _is_outlet_name(name: str) -> bool:
    """'Al-Manar' is a name; 'Syrian' ('state-run Syrian television') is a country, not an outlet."""
    return not country_of(name.split()[0])


_JOINT_RE = re.compile(r"^the\s+(?:two|three|four|five|six)\s+(?:countries|states|governments|capitals|sides)$")
_OF_THEM_RE = re.compile(r"^(?:one|two|three|another|some|several|many|most|each|both|neither|either)\s+of\s+them$")
_PARTITIVE_RE = re.compile(
    r"^(?:one|two|three|four|some|several|many|most|each|both|neither|either|another)\s+of\s+(?:the|these|those)\s+"
    r"(?:[\w-]+\s+){0,2}?([a-z]+s)$"
)
_CLOSE_TO_RE = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?:sources?|people|persons?|circles|figures|someone|those)\s+close\s+to\s"
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
     "nephew", "niece", "grandson", "granddaughter", "grandfather", "grandmother"]
)
# "The governor of Duhok", "the governor of Deir ez-Zor": the seat of the office, up to three words
_GOVERNOR_OF_RE = re.compile(
    r"[Tt]he\s+governor\s+of\s+([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|[ae][lz]-[A-Z][\w'’-]*)){0,2})$"
)
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

_APPOSITIVE_NAME_RE = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|al-[\w'’-]+)){1,4}")
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
# A name given in a relative clause after an unnamed source (guideline: the speaker is the named person).
_NAME_GIVEN_RE = re.compile(
    # (after the head or its indefinite apposition: "The second witness, a former nurse who asked to be identified
    # only as Leila,")
    r",?\s+(?:an?\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]*\s+)?(?:who|whose)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:gave\s+(?:his|her|their)\s+(?:first\s+|full\s+)?name\s+(?:only\s+)?as|name\s+(?:is|was)|"
    r"gave\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|full\s+)?name(?:\s+only)?\s*,|"
    r"identified\s+(?:(?:himself|herself)\s+)?(?:only\s+)?as|known\s+(?:only\s+)?as|goes\s+by(?:\s+the\s+name)?|"
    r"uses\s+the\s+(?:nom\s+de\s+guerre|pseudonym|alias|name)|"
    # "who asked to be identified only by his first name, Adnan,", "... by his nom de guerre, Abu Hamza,"
    r"(?:identified|named|called|referred\s+to)\s+(?:only\s+)?(?:by|as)\s+(?:his|her|their)\s+"
    r"(?:first\s+|last\s+|family\s+)?(?:name|nom\s+de\s+guerre|nickname|pseudonym|alias)\s*,)\s+"
    r"((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu)){0,3})"
)
_STATE_DELEGATE_RE = re.compile(r"the\s+(?:representative|delegate|permanent\s+representative)\s+of\s+(?:the\s+)?[A-Z]")
# One of several sources, described by an indefinite apposition: "The third source, a Syrian official,".
_ONE_SOURCE_RE = re.compile(
    r"^(?:[Tt]he|[Oo]ne|[Aa]nother|[Aa])\s+(?:(?:first|second|third|fourth|fifth|other|last|remaining)\s+)?"
    r"(?:source|person|official)$"
)
_CALLS_ITSELF_RE = re.compile(
    r"\b(?:calling|calls|call|called)\s+(?:itself|themselves)\s+(?:the\s+)?[\"“'‘]?"
    r"((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:(?:[A-Z0-9]|al-)[\w'’-]*|of|for|the|and|in)){0,6})"
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}


def _is_role(head: str) -> bool:
    words = WORDS_RE.findall(head.lower())
    if words and words[0] in ("the", "a", "an") and words[-1] in PERSON_ROLES:
        return True  # "the Deputy Regional Humanitarian Coordinator": capitalised, but a role
    if words and words[0] in ("the", "a", "an", "its", "his", "her") and not has_proper_name(head):
        return True
    return bool(set(words) & PERSON_ROLES and not person_name(head.split())[0])


_PREPOSITION_RE = re.compile(r"\s+(?:of|in|at|from|on|near|by)\s+")


def _before_preposition(head: str) -> str:
    """'Residents of the Washokani camp' -> 'Residents': the group, whatever place it is from."""
    return _PREPOSITION_RE.split(head, maxsplit=1)[0]


_HEAD_ENDS = frozenset(["of", "on", "in", "at", "from", "with", "who", "whom", "whose", "which", "that"])


def _is_agent_participle(words: list[str], i: int) -> bool:
    """'Farmers interviewed by North Press', 'residents contacted by AFP': the head is the word before."""
    return words[i].endswith("ed") and i + 1 < len(words) and words[i + 1] == "by"


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
