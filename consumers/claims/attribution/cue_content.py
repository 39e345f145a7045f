"""What a verb cue reports: its complement ("that P", a colon, a direct object, or content before the cue), the
source an outlet cites (conduit rule), and the cues that report nothing (nobody speaks, a call, a topic).
"""

import bisect
import re

from consumers.claims import cues
from consumers.claims.attribution.propositions import is_topic, lacks_proposition
from consumers.claims.complements import CITING_RE, complement
from consumers.claims.segment import in_spans
from consumers.claims.sources import Candidate, is_outlet, skip_space

# (not the people the article drew on: "the analysts interviewed for this article", "traders quoted in this story")
_OWN_TEXT_RE = re.compile(
    r"(?<!\binterviewed\sfor\s)(?<!\bquoted\sin\s)(?<!\bspoke\sto\sfor\s)(?<!\bcontacted\sfor\s)"
    r"\bthis\s+(?:article|story|report|piece)\b"
)
# A court or its bench: the subject whose "found that P" is a finding (guideline: the court speaks)
_COURT_RE = re.compile(r"\b(?:[Cc]ourt|[Tt]ribunal|judges?|[Jj]ury|bench|[Cc]hamber|senate)\b")
_NOBODY_RE = re.compile(r"(?:[Nn]o|[Nn]obody|[Nn]one|[Nn]either)\b")
_DOCUMENT_TOKEN_RE = re.compile(r"[\w'’]+")
# A short object that ends the sentence after "blamed": "Residents blamed Russian jets."
# (not "blamed it on the heat", "blamed itself": whom, not on what or a pronoun)
_BLAMED_AT_END_RE = re.compile(
    r"\s+(?!(?:on|it|itself|them|themselves|him|himself|her|herself|us|me|each)\b)(?:the\s+)?[A-Za-z][\w'’-]*"
    r"(?:\s+(?!on\b)[\w'’-]+){0,3}[.!]?\s*")
# A denial given through a conduit: "denied the charges through his lawyer", "any wrongdoing through his attorneys"
_DENIED_THROUGH_RE = re.compile(
    r"\s+((?:the|these|those|all|any|such)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+through\s+(?:his|her|their|its)\s+"
    r"(?:lawyers?|attorneys?|counsel|defen[cs]e\s+team|spokes(?:man|woman|person)|representatives?)\b"
)
_OBJECT_LINK_RES = {link: re.compile(rf"\b{link}\b") for link in set(cues.OBJECT_VERBS.values())}


def with_complement(
    text: str, m: re.Match[str], verb: str, s_end: int, cand: Candidate, inside: list[tuple[int, int]]
) -> Candidate | None:
    """The cue with its complement and content (m matched the verb), or None when what it says is no claim."""
    if _names_no_source(text, cand):
        return None
    if verb == "found" and not _COURT_RE.search(text, cand.mention_start, cand.mention_end):
        return None  # "The court found that P" reports a finding; "Reporters found that P" is what they discovered
    if m.group("toll"):
        cand.complement, cand.content_from = "direct", m.end()
        return cand
    link = cues.OBJECT_VERBS.get(verb)
    if link == "as" and verb[:4] == "dism" and _dismissed_reports(text, m.end(), s_end):
        link = None  # "dismissed Western media reports that P, saying Q": a denial of P, as "rejected reports that P"
    elif link is None and verb[:3] == "rej" and _rejected_as(text, m.end(), s_end):
        link = "as"  # "rejected the accusations as lies": a denial that describes what it denies, as "dismissed"
    if link is not None:
        return _object_content(text, m.end(), s_end, link, cand, inside)
    if verb[0] in "rw" and verb.startswith(("rej", "warn")) and not _reports_after(text, m.end(), s_end, verb):
        return None
    if verb[:3] == "den" and text.find(" through ", m.end(), s_end) >= 0 \
            and (through := _DENIED_THROUGH_RE.match(text, m.end(), s_end)) is not None:
        # "denied the charges through his lawyer": words given through a conduit, the object denied is the claim
        cand.complement, cand.content_from, cand.content_to = "direct", through.start(1), through.end(1)
        return cand
    kind, pos, cue_end = complement(text, m.end(), s_end, verb)
    if kind == "comma" and _in_relative_clause(text, cand) and cues.CUE_RE.match(text, pos) is not None:
        return None  # "A former prisoner, who testified at the trial, said P": the main verb reports, not the clause's
    if kind == "empty" or kind == "that":
        cue_end = _cited_source(text, m.end(), s_end, kind, cue_end, cand, verb)
    if verb in ("read", "reads") and not mentions_document(text, cand) and not (
            kind == "empty" and _mentions_reader(text, cand)):
        return None  # ('"Q," the presenter read': a newsreader too, with the words before the cue)
    if lacks_proposition(text, cand, verb, kind, pos) or (cue_end > cand.cue_end and is_topic(text, cue_end)):
        # (the second: "informed his counterpart about the steps": a topic, not a proposition)
        return _quoted_attitude(text, verb, kind, pos, cue_end, s_end, inside, cand)
    cand.complement, cand.content_from, cand.cue_end = kind, pos, cue_end
    if _in_relative_clause(text, cand):
        cand.content_to = _relative_clause_end(text, pos, s_end, inside)  # "NAME, who said P, told Q"
    return cand


def _in_relative_clause(text: str, cand: Candidate) -> bool:
    """The cue is the verb of a relative clause set off by commas ("NAME, who said P, told Q")."""
    return text.startswith(_RELATIVE_WORDS, cand.clause_start) and text.startswith(", ", cand.clause_start - 2)


def _names_no_source(text: str, cand: Candidate) -> bool:
    """The mention is nobody ("No group has claimed the attack") or the newsroom itself ("An earlier version of this
    article attributed ...", a correction)."""
    if text.startswith(("N", "n"), cand.mention_start) and _NOBODY_RE.match(text, cand.mention_start):
        return True
    return text.find("this", cand.mention_start, cand.mention_end) >= 0 and _OWN_TEXT_RE.search(
        text, cand.mention_start, cand.mention_end
    ) is not None


def _object_content(
    text: str, verb_end: int, s_end: int, link: str, cand: Candidate, inside: list[tuple[int, int]]
) -> Candidate | None:
    """'attributed the attack to X': the object is the content, when the verb's link word follows it."""
    tail = text[verb_end : min(s_end, verb_end + 300)]
    if link == "for" and _BLAMED_AT_END_RE.fullmatch(tail):
        pass  # "Residents blamed Russian jets.": blamed for the event just told, the sentence ending on whom
    elif not _OBJECT_LINK_RES[link].search(tail) or tail.lstrip().startswith(f"{link} "):
        return None  # "a quote attributed to X": no object, a participle, not a claim
    cand.complement, cand.content_from = "direct", skip_space(text, verb_end, s_end)
    if _in_relative_clause(text, cand):
        # "The minister, who blamed the delay on the bank, said P": the relative clause's content ends at its comma
        cand.content_to = _relative_clause_end(text, cand.content_from, s_end, inside)
    return cand


def _dismissed_reports(text: str, verb_end: int, s_end: int) -> bool:
    """'dismissed reports that P' with no 'as' in its clause ('dismissed reports that P as "lies"' describes them)."""
    denial = cues.DENIAL_OBJECT_RE.match(text, verb_end, s_end)
    if denial is None or not denial.group().endswith("that"):
        return False
    comma = text.find(",", denial.end(), s_end)
    return _OBJECT_LINK_RES["as"].search(text, denial.end(), comma if comma > 0 else s_end) is None


def _rejected_as(text: str, verb_end: int, s_end: int) -> bool:
    """'rejected the accusations (reports, claims) as lies': what was said, described ('rejected the plan as
    unworkable' is a refusal)."""
    denial = cues.DENIAL_OBJECT_RE.match(text, verb_end, s_end)
    return denial is not None and text.startswith(" as ", denial.end())


def _reports_after(text: str, verb_end: int, s_end: int, verb: str) -> bool:
    """'warned that P', 'rejected reports that P' report; 'warned residents to leave' is a call and 'rejected the
    plan' a refusal (guideline, "Not claims")."""
    if verb[0] == "w":
        return not _WARNED_TO_RE.match(text, verb_end, s_end)
    denial = cues.DENIAL_OBJECT_RE.match(text, verb_end, s_end)
    return denial is not None and denial.group().endswith("that")


def _cited_source(
    text: str, verb_end: int, s_end: int, kind: str, cue_end: int, cand: Candidate, verb: str
) -> int:
    """Conduit rule: an outlet citing a source relays it, so the cited source speaks; the cue's end after that.
    Whoever 'reported, citing X' is relaying X, an outlet the lexicon does not know too ("Semafor reported")."""
    citing = CITING_RE.match(text, cue_end, min(s_end, cue_end + 140)) if text.startswith(",", cue_end) else None
    if citing and kind == "empty" and (verb in _RELAY_VERBS or is_outlet(text[cand.mention_start : cand.mention_end])):
        # "P, TASS reported, citing a military source": the cited source is the speaker
        cand.mention_start, cand.mention_end, cand.head_end = citing.start(1), citing.end(1), citing.end(1)
        return citing.start(1) - 1
    if kind == "that" and _has_citing_word(text, verb_end, cue_end) and (
        verb in _RELAY_VERBS or is_outlet(text[cand.mention_start : cand.mention_end])
    ):
        _cited_before_that(text, verb_end, cue_end, cand)
    elif kind == "that" and (verb in _RELAY_VERBS or is_outlet(text[cand.mention_start : cand.mention_end])):
        _cited_at_the_end(text, cue_end, s_end, cand)
    return cue_end


_RELAY_VERBS = frozenset(["reported", "reports"])


def _quoted_attitude(
    text: str,
    verb: str,
    kind: str,
    pos: int,
    cue_end: int,
    s_end: int,
    inside: list[tuple[int, int]],
    cand: Candidate,
) -> Candidate | None:
    """'affirmed the importance of "Q"': an attitude, no proposition, but directly quoted (guideline), so a claim up to
    the quotation's end; None for any other cue without a proposition."""
    close = _quoted_object_end(text, pos, s_end, inside) if kind == "direct" and verb in cues.NEEDS_CLAUSE else -1
    if close <= 0:
        return None
    cand.complement, cand.content_from, cand.cue_end, cand.content_to = kind, pos, cue_end, close
    return cand


_RELATIVE_WORDS = ("who ", "which ")

# The comma closing a relative clause, before the main clause's verb: "Ahmad Ali, who said P, told us Q"
# (the comma may close a quotation too: 'NAME, who told reporters "Q," said P')
_RELATIVE_CLOSE_RE = re.compile(
    r",[\"”]?\s+(?:also\s+|later\s+)?(?:[a-z]+ed|said|says|told|tells|has|had|is|was|are|were|wrote|writes|posted|"
    r"went|left|took|sent|gave|spoke|met|made|ran|runs|fled|came)\b"
)


def _relative_clause_end(text: str, pos: int, s_end: int, inside: list[tuple[int, int]]) -> int:
    """Where a reporting relative clause's content ends (its closing comma outside quotes), or -1."""
    if pos < 0:
        return -1
    for m in _RELATIVE_CLOSE_RE.finditer(text, pos, s_end):
        if not in_spans(m.start(), inside) or m.group()[1] in "\"”":
            return m.start()
    return -1


def _has_citing_word(text: str, start: int, end: int) -> bool:
    return text.find("citing", start, end) >= 0 or text.find("quoting", start, end) >= 0


def _cited_before_that(text: str, pos: int, cue_end: int, cand: Candidate) -> None:
    """Conduit rule: "The daily reported, citing "informed sources," that P": the cited source speaks P."""
    citing = CITING_RE.search(text, pos, cue_end)
    if citing is not None:
        start, end = citing.start(1), citing.end(1)
        start += text.startswith(("\"", "“"), start)  # (a quoted source: its opening mark is no part of it)
        cand.mention_start, cand.mention_end, cand.head_end = start, end, end


def _cited_at_the_end(text: str, pos: int, s_end: int, cand: Candidate) -> None:
    """Conduit rule: "The agency reported that P, citing a military source.": the source cited last in the sentence
    speaks P (the span ends before ', citing', claim._CONTEXT_TAIL_RE)."""
    for citing in CITING_RE.finditer(text, pos, s_end):
        if text[citing.end() : s_end].strip(" .!\"”") == "":
            cand.mention_start, cand.mention_end, cand.head_end = citing.start(1), citing.end(1), citing.end(1)
            return


# "warned residents (of three villages in the area) to stay away": an addressee, then what they are told to do.
_WARNED_TO_RE = re.compile(
    r"\s+(?:(?:the|all|its|his|her|their|local)\s+)?(?!that\b|of\b|about\b|against\b)[a-z][\w'’-]*"
    r"(?:\s+(?:of|in|from|near|along)(?:\s+[\w'’-]+){1,5}?)?\s+to\s+[a-z]"
)

# A short object whose complement is a quotation: "the importance of "...", "the need for "..."".
_QUOTED_OBJECT_RE = re.compile(r"(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,3}?(?:of|for|to)\s+[\"“]")


def _quoted_object_end(text: str, pos: int, s_end: int, inside: list[tuple[int, int]]) -> int:
    """The end of the quotation in 'the importance of "Q"' right after a verb that needs a clause, else -1."""
    if not text.startswith(("the ", "its ", "their ", "a ", "an "), pos):
        return -1
    found = _QUOTED_OBJECT_RE.match(text, pos, s_end)
    if found is None:
        return -1
    i = bisect.bisect_left(inside, (found.end() - 1, -1))
    return inside[i][1] if i < len(inside) and inside[i][0] == found.end() - 1 else -1


def mentions_document(text: str, cand: Candidate) -> bool:
    words = _DOCUMENT_TOKEN_RE.findall(text[cand.mention_start : cand.mention_end].lower())
    return any(w.removesuffix("'s").removesuffix("’s") in cues.DOCUMENT_NOUNS for w in words)


def _mentions_reader(text: str, cand: Candidate) -> bool:
    return any(w in cues.READER_NOUNS for w in _DOCUMENT_TOKEN_RE.findall(text[cand.mention_start : cand.mention_end]))
