"""Lines outlets bolt onto reprints (follow-us lines, bylines, photo credits, datelines, blocks of links to other
stories), so a reprint and its original compare on the article text alone.

Patterns run on casefolded NFKC lines with plain quotes and dashes (see text.clean).
"""

import re
from collections.abc import Iterator

# A line longer than this is article text even if it mentions Telegram or copyright.
MAX_BOILERPLATE_WORDS = 25

_AGENCY = r"(?:reuters|afp|ap|the associated press|associated press|sana|anadolu|aa|dpa|xinhua|efe|ansa|epa)"
_SOCIAL = r"(?:telegram|twitter|x|facebook|instagram|whatsapp|youtube|tiktok|google news|threads|vk)"
# Lines that open with these (matched at the start: `match`; an opening bracket is skipped) ...
_BOILERPLATE_START = re.compile(
    r"\(?(?:" + "|".join([
        rf"(?:please )?(?:follow|join|find|like) (?:us|our \w+(?: \w+)?) (?:on|at|in|via) .{{0,40}}{_SOCIAL}",
        rf"(?:subscribe|sign up|join|follow) .{{0,40}}(?:{_SOCIAL}|newsletter|channel|updates|alerts)",
        r"(?:read|see) (?:more|also)\b",
        r"(?:related|more|see also)\s*(?::|$)",
        r"(?:also read|recommended|advertisement|sponsored|click here|download our app)\b",
        r"(?:share|tweet|email|print)(?: this)?(?: (?:article|story|page))?\s*:?\s*$",
        r"(?:written by|reporting by|reported by|editing by|edited by|additional reporting)\b",
        r"(?:posted|published|updated|last updated|first published)\s*(?:on|at|:|-|\d)",
        r"(?:file )?(?:photo|image|picture|video|source|tags|topics)(?: credit)?\s*[:|-]",
        r"(?:\w+ )?(?:staff|correspondent|reporter|editor|news desk|agencies)\s*$",
        # Republication notes: "This article was first published by ...", "The following story ... republished".
        r"(?:the following|this) (?:article|story)\b.{0,40}\b(?:published|republished|updated)\b",
        r"editor'?s note\b",
        # A wire's version note, no full stop: "Adds comment, details in paragraphs 3-5", "(Updates with toll)".
        r"(?:adds|updates with|recasts|corrects|refiles)\b[^.!?]*\b(?:paragraphs?|paras?|quotes?|comments?|details"
        r"|toll|byline|headline|dateline|background|reaction|throughout|figures?)\b[^.!?]*\)?\s*$",
        # Sign-offs naming only the agency: "(With AFP)", "- Reuters", "Associated Press".
        rf"(?:with )?{_AGENCY}\)?\.?\s*$",
        # Share buttons and blog-engine leftovers, each on a line of its own.
        rf"{_SOCIAL}\s*$", r"like this\s*:?\s*$", r"loading\.*\s*$",
        # Arabic: follow us / read also / source / photo.
        r"(?:تابعونا|تابعوا|اقرا ايضا|اقرا المزيد|المصدر\s*:|صوره)",
        # Russian: subscribe / read also / source / photo.
        r"(?:подписывайтесь|подпишитесь|читайте также|источник\s*:|фото\s*:)",
    ]) + ")"
)
# ... or hold these anywhere (`search`; kept apart from the anchored ones, the engine skips to their first letters).
# Copyright; Arabic and Russian: all rights reserved; a contributor's line; a link.
_BOILERPLATE_ANYWHERE = re.compile(
    r"copyright|\(c\)|©|all rights reserved|jeder nachdruck|tous droits|جميع الحقوق محفوظه|все права защищены"
    r"|contributed (?:to this report|reporting)"
    # A link: "Read the full story at https://...", "Source: www.example.net".
    r"|https?://|www\."
)
# Photo credits inside captions: "... (Photo: X)", "... Photo by X / AFP", "Credit: AP Photo/Name", "(Reuters/Name)",
# "Name/AFP/Getty Images", "SANA via Reuters". Searched only in lines holding one of _CREDIT_MARKS (most hold none,
# and a pattern that can start at any word costs a backtracking attempt per position).
_CREDIT_MARKS = re.compile(r"photo|image|picture|credit|/|via |getty|supplied")
_CREDIT = re.compile(
    r"(?:^|[.(] ?)(?:file )?(?:photo|image|picture)(?: credit)?\s*(?::|by\b)|(?:^|[.(] ?)credit\s*:"
    rf"|\bvia {_AGENCY}\b|getty images|supplied by a third party"
    rf"|\b{_AGENCY}(?: photo)?\s*/\s*[\w.'-]+(?: [\w.'-]+){{0,3}}\)?\.?\s*$"
    rf"|/\s*{_AGENCY}(?:\s*/\s*getty images)?\)?\.?\s*$"
)
# "By Jane Doe" / "By Jane Doe and Omar K., Damascus": short, or "By Tuesday, ..." would go too.
MAX_BYLINE_WORDS = 8
_BYLINE = re.compile(r"^by [^\d,.;:!?]+(?:,[^\d.;:!?]*)?$")
# Agency datelines open the first paragraph: "damascus (reuters) - ..." / "beirut, march 3 (afp) -" /
# "sarmada (syria) (afp) -".
_DATELINE = re.compile(rf"^[^()\n]{{0,40}}(?:\([^()\n]{{1,25}}\)\s*)?\({_AGENCY}\)\s*-+\s*")
# A dateline's dash comes within this many characters of the line's start (both patterns stop before).
DATELINE_CHARS = 100
# Datelines matched on the line as written (case tells a dateline from a sentence): "DAMASCUS -", "DEIR EZ-ZOR,
# Syria -", "BEIRUT, Nov 3 --", "Idlib, Syria --", and with any outlet's credit, not only the agencies above: "MANBIJ,
# Syria, Nov 18 (Orontes News Agency) -", "ALEPPO, 18 November 2026 (Hawar) -"; the text after it opens a sentence.
# The credit and the date are the outlet's, not the event's: as story features they kept two outlets' reports of one
# event apart (dedupe_heldout2: a wire's lead and another outlet's lead of the same bombing sat at 0.44, under the bar,
# on the wire's name and filing date alone).
_COUNTRY = r"(?:Syria|Lebanon|Iraq|Turkey|Jordan|Israel|Iran|Egypt|Russia)"
_MONTH_DAY = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?)"
_PLAIN_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
    rf"|[A-Z][\w'.-]+(?: [\w'.-]+){{0,2}}, {_COUNTRY})"
    rf"(?:, {_MONTH_DAY})?(?: \([A-Z][\w.&']*(?: [\w.&'-]+){{0,4}}\))?\s*-{{1,2}}\s+(?=[\"'\d]?[A-Z])"
)
# TASS's dateline, in English and Russian: "MOSCOW, October 6. /TASS/.", "МОСКВА, 6 октября. /ТАСС/." (no dash). As
# story features its city and credit kept the Russian report of an event from the English one, which names neither
# (dedupe_heldout15's silo strike: Moscow and TASS two of the Russian report's sixteen features).
_SLASHED_DATELINE = re.compile(
    r"^[^\W\d_][^,()/\n]{0,40},\s*(?:\d{1,2}\s+[^\W\d_]{3,9}|[^\W\d_]{3,9}\s+\d{1,2})\.?\s*/[^/\n]{1,20}/\.?\s*")
# An outlet's credit closing a brief, after its last sentence: "... claimed the attack. (Northline Press)".
_CLOSING_CREDIT = re.compile(r"(?<=[.!?\"]) \([A-Z][\w.&']*(?: [A-Z][\w.&'-]*){0,3}\)\s*$")
# A line of its own naming the place and the outlet, either way round: "Raqqa - North Press", "Enab Baladi - Daraa".
MAX_PLACE_OUTLET_WORDS = 4
# A line of its own that heads a block of links to other stories; the headlines under it go too.
_LINK_BLOCK_HEADER = re.compile(
    r"^(?:related(?: stories| articles| news| coverage)?|you may also like|you might also like|most read|most popular"
    r"|more on [\w -]{1,20}|more from [\w -]{1,20}|more stories|read (?:more|also)|see also|also read|recommended"
    r"|اقرا (?:ايضا|المزيد)|читайте также)\s*:?\s*$"
)
# Headlines in such a block: short, without the full stop, quote or bracket a paragraph of text ends with.
MAX_HEADLINE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?\"')\]]\s*$")


def _is_boilerplate(folded_line: str) -> bool:
    return (
        _BOILERPLATE_START.match(folded_line) is not None
        or _BOILERPLATE_ANYWHERE.search(folded_line) is not None
        or (_CREDIT_MARKS.search(folded_line) is not None and _CREDIT.search(folded_line) is not None)
    )


def _is_place_and_outlet(line: str) -> bool:
    # Two short sides around one dash, the second capitalised (an outlet's name: no sentence goes on lower case).
    place, dash, outlet = line.rstrip(".").partition(" - ")
    sides = (place.split(), outlet.split())
    return (
        bool(dash)
        and "(" not in place
        and all(0 < len(side) <= MAX_PLACE_OUTLET_WORDS for side in sides)
        and not any(word.lstrip("\"")[:1].islower() for word in sides[1])
    )


def _is_headline(line: str) -> bool:
    return len(line.split()) <= MAX_HEADLINE_WORDS and _SENTENCE_END.search(line) is None


def boilerplate_free_lines(text: str) -> Iterator[str]:
    """Non-empty lines of an NFKC text with plain quotes, without the lines outlets bolt onto reprints."""
    in_link_block = False
    for raw in text.splitlines():
        line = raw.strip(" \t*#>|•·-_=\"'")
        folded = line.casefold()
        if not line:
            continue
        if in_link_block and _is_headline(line):
            continue
        in_link_block = _LINK_BLOCK_HEADER.match(folded) is not None
        if in_link_block:
            continue
        # Only compared with counts up to MAX_BOILERPLATE_WORDS: a longer line need not be split into every word.
        word_count = len(line.split(maxsplit=MAX_BOILERPLATE_WORDS))
        if word_count <= MAX_BOILERPLATE_WORDS and _is_boilerplate(folded):
            continue
        if word_count <= MAX_BYLINE_WORDS and _BYLINE.match(folded):
            continue
        if word_count <= 2 * MAX_PLACE_OUTLET_WORDS + 1 and " - " in line and _is_place_and_outlet(line):
            continue
        # Datelines end in a dash near the start of the line: most lines have none there, and skip both patterns.
        dateline = (_DATELINE.match(folded) or _PLAIN_DATELINE.match(line)) if "-" in line[:DATELINE_CHARS] else None
        if dateline is None and "/" in line[:DATELINE_CHARS]:
            dateline = _SLASHED_DATELINE.match(line)
        line = line[dateline.end() :] if dateline else line
        yield _CLOSING_CREDIT.sub("", line) if line.endswith(")") else line


# The date of a dateline, which the lines above strip: "ADRA, Syria, May 7 (Orontes Wire) -", "BEIRUT, Nov. 3 --",
# "ALEPPO, 18 November 2026 (Hawar) -", "МОСКВА, 18 марта. /ТАСС/.". A place (and a country) before a comma, the
# month and day, then the outlet's credit or a dash: a date inside a sentence ("On May 7, a fire ...") is none.
_MONTH_NAMES = {
    **{name: month for month, names in enumerate([
        "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
        "september sep sept", "october oct", "november nov", "december dec"], 1) for name in names.split()},
    **dict(zip(["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря"], range(1, 13), strict=True)),
}  # fmt: skip
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)  # in a year of 365 days
DAYS_IN_YEAR = 365
# Bylines, credits and distribution lines above a dateline are short: it opens within this many characters.
DATELINE_SEARCH_CHARS = 1500
_DATED_DATELINE = re.compile(
    r"^[^\W\d_][^,()\n]{0,40},\s*(?:[^\W\d_][\w ]{0,20},\s*)?"
    r"(?:(?P<month>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2})(?:,\s*\d{4})?|(?P<day_first>\d{1,2})\s+(?P<month_after>[^\W\d_]{3,9})\.?(?:\s+\d{4})?)"
    r"\.?\s*(?:\([^()\n]{1,40}\)\s*[-\u2013\u2014]|/[^/\n]{1,20}/|-{1,2}(?!\w)|[\u2013\u2014])"
)


def dateline_day(text: str) -> int | None:
    """The day of the year (1-365; 29 February is 1 March) of the date in the dateline opening a raw article body, or
    None when its first line of text (after bylines and other furniture) opens with no dated dateline.

    An outlet's date is the day it filed, so two reports filed days apart report two events (a second fire in the
    same industrial zone a week later, on the same weekday); decide.py compares it. It is no story feature: a date
    only one of two reports carries would make them look less alike (see _PLAIN_DATELINE)."""
    for raw in text[:DATELINE_SEARCH_CHARS].splitlines():
        line = raw.strip(" \t*#>|•·-_=\"'")
        folded = line.casefold()
        if not line or _is_boilerplate(folded) or (len(line.split()) <= MAX_BYLINE_WORDS and _BYLINE.match(folded)):
            continue
        match = _DATED_DATELINE.match(line)
        if match is None:
            return None
        month = _MONTH_NAMES.get((match.group("month") or match.group("month_after")).casefold())
        day = int(match.group("day") or match.group("day_first"))
        return None if month is None or not 1 <= day <= 31 else day_of_year(month, day)
    return None


def day_of_year(month: int, day: int) -> int:
    """1-365, as `dateline_day` counts (29 February is 1 March)."""
    return min(_DAYS_BEFORE_MONTH[month] + day, DAYS_IN_YEAR)


def days_apart(day: int, other: int) -> int:
    """Days between two `dateline_day`s, across New Year too (31 December and 1 January are one day apart)."""
    # No min() call: story_link.py asks this of every candidate pair, twice (2.3M calls for the 35,696 fixture items).
    gap = abs(day - other) % DAYS_IN_YEAR
    return gap if gap + gap <= DAYS_IN_YEAR else DAYS_IN_YEAR - gap
