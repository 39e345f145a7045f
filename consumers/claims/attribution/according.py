"""'According to X, P' and 'P, according to X': the source after "according to", and where the content starts."""

import re

from consumers.claims.sources import BARE_REPORTS, Candidate, is_outlet, skip_space
from consumers.claims.sources.phrases import is_own_staff

_ACCORDING_NP_RE = re.compile(r"\s+([^,;:.!?\"“”«»]{1,150}?)(?=\s*(?:[,;:!?\"“”«»]|\.\s|\.?$|\s+that\b))")
_ACCORDING_NAME_RE = re.compile(
    r",\s+((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu|de)){1,4})(?=[\s.!…]*$)"
)
_SUBORDINATE_END_RE = re.compile(r"\b(?:where|that|whereas)\s*,?\s*$")
_APPOSITION_CLOSE_RE = re.compile(r",(?=\s)")
_BARE_ROLE_RE = re.compile(
    r"\b(?:director|researcher|head|spokes(?:man|woman|person)|chief|officer|analyst|advis[eo]r|coordinator|"
    r"chair(?:man|woman)?|co-chair|founder|president|secretary|representative|professor|fellow|editor|manager)\b"
)
_CONTENT_GOES_ON_RE = re.compile(r",\s+(?:and|but)\s+(?!according\b)[a-z]")
# A reporting verb right after the aside: "X, according to the agency, said"
_VERB_AFTER_RE = re.compile(r",\s+(?:also\s+)?(?:said|says|told|added|claimed|reported|confirmed|denied)\b")
# The report's "that" right after the aside: "told the Al-Watan newspaper, according to RIA Novosti, that P"
_THAT_AFTER_RE = re.compile(r",\s+that\b")
# A person's name alone between commas: "Farhad Shami", "Mahmoud al-Hamdan"
_NAME_SEGMENT_RE = re.compile(r"(?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu|de)){1,3}")
# "According to Sokolov, a Syrian delegation will visit Moscow": a finite verb outside a relative clause makes the
# words after the comma the content, not an apposition ("a monitor that has tracked the war" is one)
_CLAUSE_RE = re.compile(
    r"(?:(?!\b(?:who|whose|which|that)\b)[^\"“”«»])*?\b(?:will|would|could|can|may|might|must|should|shall|has|have|"
    r"had|is|are|was|were)\s+[a-z]"
)
# "According to X, a car bomb exploded at 10 a.m., when P": a subordinate clause follows a main clause, never the
# apposition "a Britain-based monitor," of X
_SUBORDINATE_NEXT_RE = re.compile(r"\s*(?:when|while|whereas|although|though|because|as|after|before|since|until)\s")
# "According to X, an estimated 12,000 people fled": a quantity opens the content, not an apposition
_QUANTITY_RE = re.compile(r"(?:a|an)\s+(?:estimated|additional|further|total|reported|\d)", re.I)

# Content that is itself a named report: "Daraa Governor Anwar al-Masri said on Sunday that P" (capitalised words only
# before the verb, its "that" close after it)
_NAMED_REPORT_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|bin|ibn|abu)){0,5}\s+"
    r"(?:said|told|announced|stated|confirmed|denied|stressed|added)\b[^.;:\"“”«»]{0,40}?\bthat\s"
)


# The measure or rule something is done by, never a source: "according to a formula", "according to need",
# "according to the size of each family", "according to plan" (not "according to the plan", a document that may speak)
_MANNER_RE = re.compile(
    r"(?:(?:a|an|the|its|their|each|agreed|set|new)\s+)*(?:[\w-]+\s+)?(?:formula|quotas?|criteria|needs?|size|"
    r"priorit(?:y|ies)|capacity|merit|seniority)\b|(?:plan|schedule)\b"
)


# "According to what Ehmed told ANHA, P": the teller speaks, the hearer only heard it
_WHAT_TOLD_RE = re.compile(r"what\s+(\S.{0,80}?)\s+(?:told|said\s+to|wrote\s+to)\s")


def according_cue(text: str, m: re.Match[str], lo: int, s_end: int, inside: list[tuple[int, int]]) -> Candidate | None:
    """'According to X, P', 'P, according to X': X speaks; None when X names no source ("according to reports")."""
    np = _ACCORDING_NP_RE.match(text, m.end(), s_end)
    if not np or BARE_REPORTS.match(np.group(1).strip()):
        return None  # "according to reports" names no source (guideline)
    if _MANNER_RE.match(np.group(1)):
        return None  # "divides revenues according to a formula", "according to need": how, not who says so
    if is_own_staff(np.group(1).split()):
        return None  # "according to our team on the ground": the outlet's own narration (guideline)
    np_start, np_end = np.start(1), np.end(1)
    if text.startswith(",", np_end) and _THAT_AFTER_RE.match(text, np_end, s_end):
        return None  # "X told a newspaper, according to Y, that P": Y only relays X's report (guideline, conduit rule)
    cand = Candidate(m.start(), m.end(), "according to", m.start(), np_start, np_end, np_end)
    initial = not text[lo : m.start()].strip(" ,") or (
        _SUBORDINATE_END_RE.search(text, max(lo, m.start() - 12), m.start()) is not None
        and text.startswith(",", np.end(1))
    )  # "the camp, where, according to the envoy, P"
    if initial:
        pos = _skip_apposition(text, np_end, s_end)
        if _NAMED_REPORT_RE.match(text, pos[1], s_end) and is_outlet(np.group(1).strip()):
            return None  # "According to SANA, Governor NAME said that P": the outlet relays; NAME's verb speaks
        cand.mention_end, cand.complement, cand.content_from, cand.cue_end = pos[0], "direct", pos[1], np_end
    elif _VERB_AFTER_RE.match(text, np_end, s_end):
        return None  # "Military sources, according to Kan, said P": an aside on who relays; the verb's subject speaks
    else:
        cand.complement, cand.cue_end = "left", np_end
        named = _ACCORDING_NAME_RE.match(text, np_end, s_end)
        if named:
            cand.mention_end = cand.cue_end = named.end(1)  # "..., according to its spokesperson, Thameen Kheetan."
        elif _CONTENT_GOES_ON_RE.match(text, np_end, s_end):
            # "P1, according to X, and P2": content interrupted by its cue is one span across it (guideline, "Spans")
            cand.complement, cand.content_from = "comma", skip_space(text, np_end + 1, s_end)
    if text.startswith("what ", np_start) and (told := _WHAT_TOLD_RE.match(text, np_start, np_end)) is not None:
        cand.mention_start, cand.mention_end, cand.head_end = told.start(1), told.end(1), told.end(1)
    return cand


def _skip_apposition(text: str, np_end: int, s_end: int) -> tuple[int, int]:
    """After 'According to X', step over ', a Britain-based monitor,' to the content."""
    pos = np_end
    if pos < s_end and text[pos] == ",":
        # the apposition closes at a comma before a space, not inside "12,000"
        close = _APPOSITION_CLOSE_RE.search(text, pos + 1, min(s_end, pos + 120))
        nxt = close.start() if close else -1
        segment = text[pos + 1 : nxt].strip() if nxt > 0 else ""
        if segment and not _QUANTITY_RE.match(segment) and not _CLAUSE_RE.match(segment) \
                and not _SUBORDINATE_NEXT_RE.match(text, nxt + 1, s_end) and (
            segment.split()[0].lower() in ("a", "an") or "-based" in segment
            or (segment[0].islower() and text[np_end - 1].isalpha() and _BARE_ROLE_RE.search(segment) is not None)
        ):  # (the last: "According to Adam Coogle, deputy Middle East director at the organisation, P")
            return nxt, skip_space(text, nxt + 1, s_end)
        if segment and _BARE_ROLE_RE.search(text, max(pos - 30, 0), pos) and _NAME_SEGMENT_RE.fullmatch(segment):
            return nxt, skip_space(text, nxt + 1, s_end)  # "According to an SDF spokesman, Farhad Shami, P": the name
        return np_end, skip_space(text, pos + 1, s_end)
    return np_end, skip_space(text, pos, s_end)
