"""Verb cues: the speaker before the verb ("X said that P", "P, X said", "..., adding that"), after it ("P, said
X"), or the sentence subject for a participle; cue_content.py then finds the complement that carries the content.
"""

import bisect
import re

from consumers.claims import cues
from consumers.claims.attribution.cue_content import mentions_document, with_complement
from consumers.claims.attribution.propositions import lacks_proposition
from consumers.claims.searches import DocumentSearches
from consumers.claims.sources import Candidate, sentence_subject, skip_space, subject_left, subject_right
from consumers.claims.sources.phrases import is_valid_subject

_RELATIVE_AFTER_RE = re.compile(r",\s+(?:which|who)\s+(?:also\s+)?")
_JOINED_RE = re.compile(r"(?:,\s*(?:and|but)|,|\b(?:and|but))\s*$")
# The last character before the closing spaces of every form of _JOINED_RE: a cheap exact test before the search.
_JOINED_LAST_CHARS = frozenset(",dt")
_COMMA_IN_QUOTE_RE = re.compile(r',["”»]\s*$')
_COMMA_WHILE_RE = re.compile(r",\s*while\s+$")


def _last_end_before(spans: list[tuple[int, int]], pos: int, floor: int) -> int:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    while i >= 0 and spans[i][1] > pos:
        i -= 1
    return max(floor, spans[i][1]) if i >= 0 else floor


def verb_cue(
    text: str,
    m: re.Match[str],
    verb: str,
    lo: int,
    s_end: int,
    inside: list[tuple[int, int]],
    cands: list[Candidate],
    searches: DocumentSearches,
) -> Candidate | None:
    """A verb cue with its speaker (before the verb, after it, or the sentence subject) and its complement."""
    left_lo = _last_end_before(inside, m.start(), lo)
    if left_lo > lo:
        left_lo = _before_quoted_name(text, inside, left_lo, lo)
    if left_lo > lo and text[m.start() - 1 : m.start()] == " ":
        left_lo = _before_quote_in_relative(text, inside, left_lo, lo, m.start())
    aux_start = cues.verb_group_start(text, left_lo, m.start())
    before = text[max(left_lo, aux_start - 40) : aux_start]
    if cues.may_end_with_negation_or_passive(before) and (
        cues.NEGATION_RE.search(before) or cues.PASSIVE_RE.search(before)
    ):
        return _passive_with_agent(text, m, verb, before, aux_start - len(before), s_end)
    cand = Candidate(aux_start, m.end(), verb, aux_start)
    if cands and cands[-1].verb == "according to" and text.startswith(",", cands[-1].mention_end) \
            and _RELATIVE_AFTER_RE.fullmatch(text, cands[-1].mention_end, aux_start):
        # "P, according to the directorate, which blamed the delay on X": the source of "according to" again
        source = cands[-1]
        cand.mention_start, cand.mention_end, cand.head_end = source.mention_start, source.mention_end, source.head_end
        cand.clause_start = source.mention_end
        return with_complement(text, m, verb, s_end, cand, inside)
    if verb in cues.PARTICIPLES and text.find("with ", max(left_lo, aux_start - 80), aux_start) >= 0 \
            and _with_subject(text, left_lo, aux_start, cand):
        return with_complement(text, m, verb, s_end, cand, inside)  # "P, with one farmer telling the site that Q"
    joined = _joining_words(text, verb, lo, left_lo, aux_start)
    if joined is None and cands and cands[-1].content_to > 0 and text[aux_start - 2 : aux_start - 1] in "\"”»":
        # 'NAME, who told reporters "Q," said P': the comma closing the relative clause's quotation joins the verb
        joined = _COMMA_IN_QUOTE_RE.search(text, max(lo, aux_start - 4), aux_start)
    if joined is not None and _continues_clause(verb, joined, aux_start, cands):
        if not _inherited_speaker(text, verb, joined, lo, left_lo, aux_start, inside, cands, cand, searches):
            return None
    elif not _speaker_before(text, verb, left_lo, aux_start, cands, cand, searches):
        return _speaker_after(text, m, verb, s_end, left_lo, aux_start, cand)
    return with_complement(text, m, verb, s_end, cand, inside)


def _joining_words(text: str, verb: str, lo: int, left_lo: int, aux_start: int) -> re.Match[str] | None:
    """The comma or conjunction joining the cue to the clause before it ("..., adding", "and said"), or None."""
    near = max(left_lo, aux_start - 12)
    joined = (
        _JOINED_RE.search(text, near, aux_start)
        if text[near:aux_start].rstrip()[-1:] in _JOINED_LAST_CHARS
        else None
    )
    if joined is None and verb in cues.PARTICIPLES:
        # 'described it as "unfair," saying P': the comma closing the quote joins the participle too
        joined = _COMMA_IN_QUOTE_RE.search(text, max(lo, aux_start - 4), aux_start)
        if joined is None and text.endswith("while ", max(lo, aux_start - 6), aux_start):
            joined = _COMMA_WHILE_RE.search(text, max(lo, aux_start - 10), aux_start)  # "said P, while noting Q"
    return joined


def _continues_clause(verb: str, joined: re.Match[str], aux_start: int, cands: list[Candidate]) -> bool:
    """The joined cue goes on the clause before it: right after the last cue's content, as a participle, or
    coordinated ("and said"); a bare comma before a finite verb ("P, said X") does not."""
    words = joined.group()
    return _ends_last_content(joined, aux_start, cands) or verb in cues.PARTICIPLES or "and" in words or "but" in words


def _ends_last_content(joined: re.Match[str], aux_start: int, cands: list[Candidate]) -> bool:
    """The comma joining the cue closes the content of the cue before ("NAME, who said P, told us Q")."""
    return bool(cands) and cands[-1].content_to == aux_start - len(joined.group()) and joined.group()[0] == ","


def _inherited_speaker(
    text: str,
    verb: str,
    joined: re.Match[str],
    lo: int,
    left_lo: int,
    aux_start: int,
    inside: list[tuple[int, int]],
    cands: list[Candidate],
    cand: Candidate,
    searches: DocumentSearches,
) -> bool:
    """The speaker of the clause the cue continues speaks again; False when that clause has none."""
    joint = aux_start - len(joined.group())
    if _ends_last_content(joined, aux_start, cands):
        cand.inherit, cand.clause_start = True, joint  # "NAME, who said P, told us Q": NAME again
        return True
    cand.inherit, cand.clause_start = True, joint  # "..., adding that", "and said"
    if verb in cues.PARTICIPLES and _disputing_subject(text, left_lo, joint, cand):
        return True  # "X said P, a figure the ministry disputed, saying Q": the ministry speaks Q
    if verb in cues.PARTICIPLES and not cands and _relayed_document(text, left_lo, joint, cand):
        cand.inherit = False
        return True  # "The channel carried a statement, from the Interior Ministry, saying P": the ministry
    # (a later cue inherits from the cues before it; the first one needs the sentence's subject)
    return bool(cands) or sentence_subject(text, left_lo, aux_start, cand, searches) or (
        left_lo > lo
        and searches.only_scare_quotes(inside, lo, left_lo)
        and sentence_subject(text, lo, aux_start, cand, searches)
    )


def _speaker_before(
    text: str,
    verb: str,
    left_lo: int,
    aux_start: int,
    cands: list[Candidate],
    cand: Candidate,
    searches: DocumentSearches,
) -> bool:
    """The speaker just before the cue ("X said"), or the subject a participle reports for; False if none."""
    if verb in cues.PARTICIPLES:
        if not cands and _subject_before_verb(text, left_lo, aux_start, cand, searches):
            return True  # "X posted a message in Kurdish saying P": the subject of "posted", not all before it
        if text.endswith(_PERCEIVED_ENDINGS, left_lo, aux_start) \
                and (perceived := _PERCEIVED_RE.search(text, max(left_lo, aux_start - 40), aux_start)) is not None \
                and subject_left(text, left_lo, perceived.start(), cand, searches):
            return True  # "X can be heard saying P", "X was filmed saying P": X speaks, in a recording
    return subject_left(text, left_lo, aux_start, cand, searches)


def _speaker_after(
    text: str, m: re.Match[str], verb: str, s_end: int, left_lo: int, aux_start: int, cand: Candidate
) -> Candidate | None:
    """'P, said X': an invertible verb with its speaker after it and its content before it; None if not so."""
    if not (verb in cues.INVERTIBLE and subject_right(text, m.end(), s_end, cand, aux_start, left_lo)):
        return None
    if verb in ("read", "reads") and not mentions_document(text, cand):
        return None
    return None if lacks_proposition(text, cand, verb, "left", -1) else cand


# "..., a figure the ministry in Damascus disputed,": a relative clause whose own subject a participle after it reports
# for (the disputing body, not the sentence subject whose figure it disputes).
_DISPUTING_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:figure|toll|number|claim|account|version|estimate|count|allegation)s?\s+"
    r"(?:that\s+|which\s+)?((?:the\s+|an?\s+)?[\w'’ -]{2,60}?)\s+(?:has\s+|had\s+|also\s+)?"
    r"(?:disputed|denied|rejected|refuted|contested|dismissed|questioned|challenged)$"
)


# "can be heard", "was filmed", "is seen": a recording shows the subject saying what follows
_PERCEIVED_RE = re.compile(
    r"\s+(?:(?:can|could|may)\s+be|is|was|are|were|has\s+been|had\s+been)\s+(?:clearly\s+)?"
    r"(?:heard|seen|filmed|shown|recorded|pictured|captured)\s+$"
)
_PERCEIVED_ENDINGS = ("heard ", "seen ", "filmed ", "shown ", "recorded ", "pictured ", "captured ")
# "..., with one farmer telling the site that": an absolute clause gives the participle a subject of its own
_WITH_SUBJECT_RE = re.compile(
    r",\s+with\s+((?:(?:one|two|three|several|some|many|a|an|the|its|their)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+$"
)


def _with_subject(text: str, lo: int, pos: int, cand: Candidate) -> bool:
    """The subject of an absolute 'with' clause ending at pos, as the participle's speaker; False if none."""
    return _own_clause_subject(_WITH_SUBJECT_RE, 80, text, lo, pos, cand)


def _disputing_subject(text: str, lo: int, pos: int, cand: Candidate) -> bool:
    """The subject of the disputing relative clause ending at pos, as the participle's speaker; False if none."""
    if not text.endswith("ed", max(lo, pos - 2), pos):
        return False  # (a cheap test: the clause ends with its verb)
    return _own_clause_subject(_DISPUTING_RE, 140, text, lo, pos, cand)


def _own_clause_subject(
    clause_re: re.Pattern[str], reach: int, text: str, lo: int, pos: int, cand: Candidate
) -> bool:
    """The subject (group 1) of a clause_re clause ending at pos, within reach before it, as the participle's
    speaker; False if none."""
    m = clause_re.search(text, max(lo, pos - reach), pos)
    if m is None or not is_valid_subject(m.group(1)):
        return False
    cand.inherit, cand.disputes, cand.clause_start = False, True, m.start()  # the clause ends the claim before
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), m.end(1), m.end(1)
    return True


# "It was claimed by the broadcaster X that P": a passive report whose agent is named has an identifiable source
# (guideline, "What is a claim"); "it was claimed that P" has none and stays no claim.
_IT_PASSIVE_RE = re.compile(r"\b[Ii]t\s+(?:(?:has|had)\s+been|was|is)\s*$")
_PASSIVE_AGENT_RE = re.compile(r"\s+by\s+([^,.;:!?\"“”«»]{2,80}?)\s+that\b")


def _passive_with_agent(text: str, m: re.Match[str], verb: str, before: str, at: int, s_end: int) -> Candidate | None:
    """'It was claimed by X that P': X speaks P; any other passive or negated cue reports nothing."""
    if verb in cues.OBJECT_VERBS or not before.endswith(("was", "is", "been", "was ", "is ", "been ")):
        return None
    subject = _IT_PASSIVE_RE.search(before)
    agent = _PASSIVE_AGENT_RE.match(text, m.end(), min(s_end, m.end() + 100)) if subject else None
    if subject is None or agent is None:
        return None
    it = at + subject.start()
    cand = Candidate(it, agent.end(), verb, it, agent.start(1), agent.end(1), agent.end(1))
    cand.complement, cand.content_from = "that", skip_space(text, agent.end(), s_end)
    return cand


def _before_quoted_name(text: str, inside: list[tuple[int, int]], quote_end: int, lo: int) -> int:
    """'A group calling itself "Ansar al-Haqq" said P', 'The report, titled "Q," argues that P': a name or title in
    quotation marks is part of the subject, so the subject may start before it; else quote_end."""
    # A binary search on the spans' ends in place: a list of them made per cue made hostile text (thousands of
    # quotes and cues on one line) quadratic.
    i = bisect.bisect_left(inside, quote_end, key=_span_end)
    if i >= len(inside) or inside[i][1] != quote_end:
        return quote_end
    q_start = inside[i][0]
    if quote_end - q_start > 60 or not (
        text[q_start + 1 : q_start + 2].isupper()
        or (quote_end - q_start <= 30 and text.endswith(("as ", "ed "), 0, q_start))
    ):
        return quote_end  # (a short lower-case name too, after "known as", "nicknamed": 'known as "abu dujana" said')
    if _NAMING_BEFORE_QUOTE_RE.search(text, max(lo, q_start - 40), q_start) is None \
            and not _ARTICLE_BEFORE_QUOTE_RE.fullmatch(text, lo, q_start):
        return quote_end
    # (only with no quotation before the name: '"Q," a man known as "Abu Ali" said' keeps its quote-first shape)
    return lo if _last_end_before(inside, q_start, lo) == lo else quote_end


def _before_quote_in_relative(text: str, inside: list[tuple[int, int]], quote_end: int, lo: int, cue: int) -> int:
    """'Kharbouti, who dedicated the goal to "the people of Aleppo," said P': a quotation that closes a relative
    clause on the subject (its comma inside the marks) is part of the subject, so the subject may start before it;
    else quote_end. A clause that reports ('who said "Q,"') keeps its quotation as a claim."""
    if quote_end + 1 != cue or text[quote_end - 2 : quote_end - 1] != ",":
        return quote_end
    i = bisect.bisect_left(inside, quote_end, key=_span_end)
    if i >= len(inside) or inside[i][1] != quote_end:
        return quote_end
    q_start = inside[i][0]
    relative = None
    for found in _RELATIVE_OPEN_RE.finditer(text, max(lo, q_start - 150), q_start):
        relative = found  # (the last relative pronoun before the quotation opens its clause)
    if relative is None or _last_end_before(inside, q_start, lo) > relative.start():
        return quote_end
    if cues.CUE_RE.search(text, relative.end(), q_start) is not None:
        return quote_end
    return _last_end_before(inside, q_start, lo)


_RELATIVE_OPEN_RE = re.compile(r",\s+(?:who|which|whose)\s")


def _span_end(span: tuple[int, int]) -> int:
    return span[1]


# A quoted name opening its clause after the article: 'The "Sultan Murad Division" denied P', 'the so-called "X"'
_ARTICLE_BEFORE_QUOTE_RE = re.compile(r"\s*(?:(?:But|And|However,)\s+)?(?:[Tt]he|[Tt]he\s+so-called|[Aa])\s+")
_NAMING_BEFORE_QUOTE_RE = re.compile(
    r"\b(?:(?:calling|calls|called)\s+(?:itself|themselves|himself|herself)|(?:known|referred\s+to)\s+as|dubbed|"
    # a witness's code in court: 'identified in court only as "Witness 3"', 'identified only as "W7"'
    r"identified\s+(?:(?:in|by)\s+(?:the\s+)?[a-z]+\s+)?(?:only\s+)?as|"
    r"named|nicknamed|titled|entitled|headlined|(?<=channel |account )called|(?<=page )called)\s+(?:the\s+)?$"
)


def _subject_before_verb(text: str, lo: int, pos: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """'X issued a statement saying P': a verb and its object stand between the subject and the participle."""
    if _relayed_document(text, lo, pos, cand):
        return True
    verb = _VERB_THEN_OBJECT_RE.search(text, lo, pos)
    if verb is not None and verb.start() > lo and subject_left(text, lo, verb.start(), cand, searches):
        return True
    # "The site that first shared it, Kobani Now, deleted its post and published a note saying P": the named subject
    return (
        verb is not None
        and text.find(", ", verb.start(), pos) > 0
        and sentence_subject(text, lo, pos, cand, searches)
    )


def _relayed_document(text: str, lo: int, pos: int, cand: Candidate) -> bool:
    """'State TV carried a statement from the Interior Ministry saying P': the channel relays, the statement speaks
    for its issuer (guideline, conduit rule); False when no relayed document with its issuer ends at pos."""
    if text.find("from", lo, pos) < 0 and text.find(" by ", lo, pos) < 0:
        return False  # (a cheap test first: most participles follow no relayed document)
    relayed = _RELAYED_DOCUMENT_RE.search(text, max(lo, pos - 200), pos)
    if relayed is None:
        return False
    cand.mention_start, cand.mention_end, cand.head_end = relayed.start(1), relayed.end(1), relayed.end(1)
    cand.clause_start = relayed.start(1)
    return True


# A document relayed with its issuer after it, then the participle: "aired a statement from the army saying"
_RELAYED_DOCUMENT_RE = re.compile(
    r"\b(?:carried|aired|broadcast|relayed|read\s+out|read)\s+((?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|communiqu[eé]|letter|message)s?,?\s+(?:from|by)\s+[^,;:.!?\"“”]{2,80}?),?\s*$"
)
# (a regular past tense, or an irregular one that sends or makes a text: "the office sent a statement saying P")
_VERB_THEN_OBJECT_RE = re.compile(
    r"\b(?:[a-z]+ed|sent|put\s+out|gave|made|wrote|read|sends|gives|makes|writes)\s+(?:a|an|the|its|his|her|their)\s"
)

