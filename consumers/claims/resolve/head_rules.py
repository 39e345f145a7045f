"""The rules heads.rules_for names for a mention's head, run on the document: each finds the speaker the head refers
to (an owner, the group or bodies quoted before, the person introduced, members of a body, a document's issuer, a
definite description, a name), or None so the next rule applies (claim annotation guideline, "Speaker").
"""

import re
from collections.abc import Callable

from consumers.claims.context import HISTORY_WINDOW, ORG_WORDS, WORDS_RE, DocumentContext, Speaker
from consumers.claims.resolve.body_antecedents import GENERIC_ORG_NOUNS
from consumers.claims.resolve.descriptions import resolve_definite
from consumers.claims.resolve.documents import resolve_document
from consumers.claims.resolve.heads import rules_for
from consumers.claims.resolve.organisations import org_with_context
from consumers.claims.resolve.people import resolve_named
from consumers.claims.resolve.pronouns import resolve_pronoun
from consumers.claims.resolve.role_holders import name_near_role
from consumers.claims.resolve.unnamed import resolve_unnamed
from consumers.claims.resolve.words import fuller_name_before
from consumers.claims.sources import SOURCE_NOUNS
from consumers.claims.speakers import canonical_org, country_of, is_known_org

# A sentence opening with two bodies (after any dateline): "The Kurdish National Council and the Democratic Union
# Party (PYD) held ..."
_BODY_NAME = r"[A-Z][\w'’-]*(?:\s+(?:of|for|the|[A-Z][\w'’-]*))*?"
_PAIR_SUBJECT_RE = re.compile(
    rf"\s*(?:[A-Z][^\n]{{0,60}}?\s[–—-]\s+)?[Tt]he\s+({_BODY_NAME})\s+and\s+the\s+({_BODY_NAME})"
    r"(?:\s+\([A-Z]{2,}\))?\s+(?:have\s+|has\s+)?[a-z]+"
)


def resolve_by_head_rules(ctx: DocumentContext, start: int, head: str, appos: str) -> Speaker | None:
    """The speaker from the first of the head's rules that finds one in the document (heads.rules_for)."""
    for rule, arg in rules_for(head):
        speaker = _RULES[rule](ctx, start, head, appos, arg)
        if speaker is not None:
            return speaker
    return None


# A rule resolves the mention in its document (ctx, start, head, appos, the rule's argument), or returns None when
# the document holds no antecedent and the next rule applies.
_Rule = Callable[[DocumentContext, int, str, str, str], Speaker | None]
_UNNAMED_SOURCES = Speaker("unnamed sources", "", False)


def _owner_name(ctx: DocumentContext, start: int, head: str, appos: str, name: str) -> Speaker:
    org = ctx.org_before(start, "")  # the name speaks for the organisation named before
    return resolve_named(ctx, start, name, appos, org_hint=org)


def _owner_org(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker | None:
    org = ctx.org_before(start, "")
    organ = _STATE_ORGAN_RE.fullmatch(head) if org.endswith(" government") else None
    if organ is not None and (country := country_of(org)):
        # "Moscow denied it. Its defence ministry said P": the state's ministry, not the state for it
        canon = canonical_org(f"{country} {organ.group(1)}")
        return Speaker(canon, canon, False)
    if ctx.history and not (owner := ctx.history[-1][0]).is_person and owner.org and owner.name != org \
            and 0 <= ctx.last_mention_end <= start and ctx.text.count(". ", ctx.last_mention_end, start) <= 1 \
            and org.endswith(" government") and ctx.org_before(ctx.last_mention_end, "") != org:
        # "The NRC estimates that P returned to Syria. Its own report says Q": the body just quoted, not the state
        # its content named
        return owner
    return Speaker(org, org, False) if org else None


# A state's organ after "its": "Its defence ministry", "its foreign ministry", "Its army"
_STATE_ORGAN_RE = re.compile(r"[Ii]ts\s+((?:[a-z]+\s+)?ministry|army|military|armed\s+forces)")


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


_DOER_PLURALS = ("eers", "ists", "ians", "ors")


def _group_before(ctx: DocumentContext, start: int, head: str, appos: str, arg: str) -> Speaker | None:
    """The last speaker quoted as a group ("two US officials", "the sources"), whatever it resolved to."""
    for speaker, mention in reversed(ctx.history[-HISTORY_WINDOW:]):
        words = WORDS_RE.findall(mention.lower())[:5]
        # (any plural of a doer too: "Two engineers who worked for X said P. One of them said Q")
        if any(w.endswith("s") and (w in SOURCE_NOUNS or w.endswith(_DOER_PLURALS)) for w in words):
            return speaker
    if ctx.history and not (last := ctx.history[-1][0]).is_person and last.name == last.org \
            and _group_at(last.name).search(ctx.text, max(0, start - 1500), start) is not None:
        return last  # "Two officials at the Foreign, Commonwealth and Development Office": the mention was the body's
    return None


def _group_at(body: str) -> re.Pattern[str]:
    """'Two officials at the BODY' (a group of its members before the body's name as quoted)."""
    return re.compile(rf"\b(?:{_GROUP_NOUNS})\s+(?:at|of|from|in|with|within)\s+the\s+{re.escape(body)}\b")


_GROUP_NOUNS = "officials|staff|employees|sources|diplomats|engineers|inspectors|workers|members|officers"


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
    if head in ("the authorities", "authorities") and (state := _state_opening(ctx, start)):
        return Speaker(state, state, False)  # "In Jordan, the authorities reported P": Jordan's, not a body before
    return resolve_definite(ctx, start, head, WORDS_RE.findall(head.lower()))


# A sentence opened by the country it is about: "In Jordan, the authorities reported"
_IN_COUNTRY_RE = re.compile(r"In\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),\s+")


def _state_opening(ctx: DocumentContext, start: int) -> str:
    """The government of the country opening the sentence of start as 'In COUNTRY, ' right before start, or ""."""
    opening = ctx.sentence_start(start)
    opening += len(ctx.text[opening:start]) - len(ctx.text[opening:start].lstrip(" .\n"))
    found = _IN_COUNTRY_RE.fullmatch(ctx.text, opening, start)
    state = canonical_org(found.group(1)) if found else ""
    return state if state.endswith(" government") else ""


def _office_holder(ctx: DocumentContext, start: int, head: str, appos: str, role: str) -> Speaker | None:
    return resolve_by_head_rules(ctx, start, role, appos)  # "the governor's office": as the governor


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
    "document": lambda ctx, start, head, appos, arg: resolve_document(ctx, start, head, appos),
    # a newsreader only reads the statement out (guideline, conduit rule): the statement's issuer speaks
    "reader": lambda ctx, start, head, appos, arg: resolve_document(ctx, start, "the statement"),
    "definite": _definite,
    "named": lambda ctx, start, head, appos, arg: resolve_named(ctx, start, head, appos),
    "kin_named": lambda ctx, start, head, appos, name: resolve_named(ctx, start, name, appos),
    "outlet": lambda ctx, start, head, appos, name: Speaker(canonical_org(name), canonical_org(name), False),
    "body": lambda ctx, start, head, appos, name: Speaker(name, name, False),
}

