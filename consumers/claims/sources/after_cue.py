"""Speakers after their cue: '"...," said Rami Haddad, a researcher with the Observatory.'"""

import re

from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.phrases import is_valid_subject, looks_like_apposition
from consumers.claims.sources.words import NAME_TOKEN, ROLE_WORDS

_RIGHT_NP_RE = re.compile(
    rf"\s+((?:(?:the|a|an)\s+)?(?:(?:{NAME_TOKEN}|{ROLE_WORDS})\s+){{0,5}}{NAME_TOKEN}"
    rf"|(?:the|a|an|one|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+){{0,3}}?"  # "said his brother, NAME"
    rf"|[A-Z][\w-]*['’]s\s+[\w-]+(?:\s+[\w-]+){{0,3}}?)"  # "said Norway's foreign minister, NAME"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|on|during|from|to|after|before|via|by|late|earlier|who|whose)\b)"
)
_APPOSITION_TO_END_RE = re.compile(r",\s+([^.;:!?]{1,200}?)\s*(?=[.;:!?]?\s*$)")
# The speaker (and an apposition) closed by a comma before a quotation mark: ', the UN coordinator, "'.
_QUOTE_REOPENED_RE = re.compile(r"(?:,\s+([^,.;:!?\"“”«»]{1,120}?))?,\s*(?=[\"“«])")
_RIGHT_NAME_RE = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}")


def subject_right(text: str, cue_end: int, s_end: int, cand: Candidate, aux_start: int, lo: int) -> bool:
    """'"...," said Rami Haddad, a researcher with the Observatory.' (speaker after the verb)."""
    before = text[max(0, aux_start - 4) : aux_start].rstrip()
    if not before or before[-1] not in ",\"”’»'":
        return False
    m = _RIGHT_NP_RE.match(text, cue_end, s_end)
    if not m or not is_valid_subject(m.group(1)):
        return False
    head_end = mention_end = m.end(1)
    if text[mention_end - 1] == "." and text[mention_end - 3 : mention_end - 2].isalpha():
        head_end = mention_end = mention_end - 1  # '"No," said Sami Haddad.': the sentence's full stop, no initial
    first = m.group(1).split()[0]
    described = first.lower() in ("the", "a", "an", "his", "her", "its", "their") or first.endswith(("'s", "’s"))
    reopened = _QUOTE_REOPENED_RE.match(text, mention_end, s_end) if text.startswith(",", mention_end) else None
    if reopened is not None and _is_apposition(reopened.group(1), described):
        # '"Q1," said X, the UN coordinator, "Q2."': the quotation goes on after the speaker (two claims, guideline)
        cand.mention_start, cand.mention_end, cand.head_end = m.start(1), max(mention_end, reopened.end(1)), head_end
        cand.complement, cand.content_from, cand.cue_end = "comma", reopened.end(), cue_end
        return True
    rest = _APPOSITION_TO_END_RE.match(text, mention_end, s_end)
    name = _RIGHT_NAME_RE.match(rest.group(1)) if rest and described else None
    if rest and (looks_like_apposition(rest.group(1)) or (name and name.end() == len(rest.group(1)))):
        mention_end = rest.end(1)  # "said the Deputy Coordinator, David Carden."
    elif name and rest is not None and rest.group(1).startswith(", who", name.end()):
        mention_end = rest.start(1) + name.end()  # "said Norway's foreign minister, Espen Barth Eide, who ..."
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), mention_end, head_end
    cand.complement, cand.content_from, cand.cue_end = "left", -1, cue_end
    return True


def _is_apposition(words: str | None, described: bool) -> bool:
    """No apposition, a description ('the UN coordinator'), or the name after a description ('the envoy, NAME')."""
    if words is None:
        return True
    return looks_like_apposition(words) or (described and _RIGHT_NAME_RE.fullmatch(words) is not None)
