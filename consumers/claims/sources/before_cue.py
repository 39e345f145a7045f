"""Speakers just before their cue: the subject before the verb with its appositions ("Dillon, a spokesman for X,
said", "SANA, citing local sources, said"). The names an apposition gives are read by appositive_names.py, an outlet's
cited source by cited_sources.py, a list of countries by country_lists.py, a relative clause's antecedent ("said
Peskov, who ...") and a pronoun's in a gap ("which it said") by antecedents.py, and the sentence subject a participle
reports for by sentence_subject.py.
"""

import re

from consumers.claims.cues import SAY_VERBS, WEAK_VERBS
from consumers.claims.searches import DocumentSearches
from consumers.claims.sources.antecedents import gap_antecedent, relative_antecedent
from consumers.claims.sources.appositive_names import given_name, role_then_name
from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.cited_sources import cited_source
from consumers.claims.sources.clauses import (
    OPENING_TIME_RE,
    TIME_OPENINGS,
    after_clause_word,
    segment_cut,
    segment_start,
    skip_space,
)
from consumers.claims.sources.country_lists import country_list_start
from consumers.claims.sources.phrases import has_capital, is_valid_subject, looks_like_apposition

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
_CLOSING_AFTER_COMMA = (',"', ",”")
# A relative clause on the subject that ends in a quotation, its comma inside the marks: ', who called it "Q,"'
_QUOTE_CLOSING_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose)\s[^\"“”]{1,150}[\"“][^\"“”]{1,80},[\"”]$")
_NAMED_AS_RE = re.compile(r"\b(?:known|referred\s+to)\s+as\s+$|\b(?:nicknamed|dubbed|named)\s+$")
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom)\s*$")
# A subject with a restrictive relative clause in the past tense: "The account that first posted it", "The man who
# filmed the convoy" ("X reported that the council" has a subject, not a verb, after "that").
# (a relative clause that reports is a cue of its own, "the man who said"; "the account that posted it" is not)
_REPORTING_VERBS = frozenset(SAY_VERBS) - WEAK_VERBS
# (also "A channel that calls itself X said": the relative gives the name the head speaks under, resolve/given_names.py)
_RELATIVE_SUBJECT_RE = re.compile(
    # (its modifiers in capitals too: "the Kurdish-led administration that runs al-Hol says P")
    r"(?<![\w'’-])((?:[Tt]he|[Aa]n?)\s+(?:[A-Za-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*"
    # (with its complement: "The owner of the Homs textile mill that closed last year says P": the owner speaks)
    r"(?:\s+of\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}[a-z][\w'’-]*)?)\s+(?:that|who)\s+"
    # ("A woman who was preparing food told X that P": a form of "be" opens the relative clause too)
    r"(?:(?:first|later|originally|also|then|had|has|have)\s+)?"
    # (or in the present: "A trader who supplies shops in Aleppo denied that P")
    # (irregular pasts too: "A family that came back from Lebanon told me", "the man who fled", "who lost")
    r"([a-z]+(?:ed|ote|ook|ew|ade|ut|ent|ot|ame|eft|ost|aw|ave|ept|eld|ought)|calls?|was|were|is|are|been|"
    r"[a-z]{2,}s)\b"
    r"[^,;:\"“”«»]{0,60}$"
)
# Relative verbs that give the head a name: that name is the speaker (resolve/given_names.py), not the head
_NAMING_VERBS = frozenset(["goes", "uses", "gave", "calls", "identified"])
# An indefinite head (its modifiers perhaps a place, "A Gaziantep trader") and its relative clause on who it is, before
# an apposition: "A Gaziantep trader who supplies shops in Aleppo, speaking on condition of anonymity,"
_HEAD_WHO_RE = re.compile(
    r"((?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,2}[a-z][\w'’-]*)\s+who\s+(?:(?:also|had|has|have)\s+)?([a-z]+)\b"
    r"[^,;:\"“”«»]{0,60}"
)
# A body's name holding "and the" after its "of": "The Association of Detainees and the Missing in Sednaya Prison"
_NAME_OF_X_AND_RE = re.compile(r"(?<![\w'’-])(?:The\s+)?[A-Z][\w'’-]*\s+of\s+(?:[A-Z][\w'’-]*\s+){1,3}and\s+$")
# A body's name listing its fields with a comma, "Foreign, Commonwealth and Development Office", "Ministry of Labour,
# Family and Social Services": the words before the comma (after "the" or a possessive) and the capitalised tail
# after it, joined by "and" and ending on a body's noun
_LISTED_NAME_HEAD_RE = re.compile(
    r"(?:\b[Tt]he\s+|['’]s\s+)((?:(?:Ministry|Department|Office|Committee)\s+(?:of|for)\s+)?[A-Z][\w'’-]*),\s+$"
)
_LISTED_NAME_TAIL_RE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){1,3}and\s+(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:Office|Ministry|Department|Affairs|Services|Development|Committee|Commission|Agency|Authority)"
    r"(?:\s+\([A-Z]{2,8}\))?$"
)
# "Ministry of Agriculture, Fisheries and Forestry": when the words before the comma hold the body's noun, the tail
# is its fields alone
_LISTED_FIELDS_TAIL_RE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){1,3}and\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*(?:\s+\([A-Z]{2,8}\))?$"
)
_WHAT_PRONOUNS = frozenset(["it", "they", "he", "she"])
# The addressee before a final verb, after the subject's comma: ", to Rudaw", ", also to Rudaw", ", in a statement to
# Rudaw English" (Kurdish and Arabic word order kept in translation)
_ADDRESSEE_OPENINGS = (" to ", " also to ", " in a ", " in an ")
_VERB_FINAL_ADDRESSEE_RE = re.compile(
    r",\s+(?:also\s+)?(?:in\s+(?:a|an)\s+(?:statement|interview|phone\s+call)\s+)?to\s+"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w'’-]*){0,2}$"
)


def subject_left(text: str, lo: int, end: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """Find the speaker just before the cue; an apposition between commas belongs to the mention."""
    seg_end = end
    while seg_end > lo and text[seg_end - 1].isspace():
        seg_end -= 1
    comma = text.rfind(",", max(lo, seg_end - 60), seg_end)
    if comma >= 0 and text.startswith(_ADDRESSEE_OPENINGS, comma + 1) \
            and _VERB_FINAL_ADDRESSEE_RE.fullmatch(text, comma, seg_end) is not None:
        # a translation keeping the verb last: "NAME, (also) to Rudaw said", "NAME, in a statement to X said"
        return subject_left(text, lo, comma + 1, cand, searches)
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
    if text.startswith("of ", np_start) and text.endswith(("as that ", "as those "), max(lo, np_start - 9), np_start):
        np_start += 3  # "a voice identified by the channel as that of NAME can be heard saying P": NAME's voice
    if text.startswith(TIME_OPENINGS, np_start) and (timed := OPENING_TIME_RE.match(text, np_start, seg_end)):
        np_start = timed.end()  # "On Saturday the ministry said": the day, with no comma after it, is no subject
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
        return relative_antecedent(text, lo, np_start, cand)
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
            gap_antecedent(text, lo, np_start, cand, searches)
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
    if (listed := _listed_name_start(text, lo, np_start, seg_end)) < np_start:
        return listed  # "the Foreign, Commonwealth and Development Office": the comma is the name's
    if text.find(" and ", np_start, seg_end) > 0:
        return country_list_start(text, lo, np_start, seg_end)
    return np_start


def _listed_name_start(text: str, lo: int, np_start: int, end: int) -> int:
    """Where a body's name starts when its words before a comma belong to it ("the Foreign, Commonwealth and
    Development Office"): before the comma; else np_start."""
    if not text.startswith(", ", np_start - 2):
        return np_start
    listed = _LISTED_NAME_HEAD_RE.search(text, max(lo, np_start - 40), np_start)
    if listed is None:
        return np_start
    tail = _LISTED_FIELDS_TAIL_RE if " " in listed.group(1) else _LISTED_NAME_TAIL_RE
    if tail.match(text, np_start, end) is None:
        return np_start
    return listed.start(1)


def _head_of_relative(text: str, seg_start: int, seg_end: int, cand: Candidate) -> bool:
    """'The account that first posted it wrote that P': the head speaks, its relative clause describes it."""
    relative = _RELATIVE_SUBJECT_RE.search(text, seg_start, seg_end)
    if relative is None or relative.group(2) in _REPORTING_VERBS or not is_valid_subject(relative.group(1)):
        return False
    if relative.group(2) in _NAMING_VERBS and not relative.group(1).split(None, 1)[1].islower():
        return False  # "An HTS commander who goes by the nom de guerre NAME": the name the clause gives speaks
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


_ADVERBIAL_SEGMENT_RE = re.compile(r"(?:on|in|at|late|early)\s+\w+(?:\s+\w+)?")
_AGE_RE = re.compile(r"\d{1,3}")
# "the group that ...", "a faction which ...": a body described by what it does, in apposition to its name
_BODY_DESCRIBED_RE = re.compile(
    r"\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:group|faction|force|forces|militia|coalition|alliance|movement|"
    r"party|organi[sz]ation|body|agency|monitor|network|council)\s+that\s+$"
)


def _subject_with_apposition(text: str, lo: int, comma: int, cand: Candidate, searches: DocumentSearches) -> bool:
    """'Dillon, a spokesman for X, said': the name is the segment before the apposition."""
    seg_start = segment_start(text, lo, comma)
    segment = text[seg_start:comma].strip()
    if segment.lower().startswith(("citing ", "quoting ")):
        return cited_source(text, lo, seg_start, comma, cand)
    if segment.lower() in _ADVERBIAL_SEGMENTS or _ADVERBIAL_SEGMENT_RE.fullmatch(segment):
        back = segment_cut(text, lo, comma)
        if back > lo and text[back] == ",":
            return subject_left(text, lo, back, cand, searches)
        return False
    cut = segment_cut(text, lo, comma)
    if cut <= lo or text[cut] != ",":
        return False
    if segment[:6] == "which " and _BODY_RELATIVE_RE.match(segment) and text[cut - 1 : cut].isalpha():
        # "NAME, a commander in the X Council, which is affiliated with the SDF, said P": the relative clause
        # describes the body in the apposition before it; the subject is found as if it were not there
        return _subject_with_apposition(text, lo, cut, cand, searches)
    if _AGE_RE.fullmatch(segment):
        return subject_left(text, lo, cut, cand, searches)  # "Kassem, 58, said": the age is not the speaker
    if given_name(text, lo, cut, segment, comma, cand):
        return True
    if not looks_like_apposition(segment):
        return role_then_name(text, lo, cut, seg_start, comma, cand)
    head_end = cut
    head_start = after_clause_word(text, segment_start(text, lo, head_end), head_end)
    if _AGE_RE.fullmatch(text[head_start:head_end].strip()):
        head_end = segment_cut(text, lo, head_end)  # "Ahmed Khalaf, 45, a teacher, said": skip the age
        if head_end <= lo:
            return False
        head_start = after_clause_word(text, segment_start(text, lo, head_end), head_end)
    if text.startswith(("in ", "from "), head_start) and _PLACE_SEGMENT_RE.fullmatch(text, head_start, head_end):
        # "Another resident, in Deir ez-Zor, who asked not to be named, said": where the person is, then who
        head_end = segment_cut(text, lo, head_end)
        if head_end <= lo:
            return False
        head_start = after_clause_word(text, segment_start(text, lo, head_end), head_end)
    if text.startswith(" that ", head_start - 6) and _BODY_DESCRIBED_RE.match(text, segment_start(text, lo, head_end),
                                                                             head_start):
        # "An official of X, the group that dominates Idlib, who spoke ..., denied P": the group's description is an
        # apposition of X; the head comes before it
        return _subject_with_apposition(text, lo, head_end, cand, searches)
    if text.endswith(_RELATIVE_WORDS, max(lo, head_start - 6), head_start):
        # "The channel that first posted it, which has X, wrote that P": the head before its relative clause
        relative = _HEAD_BEFORE_RELATIVE_RE.match(text, segment_start(text, lo, head_start), head_end)
        if relative is not None and is_valid_subject(relative.group(1)):
            cand.mention_start, cand.mention_end, cand.head_end = relative.start(1), comma, relative.end(1)
            cand.clause_start = relative.start(1)
            return True
    head_start = _listed_name_start(text, lo, head_start, head_end)  # "at the Foreign, Commonwealth and ... Office"
    head = text[head_start:head_end]  # (lower case only right after a quotation: '"Q," one survivor, a farmer,')
    if " who " in head or text.endswith(" who", max(lo, head_start - 4), head_start):
        opening = segment_start(text, lo, head_end)
        relative = _HEAD_WHO_RE.fullmatch(text, opening, head_end)
        if relative is not None and relative.group(2) not in _REPORTING_VERBS and is_valid_subject(relative.group(1)):
            # "A trader who supplies shops in Aleppo, speaking on condition of anonymity, denied P": the head before
            # its relative clause, then the apposition
            cand.mention_start, cand.mention_end, cand.head_end = relative.start(1), comma, relative.end(1)
            cand.clause_start = relative.start(1)
            return True
    if not is_valid_subject(head) or not (has_capital(head) or _right_after_quote(text, lo, head_start)
                                          or _indefinite_opening_clause(text, lo, head_start, head_end)):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = head_start, comma, head_end
    cand.clause_start = head_start
    return True


def _indefinite_opening_clause(text: str, lo: int, head_start: int, head_end: int) -> bool:
    """'..., but an official, speaking on condition of anonymity, told X': a lower-case indefinite head right after
    the clause word that opens its clause."""
    if not text.startswith(_INDEFINITE_OPENINGS, head_start):
        return False
    opening = segment_start(text, lo, head_end)
    if head_start > opening:
        return True
    # "However, the drivers, speaking on condition of anonymity, said": an adverb's segment opens the clause
    before = text[lo:opening].strip().rstrip(",").strip()
    return before.lower() in _ADVERBIAL_SEGMENTS


# "but an official", "But two drivers ..., who asked not to be named,", "However, the drivers, speaking ...,"
_INDEFINITE_OPENINGS = ("a ", "an ", "the ", "two ", "three ", "four ", "five ", "several ", "some ", "many ")


# A place between commas after a person: "in Deir ez-Zor", "from Tal Abyad"
_PLACE_SEGMENT_RE = re.compile(r"(?:in|from)\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+|[a-z]{2,3}-[A-Z][\w'’-]*)"
                               r"(?:\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+|[a-z]{2,3}-[A-Z][\w'’-]*)){0,3}")


def _right_after_quote(text: str, lo: int, pos: int) -> bool:
    """pos opens the words right after a quotation closed by a comma inside its marks ('"Q," one survivor')."""
    return text[lo - 2 : lo] in (',"', ",”") and not text[lo:pos].strip()


_RELATIVE_WORDS = (" that ", " who ", " which ")
# A relative clause on the body an apposition names: "which is affiliated with the SDF", "which is backed by Turkey"
_BODY_RELATIVE_RE = re.compile(r"which\s+(?:is|was|are|were)\s+(?:\w+\s+)?(?:affiliated|allied|linked|backed|aligned|"
                               r"funded|supported|led|run|controlled)\b")
_HEAD_BEFORE_RELATIVE_RE = re.compile(
    r"\s*((?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:that|who|which)\s+(?:[\w'’-]+\s+){0,4}?"
    r"[a-z][\w'’-]*\s*$"
)
