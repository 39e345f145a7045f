"""The store's LSH index as one batch of items sees it: read once up front, then grown in memory.

The stage reads, in a few queries, every posting the batch's band keys have in the store and the docs
those postings rank highest; `BatchIndex` then answers each item's lookup from memory, with the docs the
batch itself added earlier counted as the store would count them had they been committed one by one
(each key keeps its POSTING_LIMIT most recent docs), and collects the rows to write in bulk.
"""

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from consumers.dedupe.decide import Decision
from consumers.dedupe.index import CANDIDATE_LIMIT, POSTING_LIMIT, CandidateDoc, IndexedDoc
from consumers.dedupe.sketch import Sketch, band_keys_of, sketch_from_bytes


def top_store_docs(postings: Mapping[int, Sequence[int]], band_keys: Iterable[int],
                   limit: int = CANDIDATE_LIMIT) -> list[int]:  # fmt: skip
    """Arrival numbers of the docs sharing most keys with `band_keys` (ties: most recent), store only."""
    merged: list[int] = []
    for key in set(band_keys):
        merged += postings.get(key, ())
    # (count, seq) tuples compare in C; one Counter over a flat list beats an update per key.
    return [seq for _, seq in heapq.nlargest(limit, ((count, seq) for seq, count in Counter(merged).items()))]


class BatchIndex:
    """Store postings and docs read for one batch, plus the docs the batch adds (kept for bulk writes)."""

    def __init__(self, postings: Mapping[int, Sequence[int]], docs: Mapping[int, CandidateDoc], first_seq: int):
        self._store_postings = postings
        self._docs: dict[int, CandidateDoc] = dict(docs)
        self._sketches: dict[int, Sketch] = {}
        self._added: defaultdict[int, list[int]] = defaultdict(list)  # key -> batch docs, oldest first
        self._next_seq = first_seq
        self.new_docs: dict[int, dict[str, Any]] = {}  # seq -> dedupe_docs row
        self.new_bands: dict[int, list[int]] = {}  # seq -> band keys

    def candidates(self, band_keys: Iterable[int], limit: int = CANDIDATE_LIMIT) -> list[tuple[CandidateDoc, Sketch]]:
        """Docs sharing a band key (each key: its POSTING_LIMIT most recent docs), most shared keys first."""
        merged: list[int] = []
        for key in set(band_keys):
            added = self._added.get(key)
            if added is None:
                merged += self._store_postings.get(key, ())  # already at most POSTING_LIMIT, newest first
                continue
            recent = added[-POSTING_LIMIT:]
            merged += recent
            if len(recent) < POSTING_LIMIT:
                merged += self._store_postings.get(key, ())[: POSTING_LIMIT - len(recent)]
        docs = self._docs
        # Store docs the up-front read did not rank high enough for any item are left out.
        ranked = ((count, seq) for seq, count in Counter(merged).items() if seq in docs)
        return [(docs[seq], self._sketch(seq)) for _, seq in heapq.nlargest(limit, ranked)]

    def add(self, doc: IndexedDoc, sketch: Sketch, similarity: float | None) -> int:
        """Index a doc the batch decided; returns its arrival number."""
        seq = self._next_seq
        self._next_seq += 1
        self._docs[seq], self._sketches[seq] = doc, sketch
        keys = list(dict.fromkeys(sketch.band_keys))
        for key in keys:
            self._added[key].append(seq)
        self.new_docs[seq] = {
            "doc_id": doc.doc_id, "seq": seq, "first_seen": doc.first_seen, "sketch": doc.sketch,
            "story_id": doc.story_id, "duplicate_of": doc.duplicate_of, "similarity": similarity,
        }  # fmt: skip
        self.new_bands[seq] = keys
        return seq

    def replace_added(self, seq: int, sketch: Sketch) -> None:
        """A doc added by this batch changed content within the batch: write its new sketch instead."""
        self.new_docs[seq]["sketch"] = sketch.to_bytes()
        self.new_bands[seq] = list(dict.fromkeys(sketch.band_keys))

    def _sketch(self, seq: int) -> Sketch:
        sketch = self._sketches.get(seq)
        if sketch is None:
            sketch = self._sketches[seq] = sketch_from_bytes(self._docs[seq].sketch)
        return sketch


def stored_band_keys(sketch_bytes: bytes) -> list[int]:
    """The band keys a stored sketch was indexed under (empty for sketches of another SKETCH_VERSION)."""
    return band_keys_of(sketch_from_bytes(sketch_bytes))


@dataclass(frozen=True)
class KnownDoc:
    """A doc already in the index (stored, or added earlier in this batch)."""

    doc_id: str
    seq: int
    sketch: bytes
    story_id: str
    duplicate_of: str | None
    similarity: float | None
    is_stored: bool

    @classmethod
    def from_row(cls, row: Any) -> "KnownDoc":
        return cls(row.doc_id, row.seq, row.sketch, row.story_id, row.duplicate_of, row.similarity, is_stored=True)

    @property
    def decision(self) -> Decision:
        """The decision it got the first time (a replay decides exactly as before)."""
        return Decision(self.doc_id, self.duplicate_of, self.similarity, self.story_id)

    def with_sketch(self, sketch: bytes) -> "KnownDoc":
        return replace(self, sketch=sketch)
