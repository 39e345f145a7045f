"""Language data for dedupe: boilerplate lines outlets add to reprints, and stopwords.

Patterns run on casefolded NFKC lines with plain quotes and dashes (see near.clean).
"""

import re
from collections.abc import Iterator

# A line longer than this is article text even if it mentions Telegram or copyright.
MAX_BOILERPLATE_WORDS = 25

_SOCIAL = r"(?:telegram|twitter|x|facebook|instagram|whatsapp|youtube|tiktok|google news|threads|vk)"
# Lines that open with these (matched at the start: `match`) ...
_BOILERPLATE_START = re.compile(
    "|".join([
        rf"(?:please )?(?:follow|join|find|like) (?:us|our \w+(?: \w+)?) (?:on|at|in|via) .{{0,40}}{_SOCIAL}",
        rf"(?:subscribe|sign up|join|follow) .{{0,40}}(?:{_SOCIAL}|newsletter|channel|updates|alerts)",
        r"(?:read|see) (?:more|also)\b",
        r"(?:related|more|see also)\s*(?::|$)",
        r"(?:also read|recommended|advertisement|sponsored|click here|download our app)\b",
        r"(?:share|tweet|email|print)(?: this)?(?: (?:article|story|page))?\s*$",
        r"(?:written by|reporting by|reported by|editing by|edited by|additional reporting)\b",
        r"(?:posted|published|updated|last updated|first published)\s*(?:on|at|:|-)",
        r"(?:photo|image|picture|video|file photo|source|tags|topics)\s*[:|-]",
        r"(?:\w+ )?(?:staff|correspondent|reporter|editor|news desk|agencies)\s*$",
        # Arabic: follow us / read also / source.
        r"(?:تابعونا|تابعوا|اقرا ايضا|اقرا المزيد|المصدر\s*:)",
        # Russian: subscribe / read also / source.
        r"(?:подписывайтесь|подпишитесь|читайте также|источник\s*:)",
    ])
)
# ... or hold these anywhere (`search`; kept apart from the anchored ones, the engine skips to their first letters).
# Copyright; Arabic and Russian: all rights reserved.
_BOILERPLATE_ANYWHERE = re.compile(
    r"copyright|\(c\)|©|all rights reserved|jeder nachdruck|tous droits|جميع الحقوق محفوظه|все права защищены"
)
# "By Jane Doe" / "By Jane Doe and Omar K., Damascus": short, or "By Tuesday, ..." would go too.
MAX_BYLINE_WORDS = 8
_BYLINE = re.compile(r"^by [^\d,.;:!?]+(?:,[^\d.;:!?]*)?$")
# Agency datelines open the first paragraph: "damascus (reuters) - ..." / "beirut, march 3 (afp) -".
_DATELINE = re.compile(r"^[^()\n]{0,40}\((?:reuters|afp|ap|sana|anadolu|aa|dpa|xinhua|efe|ansa)\)\s*-+\s*")


def _is_boilerplate(folded_line: str) -> bool:
    return _BOILERPLATE_START.match(folded_line) is not None or _BOILERPLATE_ANYWHERE.search(folded_line) is not None


def boilerplate_free_lines(text: str) -> Iterator[str]:
    """Non-empty lines of an NFKC text with plain quotes, without the lines outlets bolt onto reprints."""
    for raw in text.splitlines():
        line = raw.strip(" \t*#>|•·-_=\"'")
        folded = line.casefold()
        if not line:
            continue
        word_count = len(line.split())
        if word_count <= MAX_BOILERPLATE_WORDS and _is_boilerplate(folded):
            continue
        if word_count <= MAX_BYLINE_WORDS and _BYLINE.match(folded):
            continue
        dateline = _DATELINE.match(folded)
        yield line[dateline.end() :] if dateline else line


_STOPWORDS_EN = """
a about above after again against all also am an and any are around as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up upon
very was we were what when where which while who whom why will with would you your yours yourself
said says say saying told tells according added adding reported reports report statement stated
one two three new also since still amid among across within without via per
monday tuesday wednesday thursday friday saturday sunday week weeks day days today yesterday
tomorrow year years month months time times people least last first later earlier
"""
_STOPWORDS_AR = "و ب ل ف في من على الى عن مع ان هذا هذه التي الذي كان قد لا ما او ثم بعد قبل حيث كما وقال قال"
_STOPWORDS_RU = "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по от из о об это"
STOPWORDS = frozenset((_STOPWORDS_EN + _STOPWORDS_AR + " " + _STOPWORDS_RU).split())


def is_stopword(word: str) -> bool:
    """Function words and news filler that say nothing about which event an article covers."""
    return word in STOPWORDS
