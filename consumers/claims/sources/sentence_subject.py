"""The sentence subject a participle reports for: "The ministry condemned the attack, stressing that P", "Iran's
foreign ministry spokesman, Esmaeil Baghaei, condemned the attack and said P".
"""

import re

from consumers.claims.searches import DocumentSearches
from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.phrases import is_valid_subject
from consumers.claims.sources.words import NAME_TOKEN, ROLE_WORDS

_ORGAN_HEADS = (
    "ministry|army|military|government|presidency|foreign office|embassy|mission|police|"
    "spokesman|spokeswoman|spokesperson|armed forces|security forces|intelligence|"
    # a state's delegate: "Syria's representative rejected the findings, saying P" (not "Syria's" alone)
    "representative|delegate|delegation|ambassador|envoy"
)

_COUNT_WORDS = (
    "Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fifteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|"
    "Eighty|Ninety|Dozens|Hundreds"
)

_SUBJECT_AT_START_RE = re.compile(
    rf"\s*(?:(?:But|And|Yet)\s+)?((?:The|A|An)\s+(?:[\w-]+\s+){{0,2}}?[a-z]+(?=,\s+(?:in\s+turn|for\s+\w+\s+part),)"
    # "Syria's foreign ministry denounced ..., saying P": a country's organ by its kind
    rf"|[A-Z][\w-]*['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_ORGAN_HEADS})(?=\s+[a-z])"
    # "The Syrian foreign ministry condemned the raid, which it said P": a country adjective, then the organ
    rf"|(?:The|the)\s+[A-Z][\w-]*\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_ORGAN_HEADS})(?=\s+[a-z])"
    # "Forty-two Syrian and international aid organisations have urged ..., warning that P": a counted group
    # (not ending on a plural that modifies the next one: "Thirty-one humanitarian and rights organisations")
    rf"|(?:{_COUNT_WORDS})(?:-[a-z]+)?\s+(?:[\w'’-]+\s+){{0,5}}?[a-z][\w'’-]*s(?=\s+[a-z])"
    r"(?!\s+[a-z][\w'’-]*(?:s|ies)\s+(?:have\s+|had\s+|also\s+)?[a-z]+(?:ed|ing)\b)"
    # "The Facebook page of the X Directorate posted photos and said P": the page of a body, not the platform's name
    r"|(?:The|the)\s+(?:official\s+)?(?:Facebook|Telegram|Twitter|X|Instagram|YouTube|TikTok|WhatsApp)\s+"
    r"(?:page|account|channel)\s+of\s+the\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+"
    rf"|(?:(?:The|the)\s+)?(?!(?:A|An|The)\s){NAME_TOKEN}"
    # "The Kurdistan Democratic Party (KDP) Politburo": an acronym in brackets inside the name
    rf"(?:(?:\s+\([A-Z][^()]{{0,18}}\))?\s+(?:(?:of|for|and|to|of the|for the)\s+)?(?:(?:{ROLE_WORDS})\s+)?"
    rf"{NAME_TOKEN}){{0,6}}"
    rf"|(?:The|A|An|the|a|an)\s+(?:[\w-]+\s+){{0,2}}?[a-z]+"
    # (a body's name in the phrase runs to its end: "for Iran's Ministry of Foreign Affairs")
    r"(?:\s+(?:of|with|at|from|for|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?!\s+(?:of|and|for)\s+[A-Z]))?)"
    r"(?:\s*\([^()]{1,20}\))?(?=\s+[a-z]|,\s+(?:in\s+turn|for\s+\w+\s+part),)"
)


def sentence_subject(text: str, s_start: int, end: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """'The ministry condemned the attack, stressing that P': the participle's speaker is the sentence subject."""
    opener = text[s_start : s_start + 12].split(" ", 1)[0]
    fronted = _FRONTED_PHRASE_RE.match(text, s_start, end) if opener in _OPENING_ADVERBS else None
    if fronted is not None:
        s_start = fronted.end()  # "Elsewhere in his remarks, Baghaei touched upon X, noting that P": after the phrase
    role = _ROLE_NAME_AT_START_RE.match(text, s_start, end)
    if role and is_valid_subject(role.group(1)):
        # "Iran's foreign ministry spokesman, Esmaeil Baghaei, condemned the attack and said P"
        cand.inherit = False
        cand.mention_start, cand.mention_end, cand.head_end = role.start(1), role.end(2), role.end(1)
        return True
    if searches.has_comma_space(s_start, end) and _named_after_commas(text, s_start, end, cand):
        return True
    m = _SUBJECT_AT_START_RE.match(text, s_start, end)
    if not m or not is_valid_subject(m.group(1)) or (fronted is None and _lower_determiner_np(m.group(1))):
        return False  # (a lower-case "the ministry" only after an opening phrase: "In a statement, the ministry")
    cand.inherit = False
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), m.end(1), m.end(1)
    named = _NAME_APPOSITION_RE.match(text, m.end(1), end)
    if named:
        cand.mention_end = named.end(1)  # "Iran's foreign ministry spokesman, Esmaeil Baghaei, condemned ..."
    return True


def _named_after_commas(text: str, s_start: int, end: int, cand: Candidate) -> bool:
    """A name with an apposition, or a described subject with its name, between commas before the sentence's verb."""
    appos = _NAME_APPOSITION_AT_START_RE.match(text, s_start, end)
    if appos and is_valid_subject(appos.group(1)):
        # "MP Rima Dawood, a representative of Homs, objected to the text, telling X that P": the name, its apposition
        cand.inherit = False
        cand.mention_start, cand.mention_end, cand.head_end = appos.start(1), appos.end(2), appos.end(1)
        return True
    named = _DESCRIBED_THEN_NAMED_RE.match(text, s_start, end)
    if named and is_valid_subject(named.group(1)):
        # "The news site that first shared the video, Kobani Now, deleted its post and published a note saying P"
        cand.inherit = False
        cand.mention_start, cand.mention_end, cand.head_end = named.start(1), named.end(1), named.end(1)
        return True
    return False


def _lower_determiner_np(np: str) -> bool:
    return np.startswith(("a ", "an ")) or (np.startswith("the ") and np[4:5].islower())


# A phrase opening the sentence before its subject: an adverb or a prepositional phrase up to the first comma.
_OPENING_ADVERBS = frozenset(
    ["Elsewhere", "Meanwhile", "Separately", "Later", "Earlier", "However", "Moreover", "In", "On", "At", "During",
     "Later,", "Earlier,", "Meanwhile,", "Separately,", "However,", "Moreover,", "Elsewhere,"]
)

_FRONTED_PHRASE_RE = re.compile(r"[A-Z][a-z]+\b[^,.;:!?\"“”]{0,60},\s+")

_ROLE_NAME_AT_START_RE = re.compile(
    rf"\s*((?:The\s+|[A-Z][\w'’-]*['’]s\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,8}}?),\s+"
    rf"((?:[A-Z][\w'’.-]*\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}),\s+(?=[a-z])")


_NAME_APPOSITION_AT_START_RE = re.compile(
    rf"\s*((?:[A-Z][\w'’.-]*\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}),\s+((?:a|an|the)\s+[^,;:\"“”]{{2,80}}),\s+"
    r"(?=[a-z])")


_DESCRIBED_THEN_NAMED_RE = re.compile(
    r"\s*(?:The|A|An)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]*\s+(?:that|which|who)\s+[^,;:\"“”]{2,60},\s+"
    rf"({NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}),\s+(?=[a-z])")


_NAME_APPOSITION_RE = re.compile(
    rf",\s+((?:(?:[A-Z][\w'’.-]*)\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})\s*,")
