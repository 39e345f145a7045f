"""One sentence -> attributed claim candidates: where the source is, which cue, where the content lies.

Constructions (claim annotation guideline): "X said (that) P", "P, X said", "P, said X", "P1, X said, P2" (one span
across the cue), '"Q1," X said, "Q2"' (two claims), "According to X, P", "P, according to X", "X accused Y of P",
"X quoted Y as saying: Q", "P, OUTLET reported, citing X" (the outlet only relays), "X said P and accused Y of Q".
"""

import re

from consumers.claims import cues
from consumers.claims.attribution.candidates import IN_THEIR_WORDS_RE, find_candidates
from consumers.claims.attribution.spans import RawClaim, claims_from_candidates
from consumers.claims.relay import relay_clause_start
from consumers.claims.searches import DocumentSearches
from consumers.claims.segment import Quote, in_spans


def attribute_sentence(
    text: str, start: int, end: int, quotes: list[Quote], searches: DocumentSearches
) -> list[RawClaim]:
    """Claims of one sentence [start, end); quotes are the outermost quotations of the text, searches its
    document's."""
    first_cue = cues.CUE_RE.search(text, start, end)
    if first_cue is None and not (text.startswith("In ", start) and IN_THEIR_WORDS_RE.match(text, start, end)):
        return []  # no cue at all (most narrative sentences): nothing to attribute, skip the costlier tests
    scan_from = first_cue.start() if first_cue is not None else end
    inside = [(q.start, q.end) for q in quotes if q.end > start and q.start < end]
    if _is_question(text, start, end, inside):
        return []
    if text.startswith("As ", start) and (reported := _AS_REPORTED_RE.match(text, start, end)) is not None:
        # "As AFP reported last week, P": the outlet's report, P after the comma; the writer's own outlet ("As
        # Reuters reported earlier" under a Reuters dateline) is the text's narration
        if _is_own_outlet(text, reported.group(1)):
            return []
        content = reported.end()
        while content < end and text[content].isspace():
            content += 1
        cue = text[reported.start(2) : reported.end(2)]
        return [RawClaim(content, end, cue, reported.start(1), reported.end(1), reported.end(1), -1)]
    if text.startswith(_SUBORDINATORS, start):
        comma = _main_clause_comma(text, start, end, scan_from, inside)
        if comma > 0:
            # "When X announced that P, many expected Q": P ends where the main clause begins; each part on its own
            sub_start = text.index(" ", start) + 1
            return attribute_sentence(text, sub_start, comma, quotes, searches) + attribute_sentence(
                text, comma + 1, end, quotes, searches
            )
    tail = relay_clause_start(text, start, end, inside)
    if tail > start:
        # Conduit rule: "P, X said, TASS reported": the outlet only relays; X speaks and the span stops before it.
        cands = find_candidates(text, start, tail, inside, scan_from, searches)
        if cands:
            return claims_from_candidates(text, start, tail, cands, inside)
    cands = find_candidates(text, start, end, inside, scan_from, searches)
    return claims_from_candidates(text, start, end, cands, inside)


# "As AFP reported last week,", "As the agency said earlier,": a named source's earlier report, then P
_AS_REPORTED_RE = re.compile(
    r"As\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|the\s+[a-z]{3,})\s+((?:has\s+|had\s+)?(?:reported|said|noted))"
    r"(?:\s+(?:earlier|previously|before|last\s+(?:week|month|year)|on\s+[A-Z][a-z]+))?\s*,\s"
)


def _is_own_outlet(text: str, outlet: str) -> bool:
    """The outlet signs the text: named in its dateline ("/TASS/", "(Reuters)") near the top."""
    head = text[:400]
    return f"/{outlet}/" in head or f"({outlet})" in head or f"({outlet} " in head or f", {outlet})" in head


def _is_question(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> bool:
    i = end - 1
    while i > start and (text[i].isspace() or text[i] in "\"”’»'"):
        i -= 1
    return text[i] == "?" and not in_spans(i, inside)


# A sentence opened by a subordinate clause: its report ends at the comma before the main clause. ("As X said, P" and
# "If X says P" are left out: the first reports the main clause, the second reports nothing.)
_SUBORDINATORS = ("When ", "After ", "Once ", "Although ", "Though ", "Since ", "Because ", "While ", "Before ",
                  "Whereas ")


def _main_clause_comma(text: str, start: int, end: int, first_cue: int, inside: list[tuple[int, int]]) -> int:
    """The first comma after the subordinate clause's first cue, outside quotes and numbers, or -1 (also when a
    comma comes before that cue: the clause ended before it, "When the shells came, I told my staff: Q")."""
    if text.find(",", start, first_cue) >= 0:
        return -1
    comma = text.find(",", first_cue, end)
    while comma > 0 and (in_spans(comma, inside) or (text[comma - 1 : comma].isdigit()
                                                      and text[comma + 1 : comma + 2].isdigit())
                         or _in_list_subject(text, first_cue, comma, end)):
        comma = text.find(",", comma + 1, end)
    return comma


def _in_list_subject(text: str, first_cue: int, comma: int, end: int) -> bool:
    """'announced that prices, wages and rents would rise, traders ...': the comma after the first item of a list
    that opens the reported clause and is its subject (not 'said that the road was open, police and ...')."""
    if text.find("that", max(first_cue, comma - 40), comma) < 0:
        return False  # (exact tests first: the patterns need "that" before the comma, "and" or "or" after it)
    if text.find(" and ", comma, comma + 80) < 0 and text.find(" or ", comma, comma + 80) < 0:
        return False
    return _LIST_FIRST_ITEM_RE.search(text, max(first_cue, comma - 40), comma) is not None and \
        _LIST_SUBJECT_RE.match(text, comma, end) is not None


_LIST_FIRST_ITEM_RE = re.compile(r"\bthat\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+$")
_LIST_SUBJECT_RE = re.compile(
    r",(?:\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?,)*\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?,?\s+(?:and|or)\s+[\w'’-]+"
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:would|will|had|have|has|was|were|is|are|could|might|must|should|can|may)\b"
)
