"""Relay clauses: "P, X said, TASS reported" - the outlet that closes a sentence only relays the claim (conduit rule,
claim annotation guideline), so the speaker and the span are found before it.
"""

import re

from consumers.claims.segment import in_spans
from consumers.claims.sources import PRONOUNS

# A relay clause closing a sentence whose claim has its own cue: ", Reuters reported on Monday", ", TASS quoted
# him as saying", ", the agency said, citing a military source".
_TAIL_NP = r"(?:(?:the|a|an)\s+)?[\w'’.&-]+(?:\s+[\w'’.&-]+){0,6}?"
_TAIL_TIME = r"(?:\s+(?:on|late|early|in|last|this|earlier|later|overnight|today|yesterday)\b[^,.;:!?\"“”«»]{0,40}?)?"
_TAIL_CITING = r"(?:,?\s+(?P<citing>citing|quoting)\s+[^.;:!?\"“”«»]{1,140}?)?"
_CONDUIT_TAIL_RE = re.compile(
    rf",\s+(?:(?P<np>{_TAIL_NP})\s+(?:reported|reports|wrote|writes|published)"
    rf"|(?P<np2>{_TAIL_NP})\s+(?:quoted|quotes|cited|cites)\s+[^,.;:!?\"“”«»]{{1,80}}?\s+as\s+saying"
    rf"|(?P<np3>{_TAIL_NP})\s+(?:said|says|added|adds))"
    rf"{_TAIL_TIME}{_TAIL_CITING}[\s.!…)\]]*$"
)
# (look-aheads on the first letters below: a cheap rejection at most positions of the searched window)
_RELAY_VERB_RE = re.compile(
    r"(?=[acpqrsw])\b(?:reported|reports|wrote|writes|published|quoted|quotes|cited|cites|said|says|added|adds)\b"
)
_CITING_WORD_RE = re.compile(r"(?=[cq])\b(?:citing|quoting)\b")
_TAIL_NOT_NP_RE = re.compile(
    r"\b(?:had|has|have|been|was|were|is|are|be|being|and|or|not|also|which|who|that|said|says|told|in)\b", re.I
)
_TAIL_TOKEN_RE = re.compile(r"[\w'’-]+")
_TAIL_OUTLET_WORDS = frozenset([
    "agency", "news", "media", "outlet", "broadcaster", "channel", "newspaper", "daily", "tv", "television", "radio",
    "network", "website", "tass", "ria", "novosti", "sputnik", "sana", "reuters", "afp", "ap", "anadolu", "hawar",
    "anha", "rudaw", "interfax", "xinhua", "irna", "fars", "tasnim", "kurdistan24", "enab", "press", "rt",
    "al-watan", "watan", "npa", "times", "post", "journal", "gazette", "wire", "site", "portal", "magazine", "weekly",
])


def relay_clause_start(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> int:
    """Start of a trailing relay clause (", Reuters reported on Monday", ", TASS quoted him as saying"), or -1."""
    window_start = max(start, end - 240)
    last_comma = text.rfind(",", window_start, end)
    if last_comma < 0:
        return -1
    # Cheap test first: without a citing clause the relay clause is all after the last comma (its parts hold none).
    if not _RELAY_VERB_RE.search(text, last_comma, end) and not _has_citing_word(text, window_start, end):
        return -1
    m = _CONDUIT_TAIL_RE.search(text, window_start, end)
    if m is None or in_spans(m.start(), inside):
        return -1
    np = m.group("np") or m.group("np2") or m.group("np3") or ""
    words = np.lower().split()
    if not words or words[0] in PRONOUNS or _TAIL_NOT_NP_RE.search(np):
        return -1  # "drone attacks had been reported": a passive, not an outlet
    outlet = bool(set(_TAIL_TOKEN_RE.findall(np.lower())) & _TAIL_OUTLET_WORDS)
    if m.group("np3") is not None:
        return m.start() if m.group("citing") or outlet else -1  # ", the SDF said": a second source, not a relay
    return m.start() if outlet or any(w[:1].isupper() for w in np.split()) else -1


def _has_citing_word(text: str, start: int, end: int) -> bool:
    """'citing' or 'quoting' as a word in [start, end); the substrings first, as most windows hold neither."""
    if text.find("citing", start, end) < 0 and text.find("quoting", start, end) < 0:
        return False
    return _CITING_WORD_RE.search(text, start, end) is not None
