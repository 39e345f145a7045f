"""Text normalisation, shingling and MinHash sketches for near-duplicate and story detection.

Everything here is pure and deterministic across processes (BLAKE2 word hashes, fixed seeds), so a
sketch computed by one consumer can be compared with one stored by another, and after a restart.
"""

import html
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from hashlib import blake2b

import numpy as np

from consumers.dedupe.text import (
    boilerplate_free_lines,
    first_weekday,
    is_cyrillic,
    is_function_word,
    is_name_of_every_story,
    is_stopword,
    latin_name,
)

# Bump when tokenisation, shingling or MinHash parameters change: band keys carry it, so sketches made
# by an older version never collide with new ones (they just stop matching until re-indexed).
# Not for what `clean` drops, how it spells a word ("nine" as "9", "U.S." as "US") or which words count as names:
# the hashes and the layout stay, so a stored sketch and a new one are still compared as sets of the same kind,
# only a little less alike where their cleaning differed; a bump would instead hide every stored article from every
# new one.
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
# One more story feature names the event's day (see event_day): "\x00day3" cannot be a word of any text. One feature,
# not several: weighing it twice or three times joined different same-day events in the generated sets.
EVENT_DAY_FEATURE = "\x00day"
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
    # Arabic-Indic and Persian digits: outlets write the same toll either way.
    **{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)},
    "\u066a": "%",
})
# fmt: on
_ARABIC_MARKS = r"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# _QUOTES, then _ARABIC, then dropping _ARABIC_MARKS, in one pass: no table maps a character to one another table
# or the marks change, so each character's replacement is the same. A regex finds the few such characters of a
# text in C; str.translate looked up every character in a dict (8x slower on news text with curly quotes).
_FOLDED = {chr(code): replacement or "" for code, replacement in {**_QUOTES, **_ARABIC}.items()}
_FOLDABLE = re.compile(f"[{re.escape(''.join(_FOLDED))}{_ARABIC_MARKS}]")
# Scripts written without spaces: every character is a token, so shingles still work.
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# The same tokens with the non-word run before each (what _TOKEN skips is exactly \W).
_GAP_AND_TOKEN = re.compile(rf"(\W*)([{_CJK}]|[^\W{_CJK}]+)")
# Each of these matches one separator between its neighbours. Written with the separator first and the left
# neighbour as a lookbehind after it (not `(?<=\d)[,.]...`): a pattern that starts with a literal or a character
# set lets the regex engine skip to candidate positions in C, 6x faster on news text, same matches.
_DIGIT_GROUPS = re.compile(r"[,.'\u202f\u00a0](?<=\d[,.'\u202f\u00a0])(?=\d{3}\b)")
_SPACED_DIGIT_GROUPS = re.compile(r"[\u202f\u00a0](?<=\d[\u202f\u00a0])(?=\d{3}\b)")
# "Nine killed" in one outlet is "9 killed" in another; tolls are what tell two events apart.
_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)
# "one" is left out: it is mostly a pronoun ("one of the wounded"); it counts after a ten ("twenty-one").
_NUMBER_WORDS = {word: str(value) for value, word in enumerate(_NUMBER_NAMES.split()) if value >= 2}
_TENS_NAMES = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS = {word: 10 * value for value, word in enumerate(_TENS_NAMES.split(), 2)}
_UNITS = {word: value for value, word in enumerate(_NUMBER_NAMES.split()[1:10], 1)}
# "nine" / "9", "twenty-three" / "23": house styles differ on where numbers turn into digits.
_TENS_DIGITS = {word: str(value) for word, value in _TENS.items()}  # kept apart: only these take a unit after them
_DIGITS_OF = {**_NUMBER_WORDS, **_TENS_DIGITS}
_NUMBER_TOKENS = frozenset(_DIGITS_OF)
# "U.S." / "US", "U.N." / "UN" (not the tail of "J.R.R." or of a word: see _undotted; a pattern that opens with a
# character set is searched 4x faster than one opening with a lookbehind).
_DOTTED_ACRONYM = re.compile(r"[A-Z]\.(?:[A-Z]\.)+")
# "30 per cent" / "30 percent" / "30%".
_PERCENT = re.compile(r"\s*%|\bper cent\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?:\n\"]")
_APOSTROPHE_IN_WORD = re.compile(r"'(?<=\w')(?=\w)")
# "Syria's", "Tarboush's": the same name as "Syria", "Tarboush" (as a story feature; a copy keeps its possessives).
_POSSESSIVE = re.compile(r"'s\b(?<=\w's)")
# Transliterated Arabic article ("al-Assad" / "Assad", "el-Sisi"): outlets keep or drop it at will.
_DROPPED_TOKENS = frozenset({"al", "el", "ar", "ad", "as", "ash", "an"})


def clean(text: str) -> str:
    """HTML entities decoded, NFKC, plain quotes and dashes, one Arabic spelling, ASCII digits, undotted acronyms,
    one spelling of percent, boilerplate lines removed; case kept."""
    if "&" in text:  # entities a scraper left in ("&#8220;", "&amp;", "&nbsp;")
        text = html.unescape(text)
    # "1\u00a0200": joined before NFKC turns the non-breaking space into a plain one (then "1 200" is two numbers).
    text = _SPACED_DIGIT_GROUPS.sub("", text)
    text = _FOLDABLE.sub(_folded, unicodedata.normalize("NFKC", text))
    text = _DOTTED_ACRONYM.sub(_undotted, text)
    if "%" in text or "per cent" in text:
        text = _PERCENT.sub(" percent", text)
    return "\n".join(boilerplate_free_lines(text))


def _folded(match: re.Match[str]) -> str:
    return _FOLDED.get(match.group(), "")  # not in the tables: an Arabic mark, dropped


def _undotted(match: re.Match[str]) -> str:
    before = match.string[match.start() - 1 : match.start()]
    if before.isalnum() or before == ".":
        return match.group()
    return match.group().replace(".", "")


def _in_digits(tokens: list[str]) -> list[str]:
    """Number words of lower-case tokens as digits; "twenty", "three" (from "twenty-three") become one "23"."""
    if _NUMBER_TOKENS.isdisjoint(tokens):  # a set test in C; most texts name few numbers in words
        return tokens
    if _TENS.keys().isdisjoint(tokens):
        return [_DIGITS_OF.get(token, token) for token in tokens]
    merged: list[str] = []
    after_tens = False
    for token in tokens:
        if after_tens and token in _UNITS:
            merged[-1] = str(int(merged[-1]) + _UNITS[token])
            after_tens = False
            continue
        after_tens = token in _TENS
        merged.append(_DIGITS_OF.get(token, token))
    return merged


def normalise(text: str) -> str:
    """Fold a text to the form both copies of a reprint share: `clean`, then casefold."""
    return clean(text).casefold()


def name_words(text: str, limit: int) -> list[str]:
    """Numbers and capitalised words not opening a sentence (names, places, days) of a `clean` text.

    Which event an article reports is mostly who, where, when and how many; the common nouns and verbs
    are shared with every other article on the same topic. Scripts without case yield only numbers.
    """
    text = _APOSTROPHE_IN_WORD.sub("", _POSSESSIVE.sub("", _DIGIT_GROUPS.sub("", text)))
    # (gap before, token) pairs from one findall; a prefix is enough unless tokens are sparse in it.
    pairs = _GAP_AND_TOKEN.findall(text[: limit * 30])
    if len(pairs) <= limit and len(text) > limit * 30:
        pairs = _GAP_AND_TOKEN.findall(text)
    found: list[str] = []
    for count, (gap, token) in enumerate(pairs[:limit]):
        word = token.casefold()
        if word in _UNITS and gap in ("-", " ") and count > 0 and pairs[count - 1][1].casefold() in _TENS:
            found[-1] = str(int(found[-1]) + _UNITS[word])  # "Twenty-three": one number
        elif word in _DIGITS_OF:
            found.append(_DIGITS_OF[word])
        elif token.isdigit():
            found.append(word)
        elif (
            token[0].isupper()
            and word not in _DROPPED_TOKENS
            and (token.isupper() or not is_function_word(word))  # "The", "We" inside a sentence; not "US"
            and not (count == 0 or _SENTENCE_BREAK.search(gap) is not None)  # opens a sentence
        ):
            # A Russian name in Latin letters, comparable with an English text's ("Латакии" ~ "Latakia").
            name = latin_name(word) if is_cyrillic(word) else word
            if name not in _DROPPED_TOKENS:  # "Аль-" is "al-"
                found.append(name)
    return found


def words(text: str, limit: int = MAX_TOKENS) -> list[str]:
    """Words of an already normalised text, numbers in digits ("nine" -> "9", "1,200" -> "1200")."""
    text = _APOSTROPHE_IN_WORD.sub("", _DIGIT_GROUPS.sub("", text))
    if len(text) < limit * 2:  # too short to hold `limit` tokens: one findall instead of a Python loop
        return _in_digits([token for token in _TOKEN.findall(text) if token not in _DROPPED_TOKENS][:limit])
    found: list[str] = []
    for match in _TOKEN.finditer(text):
        if match.group() not in _DROPPED_TOKENS:
            found.append(match.group())
            if len(found) >= limit:
                break
    return _in_digits(found)


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
    return np.fromiter(map(token_hash, tokens), dtype=np.uint64, count=len(tokens))


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


def shingle_sets(hashes: np.ndarray, lengths: np.ndarray, size: int = SHINGLE_WORDS) -> list[np.ndarray]:
    """`shingle_hashes` of several token-hash streams laid end to end (`lengths[i]` hashes each, every one at
    least `size`), with one pass of numpy for all of them."""
    count = len(hashes) - size + 1
    if count < 1:
        return [np.zeros(0, dtype=np.uint32) for _ in lengths]
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(size):
        combined = (combined ^ hashes[position : position + count]) * _POSITION_MULTIPLIERS[position]
    # Only the n-grams inside one stream: stream i has lengths[i] - size + 1 of them, from its first hash on.
    ends = np.cumsum(lengths)
    windows = np.maximum(lengths - size + 1, 0)
    owner = np.repeat(np.arange(len(lengths)), windows)
    place = np.arange(int(windows.sum())) - np.repeat(np.cumsum(windows) - windows, windows)
    starts = (ends - lengths)[owner] + place
    return distinct_per_set(_fold32(combined[starts]), owner, len(lengths))


def distinct_per_set(values: np.ndarray, owner: np.ndarray, sets: int) -> list[np.ndarray]:
    """np.unique of each set's uint32 values (set `owner[i]` holds `values[i]`; `owner` ascending), one sort for all."""
    keyed = np.sort((owner.astype(np.uint64) << np.uint64(32)) | values.astype(np.uint64))
    # Sorted, then every value unlike the one before (np.unique hashes first: 5x slower for 10k values).
    differs = np.empty(len(keyed), dtype=bool)
    differs[:1] = True
    np.not_equal(keyed[1:], keyed[:-1], out=differs[1:])
    keyed = keyed[differs]
    bounds = np.searchsorted(keyed >> np.uint64(32), np.arange(sets + 1, dtype=np.uint64))
    distinct = keyed.astype(np.uint32)
    return [distinct[bounds[i] : bounds[i + 1]] for i in range(sets)]


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
    names = [name for name in title_names + name_words(body, STORY_LEAD_TOKENS) if not is_name_of_every_story(name)]
    if not _is_cased(body[: STORY_LEAD_TOKENS * 8]):
        lead = [*words(title.casefold()), *words(body.casefold(), STORY_LEAD_TOKENS)]
        # Single characters count only in scripts written without spaces, where they are the words.
        names += [word for word in lead if (len(word) > 1 or not word.isascii()) and not is_stopword(word)
                  and not is_name_of_every_story(word)]  # fmt: skip
    day = event_day(body)
    return names if day is None else [*names, f"{EVENT_DAY_FEATURE}{day}"]


def event_day(body: str) -> int | None:
    """The day of the event a `clean` lead reports: the first weekday it names (Monday = 0), if any.

    Two outlets' reports of one event open on the same day; a follow-up names its own day before it recalls the
    earlier event's ("lifted on Sunday the curfew imposed after Thursday's raid"), and every weekday named is
    already a name feature, so without this the two leads' days look the same.
    """
    return first_weekday(body, STORY_LEAD_TOKENS * 8)


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
    """MinHash of a set of 32-bit feature hashes as little-endian uint32 values (datasketch's affine32 scheme)."""
    return minhash_matrix([hashes], num_perm)[0].astype("<u4").tobytes()


# (feature, permutation) values computed at once: 512 KB of uint32, which stays in the CPU's cache (bench: 512
# features x 256 permutations a chunk took half the CPU of 64k features x 256).
_MINHASH_CHUNK_CELLS = 1 << 17


def minhash_matrix(sets: Sequence[np.ndarray], num_perm: int) -> np.ndarray:
    """MinHash values of many sets of 32-bit hashes, one row (uint32) each, computed with numpy for all at once.

    Bit for bit datasketch's `MinHash(num_perm, seed=1, scheme="affine32")` after `update_batch` of the set with
    the identity hash: each hash is mixed with the MurmurHash3 32-bit finalizer, then each permutation is
    a * h + b modulo 2**32, and a row keeps each permutation's minimum (2**32 - 1 for an empty set).
    (tests/consumers/dedupe/test_dedupe_near.py compares with datasketch.)
    """
    a, b = _permutations(num_perm)
    result = np.full((len(sets), num_perm), 0xFFFFFFFF, dtype=np.uint32)
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    chosen, rows = list[int](), 0
    for i in np.flatnonzero(sizes).tolist():
        if chosen and (rows + sizes[i]) * num_perm > _MINHASH_CHUNK_CELLS:
            _minhash_rows(sets, chosen, sizes, a, b, result)
            chosen, rows = [], 0
        chosen.append(i)
        rows += int(sizes[i])
    if chosen:
        _minhash_rows(sets, chosen, sizes, a, b, result)
    return result


def _minhash_rows(sets: Sequence[np.ndarray], chosen: list[int], sizes: np.ndarray, a: np.ndarray, b: np.ndarray,
                  result: np.ndarray) -> None:  # fmt: skip
    hashes = _fmix32(np.concatenate([sets[i] for i in chosen]).astype(np.uint32))
    permuted = np.multiply.outer(hashes, a)
    permuted += b
    starts = np.cumsum(sizes[chosen]) - sizes[chosen]
    result[chosen] = np.minimum.reduceat(permuted, starts, axis=0)


def _fmix32(values: np.ndarray) -> np.ndarray:
    # MurmurHash3's 32-bit finalizer, as datasketch's _fmix(width=32); uint32 arithmetic wraps as it does there.
    values = values ^ (values >> np.uint32(16))
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    values ^= values >> np.uint32(16)
    return values


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    # datasketch's MinHash._init_permutations for affine32: odd multipliers a, offsets b, from RandomState(seed).
    generator = np.random.RandomState(_SEED)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_BAND_MULTIPLIER = np.uint64(0xFF51AFD7ED558CCD)


def band_keys(values: bytes, bands: int, rows: int, kind: str) -> list[int]:
    """LSH band keys as signed 64-bit integers: one hash per band of `rows` MinHash values, seeded by the
    kind and band number, so duplicate and story bands never share a key. Computed for all bands at once."""
    return band_key_matrix(np.frombuffer(values, "<u4")[None, :], bands, rows, kind)[0].tolist()  # type: ignore[no-any-return]


def band_key_matrix(values: np.ndarray, bands: int, rows: int, kind: str) -> np.ndarray:
    """`band_keys` of many MinHash rows (a matrix of uint32 values, one row per sketch): int64, one row each."""
    matrix = values[:, : bands * rows].reshape(len(values), bands, rows).astype(np.uint64)
    keys = np.broadcast_to(_band_seeds(kind, bands), (len(values), bands)).copy()
    for row in range(rows):
        keys = (keys ^ matrix[:, :, row]) * _BAND_MULTIPLIER
        keys ^= keys >> np.uint64(33)
    return keys.view(np.int64)


@lru_cache(maxsize=8)
def _band_seeds(kind: str, bands: int) -> np.ndarray:
    seeds = [blake2b(f"{kind}{SKETCH_VERSION}:{band}".encode(), digest_size=8).digest() for band in range(bands)]
    return np.frombuffer(b"".join(seeds), "<u8").astype(np.uint64)
