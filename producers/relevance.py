"""Is an item about Syria? Keyword rules in English, Russian, Arabic and Kurdish, extendable from config."""

import re
import unicodedata
from collections.abc import Iterable

# A term is a stem: "syria" matches Syria, Syrian and Syria's. A term in double quotes is a word: '"hama"' matches
# Hama and Hama's (an apostrophe and a suffix, as in English possessives and Turkish cases: Şam'da) but not Hamas.
# Latin and Cyrillic terms are anchored at a word start; Arabic-script terms match anywhere, since the script
# writes prefixes (ال, و, ب) into the word, and are stems whether quoted or not.
# Short names that start other common words are words here: Hama/Hamas, SANA/Sanaa (Yemen), Golan/Golani (an
# Israeli brigade), Şam/şampiyon, Хама/ХАМАС, Асад/Асадов (a Russian surname), and Russian "Сирия" is spelled out,
# case by case, because the stem "сири" starts "Сириус", the Sochi education centre TASS reports on weekly.
DEFAULT_TERMS: tuple[str, ...] = (
    # English: the country, cities and regions, actors
    "syria", "damascus", "aleppo", "idlib", '"homs"', '"hama"', "latakia", "tartus", "deir ez-zor", "deir ezzor",
    "deir al-zor", "deir al-zour", "deir ez-zour", "deir el-zor", "raqqa", "qamishli", "hasakah", "hasaka", "kobani",
    "kobane", "al-tanf", '"tanf"', "daraa", "afrin", "manbij", "suwayda", "sweida", "palmyra", '"golan"', "rojava",
    "hmeimim", "khmeimim", '"jazira"', "assad", "sharaa", "jolani", "julani", '"hts"', "hayat tahrir", '"sdf"',
    "syrian democratic forces", '"ypg"', "white helmets", '"sohr"', '"sana"',
    # Russian
    "сирия", "сирии", "сирию", "сирией", "сирийск", "сирийц", "сириец", "сирийк", "дамаск", "алеппо", "идлиб",
    '"хомс"', '"хомса"', '"хомсе"', '"хама"', '"хамы"', '"хаме"', '"хаму"', '"хамой"', "латаки", "тартус",
    "дейр-эз-зор", "ракк", "камышл", "хасак", "кобани", "эт-танф", "ат-танф", "хмеймим", '"асад"', '"асада"',
    '"асаду"', '"асадом"', '"асаде"', "пальмир",
    # Arabic
    "سوريا", "سورية", "السوري", "دمشق", "حلب", "إدلب", "ادلب", "حمص", "حماة", "اللاذقية", "طرطوس", "دير الزور",
    "الرقة", "القامشلي", "الحسكة", "كوباني", "عين العرب", "التنف", "درعا", "عفرين", "منبج", "الأسد", "قسد",
    # Kurdish (Sorani in Arabic script, Kurmanji in Latin script) and Turkish spellings
    "سووریا", "سوریا", "ڕۆژاوا", "قامیشلۆ", "کۆبانی", "عەفرین", "دیمەشق", "sûriye", "sûriyê", "suriye", "qamişlo",
    "kobanî", "efrîn", '"şam"',
)  # fmt: skip


class RelevanceFilter:
    """Matches any configured term in title or text, case-insensitively (term syntax: DEFAULT_TERMS)."""

    def __init__(self, terms: Iterable[str] = DEFAULT_TERMS) -> None:
        stems: list[str] = []
        words: list[str] = []
        other: list[str] = []
        for raw in {t.strip().casefold() for t in terms if t.strip(' "')}:
            is_word = len(raw) > 2 and raw[0] == raw[-1] == '"'
            term = raw[1:-1].strip() if is_word else raw
            if not _is_latin_or_cyrillic(term):
                other.append(term)
            else:
                (words if is_word else stems).append(term)
        # Word-start anchors stop "aleppo" matching inside another word; Arabic-script terms match anywhere. One
        # anchor before each whole alternation (not one per term) lets the regex engine leave a mid-word position
        # after one test instead of one per term.
        self._words = re.compile(rf"(?<!\w)(?:(?:{_alternation(stems)})|(?:{_alternation(words)})(?:['’]\w+)?(?!\w))",
                                 re.IGNORECASE)  # fmt: skip
        self._anywhere = re.compile(_alternation(other), re.IGNORECASE)
        # A term with a letter that has no ASCII case variant cannot occur in ASCII text: skip that scan there.
        self._is_anywhere_ascii_free = all(any(not _has_ascii_variant(c) for c in t) for t in other)

    def matches(self, *texts: str) -> bool:
        for text in texts:
            if not text:
                continue
            folded = text.casefold()
            if self._words.search(folded):
                return True
            if not (self._is_anywhere_ascii_free and folded.isascii()) and self._anywhere.search(folded):
                return True
        return False


def _alternation(terms: list[str]) -> str:
    """Longest first, so a term is not cut short by another it starts with; a pattern that never matches if none."""
    return "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)) or r"(?!)"


def _has_ascii_variant(char: str) -> bool:
    return any(variant.isascii() for variant in (char, char.lower(), char.upper(), char.casefold()))


def _is_latin_or_cyrillic(term: str) -> bool:
    """By its first letter: 'şam' is Latin (a word-start anchor applies), 'دمشق' is not."""
    letter = next((c for c in term if c.isalpha()), "")
    return not letter or unicodedata.name(letter, "").startswith(("LATIN", "CYRILLIC"))
