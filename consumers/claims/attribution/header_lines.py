"""A quotation set under a line that only names who said it, as fact-checks print the claim they check:

    Hind Sabbagh, Syria's Minister of Social Affairs:
    "Not a single refugee has been arrested."

The header line has no verb; the quotation on the next line is attributed by its position (claim annotation
guideline: cue "" when a quote is attributed only by position).
"""

import re

from consumers.claims.attribution.spans import RawClaim
from consumers.claims.segment import Quote

# A person's name: capitalised words, with the particles of Arabic and European names between them
_NAME_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|el-[\w'’-]+|bin|ibn|abu|de|van|von|der)){1,4}"
)
_SENTENCE_END_RE = re.compile(r"[.!?]\s")


def header_line_claims(text: str, start: int, end: int, quotes: list[Quote]) -> list[RawClaim]:
    """The claim of a quotation opening the line after a header 'NAME[, APPOSITION]:' that is the sentence's start,
    when the quotation closes the sentence; [] otherwise."""
    if not quotes or text.find(":", start, quotes[0].start) < 0:
        return []
    q = quotes[0]
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
