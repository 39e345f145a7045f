"""Speakers just before their cue: the subject before the verb with its appositions ("Dillon, a spokesman for X,
said", "The UN envoy, Geir Pedersen, said", "SANA, citing local sources, said"), a relative clause's antecedent
("said Peskov, who ...") and a pronoun's in a gap ("which it said"). The sentence subject a participle reports for is
found by sentence_subject.py.
"""

import re

from consumers.claims.cues import SAY_VERBS, WEAK_VERBS
from consumers.claims.searches import DocumentSearches
from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.clauses import after_clause_word, segment_cut, segment_start, skip_space
from consumers.claims.sources.phrases import has_capital, is_valid_subject, looks_like_apposition
from consumers.claims.sources.sentence_subject import sentence_subject
from consumers.claims.sources.words import NAME_TOKEN, is_outlet
from consumers.claims.speakers import country_of

_ADVERBIAL_SEGMENTS = frozenset(
    [
        "in turn", "for its part", "for their part", "for his part", "for her part", "however", "meanwhile", "too",
        "also", "in response", "in a statement", "in return", "for example", "in addition", "by contrast",
        "in contrast", "though", "nevertheless", "instead", "on the other hand", "at the same time", "separately",
        "again", "later", "earlier", "in reply",
    ]
)
_QUOTED_TITLE_TAIL_RE = re.compile(
    r",\s+(?:titled|entitled|headlined|called|known\s+as|dubbed|named)\s+[\"“][^\"“”]{1,80},[\"”]$"
)
_OPENING_QUOTES = ("\"", "“")
# A relative clause on the subject that ends in a quotation, its comma inside the marks: ', who called it "Q,"'
_QUOTE_CLOSING_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose)\s[^\"“”]{1,150}[\"“][^\"“”]{1,80},[\"”]$")
_NAMED_AS_RE = re.compile(r"\b(?:known|referred\s+to)\s+as\s+$|\b(?:nicknamed|dubbed|named)\s+$")
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom)\s*$")
# A subject with a restrictive relative clause in the past tense: "The account that first posted it", "The man who
# filmed the convoy" ("X reported that the council" has a subject, not a verb, after "that").
# (a relative clause that reports is a cue of its own, "the man who said"; "the account that posted it" is not)
_REPORTING_VERBS = frozenset(SAY_VERBS) - WEAK_VERBS
# (also "A channel that calls itself X said": the relative gives the name the head speaks under, mention.py)
_RELATIVE_SUBJECT_RE = re.compile(
    r"(?<![\w'’-])((?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s+(?:that|who)\s+"
    r"(?:(?:first|later|originally|also|then|had|has|have)\s+)?([a-z]+(?:ed|ote|ook|ew|ade|ut|ent|ot)|calls?)\b"
    r"[^,;:\"“”«»]{0,60}$"
)
# A body's name holding "and the" after its "of": "The Association of Detainees and the Missing in Sednaya Prison"
_NAME_OF_X_AND_RE = re.compile(r"(?<![\w'’-])(?:The\s+)?[A-Z][\w'’-]*\s+of\s+(?:[A-Z][\w'’-]*\s+){1,3}and\s+$")
_WHAT_PRONOUNS = frozenset(["it", "they", "he", "she"])


def subject_left(text: str, lo: int, end: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """Find the speaker just before the cue; an apposition between commas belongs to the mention."""
    seg_end = end
    while seg_end > lo and text[seg_end - 1].isspace():
        seg_end -= 1
    if seg_end > lo and text[seg_end - 1] == ",":
        return _subject_with_apposition(text, lo, seg_end - 1, cand, searches)
    if seg_end - 2 > lo and text[seg_end - 1] in "\"”" and text[seg_end - 2] == "," \
            and _subject_before_closing_quote(text, lo, seg_end, cand, searches):
        return True
    seg_start = segment_start(text, lo, seg_end)
    np_start = after_clause_word(text, seg_start, seg_end)
    if text.startswith("the ", np_start) and text[np_start + 4 : np_start + 5].isupper() \
            and text.startswith("and ", np_start - 4):
        name = _NAME_OF_X_AND_RE.search(text, max(seg_start, np_start - 120), np_start)
        np_start = name.start() if name is not None else np_start  # "The Association of X and the Y said"
    if text.startswith(", ", np_start - 2):
        np_start = _subject_start_after_comma(text, lo, np_start, seg_end)
    if (text.startswith("that ", np_start - 5) or text.find(" who ", seg_start, seg_end) >= 0) \
            and _head_of_relative(text, seg_start, seg_end, cand):
        return True
    what = text.find(" what ", np_start, seg_end)
    relative_what = False
    if what >= 0:
        np_start, relative_what = _after_what(text, np_start, what, seg_end)
    if text.startswith(_CLOSING_AFTER_COMMA, np_start - 1) and text[np_start + 1 : seg_end].strip() in ("who", "which"):
        np_start = seg_end - len(text[np_start + 1 : seg_end].strip())  # 'called "Raqqa Now," which': the quote closed
    if text[np_start:seg_end] in ("who", "which"):
        return _relative_antecedent(text, lo, np_start, cand)
    if text.startswith(_OPENING_QUOTES, np_start) and text[seg_end - 1] in "\"”" and _NAMED_AS_RE.search(
        text, max(lo, np_start - 24), np_start
    ):
        return _name_in_quotes(text, lo, np_start, seg_end, cand)
    if not is_valid_subject(text[np_start:seg_end]):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = np_start, seg_end, seg_end
    if relative_what or _RELATIVE_RE.search(text, max(seg_start, np_start - 8), np_start):
        cand.complement = "relative"  # "the zone that the coalition declared": not a report unless "that"/":" follows
        if text[np_start:seg_end] in _WHAT_PRONOUNS:
            _gap_antecedent(text, lo, np_start, cand, searches)
    cand.clause_start = np_start
    return True


def _subject_before_closing_quote(
    text: str, lo: int, seg_end: int, cand: Candidate, searches: DocumentSearches
) -> bool:
    """The subject before a quotation that closes its apposition (a title, or a relative clause's words); False
    if there is none."""
    if _titled_document(text, lo, seg_end, cand, searches):
        return True
    if _QUOTE_CLOSING_RELATIVE_RE.search(text, max(lo, seg_end - 240), seg_end):
        # 'Kharbouti, who dedicated the goal to "the people of Aleppo," said': the quotation closes the clause
        return _subject_with_apposition(text, lo, seg_end - 2, cand, searches)
    return False


def _titled_document(text: str, lo: int, seg_end: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """'The report, titled "Q," argues': the document, its title in apposition; False if no such title."""
    titled = _QUOTED_TITLE_TAIL_RE.search(text, max(lo, seg_end - 120), seg_end)
    if titled is None or not subject_left(text, lo, titled.start(), cand, searches):
        return False
    cand.mention_end = seg_end
    return True


def _subject_start_after_comma(text: str, lo: int, np_start: int, seg_end: int) -> int:
    """Where a subject after a comma starts: after "and"/"but" opening a new clause, or at the first of a list of
    countries."""
    if text.startswith(("and ", "but "), np_start):
        return skip_space(text, np_start + 4, seg_end)  # "..., and many say P": a new clause, its own subject
    if text.find(" and ", np_start, seg_end) > 0:
        return _country_list_start(text, lo, np_start, seg_end)
    return np_start


def _head_of_relative(text: str, seg_start: int, seg_end: int, cand: Candidate) -> bool:
    """'The account that first posted it wrote that P': the head speaks, its relative clause describes it."""
    relative = _RELATIVE_SUBJECT_RE.search(text, seg_start, seg_end)
    if relative is None or relative.group(2) in _REPORTING_VERBS or not is_valid_subject(relative.group(1)):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = relative.start(1), seg_end, relative.end(1)
    cand.clause_start = relative.start(1)
    return True


def _after_what(text: str, np_start: int, what: int, seg_end: int) -> tuple[int, bool]:
    """The subject's start after " what " at what, and whether "what" opens a free relative."""
    if text.endswith((" is", "'s", "’s"), np_start, what):
        return what + 6, False  # "Here is what he told reporters:": the subject follows "what"
    if text[what + 6 : seg_end] in _WHAT_PRONOUNS:
        # "The ministry condemned what it said was an attack": a free relative, like "which it said"
        return what + 6, True
    return np_start, False


def _name_in_quotes(text: str, lo: int, np_start: int, seg_end: int, cand: Candidate) -> bool:
    """'A fighter known as "abu dujana" said': the name given inside the quotation marks, in any case."""
    name_start, name_end = np_start + 1, seg_end - 1
    if not 0 < len(text[name_start:name_end].split()) <= 4:
        return False
    cand.mention_start, cand.mention_end, cand.head_end = name_start, name_end, name_end
    cand.clause_start = segment_start(text, lo, np_start)
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


_PAST_VERB_RE = re.compile(
    r"\s+(?:(?:also|strongly|later|earlier|then|again|previously|publicly)\s+|on\s+\w+\s+)?[a-z]+(?:ed|ned|ought)\b"
)


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
# ("the statement of the State Department, which claimed that P": the body whose words they are)
_AGENT_PREPOSITION_RE = re.compile(
    r"\b(?:by|from|(?:statement|report|remarks|comments|claims?|accusations?|allegations?)\s+of)\s+"
)
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
ONE_WORD_NAME_RE = re.compile(r"[A-Z][a-z][\w'’-]{2,}")
# A company named by its kind, maybe with a short clause on it: "The firm", "Its contractor", "The company he cites"
FIRM_ROLE_RE = re.compile(
    r"(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+)?(?:firm|company|contractor|operator|supplier|"
    r"manufacturer|consultancy|insurer|shipper)(?:\s+(?:he|she|they|it|we)\s+[a-z]+)?"
)
_ROLE_NAME_RE = re.compile(
    # (the name may say whose they are: "The survey's author, Lina Darwish of the Arab Reform Initiative, said")
    rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,4}}(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,5}})?"
    r"|[A-Z]{2,}[A-Za-z]{0,3}"  # or "UNHCR"
)


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
    head = text[head_start:head_end]  # (lower case only right after a quotation: '"Q," one survivor, a farmer,')
    if not is_valid_subject(head) or not (has_capital(head) or _right_after_quote(text, lo, head_start)):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, head_end
    cand.clause_start = head_start
    return True


def _right_after_quote(text: str, lo: int, pos: int) -> bool:
    """pos opens the words right after a quotation closed by a comma inside its marks ('"Q," one survivor')."""
    return text[lo - 2 : lo] in (',"', ",”") and not text[lo:pos].strip()


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
    relay = text[outlet_start:cut]
    if not is_outlet(relay) and not _OUTLET_STAFF_RE.fullmatch(relay):
        return False
    source_start = seg_start + len(text[seg_start:comma].split()[0]) + 1
    cand.mention_start, cand.mention_end, cand.head_end = source_start, comma, comma
    cand.clause_start = outlet_start
    return True


# An outlet's own staff relay too: "ANHA's correspondent, quoting medical sources, said", "Our reporter, citing X,"
_OUTLET_STAFF_RE = re.compile(
    r"(?:(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir)\s+|[A-Z][\w-]*['’]s\s+)(?:[a-z]+\s+)?(?:correspondent|reporter|journalist)"
)


_ONE_OF_GROUP_RE = re.compile(r"(?:[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree)\s+of\s+(?:them|the\s+[a-z][\w-]*s)")
# People close to someone the apposition names: "Relatives of one of the men, Hussein Dandash, told local media"
_KIN_GROUPS = frozenset(["relatives", "family", "friends", "neighbours", "neighbors", "colleagues", "parents"])


def _role_then_name(text: str, lo: int, cut: int, name_start: int, comma: int, cand: Candidate) -> bool:
    """'The UN envoy for Syria, Geir Pedersen, said': a role, then the name in apposition."""
    name = text[name_start:comma]
    body_named = THE_BODY_NAME_RE.fullmatch(name.strip()) is not None
    one_word = not body_named and ONE_WORD_NAME_RE.fullmatch(name.strip()) is not None
    if not body_named and not one_word and not _ROLE_NAME_RE.fullmatch(name.strip()):
        return False
    role_start = after_clause_word(text, segment_start(text, lo, cut), cut)
    role = text[role_start:cut]
    if one_word:
        # "The firm he cites, Nordtherm, told us": a company's one-word name after its kind (a person's needs two)
        if not FIRM_ROLE_RE.fullmatch(role):
            return False
        cand.mention_start, cand.mention_end, cand.head_end = role_start, comma, cut
        cand.clause_start = role_start
        return True
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
    # "one of them, Samir Seifan, told AFP": one of a group just named, by name
    kin_of = kin_of or (" of " in role and _ONE_OF_GROUP_RE.fullmatch(role) is not None)
    if not kin_of and (not is_valid_subject(role) or not (
            first in ("the", "a", "an", "its", "his", "her", "their", "our", "one") or first.endswith("'s")
            or first == "counsel")):  # "counsel for Syria, NAME, said": a role taking no article
        return False
    cand.mention_start, cand.mention_end, cand.head_end = role_start, comma, cut
    cand.clause_start = role_start
    return True
