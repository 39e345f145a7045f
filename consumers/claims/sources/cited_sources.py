"""An outlet relaying the source it cites before the cue: "SANA, citing local sources, said P" (the cited source
speaks; claim annotation guideline, conduit rule)."""

import re

from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.clauses import after_clause_word, segment_cut, segment_start
from consumers.claims.sources.words import is_outlet


def cited_source(text: str, lo: int, seg_start: int, comma: int, cand: Candidate) -> bool:
    """'SANA, citing local sources, said P': an outlet relays, the cited source speaks (guideline, conduit rule)."""
    cut = segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    outlet_start = after_clause_word(text, segment_start(text, lo, cut), cut)
    relay = text[outlet_start:cut]
    if not is_outlet(relay) and not _OUTLET_STAFF_RE.fullmatch(relay):
        return False
    source_start = seg_start + len(text[seg_start:comma].split()[0]) + 1
    cand.mention_start, cand.mention_end, cand.head_end = source_start, comma, comma
    cand.clause_start = outlet_start
    return True


# An outlet's own staff relay too: "ANHA's correspondent, quoting medical sources, said", "Our reporter, citing X,"
_OUTLET_STAFF_RE = re.compile(
    r"(?:(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir)\s+|[A-Z][\w-]*['’]s\s+)(?:[a-z]+\s+)?(?:correspondent|reporter|journalist)"
)
