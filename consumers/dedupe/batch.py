"""The store's LSH index as one batch of items sees it: read once up front, then grown in memory.

The stage reads, in a few queries, the store's postings (each key's POSTING_LIMIT most recent docs) for
every band key of the batch's undecided items, and the docs those postings rank highest. `BatchIndex`
counts shared keys for all items at once, as two sparse matrix products (items x keys times keys x store
docs, and items x keys times its transpose for the docs the batch itself adds before each item), so each
lookup is a slice of a precomputed row instead of a Python loop over postings. The docs an item may be
compared with are the store's and those of the batch's earlier items, as if committed one by one (a key
shared by many batch docs is not cut to POSTING_LIMIT within the batch; a batch holds a few hundred).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy import sparse

from consumers.dedupe.decide import Decision
from consumers.dedupe.index import CANDIDATE_LIMIT, CandidateDoc, IndexedDoc
from consumers.dedupe.sketch import Sketch, band_keys_of, sketch_from_bytes

_SEQ_BITS = 40  # arrival numbers stay below 2**40; (shared keys, seq) packs into one int64 to sort on


class BatchIndex:
    """Shared-key counts of a batch's undecided items (rows, in batch order) with store and batch docs."""

    def __init__(self, sketches: Sequence[Sketch], postings: Mapping[int, Sequence[int]], first_seq: int) -> None:
        item_keys = [np.unique(np.array(sketch.band_keys, dtype=np.int64)) for sketch in sketches]
        all_keys = np.unique(np.concatenate(item_keys)) if item_keys else np.zeros(0, dtype=np.int64)
        rows = np.repeat(np.arange(len(item_keys)), [len(keys) for keys in item_keys])
        columns = np.searchsorted(all_keys, np.concatenate(item_keys)) if item_keys else rows
        items_by_key = sparse.csr_matrix((np.ones(len(rows), np.int32), (rows, columns)),
                                         shape=(len(item_keys), len(all_keys)))  # fmt: skip
        posted = [(key, seqs) for key, seqs in postings.items() if seqs]
        self._store_seqs = np.unique(np.concatenate([np.asarray(seqs, np.int64) for _, seqs in posted])) if posted \
            else np.zeros(0, dtype=np.int64)  # fmt: skip
        key_rows = np.repeat(np.searchsorted(all_keys, [key for key, _ in posted]), [len(seqs) for _, seqs in posted])
        doc_columns = np.searchsorted(self._store_seqs, np.concatenate([seqs for _, seqs in posted] or [[]]))
        keys_by_doc = sparse.csr_matrix((np.ones(len(key_rows), np.int32), (key_rows, doc_columns)),
                                        shape=(len(all_keys), len(self._store_seqs)))  # fmt: skip
        self._store_shared = (items_by_key @ keys_by_doc).tocsr()
        self._batch_shared = (items_by_key @ items_by_key.T).tocsr()
        self._row_seq = np.full(len(item_keys), -1, dtype=np.int64)  # seq once the row's item is indexed
        self._docs: dict[int, CandidateDoc] = {}
        self._sketches: dict[int, Sketch] = {}
        self._next_seq = first_seq
        self.new_docs: dict[int, dict[str, Any]] = {}  # seq -> dedupe_docs row
        self.new_bands: dict[int, list[int]] = {}  # seq -> band keys

    def top_store_docs(self, row: int, limit: int = CANDIDATE_LIMIT) -> list[int]:
        """Arrival numbers of the store docs sharing most keys with row `row` (ties: most recent)."""
        start, end = self._store_shared.indptr[row : row + 2]
        seqs = self._store_seqs[self._store_shared.indices[start:end]]
        return _ranked(self._store_shared.data[start:end], seqs)[:limit]

    def add_store_docs(self, docs: Mapping[int, CandidateDoc]) -> None:
        """The store docs read for the batch (those `top_store_docs` ranked high enough for some item)."""
        self._docs.update(docs)

    def candidates(self, row: int, limit: int = CANDIDATE_LIMIT) -> list[tuple[CandidateDoc, Sketch]]:
        """Docs sharing a band key with row `row`: store docs and the batch's earlier docs, most shared first."""
        start, end = self._store_shared.indptr[row : row + 2]
        counts = [self._store_shared.data[start:end]]
        seqs = [self._store_seqs[self._store_shared.indices[start:end]]]
        start, end = self._batch_shared.indptr[row : row + 2]
        batch_seqs = self._row_seq[self._batch_shared.indices[start:end]]
        earlier = batch_seqs >= 0  # indexed already: rows before this one that became docs
        counts.append(self._batch_shared.data[start:end][earlier])
        seqs.append(batch_seqs[earlier])
        docs, top = self._docs, []
        for seq in _ranked(np.concatenate(counts), np.concatenate(seqs)):
            if seq in docs:  # store docs the up-front read did not rank high enough for any item are left out
                top.append(seq)
                if len(top) == limit:
                    break
        return [(docs[seq], self._sketch(seq)) for seq in top]

    def add(self, row: int, doc: IndexedDoc, sketch: Sketch, similarity: float | None) -> int:
        """Index the doc decided for row `row`; returns its arrival number."""
        seq = self._next_seq
        self._next_seq += 1
        self._row_seq[row] = seq
        self._docs[seq], self._sketches[seq] = doc, sketch
        self.new_docs[seq] = {
            "doc_id": doc.doc_id, "seq": seq, "first_seen": doc.first_seen, "sketch": doc.sketch,
            "story_id": doc.story_id, "duplicate_of": doc.duplicate_of, "similarity": similarity,
        }  # fmt: skip
        self.new_bands[seq] = list(dict.fromkeys(sketch.band_keys))
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


def _ranked(shared: np.ndarray, seqs: np.ndarray) -> list[int]:
    """Seqs by shared keys, then most recent first (one int64 sort instead of sorting Python tuples)."""
    rank = (shared.astype(np.int64) << _SEQ_BITS) | seqs
    rank.sort()
    return (rank[::-1] & ((1 << _SEQ_BITS) - 1)).tolist()  # type: ignore[no-any-return]


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
