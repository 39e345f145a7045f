"""Cues without a proposition of the speaker's own are not claims (claim annotation guideline, "Not claims"):
attitudes, calls, announcements of events, objects and topics after the verb.
"""

import re

from consumers.claims import cues
from consumers.claims.complements import TOLD_OBJECT_RE
from consumers.claims.sources import Candidate

# The speaker itself (a pronoun or its body's kind) not commenting: "the department does not comment on X"
_NO_COMMENT_RE = re.compile(
    r"(?:it|they|he|she|we|(?:the|its|his|her|their)\s+(?:[a-z]+\s+)?(?:department|ministry|agency|company|bank|"
    r"office|government|embassy|army|military|group|organi[sz]ation|fund|firm|administration))\s+"
    r"(?:does|do|did|would|will|could|can)(?:\s+not|n['’]t|not)\s+comment\b"
)
_PERCEIVED_RE = re.compile(r"(?:hearing|seeing|witnessing)\s")
_NOMINAL_EVENT_RE = re.compile(r"the\s+(?:deaths?|killing|injur(?:y|ies)|wounding)\s+of\s")
_NO_PROPOSITION_RE = re.compile(r"\s+(of|about|against|responsibility|credit|nothing|little|otherwise)\b")
_PAST_PARTICIPLE_RE = re.compile(r"(?:[a-z]+ed|spread|shown|seen|made|given|written|told|sent|put)\b")
# "adding N (of X) to Y" with no verb of its own before "to": the content of P, not "adding (that) Q".
_ADDING_TO_RE = re.compile(
    r"(?:(?!(?:is|are|was|were|had|has|have|would|will|could|can|did|does|may|might|must|should)\b)"
    r"(?![\w’'-]+ed\b)[\w$%,.’'-]+\s+){1,8}?to\s"
)
_NUMBER_AHEAD_RE = re.compile(
    r"\s+(?:\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a\s+(?:dozen|hundred|"
    r"thousand|million))\b|half|a\s+third|a\s+quarter|\$)"
)


def lacks_proposition(text: str, cand: Candidate, verb: str, kind: str, pos: int) -> bool:
    """Attitudes, calls and announcements of events are not claims (guideline, "Not claims")."""
    if cand.complement == "relative" and kind == "direct" and _gapped_subject(text, cand, pos):
        return False  # "the shelling, which it said killed a woman": the rest of the relative clause is reported
    if (verb in cues.WEAK_VERBS or cand.complement == "relative") and kind not in ("that", "colon"):
        return True
    if verb in ("agreed", "agrees") and kind != "colon":
        return True  # "agreed to halt clashes": only "X agreed: '...'" reports words
    if verb in cues.NEEDS_CLAUSE and kind == "direct" and text[pos : pos + 1] not in "\"“‘«'":
        # "stressed the need for talks", "announced the start of an operation" ("reported hearing explosions" reports
        # what was perceived)
        if verb[:4] in ("repo", "ackn", "conf") and _NOMINAL_EVENT_RE.match(text, pos):
            return False  # "reported the deaths of three farmers in a strike": the event reported, as a noun phrase
        return _PERCEIVED_RE.match(text, pos) is None
    if kind == "comma" and verb in cues.NEEDS_CLAUSE and _opens_sentence(text, cand.clause_start):
        # "The fighting continued, the monitor said, ...": a subject's own verb with nothing reported before it
        return text[pos : pos + 1] not in "\"“‘«'"
    if kind == "direct" and verb in cues.ADDRESSEE_VERBS and TOLD_OBJECT_RE.match(text, pos):
        return True  # "residents tell a different story": an object, not a proposition
    if kind == "direct" and text.startswith("to ", pos):
        return True  # "claims to show", "said to be": no proposition of the speaker's own
    if verb.startswith("den") and kind == "direct" and _PAST_PARTICIPLE_RE.match(text, pos):
        return True  # "denying reports circulated on social media": what is denied, without its content
    if verb == "adding" and kind == "direct" and _ADDING_TO_RE.match(text, pos):
        return True  # "P, adding 250 megawatts to the grid": the verb "add", not a second report
    if kind in ("that", "direct") and text.find(" comment", pos, pos + 60) >= 0 and _NO_COMMENT_RE.match(text, pos):
        return True  # "said the ministry does not comment on consular cases": a no-comment, nothing asserted
    # "warned of a catastrophe", "claimed responsibility for the attack", "said nothing"
    after = _NO_PROPOSITION_RE.match(text, cand.cue_end, cand.cue_end + 16)
    if after is not None and after.group(1) == "about" and not _NUMBER_AHEAD_RE.match(text, after.end()):
        return True  # "complained about power cuts"; not "said about 3,500 detainees were held"
    return after is not None and (
        # "The farmers say otherwise": a disagreement whose own proposition is not given
        verb.startswith(("warn", "claim", "complain")) or after.group(1) in ("nothing", "little", "otherwise")
    )


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip()
    return not before or before[-1] in ".!?\n"


def _gapped_subject(text: str, cand: Candidate, pos: int) -> bool:
    """'which it said killed ...': a pronoun speaker inside a relative clause whose subject is the gap."""
    # the pronoun just before the cue (the mention may already be the sentence subject it stands for)
    before = text[max(0, cand.clause_start - 8) : cand.cue_start].rstrip()
    return _RELATIVE_PRONOUN_RE.search(before) is not None and _GAP_VERB_RE.match(text, pos) is not None


_RELATIVE_PRONOUN_RE = re.compile(r"\b(?:which|that|who|what)\s+(?:it|they|he|she)$")
_GAP_VERB_RE = re.compile(
    r"(?:had\s+|has\s+|have\s+|was\s+|were\s+|would\s+|will\s+|could\s+)?(?:[a-z]+ed|hit|left|struck|"
    r"was|were|is|are|had|has|have|includes|came|began)\b"
)


def is_topic(text: str, pos: int) -> bool:
    """'about the steps' (not 'about 3,500 detainees') right after pos."""
    after = _NO_PROPOSITION_RE.match(text, pos, pos + 16)
    return after is not None and after.group(1) == "about" and not _NUMBER_AHEAD_RE.match(text, after.end())
