"""Is an item about Syria? Keyword rules in English, Russian, Arabic and Kurdish, extendable from config."""

import re
from collections.abc import Iterable

# Stems match inflected forms (Сирии, Syrian, السورية); Latin/Cyrillic stems are anchored at a word start.
DEFAULT_TERMS: tuple[str, ...] = (
    # English: the country, cities and regions, actors
    "syria", "damascus", "aleppo", "idlib", "homs", "hama", "latakia", "tartus", "deir ez-zor", "deir ezzor",
    "deir al-zor", "raqqa", "qamishli", "hasakah", "hasaka", "kobani", "kobane", "al-tanf", "tanf", "daraa",
    "afrin", "manbij", "suwayda", "sweida", "palmyra", "golan", "rojava", "hmeimim", "khmeimim", "jazira",
    "assad", "sharaa", "jolani", "julani", "hts", "hayat tahrir", "sdf", "syrian democratic forces", "ypg",
    "white helmets", "sohr", "sana",
    # Russian
    "сири", "дамаск", "алеппо", "идлиб", "хомс", "хама", "латаки", "тартус", "дейр-эз-зор", "ракк", "камышл",
    "хасак", "кобани", "эт-танф", "ат-танф", "хмеймим", "асад", "пальмир",
    # Arabic
    "سوريا", "سورية", "السوري", "دمشق", "حلب", "إدلب", "ادلب", "حمص", "حماة", "اللاذقية", "طرطوس", "دير الزور",
    "الرقة", "القامشلي", "الحسكة", "كوباني", "عين العرب", "التنف", "درعا", "عفرين", "منبج", "الأسد", "قسد",
    # Kurdish (Sorani in Arabic script, Kurmanji in Latin script)
    "سووریا", "سوریا", "ڕۆژاوا", "قامیشلۆ", "کۆبانی", "عەفرین", "دیمەشق", "sûriye", "suriye", "qamişlo",
    "kobanî", "efrîn", "şam",
)  # fmt: skip


class RelevanceFilter:
    """Matches any configured term in title or text, case-insensitively."""

    def __init__(self, terms: Iterable[str] = DEFAULT_TERMS) -> None:
        latin_cyrillic: list[str] = []
        other: list[str] = []
        for term in {t.casefold() for t in terms if t.strip()}:
            (latin_cyrillic if re.match(r"[\w\-]", term, re.ASCII) or _is_cyrillic(term) else other).append(term)
        # Word-start anchors stop "hama" matching "Bahamas"; Arabic-script terms carry prefixes (ال, و, ب)
        # that \b would reject, so they match anywhere. One anchor before the whole alternation (not one per
        # term) lets the regex engine leave a mid-word position after one test instead of one per term.
        words = "|".join(re.escape(t) for t in sorted(latin_cyrillic, key=len, reverse=True))
        self._words = re.compile(rf"(?<!\w)(?:{words})" if words else r"(?!)", re.IGNORECASE)
        self._anywhere = re.compile("|".join(re.escape(t) for t in sorted(other, key=len, reverse=True)) or r"(?!)",
                                    re.IGNORECASE)  # fmt: skip
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


def _has_ascii_variant(char: str) -> bool:
    return any(variant.isascii() for variant in (char, char.lower(), char.upper(), char.casefold()))


def _is_cyrillic(term: str) -> bool:
    return bool(re.match(r"[\u0400-\u04FF]", term))
