"""One sentence -> attributed claim candidates: where the source is, which cue, where the content lies.

Constructions (claim annotation guideline): "X said (that) P", "P, X said", "P, said X", "P1, X said, P2" (one span
across the cue), '"Q1," X said, "Q2"' (two claims), "According to X, P", "P, according to X", "X accused Y of P",
"X quoted Y as saying: Q", "P, OUTLET reported, citing X" (the outlet only relays), "X said P and accused Y of Q".
"""

import bisect
import re
from dataclasses import dataclass

from consumers.claims import cues
from consumers.claims.segment import Quote

_CLAUSE_WORDS_RE = re.compile(
    r"\b(?:where|while|when|whereas|because|after|before|since|although|though|but|if|so|which|whom|whose|as|that|"
    r"and(?=\s+(?:the|a|an|he|she|they|it|we|its|his|her|their)\b))\s+"
)
_ADVERBIAL_SEGMENTS = frozenset(
    [
        "in turn", "for its part", "for their part", "for his part", "for her part", "however", "meanwhile", "too",
        "also", "in response", "in a statement", "in return", "for example", "in addition", "by contrast",
        "in contrast", "though", "nevertheless", "instead", "on the other hand", "at the same time", "separately",
        "again", "later", "earlier", "in reply",
    ]
)
_FINITE = frozenset(
    [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must", "may",
        "might", "did", "does", "do", "found", "took", "made", "gave", "called", "killed", "launched", "began",
        "continued", "remains", "remain", "held", "hold", "sent", "say", "says", "said", "told",
    ]
)
SOURCE_NOUNS = frozenset(
    [
        "source", "sources", "official", "officials", "relative", "neighbour", "neighbor", "eyewitness",
        "estimates", "figures", "statistics", "count", "tally", "survey", "sides", "side", "spokesman", "spokeswoman",
        "spokesperson", "spokespeople",
        "spokesmen", "statement", "statements", "letter", "letters", "ministry", "center", "centre", "board",
        "monitor", "monitors", "force", "forces", "army", "military", "coalition", "government", "regime", "office",
        "agency", "team", "room", "council", "observatory", "police", "residents", "resident", "witness",
        "witnesses", "activist", "activists", "expert", "experts", "analyst", "analysts", "diplomat", "diplomats",
        "doctor", "doctors", "medic", "medics", "commander", "commanders", "general", "colonel", "major", "captain",
        "lieutenant", "sergeant", "minister", "ministers", "researcher", "researchers", "member", "members", "group",
        "groups", "figures", "data", "report", "reports", "document", "documents", "communique", "communiqué",
        "post", "tweet", "website", "media", "outlet", "authorities", "administration", "side", "department",
        "committee", "commission", "mission", "envoy", "ambassador", "president", "leader", "leaders", "chief",
        "head", "director", "officer", "officers", "lawyer", "lawyers", "farmer", "farmers", "worker", "workers",
        "man", "woman", "men", "women", "mother", "resident", "survivor", "survivors", "villager", "villagers",
        "journalist", "journalists", "reporter", "correspondent", "organisation", "organization", "organizations",
        "organisations", "ngo", "ngos", "charity", "agencies", "observers", "observer", "negotiator", "negotiators",
        "delegation", "delegate", "delegates", "prosecutor", "prosecutors", "court", "judge", "inspector",
        "inspectors", "investigators", "investigator", "teacher", "student", "citizen", "citizens", "people",
        "person", "relatives", "family", "families", "parliament", "lawmaker", "lawmakers", "deputy", "premier",
        "secretary", "governor", "mayor", "sheikh", "cleric", "imam", "priest", "fighter", "fighters", "rebels",
        "rebel", "militants", "faction", "factions", "militia", "militias", "brigade", "brigades", "battalion",
        "unit", "units", "headquarters", "command", "text", "note", "notice", "message", "release", "post",
        "website", "account", "channel", "broadcaster", "newspaper", "daily", "paper", "tv", "television", "network",
        "radio", "paramedic", "paramedics", "nurse", "nurses", "surgeon", "volunteers", "volunteer", "rescuers",
        "rescuer", "defenders", "operator", "operators", "staff", "personnel", "guard", "guards", "insurgents",
        "jihadists", "presidency", "cabinet", "kremlin", "pentagon", "embassy", "consulate", "foundation",
        "institute", "center's", "spokesman's", "bureau", "directorate", "authority", "union", "alliance", "party",
        "movement", "front",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
_BARE_REPORTS = re.compile(r"^(?:(?:local|media|press|unconfirmed|some|other|several|many|earlier|initial|recent|"
                           r"news|first)\s+)*(?:reports?|rumou?rs?)$", re.I)
_OUTLET_WORDS = frozenset([
    "agency", "news", "media", "outlet", "broadcaster", "channel", "newspaper", "daily", "tv", "television", "radio",
    "network", "website", "tass", "ria", "sputnik", "sana", "reuters", "afp", "ap", "anadolu", "hawar", "anha",
    "rudaw", "interfax", "xinhua", "irna", "fars", "tasnim", "kurdistan24", "enab",
])
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|la|le)-?[\w'’-]*)"
_ROLE_WORDS = ("spokesperson|spokesman|spokeswoman|minister|envoy|ambassador|official|commander|chief|director|"
               "researcher|analyst|officer|representative|adviser|advisor|secretary|president|head|leader|general")
_RIGHT_NP_RE = re.compile(
    rf"\s+((?:(?:the|a|an)\s+)?(?:(?:{_NAME_TOKEN}|{_ROLE_WORDS})\s+){{0,5}}{_NAME_TOKEN}"
    rf"|(?:the|a|an|one)\s+[\w-]+(?:\s+[\w-]+){{0,3}}?)"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|on|during|from|to|after|before|via|by|late|earlier)\b)"
)
_SUBJECT_AT_START_RE = re.compile(
    rf"\s*((?:(?:The|the)\s+)?(?!(?:A|An|The)\s){_NAME_TOKEN}"
    rf"(?:\s+(?:(?:of|for|and|to|of the|for the)\s+)?(?:(?:{_ROLE_WORDS})\s+)?"
    rf"{_NAME_TOKEN}){{0,6}}"
    rf"|(?:The|A|An)\s+(?:[\w-]+\s+){{0,2}}?[a-z]+"
    r"(?:\s+(?:of|with|at|from|for|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?)"
    r"(?:\s*\([^()]{1,20}\))?(?=\s+[a-z])"
)
_WORD_RE = re.compile(r"\w")
_NAME_JOINERS = frozenset(["of", "for", "and", "the", "on", "in", "al", "de"])
_NP_DETERMINERS = frozenset([
    "the", "a", "an", "one", "both", "all", "several", "many", "some", "two", "three", "four", "other", "another",
])
_JOINED_RE = re.compile(r"(?:,\s*(?:and|but)|,|\b(?:and|but))\s*$")
_THAT_RE = re.compile(r"\s+that\b")
_COLON_RE = re.compile(r"\s*:")
_NO_PROPOSITION_RE = re.compile(r"\s+(of|about|against|responsibility|credit|nothing|little)\b")
_APPOSITION_TO_END_RE = re.compile(r",\s+([^.;:!?]{1,200}?)\s*(?=[.;:!?]?\s*$)")
_ACCORDING_NP_RE = re.compile(r"\s+([^,;:.!?\"“”«»]{1,150}?)(?=\s*(?:[,;:!?\"“”«»]|\.\s|\.?$|\s+that\b))")
_TRAILING_PUNCT_RE = re.compile(r"[\s.!?…\"”’»')\]]*")
_ROLE_NOUNS = frozenset(_ROLE_WORDS.split("|")) | {"commander-in-chief", "spokesman", "member", "resident", "founder"}
_NP_PREPOSITIONS = frozenset([
    "of", "in", "at", "for", "from", "with", "on", "near", "inside", "within", "across", "among", "to",
])
_NAME_PARTICLE_RE = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von)-[\w'’-]+$")
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom)\s*$")
_NOUN_USE_RE = re.compile(
    r"\s+(?:say|said|says|suggest|suggested|suggests|claim|claimed|indicate|indicated|indicates|show|shows|showed|"
    r"put|puts|circulat\w+)\b")
_DETERMINERS_BEFORE_VERB = re.compile(
    r"(?:\b(?:a|an|the|his|her|its|their|our|my|your|this|that)\s+|[-]|['’]s\s+)$", re.I)


@dataclass(slots=True)
class Candidate:
    """A cue with its source and the shape of its complement, before contents are fixed."""

    cue_start: int
    cue_end: int
    verb: str
    clause_start: int          # where this cue's own words begin (subject, or the "and"/"," joining it)
    mention_start: int = -1    # speaker mention, -1 when inherited from the previous candidate
    mention_end: int = -1
    head_end: int = -1         # end of the name part of the mention (before an apposition)
    complement: str = ""       # "that" | "colon" | "direct" | "empty" | "comma" | "left" | "according-first"
    content_from: int = -1
    inherit: bool = False


@dataclass(slots=True)
class RawClaim:
    """A claim before speaker resolution; mention_start == -1 means "same speaker as claim inherit_from"."""

    start: int
    end: int
    cue: str
    mention_start: int
    mention_end: int
    head_end: int
    inherit_from: int          # index into the sentence's claims, -1 for none
    positional: bool = False   # attributed only by position: cue ""


def attribute_sentence(text: str, start: int, end: int, quotes: list[Quote]) -> list[RawClaim]:
    """Claims of one sentence [start, end); quotes are the outermost quotations of the text."""
    inside = [(q.start, q.end) for q in quotes if q.end > start and q.start < end]
    if _is_question(text, start, end, inside):
        return []
    cands: list[Candidate] = []
    for m in cues.CUE_RE.finditer(text, start, end):
        if _in_spans(m.start(), inside):
            continue
        lo = cands[-1].cue_end if cands else start
        cand = _analyse_cue(text, m, lo, start, end, inside, cands)
        if cand is not None:
            cands.append(cand)
    return _contents(text, start, end, cands, inside)


def _is_question(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> bool:
    i = end - 1
    while i > start and (text[i].isspace() or text[i] in "\"”’»'"):
        i -= 1
    return text[i] == "?" and not _in_spans(i, inside)


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """pos inside one of the sorted, disjoint spans (bisect: a sentence may hold thousands of quotes)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _last_end_before(spans: list[tuple[int, int]], pos: int, floor: int) -> int:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    while i >= 0 and spans[i][1] > pos:
        i -= 1
    return max(floor, spans[i][1]) if i >= 0 else floor


def _analyse_cue(text: str, m: re.Match[str], lo: int, s_start: int, s_end: int,
                 inside: list[tuple[int, int]], cands: list[Candidate]) -> Candidate | None:
    if m.group("according"):
        return _according(text, m, lo, s_end, inside)
    if m.group("quoted"):
        cand = Candidate(m.start(), m.end(), "quoted", m.start(), m.start("qnp"), m.end("qnp"), m.end("qnp"))
        kind, pos, cue_end = _complement(text, m.end(), s_end, "said")
        cand.complement, cand.content_from, cand.cue_end = kind, pos, cue_end
        return cand if kind in ("that", "colon", "direct") else None
    verb = "said" if m.group("passive") else "noted" if m.group("phrasal") else m.group("verb") or "put"
    if _DETERMINERS_BEFORE_VERB.search(text, max(lo, m.start() - 8), m.start()):
        return None  # "an estimated 2,500", "the reported attack", "his stated aim"
    if _NOUN_USE_RE.match(text, m.end(), min(s_end, m.end() + 12)):
        return None  # "local reports say", "claims circulated": a noun, not a cue
    return _verb_cue(text, m, verb, lo, s_end, inside, cands)


def _verb_cue(text: str, m: re.Match[str], verb: str, lo: int, s_end: int,
              inside: list[tuple[int, int]], cands: list[Candidate]) -> Candidate | None:
    left_lo = _last_end_before(inside, m.start(), lo)
    aux = cues.AUX_RE.search(text, max(left_lo, m.start() - 60), m.start())
    aux_start = aux.start() if aux else m.start()
    before = text[max(left_lo, aux_start - 40) : aux_start]
    if cues.NEGATION_RE.search(before) or cues.PASSIVE_RE.search(before):
        return None
    cand = Candidate(aux_start, m.end(), verb, aux_start)
    joined = _JOINED_RE.search(text, max(left_lo, aux_start - 12), aux_start)
    coordinated = joined is not None and ("and" in joined.group() or "but" in joined.group())
    if joined and (verb in cues.PARTICIPLES or coordinated):
        cand.inherit, cand.clause_start = True, aux_start - len(joined.group())  # "..., adding that", "and said"
        if not cands and not _sentence_subject(text, left_lo, aux_start, cand):
            return None
    elif not _subject_left(text, left_lo, aux_start, cand):
        if not (verb in cues.INVERTIBLE and _subject_right(text, m.end(), s_end, cand, aux_start, left_lo)):
            return None
        return None if _lacks_proposition(text, cand, verb, "left", -1) else cand
    return _with_complement(text, m, verb, s_end, cand)


def _sentence_subject(text: str, s_start: int, end: int, cand: Candidate) -> bool:
    """'The ministry condemned the attack, stressing that P': the participle's speaker is the sentence subject."""
    m = _SUBJECT_AT_START_RE.match(text, s_start, end)
    if not m or not _valid_subject(m.group(1)):
        return False
    cand.inherit = False
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), m.end(1), m.end(1)
    return True


def _with_complement(text: str, m: re.Match[str], verb: str, s_end: int, cand: Candidate) -> Candidate | None:
    if m.group("toll"):
        cand.complement, cand.content_from = "direct", m.end()
        return cand
    link = cues.OBJECT_VERBS.get(verb)
    if link is not None:
        tail = text[m.end() : min(s_end, m.end() + 300)]
        if not re.search(rf"\b{link}\b", tail):
            return None
        cand.complement, cand.content_from = "direct", _skip_space(text, m.end(), s_end)
        return cand
    kind, pos, cue_end = _complement(text, m.end(), s_end, verb)
    citing = _CITING_RE.match(text, cue_end, min(s_end, cue_end + 140))
    if citing and kind == "empty" and _is_outlet(text[cand.mention_start : cand.mention_end]):
        # Conduit rule: "P, TASS reported, citing a military source": the cited source is the speaker.
        cand.mention_start, cand.mention_end, cand.head_end = citing.start(1), citing.end(1), citing.end(1)
        cue_end = citing.start(1) - 1
    if verb in ("read", "reads") and not _mentions_document(text, cand):
        return None
    if _lacks_proposition(text, cand, verb, kind, pos):
        return None
    cand.complement, cand.content_from, cand.cue_end = kind, pos, cue_end
    return cand


def _lacks_proposition(text: str, cand: Candidate, verb: str, kind: str, pos: int) -> bool:
    """Attitudes, calls and announcements of events are not claims (guideline, "Not claims")."""
    if (verb in cues.WEAK_VERBS or cand.complement == "relative") and kind not in ("that", "colon"):
        return True
    if verb in cues.NEEDS_CLAUSE and kind == "direct" and text[pos : pos + 1] not in "\"“‘«'":
        return True  # "stressed the need for talks", "announced the start of an operation"
    if kind == "direct" and text.startswith("to ", pos):
        return True  # "claims to show", "said to be": no proposition of the speaker's own
    # "warned of a catastrophe", "claimed responsibility for the attack", "said nothing"
    after = _NO_PROPOSITION_RE.match(text, cand.cue_end, cand.cue_end + 16)
    return after is not None and (verb.startswith(("warn", "claim")) or after.group(1) in ("nothing", "little"))


def _is_outlet(mention: str) -> bool:
    words = {w.lower() for w in re.findall(r"[\w'’-]+", mention)}
    return bool(words & _OUTLET_WORDS) or mention.isupper()


def _mentions_document(text: str, cand: Candidate) -> bool:
    words = re.findall(r"[\w'’]+", text[cand.mention_start : cand.mention_end].lower())
    return any(w.removesuffix("'s").removesuffix("’s") in cues.DOCUMENT_NOUNS for w in words)


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _subject_left(text: str, lo: int, end: int, cand: Candidate) -> bool:
    """Find the speaker just before the cue; an apposition between commas belongs to the mention."""
    seg_end = end
    while seg_end > lo and text[seg_end - 1].isspace():
        seg_end -= 1
    if seg_end > lo and text[seg_end - 1] == ",":
        return _subject_with_apposition(text, lo, seg_end - 1, cand)
    seg_start = _segment_start(text, lo, seg_end)
    np_start = _after_clause_word(text, seg_start, seg_end)
    if not _valid_subject(text[np_start:seg_end]):
        return False
    if _RELATIVE_RE.search(text, max(seg_start, np_start - 8), np_start):
        cand.complement = "relative"  # "the zone that the coalition declared": not a report unless "that"/":" follows
    cand.mention_start, cand.mention_end, cand.head_end = np_start, seg_end, seg_end
    cand.clause_start = np_start
    return True


def _segment_start(text: str, lo: int, end: int) -> int:
    """Start of the comma/colon/semicolon-delimited stretch that ends at end (bounded look-back)."""
    cut = _segment_cut(text, lo, end)
    return _skip_space(text, cut + 1 if cut >= 0 else max(lo, end - 200), end)


def _segment_cut(text: str, lo: int, end: int) -> int:
    """Position of the delimiter before the stretch ending at end, or -1; brackets do not delimit."""
    floor = max(lo, end - 200)
    depth = 0
    for i in range(end - 1, floor - 1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and c in ",;:—–":
            return i
    return -1


def _after_clause_word(text: str, start: int, end: int) -> int:
    last = start
    for m in _CLAUSE_WORDS_RE.finditer(text, start, end):
        last = m.end()
    return last


def _subject_with_apposition(text: str, lo: int, comma: int, cand: Candidate) -> bool:
    """'Dillon, a spokesman for X, said': the name is the segment before the apposition."""
    seg_start = _segment_start(text, lo, comma)
    segment = text[seg_start:comma].strip()
    if segment.lower().startswith(("citing ", "quoting ")):
        return _cited_source(text, lo, seg_start, comma, cand)
    if segment.lower() in _ADVERBIAL_SEGMENTS or re.fullmatch(r"(?:on|in|at|late|early)\s+\w+(?:\s+\w+)?", segment):
        back = _segment_cut(text, lo, comma)
        if back > lo and text[back] == ",":
            return _subject_left(text, lo, back, cand)
        return False
    cut = _segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    if not _looks_like_apposition(segment):
        return _role_then_name(text, lo, cut, seg_start, comma, cand)
    head_end = cut
    head_start = _after_clause_word(text, _segment_start(text, lo, head_end), head_end)
    if re.fullmatch(r"\d{1,3}", text[head_start:head_end].strip()):
        head_end = _segment_cut(text, lo, head_end)  # "Ahmed Khalaf, 45, a teacher, said": skip the age
        if head_end <= lo:
            return False
        head_start = _after_clause_word(text, _segment_start(text, lo, head_end), head_end)
    if not _valid_subject(text[head_start:head_end]) or not _has_capital(text[head_start:head_end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, head_end
    cand.clause_start = head_start
    return True


def _cited_source(text: str, lo: int, seg_start: int, comma: int, cand: Candidate) -> bool:
    """'SANA, citing local sources, said P': an outlet relays, the cited source speaks (guideline, conduit rule)."""
    cut = _segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    outlet_start = _after_clause_word(text, _segment_start(text, lo, cut), cut)
    if not _is_outlet(text[outlet_start:cut]):
        return False
    source_start = seg_start + len(text[seg_start:comma].split()[0]) + 1
    cand.mention_start, cand.mention_end, cand.head_end = source_start, comma, comma
    cand.clause_start = outlet_start
    return True


def _role_then_name(text: str, lo: int, cut: int, name_start: int, comma: int, cand: Candidate) -> bool:
    """'The UN envoy for Syria, Geir Pedersen, said': a role, then the name in apposition."""
    name = text[name_start:comma]
    if not re.fullmatch(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}", name.strip()):
        return False
    role_start = _after_clause_word(text, _segment_start(text, lo, cut), cut)
    role = text[role_start:cut]
    first = role.split()[0].lower() if role.split() else ""
    if not _valid_subject(role) or not (first in ("the", "a", "an", "its", "his", "her") or first.endswith("'s")):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = role_start, comma, cut
    cand.clause_start = role_start
    return True


def _looks_like_apposition(segment: str) -> bool:
    if not segment or len(segment.split()) > 25:
        return False
    words = segment.split()
    first = words[0].lower()
    if first in ("who", "which", "whose"):
        return True
    if first.endswith(("'s", "’s")) and len(words) > 1:
        return any(w[:1].islower() for w in words[1:])  # "OCHA's director of operations"
    if first in ("a", "an", "the") and len(words) > 1:
        # a role ("the UN deputy coordinator", "a Syrian analyst based in Istanbul"), not a proper name
        return any(w[:1].islower() and w not in _NAME_JOINERS for w in words[1:])
    return words[0][:1].islower() and first not in PRONOUNS


def _has_capital(np: str) -> bool:
    return any(w[:1].isupper() for w in np.split())


def _valid_subject(np: str) -> bool:
    words = np.split()
    if not words or len(words) > 24 or _BARE_REPORTS.match(np.strip()):
        return False
    if len(words) > 14 and not words[-1][:1].isupper():
        return False  # only a long title before a name may run this long
    lower = [w.lower().strip("\"“”«»'’‘") for w in words]
    if any(w in _FINITE for w in lower) or lower[0] in cues.PP_WORDS - {"this"}:
        return False
    cut = next((i for i, w in enumerate(lower) if i and w in _NP_PREPOSITIONS), len(words))
    last = words[cut - 1].strip("\"“”«»'’‘,")
    if last[:1].isupper() or last.endswith(")") or lower[cut - 1] in PRONOUNS or _NAME_PARTICLE_RE.match(last):
        return len(words) == 1 or lower[0] not in PRONOUNS
    # the head noun may carry a modifier after it: "a statement posted on the ministry's website"
    if any(w.removesuffix("'s") in SOURCE_NOUNS for w in lower[: min(cut, 4)]):
        return True
    # any short definite or indefinite noun phrase: "the engineer", "a relative of the victim", "both sides"
    head = lower[:cut]
    return lower[0] in _NP_DETERMINERS and 2 <= len(head) <= 4 and all(w.isalpha() for w in head[1:])


def _subject_right(text: str, cue_end: int, s_end: int, cand: Candidate, aux_start: int, lo: int) -> bool:
    """'"...," said Rami Haddad, a researcher with the Observatory.' (speaker after the verb)."""
    before = text[max(0, aux_start - 4) : aux_start].rstrip()
    if not before or before[-1] not in ",\"”’»'":
        return False
    m = _RIGHT_NP_RE.match(text, cue_end, s_end)
    if not m or not _valid_subject(m.group(1)):
        return False
    mention_end = m.end(1)
    rest = _APPOSITION_TO_END_RE.match(text, mention_end, s_end)
    if rest and _looks_like_apposition(rest.group(1)):
        mention_end = rest.end(1)
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), mention_end, m.end(1)
    cand.complement, cand.content_from, cand.cue_end = "left", -1, cue_end
    return True


def _according(text: str, m: re.Match[str], lo: int, s_end: int, inside: list[tuple[int, int]]) -> Candidate | None:
    np = _ACCORDING_NP_RE.match(text, m.end(), s_end)
    if not np or _BARE_REPORTS.match(np.group(1).strip()):
        return None  # "according to reports" names no source (guideline)
    np_start, np_end = np.start(1), np.end(1)
    cand = Candidate(m.start(), m.end(), "according to", m.start(), np_start, np_end, np_end)
    initial = not text[lo : m.start()].strip(" ,")
    if initial:
        pos = _skip_apposition(text, np_end, s_end)
        cand.mention_end, cand.complement, cand.content_from, cand.cue_end = pos[0], "direct", pos[1], np_end
    else:
        cand.complement, cand.cue_end = "left", np_end
    return cand


def _skip_apposition(text: str, np_end: int, s_end: int) -> tuple[int, int]:
    """After 'According to X', step over ', a Britain-based monitor,' to the content."""
    pos = np_end
    if pos < s_end and text[pos] == ",":
        nxt = text.find(",", pos + 1, min(s_end, pos + 120))
        segment = text[pos + 1 : nxt].strip() if nxt > 0 else ""
        if segment and (segment.split()[0].lower() in ("a", "an") or "-based" in segment):
            return nxt, _skip_space(text, nxt + 1, s_end)
        return np_end, _skip_space(text, pos + 1, s_end)
    return np_end, _skip_space(text, pos, s_end)


_TIME_RE = re.compile(
    r"\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|tonight|earlier|later|"
    r"on\s+[A-Z][a-z]+\s+\d{1,2}|last\s+(?:week|month|year|night)|this\s+(?:week|month|morning|evening)|"
    r"in\s+an?\s+(?:separate\s+|written\s+|joint\s+|brief\s+)?(?:statement|interview|post|message|briefing)|again|"
    r"repeatedly|publicly|previously|separately|too)\b"
)
_CUE_WORDS = cues.trie_pattern(set(cues.SAY_VERBS) | set(cues.OBJECT_VERBS))
_DETERMINERS = "the|a|an|its|his|her|their|our|this|these|those"
# One prepositional phrase after a cue ("at a briefing", "in a post on X"); a second determiner starts a clause.
_PP_RE = re.compile(
    r"\s+(?!at\s+(?:least|most)\b)(?:on|in|at|to|by|from|during|with|via|through|after|before|late|early|last|this|"
    rf"of|for)(?:\s+(?:{_DETERMINERS}))?(?:\s+(?!(?:that|on|in|at|to|by|from|during|with|via|through|after|before|of|"
    rf"for|{_DETERMINERS}|{_CUE_WORDS})\b)[\w'’.-]+){{1,5}}"
)
_PARTICIPLE_AFTER_COMMA = re.compile(
    r",\s+(?:and\s+)?(?:also\s+)?(" + "|".join(sorted(cues.PARTICIPLES)) + r"|citing|quoting)\b")
_CITING_RE = re.compile(r",\s+(?:citing|quoting)\s+([^,.;:!?]{2,120}?)(?=\s*(?:[,.;:!?]|$))")


def _addressee_end(text: str, pos: int, end: int) -> int:
    """'told reporters', 'told the agency's correspondent', 'told Rudaw English', 'told SANA's reporter'."""
    window = text[pos : min(end, pos + 120)]
    m = re.match(r"\s+(?:(the|our|this|a|an|its|his|her|their|state|local|foreign)\s+)?([\w'’.-]+)", window)
    if not m or m.group(2).lower() in cues.PP_WORDS | {"that", "of", "about", "against", "it", "there"}:
        return pos
    stop = m.end()
    word = m.group(2)
    if word[:1].isupper():
        caps = re.match(r"(?:\s+(?!(?:On|In|At)\b)(?:[A-Z][\w'’.-]*|\d+\b))*", window[stop:])
        stop += caps.end() if caps else 0
        word = window[:stop].split()[-1]
    if m.group(1) or word.endswith(("'s", "’s")):
        more = re.match(r"(?:\s+(?!(?:that|on|in|at|to|by|from|during|with|via|after|last|this)\b)[\w'’-]+){0,2}?"
                        r"(?=\s+(?:that|on|in|at|by|from|during|with|via|after|last|this)\b|\s*[,.;:\"“”«»]|\s*$)",
                        window[stop:])
        stop += more.end() if more else 0
    return pos + stop


def _complement(text: str, pos: int, end: int, verb: str) -> tuple[str, int, int]:
    """Shape after the cue: ('that'|'colon'|'direct', content start, cue end) or ('empty'|'comma', ...)."""
    window = min(end, pos + 300)
    p = _addressee_end(text, pos, window) if verb in cues.ADDRESSEE_VERBS else pos
    if verb.startswith("den"):
        m = cues.DENIAL_OBJECT_RE.match(text, p, window)
        if m:
            p = m.end()
            if m.group().endswith("that"):
                return "that", _skip_space(text, p, end), p
    q = p
    while (m := _PP_RE.match(text, q, window)) is not None:
        q = m.end()
    tail = text[q:window]
    if (t := _THAT_RE.match(tail)) is not None:
        return "that", _skip_space(text, q + t.end(), end), q + t.end()
    if (t := _COLON_RE.match(tail)) is not None:
        return "colon", _skip_space(text, q + t.end(), end), q
    if _TRAILING_PUNCT_RE.match(text, q, end).end() == end:
        return "empty", -1, q
    if tail.lstrip().startswith(","):
        if _PARTICIPLE_AFTER_COMMA.match(tail):
            return "empty", -1, q
        return "comma", _skip_space(text, q + tail.index(",") + 1, end), q
    t_end = p
    while (m := _TIME_RE.match(text, t_end, window)) is not None:
        t_end = m.end()
    start = _skip_space(text, t_end, end)
    if text.startswith(",", start):
        start = _skip_space(text, start + 1, end)
    return "direct", start, t_end


def _contents(text: str, s_start: int, s_end: int, cands: list[Candidate],
              inside: list[tuple[int, int]]) -> list[RawClaim]:
    claims: list[RawClaim] = []
    owner: dict[int, int] = {}
    for i, cand in enumerate(cands):
        lo = cands[i - 1].cue_end if i else s_start
        hi = cands[i + 1].clause_start if i + 1 < len(cands) else s_end
        inherit = owner.get(i - 1, -1) if cand.inherit else -1
        if cand.inherit and inherit < 0:
            continue
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
    has_left, has_right = _WORD_RE.search(text, *left) is not None, _WORD_RE.search(text, right[0], hi) is not None
    if not has_right:
        return [left]
    if not has_left:
        return [right]
    if _is_quote_only(text, left, inside) and _is_quote_only(text, right, inside):
        return [left, right]  # '"Q1," he said, "Q2."': two claims (guideline, "Spans")
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
