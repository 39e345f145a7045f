"""Quotations whose cue is no reporting verb: a quoted call ('called on X to "Q"'), a quote after "asks" that holds a
statement, and an answer ('"No," replied X'). Tried only on sentences with a quotation and no claim of their own.

Guideline ("Not claims"): calls and demands are claims when directly quoted; questions are not claims, but a quote
that holds a statement and then a question is one claim (one contiguous quoted segment).
"""

import re

from consumers.claims import cues
from consumers.claims.attribution.spans import RawClaim
from consumers.claims.searches import DocumentSearches
from consumers.claims.segment import Quote
from consumers.claims.sources import Candidate, subject_left, subject_right

# "called on the Council to", "urged donors to", "appealed to both sides to": the quotation after "to" is the call
# and the noun: "renews its call on the authorities to", "repeated its urgent appeal to donors to"
_CALL_RE = re.compile(
    r"\b(?:(?:called|calls|calling)\s+on|urged|urges|urging|(?:appealed|appeals)\s+to"
    r"|(?:renew|reiterat|repeat|issu)(?:e[sd]|s|ed)?\s+(?:its|his|her|their|a|an)\s+(?:[a-z]+\s+)?(?:call|appeal)s?\s+"
    r"(?:on|to))\b"
)
_TO_END_RE = re.compile(r"\bto\s+$")
# "a teacher asks:", "he asked," just before the quotation
_ASK_BEFORE_RE = re.compile(r"\b(asks|asked)\s*[:,]?\s*$")
# A lead naming what someone said, ending with a colon: "Here is what he said about the strikes:"
_WHAT_LEAD_RE = re.compile(
    r"\b(?:[Hh]ere\s+is|[Hh]ere['’]s|[Tt]his\s+is)\s+what\s+([^,.;:!?\"“”]{1,60}?)\s+"
    r"(?P<verb>said|says|told|tells|wrote|writes|had\s+to\s+say)\b[^:.!?\"“”]{0,80}:\s*$"
)
# '"...," he asks.' / '"...," replied Colonel X.' just after the quotation
_AFTER_QUOTE_RE = re.compile(
    r"[,\s]*(?:(?P<verb>asks|asked|answered|replied|responded)\b"
    r"|[^,.;:!?\"“”]{1,60}?\s+(?P<verb2>asks|asked|answered|replied|responded)\b)"
)
_AFTER_QUOTE_STEMS = ("ask", "answered", "replied", "responded")
# A statement read out or shown by someone else, its author after "by", then a colon: "The presenter read out a post
# published earlier by the governor, Khaled Saeed:" (the reader relays, the author speaks: guideline, conduit rule)
_READ_OUT_RE = re.compile(
    r"\b(?P<verb>read\s+(?:out|aloud)|read|quoted|showed|displayed)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:post|statement|message|tweet|letter)\b[^:.!?\"“”]{0,80}?\bby\s+(?P<who>[^:.!?\"“”]{2,120}?)\s*:\s*$"
)
# '"...," the presenter read from the statement': one who reads out a document, then the document
_READ_AFTER_QUOTE_RE = re.compile(
    r"[,\s]*(?:the|a|an|its|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}?(?:presenter|anchor|announcer|newsreader|"
    r"broadcaster|reader)\s+(?P<verb>read)(?:\s+(?:out|aloud))?\s+(?:from\s+)?"
    r"(?P<doc>(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?(?:statement|communiqu[eé]|letter|message))\b"
)
_SENTENCE_END_CHARS = " \t\n.,;:!?\"”’»'"
_STATEMENT_END_RE = re.compile(r"[.!](?=[\"”’»']?\s)")


def quote_cue_claims(
    text: str, start: int, end: int, quotes: list[Quote], searches: DocumentSearches
) -> list[RawClaim]:
    """The claim of a quotation in [start, end) introduced by a call, "asks" or an answer verb."""
    if not quotes:
        return []
    q = quotes[-1]
    if not (start <= q.start and q.end <= end):
        return []
    # (each shape is first tested by exact substrings next to the quotation: most sentences fail there)
    if q.start > start and text[q.end : end].strip(_SENTENCE_END_CHARS) == "":
        claims = _claims_after_lead(text, start, q, searches)
        if claims is not None:
            return claims
    first = quotes[0]
    if first.start >= start and not text[start : first.start].strip(_SENTENCE_END_CHARS):
        if text.find("read", first.end, min(end, first.end + 80)) >= 0:
            read = _READ_AFTER_QUOTE_RE.match(text, first.end, end)
            if read is not None:
                # '"Q," the presenter read from the statement': the reader relays, the statement's issuer speaks
                return [RawClaim(first.start, first.end, text[read.start("verb") : read.end()], read.start("doc"),
                                 read.end("doc"), read.end("doc"), -1)]
        return _answer_claims(text, end, first, searches)
    return []


def _claims_after_lead(text: str, start: int, q: Quote, searches: DocumentSearches) -> list[RawClaim] | None:
    """A quotation ending the sentence after its lead: a call ('urged donors to "Q"'), "here is what X said:", a
    statement read out ('read out a post by X: "Q"'), or "X asked:"; None if the lead has none of these shapes."""
    lead = text[max(start, q.start - 12) : q.start].rstrip()
    if lead.endswith(" to"):
        call = _last(_CALL_RE, text, max(start, q.start - 200), q.start)
        if call is not None and _TO_END_RE.search(text, call.end(), q.start):
            return _claim(text, start, call.start(), call.group(), q, searches)
    elif lead.endswith(":") and text.find("what", max(start, q.start - 200), q.start) >= 0:
        what = _WHAT_LEAD_RE.search(text, max(start, q.start - 200), q.start)
        if what is not None:
            return _claim(text, what.start(1), what.start("verb"), what.group("verb"), q, searches)
    if lead.endswith(":") and text.find(" by ", max(start, q.start - 200), q.start) >= 0:
        read = _READ_OUT_RE.search(text, max(start, q.start - 200), q.start)
        if read is not None:
            return _relayed_claim(text, read, q)
    if "ask" in lead:
        ask = _ASK_BEFORE_RE.search(text, max(start, q.start - 40), q.start)
        if ask is not None and holds_statement(text, q):
            return _claim(text, start, ask.start(), ask.group(1), q, searches)
    return None


def _answer_claims(text: str, end: int, first: Quote, searches: DocumentSearches) -> list[RawClaim]:
    """A quotation opening the sentence, then its answer verb: '"No," replied Colonel X', '"...," he asks'."""
    tail = text[first.end : first.end + 80]
    if not any(verb in tail for verb in _AFTER_QUOTE_STEMS):
        return []
    after = _AFTER_QUOTE_RE.match(text, first.end, end)
    if after is None:
        return []
    verb = after.group("verb") or after.group("verb2")
    if verb.startswith("ask") and not holds_statement(text, first):
        return []  # a quoted question is no claim
    if not verb.startswith("ask") and _is_question(text, first):
        return []
    cand = Candidate(after.start("verb") if after.group("verb") else after.start("verb2"), after.end(), verb,
                     first.end)
    found = (
        subject_right(text, after.end(), end, cand, cand.cue_start, first.end)
        if after.group("verb")
        else subject_left(text, first.end, cand.cue_start, cand, searches)
    )
    if found:
        return [RawClaim(first.start, first.end, verb, cand.mention_start, cand.mention_end, cand.head_end, -1)]
    return []


def _relayed_claim(text: str, read: re.Match[str], q: Quote) -> list[RawClaim]:
    """'The presenter read out a post by the governor, Khaled Saeed: "Q"': the author speaks (conduit rule)."""
    who_start, who_end = read.start("who"), read.end("who")
    comma = text.rfind(", ", who_start, who_end)
    head_end = comma if comma > who_start else who_end  # "the head of X, NAME": the role, then the name
    return [RawClaim(q.start, q.end, text[read.start("verb") : who_start].rstrip(), who_start, who_end, head_end, -1)]


def _claim(
    text: str, start: int, verb_start: int, cue: str, q: Quote, searches: DocumentSearches
) -> list[RawClaim]:
    """The speaker is the subject before the verb ("The ministry also called on ...")."""
    subject_end = cues.verb_group_start(text, start, verb_start)
    cand = Candidate(subject_end, verb_start, cue, subject_end)
    if not subject_left(text, start, subject_end, cand, searches) or cand.complement == "relative":
        return []
    return [RawClaim(q.start, q.end, cue, cand.mention_start, cand.mention_end, cand.head_end, -1)]


def _last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    last = None
    for found in pattern.finditer(text, lo, hi):
        last = found
    return last


def holds_statement(text: str, q: Quote) -> bool:
    """The quotation holds a sentence that is no question: 'We gave our youth. Who will pay us?'"""
    return not _is_question(text, q) or _STATEMENT_END_RE.search(text, q.start, q.end - 1) is not None


def _is_question(text: str, q: Quote) -> bool:
    return text[q.start : q.end].rstrip(_SENTENCE_END_CHARS.replace("?", "")).endswith("?")


# A cue closing its sentence after the content: ", Darwish said. " (no other words before the next quotation)
_NAMED_CUE_CLOSING_RE = re.compile(r",\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:said|says|added|explained)\.\s+")


def closes_with_named_cue(text: str, content_end: int, quote_start: int) -> bool:
    """'P, Darwish said. "Q."': the person just named is still speaking, so the quotation is theirs by position."""
    return _NAMED_CUE_CLOSING_RE.fullmatch(text, content_end, quote_start) is not None
