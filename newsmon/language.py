"""Item language from its script and letters: enough to tell the four languages newsmon reads
(English, Russian, Arabic, Kurdish) apart, and to catch a feed whose declared language is wrong. The poller runs it
on title + summary, the full-text stage again on title + page text."""

import re

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
ASCII_LETTER = re.compile(r"[A-Za-z]")
OTHER_LETTER = re.compile(r"[\u00C0-\u024F\u0400-\u04FF\u0600-\u06FF]")  # every class below but ASCII
# Letters Sorani Kurdish writes and Arabic does not (ڕ ڵ ۆ ێ ە ھ).
SORANI = re.compile(r"[\u0695\u06B5\u06C6\u06CE\u06D5\u06BE]")
# Kurmanji's circumflexed vowels and cedilla letters, rare in English text.
KURMANJI = re.compile(r"[êîûşçÊÎÛŞÇ]")
CYRILLIC_LANGUAGES = {"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky"}
ARABIC_SCRIPT_LANGUAGES = {"ar", "fa", "ku", "ur", "ps"}


def detect_language(text: str, declared: str | None) -> str:
    """ISO 639-1 code: the declared language unless the text's script contradicts it."""
    sample = text[:2000]
    if not OTHER_LETTER.search(sample):  # most items: no Cyrillic, Arabic or non-ASCII Latin letters to count
        declared = (declared or "").lower() or None
        if not ASCII_LETTER.search(sample):
            return declared or "und"
        return declared if declared and declared not in CYRILLIC_LANGUAGES | ARABIC_SCRIPT_LANGUAGES else "en"
    counts = {"cyrillic": len(CYRILLIC.findall(sample)), "arabic": len(ARABIC_SCRIPT.findall(sample)),
              "latin": len(LATIN.findall(sample))}  # fmt: skip
    script = max(counts, key=counts.__getitem__)
    declared = (declared or "").lower() or None
    if counts[script] == 0:
        return declared or "und"
    if script == "cyrillic":
        return declared if declared in CYRILLIC_LANGUAGES else "ru"
    if script == "arabic":
        if SORANI.search(sample):
            return "ku"
        return declared if declared in ARABIC_SCRIPT_LANGUAGES else "ar"
    if declared and declared not in CYRILLIC_LANGUAGES | ARABIC_SCRIPT_LANGUAGES:
        return declared
    return "ku" if len(KURMANJI.findall(sample)) * 50 >= counts["latin"] else "en"
