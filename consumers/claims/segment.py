"""Article text -> paragraphs, quotations and sentences, with character offsets into the original text.

Pure and linear in the text length: every pattern here is anchored or bounded, so a 5 MB text without a single
full stop costs one pass, not a pass per sentence.
"""

import bisect
import re
from dataclasses import dataclass

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‚"
_MARKS = DOUBLE_MARKS + SINGLE_MARKS
_QUOTE_CHAR_RE = re.compile(r"[\"“”„«»'‘’‚]")
_OPENERS_ONLY = "“„«‘‚"
_CLOSERS_ONLY = "”»’"
_OPEN_CONTEXT = "([{—–-/:;\u00a0"
_CLOSE_CONTEXT = ".,;:!?)]}—–-…"
_MAX_DEPTH = 3

# Datelines: "MOSCOW, March 3. ", "BEIRUT (Wire) – ", "ERBIL, Kurdistan Region – ", "Damascus – ",
# "QAMISHLI, Syria, March 14 (Reuters) - ".
_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z'./-]+(?:[ /][A-Z][A-Z'./-]+){0,3}|[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2})"
    r"(?:, (?:[A-Z][\w.'-]*)(?: (?:of )?[A-Z\d][\w.'-]*){0,3}){0,2}"  # ("QAMISHLI, Kurdistan Region of Syria - ")
    r"(?: ?\([^()\n]{1,30}\))?"
    r"(?: ?[–—:]|\s+-{1,2}|-|\.)\s+"  # (a hyphen may be glued to the outlet: "Damascus, SANA- ")
)
_TERMINAL_RE = re.compile(r"[.!?…:][\"”’»')\]]*\s*$|[\"”’»]\s*$")
_QUOTED_HEADLINE_END_RE = re.compile(r"[^.!?…,:;\"”’»'\s][\"”’»]$")
_LOWER_NEXT_RE = re.compile(r"\s+[a-z]")
_BOUNDARY_RE = re.compile(r"[.!?…][.!?…]*[\"”’»')\]]*(?=\s+[\"“‘«'(\[]?[\w])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "eng",  # "Eng. Rania Suleiman": the engineer's title of Arabic-press calques
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "brig",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "al",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "fig",
        "mt",
        "ft",
        "univ",
    ]
)
_ABBREV_TAIL_RE = re.compile(r"(?:\b([A-Za-z]{1,5})|(?:\b[A-Za-z]\.)+[A-Za-z]|\b[A-Z])\.$")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: [start, end) includes the marks; depth 0 is outermost; closed is False when never closed."""

    start: int
    end: int
    depth: int
    closed: bool


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-empty line of text; body_start skips a dateline; is_heading marks headlines and captions."""

    start: int
    end: int
    body_start: int
    is_heading: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence [start, end) that never cuts through a quotation; paragraph is the index of its first line."""

    start: int
    end: int
    paragraph: int


def find_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line, with dateline and headline detection."""
    paragraphs: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        paragraphs.append(Paragraph(start, end, _body_start(text, start, end), _is_heading(text, start, end)))
    return paragraphs


# A live blog entry's time stamp: "14:05 — ", "09:40 GMT - "
_TIME_STAMP_RE = re.compile(r"\d{1,2}[:.]\d\d(?:\s*(?:GMT|UTC|[AaPp]\.?[Mm]\.?))?\s*(?:[–—]|-{1,2})\s+")


# A list item's marker: "- ", "• ", "* " (not a dash of dialogue, "— ")
_BULLETS = "-•*▪◦·"


def _body_start(text: str, start: int, end: int) -> int:
    if text[start] in _BULLETS and text.startswith(" ", start + 1):
        body = start + 1
        while body < end and text[body].isspace():
            body += 1
        return body
    if text[start].isdigit() and (stamp := _TIME_STAMP_RE.match(text, start, min(end, start + 20))) is not None:
        return stamp.end()
    m = _DATELINE_RE.match(text, start, min(end, start + 80))
    if not m or m.end() >= end:
        return start
    head = text[start : m.end()]
    if head.rstrip().endswith(".") and not re.match(r"[A-Z]{3,}[A-Z /]*, \w+ \d{1,2}\.", head):
        return start  # "Turkey." is a sentence, "MOSCOW, March 3." is a dateline
    if head.rstrip().endswith(":") and not head[:3].isupper():
        return start  # "Verdict: ..." and "Fact Check:" are labels of sentences, not places
    return m.end()


_CAPTION_LABEL_RE = re.compile(
    r"(?i:photo|picture|image|caption|photograph)(?:\s+caption)?\s*(?:\([^()\n]{0,40}\))?\s*:"
)


def _is_heading(text: str, start: int, end: int) -> bool:
    """Headlines and captions have no sentence-final punctuation (guideline: not claims); a caption labelled as one
    ("Photo: Children queue for water, where aid groups say P.") is one whatever its end."""
    if text[start] in "PICpic" and _CAPTION_LABEL_RE.match(text, start, end):
        return True
    if _TERMINAL_RE.search(text, max(start, end - 4), end):
        # (a text's first line ending on a quoted phrase with no sentence mark inside it is a headline too:
        # 'Club signs deal, coach says promotion "within reach"')
        return start == 0 and _QUOTED_HEADLINE_END_RE.search(text, max(start, end - 4), end) is not None \
            and text.startswith("\n\n", end) and text.count(" ", start, end) < 40
    return text.count(" ", start, end) < 40


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Quotations in reading order; a quote reopened at the next paragraph continues (guideline, "Spans")."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for index, para in enumerate(paragraphs):
        pos = para.start
        if stack and _opens_with(text, para, _family(stack[0][0])):
            pos += 1  # the reopening mark of a quote that runs on from the previous paragraph
        for m in _QUOTE_CHAR_RE.finditer(text, pos, para.end):
            _step(text, m.start(), para, stack, quotes)
        if stack:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is not None and _opens_with(text, nxt, _family(stack[0][0])):
                del stack[1:]
                continue
            _close_unclosed(text, para, stack, quotes)
    quotes.sort(key=lambda q: (q.start, q.depth))
    return quotes


def _family(mark: str) -> str:
    return "s" if mark in SINGLE_MARKS else "d"


def _opens_with(text: str, para: Paragraph, family: str) -> bool:
    first = text[para.start]
    return first in _MARKS and _family(first) == family and first not in _CLOSERS_ONLY


def _step(text: str, i: int, para: Paragraph, stack: list[tuple[str, int]], quotes: list[Quote]) -> None:
    mark = text[i]
    prev = text[i - 1] if i > para.start else " "
    nxt = text[i + 1] if i + 1 < para.end else " "
    family = "s" if mark in SINGLE_MARKS else "d"
    if family == "s" and prev.isalnum() and nxt.isalnum():
        return  # an apostrophe: Syria's, didn't
    can_open = mark in _OPENERS_ONLY or (
        mark not in _CLOSERS_ONLY and (prev.isspace() or prev in _OPEN_CONTEXT or prev in _MARKS) and not nxt.isspace()
    )
    can_close = mark in _CLOSERS_ONLY or (
        mark not in _OPENERS_ONLY and not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT or nxt in _MARKS)
    )
    if mark == "“" and stack and stack[-1][0] == "„":
        can_open, can_close = False, True  # German and Russian inner quotes: „…“
    open_index = len(stack) - 1  # the innermost open quote of the same family, or -1 (a loop: no generator per mark)
    while open_index >= 0 and (stack[open_index][0] in SINGLE_MARKS) != (family == "s"):
        open_index -= 1
    if can_close and open_index >= 0 and not (can_open and open_index < len(stack) - 1 and family == "s"):
        while len(stack) > open_index + 1:
            _, at = stack.pop()
            quotes.append(Quote(at, i, len(stack), False))  # an inner quote left open ends where its outer ends
        _, at = stack.pop()
        quotes.append(Quote(at, i + 1, len(stack), True))
    elif can_open and open_index < 0 and len(stack) < _MAX_DEPTH:
        stack.append((mark, i))


def _close_unclosed(text: str, para: Paragraph, stack: list[tuple[str, int]], quotes: list[Quote]) -> None:
    """A quote never closed ends at its paragraph, or just before a trailing ', he said.' inside it."""
    while stack:
        _, at = stack.pop()
        end = para.end
        if not stack:
            end = _attribution_tail(text, at, para.end) or para.end
        quotes.append(Quote(at, end, len(stack), False))


_TAIL_RE = re.compile(
    r",\s+(?:he|she|they|we|it|the \w+|an? [\w -]{1,30}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+"
    r"(?:said|says|added|adds|told|explained|continued|noted|stressed|insisted|warned|asserted|claimed)\b"
    r"[^\"“”«»]{0,60}$"
)


def _attribution_tail(text: str, open_at: int, end: int) -> int:
    window_start = max(open_at + 1, end - 160)
    m = _TAIL_RE.search(text, window_start, end)
    return m.start() + 1 if m else 0


def find_sentences(text: str, paragraphs: list[Paragraph], quotes: list[Quote]) -> list[Sentence]:
    """Sentences of body paragraphs; boundaries inside a quotation are not boundaries."""
    outer = [q for q in quotes if q.depth == 0]
    sentences: list[Sentence] = []
    qi = 0
    index = 0
    while index < len(paragraphs):
        para = paragraphs[index]
        last = index
        block_end = para.end
        # A quote running on past this paragraph makes one block of the paragraphs it spans.
        while qi < len(outer) and outer[qi].start < block_end:
            if outer[qi].end > block_end:
                while last + 1 < len(paragraphs) and paragraphs[last].end < outer[qi].end:
                    last += 1
                block_end = max(block_end, paragraphs[last].end)
            qi += 1
        if not para.is_heading:
            sentences.extend(_split_block(text, para.body_start, block_end, index, outer))
        index = last + 1
    return sentences


def _split_block(text: str, start: int, end: int, paragraph: int, outer: list[Quote]) -> list[Sentence]:
    first = bisect.bisect_left(outer, start, key=lambda q: q.end)
    inside = [(q.start, q.end) for q in outer[first : bisect.bisect_left(outer, end, key=lambda q: q.start)]]
    result: list[Sentence] = []
    k = 0
    cur = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        cut = m.end()
        while k < len(inside) and inside[k][1] <= cut - 1:
            k += 1
        if k < len(inside) and inside[k][0] < cut - 1 < inside[k][1] - 1:
            continue
        if text[m.start()] == "." and _is_abbreviation(text, max(start, m.start() - 12), m.start() + 1):
            continue
        if text[m.start()] == "." and _is_initial(text, m.start()) and _LOWER_NEXT_RE.match(text, cut):
            continue  # "identified only as Alaa M. under German privacy rules": an initial inside the sentence
        if text[cut - 1] in _MARKS and _LOWER_NEXT_RE.match(text, cut):
            continue  # '"Why so cheap?" he said, laughing.': the attribution after a quote is the same sentence
        result.append(Sentence(cur, cut, paragraph))
        cur = cut
        while cur < end and text[cur].isspace():
            cur += 1
    if cur < end:
        result.append(Sentence(cur, end, paragraph))
    return result


def _is_initial(text: str, dot: int) -> bool:
    """The full stop at dot closes a single capital letter: "Alaa M.", "John F."."""
    return dot >= 2 and text[dot - 1].isupper() and not text[dot - 2].isalnum()


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    # Every form _ABBREV_TAIL_RE takes puts an ASCII letter before the full stop and, unless an initial's full stop
    # comes just before that letter, a word of at most five letters: two cheap exits before the search (speed).
    if end - 2 < start or not text[end - 2].isascii() or not text[end - 2].isalpha():
        return False
    before = text[end - 7 : end - 1] if end >= 7 else ""
    if len(before) == 6 and before.isascii() and before.isalpha():
        return False
    m = _ABBREV_TAIL_RE.search(text, start, end)
    if not m:
        return False
    word = m.group(1)
    return word is None or word.lower() in _ABBREVIATIONS


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """pos inside one of the sorted, disjoint spans (bisect: a sentence may hold thousands of quotes)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
