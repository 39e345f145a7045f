"""Speaker mentions -> canonical speakers, with the document as context (claim annotation guideline, "Speaker").

Pronouns and definite descriptions ("he", "the spokesman", "the board") go back to the speaker or organisation
they refer to; surnames go to the fullest name used earlier; unnamed members of an organisation become the
organisation; other unnamed sources become "unnamed sources".
"""

import re

from consumers.claims.context import ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.descriptions import DOCUMENT_HEADS, is_document_phrase, resolve_definite, resolve_document
from consumers.claims.resolve.organisations import org_from_phrase, org_with_context
from consumers.claims.resolve.people import person_name, resolve_named
from consumers.claims.resolve.pronouns import resolve_pronoun
from consumers.claims.resolve.unnamed import is_unnamed, resolve_unnamed
from consumers.claims.resolve.words import PERSON_ROLES, has_proper_name, is_org_like
from consumers.claims.sources import PRONOUNS, SOURCE_NOUNS
from consumers.claims.speakers import country_of, is_known_org

_ROLES_OR_SOURCES = PERSON_ROLES | SOURCE_NOUNS


def resolve_mention(ctx: DocumentContext, start: int, end: int, head_end: int) -> Speaker:
    """The canonical speaker behind the mention text[start:end] (head text[start:head_end], then an apposition)."""
    head = " ".join(ctx.text[start:head_end].split()).strip(" ,")
    appos = " ".join(ctx.text[head_end:end].split()).strip(" ,")
    if appos and _APPOSITIVE_NAME_RE.fullmatch(appos) and _is_role(head):
        # "The UN envoy for Syria, Geir Pedersen": the name is the head, the role gives the organisation
        return resolve_named(ctx, start, appos, "", org_hint=org_from_phrase(ctx, start, head, whole=True))
    given = _NAME_GIVEN_RE.match(ctx.text, head_end, min(len(ctx.text), max(end, head_end) + 160))
    if given and not has_proper_name(_before_preposition(head)):
        # "a team member who gave his name as Yasser al-Hussein": the person is named after all
        return resolve_named(ctx, start, given.group(1), "")
    lower = _OBJECT_PRONOUNS.get(head.lower(), head.lower())
    words = WORDS_RE.findall(lower)
    if not words:
        return Speaker("unnamed sources", "", False)
    if lower in PRONOUNS:
        return resolve_pronoun(ctx, lower, start)
    if words[0] in ("its", "their") and len(words) > 1 and person_name(head.split()[1:])[0]:
        org = ctx.org_before(start, "")  # "Its director Rami Abdel Rahman": the name speaks for the organisation
        return resolve_named(ctx, start, " ".join(head.split()[1:]), appos, org_hint=org)
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in _SPEAKS_FOR_OWNER:
        return resolve_pronoun(ctx, "he" if words[0] == "his" else "she", start)  # "his office said": the person speaks
    if words[0] in ("his", "her") and len(words) == 2 and words[1] in _ROLES_OR_SOURCES:
        return Speaker("unnamed sources", "", False)  # "her neighbour agreed": unnamed
    if words[0] in ("its", "their") and len(words) > 1:
        org = ctx.org_before(start, "")  # "its commanders": the organisation named just before
        if org:
            return Speaker(org, org, False)
    partitive = _PARTITIVE_RE.match(lower)
    found = ctx.last(word=partitive.group(1)) if partitive else None
    if found is not None:
        return found  # "One of the officials said": the officials quoted before
    members = _MEMBERS_OF_RE.match(head)
    member = members.group(2) if members else ""
    if (
        members
        and member not in ORG_WORDS
        and (is_known_org(members.group(1)) or is_org_like(members.group(1)))
        and (member in SOURCE_NOUNS or member.removesuffix("s") in SOURCE_NOUNS)
    ):
        canon = org_with_context(ctx, start, members.group(1))  # "The OPCW's investigators": the organisation
        return Speaker(canon, canon, False)
    if _COUNTRY_MEDIA_RE.match(head) and (country_of(head.split()[0]) or words[0] in _MEDIA_KINDS):
        return Speaker("unnamed sources", "", False)  # "Syrian media reported", "state media said": unnamed outlets
    if _is_common_plural(words) and not has_proper_name(_before_preposition(head)):
        return resolve_unnamed(ctx, start, head)
    if words[-1].removesuffix("'s").removesuffix("’s") in DOCUMENT_HEADS or is_document_phrase(words):
        return resolve_document(ctx, start, head)
    if is_unnamed(head):
        return resolve_unnamed(ctx, start, head)
    # "the Ministry said": a capitalised kind of organisation is still a description of one named before
    if words[0] == "the" and (not has_proper_name(head) or (len(words) == 2 and words[1] in ORG_WORDS)):
        return resolve_definite(ctx, start, head, words)
    return resolve_named(ctx, start, head, appos)


_PARTITIVE_RE = re.compile(
    r"^(?:one|two|three|four|some|several|many|most|each|both|neither|either|another)\s+of\s+(?:the|these|those)\s+"
    r"(?:[\w-]+\s+){0,2}?([a-z]+s)$"
)
_MEMBERS_OF_RE = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w'’ -]{1,60}?)['’]s\s+([a-z][\w-]*)$")

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
    r",?\s+(?:who|whose)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:gave\s+(?:his|her|their)\s+(?:first\s+|full\s+)?name\s+as|name\s+(?:is|was)|"
    r"gave\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|full\s+)?name(?:\s+only)?\s*,|"
    r"identified\s+(?:(?:himself|herself)\s+)?(?:only\s+)?as|known\s+(?:only\s+)?as|goes\s+by(?:\s+the\s+name)?|"
    r"uses\s+the\s+(?:nom\s+de\s+guerre|pseudonym|alias|name))\s+"
    r"((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu)){0,3})"
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}


def _is_role(head: str) -> bool:
    words = WORDS_RE.findall(head.lower())
    if words and words[0] in ("the", "a", "an") and words[-1] in PERSON_ROLES:
        return True  # "the Deputy Regional Humanitarian Coordinator": capitalised, but a role
    if words and words[0] in ("the", "a", "an", "its", "his", "her") and not has_proper_name(head):
        return True
    return bool(set(words) & PERSON_ROLES and not person_name(head.split())[0])


_PREPOSITION_RE = re.compile(r"\s+(?:of|in|at|from|on|near)\s+")


def _before_preposition(head: str) -> str:
    """'Residents of the Washokani camp' -> 'Residents': the group, whatever place it is from."""
    return _PREPOSITION_RE.split(head, maxsplit=1)[0]


_HEAD_ENDS = frozenset(["of", "on", "in", "at", "from", "with", "who", "whom", "whose", "which", "that"])


def _is_common_plural(words: list[str]) -> bool:
    """'Experts', 'Local residents', 'Opposition activists': unnamed groups, not names."""
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_ENDS), len(words))
    words = words[:cut]  # "Posts on social media", "traders who spoke to us": the head is "posts", "traders"
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
