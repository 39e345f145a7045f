"""Where the stretch that may hold a speaker begins: delimiters before the cue (not a thousands comma, not inside
brackets) and the clause words that open a subordinate clause.
"""

import re

# (the look-ahead holds every first letter of the words below: a cheap rejection at most positions)
# "since", "after", "before" with a time after them are prepositions: "A document circulating since Friday"
_TIME_AFTER = (
    r"(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|last|early|late|\d)\b)"
)
_CLAUSE_WORDS = (
    rf"(?:where|while|when|whereas|because|(?:after|before|since){_TIME_AFTER}|although|though|but|if|so|which|"
    r"whom|whose|as|that|and(?=\s+(?:the|a|an|he|she|they|it|we|its|his|her|their)\b))\s+"
)
# (a capitalised "As" opens a clause too: "As the director, NAME, put it: Q")
_CLAUSE_WORDS_RE = re.compile(rf"(?=[ABYabistw])(?:(?:^|(?<=[\s,;:]))(?:But|And|Yet|As)\s+|\b{_CLAUSE_WORDS})")
# The same words found by the non-word character before them (past the text's first character each follows one):
# a pattern opening with a character class lets sre skip the positions outside it without starting a match there.
_CLAUSE_WORDS_AFTER_RE = re.compile(rf"\W(?=[ABYabistw])(?:(?<=[\s,;:])(?:But|And|Yet|As)\s+|{_CLAUSE_WORDS})")


TIME_OPENINGS = ("On ", "Late ", "Early ", "Earlier ", "Later ", "In ")
# "On Saturday the ministry said", "In March the ministry said", "In 2023 it said", "Later the ministry said"
OPENING_TIME_RE = re.compile(
    r"(?:(?:(?:Late|Early|Earlier|Later)\s+)?[Oo]n\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|In\s+(?:(?:early|late|mid-)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:\s+\d{4})?|\d{4})|Earlier|Later)\s+(?=[Tt]he\s|[A-Z]|(?:it|he|she|they)(?:\s|$))"
)


def skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def segment_start(text: str, lo: int, end: int) -> int:
    """Start of the comma/colon/semicolon-delimited stretch that ends at end (bounded look-back)."""
    cut = segment_cut(text, lo, end)
    return skip_space(text, cut + 1 if cut >= 0 else max(lo, end - 200), end)


def segment_cut(text: str, lo: int, end: int) -> int:
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


def after_clause_word(text: str, start: int, end: int) -> int:
    """The end of the last match of _CLAUSE_WORDS_RE.finditer(text, start, end), or start."""
    last = start
    if start == 0 and (first := _CLAUSE_WORDS_RE.match(text, 0, end)) is not None:
        last = first.end()
    while (m := _CLAUSE_WORDS_AFTER_RE.search(text, max(last - 1, 0), end)) is not None:
        last = m.end()
    return last
