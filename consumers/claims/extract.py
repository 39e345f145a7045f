"""Attributed claims in article text: who said what, with quotes, numbers and provenance.

Pure and thread-safe: rules over spans of the text (no model, nothing downloaded), linear in the text length.
Definitions follow the claim annotation guideline (shared/dev-data/claims/GUIDELINE.md). This module walks the
text sentence by sentence; claim.py builds each claim, nested.py the quotes inside quotes, and
resolve/named_later.py and resolve/named_after.py revise speakers that later claims name.
"""

import bisect
import re

from consumers.claims.attribution import RawClaim, attribute_sentence
from consumers.claims.attribution.header_lines import header_line_claims
from consumers.claims.attribution.quote_cues import closes_with_named_cue, quote_cue_claims
from consumers.claims.attribution.so_says import so_says_claims
from consumers.claims.claim import ClaimDocument, ExtractedClaim, build_claim
from consumers.claims.context import DocumentContext
from consumers.claims.nested import nested_claims, quotes_in_turn
from consumers.claims.numbers import find_numbers
from consumers.claims.resolve.named_after import named_after
from consumers.claims.resolve.named_later import (
    described_then_named,
    lead_role_named_next,
    named_later,
    police_named_after,
)
from consumers.claims.resolve.people import resolve_named
from consumers.claims.searches import DocumentSearches
from consumers.claims.segment import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    Quote,
    Sentence,
    find_paragraphs,
    find_quotes,
    find_sentences,
)
from consumers.claims.transcript import Turn, find_turns, is_answer_label, label_head, states_nothing

__all__ = ["EXTRACTOR_VERSION", "ExtractedClaim", "extract_claims"]

EXTRACTOR_VERSION = "rules-2026.11.23"

_MARKS = DOUBLE_MARKS + SINGLE_MARKS
_WORD_RE = re.compile(r"\w")


def extract_claims(text: str) -> list[ExtractedClaim]:
    """Every attributed claim in text, in reading order."""
    if not text or not _WORD_RE.search(text):
        return []
    paragraphs = find_paragraphs(text)
    quotes = find_quotes(text, paragraphs)
    outer = [q for q in quotes if q.depth == 0]
    first_body = next((p.body_start for p in paragraphs if not p.is_heading), 0)
    inner = [q for q in quotes if q.depth > 0]
    doc = ClaimDocument(
        text,
        outer,
        [q.start for q in outer],
        inner,
        [q.start for q in inner],
        DocumentContext(text, first_body, [(p.start, p.body_start) for p in paragraphs]),
        DocumentSearches(text),
    )
    claims: list[ExtractedClaim] = []
    previous: list[ExtractedClaim] = []
    last_paragraph = -1
    sentences = _join_colon_leads(text, find_sentences(text, paragraphs, quotes))
    turns = find_turns(text)
    next_turn = 0
    for sentence in sentences:
        while next_turn < len(turns) and turns[next_turn].end <= sentence.start:
            next_turn += 1
        turn = turns[next_turn] if next_turn < len(turns) and turns[next_turn].label_start <= sentence.start else None
        if turn is not None and turn.is_answer and not _reported_answer(doc, turn):
            # an answer turn is one claim, whatever its sentences report (transcript.py)
            if turn.label_start <= sentence.start < turn.start or sentence.start == turn.start:
                previous = _turn_claims(doc, turn)
                claims.extend(previous)
            last_paragraph = sentence.paragraph
            continue
        start = max(sentence.start, turn.start) if turn is not None else sentence.start  # (the interviewer's label)
        sentence_claims = _sentence_claims(doc, start, sentence.end, previous, sentence.paragraph != last_paragraph)
        last_paragraph = sentence.paragraph
        if sentence_claims or not (
            (text.endswith(_REACTION_ENDINGS, sentence.start, sentence.end)
             and _REACTION_RE.search(text, max(sentence.start, sentence.end - 40), sentence.end))
            or (text.find("?", sentence.start, sentence.end) >= 0
                and _OWN_QUESTION_RE.fullmatch(text, sentence.start, sentence.end))
        ):
            # ("Asked about X, he laughed.": a gesture keeps the speaker before it, as '"Q?" she asked.' does)
            previous = sentence_claims
        claims.extend(sentence_claims)
        for claim in sentence_claims:
            if claim.kind == "direct":
                claims.extend(nested_claims(doc, claim))
    claims = named_later(text, lead_role_named_next(text, claims))
    return described_then_named(text, named_after(text, police_named_after(claims)))


def _turn_claims(doc: ClaimDocument, turn: Turn) -> list[ExtractedClaim]:
    """An answer turn of a transcript as the interviewee's claim (cue "", direct: the words as spoken), with the
    quotations inside it; [] for a turn that states nothing or only asks."""
    start, end = turn.start, turn.end
    while start < end and (doc.text[start].isspace() or doc.text[start] in _TURN_LEFT_TRIM):
        start += 1
    while end > start and (doc.text[end - 1].isspace() or doc.text[end - 1] in _TURN_RIGHT_TRIM):
        end -= 1
    if end - start < 2 or states_nothing(doc.text, start, end):
        return []
    if doc.text.startswith("?", turn.end - 1) or (doc.text[start:turn.end].rstrip().endswith("?") \
            and not _STATEMENT_END_RE.search(doc.text, start, end)):
        return []  # a question is no claim (guideline)
    if is_answer_label(doc.text, turn):
        # "A:": the person the introduction quoted, or else named ("NAME, who runs X, spoke to us")
        speaker = doc.ctx.last(person=True) or doc.ctx.person_before(turn.label_start)
        if speaker is None:
            return []
    else:
        head = label_head(doc.text, turn)
        # "Spokesperson: ..." after a turn under "Spokesperson NAME:": the person the title named
        titled = next((s for s, m in reversed(doc.ctx.history) if s.is_person and m.startswith(f"{head} ")), None)
        speaker = titled or resolve_named(doc.ctx, turn.label_start, head, turn.note)
    mention = doc.text[turn.label_start : turn.label_end]
    doc.ctx.remember(speaker, mention, "", turn.label_start)
    words = doc.text[start:end]
    numbers = tuple(find_numbers(words))
    claim = ExtractedClaim(speaker.name, mention, speaker.org, "", "direct", words, start, end, numbers)
    return [claim, *quotes_in_turn(doc, claim)]


def _reported_answer(doc: ClaimDocument, turn: Turn) -> bool:
    """'A: Aydoğdu said P. He added that Q': a live page's answer in the writer's reported speech, the answerer by
    the name the text gave him then a reporting verb, is no verbatim turn; its sentences are read as any."""
    if not doc.text[turn.start : turn.start + 1].isupper() or not is_answer_label(doc.text, turn):
        return False
    m = _REPORTED_ANSWER_RE.match(doc.text, turn.start, turn.end)
    if m is None:
        return False
    name = m.group(1)
    return doc.text.find(f" {name}", 0, turn.label_start) >= 0  # (the answerer, named before the turn)


_REPORTED_ANSWER_RE = re.compile(
    r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:said|says|told|replied|answered|responded|added|stressed)\b"
)
_TURN_LEFT_TRIM = "\"“„«‘‚'—–-"
_TURN_RIGHT_TRIM = "\"”»’',.;:—–"


def _join_colon_leads(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """'The minister said:' closing a paragraph introduces the quotation that opens the next one."""
    joined: list[Sentence] = []
    skip = False
    for i, sentence in enumerate(sentences):
        if skip:
            skip = False
            continue
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if nxt is not None and text[nxt.start] in _MARKS and text[sentence.start : sentence.end].rstrip().endswith(":"):
            joined.append(Sentence(sentence.start, nxt.end, sentence.paragraph))
            skip = True
        else:
            joined.append(sentence)
    return joined


def _quotes_between(doc: ClaimDocument, start: int, end: int) -> list[Quote]:
    i = max(0, bisect.bisect_right(doc.outer_starts, start) - 1)
    j = bisect.bisect_left(doc.outer_starts, end)
    return [q for q in doc.outer[i:j] if q.end > start]


def _sentence_claims(
    doc: ClaimDocument, start: int, end: int, previous: list[ExtractedClaim], new_paragraph: bool
) -> list[ExtractedClaim]:
    quotes = _quotes_between(doc, start, end)
    raws = so_says_claims(doc.text, start, end, doc.outer, doc.outer_starts, previous[-1].end if previous else -1) \
        if doc.text.startswith(("So ", "Thus "), start) else None
    if raws is None:
        raws = attribute_sentence(doc.text, start, end, quotes, doc.searches)
    if not raws:
        raws = (
            _document_lead(doc, start, end, quotes)
            or header_line_claims(doc.text, start, end, quotes)
            or quote_cue_claims(doc.text, start, end, quotes, doc.searches)
            or _positional(doc, start, end, quotes, previous, new_paragraph)
        )
    out: list[ExtractedClaim] = []
    built: dict[int, ExtractedClaim] = {}
    for index, raw in enumerate(raws):
        source = built.get(raw.inherit_from) if raw.inherit_from >= 0 else None
        if raw.inherit_from == -2 and previous:
            source = previous[-1]
        claim = build_claim(doc, raw, source, quotes)
        if claim is not None:
            built[index] = claim
            out.append(claim)
    return out


# A document named in a lead that closes with a colon: "The following is a translation of the statement:".
_LEAD_DOCUMENT_RE = re.compile(
    r"\b(?:the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|message|letter|text|speech|communiqu[eé]|"
    r"declaration|address)\b",
    re.IGNORECASE,
)


def _document_lead(doc: ClaimDocument, start: int, end: int, quotes: list[Quote]) -> list[RawClaim]:
    """A lead without a cue that names a document and ends with ':' before a quotation: the document's words (the
    colon attributes them by position, cue "")."""
    if not quotes or not start < quotes[0].start < end or not doc.text[start : quotes[0].start].rstrip().endswith(":"):
        return []
    found = list(_LEAD_DOCUMENT_RE.finditer(doc.text, start, quotes[0].start))
    if not found:
        return []
    q = quotes[0]
    document = found[-1]
    return [RawClaim(q.start, q.end, "", document.start(), document.end(), document.end(), -1, positional=True)]


# A speaker's gesture between his quotations: "Asked whether he was invited, he laughed."
_REACTION_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:laughed|smiled|paused|shrugged|sighed|nodded|hesitated)\.\s*$")
_REACTION_ENDINGS = ("laughed.", "smiled.", "paused.", "shrugged.", "sighed.", "nodded.", "hesitated.")
_STATEMENT_END_RE = re.compile(r"[a-z]\.\s+[A-Z]")
# A speaker's own question between a report and a quotation: 'X said P. "Q?" she asked. "R."' ("Q?" is no claim)
_OWN_QUESTION_RE = re.compile(
    r"[\"“][^\"“”\n]{1,200}\?[\"”]\s+(?:he|she|they)\s+(?:asked|wondered)(?:\s+[a-z]+){0,2}\.\s*"
)
_OWN_QUESTION_BETWEEN_RE = re.compile(r"[.\s]*" + _OWN_QUESTION_RE.pattern)


def _positional(
    doc: ClaimDocument, start: int, end: int, quotes: list[Quote], previous: list[ExtractedClaim], new_paragraph: bool
) -> list[RawClaim]:
    """A quotation with no cue of its own continues the quoted speaker of the sentence before (cue "")."""
    if not previous or not quotes or quotes[0].start != start:
        return []
    if previous[-1].kind == "indirect" and not _OWN_QUESTION_BETWEEN_RE.fullmatch(doc.text, previous[-1].end, start) \
            and (new_paragraph or not closes_with_named_cue(doc.text, previous[-1].end, start)):
        # (after 'X said P. "Q?" she asked.' the quotation goes on with the one who asked; after 'P, NAME said.'
        # with the one named, who has just been speaking)
        return []
    q = quotes[0]
    if doc.text[start:end].rstrip(" \"”’»'").endswith("?") and not _STATEMENT_END_RE.search(doc.text, q.start, q.end):
        return []  # questions are not claims (guideline); a statement before a closing rhetorical question is one
    if new_paragraph and (q.end < end - 2 or doc.text[q.end - 1] not in _MARKS):
        return []  # across paragraphs only a whole-paragraph quotation continues the last speaker
    return [RawClaim(q.start, q.end, "", -1, -1, -1, -2, positional=True)]
