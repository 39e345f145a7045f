"""Speakers after their cue: '"...," said Rami Haddad, a researcher with the Observatory.'"""

import re

from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.phrases import is_valid_subject, looks_like_apposition
from consumers.claims.sources.words import NAME_TOKEN, ROLE_WORDS

_RIGHT_NP_RE = re.compile(
    rf"\s+((?:(?:the|a|an)\s+)?(?:(?:{NAME_TOKEN}|{ROLE_WORDS})\s+){{0,5}}{NAME_TOKEN}"
    rf"|(?:the|a|an|one)\s+[\w-]+(?:\s+[\w-]+){{0,3}}?"
    rf"|[A-Z][\w-]*['’]s\s+[\w-]+(?:\s+[\w-]+){{0,3}}?)"  # "said Norway's foreign minister, NAME"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|on|during|from|to|after|before|via|by|late|earlier|who|whose)\b)"
)
_APPOSITION_TO_END_RE = re.compile(r",\s+([^.;:!?]{1,200}?)\s*(?=[.;:!?]?\s*$)")
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
    rest = _APPOSITION_TO_END_RE.match(text, mention_end, s_end)
    first = m.group(1).split()[0]
    described = first.lower() in ("the", "a", "an") or first.endswith(("'s", "’s"))
    name = _RIGHT_NAME_RE.match(rest.group(1)) if rest and described else None
    if rest and (looks_like_apposition(rest.group(1)) or (name and name.end() == len(rest.group(1)))):
        mention_end = rest.end(1)  # "said the Deputy Coordinator, David Carden."
    elif name and rest is not None and rest.group(1).startswith(", who", name.end()):
        mention_end = rest.start(1) + name.end()  # "said Norway's foreign minister, Espen Barth Eide, who ..."
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), mention_end, head_end
    cand.complement, cand.content_from, cand.cue_end = "left", -1, cue_end
    return True
