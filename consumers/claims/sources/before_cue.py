"""Speakers before their cue: the subject just before the verb with its appositions ("Dillon, a spokesman for X,
said", "The UN envoy, Geir Pedersen, said", "SANA, citing local sources, said"), and the sentence subject that a
participle reports for ("The ministry condemned the attack, stressing that P").
"""

import re

from consumers.claims.cues import SAY_VERBS, WEAK_VERBS
from consumers.claims.searches import DocumentSearches
from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.clauses import after_clause_word, segment_cut, segment_start, skip_space
from consumers.claims.sources.phrases import has_capital, is_valid_subject, looks_like_apposition
from consumers.claims.sources.words import NAME_TOKEN, ROLE_WORDS, is_outlet
from consumers.claims.speakers import country_of

_ADVERBIAL_SEGMENTS = frozenset(
    [
        "in turn", "for its part", "for their part", "for his part", "for her part", "however", "meanwhile", "too",
        "also", "in response", "in a statement", "in return", "for example", "in addition", "by contrast",
        "in contrast", "though", "nevertheless", "instead", "on the other hand", "at the same time", "separately",
        "again", "later", "earlier", "in reply",
    ]
)
_ORGAN_HEADS = (
    "ministry|army|military|government|presidency|foreign office|embassy|mission|police|"
    "spokesman|spokeswoman|spokesperson|armed forces|security forces|intelligence"
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
    rf"|(?:{_COUNT_WORDS})(?:-[a-z]+)?\s+(?:[\w'’-]+\s+){{0,5}}?[a-z][\w'’-]*s(?=\s+[a-z])"
    rf"|(?:(?:The|the)\s+)?(?!(?:A|An|The)\s){NAME_TOKEN}"
    # "The Kurdistan Democratic Party (KDP) Politburo": an acronym in brackets inside the name
    rf"(?:(?:\s+\([A-Z][^()]{{0,18}}\))?\s+(?:(?:of|for|and|to|of the|for the)\s+)?(?:(?:{ROLE_WORDS})\s+)?"
    rf"{NAME_TOKEN}){{0,6}}"
    rf"|(?:The|A|An|the|a|an)\s+(?:[\w-]+\s+){{0,2}}?[a-z]+"
    r"(?:\s+(?:of|with|at|from|for|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?)"
    r"(?:\s*\([^()]{1,20}\))?(?=\s+[a-z]|,\s+(?:in\s+turn|for\s+\w+\s+part),)"
)
_QUOTED_TITLE_TAIL_RE = re.compile(
    r",\s+(?:titled|entitled|headlined|called|known\s+as|dubbed|named)\s+[\"“][^\"“”]{1,80},[\"”]$"
)
_OPENING_QUOTES = ("\"", "“")
_NAMED_AS_RE = re.compile(r"\b(?:known|referred\s+to)\s+as\s+$|\b(?:nicknamed|dubbed|named)\s+$")
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom)\s*$")
# A subject with a restrictive relative clause in the past tense: "The account that first posted it", "The man who
# filmed the convoy" ("X reported that the council" has a subject, not a verb, after "that").
# (a relative clause that reports is a cue of its own, "the man who said"; "the account that posted it" is not)
_REPORTING_VERBS = frozenset(SAY_VERBS) - WEAK_VERBS
_RELATIVE_SUBJECT_RE = re.compile(
    r"(?<![\w'’-])((?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s+(?:that|who)\s+"
    r"(?:(?:first|later|originally|also|then|had|has|have)\s+)?([a-z]+(?:ed|ote|ook|ew|ade|ut|ent|ot))\b"
    r"[^,;:\"“”«»]{0,60}$"
)
_WHAT_PRONOUNS = frozenset(["it", "they", "he", "she"])


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


def subject_left(text: str, lo: int, end: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """Find the speaker just before the cue; an apposition between commas belongs to the mention."""
    seg_end = end
    while seg_end > lo and text[seg_end - 1].isspace():
        seg_end -= 1
    if seg_end > lo and text[seg_end - 1] == ",":
        return _subject_with_apposition(text, lo, seg_end - 1, cand, searches)
    if seg_end - 2 > lo and text[seg_end - 1] in "\"”" and text[seg_end - 2] == ",":
        titled = _QUOTED_TITLE_TAIL_RE.search(text, max(lo, seg_end - 120), seg_end)
        if titled is not None and subject_left(text, lo, titled.start(), cand, searches):
            cand.mention_end = seg_end  # 'The report, titled "Q," argues': the document, its title in apposition
            return True
    seg_start = segment_start(text, lo, seg_end)
    np_start = after_clause_word(text, seg_start, seg_end)
    if text.startswith(", ", np_start - 2):
        if text.startswith(("and ", "but "), np_start):
            np_start = skip_space(text, np_start + 4, seg_end)  # "..., and many say P": a new clause, its own subject
        elif text.find(" and ", np_start, seg_end) > 0:
            np_start = _country_list_start(text, lo, np_start, seg_end)
    if text.startswith("that ", np_start - 5) or text.find(" who ", seg_start, seg_end) >= 0:
        relative = _RELATIVE_SUBJECT_RE.search(text, seg_start, seg_end)
        if relative is not None and relative.group(2) not in _REPORTING_VERBS and is_valid_subject(relative.group(1)):
            # "The account that first posted it wrote that P": the head speaks, its relative clause describes it
            cand.mention_start, cand.mention_end, cand.head_end = relative.start(1), seg_end, relative.end(1)
            cand.clause_start = relative.start(1)
            return True
    what = text.find(" what ", np_start, seg_end)
    relative_what = False
    if what >= 0:
        if text.endswith((" is", "'s", "’s"), np_start, what):
            np_start = what + 6  # "Here is what he told reporters:": the subject follows "what"
        elif text[what + 6 : seg_end] in _WHAT_PRONOUNS:
            # "The ministry condemned what it said was an attack": a free relative, like "which it said"
            np_start, relative_what = what + 6, True
    if text.startswith(_CLOSING_AFTER_COMMA, np_start - 1) and text[np_start + 1 : seg_end].strip() in ("who", "which"):
        np_start = seg_end - len(text[np_start + 1 : seg_end].strip())  # 'called "Raqqa Now," which': the quote closed
    if text[np_start:seg_end] in ("who", "which"):
        return _relative_antecedent(text, lo, np_start, cand)
    if text.startswith(_OPENING_QUOTES, np_start) and text[seg_end - 1] in "\"”" and _NAMED_AS_RE.search(
        text, max(lo, np_start - 24), np_start
    ):
        # 'A fighter known as "abu dujana" said': the name given inside the quotation marks, in any case
        name_start, name_end = np_start + 1, seg_end - 1
        if not 0 < len(text[name_start:name_end].split()) <= 4:
            return False
        cand.mention_start, cand.mention_end, cand.head_end = name_start, name_end, name_end
        cand.clause_start = segment_start(text, lo, np_start)
        return True
    if not is_valid_subject(text[np_start:seg_end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = np_start, seg_end, seg_end
    if relative_what or _RELATIVE_RE.search(text, max(seg_start, np_start - 8), np_start):
        cand.complement = "relative"  # "the zone that the coalition declared": not a report unless "that"/":" follows
        if text[np_start:seg_end] in _WHAT_PRONOUNS:
            _gap_antecedent(text, lo, np_start, cand, searches)
    cand.clause_start = np_start
    return True


_COUNTRY_NAME_RE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def _country_list_start(text: str, lo: int, np_start: int, seg_end: int) -> int:
    """'Russia, Turkey and Iran said P': a list of countries is one subject, not its last two (a joint statement)."""
    if not all(_is_country_name(part) for part in text[np_start:seg_end].split(" and ")):
        return np_start
    start = np_start
    while text.startswith(", ", start - 2):
        before = segment_start(text, lo, start - 2)
        if not _is_country_name(text[before : start - 2]):
            break
        start = before
    return start


def _is_country_name(word: str) -> bool:
    """'Turkey', 'Saudi Arabia': a country's own name, not its adjective ('Turkish') nor its capital ('Ankara', which
    shares no opening with the adjective as 'France' and 'French' do)."""
    if _COUNTRY_NAME_RE.fullmatch(word) is None:
        return False
    country = country_of(word) or country_of(f"{word}'s")  # ("Jordan's" is known where "Jordan" alone is not)
    return country not in ("", word) and country[:2] == word[:2]


def _gap_antecedent(text: str, lo: int, pronoun_start: int, cand: Candidate, searches: DocumentSearches) -> None:
    """'The ministry condemned the raid, which it said killed ...': "it" is the subject of the sentence's verb."""
    pronoun = (cand.mention_start, cand.mention_end, cand.head_end)
    if sentence_subject(text, lo, pronoun_start, cand, searches) and not _PAST_VERB_RE.match(text, cand.mention_end):
        cand.mention_start, cand.mention_end, cand.head_end = pronoun  # "The Syrian foreign ...": no whole subject
    cand.inherit = False


_PAST_VERB_RE = re.compile(r"\s+(?:also\s+|strongly\s+|on\s+\w+\s+)?[a-z]+(?:ed|ned|ought)\b")


def _relative_antecedent(text: str, lo: int, who_start: int, cand: Candidate) -> bool:
    """'said Peskov, who described the situation as ...': the speaker is the name before 'who'."""
    end = who_start
    while end > lo and text[end - 1] in " ,":
        end -= 1
    start = segment_start(text, lo, end)
    start = after_clause_word(text, start, end)
    # "The charge was made by lawmaker Karim Nassar, who told ...": the object of "by"/"from" is the antecedent
    agents = list(_AGENT_PREPOSITION_RE.finditer(text, start, end))
    if agents and has_capital(text[agents[-1].end() : end]):
        start = agents[-1].end()
    near = max(start, end - 50)  # (the object is the last few words: a bounded search, and only with " a" in them)
    obj = (
        _INDEFINITE_OBJECT_RE.search(text, near - 1 if near > start else near, end)
        if text.startswith("who", who_start) and text.find(" a", near, end) >= 0
        else None
    )
    if obj is not None and obj.start(1) > start and is_valid_subject(obj.group(1)):
        # "Investigators also met a former guard, who said P": the object just before "who" is the speaker
        cand.mention_start, cand.mention_end, cand.head_end = obj.start(1), end, end
        cand.clause_start = who_start
        return True
    near = max(lo, end - 80)
    called = (
        _CALLED_NAME_RE.search(text, near, end)
        if text.find("called", near, end) >= 0 or text.find("name", near, end) >= 0
        else None
    )
    if called is not None:
        # 'a Telegram channel called "Sahel Leaks," which says P', 'a doctor named X, who said P': the name
        cand.mention_start, cand.mention_end, cand.head_end = called.start(1), called.end(1), called.end(1)
        cand.clause_start = who_start
        return True
    if end <= start or not is_valid_subject(text[start:end]) or not has_capital(text[start:end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = start, end, end
    cand.clause_start = who_start
    return True


_CLOSING_AFTER_COMMA = (',"', ",”")
# the name given just before the relative: 'a channel called "Sahel Leaks,"', "a doctor whose name is Amal Darwish"
_CALLED_NAME_RE = re.compile(r"\b(?:called|named|whose\s+name\s+is)\s+[\"“]?([A-Z][^,\"“”]{1,40}?),?[\"”]?$")
_AGENT_PREPOSITION_RE = re.compile(r"\b(?:by|from)\s+")
_INDEFINITE_OBJECT_RE = re.compile(r"\s(an?\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)$")


_ADVERBIAL_SEGMENT_RE = re.compile(r"(?:on|in|at|late|early)\s+\w+(?:\s+\w+)?")
_AGE_RE = re.compile(r"\d{1,3}")
_PARTICIPLE_BY_RE = re.compile(
    r"(?:[a-z]+ed\s+(?:[\w'’-]+\s+){0,4}?and\s+)?(?:signed|written|issued|sent|drafted)\s+by\s"
)
# A body's name with its article, in apposition after its kind ("the National Liberal Gathering").
THE_BODY_NAME_RE = re.compile(r"the\s+[A-Z][\w'’-]+(?:\s+(?:of|for|and|the|[A-Z][\w'’-]+)){1,6}(?<=[a-z])")
BODY_KINDS = frozenset(
    ["party", "group", "movement", "bloc", "coalition", "alliance", "organisation", "organization", "agency", "union",
     "front", "faction", "association", "network", "monitor"]
)
_ROLE_NAME_RE = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,4}}|[A-Z]{{2,}}[A-Za-z]{{0,3}}")  # or "UNHCR"


def _subject_with_apposition(text: str, lo: int, comma: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """'Dillon, a spokesman for X, said': the name is the segment before the apposition."""
    seg_start = segment_start(text, lo, comma)
    segment = text[seg_start:comma].strip()
    if segment.lower().startswith(("citing ", "quoting ")):
        return _cited_source(text, lo, seg_start, comma, cand)
    if segment.lower() in _ADVERBIAL_SEGMENTS or _ADVERBIAL_SEGMENT_RE.fullmatch(segment):
        back = segment_cut(text, lo, comma)
        if back > lo and text[back] == ",":
            return subject_left(text, lo, back, cand, searches)
        return False
    cut = segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    if _AGE_RE.fullmatch(segment):
        return subject_left(text, lo, cut, cand, searches)  # "Kassem, 58, said": the age is not the speaker
    if _given_name(text, lo, cut, segment, comma, cand):
        return True
    if not looks_like_apposition(segment):
        return _role_then_name(text, lo, cut, seg_start, comma, cand)
    head_end = cut
    head_start = after_clause_word(text, segment_start(text, lo, head_end), head_end)
    if _AGE_RE.fullmatch(text[head_start:head_end].strip()):
        head_end = segment_cut(text, lo, head_end)  # "Ahmed Khalaf, 45, a teacher, said": skip the age
        if head_end <= lo:
            return False
        head_start = after_clause_word(text, segment_start(text, lo, head_end), head_end)
    if text.endswith(_RELATIVE_WORDS, max(lo, head_start - 6), head_start):
        # "The channel that first posted it, which has X, wrote that P": the head before its relative clause
        relative = _HEAD_BEFORE_RELATIVE_RE.match(text, segment_start(text, lo, head_start), head_end)
        if relative is not None and is_valid_subject(relative.group(1)):
            cand.mention_start, cand.mention_end, cand.head_end = relative.start(1), comma, relative.end(1)
            cand.clause_start = relative.start(1)
            return True
    if not is_valid_subject(text[head_start:head_end]) or not has_capital(text[head_start:head_end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, head_end
    cand.clause_start = head_start
    return True


_RELATIVE_WORDS = (" that ", " who ", " which ")
_HEAD_BEFORE_RELATIVE_RE = re.compile(
    r"\s*((?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:that|who|which)\s+(?:[\w'’-]+\s+){0,4}?"
    r"[a-z][\w'’-]*\s*$"
)


def _given_name(text: str, lo: int, cut: int, segment: str, comma: int, cand: Candidate) -> bool:
    """'A farmer from X, who gave only his first name, Mahmoud, said': the unnamed head, then the name it gave."""
    if not _GIVEN_NAME_RE.fullmatch(segment):
        return False
    clause_start = segment_start(text, lo, cut)
    back = segment_cut(text, lo, clause_start)
    if back <= lo or text[back] != "," or not _GAVE_NAME_CLAUSE_RE.fullmatch(text[clause_start:cut]):
        return False
    head_start = after_clause_word(text, segment_start(text, lo, back), back)
    if not is_valid_subject(text[head_start:back]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, back
    cand.clause_start = head_start
    return True


_GIVEN_NAME_RE = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}")
_GAVE_NAME_CLAUSE_RE = re.compile(
    r"(?:who|and)\s+(?:[\w'’-]+\s+){0,3}?(?:gave|give[sn]?|offered|provided)\s+(?:only\s+)?(?:his|her|their)\s+"
    r"(?:first\s+|full\s+|last\s+)?name(?:\s+only)?"
    # "who asked to be identified by his nom de guerre", "who asked to be named only by his first name"
    r"|(?:who|and)\s+(?:[\w'’-]+\s+){0,3}?(?:identified|named|called|referred\s+to)\s+(?:only\s+)?(?:by|as)\s+"
    r"(?:his|her|their)\s+(?:first\s+|last\s+|family\s+)?(?:name|nom\s+de\s+guerre|nickname|pseudonym|alias)"
)


def _cited_source(text: str, lo: int, seg_start: int, comma: int, cand: Candidate) -> bool:
    """'SANA, citing local sources, said P': an outlet relays, the cited source speaks (guideline, conduit rule)."""
    cut = segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    outlet_start = after_clause_word(text, segment_start(text, lo, cut), cut)
    if not is_outlet(text[outlet_start:cut]):
        return False
    source_start = seg_start + len(text[seg_start:comma].split()[0]) + 1
    cand.mention_start, cand.mention_end, cand.head_end = source_start, comma, comma
    cand.clause_start = outlet_start
    return True


# People close to someone the apposition names: "Relatives of one of the men, Hussein Dandash, told local media"
_KIN_GROUPS = frozenset(["relatives", "family", "friends", "neighbours", "neighbors", "colleagues", "parents"])


def _role_then_name(text: str, lo: int, cut: int, name_start: int, comma: int, cand: Candidate) -> bool:
    """'The UN envoy for Syria, Geir Pedersen, said': a role, then the name in apposition."""
    name = text[name_start:comma]
    body_named = THE_BODY_NAME_RE.fullmatch(name.strip()) is not None
    if not body_named and not _ROLE_NAME_RE.fullmatch(name.strip()):
        return False
    role_start = after_clause_word(text, segment_start(text, lo, cut), cut)
    role = text[role_start:cut]
    if _PARTICIPLE_BY_RE.match(role):
        # "The memo, dated May 2 and signed by the co-chair, Samira Ali, states that P": the head before the
        # participle phrase speaks; the role and the name describe who signed it
        back = segment_cut(text, lo, cut)
        head_start = after_clause_word(text, segment_start(text, lo, back), back) if back > lo else -1
        if head_start >= 0 and text[back] == "," and is_valid_subject(text[head_start:back]):
            cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, back
            cand.clause_start = head_start
            return True
        return False
    if body_named and role.rsplit(None, 1)[-1].lower() not in BODY_KINDS:
        return False  # "Al-Atassi's party, the National Liberal Gathering, said": a kind of body, then its name
    first = role.split()[0].lower() if role.split() else ""
    kin_of = first in _KIN_GROUPS and role.lower().startswith(f"{first} of ")  # "Relatives of one of the men, NAME,"
    if not kin_of and (not is_valid_subject(role) or not (
            first in ("the", "a", "an", "its", "his", "her", "their", "our", "one") or first.endswith("'s"))):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = role_start, comma, cut
    cand.clause_start = role_start
    return True
