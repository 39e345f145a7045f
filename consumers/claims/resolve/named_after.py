"""Speakers a lead refers to before the text names them: a plural role ('France and Germany will ask X, their
foreign ministers said. French Foreign Minister NAME said P. Her German counterpart, NAME2, said Q.': the two people
the next claims name in that role, named together), and a pronoun whose antecedent is a role the lead's sentence
opens with ('The governor of Homs has deleted a post in which he blamed X for Y. ... Governor NAME wrote that P':
NAME) (claim annotation guideline, "Speaker": pronouns and descriptions resolve to whom they refer to)."""

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consumers.claims.claim import ExtractedClaim

from consumers.claims.resolve.words import PERSON_ROLES

_PLURAL_ROLE_RE = re.compile(
    r"(?:[Tt]heir|[Tt]he\s+two|[Bb]oth)\s+((?:[a-z]+\s+){0,2}?)(minister|leader|president|envoy|ambassador|"
    r"negotiator|spokes(?:man|woman|person))s"
)
# How far after the lead the role holders must be quoted
_REACH = 1500


def pairs_named_after(claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """Claims of 'their foreign ministers' (no one named yet) given to the two people quoted next in that role."""
    for i, claim in enumerate(claims):
        if claim.speaker != "unnamed sources" and claim.speaker != claim.speaker_org:
            continue  # (a person already)
        mention = claim.speaker_mention
        plural = _PLURAL_ROLE_RE.fullmatch(mention) if mention[-1:] == "s" and mention[:1] in "TtBb" else None
        if plural is None:
            continue
        role = f"{plural.group(1)}{plural.group(2)}".lower()
        holders: list[str] = []
        for later in claims[i + 1 :]:
            if later.start - claim.end > _REACH or len(holders) == 2:
                break
            mention = later.speaker_mention.lower()
            is_person = later.speaker != later.speaker_org and later.speaker != "unnamed sources"
            in_role = role in mention or (holders and "counterpart" in mention)  # "Her German counterpart, NAME2,"
            if is_person and later.speaker not in holders and in_role:
                holders.append(later.speaker)
        if len(holders) == 2:
            claims[i] = replace(claim, speaker=" and ".join(holders), speaker_org="")
    return claims


# The role a sentence opens with: "The governor of Homs has deleted ...", "The Syrian envoy was ..."
# (after a dateline: "HOMS — The governor of Homs ...")
_OPENING_ROLE_RE = re.compile(r"(?:[A-Z][A-Z'’ ,.()-]{1,40}[—–]\s*)?[Tt]he\s+(?:[A-Z][\w-]*\s+)?([a-z]+)\b")


def pronoun_of_role_named_after(text: str, claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """A 'he' or 'she' left unnamed (nobody quoted before it) whose sentence opens with a role is the person the
    next claims name in that role."""
    for i, claim in enumerate(claims):
        if claim.speaker != "unnamed sources" or claim.speaker_mention not in ("he", "she", "He", "She"):
            continue
        opening = max(text.rfind(". ", 0, claim.start), text.rfind("\n", 0, claim.start)) + 1
        role = _OPENING_ROLE_RE.match(text, opening + (text[opening : opening + 1] == " "))
        if role is None or role.group(1) not in PERSON_ROLES:
            continue
        for later in claims[i + 1 :]:
            if later.start - claim.end > _REACH:
                break
            is_person = later.speaker != later.speaker_org and later.speaker != "unnamed sources"
            if is_person and role.group(1) in later.speaker_mention.lower():
                claims[i] = replace(claim, speaker=later.speaker, speaker_org=later.speaker_org)
                break
    return claims


# An unnamed role over a thing, as a lead opens: "The owner of the Homs textile mill that closed last year says P"
_ROLE_OF_THING_RE = re.compile(
    r"[Tt]he\s+([a-z]+)\s+of\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?([a-z][\w-]*)(?:\s+(?:that|which|who)\s.*)?"
)
_OWNING_ROLES = PERSON_ROLES | {"owner", "owners"}


def role_of_thing_named_after(claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """'The owner of the X mill says P' with no person quoted before it: the person the next claims name with that
    role or that thing ('"Q," said NAME, whose family ran the mill')."""
    for i, claim in enumerate(claims):
        if claim.speaker != claim.speaker_org or claim.speaker_mention[:4] not in ("The ", "the "):
            continue
        if any(earlier.speaker != earlier.speaker_org for earlier in claims[:i]):
            break  # someone was quoted before: the description may refer back to them
        held = _ROLE_OF_THING_RE.fullmatch(claim.speaker_mention)
        if held is None or held.group(1) not in _OWNING_ROLES:
            continue
        words = {held.group(1), held.group(2)}
        for later in claims[i + 1 :]:
            if later.start - claim.end > _REACH:
                break
            is_person = later.speaker != later.speaker_org and later.speaker != "unnamed sources"
            if is_person and words & set(re.findall(r"[a-z]+", later.speaker_mention.lower())):
                claims[i] = replace(claim, speaker=later.speaker, speaker_org=later.speaker_org)
                break
    return claims


def named_after(text: str, claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """Every rule above, in order, over a document's claims."""
    return role_of_thing_named_after(pronoun_of_role_named_after(text, pairs_named_after(claims)))
