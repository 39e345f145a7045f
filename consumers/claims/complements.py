"""What follows a cue: an addressee, prepositional phrases, "that", a colon, or nothing (content comes before)."""

import re

from consumers.claims import cues
from consumers.claims.sources import skip_space

_THAT_RE = re.compile(r"\s+that\b")
_COLON_RE = re.compile(r"\s*:")
_TRAILING_PUNCT_RE = re.compile(r"[\s.!?…\"”’»')\]]*")
_TIME_RE = re.compile(
    r"\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|tonight|earlier|later|"
    r"on\s+[A-Z][a-z]+\s+\d{1,2}|last\s+(?:week|month|year|night)|this\s+(?:week|month|morning|evening)|"
    r"in\s+an?\s+(?:separate\s+|written\s+|joint\s+|brief\s+)?(?:statement|interview|post|message|briefing)|again|"
    r"repeatedly|publicly|previously|separately|too)\b(?![’'])"
)
# "report" is a cue only after a plural subject ("aid partners report that"); in "said in a report" it is the noun,
# as "remarks" and "notes" are in "said in televised remarks that", "wrote in notes to clients that"
_CUE_WORDS = cues.trie_pattern((set(cues.SAY_VERBS) | set(cues.OBJECT_VERBS)) - {"report", "remarks", "notes"})
_DETERMINERS = "the|a|an|its|his|her|their|our|this|these|those"


# One prepositional phrase after a cue ("at a briefing", "in a post on X"); a second determiner starts a clause.
_PP_RE = re.compile(
    r"\s+(?!at\s+(?:least|most)\b)(?:on|in|at|to|by|from|during|with|via|through|throughout|after|before|following|"
    r"amid|late|outside|inside|"
    # ("this"/"last" open a time, "this week", "last Tuesday"; not a clause's subject: "said this was due to X")
    r"early|(?:last|this)(?=\s+(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|"
    r"fall|winter|season|quarter|time|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    # ("said this season's harvest ...": a possessive time word is the content's subject)
    r"March|April|May|June|July|August|September|October|November|December)\b(?![’']))|"
    rf"of|for)(?:\s+(?:{_DETERMINERS}))?(?:\s+(?!(?:that|on|in|at|to|by|from|during|with|via|through|after|before|of|"
    # "denied on Saturday any involvement": a quantifier starts the object, not more of the phrase
    rf"for|any|all|every|no|{_DETERMINERS}|{_CUE_WORDS})\b)[\w'’.-]+){{1,5}}"
    # a body's acronym in brackets closes its name: "to the Organisation for the Prohibition of Chemical Weapons (OPCW)"
    r"(?:\s+\([A-Z][A-Za-z0-9-]{1,11}\))?"
)
_POSTED = tuple(f" {w} " for w in ("posted", "published", "shared", "released", "broadcast", "aired", "uploaded",
                                     "issued", "circulated"))
_AND_NP_RE = re.compile(
    rf"\s+(?:and\s+)?(?:{_DETERMINERS})(?:\s+(?!(?:that|on|in|at|to|by|from|during|with|via|through|after|before|of|"
    rf"for|and|{_DETERMINERS}|{_CUE_WORDS})\b)[\w'’.-]+){{1,5}}"
)
_PARTICIPLE_AFTER_COMMA = re.compile(
    r",\s+(?:and\s+)?(?:also\s+)?(" + "|".join(sorted(cues.PARTICIPLES)) + r"|citing|quoting)\b"
)
# "P, UNHCR said on Tuesday, while Q": the journalist's own clause after the cue, not content that follows it.
_CONTEXT_AFTER_COMMA = re.compile(
    r",\s+(?:while|whereas|as|when|although|though|amid|after|before)\b"
    # "P, the ministry said, but it gave no names", "..., but did not say who": the writer's clause, or the speaker's
    # own act; not "P, the diplomat said, but ministers preferred Q": content going on across its cue (guideline,
    # "Spans": "X, Dillon explained, and Y" is one span)
    r"|,\s+but\b(?!\s+(?:(?:the|a|an|some|many|most|several|other|its|his|her|their)\s+(?!\w+\s+(?:said|says|told|"
    r"reported|added)\b)[\w'’-]+|[a-z][\w'’-]*s\s+(?:had|have|would|were|could|did|[a-z]+ed)\b))"
    # "P, a banker told me, asking not to be named": the source's anonymity, the journalist's words
    r"|,\s+(?:asking|requesting|speaking|preferring|declining)\s+(?:not\b|on\s+condition\b|anonymity\b|to\s+be\s+named)"
    r"|,\s+on\s+condition\s+of\s+anonymity\b"
    # "P, two bankers told Reuters, a step that would end X": the journalist's comment on P in apposition
    r"|,\s+(?:a|an)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+(?:that|which)\b"
)
_ASIDE_THEN_THAT_RE = re.compile(r"\s*,\s+[^,;:.!?\"“”«»]{1,100},\s+that\b")
# An aside holding a short quotation, its comma inside the marks: 'reported, citing "informed sources," that' (a
# second pattern, tried only when a quotation mark opens near: the alternation costs more than the plain one)
_QUOTED_ASIDE_THEN_THAT_RE = re.compile(
    r"\s*,\s+[^,;:.!?\"“”«»]{0,60}[\"“][^,;:.!?\"“”«»]{1,60},?[\"”][^,;:.!?\"“”«»]{0,40}?(?:,|(?<=,[\"”]))\s+that\b"
)
CITING_RE = re.compile(r",\s+(?:citing|quoting)\s+([^,.;:!?]{2,120}?)(?=\s*(?:[,.;:!?]|$))")


TOLD_OBJECT_RE = re.compile(r"(?:[\w'’-]+\s+){0,2}(?:story|stories|truth|lies?|tales?|jokes?|secrets?)\b")
# (an outlet's name may hold a slash: "told RFE/RL by phone that")
_ADDRESSEE_RE = re.compile(
    r"\s+(?:(the|our|my|your|this|a|an|its|his|her|their|state|local|foreign)\s+)?([\w'’.-]+(?:/[A-Z]\w*)?)"
)
_NOT_ADDRESSEES = cues.PP_WORDS | {"that", "of", "about", "against", "it", "there"}
_ADDRESSEE_CAPS_RE = re.compile(r"(?:\s+(?!(?:On|In|At)\b)(?:[A-Z][\w'’.-]*|\d+\b))*")
_ADDRESSEE_MORE_RE = re.compile(
    r"(?:\s+(?!(?:that|on|in|at|to|by|from|during|with|via|after|last|this|the|a|an|was|were|is|"
    r"are|had|has)\b)[\w'’-]+){0,4}?"
    r"(?=\s+(?:that|on|in|at|by|from|during|with|via|after|last|this|about)\b|\s*[,.;:\"“”«»]|\s*$)"
)

_MEDIUM_AFTER_NAME_RE = re.compile(r"\s+(?:television|radio|channel|newspaper|daily|news\s+agency|agency|website)\b")


def _addressee_end(text: str, pos: int, end: int) -> int:
    """'told reporters', 'told the agency's correspondent', 'told Rudaw English', 'told SANA's reporter'."""
    window = text[pos : min(end, pos + 120)]
    m = _ADDRESSEE_RE.match(window)
    if not m or m.group(2).lower() in _NOT_ADDRESSEES:
        return pos
    if TOLD_OBJECT_RE.match(window, m.start(2)):
        return pos  # "told a different story", "tell the truth": an object, not an addressee
    stop = m.end()
    word = m.group(2)
    if word[:1].isupper():
        caps = _ADDRESSEE_CAPS_RE.match(window[stop:])
        stop += caps.end() if caps else 0
        medium = _MEDIUM_AFTER_NAME_RE.match(window, stop)
        stop = medium.end() if medium else stop  # "told Al-Manar television that P": the medium's kind after its name
        word = window[:stop].split()[-1]
    if m.group(1) or word.endswith(("'s", "’s")):
        more = _ADDRESSEE_MORE_RE.match(window[stop:])
        stop += more.end() if more else 0
    return pos + stop


def complement(text: str, pos: int, end: int, verb: str) -> tuple[str, int, int]:
    """Shape after the cue: ('that'|'colon'|'direct', content start, cue end) or ('empty'|'comma', ...)."""
    window = min(end, pos + 300)
    p = _addressee_end(text, pos, window) if verb in cues.ADDRESSEE_VERBS else pos
    if verb.startswith(("den", "rej", "dismiss", "refut")):  # "denied/rejected/dismissed (media) reports that P"
        m = cues.DENIAL_OBJECT_RE.match(text, p, window)
        if m and text.startswith(" of ", m.end()):
            m = None  # "denying reports of a shortage": the reports of what are the object denied (as "involvement")
        if m:
            p = m.end()
            if m.group().endswith("that") and m.group().strip() != "that":  # not "denied that, saying P"
                return "that", skip_space(text, p, end), p
    if verb.startswith(("reiterat", "repeat", "restat")) and (m := cues.RESTATED_OBJECT_RE.match(text, p, window)):
        return "that", skip_space(text, m.end(), end), m.end()  # "repeated its earlier statement that P"
    q = p
    # prepositional phrases and bare times: "said on Tuesday in a statement", "announced Thursday"
    while (m := _PP_RE.match(text, q, window) or _TIME_RE.match(text, q, window)) is not None:
        q = m.end()
    if q > p and text.startswith(_POSTED, q):
        q = _after_posted_medium(text, q, window, end)
    if text.endswith(" and", p, q) or text.startswith(" and ", q):
        q = _after_joined_addressees(text, q, window)
    tail = text[q:window]
    if (t := _THAT_RE.match(tail)) is not None:
        return "that", skip_space(text, q + t.end(), end), q + t.end()
    if (t := _COLON_RE.match(tail)) is not None:
        return "colon", skip_space(text, q + t.end(), end), q
    trailing = _TRAILING_PUNCT_RE.match(text, q, end)  # always matches: the pattern accepts nothing
    if trailing is not None and trailing.end() == end:
        return "empty", -1, q
    if tail.lstrip().startswith(","):
        return _shape_after_comma(text, q, end, tail)
    return _direct_object(text, p, end, window)


def _after_posted_medium(text: str, q: int, window: int, end: int) -> int:
    """'said in a video posted on Facebook that P': the participle and its phrase describe the medium, so the cue
    ends after them when "that" follows, or the sentence ('P, it said in a statement posted on Telegram.'); else q."""
    r = posted = text.find(" ", q + 1)
    while r > 0 and (m := _PP_RE.match(text, r, window)) is not None:
        r = m.end()
    if not r > posted > 0:
        return q
    if _THAT_RE.match(text, r, window) is not None:
        return r
    trailing = _TRAILING_PUNCT_RE.match(text, r, end)
    return r if trailing is not None and trailing.end() == end else q


def _after_joined_addressees(text: str, q: int, window: int) -> int:
    """'said in letters to the Secretary-General and the President of the Council that P': more phrases joined by
    "and", part of the cue only when "that" follows; else q."""
    r = q
    while (m := _AND_NP_RE.match(text, r, window) or _PP_RE.match(text, r, window)) is not None:
        r = m.end()
    return r if r > q and _THAT_RE.match(text, r, window) is not None else q


def _shape_after_comma(text: str, q: int, end: int, tail: str) -> tuple[str, int, int]:
    """A comma after the cue: an aside before "that", the cue's own participle or the journalist's clause (content
    before the cue), or content after the comma."""
    aside = _ASIDE_THEN_THAT_RE.match(tail)
    if aside is None and ('"' in tail[:80] or "“" in tail[:80]):
        aside = _QUOTED_ASIDE_THEN_THAT_RE.match(tail)
    if aside is not None:
        # "said, in a written reply to our questions, that P": the aside belongs to the cue, P to the speaker
        return "that", skip_space(text, q + aside.end(), end), q + aside.end()
    if _PARTICIPLE_AFTER_COMMA.match(tail) or _CONTEXT_AFTER_COMMA.match(tail):
        return "empty", -1, q
    return "comma", skip_space(text, q + tail.index(",") + 1, end), q


def _direct_object(text: str, p: int, end: int, window: int) -> tuple[str, int, int]:
    """Content straight after the cue and any bare times ("announced Thursday the closure of ...")."""
    t_end = p
    while (m := _TIME_RE.match(text, t_end, window)) is not None:
        t_end = m.end()
    start = skip_space(text, t_end, end)
    if text.startswith(",", start):
        start = skip_space(text, start + 1, end)
    return "direct", start, t_end
