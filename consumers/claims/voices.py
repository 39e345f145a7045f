"""Which unnamed voice speaks: 'a hospital source' and 'a security source' are both "unnamed sources" (claim annotation
guideline, "Speaker"), yet two voices that may disagree. A key per claim tells them apart within one article; a named
speaker's key is the speaker.

The key follows the text's references: 'the hospital source' (or 'the source', 'he') is the voice described before,
'another source' a new one. It is the guideline's label, then the description: 'unnamed sources: hospital source'.
"""

import re
from collections.abc import Sequence

from consumers.claims.claim import ExtractedClaim

UNNAMED_LABELS = frozenset({"unnamed sources", "unnamed activist", "experts"})
# What follows the description and does not tell voices apart: who they spoke to, why they stayed unnamed.
_DESCRIPTION_END_RE = re.compile(
    r",|\s+(?:who|which|that|speaking|requesting|reached|interviewed|contacted|quoted|on\s+condition)\b"
)
_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|few|\d+"
_DETERMINERS_RE = re.compile(rf"^(?:(?:a|an|the|this|that|these|those|another|other|{_NUMBER_WORDS})\s+)+")
_DEFINITE_RE = re.compile(r"^(?:the|this|that|these|those)\s")
_NEW_VOICE_RE = re.compile(r"^(?:another|a\s+second|a\s+third|a\s+fourth|one\s+other)\s")
# Mentions that point back and describe nobody: the voice heard last.
_COUNT_RE = re.compile(r" \(\d+\)$")  # 'security source (2)': the second voice so described
_POINTING_RE = re.compile(
    r"^(?:he|she|they|him|her|them|(?:the|this|that)\s+(?:sources?|officials?))$"
    rf"|^(?:{_NUMBER_WORDS})\s+of\s+(?:them|those|these|the\s+sources)\b"  # ('Two of the sources, a diplomat and ...')
)


def speaker_keys(claims: Sequence[ExtractedClaim]) -> list[str]:
    """One key per claim, in order: the speaker, or for an unnamed one its label and the voice's description."""
    voices: list[str] = []  # the unnamed voices' keys, in the order they were first heard
    last = ""
    keys = []
    for claim in claims:
        if claim.speaker not in UNNAMED_LABELS:
            keys.append(claim.speaker)
            continue
        mention = " ".join(claim.speaker_mention.lower().split())
        key = _voice(claim.speaker, mention, voices, last)
        if key not in voices:
            voices.append(key)
        keys.append(key)
        last = key
    return keys


def _voice(label: str, mention: str, voices: list[str], last: str) -> str:
    if _POINTING_RE.match(mention):
        return last or f"{label}: {mention}"
    description = description_of(mention)
    key = f"{label}: {description}"
    if _DEFINITE_RE.match(mention):
        # 'the diplomat', 'the Western diplomat' after 'a senior Western diplomat': the voice described before
        before = [v for v in voices if v.startswith(f"{label}: ") and _ends_with_words(v, description)]
        return before[-1] if before else key
    if _NEW_VOICE_RE.match(mention) and key in voices:
        count = sum(1 for v in voices if v == key or v.startswith(f"{key} ("))
        return f"{key} ({count + 1})"
    return key


def description_of(mention: str) -> str:
    """'A security source, who asked not to be named' -> 'security source'."""
    if (end := _DESCRIPTION_END_RE.search(mention)) is not None:
        mention = mention[: end.start()]
    return _DETERMINERS_RE.sub("", mention.lower()).strip()


def _ends_with_words(key: str, description: str) -> bool:
    words, tail = _COUNT_RE.sub("", key.split(": ", 1)[1]).split(), description.split()
    return bool(tail) and words[-len(tail) :] == tail
