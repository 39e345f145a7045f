"""An article's dedupe sketch: what the index stores per article, and the similarities between two."""

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from hashlib import blake2b

import numpy as np

from consumers.dedupe.boilerplate import dateline_day
from consumers.dedupe.gazetteer import gazetteer_key, gazetteer_keys
from consumers.dedupe.near import (
    DUP_BANDS,
    DUP_PERMUTATIONS,
    DUP_ROWS,
    MAX_STORY_FEATURES,
    MIN_DUP_TOKENS,
    MIN_STORY_FEATURES,
    SKETCH_VERSION,
    STORY_BANDS,
    STORY_PERMUTATIONS,
    STORY_ROWS,
    band_key_matrix,
    band_keys,
    distinct_per_set,
    fold32,
    minhash_matrix,
    minhash_values,
    shingle_sets,
    token_hashes,
)
from consumers.dedupe.story import (
    EVENT_DAY_FEATURE,
    expressible_features,
    is_name_of_every_story,
    is_stopword,
    story_features,
)
from consumers.dedupe.text import clean, is_overview_headline, is_update_headline, strip_update_mark, words

# version, duplicate shingle count, story feature count, then the body's MinHash values (absent when too
# short), the story features' sorted 32-bit hashes (absent when too few), then a tail: the filing day of the year
# (NO_DATE when unknown) and how many headline words follow, and their sorted 32-bit hashes. A sketch stored before
# the tail existed has none: no filing day, no headline words.
_HEADER = struct.Struct("<BII")
_TAIL = struct.Struct("<HB")
NO_DATE = 0xFFFF
MAX_TITLE_WORDS = 32
# A headline of at least this many content words is also an index key of its own (`headline_keys`; its numbers count
# there, not in decide.py's check): a feed item carries its page's headline word for word above one to three
# sentences that may not be in the page at all (an editor's standfirst), so neither body shingles nor story features
# find the page (decide.py, DUP_MAX_FEED_SHINGLES).
MIN_HEADLINE_KEY_WORDS = 5
DUP_KIND, STORY_KIND, HEADLINE_KIND, HEADLINE_NAME_KIND = "d", "s", "h", "p"
# A headline's gazetteer places and actors are index keys of their own (`headline_name_keys`), at most this many: a
# one-line post (a "BREAKING" line, a Telegram post) has too few story features for a story sketch, so no story band
# finds it or finds for it the reports of its event, whose headlines name the same town (story_link.py, short posts).
MAX_HEADLINE_NAME_KEYS = 3


@dataclass(frozen=True)
class Sketch:
    """Compact, storable summary of one article (a few hundred bytes to 1.5 KB as `to_bytes`)."""

    shingle_count: int = 0
    dup_values: bytes = b""
    story_count: int = 0
    # The story features themselves (sorted uint32 hashes), not a MinHash: a headline and lead have a few
    # dozen, so storing them costs less than 126 MinHash values and their Jaccard is exact, not estimated
    # (an estimate's noise of +-0.045 flipped same-topic different-event pairs across the story threshold).
    story_values: bytes = b""
    band_keys: list[int] = field(default_factory=list, compare=False)  # signed 64-bit LSH keys
    event_date: int | None = None  # the day of the year its dateline gives (boilerplate.dateline_day), if any
    # Whether its headline marks it a new version of a story sent before (text.is_update_headline). Only the article
    # being decided needs it, so it is not stored.
    is_update: bool = field(default=False, compare=False)
    # The headline's content words and numbers (sorted 32-bit hashes of their spelling keys): which article a marked
    # new version is a version of, and whether two items carry one headline (decide.py). Sketches stored before
    # 2026-11-24 18:00 UTC have no numbers here, so their headlines with numbers equal no new one.
    title_values: bytes = b""
    # How many of those are words, not numbers: a headline this long is the article's own (decide.py's feed items).
    # Not stored (only the article being decided needs it); a headline's numbers tell two events apart, so they are
    # among `title_values` but make no headline long.
    headline_words: int = field(default=0, compare=False)

    @property
    def has_dup(self) -> bool:
        return bool(self.dup_values)

    @property
    def has_story(self) -> bool:
        return bool(self.story_values)

    def to_bytes(self) -> bytes:
        """Serialised form for the store's sketch column."""
        header = _HEADER.pack(SKETCH_VERSION, self.shingle_count, self.story_count)
        if self.event_date is None and not self.title_values:
            return header + self.dup_values + self.story_values
        date = NO_DATE if self.event_date is None else self.event_date
        tail = _TAIL.pack(date, len(self.title_values) // 4) + self.title_values
        return header + self.dup_values + self.story_values + tail


def sketch_from_bytes(data: bytes) -> Sketch:
    """Inverse of `Sketch.to_bytes`; sketches from another SKETCH_VERSION come back empty."""
    if len(data) < _HEADER.size:
        return Sketch()
    version, shingle_count, story_count = _HEADER.unpack_from(data)
    if version != SKETCH_VERSION:
        return Sketch()
    body = data[_HEADER.size :]
    dup_len = DUP_PERMUTATIONS * 4 if shingle_count else 0
    story_len = story_count * 4
    tail = body[dup_len + story_len :]
    if not tail:
        return Sketch(shingle_count, body[:dup_len], story_count, body[dup_len:])
    if len(tail) < _TAIL.size:
        return Sketch()
    date, title_count = _TAIL.unpack_from(tail)
    if len(tail) != _TAIL.size + 4 * title_count:
        return Sketch()
    return Sketch(shingle_count, body[:dup_len], story_count, body[dup_len : dup_len + story_len],
                  event_date=None if date == NO_DATE else date, title_values=tail[_TAIL.size :])  # fmt: skip


def sketch_article(title: str, body: str) -> Sketch:
    """Sketch of an article: duplicates are judged on the body, stories on headline and lead."""
    return sketch_articles([(title, body)])[0]


def sketch_articles(articles: Sequence[tuple[str, str]]) -> list[Sketch]:
    """`sketch_article` of many (title, body) pairs: the text work per article, then the hashing, shingling and
    MinHash of all of them at once in numpy (a batch of 200 feed items costs a third of sketching each alone)."""
    body_words, features, title_words = list[list[str]](), list[list[str]](), list[list[str]]()
    updates = [is_update_headline(title) for title, _ in articles]
    for title, body in articles:
        clean_body, clean_title = clean(body), clean(title)
        body_words.append(words(clean_body.casefold()))
        # A round-up or an analysis piece has no story features: it joins no event's story, and none joins its own.
        features.append([] if is_overview_headline(title) else story_features(clean_title, clean_body))
        title_words.append(_headline_words(title))
    title_counts = np.fromiter(map(len, title_words), dtype=np.int64, count=len(title_words))
    word_counts = [len({word for word in words_ if not word.isdigit()}) for words_ in title_words]
    titles = [hashes.astype("<u4").tobytes() for hashes in distinct_per_set(
        fold32(token_hashes([word for words_ in title_words for word in words_])),
        np.repeat(np.arange(len(title_words)), title_counts), len(title_words))]  # fmt: skip
    # Story: the distinct feature hashes, the smallest MAX_STORY_FEATURES kept; sketched when there are enough.
    feature_counts = np.fromiter(map(len, features), dtype=np.int64, count=len(features))
    feature_sets = distinct_per_set(fold32(token_hashes([word for words_ in features for word in words_])),
                                    np.repeat(np.arange(len(features)), feature_counts), len(features))  # fmt: skip
    story_sets = [hashes[:MAX_STORY_FEATURES] for hashes in feature_sets]
    storied = [i for i, hashes in enumerate(story_sets) if len(hashes) >= MIN_STORY_FEATURES]
    story_keys = _keys_by_item(storied, story_sets, STORY_PERMUTATIONS, STORY_BANDS, STORY_ROWS, STORY_KIND)
    # Duplicates: the distinct 3-shingles of bodies long enough to call anything a copy of them.
    duplicable = [i for i, tokens in enumerate(body_words) if len(tokens) >= MIN_DUP_TOKENS]
    lengths = np.array([len(body_words[i]) for i in duplicable], dtype=np.int64)
    shingles = shingle_sets(token_hashes([word for i in duplicable for word in body_words[i]]), lengths)
    dup_sets: dict[int, np.ndarray] = dict(zip(duplicable, shingles, strict=True))
    dup_values = dict(zip(duplicable, minhash_matrix(shingles, DUP_PERMUTATIONS), strict=True))
    dup_keys = _keys_by_item(duplicable, dup_sets, DUP_PERMUTATIONS, DUP_BANDS, DUP_ROWS, DUP_KIND, dup_values)
    sketches = []
    for i in range(len(articles)):
        story_values = story_sets[i].astype("<u4").tobytes() if i in story_keys else b""
        story_count = len(story_sets[i]) if story_values else 0
        date = dateline_day(articles[i][1]) if story_values else None  # only stories compare dates
        name_keys = headline_name_keys(titles[i], story_values or _gazetteer_word_hashes(title_words[i]))
        if i not in dup_sets:
            keys = story_keys.get(i, []) + headline_keys(titles[i]) + name_keys
            sketches.append(Sketch(0, b"", story_count, story_values, keys, date, updates[i], titles[i],
                                   word_counts[i]))  # fmt: skip
            continue
        values = dup_values[i].astype("<u4").tobytes()
        keys = dup_keys[i] + story_keys.get(i, []) + headline_keys(titles[i]) + name_keys
        sketches.append(Sketch(len(dup_sets[i]), values, story_count, story_values, keys, date, updates[i],
                               titles[i], word_counts[i]))  # fmt: skip
    return sketches


def _headline_words(title: str) -> list[str]:
    # What `Sketch.title_values` hashes: no update mark, function words or news filler, numbers and words of three
    # letters or more (hashed by spelling key: "Idleb" is "Idlib"); none for a headline the feed cut short ("..."),
    # which is not the page's. The mark goes before `clean`, which drops a line opening with "Updated:" as a
    # reprint's timestamp line.
    if title.rstrip().endswith(("...", "\u2026")):
        return []
    return [word for word in words(clean(strip_update_mark(title)).casefold())
            if (len(word) >= 3 or word.isdigit()) and not is_stopword(word)][:MAX_TITLE_WORDS]  # fmt: skip


def headline_keys(title_values: bytes) -> list[int]:
    """The index key of a headline's content words (`Sketch.title_values`), if it has MIN_HEADLINE_KEY_WORDS: two
    items with one headline word for word are each other's candidates whatever their bodies."""
    if len(title_values) < 4 * MIN_HEADLINE_KEY_WORDS:
        return []
    digest = blake2b(b"%c%d:" % (HEADLINE_KIND.encode()[0], SKETCH_VERSION) + title_values, digest_size=8).digest()
    return [int.from_bytes(digest, "little", signed=True)]


def headline_name_keys(title_values: bytes, features: bytes | None) -> list[int]:
    """An index key for each of the first MAX_HEADLINE_NAME_KEYS gazetteer places and actors among a headline's
    content words (`Sketch.title_values`, in hash order; the monitored country's own name left out). A headline word
    is hashed by its spelling key, which keeps only consonants ("toll" is "Tal", "road" "Rudaw"), so only the names
    the gazetteer's own lookup found count (`features`): among its story features, or for an article without (too
    few to keep) among its headline's words. A stored sketch without story values cannot tell (None): its keys are
    then every headline word a name's hash spells, which holds those it was given (what a new version's replacement
    takes out of the index)."""
    names = headline_name_hashes()
    found = [value for value in struct.unpack(f"<{len(title_values) // 4}I", title_values) if value in names]
    if features is not None and found:
        known = frozenset(struct.unpack(f"<{len(features) // 4}I", features))
        found = [value for value in found if value in known]
    prefix = b"%c%d:" % (HEADLINE_NAME_KIND.encode()[0], SKETCH_VERSION)
    return [int.from_bytes(blake2b(prefix + value.to_bytes(4, "little"), digest_size=8).digest(), "little",
                           signed=True) for value in found[:MAX_HEADLINE_NAME_KEYS]]  # fmt: skip


def _gazetteer_word_hashes(title_words: list[str]) -> bytes:
    # The hashes of a headline's words the gazetteer knows by themselves (what an article without story values keys).
    found = [word for word in title_words if not word.isdigit() and gazetteer_key(word) is not None]
    return fold32(token_hashes(found)).astype("<u4").tobytes() if found else b""


@cache
def headline_name_hashes() -> frozenset[int]:
    """The hashes a headline's gazetteer places and actors have among `Sketch.title_values` (not the country's)."""
    keys = [key for key in gazetteer_keys() if not is_name_of_every_story(key)]
    return frozenset(fold32(token_hashes(keys)).tolist())


def shared_title_words(sketch: Sketch, other: Sketch) -> int:
    """How many headline content words two sketches share."""
    return len(np.intersect1d(np.frombuffer(sketch.title_values, "<u4"), np.frombuffer(other.title_values, "<u4")))


def _keys_by_item(items: list[int], sets: Sequence[np.ndarray] | dict[int, np.ndarray], num_perm: int,
                  bands: int, rows: int, kind: str,
                  values: dict[int, np.ndarray] | None = None) -> dict[int, list[int]]:  # fmt: skip
    """The band keys of each item's MinHash (computed here unless given), by item."""
    if not items:
        return {}
    matrix = np.stack([values[i] for i in items]) if values is not None else \
        minhash_matrix([sets[i] for i in items], num_perm)  # fmt: skip
    return dict(zip(items, band_key_matrix(matrix, bands, rows, kind).tolist(), strict=True))


def band_keys_of(sketch: Sketch) -> list[int]:
    """The LSH band keys of a sketch's MinHash values (what `sketch_article` put in `band_keys`)."""
    keys = band_keys(sketch.dup_values, DUP_BANDS, DUP_ROWS, DUP_KIND) if sketch.dup_values else []
    return keys + _story_band_keys(sketch.story_values) + headline_keys(sketch.title_values) \
        + headline_name_keys(sketch.title_values, sketch.story_values or None)  # fmt: skip


def _story_band_keys(features: bytes) -> list[int]:
    # The LSH bands of the story features come from their MinHash, computed here and not stored.
    if not features:
        return []
    values = minhash_values(np.frombuffer(features, "<u4"), STORY_PERMUTATIONS)
    return band_keys(values, STORY_BANDS, STORY_ROWS, STORY_KIND)


def jaccards(values: bytes, others: Sequence[bytes]) -> np.ndarray:
    """Estimated Jaccard with each of `others`: the share of MinHash positions where both sets agree."""
    result = np.zeros(len(others))
    rows = [i for i, other in enumerate(others) if values and len(other) == len(values)]
    if rows:
        matrix = np.frombuffer(b"".join(others[i] for i in rows), "<u4").reshape(len(rows), -1)
        # Agreeing positions over all positions (the mean of the booleans, exactly: both are k / n).
        result[rows] = np.count_nonzero(matrix == np.frombuffer(values, "<u4"), axis=1) / matrix.shape[1]
    return result


def containments(j: np.ndarray, count: int, others: np.ndarray) -> np.ndarray:
    """Share of the smaller set found in the larger, from Jaccard and set sizes (|A∩B| = J(|A|+|B|)/(1+J)).

    Reprints are often trimmed: the trimmed copy is nearly all contained in the original even when
    their Jaccard is low.
    """
    smaller = np.maximum(np.minimum(others, count), 1)
    return np.minimum(1.0, j * (count + others) / (1.0 + j) / smaller)


def containment(j: float, count: int, other: int) -> float:
    """`containments` of one pair in Python floats: the same operations in the same order, so the same value."""
    smaller = max(min(float(other), float(count)), 1.0)
    return min(1.0, j * (count + float(other)) / (1.0 + j) / smaller)


def dup_similarities(sketch: Sketch, others: Sequence[Sketch]) -> tuple[np.ndarray, np.ndarray]:
    """(estimated Jaccard, estimated containment) of a body's 3-shingle set with each of `others`'."""
    j = jaccards(sketch.dup_values, [other.dup_values for other in others])
    counts = np.array([other.shingle_count for other in others], dtype=float)
    return j, containments(j, sketch.shingle_count, counts)


def story_similarities(sketch: Sketch, others: Sequence[Sketch]) -> np.ndarray:
    """Jaccard of the names, places, days and numbers of headline and lead with each of `others`'."""
    return story_overlaps(sketch, others)[0]


def story_overlaps(sketch: Sketch, others: Sequence[Sketch]) -> tuple[np.ndarray, np.ndarray]:
    """(Jaccard, shared count) of the story features with each of `others`' (0 where either has none)."""
    result = np.zeros(len(others))
    if not sketch.story_values or not others:
        return result, np.zeros(len(others))
    mine = np.frombuffer(sketch.story_values, "<u4")
    sizes = np.array([len(other.story_values) // 4 for other in others])
    theirs = np.frombuffer(b"".join(other.story_values for other in others), "<u4")
    # All candidates at once: which of their features are also mine, summed per candidate.
    # Not `assume_unique=True`: `theirs` repeats a feature several candidates have, and numpy's sort-based test
    # (taken for large hash values) then also flags a candidate's feature that another candidate has, as if the
    # article had it (until 2026-11-24: same labelled-set scores, but different stories for half the fixture items).
    owner = np.repeat(np.arange(len(others)), sizes)
    shared = np.bincount(owner, weights=np.isin(theirs, mine), minlength=len(others))
    union = len(mine) + sizes - shared
    np.divide(shared, union, out=result, where=sizes > 0)
    return result, shared


# The event day's story feature as stored (see story.event_day), Monday = 0, in hash order.
_DAY_FEATURE_HASHES = fold32(token_hashes([f"{EVENT_DAY_FEATURE}{day}" for day in range(7)]))
_DAY_ORDER = np.argsort(_DAY_FEATURE_HASHES)
_SORTED_DAY_HASHES = _DAY_FEATURE_HASHES[_DAY_ORDER]
_DAY_OF_HASH = {int(value): day for day, value in enumerate(_DAY_FEATURE_HASHES.tolist())}


def event_day_of(features: bytes) -> int:
    """`event_days` of one sketch's story features, without numpy's cost per call (decide.py asks it per article)."""
    found = _DAY_OF_HASH.keys() & struct.unpack(f"<{len(features) // 4}I", features)
    return _DAY_OF_HASH[found.pop()] if found else -1


def event_days(features: Sequence[bytes]) -> np.ndarray:
    """The event day (Monday = 0) among each sketch's story features (`story_values`), -1 where it has none."""
    sizes = np.fromiter((len(values) // 4 for values in features), np.int64, len(features))
    hashes = np.frombuffer(b"".join(features), "<u4")
    places = np.minimum(np.searchsorted(_SORTED_DAY_HASHES, hashes), len(_SORTED_DAY_HASHES) - 1)
    is_day = _SORTED_DAY_HASHES[places] == hashes
    days = np.full(len(features), -1, dtype=np.int64)
    days[np.repeat(np.arange(len(features)), sizes)[is_day]] = _DAY_ORDER[places[is_day]]
    return days


@cache
def _expressible_hashes() -> np.ndarray:
    # Sorted, as stored: what `expressible_counts` looks the features up in (built on first use: ~11k word hashes).
    return np.unique(fold32(token_hashes(expressible_features())))


@cache
def _expressible_hash_set() -> frozenset[int]:
    return frozenset(_expressible_hashes().tolist())


def expressible_count_of(features: bytes) -> int:
    """`expressible_counts` of one sketch's story features, without numpy's cost per call (story_link.py asks it per
    article: 1 us instead of 11)."""
    return sum(map(_expressible_hash_set().__contains__, struct.unpack(f"<{len(features) // 4}I", features)))


def expressible_counts(features: Sequence[bytes]) -> np.ndarray:
    """How many of each sketch's story features (`story_values`) a report in any language can express: gazetteer
    places and actors, weekdays, the event's day, numbers (story.expressible_features)."""
    sizes = np.fromiter((len(values) // 4 for values in features), np.int64, len(features))
    hashes = np.frombuffer(b"".join(features), "<u4")
    known = _expressible_hashes()
    places = np.minimum(np.searchsorted(known, hashes), len(known) - 1)
    found = known[places] == hashes
    return np.bincount(np.repeat(np.arange(len(features)), sizes), weights=found, minlength=len(features)).astype(
        np.int64)
