"""An outlet relaying the source it cites before the cue: "SANA, citing local sources, said P" (the cited source
speaks; claim annotation guideline, conduit rule)."""

import re

from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.clauses import after_clause_word, segment_cut, segment_start
from consumers.claims.sources.phrases import has_capital, is_valid_subject
from consumers.claims.sources.words import is_outlet


def cited_source(text: str, lo: int, seg_start: int, comma: int, cand: Candidate) -> bool:
    """'SANA, citing local sources, said P': an outlet relays, the cited source speaks (guideline, conduit rule)."""
    cut = segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    outlet_start = after_clause_word(text, segment_start(text, lo, cut), cut)
    relay = text[outlet_start:cut]
    source_start = seg_start + len(text[seg_start:comma].split()[0]) + 1
    if not is_outlet(relay) and not _OUTLET_STAFF_RE.fullmatch(relay):
        # "Diplomatic sources, citing a Western official, said P": any relay passes on the cited source's words; a
        # document it cites ("citing a survey by its clinics") is its own evidence, and the relay speaks
        if not has_capital(relay) or not is_valid_subject(relay):
            return False
        if _CITED_DOCUMENT_RE.match(text, source_start, comma):
            cand.mention_start, cand.mention_end, cand.head_end = outlet_start, cut, cut
            cand.clause_start = outlet_start
            return True
    cand.mention_start, cand.mention_end, cand.head_end = source_start, comma, comma
    cand.clause_start = outlet_start
    return True


# An outlet's own staff relay too: "ANHA's correspondent, quoting medical sources, said", "Our reporter, citing X,"
_OUTLET_STAFF_RE = re.compile(
    r"(?:(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir)\s+|[A-Z][\w-]*['’]s\s+)(?:[a-z]+\s+)?(?:correspondent|reporter|journalist)"
)

# What a body cites as its evidence, not a source of words: "citing a survey by its clinics", "citing figures from"
_CITED_DOCUMENT_RE = re.compile(
    r"(?:(?:a|an|the|its|their|his|her|new|recent|latest|official|own|internal|\w+['’]s)\s+){0,3}"
    r"(?:report|reports|study|studies|survey|surveys|figures|data|document|documents|records|statistics|estimates|"
    r"satellite|images|imagery|footage|research|analysis|findings|count|counts|tally|census|assessment|"
    r"assessments)\b"
)
