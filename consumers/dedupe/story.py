"""Story features: what tells one event from another in headline and lead (names, places, days, numbers, the
event's day), with the word lists they need (stopwords, names every story shares, Russian names in Latin letters,
weekday names).

Two outlets' reports of one event share these but few 3-word phrases; sketch.py hashes them into each article's
story sketch.
"""

import re

from consumers.dedupe.gazetteer import gazetteer_key, gazetteer_keys, gazetteer_names, russian_adjective_key
from consumers.dedupe.text import (
    APOSTROPHE_IN_WORD,
    DIGIT_GROUPS,
    DIGITS_OF,
    DROPPED_TOKENS,
    GAP_AND_TOKEN,
    TENS,
    UNITS,
    words,
)

# The lead: the body's first this many tokens, or 8x as many characters where characters are cheaper to count (its
# case, its day).
STORY_LEAD_TOKENS = 150
# One more story feature names the event's day (see event_day): "\x00day3" cannot be a word of any text. One feature,
# not several: weighing it twice or three times joined different same-day events in the generated sets.
EVENT_DAY_FEATURE = "\x00day"
_SENTENCE_BREAK = re.compile(r"[.!?:\n\"]")
# "Syria's", "Tarboush's": the same name as "Syria", "Tarboush" (as a story feature; a copy keeps its possessives).
_POSSESSIVE = re.compile(r"'s\b(?<=\w's)")


def story_features(title: str, body: str) -> list[str]:
    """What identifies the event: names, places, days and numbers of headline and lead (`clean` texts).

    Title-case headlines capitalise every word, so only their numbers count. Texts in scripts without
    case or without capitals use the lead's content words instead (CJK), or in Arabic script its gazetteer names,
    numbers and days. Places and actors are the gazetteer's keys in every language (consumers/dedupe/gazetteer.py).
    """
    title_words = words(title)
    title_names = _names(title, STORY_LEAD_TOKENS)
    if len(title_names) * 2 > len(title_words):
        title_names = [word for word in title_names if word.isdigit()]
    names = _in_latin(gazetteer_names(title_names + _names(body, STORY_LEAD_TOKENS)))
    # A post with no body (a Telegram line, a "BREAKING" item) is told by its headline's script.
    lead_text = body[: STORY_LEAD_TOKENS * 8] if _has_letters(body) else title
    if not _is_cased(lead_text):
        lead = [*words(title.casefold()), *words(body.casefold(), STORY_LEAD_TOKENS)]
        # Single characters count only in scripts written without spaces, where they are the words, and as digits.
        lead = [word for word in lead if (len(word) > 1 or not word.isascii() or word.isdigit())
                and not is_stopword(word)]  # fmt: skip
        # Arabic script counts only as gazetteer names, numbers and days: its other lead words (a hundred where an
        # English lead has twenty names) would leave it no Jaccard to share with an English report of the event.
        names += [word for word in gazetteer_names(_in_english(lead)) if not is_arabic_script(word)]
    names = [name for name in names if not is_name_of_every_story(name)]
    day = event_day(body if lead_text is not title else title)
    return names if day is None else [*names, f"{EVENT_DAY_FEATURE}{day}"]


# Numbers up to this are told apart from names when a sketch's features are counted as ones any language can express
# (`expressible_features`); larger ones are rare in a lead, and count as names.
MAX_EXPRESSIBLE_NUMBER = 10_000


def expressible_features() -> list[str]:
    """The story features a report in any language can share with an English one: the gazetteer's places and actors,
    weekdays, the event's day, and numbers (thousands too). Its other names (witnesses, officials, outlets) are
    spelt in its own script, or a translation leaves them out."""
    numbers = [str(value) for value in range(MAX_EXPRESSIBLE_NUMBER)]
    thousands = [str(value * 1000) for value in range(MAX_EXPRESSIBLE_NUMBER // 1000, 1000)]
    days = [f"{EVENT_DAY_FEATURE}{day}" for day in range(7)]
    return [*gazetteer_keys(), *_WEEKDAYS_EN.split(), *days, *numbers, *thousands]


def name_words(text: str, limit: int) -> list[str]:
    """Numbers and capitalised words not opening a sentence (names, places, days) of a `clean` text, and in other
    languages than English the gazetteer's names wherever they stand and Russian country adjectives.

    Which event an article reports is mostly who, where, when and how many; the common nouns and verbs
    are shared with every other article on the same topic. Scripts without case yield only numbers.
    """
    return _in_latin(_names(text, limit))


def _in_latin(names: list[str]) -> list[str]:
    # A Russian name in Latin letters, comparable with an English text's ("Латакии" ~ "Latakia"), and a Kurmanji
    # name as English spells it ("Şêxmûs" ~ "Sheikhmous").
    # (An ASCII name is neither, and stays as it is.)
    return [name if name.isascii() else latin_name(name) if is_cyrillic(name) else _english_spelling_of_kurmanji(name)
            for name in names]  # fmt: skip


# Kurmanji's Latin letters written the English way for Arabic-derived names: x and ş and ç as kh, sh, ch ("Xalid",
# "Şêx" ~ "Khalid", "Sheikh"), c as j ("Cemal" ~ "Jamal"). Only words with a letter English never writes are read as
# Kurmanji ("Xirbet" stays, "Kobani" too).
_KURMANJI_LETTER = re.compile(r"[êîûşç]")
_KURMANJI_TO_ENGLISH = str.maketrans({"x": "kh", "ş": "sh", "ç": "ch", "c": "j", "ê": "e", "î": "i", "û": "u"})


def _english_spelling_of_kurmanji(word: str) -> str:
    return word.translate(_KURMANJI_TO_ENGLISH) if _KURMANJI_LETTER.search(word) else word


def _names(text: str, limit: int) -> list[str]:
    """`name_words` with Russian names in Cyrillic (as the gazetteer spells them)."""
    text = APOSTROPHE_IN_WORD.sub("", _POSSESSIVE.sub("", DIGIT_GROUPS.sub("", text)))
    # (gap before, token) pairs from one findall; a prefix is enough unless tokens are sparse in it. A short prefix
    # first: more than `limit` pairs in it, and its first `limit` are those of any longer text (a pair can only be
    # cut short by the prefix's end if no pair follows it).
    pairs = GAP_AND_TOKEN.findall(text[: limit * 8])
    if len(pairs) <= limit and len(text) > limit * 8:
        pairs = GAP_AND_TOKEN.findall(text[: limit * 30])
        if len(pairs) <= limit and len(text) > limit * 30:
            pairs = GAP_AND_TOKEN.findall(text)
    found: list[str] = []
    kurmanji = _KURMANJI_TEXT.search(text, 0, limit * 8) is not None
    number_and_day_words = _NUMBER_AND_DAY_WORDS_KMR if kurmanji else _NUMBER_AND_DAY_WORDS
    for count, (gap, token) in enumerate(pairs[:limit]):
        # Most tokens are lower-case English words, which no branch below takes (no capital, no digit, no number or
        # weekday in words): one set test instead of casefold and every lookup.
        if token.islower() and token.isascii() and token not in number_and_day_words:
            continue
        word = token.casefold()
        if word in UNITS and gap in ("-", " ") and count > 0 and pairs[count - 1][1].casefold() in TENS:
            found[-1] = str(int(found[-1]) + UNITS[word])  # "Twenty-three": one number
        elif word in _SPELLED_FEATURES:
            found.append(_SPELLED_FEATURES[word])
        elif kurmanji and word in _KURMANJI_NUMBERS:
            found.append(_KURMANJI_NUMBERS[word])
        elif word in _RUSSIAN_NUMBERS:
            value = _RUSSIAN_NUMBERS[word]
            # "сто сорок восемь": each word adds to the number before it while it fits under that one's zeros.
            before = pairs[count - 1][1].casefold() if count > 0 else ""
            if gap == " " and before in _RUSSIAN_NUMBERS and int(found[-1]) % 10 ** len(str(value)) == 0:
                found[-1] = str(int(found[-1]) + value)
            else:
                found.append(str(value))
        elif word in _RUSSIAN_THOUSANDS and gap == " " and count > 0 and found and found[-1] == pairs[count - 1][1]:
            # "45 тыс. тонн" is the "45,000 tonnes" of the English report, "1,5 тыс." its "1,500"
            if count > 1 and pairs[count - 1][0] in (",", ".") and len(found) > 1 and found[-2] == pairs[count - 2][1]:
                fraction = found.pop()
                found[-1] = str(int(found[-1]) * 1000 + int(fraction[:3].ljust(3, "0")))
            else:
                found[-1] = str(int(found[-1]) * 1000)
        elif is_cyrillic(word) and (key := russian_adjective_key(token)) is not None:
            found.append(key)  # "израильские" (in lower case, or opening a sentence) is the "Israeli" of English
        elif token.isdigit() or (
            token[0].isupper()
            and word not in DROPPED_TOKENS
            and ((token.isupper() and len(token) > 1) or not is_function_word(word))  # "The", "We", "A"; not "US"
            # Not opening a sentence, unless it is a gazetteer name in another language than English ("Дамаск
            # ответил."; English reports keep the features they had, which sketches in the store hold).
            and (not (count == 0 or _SENTENCE_BREAK.search(gap) is not None)
                 or (not word.isascii() and gazetteer_key(word) is not None))
            and not (is_cyrillic(word) and latin_name(word) in DROPPED_TOKENS)  # "Аль-" is "al-"
            and word not in _RUSSIAN_NAME_PARTICLES  # "Эт-Табка" is "Tabqa"
            and word not in _RUSSIAN_COMMON_ABBREVIATIONS  # "ВВС": the "air force" English writes in lower case
        ):
            found.append(word)
    return found


def event_day(body: str) -> int | None:
    """The day of the event a `clean` lead reports: the first weekday it names (Monday = 0), if any.

    Two outlets' reports of one event open on the same day; a follow-up names its own day before it recalls the
    earlier event's ("lifted on Sunday the curfew imposed after Thursday's raid"), and every weekday named is
    already a name feature, so without this the two leads' days look the same.
    """
    return first_weekday(body, STORY_LEAD_TOKENS * 8)


def _has_letters(text: str) -> bool:
    return any(map(str.isalpha, text))


def _is_cased(text: str) -> bool:
    # Decided by script, not by how many names turned up: a trimmed copy with few names must still be
    # compared with its original on the same kind of features.
    if text.isascii():
        # Every ASCII letter is cased: the text is cased when it has a capital (bytes.translate is C speed).
        return len(text.encode().translate(None, _NOT_ASCII_UPPER)) > 0
    letters = sum(map(str.isalpha, text))
    cased = sum(map(str.isupper, text)) + sum(map(str.islower, text))
    return bool(letters) and cased * 2 >= letters and any(map(str.isupper, text))


_NOT_ASCII_UPPER = bytes(byte for byte in range(128) if not chr(byte).isupper())


_FUNCTION_WORDS_EN = """
a about above after again against all also am an and any are around as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up upon
very was we were what when where which while who whom why will with would you your yours yourself
"""
_STOPWORDS_EN = _FUNCTION_WORDS_EN + """
said says say saying told tells according added adding reported reports report statement stated
one two three new also since still amid among across within without via per
monday tuesday wednesday thursday friday saturday sunday week weeks day days today yesterday
tomorrow year years month months time times people least last first later earlier
"""
_STOPWORDS_AR = "و ب ل ف في من على الى عن مع ان هذا هذه التي الذي كان قد لا ما او ثم بعد قبل حيث كما وقال قال"
_STOPWORDS_RU = "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по от из о об это"
STOPWORDS = frozenset((_STOPWORDS_EN + _STOPWORDS_AR + " " + _STOPWORDS_RU).split())
FUNCTION_WORDS_EN = frozenset(_FUNCTION_WORDS_EN.split())


# Names nearly every article newsmon reads carries (it follows Syria: producers/relevance.py), so they tell no
# event from another; as story features they only make two outlets' tellings look less alike when one leaves them
# out, and two events alike when both put them in.
_EVERYWHERE_NAMES = frozenset({"syria", "syrian", "syrians", "siriya", "sirii", "siriyu", "siriey", "سوريا", "سوريه",
                               "سووریا", "سووریای"})
# "Сирийская", "Сирийских" (Syrian, in every case and gender) in Latin letters, as `latin_name` writes them; Kurmanji
# "Sûriye", "Sûriyeya", "Sûriyê" as `_english_spelling_of_kurmanji` writes them.
_SYRIAN_IN_OTHER_LETTERS = ("siriysk", "suriy")

# Russian names as an English text spells them, near enough for near.spelling_key, which keeps only consonants:
# "Латакии" -> "latakii" ~ "Latakia", "Хмеймим" -> "hmeym" ~ "Hmeimim" (х as h, as Arabic names are written),
# "Фоминым" -> "fomin" (case endings that end in a consonant are cut first: vowel endings vanish in the key anyway).
# fmt: off
_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})
# fmt: on
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CASE_ENDING = re.compile(r"(?:ами|ями|ом|ем|ым|им|ам|ям|ов|ев)$")
# Shorter words keep their ending: the "ам" of "Ислам" (Islam) is no case ending.
MIN_DECLINED_LETTERS = 6


def is_cyrillic(word: str) -> bool:
    """Whether a word opens with a Cyrillic letter."""
    return _CYRILLIC.match(word) is not None


def latin_name(word: str) -> str:
    """A casefolded Russian name in Latin letters, without a consonant-final case ending."""
    if len(word) >= MIN_DECLINED_LETTERS:
        word = _CASE_ENDING.sub("", word)
    return word.translate(_TO_LATIN)


def is_name_of_every_story(word: str) -> bool:
    """A casefolded name (the monitored country, its people) shared by nearly every article in the stream."""
    return word in _EVERYWHERE_NAMES or word.startswith(_SYRIAN_IN_OTHER_LETTERS)


def is_stopword(word: str) -> bool:
    """Function words and news filler that say nothing about which event an article covers."""
    return word in STOPWORDS


def is_function_word(word: str) -> bool:
    """English articles, pronouns, prepositions and the like (casefolded): capitalised, they still name nothing."""
    return word in FUNCTION_WORDS_EN


# Weekday names (English, Russian in the nominative and the accusative "в четверг", Arabic as folded by text.clean,
# Kurdish: Sorani in Arabic letters, Kurmanji in Latin letters with its oblique "roja Duşemê"), Monday = 0.
_WEEKDAYS_EN = "monday tuesday wednesday thursday friday saturday sunday"
_WEEKDAYS_RU = "понедельник вторник среда четверг пятница суббота воскресенье"
_WEEKDAYS_AR = "الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد"
_WEEKDAYS_CKB = "دووشەممە سێشەممە چوارشەممە پێنجشەممە هەینی شەممە یەکشەممە"
_WEEKDAYS_KMR = "duşem sêşem çarşem pêncşem în şemî yekşem"
_WEEKDAYS_KMR_OBLIQUE = "duşemê sêşemê çarşemê pêncşemê înê şemiyê yekşemê"
_WEEKDAY_NUMBERS = {
    **{name: day for names in (_WEEKDAYS_EN, _WEEKDAYS_RU, _WEEKDAYS_AR, _WEEKDAYS_CKB, _WEEKDAYS_KMR,
                               _WEEKDAYS_KMR_OBLIQUE) for day, name in enumerate(names.split())},
    "среду": 2, "пятницу": 4, "субботу": 5,
}  # fmt: skip
# Russian writes weekdays in lower case and Kurmanji spells them its own way, so neither was the name feature an
# English lead's capitalised weekday is (and an Arabic or Sorani lead's, through _in_english): "в среду" and "roja
# Çarşemê" are the feature "wednesday" too. Numbers in words go in digits ("nine" "9"). One dict, so every token of
# every lead still costs one lookup.
_SPELLED_FEATURES = {
    **DIGITS_OF,
    **{name: _WEEKDAYS_EN.split()[day] for name, day in _WEEKDAY_NUMBERS.items()
       if is_cyrillic(name) or name in f"{_WEEKDAYS_KMR} {_WEEKDAYS_KMR_OBLIQUE}".split()},
}  # fmt: skip
# Russian numbers in words, in the forms news writes them (cases, and the collective "пятеро" of people), which an
# English report of the event has in digits or words: "пятеро пропали" is the "five missing" of the wire. Not "семью"
# (also "family") and not "один" (mostly "one of", as "one" is left out in English).
_RUSSIAN_NUMBER_FORMS = {
    2: "два две двух двум двумя двое двоих", 3: "три трех трем тремя трое троих",
    4: "четыре четырех четырем четырьмя четверо четверых", 5: "пять пяти пятью пятеро пятерых",
    6: "шесть шести шестью шестеро шестерых", 7: "семь семи семеро семерых", 8: "восемь восьми восемью",
    9: "девять девяти девятью", 10: "десять десяти десятью", 11: "одиннадцать одиннадцати",
    12: "двенадцать двенадцати", 13: "тринадцать тринадцати", 14: "четырнадцать четырнадцати",
    15: "пятнадцать пятнадцати", 16: "шестнадцать шестнадцати", 17: "семнадцать семнадцати",
    18: "восемнадцать восемнадцати", 19: "девятнадцать девятнадцати", 20: "двадцать двадцати",
    30: "тридцать тридцати", 40: "сорок сорока", 50: "пятьдесят пятидесяти", 60: "шестьдесят шестидесяти",
    70: "семьдесят семидесяти", 80: "восемьдесят восьмидесяти", 90: "девяносто девяноста", 100: "сто ста",
    200: "двести двухсот", 300: "триста трехсот", 400: "четыреста четырехсот", 500: "пятьсот пятисот",
    600: "шестьсот шестисот", 700: "семьсот семисот", 800: "восемьсот восьмисот", 900: "девятьсот девятисот",
}
_RUSSIAN_NUMBERS = {form: value for value, forms in _RUSSIAN_NUMBER_FORMS.items() for form in forms.split()}
_RUSSIAN_THOUSANDS = frozenset({"тыс", "тысяч", "тысячи", "тысяча"})
# Every word `_names` reads as a number or a weekday (all lower case).
_NUMBER_AND_DAY_WORDS = frozenset({*UNITS, *_SPELLED_FEATURES, *_RUSSIAN_NUMBERS})
# Kurmanji numbers in words ("du kes hatin kuştin": two killed), which an English report of the event has in digits or
# words. Only in a text with a letter Kurmanji writes and English does not (_KURMANJI_TEXT): "du", "heft", "neh",
# "deh" are words of other languages too. Not "yek" ("one", left out as in English).
_KURMANJI_NUMBERS = {
    "du": "2", "sê": "3", "çar": "4", "pênc": "5", "şeş": "6", "heft": "7", "heşt": "8", "neh": "9", "deh": "10",
    "yazdeh": "11", "donzdeh": "12", "bîst": "20", "sî": "30", "çil": "40", "pêncî": "50", "sed": "100",
}
_NUMBER_AND_DAY_WORDS_KMR = _NUMBER_AND_DAY_WORDS | frozenset(_KURMANJI_NUMBERS)
_KURMANJI_TEXT = re.compile(r"[êîûşçÊÎÛŞÇ]")
# The Arabic article of a name in Russian spelling that latin_name does not turn into one of DROPPED_TOKENS ("Эт-",
# "Эз-", "Эш-", "Эн-": "et" "ez" "esh" "en" would be a name of their own). Not "ес": that is "ЕС", the EU.
_RUSSIAN_NAME_PARTICLES = frozenset({"эт", "эз", "эш", "эн", "эс", "ат", "аз"})
# Russian abbreviations of common nouns, capitalised as abbreviations are: the air force, air defences, navy and media
# an English report writes in lower case, so as names they only made a Russian report look less like it.
_RUSSIAN_COMMON_ABBREVIATIONS = frozenset({"ввс", "пво", "вмф", "вмс", "сми"})
# The lookahead of first letters changes no match (each name opens with one of them) but lets most word starts fail
# at one class test instead of entering every name's branch: 2.6x faster on fixture leads.
_WEEKDAY = re.compile(r"\b(?=[" + "".join(sorted({name[0] for name in _WEEKDAY_NUMBERS})) + r"])(?:"
                      + "|".join(sorted(_WEEKDAY_NUMBERS, key=len, reverse=True)) + r")\b", re.IGNORECASE)  # fmt: skip


# Arabic numbers in words (as folded by text.clean: "ثلاثة" is "ثلاثه"), which text.words leaves as they are.
_ARABIC_UNITS = {
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "ثلاثه": 3, "ثلاث": 3,
    "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8,
    "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "احد": 1, "احدي": 1,
}
_ARABIC_TEN = frozenset({"عشر", "عشره"})  # after a unit: "تسعه عشر" is 19
# Units only in a teen ("احد عشر" 11, "اثنا عشر" 12): "احد" alone is mostly "one of" (as "one" is left out in English).
_ARABIC_TEEN_UNITS = frozenset({"احد", "احدي", "اثنا", "اثني"})
_ARABIC_TENS = {
    word: 10 * value for value, words_ in enumerate(["عشرون عشرين", "ثلاثون ثلاثين", "اربعون اربعين", "خمسون خمسين",
                                                     "ستون ستين", "سبعون سبعين", "ثمانون ثمانين", "تسعون تسعين"], 2)
    for word in words_.split()
}  # fmt: skip
_ARABIC_HUNDRED = frozenset({"مئه", "مائه"})
_ARABIC_HUNDREDS = {
    **dict.fromkeys(_ARABIC_HUNDRED, 100), "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    **{f"{unit}{hundred}": value * 100 for unit, value in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                                           ("ثمان", 8), ("ثماني", 8), ("تسع", 9))
       for hundred in ("مئه", "مائه")},
}  # fmt: skip
# "الف" alone is a thousand, "الفان" two ("الف وتسعمئه" 1900); after a number it multiplies (_ARABIC_THOUSANDS).
_ARABIC_ONE_THOUSAND = {"الف": 1000, "الفان": 2000, "الفين": 2000}
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
# Thousands and millions after a number in Arabic and Sorani (as folded by text.clean: "آلاف" is "الاف").
_ARABIC_THOUSANDS = {"الف": 1000, "الاف": 1000, "هەزار": 1000, "مليون": 1_000_000, "ملايين": 1_000_000,
                     "ملیۆن": 1_000_000}  # fmt: skip
_LEADING_DIGITS = re.compile(r"[0-9]+")
# Sorani numbers in words (Kurdish in Arabic letters: "دوو کەس" two people, "دوازدە" 12), which an English report of
# the event has in digits or words. "و" ("and") between them is a stopword the lead has dropped: "بیست و پێنج" 25 and
# "سەد و پەنجا" 150 arrive as neighbours. Not "یەک" (mostly "one of", as "one" is left out in English). No Arabic word
# is spelt as one of these (Sorani writes ی, ە, ێ, ۆ, which Arabic does not).
_SORANI_NUMBER_NAMES = {
    "دوو": 2, "سێ": 3, "چوار": 4, "پێنج": 5, "شەش": 6, "حەوت": 7, "هەشت": 8, "نۆ": 9, "دە": 10, "یازدە": 11,
    "دوازدە": 12, "سێزدە": 13, "چواردە": 14, "پازدە": 15, "شازدە": 16, "حەڤدە": 17, "هەژدە": 18, "نۆزدە": 19,
    "بیست": 20, "سی": 30, "چل": 40, "پەنجا": 50, "شەست": 60, "حەفتا": 70, "هەشتا": 80, "نەوەد": 90, "سەد": 100,
}


def is_arabic_script(word: str) -> bool:
    """Whether a word opens with a letter of the Arabic script (Arabic, Kurdish Sorani, Persian)."""
    return _ARABIC_SCRIPT.match(word) is not None


def _in_english(lead: list[str]) -> list[str]:
    """Casefolded lead words with Arabic numbers in digits ("تسعه عشر" "19", "ثلاثه وعشرون" "23") and Arabic weekdays
    by their English names, as an English report's story features have them."""
    found: list[str] = []
    position = 0
    while position < len(lead):
        word = lead[position]
        bare = word[1:] if word[:1] == "و" and len(word) > 3 else word  # "وسبعه": "and seven"
        following = lead[position + 1] if position + 1 < len(lead) else ""
        if (in_words := _arabic_number_at(lead, position, bare)) is not None:
            value, position = in_words
            found.append(str(value))
            continue
        if word in _SORANI_NUMBER_NAMES:
            value, position = _sorani_number_at(lead, position)
            found.append(str(value))
            continue
        if word in _WEEKDAY_NUMBERS and is_arabic_script(word):
            found.append(_WEEKDAYS_EN.split()[_WEEKDAY_NUMBERS[word]])
        elif digits := _LEADING_DIGITS.match(word):  # "2019ەوە" ("since 2019" in Sorani): the number alone
            number = int(digits.group())
            if following in _ARABIC_THOUSANDS:  # "460 الف" is the "460,000" an English report writes
                number, position = number * _ARABIC_THOUSANDS[following], position + 1
            found.append(str(number))
        else:
            found.append(word)
        position += 1
    return found


def _arabic_number_at(lead: list[str], position: int, bare: str) -> tuple[int, int] | None:
    """(value, position after it) of an Arabic number in words opening at lead[position] (`bare`: that word without
    its "and"): hundreds, then "and" units (with "عشر" for the teens), then "and" tens ("مئه وثمانيه واربعون" 148,
    "تسعه عشر" 19, "ثلاثه وعشرون" 23), times a thousand or a million after it, and "and" the rest ("الف وتسعمئه"
    1900, "ثلاثه الاف وخمسمئه" 3500); None when no number opens there."""
    if bare in _ARABIC_ONE_THOUSAND:
        value, end = _ARABIC_ONE_THOUSAND[bare], position + 1
    else:
        below = _below_a_thousand(lead, position, bare)
        if below is None:
            return None
        value, end = below
        if end < len(lead) and lead[end] in _ARABIC_THOUSANDS:
            value, end = value * _ARABIC_THOUSANDS[lead[end]], end + 1
        else:
            return value, end
    rest = _after_and(lead, end)
    below = _below_a_thousand(lead, end, rest) if rest else None
    if below is not None and below[1] > end:
        value, end = value + below[0], below[1]
    return value, end


def _below_a_thousand(lead: list[str], position: int, bare: str) -> tuple[int, int] | None:
    # Hundreds, then "and" units (or a teen), then "and" tens; `bare` is lead[position] without its "and".
    value, end = 0, position
    following = lead[end + 1] if end + 1 < len(lead) else ""
    if bare in _ARABIC_HUNDREDS:
        value, end = _ARABIC_HUNDREDS[bare], end + 1
    elif bare in _ARABIC_UNITS and following in _ARABIC_HUNDRED and bare not in _ARABIC_TEEN_UNITS:
        value, end = _ARABIC_UNITS[bare] * 100, end + 2  # "ثلاث مئه" 300
    # After hundreds, units and tens come with "and" ("و"); a number may also open with them.
    word = bare if end == position else _after_and(lead, end)
    if word in _ARABIC_UNITS:
        after = lead[end + 1] if end + 1 < len(lead) else ""
        if after in _ARABIC_TEN:
            value, end = value + _ARABIC_UNITS[word] + 10, end + 2
        elif word not in _ARABIC_TEEN_UNITS:
            value, end = value + _ARABIC_UNITS[word], end + 1
        word = _after_and(lead, end)
    if word in _ARABIC_TENS:
        value, end = value + _ARABIC_TENS[word], end + 1
    return None if end == position else (value, end)


def _sorani_number_at(lead: list[str], position: int) -> tuple[int, int]:
    """(value, position after it) of a Sorani number in words opening at lead[position]: each following number word
    adds to it while it fits under its zeros ("سەد پەنجا" 150, "بیست پێنج" 25; "سێ سەد" 300 multiplies), and a
    thousand or a million after it multiplies ("پێنج هەزار" 5000)."""
    value, end = _SORANI_NUMBER_NAMES[lead[position]], position + 1
    while end < len(lead) and lead[end] in _SORANI_NUMBER_NAMES:
        following = _SORANI_NUMBER_NAMES[lead[end]]
        if following == 100 and value < 10:
            value *= 100
        elif value % 10 ** len(str(following)) == 0:
            value += following
        else:
            break
        end += 1
    if end < len(lead) and lead[end] in _ARABIC_THOUSANDS:
        value, end = value * _ARABIC_THOUSANDS[lead[end]], end + 1
    return value, end


def _after_and(lead: list[str], position: int) -> str:
    # The word at `position` without the "and" that joins it to the number before; "" unless it has one.
    word = lead[position] if position < len(lead) else ""
    return word[1:] if word[:1] == "و" and len(word) > 2 else ""


def first_weekday(text: str, end: int) -> int | None:
    """The first weekday named in text[:end] (Monday = 0), in English, Russian or Arabic; None if none is."""
    match = _WEEKDAY.search(text, 0, end)
    return None if match is None else _WEEKDAY_NUMBERS[match.group().casefold()]
