"""One sentence -> attributed claim candidates: where the source is, which cue, where the content lies.

Constructions (claim annotation guideline): "X said (that) P", "P, X said", "P, said X", "P1, X said, P2" (one span
across the cue), '"Q1," X said, "Q2"' (two claims), "According to X, P", "P, according to X", "X accused Y of P",
"X quoted Y as saying: Q", "P, OUTLET reported, citing X" (the outlet only relays), "X said P and accused Y of Q".
"""

import bisect
import re
from dataclasses import dataclass

from consumers.claims import cues
from consumers.claims.complements import CITING_RE, TOLD_OBJECT_RE, complement
from consumers.claims.relay import relay_clause_start
from consumers.claims.segment import Quote, in_spans
from consumers.claims.sources import (
    BARE_REPORTS,
    Candidate,
    is_outlet,
    sentence_subject,
    skip_space,
    subject_left,
    subject_right,
)

_WORD_RE = re.compile(r"\w")
# "..., while the Observatory said 15", '"...," and a ministry official said': another source's report of its own
_CONTRAST_RE = re.compile(r"(?:\b(?:while|whereas|but)|;|,[\"”’»']?\s+and)\s*$")
_JOINED_RE = re.compile(r"(?:,\s*(?:and|but)|,|\b(?:and|but))\s*$")
# The last character before the closing spaces of every form of _JOINED_RE: a cheap exact test before the search.
_JOINED_LAST_CHARS = frozenset(",dt")
_NO_PROPOSITION_RE = re.compile(r"\s+(of|about|against|responsibility|credit|nothing|little)\b")
_ACCORDING_NP_RE = re.compile(r"\s+([^,;:.!?\"“”«»]{1,150}?)(?=\s*(?:[,;:!?\"“”«»]|\.\s|\.?$|\s+that\b))")
_ACCORDING_NAME_RE = re.compile(
    r",\s+((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu|de)){1,4})(?=[\s.!…]*$)"
)
# Trailing journalist context after "P, X said,": not the source's words (guideline, "Spans").
_JOURNALIST_TAIL_RE = re.compile(
    r"\s*(?:in\s+(?:the\s+)?(?:latest|what|a\s+(?:move|sign|statement|series|further))|amid|as\s+part\s+of|"
    r"(?:a\s+)?(?:days?|weeks?|hours?)\s+after|based\s+on|"
    # a noun-phrase apposition: "..., the first such swap since March", "..., the largest in a decade"
    r"the\s+(?:first|second|third|last|only|largest|biggest|deadliest|worst|heaviest)\s+(?:such\s+)?"
    r"(?:[a-z-]+\s+)?(?:since|in|of)\s|(?:shortly\s+|soon\s+|just\s+)?(?:after|before)(?!\s+(?:adding|saying))|following|the\s+latest|marking|adding\s+to|without\s+(?:giving|providing|"
    r"naming|elaborating|specifying)|(?!(?:adding|saying|noting|stressing|insisting|warning)\b)[a-z]+ing\s+(?:the|a|an|it|its|his|her|their|on|for|to))\b"
)
_COMMA_IN_QUOTE_RE = re.compile(r',["”»]\s*$')
_PAST_PARTICIPLE_RE = re.compile(r"(?:[a-z]+ed|spread|shown|seen|made|given|written|told|sent|put)\b")
_OWN_TEXT_RE = re.compile(r"\bthis\s+(?:article|story|report|piece)\b")
_NOBODY_RE = re.compile(r"(?:[Nn]o|[Nn]obody|[Nn]one|[Nn]either)\b")
# "adding N (of X) to Y" with no verb of its own before "to": the content of P, not "adding (that) Q".
_ADDING_TO_RE = re.compile(
    r"(?:(?!(?:is|are|was|were|had|has|have|would|will|could|can|did|does|may|might|must|should)\b)"
    r"(?![\w’'-]+ed\b)[\w$%,.’'-]+\s+){1,8}?to\s"
)
_SUBORDINATE_END_RE = re.compile(r"\b(?:where|that|whereas)\s*,?\s*$")
_NUMBER_AHEAD_RE = re.compile(
    r"\s+(?:\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a\s+(?:dozen|hundred|"
    r"thousand|million))\b|half|a\s+third|a\s+quarter|\$)"
)
_STATES_NOUN_RE = re.compile(
    r"\b(?:Gulf|Arab|[Mm]ember|Western|European|[Nn]eighbou?ring|Islamic|Muslim|[Oo]ther|[Ss]everal|[Mm]any|[Ss]ome|"
    r"[Nn]ation|[Bb]altic|African|Asian|Central)\s+$"
)
_NOUN_USE_RE = re.compile(
    r"\s+(?:say|said|says|suggest|suggested|suggests|claim|claimed|indicate|indicated|indicates|show|shows|showed|"
    r"put|puts|circulat\w+)\b"
)
_DETERMINERS_BEFORE_VERB = re.compile(
    r"(?:\b(?:a|an|the|his|her|its|their|our|my|your|this|that)\s+|[-]|['’]s\s+)$", re.I
)
# The last character before the closing spaces of every form of _DETERMINERS_BEFORE_VERB, in either case ("ſ" is
# an "s" to the case-insensitive pattern): a cheap exact test before the search.
_DETERMINER_LAST_CHARS = frozenset("anesrytANESRYTſ-")


@dataclass(slots=True)
class RawClaim:
    """A claim before speaker resolution; mention_start == -1 means "same speaker as claim inherit_from"."""

    start: int
    end: int
    cue: str
    mention_start: int
    mention_end: int
    head_end: int
    inherit_from: int  # index into the sentence's claims, -1 for none
    positional: bool = False  # attributed only by position: cue ""


_DOCUMENT_TOKEN_RE = re.compile(r"[\w'’]+")
_OBJECT_LINK_RES = {link: re.compile(rf"\b{link}\b") for link in set(cues.OBJECT_VERBS.values())}


def attribute_sentence(text: str, start: int, end: int, quotes: list[Quote]) -> list[RawClaim]:
    """Claims of one sentence [start, end); quotes are the outermost quotations of the text."""
    first_cue = cues.CUE_RE.search(text, start, end)
    if first_cue is None:
        return []  # no cue at all (most narrative sentences): nothing to attribute, skip the costlier tests
    scan_from = first_cue.start()
    inside = [(q.start, q.end) for q in quotes if q.end > start and q.start < end]
    if _is_question(text, start, end, inside):
        return []
    tail = relay_clause_start(text, start, end, inside)
    if tail > start:
        # Conduit rule: "P, X said, TASS reported": the outlet only relays; X speaks and the span stops before it.
        cands = _candidates(text, start, tail, inside, scan_from)
        if cands:
            return _contents(text, start, tail, cands, inside)
    return _contents(text, start, end, _candidates(text, start, end, inside, scan_from), inside)


def _candidates(text: str, start: int, end: int, inside: list[tuple[int, int]], scan_from: int) -> list[Candidate]:
    """Cues of [start, end) that attribute something; scan_from: the first cue (no cue starts before it)."""
    cands: list[Candidate] = []
    if text[start : start + 1].isupper() and (fronted := _fronted(text, start, end)) is not None:
        cands.append(fronted)
        scan_from = max(scan_from, fronted.cue_end)
    for m in cues.CUE_RE.finditer(text, scan_from, end):
        if in_spans(m.start(), inside):
            continue
        lo = cands[-1].cue_end if cands else start
        cand = _analyse_cue(text, m, lo, start, end, inside, cands)
        if cand is not None and not _is_embedded(text, cand, cands):
            cands.append(cand)
    return cands


def _is_embedded(text: str, cand: Candidate, cands: list[Candidate]) -> bool:
    """'He said the Russian side had informed its partners': a report inside reported content (outer only)."""
    if not cands or cand.inherit or cand.verb == "according to":
        return False
    if cands[-1].complement not in ("that", "colon", "direct") or cands[-1].fronted:
        return False
    if cand.mention_start < cands[-1].content_from:
        return False
    # "..., while the Observatory said 15": a contrasting report of another source stands on its own
    return _CONTRAST_RE.search(text, max(0, cand.clause_start - 12), cand.clause_start) is None


def _is_question(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> bool:
    i = end - 1
    while i > start and (text[i].isspace() or text[i] in "\"”’»'"):
        i -= 1
    return text[i] == "?" and not in_spans(i, inside)


def _last_end_before(spans: list[tuple[int, int]], pos: int, floor: int) -> int:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    while i >= 0 and spans[i][1] > pos:
        i -= 1
    return max(floor, spans[i][1]) if i >= 0 else floor


def _analyse_cue(
    text: str,
    m: re.Match[str],
    lo: int,
    s_start: int,
    s_end: int,
    inside: list[tuple[int, int]],
    cands: list[Candidate],
) -> Candidate | None:
    if m.group("according"):
        return _according(text, m, lo, s_end, inside)
    if m.group("quoted"):
        cand = Candidate(m.start(), m.end(), "quoted", m.start(), m.start("qnp"), m.end("qnp"), m.end("qnp"))
        kind, pos, cue_end = complement(text, m.end(), s_end, "said")
        if kind == "empty" and text[lo : m.start()].strip(" ,"):
            kind = "left"  # "P, the agency quoted a military source as saying": the content comes first
            comma = text.rfind(",", lo, m.start())
            cand.clause_start = comma if comma >= 0 else m.start()
        cand.complement, cand.content_from, cand.cue_end = kind, pos, cue_end
        return cand if kind in ("that", "colon", "direct", "left") else None
    verb = "said" if m.group("passive") else "noted" if m.group("phrasal") else m.group("verb") or "put"
    tail = text[max(lo, m.start() - 8) : m.start()].rstrip()[-1:]
    if tail in _DETERMINER_LAST_CHARS and _DETERMINERS_BEFORE_VERB.search(text, max(lo, m.start() - 8), m.start()):
        return None  # "an estimated 2,500", "the reported attack", "his stated aim"
    if verb in ("states", "state") and _STATES_NOUN_RE.search(text, max(lo, m.start() - 16), m.start()):
        return None  # "talks with Gulf states", "member states"
    if _NOUN_USE_RE.match(text, m.end(), min(s_end, m.end() + 12)):
        return None  # "local reports say", "claims circulated": a noun, not a cue
    return _verb_cue(text, m, verb, lo, s_end, inside, cands)


def _verb_cue(
    text: str, m: re.Match[str], verb: str, lo: int, s_end: int, inside: list[tuple[int, int]], cands: list[Candidate]
) -> Candidate | None:
    left_lo = _last_end_before(inside, m.start(), lo)
    aux_lo = max(left_lo, m.start() - 60)
    aux = cues.AUX_RE.search(text, aux_lo, m.start()) if cues.may_end_with_aux(text, aux_lo, m.start()) else None
    aux_start = aux.start() if aux else m.start()
    before = text[max(left_lo, aux_start - 40) : aux_start]
    if cues.may_end_with_negation_or_passive(before) and (
        cues.NEGATION_RE.search(before) or cues.PASSIVE_RE.search(before)
    ):
        return None
    cand = Candidate(aux_start, m.end(), verb, aux_start)
    joined = (
        _JOINED_RE.search(text, max(left_lo, aux_start - 12), aux_start)
        if text[max(left_lo, aux_start - 12) : aux_start].rstrip()[-1:] in _JOINED_LAST_CHARS
        else None
    )
    if joined is None and verb in cues.PARTICIPLES:
        # 'described it as "unfair," saying P': the comma closing the quote joins the participle too
        joined = _COMMA_IN_QUOTE_RE.search(text, max(lo, aux_start - 4), aux_start)
    coordinated = joined is not None and ("and" in joined.group() or "but" in joined.group())
    if joined and (verb in cues.PARTICIPLES or coordinated):
        cand.inherit, cand.clause_start = True, aux_start - len(joined.group())  # "..., adding that", "and said"
        if not cands and not sentence_subject(text, left_lo, aux_start, cand):
            return None
    elif verb in cues.PARTICIPLES and not cands and _subject_before_verb(text, left_lo, aux_start, cand):
        pass  # "X posted a message in Kurdish saying P": the subject of "posted", not all that stands before
    elif not subject_left(text, left_lo, aux_start, cand):
        if not (verb in cues.INVERTIBLE and subject_right(text, m.end(), s_end, cand, aux_start, left_lo)):
            return None
        return None if _lacks_proposition(text, cand, verb, "left", -1) else cand
    return _with_complement(text, m, verb, s_end, cand)


def _subject_before_verb(text: str, lo: int, pos: int, cand: Candidate) -> bool:
    """'X issued a statement saying P': a verb and its object stand between the subject and the participle."""
    verb = _VERB_THEN_OBJECT_RE.search(text, lo, pos)
    return verb is not None and verb.start() > lo and subject_left(text, lo, verb.start(), cand)


_VERB_THEN_OBJECT_RE = re.compile(r"\b[a-z]+ed\s+(?:a|an|the|its|his|her|their)\s")


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


def _with_complement(text: str, m: re.Match[str], verb: str, s_end: int, cand: Candidate) -> Candidate | None:
    if text.startswith(("N", "n"), cand.mention_start) and _NOBODY_RE.match(text, cand.mention_start):
        return None  # "No group has claimed the attack", "Nobody has confirmed ...": nobody reports it
    if text.find("this", cand.mention_start, cand.mention_end) >= 0 and _OWN_TEXT_RE.search(
        text, cand.mention_start, cand.mention_end
    ):
        return None  # "An earlier version of this article attributed ...": the newsroom's correction, no source
    if m.group("toll"):
        cand.complement, cand.content_from = "direct", m.end()
        return cand
    link = cues.OBJECT_VERBS.get(verb)
    if link is not None:
        tail = text[m.end() : min(s_end, m.end() + 300)]
        if not _OBJECT_LINK_RES[link].search(tail) or tail.lstrip().startswith(f"{link} "):
            return None  # "a quote attributed to X": no object, a participle, not a claim
        cand.complement, cand.content_from = "direct", skip_space(text, m.end(), s_end)
        return cand
    if verb.startswith("rej"):
        denial = cues.DENIAL_OBJECT_RE.match(text, m.end(), s_end)
        if denial is None or not denial.group().endswith("that"):
            return None  # "rejected the plan", "rejected that argument": only "rejected reports that P" reports
    kind, pos, cue_end = complement(text, m.end(), s_end, verb)
    citing = CITING_RE.match(text, cue_end, min(s_end, cue_end + 140)) if text.startswith(",", cue_end) else None
    if citing and kind == "empty" and is_outlet(text[cand.mention_start : cand.mention_end]):
        # Conduit rule: "P, TASS reported, citing a military source": the cited source is the speaker.
        cand.mention_start, cand.mention_end, cand.head_end = citing.start(1), citing.end(1), citing.end(1)
        cue_end = citing.start(1) - 1
    if verb in ("read", "reads") and not _mentions_document(text, cand):
        return None
    if _lacks_proposition(text, cand, verb, kind, pos) or (cue_end > cand.cue_end and _is_topic(text, cue_end)):
        return None  # the second: "informed his counterpart about the steps": a topic, not a proposition
    cand.complement, cand.content_from, cand.cue_end = kind, pos, cue_end
    return cand


def _lacks_proposition(text: str, cand: Candidate, verb: str, kind: str, pos: int) -> bool:
    """Attitudes, calls and announcements of events are not claims (guideline, "Not claims")."""
    if cand.complement == "relative" and kind == "direct" and _gapped_subject(text, cand, pos):
        return False  # "the shelling, which it said killed a woman": the rest of the relative clause is reported
    if (verb in cues.WEAK_VERBS or cand.complement == "relative") and kind not in ("that", "colon"):
        return True
    if verb in ("agreed", "agrees") and kind != "colon":
        return True  # "agreed to halt clashes": only "X agreed: '...'" reports words
    if verb in cues.NEEDS_CLAUSE and kind == "direct" and text[pos : pos + 1] not in "\"“‘«'":
        return True  # "stressed the need for talks", "announced the start of an operation"
    if kind == "direct" and verb in cues.ADDRESSEE_VERBS and TOLD_OBJECT_RE.match(text, pos):
        return True  # "residents tell a different story": an object, not a proposition
    if kind == "direct" and text.startswith("to ", pos):
        return True  # "claims to show", "said to be": no proposition of the speaker's own
    if verb.startswith("den") and kind == "direct" and _PAST_PARTICIPLE_RE.match(text, pos):
        return True  # "denying reports circulated on social media": what is denied, without its content
    if verb == "adding" and kind == "direct" and _ADDING_TO_RE.match(text, pos):
        return True  # "P, adding 250 megawatts to the grid": the verb "add", not a second report
    # "warned of a catastrophe", "claimed responsibility for the attack", "said nothing"
    after = _NO_PROPOSITION_RE.match(text, cand.cue_end, cand.cue_end + 16)
    if after is not None and after.group(1) == "about" and not _NUMBER_AHEAD_RE.match(text, after.end()):
        return True  # "complained about power cuts"; not "said about 3,500 detainees were held"
    return after is not None and (
        verb.startswith(("warn", "claim", "complain")) or after.group(1) in ("nothing", "little")
    )


def _gapped_subject(text: str, cand: Candidate, pos: int) -> bool:
    """'which it said killed ...': a pronoun speaker inside a relative clause whose subject is the gap."""
    mention = text[cand.mention_start : cand.mention_end]
    if mention not in ("it", "they", "he", "she"):
        return False
    before = text[max(0, cand.mention_start - 8) : cand.mention_start]
    return _RELATIVE_WORD_RE.search(before) is not None and _GAP_VERB_RE.match(text, pos) is not None


_RELATIVE_WORD_RE = re.compile(r"\b(?:which|that|who)\s+$")
_GAP_VERB_RE = re.compile(
    r"(?:had\s+|has\s+|have\s+|was\s+|were\s+|would\s+|will\s+|could\s+)?(?:[a-z]+ed|hit|left|struck|"
    r"was|were|is|are|had|has|have|includes|came|began)\b"
)


def _is_topic(text: str, pos: int) -> bool:
    """'about the steps' (not 'about 3,500 detainees') right after pos."""
    after = _NO_PROPOSITION_RE.match(text, pos, pos + 16)
    return after is not None and after.group(1) == "about" and not _NUMBER_AHEAD_RE.match(text, after.end())


def _mentions_document(text: str, cand: Candidate) -> bool:
    words = _DOCUMENT_TOKEN_RE.findall(text[cand.mention_start : cand.mention_end].lower())
    return any(w.removesuffix("'s").removesuffix("’s") in cues.DOCUMENT_NOUNS for w in words)


def _according(text: str, m: re.Match[str], lo: int, s_end: int, inside: list[tuple[int, int]]) -> Candidate | None:
    np = _ACCORDING_NP_RE.match(text, m.end(), s_end)
    if not np or BARE_REPORTS.match(np.group(1).strip()):
        return None  # "according to reports" names no source (guideline)
    np_start, np_end = np.start(1), np.end(1)
    cand = Candidate(m.start(), m.end(), "according to", m.start(), np_start, np_end, np_end)
    initial = not text[lo : m.start()].strip(" ,") or (
        _SUBORDINATE_END_RE.search(text, max(lo, m.start() - 12), m.start()) is not None
        and text.startswith(",", np.end(1))
    )  # "the camp, where, according to the envoy, P"
    if initial:
        pos = _skip_apposition(text, np_end, s_end)
        cand.mention_end, cand.complement, cand.content_from, cand.cue_end = pos[0], "direct", pos[1], np_end
    else:
        cand.complement, cand.cue_end = "left", np_end
        named = _ACCORDING_NAME_RE.match(text, np_end, s_end)
        if named:
            cand.mention_end = cand.cue_end = named.end(1)  # "..., according to its spokesperson, Thameen Kheetan."
    return cand


_FRONTED_RE = re.compile(
    r"(Noting|Stressing|Emphasi[sz]ing|Pointing\s+out|Insisting|Affirming|Asserting|Reiterating|Explaining|"
    r"Acknowledging|Arguing|Recalling)\s+that\b"
)
_APPOSITION_CLOSE_RE = re.compile(r",(?=\s)")
# "According to X, an estimated 12,000 people fled": a quantity opens the content, not an apposition
_QUANTITY_RE = re.compile(r"(?:a|an)\s+(?:estimated|additional|further|total|reported|\d)", re.I)


def _skip_apposition(text: str, np_end: int, s_end: int) -> tuple[int, int]:
    """After 'According to X', step over ', a Britain-based monitor,' to the content."""
    pos = np_end
    if pos < s_end and text[pos] == ",":
        # the apposition closes at a comma before a space, not inside "12,000"
        close = _APPOSITION_CLOSE_RE.search(text, pos + 1, min(s_end, pos + 120))
        nxt = close.start() if close else -1
        segment = text[pos + 1 : nxt].strip() if nxt > 0 else ""
        if segment and not _QUANTITY_RE.match(segment) and (
            segment.split()[0].lower() in ("a", "an") or "-based" in segment
        ):
            return nxt, skip_space(text, nxt + 1, s_end)
        return np_end, skip_space(text, pos + 1, s_end)
    return np_end, skip_space(text, pos, s_end)


def _contents(
    text: str, s_start: int, s_end: int, cands: list[Candidate], inside: list[tuple[int, int]]
) -> list[RawClaim]:
    claims: list[RawClaim] = []
    owner: dict[int, int] = {}
    for i, cand in enumerate(cands):
        lo = cands[i - 1].cue_end if i else s_start
        hi = cands[i + 1].clause_start if i + 1 < len(cands) else s_end
        inherit = owner.get(i - 1, -1) if cand.inherit else -1
        if cand.fronted:
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if nxt is None or nxt.mention_start < 0:
                continue
            cand.mention_start, cand.mention_end, cand.head_end = nxt.mention_start, nxt.mention_end, nxt.head_end
        elif cand.inherit and inherit < 0:
            prev = cands[i - 1] if i else None
            if prev is None or prev.mention_start < 0 or prev.complement != "empty":
                continue
            # "X denied the accusation, telling SANA that P": the first cue has no content, the second speaks for X
            cand.mention_start, cand.mention_end, cand.head_end = prev.mention_start, prev.mention_end, prev.head_end
        if i and cand.verb == "according to" and cand.complement == "left":
            continue  # "X attributed A to B, according to a statement": the statement only carries X's claim
        cue = text[cand.cue_start : cand.cue_end].strip()
        spans = _spans_for(text, cand, lo, hi, inside)
        for k, (a, b) in enumerate(spans):
            if _WORD_RE.search(text, a, b) is None:
                continue
            if k and claims and owner.get(i) is not None:
                claims.append(RawClaim(a, b, "", -1, -1, -1, owner[i], positional=True))
                continue
            claims.append(RawClaim(a, b, cue, cand.mention_start, cand.mention_end, cand.head_end, inherit))
            owner[i] = len(claims) - 1
    return claims


def _spans_for(text: str, cand: Candidate, lo: int, hi: int, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    left = (lo, cand.clause_start)
    if cand.complement in ("direct", "comma") and _is_quote_only(text, left, inside):
        if _is_quoted_text(text, cand.content_from) and _is_quote_only(text, (cand.content_from, hi), inside):
            return [left, (cand.content_from, hi)]  # '"Q1," he said, "Q2."': two claims (guideline, "Spans")
        return [left]  # '"...," the commander said as his men packed up': the quote is the claim
    if cand.complement in ("that", "colon", "direct"):
        return [(cand.content_from, hi)] if cand.content_from < hi else []
    if cand.complement in ("empty", "left"):
        return [left]
    right = (cand.content_from, hi)
    if cand.complement == "comma" and _JOURNALIST_TAIL_RE.match(text, cand.content_from, hi):
        return [left]  # "P, state media said, in the latest of a series of attacks": journalist's context
    has_left, has_right = _WORD_RE.search(text, *left) is not None, _WORD_RE.search(text, right[0], hi) is not None
    if not has_right:
        return [left]
    if not has_left:
        return [right]
    right_quoted = _is_quoted_text(text, right[0]) and _is_quote_only(text, right, inside)
    if _is_quote_only(text, left, inside) and right_quoted:
        return [left, right]  # '"Q1," he said, "Q2."': two claims (guideline, "Spans")
    if right_quoted:
        return [right]  # 'When the bombs came, I told my staff, "Go."': the words quoted, not the scene before
    return [(lo, hi)]


def _is_quoted_text(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and text[pos] in "\"“‘«'"


def _is_quote_only(text: str, span: tuple[int, int], inside: list[tuple[int, int]]) -> bool:
    a, b = span
    while a < b and text[a] in " ,\n":
        a += 1
    i = bisect.bisect_left(inside, (a, -1))
    if i >= len(inside) or inside[i][0] != a:
        return False
    e = inside[i][1]
    return e >= b - 2 or _WORD_RE.search(text, e, b) is None
