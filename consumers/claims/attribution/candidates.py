"""The cues of a sentence that attribute something, each as a Candidate: a participle opening the sentence, "X
quoted Y as saying", "according to X" and verb cues; a report inside another report's content is left out.
"""

import re

from consumers.claims import cues
from consumers.claims.attribution.according import according_cue
from consumers.claims.attribution.verb_cues import verb_cue
from consumers.claims.complements import complement
from consumers.claims.searches import DocumentSearches
from consumers.claims.segment import in_spans
from consumers.claims.sources import Candidate, is_outlet, skip_space

# "..., while the Observatory said 15", '"...," and a ministry official said': another source's report of its own
_CONTRAST_RE = re.compile(r"(?:\b(?:while|whereas|but)|;|,[\"”’»']?\s+and)\s*$")
_STATES_NOUN_RE = re.compile(
    r"\b(?:Gulf|Arab|[Mm]ember|Western|European|[Nn]eighbou?ring|Islamic|Muslim|[Oo]ther|[Ss]everal|[Mm]any|[Ss]ome|"
    r"[Nn]ation|[Bb]altic|African|Asian|Central)\s+$"
)
# '"Q", a view rejected by X, which said P': the journalist's apposition hands over to another source's own report
_VIEW_ANSWERED_BY_RE = re.compile(
    r",\s+an?\s+(?:view|position|assessment|account|claim|reading)\s+(?:\w+\s+)?(?:rejected|disputed|contested|"
    r"shared|echoed|challenged)\s+by\s+(?:[\w'’-]+\s+){0,2}$"
)
_ALSO_NOUNS = frozenset(["states", "state", "report", "reports"])
_REPORT_ADJECTIVE_RE = re.compile(
    r"\b(?:new|latest|annual|monthly|weekly|quarterly|final|recent|special|interim|joint|detailed|preliminary)\s+$"
)
_NOUN_USE_RE = re.compile(
    r"\s+(?:say|said|says|suggest|suggested|suggests|claim|claimed|indicate|indicated|indicates|show|shows|showed|"
    r"put|puts|circulat\w+)\b"
)
# A fact-check's verdict on a claim: "rates the Russian claim False", "rated the ministry's claims Misleading"
# (a determiner after the verb: "exchange rate sites claim P" is no verdict)
_RATED_BEFORE_RE = re.compile(
    r"\b(?:[Rr]ates?|[Rr]ated|[Rr]ating)\s+(?:the|this|that|these|those|its|their|his|her|[\w.-]+['’]s)\s+"
    r"(?:[\w'’.-]+\s+){0,3}$"
)
_PRONOUN_BEFORE_RE = re.compile(r"\b(?:it|they|he|she)\s+$")
_GAP_VERB_AFTER_RE = re.compile(r"\s+(?:show|shows|showed|suggest|suggested|suggests|indicate|indicated|indicates)\b")
_DETERMINERS_BEFORE_VERB = re.compile(
    r"(?:\b(?:a|an|the|his|her|its|their|our|my|your|this|that)\s+|[-]|['’]s\s+)$", re.I
)
# The last character before the closing spaces of every form of _DETERMINERS_BEFORE_VERB, in either case ("ſ" is
# an "s" to the case-insensitive pattern): a cheap exact test before the search.
_DETERMINER_LAST_CHARS = frozenset("anesrytANESRYTſ-")


# "In her words, P" opening a sentence: its pronoun in group 1
IN_THEIR_WORDS_RE = re.compile(r"In\s+(his|her|their|its)\s+words(?=,)")


def find_candidates(
    text: str, start: int, end: int, inside: list[tuple[int, int]], scan_from: int, searches: DocumentSearches
) -> list[Candidate]:
    """Cues of [start, end) that attribute something; scan_from: the first cue (no cue starts before it)."""
    cands: list[Candidate] = []
    if text.startswith("In ", start) and (words := IN_THEIR_WORDS_RE.match(text, start, end)) is not None:
        # "In her words, P" (TASS's "По её словам") opening a sentence: as "According to her, P"
        opening = Candidate(start, words.end(), "in her words", start, words.start(1), words.end(1), words.end(1))
        opening.complement, opening.content_from = "direct", skip_space(text, words.end() + 1, end)
        opening.cue_end = words.end()
        cands.append(opening)
        scan_from = max(scan_from, opening.cue_end)
    if text[start : start + 1].isupper() and (fronted := _fronted(text, start, end)) is not None:
        cands.append(fronted)
        scan_from = max(scan_from, fronted.cue_end)
    for m in cues.CUE_RE.finditer(text, scan_from, end):
        if in_spans(m.start(), inside):
            continue
        lo = cands[-1].cue_end if cands else start
        cand = _analyse_cue(text, m, lo, start, end, inside, cands, searches)
        if cand is None:
            continue
        if cand.mention_start >= 0 and text.count(" ", cand.mention_start, cand.head_end) > 1:
            _drop_relaying_outlet(text, cand)  # (an outlet, its verb and a source: three words at least)
        if cands and (view := _VIEW_ANSWERED_BY_RE.search(text, max(0, cand.mention_start - 60), cand.mention_start)):
            cand.clause_start = min(cand.clause_start, view.start())  # the content before ends at the quotation
            cands.append(cand)
        elif not _is_embedded(text, cand, cands):
            cands.append(cand)
        elif _relays_report(text, cand, cands[-1]):
            cands[-1] = cand
        elif _closes_outer_report(text, start, cand, cands):
            cands[:] = [cand]
    return cands


def _closes_outer_report(text: str, start: int, cand: Candidate, cands: list[Candidate]) -> bool:
    """'Our colleagues say that P, he said', 'The coalition has denied any role in the raid, the source added': the
    closing cue reports the whole sentence before it, the report that opens it included (guideline, "Nesting": outer
    claim only); an outlet closing it only relays (relay.py)."""
    if cand.complement != "empty" or cand.inherit or len(cands) != 1 or cands[0].clause_start != start:
        return False
    if cands[0].complement not in ("that", "direct") \
            or not text[cands[0].cue_end : cand.mention_start].rstrip().endswith(","):
        return False
    mention = text[cand.mention_start : cand.mention_end]
    # (not "P, an accusation residents deny": the journalist's apposition, its noun no speaker)
    return not mention.startswith(("a ", "an ")) and not is_outlet(mention)


def _relays_report(text: str, cand: Candidate, outer: Candidate) -> bool:
    """'Tasnim reported that Esbati had described X as "Q"': an outlet only relays the report that opens its
    content, so the reported source speaks (guideline, conduit rule)."""
    if outer.verb not in _RELAY_VERBS or outer.complement not in ("that", "direct") \
            or cand.mention_start != outer.content_from:  # "that" may be left out: "SANA said X had stressed that"
        return False
    if cand.inherit or cand.complement not in ("that", "direct", "colon"):
        return False
    return is_outlet(text[outer.mention_start : outer.mention_end])


_RELAY_VERBS = frozenset(["reported", "reports", "said", "says", "wrote", "writes"])
# "The Kurdish outlet Hawar reported the council had said that P": no "that" after the outlet's verb, so its report is
# no cue of its own and the subject found before "had said" runs back over it.
_RELAY_INSIDE_RE = re.compile(r"\s(?:reported|reports|wrote|writes|said|says)\s+(?:that\s+)?(?=[\w\"“])")


def _drop_relaying_outlet(text: str, cand: Candidate) -> None:
    """An outlet that only relays the speaker of the cue is no part of the mention (guideline, conduit rule)."""
    if cand.verb == "according to":
        return  # ("according to X" names its source itself)
    m = _RELAY_INSIDE_RE.search(text, cand.mention_start, cand.head_end)
    if m is not None and is_outlet(text[cand.mention_start : m.start()]):
        cand.mention_start = m.end()


def _is_embedded(text: str, cand: Candidate, cands: list[Candidate]) -> bool:
    """'He said the Russian side had informed its partners': a report inside reported content (outer only)."""
    if cand.inherit and cands and cands[-1].complement == "that" and _BACKSHIFTED_RE.match(text, cand.clause_start):
        return True  # 'stressed that the side "Q" and had informed its partners': backshift, P goes on after "and"
    if not cands or cand.inherit or cand.disputes or cand.verb == "according to":
        return False
    if cands[-1].complement not in ("that", "colon", "direct") or cands[-1].fronted:
        return False
    if cand.mention_start < cands[-1].content_from:
        return False
    if cand.verb in _ASIDE_VERBS and (where := _WHERE_BEFORE_RE.search(
            text, max(0, cand.mention_start - 8), cand.mention_start)) is not None:
        # "told the court he had never entered the wing where prosecutors say P": the writer's relative clause
        # reports another source's P; the first report ends before it
        cand.clause_start = where.start()
        return False
    # "..., while the Observatory said 15": a contrasting report of another source stands on its own
    return _CONTRAST_RE.search(text, max(0, cand.clause_start - 12), cand.clause_start) is None


# A past perfect joined to a past report's "that" content: the content's subject did it, not the speaker
_BACKSHIFTED_RE = re.compile(r"and\s+had\s")
# A place's relative clause in the writer's voice that holds a report in the present: "the wing where prosecutors say"
_WHERE_BEFORE_RE = re.compile(r"(?<=\s)where\s+$")
_ASIDE_VERBS = frozenset(["say", "says", "allege", "alleges", "claim", "claims"])


def _analyse_cue(
    text: str,
    m: re.Match[str],
    lo: int,
    s_start: int,
    s_end: int,
    inside: list[tuple[int, int]],
    cands: list[Candidate],
    searches: DocumentSearches,
) -> Candidate | None:
    if m.group("according"):
        return according_cue(text, m, lo, s_end, inside)
    if m.group("quoted"):
        cand = Candidate(m.start(), m.end(), "quoted", m.start(), m.start("qnp"), m.end("qnp"), m.end("qnp"))
        kind, pos, cue_end = complement(text, m.end(), s_end, "said")
        if kind == "empty" and text[lo : m.start()].strip(" ,"):
            kind = "left"  # "P, the agency quoted a military source as saying": the content comes first
            comma = text.rfind(",", lo, m.start())
            cand.clause_start = comma if comma >= 0 else m.start()
        cand.complement, cand.content_from, cand.cue_end = kind, pos, cue_end
        return cand if kind in ("that", "colon", "direct", "left") else None
    verb = "said" if m.group("passive") else m.group("verb") or "put"
    if m.group("phrasal"):
        # ("P, pointing out that Q": a participle, a second claim of the same speaker as "..., noting that Q")
        verb = "noting" if m.group("phrasal").startswith(("pointing", "ruling")) else "noted"
    tail = text[max(lo, m.start() - 8) : m.start()].rstrip()[-1:]
    if tail in _DETERMINER_LAST_CHARS and _DETERMINERS_BEFORE_VERB.search(text, max(lo, m.start() - 8), m.start()):
        if verb == "claim" and tail == "s" and text.startswith(" that ", m.end()):
            return _owned_claim(text, m, lo, s_end)  # "the ministry's claim that P": the owner's claim
        return None  # "an estimated 2,500", "the reported attack", "his stated aim"
    if verb[:5] == "claim" and _RATED_BEFORE_RE.search(text, max(lo, m.start() - 60), m.start()):
        return None  # "Polygraph.info rates the Russian claim False": the noun a fact-check rates, its own verdict
    if verb in _ALSO_NOUNS:  # (one set test per cue; these verbs are nouns too, known by their neighbours)
        if verb[0] == "s" and _STATES_NOUN_RE.search(text, max(lo, m.start() - 16), m.start()):
            return None  # "talks with Gulf states", "member states"
        if verb[0] == "r" and text.startswith((" by ", " of ", " from "), m.end()):
            return None  # "A new report by HRW documents ...": the noun, not "aid partners report that P"
        if verb[0] == "r" and _REPORT_ADJECTIVE_RE.search(text, max(lo, m.start() - 12), m.start()):
            return None  # "presented the group's latest report on X": an adjective before it makes it the noun
    if verb == "quoted" and text.startswith(" by ", m.end()):
        return None  # "A ministry source quoted by the paper confirmed that P": the source described, no cue
    if _NOUN_USE_RE.match(text, m.end(), min(s_end, m.end() + 12)) and not _gap_verb_after(text, m, lo, s_end):
        return None  # "local reports say", "claims circulated": a noun, not a cue
    return verb_cue(text, m, verb, lo, s_end, inside, cands, searches)


def _gap_verb_after(text: str, m: re.Match[str], lo: int, s_end: int) -> bool:
    """'footage that it said showed P': a pronoun's cue before the relative clause's own verb, not a noun."""
    return _GAP_VERB_AFTER_RE.match(text, m.end(), min(s_end, m.end() + 12)) is not None \
        and _PRONOUN_BEFORE_RE.search(text, max(lo, m.start() - 6), m.start()) is not None


def _owned_claim(text: str, m: re.Match[str], lo: int, s_end: int) -> Candidate | None:
    """'challenged the Syrian Ministry of Education's claim that P': a claim noun with its owner in the possessive
    reports P for the owner (guideline: "the statement that ..." is a cue); None without a named or definite owner."""
    owner = _CLAIM_OWNER_RE.search(text, max(lo, m.start() - 100), m.start())
    if owner is None:
        return None
    content = skip_space(text, m.end() + 5, s_end)
    cand = Candidate(m.start(), m.end() + 5, "claim", owner.start(1), owner.start(1), owner.end(1), owner.end(1))
    cand.complement, cand.content_from, cand.cue_end = "that", content, m.end() + 5
    return cand


# The owner of "'s claim that": a name ("the Syrian Ministry of Education", "Damascus") or a definite description ("the
# ministry"), never a pronoun ("its claim" is no cue here).
_CLAIM_OWNER_RE = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the))*|(?<=[Tt]he\s)[a-z][\w-]*))['’]s\s+$"
)


def _fronted(text: str, start: int, end: int) -> Candidate | None:
    """'Noting that P, the minister said Q': a participle opening the sentence reports P for the main subject."""
    m = _FRONTED_RE.match(text, start, end)
    if m is None:
        return None
    verb = m.group(1).lower()
    kind, pos, cue_end = complement(text, m.end(1), end, verb)
    if kind != "that":
        return None
    cand = Candidate(m.start(), m.end(1), verb, m.start(), inherit=True, fronted=True)
    cand.complement, cand.content_from, cand.cue_end = kind, pos, cue_end
    return cand


_FRONTED_RE = re.compile(
    r"(Noting|Stressing|Emphasi[sz]ing|Pointing\s+out|Insisting|Affirming|Asserting|Reiterating|Explaining|"
    r"Acknowledging|Arguing|Recalling)\s+that\b"
)
