"""Speakers a clause points back to before their cue: a relative clause's antecedent ("said Peskov, who ...",
'a channel called "Sahel Leaks," which says') and the subject a pronoun in a gap stands for ("which it said")."""

import re

from consumers.claims.searches import DocumentSearches
from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.clauses import after_clause_word, segment_start
from consumers.claims.sources.phrases import has_capital, is_valid_subject
from consumers.claims.sources.sentence_subject import sentence_subject


def gap_antecedent(text: str, lo: int, pronoun_start: int, cand: Candidate, searches: DocumentSearches) -> None:
    """'The ministry condemned the raid, which it said killed ...': "it" is the subject of the sentence's verb."""
    pronoun = (cand.mention_start, cand.mention_end, cand.head_end)
    if sentence_subject(text, lo, pronoun_start, cand, searches) and not _PAST_VERB_RE.match(text, cand.mention_end):
        cand.mention_start, cand.mention_end, cand.head_end = pronoun  # "The Syrian foreign ...": no whole subject
    cand.inherit = False


_PAST_VERB_RE = re.compile(
    r"\s+(?:(?:also|strongly|later|earlier|then|again|previously|publicly)\s+|on\s+\w+\s+)?[a-z]+(?:ed|ned|ought)\b"
)


def relative_antecedent(text: str, lo: int, who_start: int, cand: Candidate) -> bool:
    """'said Peskov, who described the situation as ...': the speaker is the name before 'who'."""
    end = who_start
    while end > lo and text[end - 1] in " ,":
        end -= 1
    start = segment_start(text, lo, end)
    start = after_clause_word(text, start, end)
    # "The charge was made by lawmaker Karim Nassar, who told ...": the object of "by"/"from" is the antecedent
    agents = list(_AGENT_PREPOSITION_RE.finditer(text, start, end))
    if agents and has_capital(text[agents[-1].end() : end]):
        start = agents[-1].end()
    near = max(start, end - 50)  # (the object is the last few words: a bounded search, and only with " a" in them)
    obj = (
        _INDEFINITE_OBJECT_RE.search(text, near - 1 if near > start else near, end)
        if text.startswith("who", who_start) and text.find(" a", near, end) >= 0
        else None
    )
    if obj is not None and obj.start(1) > start and is_valid_subject(obj.group(1)):
        # "Investigators also met a former guard, who said P": the object just before "who" is the speaker
        cand.mention_start, cand.mention_end, cand.head_end = obj.start(1), end, end
        cand.clause_start = who_start
        return True
    near = max(lo, end - 80)
    called = (
        _CALLED_NAME_RE.search(text, near, end)
        if text.find("called", near, end) >= 0 or text.find("name", near, end) >= 0
        else None
    )
    if called is not None:
        # 'a Telegram channel called "Sahel Leaks," which says P', 'a doctor named X, who said P': the name
        cand.mention_start, cand.mention_end, cand.head_end = called.start(1), called.end(1), called.end(1)
        cand.clause_start = who_start
        return True
    if end <= start or not is_valid_subject(text[start:end]) or not has_capital(text[start:end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = start, end, end
    cand.clause_start = who_start
    return True


# the name given just before the relative: 'a channel called "Sahel Leaks,"', "a doctor whose name is Amal Darwish"
_CALLED_NAME_RE = re.compile(r"\b(?:called|named|whose\s+name\s+is)\s+[\"“]?([A-Z][^,\"“”]{1,40}?),?[\"”]?$")
# ("the statement of the State Department, which claimed that P": the body whose words they are)
_AGENT_PREPOSITION_RE = re.compile(
    r"\b(?:by|from|(?:statement|report|remarks|comments|claims?|accusations?|allegations?)\s+of)\s+"
)
_INDEFINITE_OBJECT_RE = re.compile(r"\s(an?\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)$")
