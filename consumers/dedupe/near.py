"""Shingling, MinHash sketches and LSH band keys for near-duplicate and story detection.

Everything here is pure and deterministic across processes (BLAKE2 word hashes, fixed seeds), so a
sketch computed by one consumer can be compared with one stored by another, and after a restart.
"""

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from hashlib import blake2b

import numpy as np

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

# Stories: the names, places, days and numbers of headline and lead (see story.story_features). Same-event
# articles from different outlets share these but few 3-word phrases. Their similarity is computed
# exactly from the stored features; a 126-permutation MinHash only feeds the LSH bands. 20 bands of
# 2 rows: P(candidate) = 1 - (1 - J**2)**20 is 0.93 at J=0.35 and 0.99 at J=0.45 (the story threshold),
# 0.18 at J=0.1, the overlap of two articles that merely name the same town.
STORY_PERMUTATIONS = 126
STORY_BANDS, STORY_ROWS = 20, 2
# Stored per article (as sorted hashes); beyond this the smallest hashes are kept (a bottom-k sample).
MAX_STORY_FEATURES = 256

# A body with fewer tokens than this has too little text to call anything a copy of it (empty bodies,
# "Developing story", a photo caption): it gets no duplicate sketch.
MIN_DUP_TOKENS = 15
MIN_STORY_FEATURES = 4


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
    return np.unique(fold32(combined))


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
    return distinct_per_set(fold32(combined[starts]), owner, len(lengths))


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


def fold32(values: np.ndarray) -> np.ndarray:
    """32-bit hashes of 64-bit ones (uint64 in, uint32 out): the high half XOR the low half."""
    return ((values >> np.uint64(32)) ^ values).astype(np.uint32)


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
    # One row per permutation, so each set's values of a permutation are contiguous and reduceat takes each minimum
    # in one pass over them (twice as fast as a row per hash, which reduces row after row).
    permuted = np.multiply.outer(a, hashes)
    permuted += b[:, None]
    starts = np.cumsum(sizes[chosen]) - sizes[chosen]
    result[chosen] = np.minimum.reduceat(permuted, starts, axis=1).T


def _fmix32(values: np.ndarray) -> np.ndarray:
    # MurmurHash3's 32-bit finalizer, as datasketch's _fmix(width=32); uint32 arithmetic wraps as it does there.
    values = values ^ (values >> np.uint32(16))
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    values ^= values >> np.uint32(16)
    return values


_SEED = 1


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
