"""Speakers a claim's mention could not give until later claims named them: a definite role resolved to its body
before its holder is named ('Syria's interim justice minister acknowledged P. "Q," NAME told reporters'), a wire
lead's indefinite role ('P, a senior doctor said. Dr. NAME, who heads the ward, told X'), bare police before the
police body is named (claim annotation guideline, "Speaker": descriptions resolve to whom they refer to)."""

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from consumers.claims.resolve.words import PERSON_ROLES
from consumers.claims.speakers import country_of, is_known_org

if TYPE_CHECKING:
    from consumers.claims.claim import ExtractedClaim

# A definite role that stands for the person before the name is given: "the UN's humanitarian chief",
# "Syria's interim justice minister" (an indefinite "a ministry spokesman" is the organisation, guideline).
_DEFINITE_ROLE_RE = re.compile(
    r"^(?:the\s+|its\s+|their\s+|[\w-]+['’]s\s+)(?:[\w'’-]+\s+){0,3}"
    r"(?P<role>minister|spokes(?:man|woman|person)|chief|envoy|"
    r"ambassador|commander|director|head|president|governor|mayor|secretary|coordinator|official)"
    # the region or file the role covers: "The State Department's top official for the Middle East"
    r"(?:\s+(?:for|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    # or the state's ministry it serves: "The spokeswoman for Egypt's Ministry of Foreign Affairs"
    r"(?:\s+for\s+(?:the\s+)?[A-Z][\w-]*['’]s\s+Ministry\s+of\s+[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,2})?$",
    re.IGNORECASE,
)


_INDEFINITE_RE = re.compile(r"(?:[Aa]n?|[Oo]ne)\s")


def named_later(text: str, claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """A forward reference: 'Syria's interim justice minister acknowledged P. "Q," Mazhar al-Wais told reporters.'

    The role was resolved to its organisation when no one had been named yet; when the next claims name a person
    for the first time, within the next two sentences or so, with no other organisation, the role was that person."""
    out = list(claims)
    for i, claim in enumerate(claims):
        # (resolved to its body, or to no one: "the region's interior minister said" of a region no body names)
        unresolved = claim.speaker == claim.speaker_org or claim.speaker == "unnamed sources"
        definite = _DEFINITE_ROLE_RE.match(claim.speaker_mention) if unresolved else None
        if definite is None:
            continue
        role = definite.group("role")
        at = text.find(claim.speaker_mention)
        # (search and find with an end position: a slice of the text before each claim copied the document per claim)
        if at < 0 or re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE).search(text, 0, at):
            continue  # "A field commander told SANA ... The commander added": the role refers back, not forward
        for later in claims[i + 1 : i + 4]:
            if later.start - claim.end > 400:
                break
            if later.speaker == later.speaker_org or later.speaker_org not in ("", claim.speaker_org):
                continue  # an organisation, or a person of another one
            if _INDEFINITE_RE.match(later.speaker_mention):
                continue  # "A church volunteer, who gave his name only as Elias": someone new, not the role holder
            surname = later.speaker.split()[-1]
            if surname not in later.speaker_mention or text.find(surname, 0, claim.start) >= 0:
                break  # a pronoun, or a person named before the role
            # ("its director": whose role the text has not said, so the person's own organisation)
            org = later.speaker_org if claim.speaker_mention[:4].lower() in ("its ", "thei") else claim.speaker_org
            for k in range(i, claims.index(later)):
                if out[k].speaker_mention == claim.speaker_mention and out[k].speaker == claim.speaker:
                    out[k] = replace(out[k], speaker=later.speaker, speaker_org=org)
            break
    return out


# An indefinite role in a lead: "a senior doctor", "a local official" (its role word in group 1)
_LEAD_ROLE_RE = re.compile(r"[Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}([a-z]+)")
# An indefinite role of a body named by an acronym or a capitalised word: "a senior UN official", "a WHO spokesperson"
_LEAD_BODY_ROLE_RE = re.compile(r"[Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w.-]*\s+){1,3}([a-z]+)")
_ROLE_TITLE_WORDS = {"doctor": ("Dr ", "Dr. "), "professor": ("Prof ", "Prof. ", "Professor ")}


def lead_role_named_next(text: str, claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """'P, a senior doctor said on Sunday. Dr. Rojin Ahmed, who heads the ward, told X that Q': a wire lead gives the
    role, the next paragraph names its holder, so the lead's unnamed role and 'the doctor' after it are that person."""
    if len(claims) < 2 or text.find(". ", 0, claims[0].start) >= 0:
        return claims  # (only a claim of the text's first sentence)
    lead = claims[0]
    # (the lead's own further claims first: "P, a senior UN official said, warning that Q")
    named = next((c for c in claims[1:] if c.speaker_mention != lead.speaker_mention), claims[1])
    # "P, a senior UN official told the council. ... NAME, a UN coordinator, told the council": one of the body, named
    # (or of no body the text names: "Deputy Emergency Relief Coordinator NAME told the council" gives a title only)
    of_body = lead.speaker == lead.speaker_org != "" and named.speaker_org != "" and (
        named.speaker_org == lead.speaker_org
        or not (is_known_org(named.speaker_org) or country_of(f"{named.speaker_org} {named.speaker_mention}")))
    if lead.speaker != "unnamed sources" and not of_body:
        return claims
    role = _LEAD_ROLE_RE.fullmatch(lead.speaker_mention) or _LEAD_BODY_ROLE_RE.fullmatch(lead.speaker_mention)
    if role is None or role.group(1) not in PERSON_ROLES or named.start - lead.end > 400 \
            or named.speaker == named.speaker_org or named.speaker.startswith("unnamed"):
        return claims
    noun = role.group(1)
    titles = _ROLE_TITLE_WORDS.get(noun, ())
    if noun not in named.speaker_mention.lower() and not (titles and named.speaker_mention.startswith(titles)) \
            and not of_body:
        return claims
    if text.find(named.speaker.split()[-1], 0, lead.start) >= 0:
        return claims  # someone the text had named already, not the lead's role
    described = {lead.speaker_mention, f"the {noun}", f"The {noun}"}
    org = lead.speaker_org if of_body else named.speaker_org  # (the body the lead gave, over a bare title)
    return [replace(c, speaker=named.speaker, speaker_org=org)
            if c.speaker == lead.speaker and c.speaker_mention in described else c for c in claims]


# A bare police mention, perhaps with its country or city: "police said", "German police said"
_BARE_POLICE_RE = re.compile(r"(?:[A-Z][a-z]+\s+)?police$")


def police_named_after(claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """'P, police said. The Damascus Police Command said in a statement that Q': the bare police of a lead are the
    police body the next claim names (the lead's usual shape, the body named in full only afterwards)."""
    for i, claim in enumerate(claims[:-1]):
        if not claim.speaker_mention.endswith("police") or not _BARE_POLICE_RE.fullmatch(claim.speaker_mention):
            continue
        later = claims[i + 1]
        if "police " in later.speaker.lower() and not later.speaker_mention.endswith("police") \
                and later.start - claim.end < 400:
            claims[i] = replace(claim, speaker=later.speaker, speaker_org=later.speaker_org)
    return claims


# An indefinite person described by a noun and what they did or where they are: "A baker who was pulled from the
# rubble", "A teacher living above the shop" (the noun in group 1)
_DESCRIBED_RE = re.compile(
    r"(?:An?|an?)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]{3,})(?:,?\s+(?:who|whose|living|from|in|at|on|near)\b.*)?",
    re.DOTALL,
)
_PRONOUNS = frozenset(["he", "she", "He", "She"])
# The name after "The NOUN, ": two to four capitalised words ("Khaled Mansour", "Umm Ahmad al-Hassan")
_NAME_RE = r"((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+)){1,3})(?=,|\s+[a-z])"
# How far after the description the text may name the person
_NAMING_REACH = 1500


def described_then_named(text: str, claims: list["ExtractedClaim"]) -> list["ExtractedClaim"]:
    """'A baker who survived the strike says P. "Q," he said. ... The baker, Khaled Mansour, 52, reopened ...': the
    description and the pronouns after it are the person the text names later in apposition to 'The NOUN'."""
    for i, claim in enumerate(claims):
        if claim.speaker != "unnamed sources" or claim.speaker_mention[:1] not in ("A", "a"):
            continue
        described = _DESCRIBED_RE.fullmatch(claim.speaker_mention)
        if described is None:
            continue
        noun = described.group(1)
        named = re.compile(rf"\b[Tt]he\s+{noun},\s+{_NAME_RE}").search(text, claim.end, claim.end + _NAMING_REACH)
        if named is None:
            continue
        name = named.group(1)
        surname = name.split()[-1]
        if text.find(surname, 0, claim.start) >= 0:
            continue  # someone the text had named before the description
        # (a later claim under that name gives its resolved spelling and organisation)
        by_name = next((c for c in claims[i + 1 :] if c.speaker.split()[-1:] == [surname]), None)
        speaker, org = (by_name.speaker, by_name.speaker_org) if by_name is not None else (name, "")
        the_noun = (f"the {noun}", f"The {noun}")
        for k in range(i, len(claims)):
            later = claims[k]
            if later.start > named.start() or later.speaker != "unnamed sources" or (
                    k > i and later.speaker_mention not in _PRONOUNS and later.speaker_mention not in the_noun):
                break  # (the description's own claims and its pronouns, up to the naming)
            claims[k] = replace(later, speaker=speaker, speaker_org=org)
    return claims
