"""One claim as the extractor hands it on (ExtractedClaim), and how a sentence's raw claim becomes one: the span
trimmed to its content (no cue, no journalist's tail, no coordinated call), its kind, its speaker resolved and
remembered, its numbers (claim annotation guideline, "Spans" and "Speaker").
"""

import bisect
import re
from dataclasses import dataclass

from consumers.claims.attribution import RawClaim
from consumers.claims.attribution.quote_cues import holds_statement
from consumers.claims.context import DocumentContext, Speaker
from consumers.claims.numbers import ClaimNumber, find_numbers
from consumers.claims.resolve import resolve_mention
from consumers.claims.searches import DocumentSearches
from consumers.claims.segment import DOUBLE_MARKS, SINGLE_MARKS, Quote

_MARKS = DOUBLE_MARKS + SINGLE_MARKS
_LEFT_TRIM = _MARKS + ",;:—–-"
_RIGHT_TRIM = _MARKS + ",.;:—–"
_WORD_RE = re.compile(r"\w")
# A trailing journalist's aside is not the source's claim: "..., a figure that could not be verified", '"Q," a term
# the agency uses when ...' (a gloss on the source's word).
# (the comma may close a quotation: 'accused X of "Q," a charge the government did not respond to')
_ASIDE_RE = re.compile(
    r",[\"”]?\s+(?:(?:a|an)\s+(?:figure|date|claim|number|toll|assertion|allegation|accusation|account|charge|tally|estimate|"
    r"version|description|characteri[sz]ation|term|phrase|euphemism|expression|label)\b"
    r"|which\s+(?:could|can)(?:not|n't)\b)[^,]{0,120}$"
)
# A trailing wire-style context clause is the journalist's too: "..., without giving details", "..., a day after
# rockets were fired at the base", "..., the latest in a series of strikes" (guideline, "Spans").
_CONTEXT_TAIL_RE = re.compile(
    # (the comma may close a quotation: 'was "progressing well," without giving further details')
    r",[\"”]?\s+(?:without\s+(?:giving|providing|offering|citing|naming|elaborating|specifying|presenting)"
    # "..., speaking to journalists on his return flight": where the words were said, not what
    r"|(?:speaking|talking|answering|addressing)\s+(?:to|at|on|in|during|after|from|with|reporters|journalists|"
    r"questions)"
    # "X reported that P, citing two officials": the source the report names, never content (guideline, "Spans")
    r"|citing|quoting"
    r"|(?:(?:just|only)\s+)?(?:a|one|two|three|several|hours|days|weeks|months)\s+(?:(?:day|days|week|weeks|hours?)\s+)?"
    r"(?:after|before)"
    r"|the\s+latest\s+(?:in|of)|in\s+the\s+latest"
    # "said on Sunday that P, in a televised address marking X": where it was said, not what
    r"|in\s+(?:a|an|his|her|its|their)\s+(?:[a-z]+\s+)?(?:address|speech|sermon|broadcast|interview)"
    # "said P, though two members declined to say how they would vote": others' refusal, in the writer's words
    # ("but officials refused to come" may be the speaker's own report: only "though ... declined to say")
    r"|(?:though|although)\s+(?:[\w'’-]+\s+){1,4}(?:declined|refused)\s+to\s+(?:say|comment|disclose|specify|"
    r"elaborate|give))"
    r"\b[^,\"“”«»]{0,120}$"
)


# A call or attitude coordinated with the report ends the claim: "said P and urged all sides to ..." (guideline,
# "Not claims": calls, demands and attitudes without a proposition).
_COORDINATED_CALL_RE = re.compile(
    r",?\s+and\s+(?:also\s+)?(?:urged|called\s+(?:on|for)|appealed|demanded|expressed|condemned|welcomed"
    # "said P and asked staff not to raise it": a request (its addressee, then "to"), no proposition
    r"|asked\s+(?:[\w'’-]+\s+){1,3}?(?:not\s+)?to\s"
    # "told MEE that "Q" and declined to comment on the letter": a refusal, no proposition
    r"|(?:declined|refused)\s+to\s+(?:comment|elaborate|give|say|answer|discuss|name|provide))\b"
)


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One attributed claim; text == document[start:end]."""

    speaker: str
    speaker_mention: str
    speaker_org: str
    cue: str
    kind: str  # "direct" | "indirect" | "mixed"
    text: str
    start: int
    end: int
    numbers: tuple[ClaimNumber, ...]


@dataclass(slots=True)
class ClaimDocument:
    """One text under extraction: its outermost and inner quotations (with their starts, for bisect), what it has
    said so far about who is who, and its cached searches."""

    text: str
    outer: list[Quote]
    outer_starts: list[int]
    inner: list[Quote]
    inner_starts: list[int]
    ctx: DocumentContext
    searches: DocumentSearches


_ONLY_WHAT_RE = re.compile(r"(?i:(?:this|that|here)(?:\s+is\s+|['’]s\s+))?(?i:what)")


def build_claim(
    doc: ClaimDocument, raw: RawClaim, source: ExtractedClaim | None, quotes: list[Quote]
) -> ExtractedClaim | None:
    """The claim a raw claim makes, or None when its span holds no claim (too short, only "what", a question)."""
    start, end = trim_span(doc.text, raw.start, raw.end)
    if end - start < 2:
        return None
    first = doc.text[start]  # \w is str.isalnum() or "_": most spans open with a word character, no search needed
    if not (first.isalnum() or first == "_") and not _WORD_RE.search(doc.text, start, end):
        return None
    if end - start < 14 and _ONLY_WHAT_RE.fullmatch(doc.text, start, end):
        return None  # "This is what they said.": it points to the reports that follow, and states nothing itself
    if raw.mention_start >= 0:
        speaker = resolve_mention(doc.ctx, raw.mention_start, raw.mention_end, raw.head_end)
        mention = " ".join(doc.text[raw.mention_start : raw.mention_end].split())
        doc.ctx.remember(speaker, mention, raw.cue, raw.mention_start)
    elif source is not None:
        speaker, mention = Speaker(source.speaker, source.speaker_org, False), source.speaker_mention
    else:
        return None
    # Every call verb follows "and": a plain substring test skips the search in most claims.
    call = _COORDINATED_CALL_RE.search(doc.text, start, end) if doc.text.find("and", start, end) >= 0 else None
    if call is not None and not _inside_quote(quotes, call.start()):
        start, end = trim_span(doc.text, start, call.start())  # "said P and urged Y": the call is not the claim
    kind = _kind(quotes, start, end)
    if kind == "direct" and _is_quoted_question(doc.text, quotes, start):
        return None  # questions are not claims (guideline); a question quoted inside the quote does not count
    claim_text = doc.text[start:end]
    numbers = tuple(find_numbers(claim_text))
    cue = raw.cue.rstrip(" .,;:!?")
    return ExtractedClaim(speaker.name, mention, speaker.org, cue, kind, claim_text, start, end, numbers)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Content only: no "that", no quotation marks at the edges, no final , . ; : (guideline, "Spans")."""
    window = max(start, end - 160)
    # Both tails open with a comma: without one in the window neither pattern is tried at every position.
    aside = None
    # (both end on words with no comma up to the span's end: only the last comma in the window can open one)
    if (comma := text.rfind(",", window, end)) >= 0:
        aside = _ASIDE_RE.match(text, comma, end) or _CONTEXT_TAIL_RE.match(text, comma, end)
    if aside:
        end = aside.start()
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in _LEFT_TRIM):
            start, changed = start + 1, True
        if text.startswith("that ", start) or text.startswith("that\n", start):
            start, changed = start + 5, True
        while end > start and (text[end - 1].isspace() or text[end - 1] in _RIGHT_TRIM):
            end, changed = end - 1, True
        if text.endswith((" and", " but"), start, end):
            end, changed = end - 4, True  # 'P," and a ministry official said Q': the conjunction joins the next report
        elif text.endswith((", while", ", whereas"), start, end):
            # "The ministry said P, while the monitor said Q": the contrast opens the next report
            end, changed = text.rindex(",", start, end), True
    return start, end


def _kind(quotes: list[Quote], start: int, end: int) -> str:
    """direct: all inside quotation marks; mixed: reported speech with quoted words; else indirect."""
    overlapping: list[Quote] = []
    for q in quotes[_first_quote(quotes, start) :]:
        if q.start >= end:
            break
        if q.end > start:
            overlapping.append(q)
        if len(overlapping) > 1:
            break
    if not overlapping:
        return "indirect"
    if len(overlapping) == 1 and overlapping[0].start < start and end <= overlapping[0].end:
        return "direct"
    return "mixed"


def _inside_quote(quotes: list[Quote], pos: int) -> bool:
    q = quotes[_first_quote(quotes, pos)] if quotes else None
    return q is not None and q.start <= pos < q.end


def _is_quoted_question(text: str, quotes: list[Quote], start: int) -> bool:
    """The quotation holding start ends with '?' just before its closing mark, and holds no statement before it
    ('"We gave our youth. Who will pay us?"' is one claim: guideline, one contiguous quoted segment)."""
    q = quotes[_first_quote(quotes, start)] if quotes else None
    if q is None or not (q.start <= start < q.end) or not q.closed:
        return False
    return text[q.end - 2 : q.end - 1] == "?" and not holds_statement(text, q)


def _first_quote(quotes: list[Quote], start: int) -> int:
    return max(0, bisect.bisect_right(quotes, start, key=lambda q: q.start) - 1)
