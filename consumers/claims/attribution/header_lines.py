"""A quotation set under a line that only names who said it, as fact-checks print the claim they check:

    Hind Sabbagh, Syria's Minister of Social Affairs:
    "Not a single refugee has been arrested."

or as a block of a name line and a title line over the quotation, without a colon (perhaps a blank line between):

    Arkady Belov
    Head, Russian Coordination Headquarters
    "More than 1.4 million Syrians have returned."

The header lines have no verb; the quotation on the next line is attributed by its position (claim annotation
guideline: cue "" when a quote is attributed only by position).
"""

import re

from consumers.claims.aliases import TITLES
from consumers.claims.attribution.spans import RawClaim
from consumers.claims.segment import Quote

# A person's name: capitalised words, with the particles of Arabic and European names between them
_NAME_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|el-[\w'’-]+|bin|ibn|abu|de|van|von|der)){1,4}"
)
_SENTENCE_END_RE = re.compile(r"[.!?]\s")


def header_line_claims(text: str, start: int, end: int, quotes: list[Quote]) -> list[RawClaim]:
    """The claim of a quotation opening the line after a header 'NAME[, APPOSITION]:' that is the sentence's start,
    or standing alone on the line under a name line (and a title line), when the quotation closes the sentence;
    [] otherwise."""
    if not quotes:
        return []
    q = quotes[0]
    if q.start == start:
        return _under_name_lines(text, end, q)
    if text.find(":", start, q.start) < 0:
        return []
    colon = text.rfind(":", start, q.start)
    between = text[colon + 1 : q.start]
    if "\n" not in between or between.strip() or text[q.end : end].strip(" .\n\"”'’") or q.end > end:
        return []
    if start > 0 and text[start - 1] != "\n":
        return []  # the header is a line of its own
    name = _NAME_RE.match(text, start, colon)
    if name is None or not (name.end() == colon or text.startswith(", ", name.end())):
        return []
    if "\n" in text[start:colon] or _SENTENCE_END_RE.search(text, start, colon) or colon - start > 160:
        return []
    return [RawClaim(q.start, q.end, "", start, colon, name.end(), -1, positional=True)]


def _under_name_lines(text: str, end: int, q: Quote) -> list[RawClaim]:
    """A whole-line quotation right under one or two header lines (no blank line, no sentence), the upper one a
    name: that person's; [] otherwise."""
    if q.start < 2 or text[q.start - 1] != "\n" or text[q.end : end].strip(" .\"”'’") or q.end > end:
        return []
    line_end = q.start - 1
    # (a blank line may set the quotation apart from a block of a name line and a title line: then both are needed)
    apart = text[q.start - 2 : q.start] == "\n\n"
    if apart:
        line_end -= 1
    for lines in range(2):
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        if not line.strip() or line.rstrip()[-1] in ".!?:;\"”" or len(line) > 160:
            return []
        name = _NAME_RE.fullmatch(text, line_start, line_end)
        block_start = line_start == 0 or text[line_start - 2 : line_start] == "\n\n"
        if name is not None and block_start and (lines == 1 or not apart):
            return [RawClaim(q.start, q.end, "", name.start(), name.end(), name.end(), -1, positional=True)]
        if lines == 0 and block_start and (titled := _titled_name_line(text, line_start, line_end)) is not None:
            # "NAME, ROLE" on one line over the quotation, a blank line between or none: no byline reads so
            return [RawClaim(q.start, q.end, "", titled.start(), line_end, titled.end(), -1, positional=True)]
        if line_start == 0 or text[line_start - 2 : line_start] == "\n\n":
            return []
        line_end = line_start - 1
    return []


def _titled_name_line(text: str, line_start: int, line_end: int) -> re.Match[str] | None:
    """The name of a header line 'NAME, ROLE' whose role holds a title ('Leila Hamdan, Syrian Minister of
    Transport'); None for anything else (a byline 'By NAME, OUTLET', a place, a sentence)."""
    if text.startswith("By ", line_start):
        return None
    name = _NAME_RE.match(text, line_start, line_end)
    if name is None or not text.startswith(", ", name.end()) or _SENTENCE_END_RE.search(text, line_start, line_end):
        return None
    role_words = {w.lower() for w in re.findall(r"[\w-]+", text[name.end() : line_end])}
    return name if role_words & TITLES else None
