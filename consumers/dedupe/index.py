"""What the dedupe decision needs from an index of already-seen articles, and an in-memory one.

The store's version (newsmon/store/) is a table (band_key, article_id) indexed on band_key, plus the
columns of `IndexedDoc` on articles; every consumer process then shares one index that survives restarts.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# How many candidates one lookup may return. The true copies share many bands and come first; the
# limit keeps the per-article cost flat as the index grows (issue: 100k within 2x of 1k).
CANDIDATE_LIMIT = 200


@dataclass(frozen=True)
class IndexedDoc:
    """One article as the index keeps it."""

    doc_id: str
    first_seen: float  # arrival time (epoch seconds, or position in a file list); ties go by doc_id
    sketch: bytes  # Sketch.to_bytes()
    story_id: str
    duplicate_of: str | None = None


class DedupeIndex(Protocol):
    """Synchronous index, as used by `newsmon cluster` and the benches."""

    def candidates(self, band_keys: Sequence[str], limit: int = CANDIDATE_LIMIT) -> list[IndexedDoc]:
        """Docs sharing at least one band key, most shared keys first, then most recent; at most `limit`."""
        ...

    def add(self, doc: IndexedDoc, band_keys: Sequence[str]) -> None:
        """Insert or replace the doc and its band keys (an upsert keyed by doc_id)."""
        ...


class AsyncDedupeIndex(Protocol):
    """The same contract for the store, whose queries are awaited inside the caller's transaction."""

    async def candidates(self, band_keys: Sequence[str], limit: int = CANDIDATE_LIMIT) -> list[IndexedDoc]:
        """Docs sharing at least one band key, most shared keys first, then most recent; at most `limit`."""
        ...

    async def add(self, doc: IndexedDoc, band_keys: Sequence[str]) -> None:
        """Insert or replace the doc and its band keys (an upsert keyed by doc_id)."""
        ...


class MemoryIndex:
    """Band-key postings in dicts; the reference implementation of `DedupeIndex`."""

    def __init__(self) -> None:
        self._docs: dict[str, IndexedDoc] = {}
        self._keys: dict[str, tuple[str, ...]] = {}
        self._postings: defaultdict[str, list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._docs)

    def candidates(self, band_keys: Sequence[str], limit: int = CANDIDATE_LIMIT) -> list[IndexedDoc]:
        """Docs sharing at least one band key, most shared keys first, then most recent; at most `limit`."""
        shared: Counter[str] = Counter()
        for key in set(band_keys):
            shared.update(self._postings.get(key, ()))
        docs = [self._docs[doc_id] for doc_id in shared]
        docs.sort(key=lambda doc: (-shared[doc.doc_id], -doc.first_seen, doc.doc_id))
        return docs[:limit]

    def add(self, doc: IndexedDoc, band_keys: Sequence[str]) -> None:
        """Insert or replace the doc and its band keys (an upsert keyed by doc_id)."""
        for key in self._keys.pop(doc.doc_id, ()):
            self._postings[key].remove(doc.doc_id)
        unique = tuple(dict.fromkeys(band_keys))
        for key in unique:
            self._postings[key].append(doc.doc_id)
        self._keys[doc.doc_id] = unique
        self._docs[doc.doc_id] = doc

    def get(self, doc_id: str) -> IndexedDoc | None:
        """The indexed doc with this id, if any."""
        return self._docs.get(doc_id)
