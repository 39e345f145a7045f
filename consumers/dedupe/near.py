"""Text normalisation, shingling and MinHash sketches for near-duplicate and story detection.

Everything here is pure and deterministic across processes (BLAKE2 word hashes, fixed seeds), so a
sketch computed by one consumer can be compared with one stored by another, and after a restart.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from hashlib import blake2b
from typing import TYPE_CHECKING

import numpy as np

from consumers.dedupe.text import boilerplate_free_lines, is_stopword

if TYPE_CHECKING:
    from datasketch import MinHash

# Bump when tokenisation, shingling or MinHash parameters change: band keys carry it, so sketches made
# by an older version never collide with new ones (they just stop matching until re-indexed).
SKETCH_VERSION = 2  # 2: word hashes combined into shingle hashes; 64-bit integer band keys

# Near-duplicates: 256 permutations on word 3-shingles, LSH with 40 bands of 2 rows (80 used for bands).
# Trimmed reprints have a low Jaccard but a high containment, so candidates must be found down to
# Jaccard ~0.3: P(candidate) = 1 - (1 - J**2)**40 is 0.977 at J=0.3 and 0.999 at J=0.4, against 0.095 at
# J=0.05, the overlap two different articles on the same topic typically reach; those extra candidates
# share one or two keys, rank below real copies (many shared keys) and fall off the candidate limit.
# Every band is a row in the store per article, so fewer bands is what makes the index fast:
# bench/dedupe_quality.py gave the same duplicate P/R and story F1 as 85x3 + 42x3 (127 rows), also after
# 20k distractors, with 60 rows. 256 permutations keep the standard error of the Jaccard estimate
# (sqrt(J(1-J)/256)) under 0.031, which the containment estimate in `containment` needs.
DUP_PERMUTATIONS = 256
DUP_BANDS, DUP_ROWS = 40, 2
SHINGLE_WORDS = 3

# Stories: the names, places, days and numbers of headline and lead (see story_features). Same-event
# articles from different outlets share these but few 3-word phrases. Their similarity is computed
# exactly from the stored features; a 126-permutation MinHash only feeds the LSH bands. 20 bands of
# 2 rows: P(candidate) = 1 - (1 - J**2)**20 is 0.93 at J=0.35 and 0.99 at J=0.45 (the story threshold),
# 0.18 at J=0.1, the overlap of two articles that merely name the same town.
STORY_PERMUTATIONS = 126
STORY_BANDS, STORY_ROWS = 20, 2
STORY_LEAD_TOKENS = 150
# Stored per article (as sorted hashes); beyond this the smallest hashes are kept (a bottom-k sample).
MAX_STORY_FEATURES = 256

# A body with fewer tokens than this has too little text to call anything a copy of it (empty bodies,
# "Developing story", a photo caption): it gets no duplicate sketch.
MIN_DUP_TOKENS = 15
MIN_STORY_FEATURES = 4
# Bodies beyond this are not news articles (5 MB dumps, scraped pages); the head decides.
MAX_TOKENS = 20_000

_SEED = 1
# fmt: off
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
# fmt: on
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# Scripts written without spaces: every character is a token, so shingles still work.
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# The same tokens with the non-word run before each (what _TOKEN skips is exactly \W).
_GAP_AND_TOKEN = re.compile(rf"(\W*)([{_CJK}]|[^\W{_CJK}]+)")
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
    # (gap before, token) pairs from one findall; a prefix is enough unless tokens are sparse in it.
    pairs = _GAP_AND_TOKEN.findall(text[: limit * 30])
    if len(pairs) <= limit and len(text) > limit * 30:
        pairs = _GAP_AND_TOKEN.findall(text)
    found: list[str] = []
    for count, (gap, token) in enumerate(pairs[:limit]):
        word = token.casefold()
        if word in _NUMBER_WORDS:
            found.append(_NUMBER_WORDS[word])
        elif token.isdigit() or (
            token[0].isupper()
            and word not in _DROPPED_TOKENS
            and not (count == 0 or _SENTENCE_BREAK.search(gap) is not None)  # opens a sentence
        ):
            found.append(word)
    return found


def words(text: str, limit: int = MAX_TOKENS) -> list[str]:
    """Words of an already normalised text, digit groups joined ("1,200" -> "1200")."""
    text = _APOSTROPHE_IN_WORD.sub("", _DIGIT_GROUPS.sub("", text))
    if len(text) < limit * 2:  # too short to hold `limit` tokens: one findall instead of a Python loop
        return [token for token in _TOKEN.findall(text) if token not in _DROPPED_TOKENS][:limit]
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


def token_hashes(tokens: Sequence[str]) -> np.ndarray:
    """64-bit hashes of the tokens' spelling keys (uint64), stable across processes."""
    return np.fromiter((token_hash(token) for token in tokens), dtype=np.uint64, count=len(tokens))


@lru_cache(maxsize=1 << 18)
def token_hash(token: str) -> int:
    """Stable 64-bit hash of a word's spelling key. Hashing each word once (cached) and combining the
    hashes of neighbours in numpy costs a fraction of hashing every 3-word shingle as a string."""
    return int.from_bytes(blake2b(spelling_key(token).encode(), digest_size=8).digest(), "little")


# Odd 64-bit constants (golden ratio, MurmurHash3, xxHash): one per position, so "a b c" != "c b a".
_POSITION_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


def shingle_hashes(hashes: np.ndarray, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 32-bit hashes of the word n-grams of a stream of token hashes (the shingle set)."""
    count = len(hashes) - size + 1
    if count < 1:
        count, size = (1, len(hashes)) if len(hashes) else (0, 0)
    if count == 0:
        return np.zeros(0, dtype=np.uint32)
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(size):
        combined = (combined ^ hashes[position : position + count]) * _POSITION_MULTIPLIERS[position]
    return np.unique(_fold32(combined))


def feature_hashes(features: Iterable[str]) -> np.ndarray:
    """Distinct 32-bit hashes of a set of words (story features)."""
    return np.unique(_fold32(token_hashes(list(features))))


def _fold32(values: np.ndarray) -> np.ndarray:
    return ((values >> np.uint64(32)) ^ values).astype(np.uint32)


def story_features(title: str, body: str) -> list[str]:
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
    return names


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


def minhash_values(hashes: np.ndarray, num_perm: int) -> bytes:
    """MinHash of a set of 32-bit feature hashes as little-endian uint32 values (datasketch, affine32)."""
    sketch = _minhash_class()(num_perm=num_perm, seed=_SEED, scheme="affine32", permutations=_permutations(num_perm),
                     hashfunc=_already_hashed)  # fmt: skip
    sketch.update_batch(hashes)
    return sketch.hashvalues.astype("<u4").tobytes()


def _already_hashed(value: int) -> int:
    return value


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> object:
    # Building the random permutations costs as much as hashing a whole article; they depend only on
    # (num_perm, seed), so build them once.
    return _minhash_class()(num_perm=num_perm, seed=_SEED, scheme="affine32").permutations


@lru_cache(maxsize=1)
def _minhash_class() -> "type[MinHash]":
    # datasketch imports its LSH module and with it scipy.integrate (~0.65 s): imported when the first article
    # is sketched (in the stage's worker thread), not when the dedupe stage or `newsmon cluster` starts.
    from datasketch import MinHash

    return MinHash


_BAND_MULTIPLIER = np.uint64(0xFF51AFD7ED558CCD)


def band_keys(values: bytes, bands: int, rows: int, kind: str) -> list[int]:
    """LSH band keys as signed 64-bit integers: one hash per band of `rows` MinHash values, seeded by the
    kind and band number, so duplicate and story bands never share a key. Computed for all bands at once."""
    matrix = np.frombuffer(values, "<u4")[: bands * rows].reshape(bands, rows).astype(np.uint64)
    keys = _band_seeds(kind, bands).copy()
    for row in range(rows):
        keys = (keys ^ matrix[:, row]) * _BAND_MULTIPLIER
        keys ^= keys >> np.uint64(33)
    return keys.view(np.int64).tolist()  # type: ignore[no-any-return]


@lru_cache(maxsize=8)
def _band_seeds(kind: str, bands: int) -> np.ndarray:
    seeds = [blake2b(f"{kind}{SKETCH_VERSION}:{band}".encode(), digest_size=8).digest() for band in range(bands)]
    return np.frombuffer(b"".join(seeds), "<u8").astype(np.uint64)
