"""Alert rules: compiled once, matched against article and claim text, outlet and speaker (pure).

Rules and texts are compared folded (`fold`): accents and other marks dropped, case folded, Arabic letter forms
and the many dashes and apostrophes made one, so a rule for 'Erdogan' sees 'Erdoğan' and one for 'الأسد' sees
'الاسد'. A keyword still matches whole words only, with the endings its language writes onto a name: a Russian
word may take a case ending (up to three letters, its last vowel or й replaced: 'Сергеем Лавровым' for 'Сергей
Лавров'), an Arabic one the conjunctions and prepositions written onto it ('والأسد', 'بحلب', 'للأسد')."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from newsmon.config import AlertRule

_FOLDED: dict[str, str] = (
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
     "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ـ": "",  # alef maksura, Persian yeh and kaf, ta marbuta, tatweel
     **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63", "-"),
     **dict.fromkeys("\u2018\u2019\u02bc\u02be\u02bf`", "'")}
)  # fmt: skip
_VARIANTS = re.compile("[" + re.escape("".join(_FOLDED)) + "]")  # str.translate took 2 ms an article
_MARKS = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))) + "]"
)
_SEPARATOR = r"[\s\-]+"  # between a keyword's words: 'Deir ez-Zor' is also 'Deir ez Zor'
_CYRILLIC_WORD = re.compile(r"[а-я]+")  # folded: ё is е
_CYRILLIC_ENDING = "[а-я]{0,3}"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARABIC_CLITICS = "[وف]?[بلك]?"  # and, so; with, for, like: written as one word with what follows
_ARABIC_CLITICS_BEFORE_AL = "(?:[وف]?[بك]?ال|[وف]?لل)"  # li- + al- is written lil-


@lru_cache(maxsize=256)  # every rule folds the same article text: folded once (a str caches its own hash)
def fold(text: str) -> str:
    """The text as rules compare it: marks dropped (NFKD), case folded, letter variants and dashes made one."""
    folded = text.lower() if text.isascii() else _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return _VARIANTS.sub(lambda match: _FOLDED[match.group()], folded)


def _word_pattern(word: str, is_first: bool) -> str:
    if _CYRILLIC_WORD.fullmatch(word) and len(word) >= 4:
        stem = word[:-1] if word[-1] in "аяоеыиуюйь" else word
        return re.escape(stem) + _CYRILLIC_ENDING
    if is_first and _ARABIC.match(word):
        if word.startswith("ال") and len(word) > 3:
            return _ARABIC_CLITICS_BEFORE_AL + re.escape(word[2:])
        return _ARABIC_CLITICS + re.escape(word)
    return re.escape(word)


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Matches the folded keyword as whole words in folded text."""
    folded = fold(keyword).strip()
    if not folded:  # marks only (a lone accent, tatweel): the empty pattern would match nearly everywhere
        return re.compile(r"(?!)")
    words = [word for word in re.split(_SEPARATOR, folded) if word] or [folded]
    body = _SEPARATOR.join(_word_pattern(word, n == 0) for n, word in enumerate(words))
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


@dataclass(frozen=True, slots=True)
class CompiledRule:
    name: str
    on_articles: bool
    on_claims: bool
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    speakers: tuple[str, ...] = ()  # folded
    outlets: tuple[str, ...] = ()  # folded

    def matched_terms(self, *texts: str) -> list[str]:
        """The rule's keywords that occur as whole words (any case, any accents) in any of the texts."""
        folded = [fold(t) for t in texts if t]
        return [keyword for keyword, pattern in self.patterns if any(pattern.search(t) for t in folded)]

    def raised_by(self, outlet: str, speaker: tuple[str, ...] | None, *texts: str) -> list[str] | None:
        """The matched keywords when a subject from `outlet` (a claim: by `speaker`, its names and organisation)
        with these texts raises the rule's alert (empty for a rule without keywords), else None."""
        if self.outlets and not any(part in fold(outlet) for part in self.outlets):
            return None
        if self.speakers and (speaker is None or not any(part in fold(name) for part in self.speakers
                                                         for name in speaker)):  # fmt: skip
            return None
        terms = self.matched_terms(*texts)
        return terms if terms or not self.patterns else None


def compile_rule(rule: AlertRule) -> CompiledRule:
    patterns = tuple((keyword, keyword_pattern(keyword)) for keyword in rule.keywords if keyword.strip())
    return CompiledRule(rule.name, "articles" in rule.match and not rule.speakers, "claims" in rule.match, patterns,
                        tuple(fold(part.strip()) for part in rule.speakers),
                        tuple(fold(part.strip()) for part in rule.outlets))  # fmt: skip
