"""A speaker named in apposition to the mention's head: a person after a role ("The UN envoy for Syria, Geir
Pedersen,"), one of several sources, a document's signer, a state's delegate, a body by its acronym or name, the name
or code a witness is identified by (claim annotation guideline, "Speaker"); and whether a head is a role at all.
"""

import re

from consumers.claims.aliases import TITLES
from consumers.claims.context import WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.documents import DOCUMENT_HEADS
from consumers.claims.resolve.organisations import org_from_phrase
from consumers.claims.resolve.people import person_name, resolve_named
from consumers.claims.resolve.unnamed import is_unnamed, resolve_unnamed
from consumers.claims.resolve.words import PERSON_ROLES, has_proper_name
from consumers.claims.sources.appositive_names import (
    BODY_KINDS,
    FIRM_ROLE_RE,
    KIN_ROLE_RE,
    ONE_WORD_NAME_RE,
    THE_BODY_NAME_RE,
)
from consumers.claims.speakers import canonical_org, country_of, is_known_org

# "signed by Deputy Finance Minister Lina Haddad": a minister by the ministry's subject
_SIGNED_BY_MINISTER_RE = re.compile(
    r"\bsigned\s+by\s+(?:(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:Deputy|Vice|Assistant)\s+)?([A-Z][a-z]+)\s+[Mm]inister\b"
)
_ONE_OF_GROUP_RE = re.compile(r"(?:[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree)\s+of\s+(?:them|the\s+[a-z][\w-]*s)")
# (with the lower-case particles of European and Arabic names: "Marieke de Vries", "Ali bin Hamad")
_APPOSITIVE_NAME_RE = re.compile(
    r"[A-ZÀ-ÖØ-ÞŞŠŽĞİŁŚŹŻČĆ][\w'’.-]+(?:\s+(?:(?:de|van|der|den|von|da|di|du|la|le|bin|ibn)\s+)?"
    r"(?:[A-ZÀ-ÖØ-ÞŞŠŽĞİŁŚŹŻČĆ][\w'’.-]+|al-[\w'’-]+)){1,4}"
)
# A participle giving the name or code someone is known by in the text: "identified in court only as P17", "known
# only as Abu Khaled", "referred to as Witness Z-30"
_IDENTIFIED_AS_RE = re.compile(
    r"(?:identified|known|named|referred\s+to)\s+(?:(?:in|to|by)\s+(?:the\s+)?[\w'’-]+\s+)?(?:only\s+)?as\s+[\"“]?"
    # (a court's code may be quoted and hold a space: 'identified only as "Witness 7"')
    r"((?:[A-Z][\w'’-]*\d[\w-]*|[A-Z]-?\d[\w-]*)|[A-Z][a-z]+\s\d{1,3}[A-Za-z]?(?=[\"”])"
    r"|(?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+)){0,3})"
    r"[\"”]?(?=\s|,|$)"
)
# "the forensic anthropologist Marta Quiroga": lower-case role words, then a name
_ROLE_THEN_NAME_RE = re.compile(r"the\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(" + _APPOSITIVE_NAME_RE.pattern + ")")
_APPOSITIVE_NAME_OF_RE = re.compile(r"(.+?)\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5}")
_STATE_DELEGATE_RE = re.compile(r"the\s+(?:representative|delegate|permanent\s+representative)\s+of\s+(?:the\s+)?[A-Z]")
# One of several sources, described by an indefinite apposition: "The third source, a Syrian official,".
_ONE_SOURCE_RE = re.compile(
    r"^(?:[Tt]he|[Oo]ne|[Aa]nother|[Aa])\s+(?:(?:first|second|third|fourth|fifth|other|last|remaining)\s+)?"
    r"(?:source|person|official)$"
)
_PRESIDING_OF_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:[Dd]eputy|[Ff]irst)\s+)?(?:Speaker|speaker|[Cc]hairman|[Cc]hairwoman|[Cc]hair)\s+of\s+"
    r"(?:the\s+)?(.+)$"
)
_BARE_SPOKESMAN_RE = re.compile(r"(?:[Aa]n?|[Tt]heir|[Ii]ts)\s+spokes(?:man|woman|person)$")


# A firm's name after its kind, perhaps with who owns it: "the state-owned General Company for Water Projects"
_OWNED_BODY_NAME_RE = re.compile(
    r"the\s+(?:(?:state|government|privately|family)-(?:owned|run)\s+|private\s+|public\s+)?"
    r"([A-Z][\w'’-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’-]*)){1,7}(?<=[a-z]))"
)


def named_by_apposition(ctx: DocumentContext, start: int, head: str, appos: str) -> Speaker | None:
    """The speaker a (non-empty) apposition names: a person after a role, a state's delegate, a body by its acronym or
    name, who one of several sources is; None when the apposition names none."""
    if appos and _APPOSITIVE_NAME_RE.fullmatch(appos) and _is_role(head):
        # "The UN envoy for Syria, Geir Pedersen": the name is the head, the role gives the organisation
        return resolve_named(ctx, start, appos, "", org_hint=_org_of_role(ctx, start, head))
    if " of " in head and _ONE_OF_GROUP_RE.fullmatch(head) and _APPOSITIVE_NAME_RE.fullmatch(appos):
        return resolve_named(ctx, start, appos, "")  # "one of them, Samir Seifan,": the one named
    signed = _SIGNED_BY_MINISTER_RE.search(appos) if "signed by " in appos else None
    if signed is not None and WORDS_RE.findall(head.lower())[-1] in DOCUMENT_HEADS:
        # "The memo, dated May 12 and signed by Deputy Finance Minister NAME, says": the signer's ministry speaks
        canon = canonical_org(f"{signed.group(1)} Ministry", ctx.country or country_of(signed.group()) or "Syrian")
        return Speaker(canon, canon, False)
    role_named = _ROLE_THEN_NAME_RE.fullmatch(appos) if appos[:4] == "the " else None
    if role_named and role_named.group(1).split()[-1] in PERSON_ROLES and _is_role(head):
        # "A second witness, the forensic anthropologist Marta Quiroga,": the name after the role the apposition gives
        return resolve_named(ctx, start, role_named.group(2), "")
    if " of " in appos or " from " in appos:
        named = _APPOSITIVE_NAME_OF_RE.fullmatch(appos)
        if named and _APPOSITIVE_NAME_RE.fullmatch(named.group(1)) and _is_role(head):
            # "The bill's author, Georges Atallah of the Free Patriotic Movement": the name, of the body named after it
            return resolve_named(ctx, start, appos, "")
    given = None
    if appos.startswith(("identified ", "known ", "named ", "referred ")) and not has_proper_name(head):
        given = _IDENTIFIED_AS_RE.match(appos)
    elif "identified " in appos and not has_proper_name(head) and (
            coded := _IDENTIFIED_AS_RE.search(appos)) is not None and not appos[coded.end() :].strip():
        given = coded
    if given is not None:
        # ("The witness, a former nurse who ... was identified in court only as "Witness 3",": the code ends it)
        # "The witness, identified in court only as P17 to protect relatives, said": the name or code given (after a
        # name, "Omar Haddad, known as Abu Layla,", the alias is the name's, as resolve_named knows)
        name = given.group(1)
        return ctx.people.get(name.lower()) or Speaker(name, "", True)
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
    if appos[:4] == "the " and FIRM_ROLE_RE.fullmatch(head) \
            and (owned := _OWNED_BODY_NAME_RE.fullmatch(appos)) is not None:
        canon = canonical_org(owned.group(1))  # "The contractor, the state-owned General Company for X,": by its name
        return Speaker(canon, canon, False)
    if appos[:1].isupper() and ONE_WORD_NAME_RE.fullmatch(appos) and FIRM_ROLE_RE.fullmatch(head):
        return Speaker(appos, appos, False)  # "The firm he cites, Nordtherm,": the company by its name
    if appos[:1].isupper() and ONE_WORD_NAME_RE.fullmatch(appos) and KIN_ROLE_RE.fullmatch(head):
        return ctx.people.get(appos.lower()) or Speaker(appos, "", True)  # "His wife, Samira,": by her first name
    if appos[:2] in ("a ", "an") and _ONE_SOURCE_RE.match(head) and is_unnamed(appos):
        return resolve_unnamed(ctx, start, appos)  # "A second source, a member of X's team, said": who the source is
    return None


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


def _is_role(head: str) -> bool:
    words = WORDS_RE.findall(head.lower())
    if words and words[0] in ("the", "a", "an") and _is_role_word(words[-1]):
        return True  # "the Deputy Regional Humanitarian Coordinator", "The OPCW Director-General": capitalised roles
    if words and words[0] in ("the", "a", "an", "its", "his", "her") and not has_proper_name(head):
        return True
    if "of" in words[2:] and words[0] == "the" and _is_title_or_role(words[words.index("of", 2) - 1]):
        return True  # "The Grand Mufti of Syria, Sheikh NAME,": a capitalised office over a place
    if "for" in words[2:] and words[0] in ("the", "a", "an") and _is_role_word(words[words.index("for", 2) - 1]):
        return True  # "The Humanitarian Coordinator for the Syria Crisis, NAME,": a role over a named programme
    return bool(set(words) & PERSON_ROLES and not person_name(head.split())[0])


def _is_title_or_role(word: str) -> bool:
    return word in TITLES or _is_role_word(word)


def _is_role_word(word: str) -> bool:
    """A role, or a hyphenated compound of one: "director-general", "secretary-general", "vice-president"."""
    return word in PERSON_ROLES or ("-" in word and any(part in PERSON_ROLES for part in word.split("-")))
