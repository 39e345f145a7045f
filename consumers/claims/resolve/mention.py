"""Speaker mentions -> canonical speakers, with the document as context (claim annotation guideline, "Speaker").

Pronouns and definite descriptions ("he", "the spokesman", "the board") go back to the speaker or organisation
they refer to; surnames go to the fullest name used earlier; unnamed members of an organisation become the
organisation; other unnamed sources become "unnamed sources".
"""

import re
from collections.abc import Callable

from consumers.claims.aliases import TITLES
from consumers.claims.context import HISTORY_WINDOW, ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.body_antecedents import GENERIC_ORG_NOUNS
from consumers.claims.resolve.descriptions import resolve_definite
from consumers.claims.resolve.documents import DOCUMENT_HEADS, resolve_document
from consumers.claims.resolve.heads import before_preposition, rules_for
from consumers.claims.resolve.organisations import org_from_phrase, org_with_context
from consumers.claims.resolve.people import person_name, resolve_named
from consumers.claims.resolve.pronouns import resolve_pronoun
from consumers.claims.resolve.role_holders import name_near_role
from consumers.claims.resolve.unnamed import is_unnamed, resolve_unnamed
from consumers.claims.resolve.words import PERSON_ROLES, fuller_name_before, has_proper_name
from consumers.claims.sources import SOURCE_NOUNS
from consumers.claims.sources.appositive_names import (
    BODY_KINDS,
    FIRM_ROLE_RE,
    KIN_ROLE_RE,
    ONE_WORD_NAME_RE,
    THE_BODY_NAME_RE,
)
from consumers.claims.sources.phrases import GROUP_CALLED_NAME
from consumers.claims.sources.words import is_outlet
from consumers.claims.speakers import canonical_org, country_of, is_known_org

_COUNTRY_OWNER_RE = re.compile(r"[A-Z][\w-]*['’]s\s+(?=[A-Z])")
_STANCE_BEFORE_NAME_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?:pro-[\w-]+|opposition|[A-Z][\w-]*-(?:backed|funded))\s+(?=[A-Z])"
)
_RELAYED_BY_RE = re.compile(r"\s+(?:quoted|cited)\s+by\s+.*$")
_INTERLOCUTOR_RE = re.compile(r"\binterlocutor(?=s?\b)")
_OUTLET_INTERLOCUTOR_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:agency|newspaper|paper|daily|channel|outlet|website|broadcaster|radio|station|publication)"
    r"['’]s\s+interlocutors?")
# "signed by Deputy Finance Minister Lina Haddad": a minister by the ministry's subject
_SIGNED_BY_MINISTER_RE = re.compile(
    r"\bsigned\s+by\s+(?:(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:Deputy|Vice|Assistant)\s+)?([A-Z][a-z]+)\s+[Mm]inister\b"
)
_CHANNEL_WORDS = ("channel", "account", "page", "website", "portal", "dashboard", "database")
# A body's own channel, account, page or data portal: "the governorate's official Telegram channel", "the ministry's
# Facebook page", "UNHCR's operational data portal"
_OWNED_CHANNEL_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+)*[a-zA-Z][\w'’-]*)['’]s\s+(?:official\s+)?(?:[A-Z][\w-]*\s+)?"
    r"(?:channel|account|page|website|(?:[a-z]+\s+){0,2}(?:portal|dashboard|database))"
)
# A named body's own office that answers for it: "the al-Hamra Theatre's box office", "the Opera House's press office"
_OWNED_OFFICE_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:(?:[A-Z]|al-)[\w'’-]*\s+)*(?:[A-Z]|al-)[\w'’-]*)['’]s\s+"
    r"(?:press|media|box|ticket|information|public\s+relations)\s+office"
)
# The place a body's local office sits in, after "office": "the WHO office in Damascus", "its office in Erbil"
_OFFICE_IN_PLACE_RE = re.compile(r"(?<=\soffice)\s+in\s+(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+")
_SPELLING_ASIDE_RE = re.compile(r"\s*\((?:also\s+)?(?:spelled|spelt|written|transliterated)\s+[^()]{1,40}\)$")
_ONE_OF_GROUP_RE = re.compile(r"(?:[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree)\s+of\s+(?:them|the\s+[a-z][\w-]*s)")
_DRAWN_ON_RE = re.compile(r"\s+(?:interviewed|quoted|contacted|consulted)\s+(?:for|in)\s+this\s+\w+$")
_SPOKE_TO_RE = re.compile(r"\s+who\s+(?:spoke|talked|speak|talk)\s+(?:to|with)\s+.*$")
_WRITER_MET_RE = re.compile(r"\s+(?:I|we)\s+(?:spoke|talked|met|interviewed|visited)\b.*$")


def resolve_mention(ctx: DocumentContext, start: int, end: int, head_end: int) -> Speaker:
    """The canonical speaker behind the mention text[start:end] (head text[start:head_end], then an apposition)."""
    head = " ".join(ctx.text[start:head_end].split()).strip(" ,")
    appos = " ".join(ctx.text[head_end:end].split()).strip(" ,")
    if head.endswith(")") and (spelled := _SPELLING_ASIDE_RE.search(head)) is not None:
        head = head[: spelled.start()]  # "Rubar Xelil (also spelled Khalil)": the name, with a note on its spelling
    if " I " in head or " we " in head:
        head = _WRITER_MET_RE.sub("", head)  # "Business owners I spoke to in Aleppo": whom the writer met
    if " familiar with " in head:
        # "Two diplomats familiar with the letter": who knows of the letter, not the letter's issuer
        head = head[: head.index(" familiar with ")]
    if " who " in head and (" to " in head or " with " in head):
        head = _SPOKE_TO_RE.sub("", head)  # "Camp residents who spoke to Rudaw": the residents, not the outlet
    if "for this " in head or "in this " in head:
        head = _DRAWN_ON_RE.sub("", head)  # "the analysts interviewed for this article": the analysts
    if "pro-" in head or "opposition " in head or "-backed " in head or "-funded " in head:
        # "Turkey's pro-government Yeni Safak said", "the opposition Syrian Negotiation Commission", "Gulf-backed
        # Levant Cement": the stance or backer (and the country) describe the name that speaks
        head = _STANCE_BEFORE_NAME_RE.sub("", head)
    if "s " in head and (owner := _COUNTRY_OWNER_RE.match(head)) and country_of(owner.group()) \
            and is_outlet(head[owner.end() :]) and not is_known_org(head):
        head = head[owner.end() :]  # "Israel's Channel 12 reported": the channel by its name, wherever it airs
    if " by " in head:
        head = _RELAYED_BY_RE.sub("", head)  # "A ministry source quoted by the paper": the source, not the paper
    if "interlocutor" in head and _OUTLET_INTERLOCUTOR_RE.fullmatch(head):
        # '"Q," the agency's interlocutor stressed': whoever spoke to the agency, quoted last (not the agency, though
        # the text names TASS or Sputnik an agency)
        spoke = next((s for s, _ in reversed(ctx.history[-HISTORY_WINDOW:]) if not is_outlet(s.name)), None)
        if spoke is not None:
            return spoke
    if "interlocutor" in head:
        # "According to the newspaper's interlocutor" (a calque of Russian and French press usage): its source
        head = _INTERLOCUTOR_RE.sub("source", head)
    channel = _OWNED_CHANNEL_RE.match(ctx.text, start, head_end) if head.endswith(_CHANNEL_WORDS) else None
    if channel is not None and channel.end() == head_end:
        # "The governorate's official Telegram channel said": the owner speaks through its channel
        return resolve_mention(ctx, start, channel.end(1), channel.end(1))
    office = _OWNED_OFFICE_RE.match(ctx.text, start, head_end) if head.endswith(" office") else None
    if office is not None and office.end() == head_end:
        return resolve_mention(ctx, start, office.end(1), office.end(1))  # the office answers for its body
    if " office in " in head and (local := _OFFICE_IN_PLACE_RE.search(ctx.text, start, head_end)) is not None \
            and local.end() == head_end:
        # "the WHO office in Damascus said": a body's local office answers for the body, not for a body of its own
        body = resolve_mention(ctx, start, local.start(), local.start())
        if not body.is_person and is_known_org(body.name):
            return body
    speaker = _named_by_apposition(ctx, start, head, appos) if appos else None
    if speaker is None:
        speaker = _named_after_all(ctx, start, end, head_end, head)
    if speaker is None and head[:2] in ("A ", "An") and ctx.text.find("The ", end, end + 800) >= 0:
        speaker = _witness_named_next(ctx, end, head)
    if speaker is None and not appos and ctx.text.startswith(_SELF_NAMING_OPENINGS, end) \
            and _SELF_NAMING_NEXT_RE.match(ctx.text, end):
        # 'A group calling itself "X" claimed responsibility ... and said P': the subject of "and said" is the head
        # only; the name it gives itself follows
        speaker = _named_by_itself(ctx.text[end : end + 120])
    if speaker is None and ("itself" in head or "themselves" in head or " called " in head):
        speaker = _named_by_itself(head)  # "An armed group calling itself Saraya al-Tahrir said", "a group called X"
    elif speaker is None and appos.startswith(("calling ", "called ", "that call", "which call", "who call")):
        speaker = _named_by_itself(appos)  # "Eleven factions, calling themselves X,"
    if speaker is None:
        speaker = _resolve_by_head_rules(ctx, start, head, appos)
    if speaker is None:
        raise AssertionError("the last rule of every head resolves")  # rules_for ends with an unconditional rule
    return speaker


def _named_by_apposition(ctx: DocumentContext, start: int, head: str, appos: str) -> Speaker | None:
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
    if appos.startswith(("identified ", "known ", "named ", "referred ")) and not has_proper_name(head) and (
            given := _IDENTIFIED_AS_RE.match(appos)) is not None:
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
    if appos[:1].isupper() and ONE_WORD_NAME_RE.fullmatch(appos) and FIRM_ROLE_RE.fullmatch(head):
        return Speaker(appos, appos, False)  # "The firm he cites, Nordtherm,": the company by its name
    if appos[:1].isupper() and ONE_WORD_NAME_RE.fullmatch(appos) and KIN_ROLE_RE.fullmatch(head):
        return ctx.people.get(appos.lower()) or Speaker(appos, "", True)  # "His wife, Samira,": by her first name
    if appos[:2] in ("a ", "an") and _ONE_SOURCE_RE.match(head) and is_unnamed(appos):
        return resolve_unnamed(ctx, start, appos)  # "A second source, a member of X's team, said": who the source is
    return None


def _named_after_all(ctx: DocumentContext, start: int, end: int, head_end: int, head: str) -> Speaker | None:
    """'a team member who gave his name as Yasser al-Hussein': an unnamed source named after all, or None."""
    limit = min(len(ctx.text), max(end, head_end) + 160)
    # (the pattern holds "who": a substring test first skips it for most mentions)
    given = _NAME_GIVEN_RE.match(ctx.text, head_end, limit) if ctx.text.find("who", head_end, limit) >= 0 else None
    if given and not has_proper_name(before_preposition(head)):
        return resolve_named(ctx, start, given.group(1), "")
    return None


def _witness_named_next(ctx: DocumentContext, end: int, head: str) -> Speaker | None:
    """'A former detainee told the court that P. The witness, identified only as P17, said Q': the unnamed person first
    quoted is the witness the next sentences name (court reports name a witness after the lead); None if not so."""
    person = before_preposition(head)  # "A former officer on trial in Oslo": the person, not the place
    if not _INDEFINITE_PERSON_RE.fullmatch(person) or has_proper_name(person):
        return None
    # (or by age or standing in the trial: "The 51-year-old, identified only as Rami H., is charged")
    witness = _WITNESS_NEXT_RE.search(ctx.text, end, end + 800)
    if witness is None or _ANOTHER_INDEFINITE_RE.search(ctx.text, end, witness.start()) is not None:
        return None  # another unnamed source in between could be the witness
    given = _WITNESS_NAME_RE.match(ctx.text, witness.end(), witness.end() + 260)
    if given is None:
        return None
    name = given.group(1)
    return ctx.people.get(name.lower()) or Speaker(name, "", True)


def _named_by_itself(phrase: str) -> Speaker | None:
    """The group by the name it gives itself in the phrase ("calling itself X", "a group called X"), or None."""
    calls = _CALLS_ITSELF_RE.search(phrase) or _GROUP_CALLED_RE.search(phrase)
    if calls is None:
        return None
    canon = canonical_org(calls.group(1))
    return Speaker(canon, canon, False)


def _resolve_by_head_rules(ctx: DocumentContext, start: int, head: str, appos: str) -> Speaker | None:
    """The speaker from the first of the head's rules that finds one in the document (heads.rules_for)."""
    for rule, arg in rules_for(head):
        speaker = _RULES[rule](ctx, start, head, appos, arg)
        if speaker is not None:
            return speaker
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


# A rule resolves the mention in its document (ctx, start, head, appos, the rule's argument), or returns None when
# the document holds no antecedent and the next rule applies.
_Rule = Callable[[DocumentContext, int, str, str, str], Speaker | None]
_UNNAMED_SOURCES = Speaker("unnamed sources", "", False)


_PRESIDING_OF_RE = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:[Dd]eputy|[Ff]irst)\s+)?(?:Speaker|speaker|[Cc]hairman|[Cc]hairwoman|[Cc]hair)\s+of\s+"
    r"(?:the\s+)?(.+)$"
)
_BARE_SPOKESMAN_RE = re.compile(r"(?:[Aa]n?|[Tt]heir|[Ii]ts)\s+spokes(?:man|woman|person)$")


def _owner_name(ctx: DocumentContext, start: int, head: str, appos: str, name: str) -> Speaker:
    org = ctx.org_before(start, "")  # the name speaks for the organisation named before
    return resolve_named(ctx, start, name, appos, org_hint=org)


def _owner_org(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker | None:
    org = ctx.org_before(start, "")
    return Speaker(org, org, False) if org else None


def _members(ctx: DocumentContext, start: int, head: str, appos: str, org: str) -> Speaker:
    words = org.lower().split()
    if len(words) == 2 and words[0] == "the" and org[4:5].islower() \
            and (words[1] in ORG_WORDS or words[1] in GENERIC_ORG_NOUNS):
        # "The ministry's statement", "the army's spokesmen": the body the kind refers back to, as "the ministry"
        return resolve_definite(ctx, start, org, words)
    canon = org_with_context(ctx, start, org)
    if not is_known_org(canon) and org[:1].isupper():
        # "The International Stadium's management": the "Aleppo International Stadium" named before
        canon = org_with_context(ctx, start, fuller_name_before(ctx, start, org))
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
    opening = ctx.sentence_start(start)
    pair = _PAIR_SUBJECT_RE.match(ctx.text, opening + (ctx.text[opening : opening + 1] in ". \n"), start)
    if pair is None:
        return None
    # "The KNC and the PYD held their first meeting, both sides told X": the two bodies the sentence opens with
    canon = f"{canonical_org(pair.group(1))} and {canonical_org(pair.group(2))}"
    return Speaker(canon, "", False)


def _definite(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker:
    return resolve_definite(ctx, start, head, WORDS_RE.findall(head.lower()))


def _office_holder(ctx: DocumentContext, start: int, head: str, appos: str, role: str) -> Speaker | None:
    return _resolve_by_head_rules(ctx, start, role, appos)  # "the governor's office": as the governor


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
    # a newsreader only reads the statement out (guideline, conduit rule): the statement's issuer speaks
    "reader": lambda ctx, start, head, appos, arg: resolve_document(ctx, start, "the statement"),
    "definite": _definite,
    "named": lambda ctx, start, head, appos, arg: resolve_named(ctx, start, head, appos),
    "kin_named": lambda ctx, start, head, appos, name: resolve_named(ctx, start, name, appos),
    "outlet": lambda ctx, start, head, appos, name: Speaker(canonical_org(name), canonical_org(name), False),
    "body": lambda ctx, start, head, appos, name: Speaker(name, name, False),
}


# A sentence opening with two bodies (after any dateline): "The Kurdish National Council and the Democratic Union
# Party (PYD) held ..."
_BODY_NAME = r"[A-Z][\w'’-]*(?:\s+(?:of|for|the|[A-Z][\w'’-]*))*?"
_PAIR_SUBJECT_RE = re.compile(
    rf"\s*(?:[A-Z][^\n]{{0,60}}?\s[–—-]\s+)?[Tt]he\s+({_BODY_NAME})\s+and\s+the\s+({_BODY_NAME})"
    r"(?:\s+\([A-Z]{2,}\))?\s+(?:have\s+|has\s+)?[a-z]+"
)
# (with the lower-case particles of European and Arabic names: "Marieke de Vries", "Ali bin Hamad")
_APPOSITIVE_NAME_RE = re.compile(
    r"[A-Z][\w'’.-]+(?:\s+(?:(?:de|van|der|den|von|da|di|du|la|le|bin|ibn)\s+)?(?:[A-Z][\w'’.-]+|al-[\w'’-]+)){1,4}"
)
# A participle giving the name or code someone is known by in the text: "identified in court only as P17", "known
# only as Abu Khaled", "referred to as Witness Z-30"
_IDENTIFIED_AS_RE = re.compile(
    r"(?:identified|known|named|referred\s+to)\s+(?:(?:in|to|by)\s+(?:the\s+)?[\w'’-]+\s+)?(?:only\s+)?as\s+"
    r"((?:[A-Z][\w'’-]*\d[\w-]*|[A-Z]-?\d[\w-]*)|(?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+)){0,3})"
    r"(?=\s|,|$)"
)
# "the forensic anthropologist Marta Quiroga": lower-case role words, then a name
_ROLE_THEN_NAME_RE = re.compile(r"the\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(" + _APPOSITIVE_NAME_RE.pattern + ")")
_APPOSITIVE_NAME_OF_RE = re.compile(r"(.+?)\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5}")
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
# An unnamed person by an indefinite description in lower case: "A former military police officer"
# (a country adjective allowed: "A former Syrian intelligence officer"; has_proper_name rules out other names)
_INDEFINITE_PERSON_RE = re.compile(r"An?\s+(?:[a-zA-Z][\w-]*\s+){0,3}[a-z][\w-]*")
_WITNESS_NEXT_RE = re.compile(r"The\s+(?:witness|defendant|accused|\d{1,3}-year-old),\s")
# A sentence opening with another unnamed source: "A second former guard said", "An activist told"
_ANOTHER_INDEFINITE_RE = re.compile(r"(?:[.!?][\"”]?\s+|\n\s*)An?\s+[a-z]")
# The name or code the witness's apposition gives: "a defector who gave his name as NAME", "identified only as P17"
_WITNESS_NAME_RE = re.compile(
    # (the rules it is given under, "identified under Swedish privacy rules only as", and a name cut to its
    # initial, "Rami H.", as European courts name defendants)
    r"[^,.;]{0,120}?(?:gave\s+(?:his|her)\s+(?:full\s+)?name\s+as|(?:identified|known|referred\s+to)\s+"
    r"(?:(?:in|to|by|under)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?(?:only\s+)?as)\s+"
    r"((?:[A-Z][\w'’-]*\d[\w-]*|[A-Z]-?\d[\w-]*)|(?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+)){0,3}"
    r"(?:\s+[A-Z]\.(?=,))?)"
    r"(?=\s|,|$)"
)
_STATE_DELEGATE_RE = re.compile(r"the\s+(?:representative|delegate|permanent\s+representative)\s+of\s+(?:the\s+)?[A-Z]")
# One of several sources, described by an indefinite apposition: "The third source, a Syrian official,".
_ONE_SOURCE_RE = re.compile(
    r"^(?:[Tt]he|[Oo]ne|[Aa]nother|[Aa])\s+(?:(?:first|second|third|fourth|fifth|other|last|remaining)\s+)?"
    r"(?:source|person|official)$"
)
_GROUP_CALLED_RE = re.compile(GROUP_CALLED_NAME)
_SELF_NAMING_OPENINGS = (" call", ", call", " that", ", that", " which", ", which", " who", ", who")
_SELF_NAMING_NEXT_RE = re.compile(r",?\s+(?:calling|called|that\s+calls|which\s+calls|who\s+call)\s")
_CALLS_ITSELF_RE = re.compile(
    r"\b(?:calling|calls|call|called)\s+(?:itself|themselves)\s+(?:the\s+)?[\"“'‘]?"
    r"((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:(?:[A-Z0-9]|al-)[\w'’-]*|of|for|the|and|in)){0,6})"
)


def _is_role(head: str) -> bool:
    words = WORDS_RE.findall(head.lower())
    if words and words[0] in ("the", "a", "an") and _is_role_word(words[-1]):
        return True  # "the Deputy Regional Humanitarian Coordinator", "The OPCW Director-General": capitalised roles
    if words and words[0] in ("the", "a", "an", "its", "his", "her") and not has_proper_name(head):
        return True
    if "of" in words[2:] and words[0] == "the" and _is_title_or_role(words[words.index("of", 2) - 1]):
        return True  # "The Grand Mufti of Syria, Sheikh NAME,": a capitalised office over a place
    return bool(set(words) & PERSON_ROLES and not person_name(head.split())[0])


def _is_title_or_role(word: str) -> bool:
    return word in TITLES or _is_role_word(word)


def _is_role_word(word: str) -> bool:
    """A role, or a hyphenated compound of one: "director-general", "secretary-general", "vice-president"."""
    return word in PERSON_ROLES or ("-" in word and any(part in PERSON_ROLES for part in word.split("-")))
