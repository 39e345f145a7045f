"""Text normalisation, shingling and MinHash sketches for near-duplicate and story detection.

Everything here is pure and deterministic across processes (SHA-1 based hashing, fixed seeds), so a
sketch computed by one consumer can be compared with one stored by another, and after a restart.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from hashlib import blake2b

from datasketch import MinHash

from consumers.dedupe.text import boilerplate_free_lines, is_stopword

# Bump when tokenisation, shingling or MinHash parameters change: band keys carry it, so sketches made
# by an older version never collide with new ones (they just stop matching until re-indexed).
SKETCH_VERSION = 1

# Near-duplicates: 256 permutations on word 3-shingles, LSH with 85 bands of 3 rows (255 used).
# Trimmed reprints have a low Jaccard but a high containment, so candidates must be found down to
# Jaccard ~0.3: P(candidate) = 1 - (1 - J**3)**85 is 0.90 at J=0.3, 0.996 at J=0.4, and only ~0.01 at
# J=0.05, the overlap two different articles on the same topic typically reach. 256 permutations keep
# the standard error of the Jaccard estimate (sqrt(J(1-J)/256)) under 0.031, which the containment
# estimate in `containment` needs.
DUP_PERMUTATIONS = 256
DUP_BANDS, DUP_ROWS = 85, 3
SHINGLE_WORDS = 3

# Stories: 126 permutations on the names, places, days and numbers of headline and lead (see
# story_features). Same-event articles from different outlets share these but few 3-word phrases.
# 42 bands of 3 rows: P(candidate) = 1 - (1 - J**3)**42 is 0.84 at J=0.35 and 0.98 at J=0.45 (the story
# threshold), but only 0.04 at J=0.1, the overlap of two articles that merely name the same town: a
# Syria monitor has thousands of those, and each candidate costs a comparison.
STORY_PERMUTATIONS = 126
STORY_BANDS, STORY_ROWS = 42, 3
STORY_LEAD_TOKENS = 150

# A body with fewer tokens than this has too little text to call anything a copy of it (empty bodies,
# "Developing story", a photo caption): it gets no duplicate sketch.
MIN_DUP_TOKENS = 15
MIN_STORY_FEATURES = 4
# Bodies beyond this are not news articles (5 MB dumps, scraped pages); the head decides.
MAX_TOKENS = 20_000

_SEED = 1
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2039": '"', "\u203a": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
})
# Arabic: drop harakat and tatweel, unify alef/yeh/teh marbuta spellings that outlets vary freely.
_ARABIC = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647", "\u0640": None, "\u0451": "\u0435",
})
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# Scripts written without spaces: every character is a token, so shingles still work.
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_DIGIT_GROUPS = re.compile(r"(?<=\d)[,.'\u202f\u00a0](?=\d{3}\b)")
# "Nine killed" in one outlet is "9 killed" in another; tolls are what tell two events apart.
_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
# "one" is left out: it is mostly a pronoun ("one of the wounded").
_NUMBER_WORDS = {word: str(value) for value, word in enumerate(_NUMBER_NAMES.split()) if value >= 2}
_SENTENCE_BREAK = re.compile(r"[.!?:\n\"]")
_APOSTROPHE_IN_WORD = re.compile(r"(?<=\w)'(?=\w)")
# Transliterated Arabic article ("al-Assad" / "Assad", "el-Sisi"): outlets keep or drop it at will.
_DROPPED_TOKENS = frozenset({"al", "el", "ar", "ad", "as", "ash", "an"})


def clean(text: str) -> str:
    """NFKC, plain quotes and dashes, one Arabic spelling, boilerplate lines removed; case kept."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _ARABIC_MARKS.sub("", text.translate(_ARABIC))
    return "\n".join(boilerplate_free_lines(text))


def normalise(text: str) -> str:
    """Fold a text to the form both copies of a reprint share: `clean`, then casefold."""
    return clean(text).casefold()


def name_words(text: str, limit: int) -> list[str]:
    """Numbers and capitalised words not opening a sentence (names, places, days) of a `clean` text.

    Which event an article reports is mostly who, where, when and how many; the common nouns and verbs
    are shared with every other article on the same topic. Scripts without case yield only numbers.
    """
    text = _APOSTROPHE_IN_WORD.sub("", _DIGIT_GROUPS.sub("", text))
    found: list[str] = []
    previous_end = 0
    for count, match in enumerate(_TOKEN.finditer(text)):
        if count >= limit:
            break
        token, gap = match.group(), text[previous_end : match.start()]
        previous_end = match.end()
        opens_sentence = count == 0 or _SENTENCE_BREAK.search(gap) is not None
        word = token.casefold()
        if word in _NUMBER_WORDS:
            found.append(_NUMBER_WORDS[word])
        elif token.isdigit() or (token[0].isupper() and not opens_sentence and word not in _DROPPED_TOKENS):
            found.append(word)
    return found


def words(text: str, limit: int = MAX_TOKENS) -> list[str]:
    """Words of an already normalised text, digit groups joined ("1,200" -> "1200")."""
    text = _APOSTROPHE_IN_WORD.sub("", _DIGIT_GROUPS.sub("", text))
    found: list[str] = []
    for match in _TOKEN.finditer(text):
        if match.group() not in _DROPPED_TOKENS:
            found.append(match.group())
            if len(found) >= limit:
                break
    return found


@lru_cache(maxsize=1 << 17)
def spelling_key(token: str) -> str:
    """Collapse spelling variants of a Latin-script word: Daraa/Deraa, Idlib/Idleb, colour/color."""
    if not token.isascii() or not token.isalpha() or len(token) < 3:
        return _strip_latin_accents(token)
    token = token.replace("ph", "f").translate(_CONSONANT_CLASSES)
    # Keep the first letter (vowel-initial words stay distinct), drop later vowels and 'h', then
    # collapse doubled letters: transliterations and British/American spellings mostly differ there.
    skeleton = token[0] + re.sub(r"[aeiouyhw]", "", token[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)


_CONSONANT_CLASSES = str.maketrans({"z": "s", "q": "k", "c": "k", "j": "g"})


def _strip_latin_accents(token: str) -> str:
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFKD", token)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return spelling_key(stripped) if stripped.isascii() and stripped.isalpha() else token


def shingles(keys: Sequence[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """Distinct word n-grams of a token stream, as bytes ready for hashing."""
    if len(keys) < size:
        return {" ".join(keys).encode()} if keys else set()
    return {" ".join(keys[i : i + size]).encode() for i in range(len(keys) - size + 1)}


def story_features(title: str, body: str) -> set[bytes]:
    """What identifies the event: names, places, days and numbers of headline and lead (`clean` texts).

    Title-case headlines capitalise every word, so only their numbers count. Texts in scripts without
    case (Arabic, CJK) or without capitals use the lead's content words instead.
    """
    title_words = words(title)
    title_names = name_words(title, STORY_LEAD_TOKENS)
    if len(title_names) * 2 > len(title_words):
        title_names = [word for word in title_names if word.isdigit()]
    names = title_names + name_words(body, STORY_LEAD_TOKENS)
    if not _is_cased(body[: STORY_LEAD_TOKENS * 8]):
        lead = [*words(title.casefold()), *words(body.casefold(), STORY_LEAD_TOKENS)]
        # Single characters count only in scripts written without spaces, where they are the words.
        names += [word for word in lead if (len(word) > 1 or not word.isascii()) and not is_stopword(word)]
    return {spelling_key(word).encode() for word in names}


def _is_cased(text: str) -> bool:
    # Decided by script, not by how many names turned up: a trimmed copy with few names must still be
    # compared with its original on the same kind of features.
    letters = [ch for ch in text if ch.isalpha()]
    cased = sum(1 for ch in letters if ch.isupper() or ch.islower())
    return bool(letters) and cased * 2 >= len(letters) and any(ch.isupper() for ch in letters)


def minhash_values(features: Iterable[bytes], num_perm: int) -> bytes:
    """MinHash of a feature set as little-endian uint32 values (datasketch's 32-bit affine scheme)."""
    sketch = MinHash(num_perm=num_perm, seed=_SEED, scheme="affine32", permutations=_permutations(num_perm))
    sketch.update_batch(list(features))
    return sketch.hashvalues.astype("<u4").tobytes()


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> object:
    # Building the random permutations costs as much as hashing a whole article; they depend only on
    # (num_perm, seed), so build them once.
    return MinHash(num_perm=num_perm, seed=_SEED, scheme="affine32").permutations


def band_keys(values: bytes, bands: int, rows: int, kind: str) -> list[str]:
    """LSH band keys: one short hash per band, so the index is a plain (band_key, doc_id) table."""
    width = rows * 4
    keys = []
    for band in range(bands):
        chunk = values[band * width : (band + 1) * width]
        digest = blake2b(chunk, digest_size=8, person=f"{kind}{SKETCH_VERSION}:{band}".encode()).hexdigest()
        keys.append(f"{kind}{digest}")
    return keys
