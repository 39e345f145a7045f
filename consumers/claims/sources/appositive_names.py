"""Names in apposition to who the speaker is: a role, then its holder ("The UN envoy for Syria, Geir Pedersen,
said"), a kind of body, then its name ("Al-Atassi's party, the National Liberal Gathering,"), a firm, then its
one-word name ("The firm he cites, Nordtherm,"), and the name an unnamed speaker gave ("A farmer from X, who gave only
his first name, Mahmoud, said"). BODY_KINDS and the name patterns are shared with resolve/appositions.py."""

import re

from consumers.claims.aliases import TITLES
from consumers.claims.sources.candidate import Candidate
from consumers.claims.sources.clauses import (
    OPENING_TIME_RE,
    TIME_OPENINGS,
    after_clause_word,
    segment_cut,
    segment_start,
)
from consumers.claims.sources.phrases import is_valid_subject
from consumers.claims.sources.words import NAME_TOKEN

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
# A relative of someone the text spoke of, named by a first name only: "His wife, Samira, said"
KIN_ROLE_RE = re.compile(
    r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:wife|husband|son|daughter|mother|father|brother|sister|widow|cousin|uncle|aunt)"
)
_ROLE_NAME_RE = re.compile(
    # (the name may say whose they are: "The survey's author, Lina Darwish of the Arab Reform Initiative, said")
    rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,4}}(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,5}})?"
    r"|[A-Z]{2,}[A-Za-z]{0,3}"  # or "UNHCR"
)


def given_name(text: str, lo: int, cut: int, segment: str, comma: int, cand: Candidate) -> bool:
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


_ONE_OF_GROUP_RE = re.compile(r"(?:[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree)\s+of\s+(?:them|the\s+[a-z][\w-]*s)")
# People close to someone the apposition names: "Relatives of one of the men, Hussein Dandash, told local media"
_KIN_GROUPS = frozenset(["relatives", "family", "friends", "neighbours", "neighbors", "colleagues", "parents"])


def role_then_name(text: str, lo: int, cut: int, name_start: int, comma: int, cand: Candidate) -> bool:
    """'The UN envoy for Syria, Geir Pedersen, said': a role, then the name in apposition."""
    name = text[name_start:comma]
    body_named = THE_BODY_NAME_RE.fullmatch(name.strip()) is not None
    one_word = not body_named and ONE_WORD_NAME_RE.fullmatch(name.strip()) is not None
    if not body_named and not one_word and not _ROLE_NAME_RE.fullmatch(name.strip()):
        return False
    role_start = after_clause_word(text, segment_start(text, lo, cut), cut)
    if text.startswith(TIME_OPENINGS, role_start) and (timed := OPENING_TIME_RE.match(text, role_start, cut)):
        role_start = timed.end()  # "In March the interior minister, NAME, told us": the time opens no role
    role = text[role_start:cut]
    if one_word:
        # "The firm he cites, Nordtherm, told us": a company's one-word name after its kind (a person's needs two,
        # but a relative's may be a first name: "His wife, Samira, said")
        if not FIRM_ROLE_RE.fullmatch(role) and not KIN_ROLE_RE.fullmatch(role):
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
            # ("Another deputy, NAME, said": one more of a kind the text has quoted)
            first in ("the", "a", "an", "its", "his", "her", "their", "our", "one", "another") or first.endswith("'s")
            or first == "counsel"  # "counsel for Syria, NAME, said": a role taking no article
            # "Director General of X, Eng. NAME, stated", "Governor of Hama, Dr. NAME,": an office of a body or
            # place, capitalised without its article (Arabic-press calques)
            or ((role[:1].isupper() or _after_closing_quote(text, role_start)) and first in TITLES
                and " of " in role))):
        return False
    cand.mention_start, cand.mention_end, cand.head_end = role_start, comma, cut
    cand.clause_start = role_start
    return True


def _after_closing_quote(text: str, pos: int) -> bool:
    """pos opens the words right after a quotation closed by a comma: a wire's '"Q," deputy head of X, NAME, told a
    briefing' takes no article before the office."""
    return text[max(0, pos - 3) : pos].rstrip().endswith((',"', ",”"))
