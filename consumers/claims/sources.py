"""Who speaks: the source of a cue, found around it in its sentence (claim annotation guideline, "Speaker").

Subjects before the verb ("Dillon, a spokesman for X, said"), after it ("said Rami Haddad"), a role before a name
("The UN envoy, Geir Pedersen, said"), an outlet citing its source, and the sentence subject for participles.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from consumers.claims import cues
from consumers.claims.context import ORG_WORDS
from consumers.claims.speakers import TITLES, is_known_org

# (the look-ahead holds every first letter of the words below: a cheap rejection at most positions)
_CLAUSE_WORDS = (
    r"(?:where|while|when|whereas|because|after|before|since|although|though|but|if|so|which|whom|whose|as|that|"
    r"and(?=\s+(?:the|a|an|he|she|they|it|we|its|his|her|their)\b))\s+"
)
_CLAUSE_WORDS_RE = re.compile(rf"(?=[ABYabistw])(?:(?:^|(?<=[\s,;:]))(?:But|And|Yet)\s+|\b{_CLAUSE_WORDS})")
# The same words found by the non-word character before them (past the text's first character each follows one):
# a pattern opening with a character class lets sre skip the positions outside it without starting a match there.
_CLAUSE_WORDS_AFTER_RE = re.compile(rf"\W(?=[ABYabistw])(?:(?<=[\s,;:])(?:But|And|Yet)\s+|{_CLAUSE_WORDS})")
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
        "movement", "front", "chairman", "chairwoman", "chair", "founder", "coordinator", "representative",
        "adviser", "advisor", "deputy", "co-chair", "co-chairman", "co-chairwoman", "neighbours", "neighbors",
        "partners", "partner", "critics", "critic", "opponents",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
BARE_REPORTS = re.compile(r"^(?:(?:local|media|press|unconfirmed|some|other|several|many|earlier|initial|recent|"
                           r"news|first)\s+)*(?:reports?|rumou?rs?)$", re.I)
_OUTLET_WORDS = frozenset([
    "agency", "news", "media", "outlet", "broadcaster", "channel", "newspaper", "daily", "tv", "television", "radio",
    "network", "website", "tass", "ria", "sputnik", "sana", "reuters", "afp", "ap", "anadolu", "hawar", "anha",
    "rudaw", "interfax", "xinhua", "irna", "fars", "tasnim", "kurdistan24", "enab",
    # regional papers and channels that relay unnamed sources ("Asharq Al-Awsat reported, citing ...")
    "asharq", "al-awsat", "al-monitor", "al-watan", "al-akhbar", "al-mayadeen", "al-arabiya", "al-jazeera", "jazeera",
    "al-manar", "al-hadath", "ina", "mehr", "izvestia", "kommersant", "haaretz", "ynet",
])
# a particle alone or joined by a hyphen ("al-Hafl", "bin Salman"), not a word that starts like one ("also")
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|abu|de|van|von|der|da|di|du|la|le)(?:-[\w'’-]+)?(?![\w'’]))"
_ROLE_WORDS = ("spokesperson|spokesman|spokeswoman|minister|envoy|ambassador|official|commander|chief|director|"
               "researcher|analyst|officer|representative|adviser|advisor|secretary|president|head|leader|general")
_RIGHT_NP_RE = re.compile(
    rf"\s+((?:(?:the|a|an)\s+)?(?:(?:{_NAME_TOKEN}|{_ROLE_WORDS})\s+){{0,5}}{_NAME_TOKEN}"
    rf"|(?:the|a|an|one)\s+[\w-]+(?:\s+[\w-]+){{0,3}}?"
    rf"|[A-Z][\w-]*['’]s\s+[\w-]+(?:\s+[\w-]+){{0,3}}?)"  # "said Norway's foreign minister, NAME"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|on|during|from|to|after|before|via|by|late|earlier|who|whose)\b)"
)
_ORGAN_HEADS = (
    "ministry|army|military|government|presidency|foreign office|embassy|mission|police|"
    "spokesman|spokeswoman|spokesperson|armed forces|security forces|intelligence"
)
_SUBJECT_AT_START_RE = re.compile(
    rf"\s*(?:(?:But|And|Yet)\s+)?((?:The|A|An)\s+(?:[\w-]+\s+){{0,2}}?[a-z]+(?=,\s+(?:in\s+turn|for\s+\w+\s+part),)"
    # "Syria's foreign ministry denounced ..., saying P": a country's organ by its kind
    rf"|[A-Z][\w-]*['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_ORGAN_HEADS})(?=\s+[a-z])"
    rf"|(?:(?:The|the)\s+)?(?!(?:A|An|The)\s){_NAME_TOKEN}"
    rf"(?:\s+(?:(?:of|for|and|to|of the|for the)\s+)?(?:(?:{_ROLE_WORDS})\s+)?"
    rf"{_NAME_TOKEN}){{0,6}}"
    rf"|(?:The|A|An)\s+(?:[\w-]+\s+){{0,2}}?[a-z]+"
    r"(?:\s+(?:of|with|at|from|for|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?)"
    r"(?:\s*\([^()]{1,20}\))?(?=\s+[a-z]|,\s+(?:in\s+turn|for\s+\w+\s+part),)"
)
_NAME_JOINERS = frozenset(["of", "for", "and", "the", "on", "in", "al", "de"])
_NP_DETERMINERS = frozenset([
    "the", "a", "an", "one", "its", "his", "her", "their", "our", "both", "all", "several", "many", "some", "two",
    "three", "four", "other", "another",
])
_APPOSITION_TO_END_RE = re.compile(r",\s+([^.;:!?]{1,200}?)\s*(?=[.;:!?]?\s*$)")
_ROLE_NOUNS = frozenset(_ROLE_WORDS.split("|")) | {"commander-in-chief", "spokesman", "member", "resident", "founder"}
_NP_PREPOSITIONS = frozenset([
    "of", "in", "at", "for", "from", "with", "on", "near", "inside", "within", "across", "among", "to",
])
_UNDER_TITLE_RE = re.compile(r"Under[- ]Secretary\b")
_PARTITIVES = frozenset(["one", "two", "three", "some", "several", "many", "most", "none", "neither", "each", "both"])
_NAME_PARTICLE_RE = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von)-[\w'’-]+$")
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom)\s*$")


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
    fronted: bool = False      # "Noting that P, X said Q": the speaker is the subject of the cue after it


def sentence_subject(text: str, s_start: int, end: int, cand: Candidate) -> bool:
    """'The ministry condemned the attack, stressing that P': the participle's speaker is the sentence subject."""
    role = _ROLE_NAME_AT_START_RE.match(text, s_start, end)
    if role and _valid_subject(role.group(1)):
        # "Iran's foreign ministry spokesman, Esmaeil Baghaei, condemned the attack and said P"
        cand.inherit = False
        cand.mention_start, cand.mention_end, cand.head_end = role.start(1), role.end(2), role.end(1)
        return True
    m = _SUBJECT_AT_START_RE.match(text, s_start, end)
    if not m or not _valid_subject(m.group(1)):
        return False
    cand.inherit = False
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), m.end(1), m.end(1)
    named = _NAME_APPOSITION_RE.match(text, m.end(1), end)
    if named:
        cand.mention_end = named.end(1)  # "Iran's foreign ministry spokesman, Esmaeil Baghaei, condemned ..."
    return True


_ROLE_NAME_AT_START_RE = re.compile(
    rf"\s*((?:The\s+|[A-Z][\w'’-]*['’]s\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,8}}?),\s+"
    rf"((?:[A-Z][\w'’.-]*\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}),\s+(?=[a-z])")
_NAME_APPOSITION_RE = re.compile(
    rf",\s+((?:(?:[A-Z][\w'’.-]*)\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}})\s*,")


_OUTLET_TOKEN_RE = re.compile(r"[\w'’-]+")


def is_outlet(mention: str) -> bool:
    words = {w.lower() for w in _OUTLET_TOKEN_RE.findall(mention)}
    return bool(words & _OUTLET_WORDS) or mention.isupper()


def skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def subject_left(text: str, lo: int, end: int, cand: Candidate) -> bool:
    """Find the speaker just before the cue; an apposition between commas belongs to the mention."""
    seg_end = end
    while seg_end > lo and text[seg_end - 1].isspace():
        seg_end -= 1
    if seg_end > lo and text[seg_end - 1] == ",":
        return _subject_with_apposition(text, lo, seg_end - 1, cand)
    seg_start = _segment_start(text, lo, seg_end)
    np_start = _after_clause_word(text, seg_start, seg_end)
    if text[np_start:seg_end] in ("who", "which"):
        return _relative_antecedent(text, lo, np_start, cand)
    if not _valid_subject(text[np_start:seg_end]):
        return False
    if _RELATIVE_RE.search(text, max(seg_start, np_start - 8), np_start):
        cand.complement = "relative"  # "the zone that the coalition declared": not a report unless "that"/":" follows
    cand.mention_start, cand.mention_end, cand.head_end = np_start, seg_end, seg_end
    cand.clause_start = np_start
    return True


def _relative_antecedent(text: str, lo: int, who_start: int, cand: Candidate) -> bool:
    """'said Peskov, who described the situation as ...': the speaker is the name before 'who'."""
    end = who_start
    while end > lo and text[end - 1] in " ,":
        end -= 1
    start = _segment_start(text, lo, end)
    start = _after_clause_word(text, start, end)
    # "The charge was made by lawmaker Karim Nassar, who told ...": the object of "by"/"from" is the antecedent
    agents = list(_AGENT_PREPOSITION_RE.finditer(text, start, end))
    if agents and _has_capital(text[agents[-1].end() : end]):
        start = agents[-1].end()
    if end <= start or not _valid_subject(text[start:end]) or not _has_capital(text[start:end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = start, end, end
    cand.clause_start = who_start
    return True


_AGENT_PREPOSITION_RE = re.compile(r"\b(?:by|from)\s+")


def _segment_start(text: str, lo: int, end: int) -> int:
    """Start of the comma/colon/semicolon-delimited stretch that ends at end (bounded look-back)."""
    cut = _segment_cut(text, lo, end)
    return skip_space(text, cut + 1 if cut >= 0 else max(lo, end - 200), end)


def _segment_cut(text: str, lo: int, end: int) -> int:
    """Position of the delimiter before the stretch ending at end, or -1; brackets do not delimit."""
    floor = max(lo, end - 200)
    if text.find(")", floor, end) < 0:
        # no bracket to skip (the usual case): the last delimiter, found without a Python loop
        cut = max(text.rfind(",", floor, end), text.rfind(";", floor, end), text.rfind(":", floor, end),
                  text.rfind("—", floor, end), text.rfind("–", floor, end))
        while cut > floor and text[cut] == "," and _is_thousands_comma(text, cut):
            # "an activist with more than 300,000 followers": a thousands separator delimits nothing
            cut = max(text.rfind(",", floor, cut), text.rfind(";", floor, cut), text.rfind(":", floor, cut),
                      text.rfind("—", floor, cut), text.rfind("–", floor, cut))
        return cut
    depth = 0
    for i in range(end - 1, floor - 1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and c in ",;:—–" and not (c == "," and _is_thousands_comma(text, i)):
            return i
    return -1


def _is_thousands_comma(text: str, i: int) -> bool:
    return text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit()


def _after_clause_word(text: str, start: int, end: int) -> int:
    """The end of the last match of _CLAUSE_WORDS_RE.finditer(text, start, end), or start."""
    last = start
    if start == 0 and (first := _CLAUSE_WORDS_RE.match(text, 0, end)) is not None:
        last = first.end()
    while (m := _CLAUSE_WORDS_AFTER_RE.search(text, max(last - 1, 0), end)) is not None:
        last = m.end()
    return last


_ADVERBIAL_SEGMENT_RE = re.compile(r"(?:on|in|at|late|early)\s+\w+(?:\s+\w+)?")
_AGE_RE = re.compile(r"\d{1,3}")
_ROLE_NAME_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}")
_RIGHT_NAME_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}")


def _subject_with_apposition(text: str, lo: int, comma: int, cand: Candidate) -> bool:
    """'Dillon, a spokesman for X, said': the name is the segment before the apposition."""
    seg_start = _segment_start(text, lo, comma)
    segment = text[seg_start:comma].strip()
    if segment.lower().startswith(("citing ", "quoting ")):
        return _cited_source(text, lo, seg_start, comma, cand)
    if segment.lower() in _ADVERBIAL_SEGMENTS or _ADVERBIAL_SEGMENT_RE.fullmatch(segment):
        back = _segment_cut(text, lo, comma)
        if back > lo and text[back] == ",":
            return subject_left(text, lo, back, cand)
        return False
    cut = _segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    if _AGE_RE.fullmatch(segment):
        return subject_left(text, lo, cut, cand)  # "Kassem, 58, said": the age is not the speaker
    if _given_name(text, lo, cut, segment, comma, cand):
        return True
    if not _looks_like_apposition(segment):
        return _role_then_name(text, lo, cut, seg_start, comma, cand)
    head_end = cut
    head_start = _after_clause_word(text, _segment_start(text, lo, head_end), head_end)
    if _AGE_RE.fullmatch(text[head_start:head_end].strip()):
        head_end = _segment_cut(text, lo, head_end)  # "Ahmed Khalaf, 45, a teacher, said": skip the age
        if head_end <= lo:
            return False
        head_start = _after_clause_word(text, _segment_start(text, lo, head_end), head_end)
    if not _valid_subject(text[head_start:head_end]) or not _has_capital(text[head_start:head_end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, head_end
    cand.clause_start = head_start
    return True


def _given_name(text: str, lo: int, cut: int, segment: str, comma: int, cand: Candidate) -> bool:
    """'A farmer from X, who gave only his first name, Mahmoud, said': the unnamed head, then the name it gave."""
    if not _GIVEN_NAME_RE.fullmatch(segment):
        return False
    clause_start = _segment_start(text, lo, cut)
    back = _segment_cut(text, lo, clause_start)
    if back <= lo or text[back] != "," or not _GAVE_NAME_CLAUSE_RE.fullmatch(text[clause_start:cut]):
        return False
    head_start = _after_clause_word(text, _segment_start(text, lo, back), back)
    if not _valid_subject(text[head_start:back]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, back
    cand.clause_start = head_start
    return True


_GIVEN_NAME_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}")
_GAVE_NAME_CLAUSE_RE = re.compile(
    r"(?:who|and)\s+(?:[\w'’-]+\s+){0,3}?(?:gave|give[sn]?|offered|provided)\s+(?:only\s+)?(?:his|her|their)\s+"
    r"(?:first\s+|full\s+|last\s+)?name(?:\s+only)?"
    # "who asked to be identified by his nom de guerre", "who asked to be named only by his first name"
    r"|(?:who|and)\s+(?:[\w'’-]+\s+){0,3}?(?:identified|named|called|referred\s+to)\s+(?:only\s+)?(?:by|as)\s+"
    r"(?:his|her|their)\s+(?:first\s+|last\s+|family\s+)?(?:name|nom\s+de\s+guerre|nickname|pseudonym|alias)"
)


def _cited_source(text: str, lo: int, seg_start: int, comma: int, cand: Candidate) -> bool:
    """'SANA, citing local sources, said P': an outlet relays, the cited source speaks (guideline, conduit rule)."""
    cut = _segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    outlet_start = _after_clause_word(text, _segment_start(text, lo, cut), cut)
    if not is_outlet(text[outlet_start:cut]):
        return False
    source_start = seg_start + len(text[seg_start:comma].split()[0]) + 1
    cand.mention_start, cand.mention_end, cand.head_end = source_start, comma, comma
    cand.clause_start = outlet_start
    return True


def _role_then_name(text: str, lo: int, cut: int, name_start: int, comma: int, cand: Candidate) -> bool:
    """'The UN envoy for Syria, Geir Pedersen, said': a role, then the name in apposition."""
    name = text[name_start:comma]
    if not _ROLE_NAME_RE.fullmatch(name.strip()):
        return False
    role_start = _after_clause_word(text, _segment_start(text, lo, cut), cut)
    role = text[role_start:cut]
    first = role.split()[0].lower() if role.split() else ""
    if not _valid_subject(role) or not (first in ("the", "a", "an", "its", "his", "her", "their", "our", "one")
                                        or first.endswith("'s")):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = role_start, comma, cut
    cand.clause_start = role_start
    return True


_ROLE_JOINERS = frozenset(["for", "of", "to", "on", "at"])


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
    if first in TITLES and len(words) > 1 and (
        any(w in _ROLE_JOINERS for w in words[1:]) or words[-1].lower() in TITLES
    ):
        # "Najat Rochdi, Deputy Special Envoy for Syria, said": a capitalised role without an article (not a titled
        # name: "Deputy Minister Ali Haidar")
        return True
    return words[0][:1].islower() and first not in PRONOUNS


def _has_capital(np: str) -> bool:
    return any(w[:1].isupper() for w in np.split())


_PP_WORDS_BUT_THIS = cues.PP_WORDS - {"this"}
_DETERMINERS_OR_PRONOUNS = _NP_DETERMINERS | PRONOUNS


_ARTICLES = ("the", "a", "an")


@lru_cache(maxsize=8192)
def _valid_subject(np: str) -> bool:
    """Could np be a speaker? On the phrase alone (cached: a speaker is named in the same words again and again)."""
    words = np.split()
    if not words or len(words) > 24 or BARE_REPORTS.match(np.strip()):
        return False
    if len(words) > 14 and not words[-1][:1].isupper():
        return False  # only a long title before a name may run this long
    lower = [w.lower().strip("\"“”«»'’‘") for w in words]
    if not _FINITE.isdisjoint(lower) or (lower[0] in _PP_WORDS_BUT_THIS and not _UNDER_TITLE_RE.match(np)):
        return False  # but "Under Secretary of the Treasury Brian Nelson" is a title
    if lower[0] in _PARTITIVES and lower[1:2] == ["of"] and any(
        w.removesuffix("s") in SOURCE_NOUNS or w in SOURCE_NOUNS for w in lower[2:5]
    ):
        return True  # "one of the sources", "two of the officials"
    if len(words) > 4 and words[0][:1].islower() and lower[0] not in _DETERMINERS_OR_PRONOUNS \
            and lower[0] not in SOURCE_NOUNS and not lower[0].endswith(("'s", "’s")):
        return False  # "serve mainly as a bargaining chip in talks with Gulf (states)": a clause, not a subject
    cut = next((i for i, w in enumerate(lower) if i and w in _NP_PREPOSITIONS), len(words))
    last = words[cut - 1].strip("\"“”«»'’‘,")
    if last.isdigit() and cut >= 2 and words[cut - 2][:1].isupper():
        last = words[cut - 2]  # "the local news site Suwayda 24", "France 24": a number closing a name
    if last[:1].isupper() or last.endswith(")") or lower[cut - 1] in PRONOUNS or _NAME_PARTICLE_RE.match(last):
        return len(words) == 1 or lower[0] not in PRONOUNS
    # the head noun may carry a modifier after it: "a statement posted on the ministry's website"
    if any(w.removesuffix("'s") in SOURCE_NOUNS or w.removesuffix("s") in SOURCE_NOUNS for w in lower[: min(cut, 4)]):
        return True  # (plurals too: "Rescue teams from the Syria Civil Defence")
    if (lower[0].endswith(("'s", "’s")) or lower[0] in _ARTICLES) and cut <= 7 and lower[cut - 1] in SOURCE_NOUNS:
        # "Lebanon's caretaker social affairs minister", "the visiting Jordanian foreign minister": a role, however long
        return True
    if lower[0].endswith(("'s", "’s")) and cut <= 5 and is_known_org(" ".join(words[1:cut])):
        return True  # "Syria's civil defence": a country's body known by its alias
    if lower[0] in ("the", "a", "an") and cut <= 7 and lower[cut - 1] in ORG_WORDS and _has_capital(np):
        return True  # "the White Helmets rescue group": a named organisation with its kind after the name
    # any short definite or indefinite noun phrase: "the engineer", "a relative of the victim", "both sides"
    head = lower[:cut]
    return lower[0] in _NP_DETERMINERS and 2 <= len(head) <= 4 and all(w.replace("-", "").isalpha() for w in head[1:])


def subject_right(text: str, cue_end: int, s_end: int, cand: Candidate, aux_start: int, lo: int) -> bool:
    """'"...," said Rami Haddad, a researcher with the Observatory.' (speaker after the verb)."""
    before = text[max(0, aux_start - 4) : aux_start].rstrip()
    if not before or before[-1] not in ",\"”’»'":
        return False
    m = _RIGHT_NP_RE.match(text, cue_end, s_end)
    if not m or not _valid_subject(m.group(1)):
        return False
    mention_end = m.end(1)
    rest = _APPOSITION_TO_END_RE.match(text, mention_end, s_end)
    first = m.group(1).split()[0]
    described = first.lower() in ("the", "a", "an") or first.endswith(("'s", "’s"))
    name = _RIGHT_NAME_RE.match(rest.group(1)) if rest and described else None
    if rest and (_looks_like_apposition(rest.group(1)) or (name and name.end() == len(rest.group(1)))):
        mention_end = rest.end(1)  # "said the Deputy Coordinator, David Carden."
    elif name and rest is not None and rest.group(1).startswith(", who", name.end()):
        mention_end = rest.start(1) + name.end()  # "said Norway's foreign minister, Espen Barth Eide, who ..."
    cand.mention_start, cand.mention_end, cand.head_end = m.start(1), mention_end, m.end(1)
    cand.complement, cand.content_from, cand.cue_end = "left", -1, cue_end
    return True
