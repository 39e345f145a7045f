"""Definite descriptions ('the spokesman', 'the board', 'the Russian diplomat') back to the person or organisation
they refer to (documents, 'the statement', are documents.py's): which kind of description it is, then the module for
that kind (role_holders.py for people, body_antecedents.py for organisations).
"""

import re

from consumers.claims.aliases import TITLES
from consumers.claims.context import HISTORY_WINDOW, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.body_antecedents import GENERIC_ORG_NOUNS, definite_org, last_source_of
from consumers.claims.resolve.documents import EXPERTS
from consumers.claims.resolve.gender import given_name_sex
from consumers.claims.resolve.organisations import central_bank
from consumers.claims.resolve.role_holders import definite_person
from consumers.claims.resolve.words import DEMONYM_NOUNS, PERSON_ROLES
from consumers.claims.speakers import canonical_org, is_known_org

_EXPERT_NOUNS = frozenset(["researchers", "scientists", "academics"])


_GENERIC_OWNER_RE = re.compile(r"^[Tt]he\s+([a-z]+)['’]s\s+")
_DEPARTMENT_OF_RE = re.compile(r"[Tt]he\s+[a-z]+\s+(?:authority|board|committee|department|directorate)\s+of\s")


# An unnamed holder of a place's post: "The airport's director", "the hospital's manager"
_PLACE_ROLE_RE = re.compile(r"[Tt]he\s+([a-z]+)['’]s\s+([a-z]+)$")


def _place_named_before(ctx: DocumentContext, pos: int, noun: str) -> str:
    """The last capitalised name ending in the noun ("Latakia International Airport") in the 2,000 characters before
    pos, or ""."""
    named = re.compile(rf"((?:[A-Z][\w'’-]+\s+){{1,4}}){noun.capitalize()}\b")
    found = list(named.finditer(ctx.text, max(0, pos - 2000), pos))
    return f"{found[-1].group(1)}{noun.capitalize()}" if found else ""


def resolve_definite(ctx: DocumentContext, pos: int, head: str, words: list[str]) -> Speaker:
    """'the spokesman' -> the person named before; 'the board' -> the organisation named before."""
    if is_known_org(head):
        canon = canonical_org(head, ctx.country)
        return Speaker(canon, canon, False)
    if words[-1] == "bank" and words == ["the", "central", "bank"]:
        canon = central_bank(ctx, pos)  # "The central bank said"; "officials at the central bank" alike
        return Speaker(canon, canon, False)
    if " of " in head and _DEPARTMENT_OF_RE.match(head) and is_known_org(canon := canonical_org(head)):
        return Speaker(canon, canon, False)  # "the health authority of the Kurdish-led administration": the body
    owner = _GENERIC_OWNER_RE.match(head)
    if owner and owner.group(1).lower() in GENERIC_ORG_NOUNS:
        # "the group's media office said": the group it belongs to speaks
        return resolve_definite(ctx, pos, f"the {owner.group(1)}", ["the", owner.group(1).lower()])
    place_role = _PLACE_ROLE_RE.match(head)
    if place_role and place_role.group(2) in PERSON_ROLES and place_role.group(1) not in PERSON_ROLES:
        place = ctx.org_before(pos, place_role.group(1)) or _place_named_before(ctx, pos, place_role.group(1))
        if place:
            return Speaker(place, place, False)  # "The airport's director said" (never named): the airport named before
    noun = words[-1]
    if noun in _EXPERT_NOUNS and not ctx.last(word=noun):
        return EXPERTS  # "The researchers wrote that P" with none quoted before: unnamed experts (guideline)
    if noun in ("source", "sources") and len(words) > 2:
        found = last_source_of(ctx, words[-2])
        if found is not None:
            return found  # "The ministry sources also said": the ministry's sources quoted before, not the last ones
    if noun.endswith("s"):
        for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
            if not speaker.org and not speaker.is_person and noun in WORDS_RE.findall(mention.lower()):
                return speaker  # "Local activists reported ... The activists said": the same unnamed group
    cut = next((i for i, w in enumerate(words) if i > 1 and w in ("of", "for", "at", "in", "to", "with")), 0)
    if cut and (words[cut - 1] in PERSON_ROLES or words[cut - 1] in TITLES):
        noun = words[cut - 1]  # "the deputy head of the center": a person, the head of something
    if any(w.startswith("monitor") for w in words[1:]):
        noun = "monitor"  # "the monitoring group", "the UK-based monitor"
    if noun in PERSON_ROLES or noun in TITLES:
        return definite_person(ctx, pos, head, noun)
    if len(words) == 2 and noun in DEMONYM_NOUNS:
        # "The Spaniard said": the person named before, or else quoted before (no state: "the Iraqi" is one person)
        return ctx.person_before(pos, after=ctx.last_person_pos) or ctx.last(person=True) or definite_person(
            ctx, pos, "", ""
        )
    if len(words) > 2 and _AGE_RE.fullmatch(words[1]) and noun not in PERSON_ROLES:
        # "the 47-year-old widow says": an age makes any noun a person, named before with that age or named last
        return (_person_of_age(ctx, pos, words[1]) or _new_person_in_paragraph(ctx, pos)
                or definite_person(ctx, pos, head, ""))
    if head.endswith("-year-old"):
        # "the 52-year-old told Syria Direct": the person named before with that age, else the one quoted before
        return _person_of_age(ctx, pos, head) or definite_person(ctx, pos, head, "")
    return definite_org(ctx, pos, head, words, noun)


_AGE_RE = re.compile(r"(\d{1,3})-year-old$")  # (fullmatch on one word: "47-year-old")
_NAME_WORD = r"(?:[A-Z][\w'’-]+|al-[\w'’-]+)"


# A person by a kunya or by a common given name and a surname: "Um Ahmad", "Abu Firas", "Salma Haddad"
_PERSON_NAME_RE = re.compile(
    rf"\b(?:Um|Umm|Abu|Abou|[A-Z][a-z]+)(?:\s+{_NAME_WORD}){{1,2}}"
)


def _new_person_in_paragraph(ctx: DocumentContext, pos: int) -> Speaker | None:
    """'When the lights come on in Um Ahmad's apartment ... "Q," said the 52-year-old widow': the last person the
    paragraph names before pos by a kunya or a known given name, not quoted before; None if there is none."""
    opening = ctx.text.rfind("\n\n", 0, pos) + 1
    for found in reversed(list(_PERSON_NAME_RE.finditer(ctx.text, opening, pos))):
        name = re.sub(r"['’]s$", "", found.group())  # "Um Ahmad's apartment"
        kunya = name.split()[0] in ("Um", "Umm", "Abu", "Abou")
        if (kunya or given_name_sex(name)) and name.split()[-1].lower() not in ctx.people:
            return Speaker(name, "", True)
    return None


def _person_of_age(ctx: DocumentContext, pos: int, head: str) -> Speaker | None:
    """The person the text named with the age of 'the 58-year-old' ("Fuad Hemo, 58, of the KNC"), or None."""
    age = _AGE_RE.search(head)
    if age is None:
        return None
    named = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s+{age.group(1)},")
    found = list(named.finditer(ctx.text, max(0, pos - 3000), pos))
    if not found:
        return None
    name = found[-1].group(1)
    return ctx.people.get(name.split()[-1].lower()) or Speaker(name, "", True)
