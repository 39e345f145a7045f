"""Names the text gives a source around its mention: an unnamed source who gave a name after all ("a team member
who gave his name as NAME"), a witness the next sentences name, a group by the name it calls itself (claim annotation
guideline, "Speaker": the speaker is the named person or body).
"""

import re

from consumers.claims.context import DocumentContext, Speaker
from consumers.claims.resolve.heads import before_preposition
from consumers.claims.resolve.people import resolve_named
from consumers.claims.resolve.words import has_proper_name
from consumers.claims.sources.phrases import GROUP_CALLED_NAME
from consumers.claims.speakers import canonical_org

# A name given in a relative clause after an unnamed source (guideline: the speaker is the named person).
_NAME_GIVEN_RE = re.compile(
    # (after the head or its indefinite apposition: "The second witness, a former nurse who asked to be identified
    # only as Leila,")
    r",?\s+(?:an?\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]*\s+)?(?:who|whose)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:gave\s+(?:his|her|their)\s+(?:first\s+|full\s+)?name\s+(?:only\s+)?as|name\s+(?:is|was)|"
    r"gave\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|full\s+)?name(?:\s+only)?\s*,|"
    r"identified\s+(?:(?:himself|herself)\s+)?(?:only\s+)?as|known\s+(?:only\s+)?as|goes\s+by(?:\s+the\s+name)?|"
    r"uses\s+the\s+(?:nom\s+de\s+guerre|pseudonym|alias|name)|"
    # "who asked to be identified only by his first name, Adnan,", "... by his nom de guerre, Abu Hamza,"
    r"(?:identified|named|called|referred\s+to)\s+(?:only\s+)?(?:by|as)\s+(?:his|her|their)\s+"
    r"(?:first\s+|last\s+|family\s+)?(?:name|nom\s+de\s+guerre|nickname|pseudonym|alias)\s*,)\s+"
    r"((?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+|bin|ibn|abu)){0,3})"
)
# An unnamed person by an indefinite description in lower case: "A former military police officer"
# (a country adjective allowed: "A former Syrian intelligence officer"; has_proper_name rules out other names)
_INDEFINITE_PERSON_RE = re.compile(r"An?\s+(?:[a-zA-Z][\w-]*\s+){0,3}[a-z][\w-]*")
_WITNESS_NEXT_RE = re.compile(r"The\s+(?:witness|defendant|accused|\d{1,3}-year-old),\s")
# A sentence opening with another unnamed source: "A second former guard said", "An activist told"
_ANOTHER_INDEFINITE_RE = re.compile(r"(?:[.!?][\"”]?\s+|\n\s*)An?\s+[a-z]")
# The name or code the witness's apposition gives: "a defector who gave his name as NAME", "identified only as P17"
_WITNESS_NAME_RE = re.compile(
    # (the rules it is given under, "identified under Swedish privacy rules only as", and a name cut to its
    # initial, "Rami H.", as European courts name defendants)
    r"[^,.;]{0,120}?(?:gave\s+(?:his|her)\s+(?:full\s+)?name\s+as|(?:identified|known|referred\s+to)\s+"
    r"(?:(?:in|to|by|under)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?(?:only\s+)?as)\s+"
    r"((?:[A-Z][\w'’-]*\d[\w-]*|[A-Z]-?\d[\w-]*)|(?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|al-[\w'’-]+)){0,3}"
    r"(?:\s+[A-Z]\.(?=,))?)"
    r"(?=\s|,|$)"
)
_GROUP_CALLED_RE = re.compile(GROUP_CALLED_NAME)
SELF_NAMING_OPENINGS = (" call", ", call", " that", ", that", " which", ", which", " who", ", who")
SELF_NAMING_NEXT_RE = re.compile(r",?\s+(?:calling|called|that\s+calls|which\s+calls|who\s+call)\s")
_CALLS_ITSELF_RE = re.compile(
    r"\b(?:calling|calls|call|called)\s+(?:itself|themselves)\s+(?:the\s+)?[\"“'‘]?"
    r"((?:[A-Z]|al-)[\w'’-]*(?:\s+(?:(?:[A-Z0-9]|al-)[\w'’-]*|of|for|the|and|in)){0,6})"
)


def named_after_all(ctx: DocumentContext, start: int, end: int, head_end: int, head: str) -> Speaker | None:
    """'a team member who gave his name as Yasser al-Hussein': an unnamed source named after all, or None."""
    limit = min(len(ctx.text), max(end, head_end) + 160)
    # (the pattern holds "who": a substring test first skips it for most mentions)
    given = _NAME_GIVEN_RE.match(ctx.text, head_end, limit) if ctx.text.find("who", head_end, limit) >= 0 else None
    if given and not has_proper_name(before_preposition(head)):
        return resolve_named(ctx, start, given.group(1), "")
    return None


def witness_named_next(ctx: DocumentContext, end: int, head: str) -> Speaker | None:
    """'A former detainee told the court that P. The witness, identified only as P17, said Q': the unnamed person first
    quoted is the witness the next sentences name (court reports name a witness after the lead); None if not so."""
    person = before_preposition(head)  # "A former officer on trial in Oslo": the person, not the place
    if not _INDEFINITE_PERSON_RE.fullmatch(person) or has_proper_name(person):
        return None
    # (or by age or standing in the trial: "The 51-year-old, identified only as Rami H., is charged")
    witness = _WITNESS_NEXT_RE.search(ctx.text, end, end + 800)
    if witness is None or _ANOTHER_INDEFINITE_RE.search(ctx.text, end, witness.start()) is not None:
        return None  # another unnamed source in between could be the witness
    given = _WITNESS_NAME_RE.match(ctx.text, witness.end(), witness.end() + 260)
    if given is None:
        return None
    name = given.group(1)
    return ctx.people.get(name.lower()) or Speaker(name, "", True)


def named_by_itself(phrase: str) -> Speaker | None:
    """The group by the name it gives itself in the phrase ("calling itself X", "a group called X"), or None."""
    calls = _CALLS_ITSELF_RE.search(phrase) or _GROUP_CALLED_RE.search(phrase)
    if calls is None:
        return None
    canon = canonical_org(calls.group(1))
    return Speaker(canon, canon, False)
