"""A list of countries as one speaker before its cue: "Russia, Turkey and Iran said P" is a joint statement, not
its last two countries'."""

import re

from consumers.claims.sources.clauses import segment_start
from consumers.claims.speakers import country_of

_COUNTRY_NAME_RE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def country_list_start(text: str, lo: int, np_start: int, seg_end: int) -> int:
    """'Russia, Turkey and Iran said P': a list of countries is one subject, not its last two (a joint statement)."""
    if not all(_is_country_name(part) for part in text[np_start:seg_end].split(" and ")):
        return np_start
    start = np_start
    while text.startswith(", ", start - 2):
        before = segment_start(text, lo, start - 2)
        if not _is_country_name(text[before : start - 2]):
            break
        start = before
    return start


def _is_country_name(word: str) -> bool:
    """'Turkey', 'Saudi Arabia': a country's own name, not its adjective ('Turkish') nor its capital ('Ankara', which
    shares no opening with the adjective as 'France' and 'French' do)."""
    if _COUNTRY_NAME_RE.fullmatch(word) is None:
        return False
    country = country_of(word) or country_of(f"{word}'s")  # ("Jordan's" is known where "Jordan" alone is not)
    return country not in ("", word) and country[:2] == word[:2]
