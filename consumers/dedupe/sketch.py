"""An article's dedupe sketch: what the index stores per article, and the similarities between two."""

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from consumers.dedupe.near import (
    DUP_BANDS,
    DUP_PERMUTATIONS,
    DUP_ROWS,
    MIN_DUP_TOKENS,
    MIN_STORY_FEATURES,
    SKETCH_VERSION,
    STORY_BANDS,
    STORY_PERMUTATIONS,
    STORY_ROWS,
    band_keys,
    clean,
    minhash_values,
    shingles,
    spelling_key,
    story_features,
    words,
)

# version, duplicate shingle count, story feature count, then the two MinHash arrays (absent when empty).
_HEADER = struct.Struct("<BII")
DUP_KIND, STORY_KIND = "d", "s"


@dataclass(frozen=True)
class Sketch:
    """Compact, storable summary of one article (a few hundred bytes to 1.5 KB as `to_bytes`)."""

    shingle_count: int = 0
    dup_values: bytes = b""
    story_count: int = 0
    story_values: bytes = b""
    band_keys: list[str] = field(default_factory=list, compare=False)

    @property
    def has_dup(self) -> bool:
        return bool(self.dup_values)

    @property
    def has_story(self) -> bool:
        return bool(self.story_values)

    def to_bytes(self) -> bytes:
        """Serialised form for the store's sketch column."""
        return _HEADER.pack(SKETCH_VERSION, self.shingle_count, self.story_count) + self.dup_values + (
            self.story_values
        )


def sketch_from_bytes(data: bytes) -> Sketch:
    """Inverse of `Sketch.to_bytes`; sketches from another SKETCH_VERSION come back empty."""
    if len(data) < _HEADER.size:
        return Sketch()
    version, shingle_count, story_count = _HEADER.unpack_from(data)
    if version != SKETCH_VERSION:
        return Sketch()
    body = data[_HEADER.size :]
    dup_len = DUP_PERMUTATIONS * 4 if shingle_count else 0
    story_len = STORY_PERMUTATIONS * 4 if story_count else 0
    if len(body) != dup_len + story_len:
        return Sketch()
    return Sketch(shingle_count, body[:dup_len], story_count, body[dup_len:])


def sketch_article(title: str, body: str) -> Sketch:
    """Sketch of an article: duplicates are judged on the body, stories on headline and lead."""
    clean_body = clean(body)
    body_words = words(clean_body.casefold())
    features = story_features(clean(title), clean_body)
    story_values = minhash_values(features, STORY_PERMUTATIONS) if len(features) >= MIN_STORY_FEATURES else b""
    keys = band_keys(story_values, STORY_BANDS, STORY_ROWS, STORY_KIND) if story_values else []
    if len(body_words) < MIN_DUP_TOKENS:
        return Sketch(0, b"", len(features) if story_values else 0, story_values, keys)
    body_shingles = shingles([spelling_key(word) for word in body_words])
    dup_values = minhash_values(body_shingles, DUP_PERMUTATIONS)
    keys = band_keys(dup_values, DUP_BANDS, DUP_ROWS, DUP_KIND) + keys
    return Sketch(len(body_shingles), dup_values, len(features) if story_values else 0, story_values, keys)


def jaccards(values: bytes, others: Sequence[bytes]) -> np.ndarray:
    """Estimated Jaccard with each of `others`: the share of MinHash positions where both sets agree."""
    result = np.zeros(len(others))
    rows = [i for i, other in enumerate(others) if values and len(other) == len(values)]
    if rows:
        matrix = np.frombuffer(b"".join(others[i] for i in rows), "<u4").reshape(len(rows), -1)
        result[rows] = (matrix == np.frombuffer(values, "<u4")).mean(axis=1)
    return result


def containments(j: np.ndarray, count: int, others: np.ndarray) -> np.ndarray:
    """Share of the smaller set found in the larger, from Jaccard and set sizes (|A∩B| = J(|A|+|B|)/(1+J)).

    Reprints are often trimmed: the trimmed copy is nearly all contained in the original even when
    their Jaccard is low.
    """
    smaller = np.maximum(np.minimum(others, count), 1)
    return np.minimum(1.0, j * (count + others) / (1.0 + j) / smaller)


def dup_similarities(sketch: Sketch, others: Sequence[Sketch]) -> tuple[np.ndarray, np.ndarray]:
    """(estimated Jaccard, estimated containment) of a body's 3-shingle set with each of `others`'."""
    j = jaccards(sketch.dup_values, [other.dup_values for other in others])
    counts = np.array([other.shingle_count for other in others], dtype=float)
    return j, containments(j, sketch.shingle_count, counts)


def story_similarities(sketch: Sketch, others: Sequence[Sketch]) -> np.ndarray:
    """Estimated Jaccard of the names, places, days and numbers of headline and lead with each of `others`'."""
    return jaccards(sketch.story_values, [other.story_values for other in others])
