"""Quotes inside quotes: claims of their own, with the speaker the outer quotation gives them (claim annotation
guideline, "Nesting": outer claim only, except quotes inside quotes, both)."""

import bisect
import re
from dataclasses import replace

from consumers.claims.attribution import attribute_sentence
from consumers.claims.claim import ClaimDocument, ExtractedClaim, build_claim
from consumers.claims.segment import Quote


def nested_claims(doc: ClaimDocument, outer: ExtractedClaim) -> list[ExtractedClaim]:
    """Quotes inside quotes are claims of their own (guideline, "Nesting")."""
    i = bisect.bisect_left(doc.inner_starts, outer.start)
    j = bisect.bisect_left(doc.inner_starts, outer.end)
    return _quotes_inside(doc, outer, [q for q in doc.inner[i:j] if q.depth == 1])


def quotes_in_turn(doc: ClaimDocument, turn: ExtractedClaim) -> list[ExtractedClaim]:
    """A quotation inside a transcript's answer turn, the turn itself the outer quotation (transcript.py): a claim
    of its own, as quotes inside quotes are (guideline, "Nesting")."""
    i = bisect.bisect_left(doc.outer_starts, turn.start)
    j = bisect.bisect_left(doc.outer_starts, turn.end)
    return _quotes_inside(doc, turn, doc.outer[i:j])


def _quotes_inside(doc: ClaimDocument, outer: ExtractedClaim, inner: list[Quote]) -> list[ExtractedClaim]:
    if not inner:
        return []
    raws = attribute_sentence(doc.text, outer.start, outer.end, inner, doc.searches)
    for q in inner:
        if any(q.start <= raw.start < q.end for raw in raws):
            continue
        # a quotation runs over several sentences and an inner quote's cue opens a later one: 'They showed me a
        # contract. The man said, 'Q,'" he told us': attribute that sentence alone
        opening = _sentence_start_before(doc.text, outer.start, q.start)
        if opening > outer.start:
            raws += attribute_sentence(doc.text, opening, outer.end, [q], doc.searches)
        elif doc.text[outer.end - 1 : outer.end] == "?" and (after := _BREAK_AFTER_QUOTE_RE.match(
                doc.text, q.end - 2, outer.end)) is not None:
            # "A man told me, 'Q.' What can I do?": the quotation ends on a question, not the sentence holding Q
            raws += attribute_sentence(doc.text, opening, after.end(1), [q], doc.searches)
    claims: list[ExtractedClaim] = []
    for raw in raws:
        quote = next((q for q in inner if q.start <= raw.start < q.end), None)
        if quote is not None:
            raw.end = min(raw.end, quote.end)  # "say, 'Q.' That was the worst part": only the inner quote is quoted
        claim = build_claim(doc, raw, None, inner)
        if claim is not None and claim.kind == "direct":
            claims.append(_told_by_someone_unnamed(doc, claim, outer.start))
    return claims


_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[A-Z])")
# An inner quotation that ends its sentence: ".' What", ".’ Then"
_BREAK_AFTER_QUOTE_RE = re.compile(r"[^.!?]?[.!?]?(['’\"”])\s+(?=[A-Z])")


def _sentence_start_before(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding pos starts (after the last '. ' before it, not before floor), or floor."""
    start = floor
    for m in _SENTENCE_BREAK_RE.finditer(text, floor, pos):
        start = m.end()
    return start


# A description opening a quoted story: "the guard", "the officer" (no name: nobody the article quotes)
_STORY_DESCRIPTION_RE = re.compile(r"[Tt]he\s+([a-z]+)$")


def _told_by_someone_unnamed(doc: ClaimDocument, claim: ExtractedClaim, outer_start: int) -> ExtractedClaim:
    """Inside a quotation, 'The officer told my mother, "Q"' is someone in the speaker's story: unnamed unless the
    article spoke of one in that role before (guideline, "Speaker": definite descriptions refer back to a person)."""
    described = _STORY_DESCRIPTION_RE.match(claim.speaker_mention)
    if described is None or re.search(rf"\b{described.group(1)}\b", doc.text[:outer_start], re.I):
        return claim
    return replace(claim, speaker="unnamed sources", speaker_org="")
