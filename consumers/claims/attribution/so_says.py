"""'"Q."  So says NAME, who ...': a quotation standing alone, then a sentence that names its speaker after "So says"
(a feature's opening). The quotation is the claim; the words after the verb name who spoke it (claim annotation
guideline, "Speaker")."""

import bisect
import re

from consumers.claims.attribution.spans import RawClaim
from consumers.claims.segment import Quote

_SO_SAYS_RE = re.compile(r"(?:So|Thus)\s+(?:says|said|writes|wrote|recalls|recalled)\s+(?=[A-Z])")
# The speaker's name, then an apposition or a relative clause on it up to the sentence's end
_NAME_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+|bin|ibn|abu)){0,4}")


def so_says_claims(
    text: str, start: int, end: int, outer: list[Quote], outer_starts: list[int], claimed_to: int
) -> list[RawClaim] | None:
    """The claim of the quotation just before a sentence [start, end) that opens with 'So says NAME' (outer: the
    text's outermost quotations, outer_starts their starts); [] when a claim already ends past the quotation's start
    (claimed_to: the sentence adds nothing); None when the sentence is not so."""
    opening = _SO_SAYS_RE.match(text, start, end)
    i = bisect.bisect_left(outer_starts, start) - 1
    quote = outer[i] if i >= 0 else None
    if opening is None or quote is None or text[quote.end : start].strip():
        return None
    name = _NAME_RE.match(text, opening.end(), end)
    if name is None:
        return None
    if claimed_to > quote.start:
        return []
    mention_end = end
    while mention_end > name.end() and (text[mention_end - 1].isspace() or text[mention_end - 1] in ".;"):
        mention_end -= 1
    cue = text[start : opening.end()].split(None, 1)[1].strip()
    return [RawClaim(quote.start, quote.end, cue, name.start(), mention_end, name.end(), -1)]
