"""The store's LSH index as one batch of items sees it: read once up front, then grown in memory.

The stage reads, in a few queries, the store's postings (each key's POSTING_LIMIT most recent docs) for
every band key of the batch's undecided items, and the docs those postings rank highest (one sparse matrix
product, items x keys times keys x store docs, ranks them for all items at once). Each item's lookup then
counts shared keys as the store would had the batch's earlier docs been committed one by one: under each key,
the batch's docs are the most recent, and they push that many of the key's oldest store docs out of its
POSTING_LIMIT. So a batch decides exactly as items one at a time would, whatever the batch size.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse

from consumers.dedupe.decide import Decision
from consumers.dedupe.index import CANDIDATE_LIMIT, POSTING_LIMIT, CandidateDoc, IndexedDoc
from consumers.dedupe.sketch import Sketch, band_keys_of, sketch_from_bytes
from newsmon.store.dedupe_index import Postings

_SEQ_BITS = 40  # arrival numbers stay below 2**40; (shared keys, seq) packs into one int64 to sort on


class BatchIndex:
    """Shared-key counts of a batch's undecided items (rows, in batch order) with store and batch docs."""

    def __init__(self, sketches: Sequence[Sketch], postings: Postings | Mapping[int, Sequence[int]],
                 first_seq: int) -> None:  # fmt: skip
        rows, columns, all_keys = _distinct_keys(sketches)
        items_by_key = sparse.csr_matrix((np.ones(len(rows), np.int32), (rows, columns)),
                                         shape=(len(sketches), len(all_keys)))  # fmt: skip
        # Each row's distinct key columns, ascending.
        self._row_keys = np.split(columns, np.searchsorted(rows, np.arange(1, len(sketches)))) if sketches else []
        # All postings as flat arrays (as the store reads them): key column and place of each seq.
        if not isinstance(postings, Postings):
            postings = Postings.from_mapping(postings)
        lengths, flat = postings.lengths, postings.seqs
        key_rows = np.repeat(np.searchsorted(all_keys, postings.keys), lengths)
        places = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        kept = places < POSTING_LIMIT
        flat, key_rows, places = flat[kept], key_rows[kept], places[kept]
        self._store_seqs, doc_columns = _distinct(flat)
        keys_by_doc = sparse.csr_matrix((np.ones(len(key_rows), np.int32), (key_rows, doc_columns)),
                                        shape=(len(all_keys), len(self._store_seqs)))  # fmt: skip
        self._store_shared = (items_by_key @ keys_by_doc).tocsr()
        # Each key's store postings, newest first, as a padded row (-1 after the last), and how many it has.
        self._posted = np.full((len(all_keys), POSTING_LIMIT), -1, dtype=np.int64)
        self._posted[key_rows, places] = flat
        self._posted_count = np.bincount(key_rows, minlength=len(all_keys))
        self._first_seq = first_seq
        # Each key's POSTING_LIMIT most recent batch docs, a ring per key (place: count mod POSTING_LIMIT; -1 unused),
        # so an item gathers the batch docs of all its keys in one step, as it gathers the store's.
        self._added = np.full((len(all_keys), POSTING_LIMIT), -1, dtype=np.int64)
        self._added_count = np.zeros(len(all_keys), dtype=np.int64)
        self._docs: dict[int, CandidateDoc] = {}
        self._sketches: dict[int, Sketch] = {}
        self._next_seq = first_seq
        self.new_docs: dict[int, dict[str, Any]] = {}  # seq -> dedupe_docs row
        self.new_bands: dict[int, list[int]] = {}  # seq -> band keys

    def top_store_docs(self, limit: int = CANDIDATE_LIMIT) -> list[int]:
        """Arrival numbers of the store docs among the `limit` sharing most keys with some row (ties: most recent),
        each once."""
        shared, found = self._store_shared, []
        for row in range(shared.shape[0]):
            start, end = shared.indptr[row : row + 2]
            seqs = self._store_seqs[shared.indices[start:end]]
            if end - start > limit:  # only which docs are in the top `limit` matters here, not their order
                rank = (shared.data[start:end].astype(np.int64) << _SEQ_BITS) | seqs
                seqs = np.partition(rank, len(rank) - limit)[-limit:] & ((1 << _SEQ_BITS) - 1)
            found.append(seqs)
        return np.unique(np.concatenate(found)).tolist() if found else []  # type: ignore[no-any-return]

    def add_store_docs(self, docs: Mapping[int, CandidateDoc]) -> None:
        """The store docs read for the batch (`top_store_docs`: those ranked high enough for some item)."""
        # As IndexedDoc: every item reads its candidates' fields, and a database row's attributes cost 5x more.
        self._docs.update({seq: IndexedDoc(doc.doc_id, doc.first_seen, doc.sketch, doc.story_id, doc.duplicate_of)
                           for seq, doc in docs.items()})  # fmt: skip

    def candidates(self, row: int, limit: int = CANDIDATE_LIMIT) -> list[tuple[CandidateDoc, Sketch]]:
        """Docs sharing a band key with row `row` (each key: its POSTING_LIMIT most recent docs, the batch's earlier
        docs the most recent of all), most shared keys first, then most recent."""
        # The store docs' shared keys as read up front, less the keys where the batch's docs pushed them out; then
        # the batch's docs, counted over their few arrival numbers.
        start, end = self._store_shared.indptr[row : row + 2]
        seqs = self._store_seqs[self._store_shared.indices[start:end]]
        counts = self._store_shared.data[start:end].astype(np.int64)
        columns = self._row_keys[row]
        added = self._added_count[columns]
        if added.any():
            # A key with `a` batch docs keeps only its POSTING_LIMIT - a most recent store docs.
            full = self._posted_count[columns] + added > POSTING_LIMIT
            if full.any():
                posted = self._posted[columns[full]]
                pushing = np.arange(POSTING_LIMIT) >= (POSTING_LIMIT - added[full])[:, None]
                pushed = np.sort(posted[pushing & (posted >= 0)])
                # Less one for each key a store doc was pushed out of (how often it occurs among the pushed).
                counts -= np.searchsorted(pushed, seqs, "right") - np.searchsorted(pushed, seqs, "left")
            batch = self._added[columns]
            batch_counts = np.bincount(batch[batch >= 0] - self._first_seq)
            batch_seqs = np.flatnonzero(batch_counts)
            seqs = np.concatenate([seqs, batch_seqs + self._first_seq])
            counts = np.concatenate([counts, batch_counts[batch_seqs]])
            if full.any():
                seqs, counts = seqs[counts > 0], counts[counts > 0]
        # Store docs the up-front read did not rank high enough for any item are left out. The best 2 * limit seqs
        # nearly always fill the limit: rank those (a partition, not a sort of the ~3,000 a row has at 100k stored),
        # and all of them only when they do not.
        docs = self._docs
        top = [seq for seq in _ranked_array(counts, seqs, 2 * limit).tolist() if seq in docs][:limit]
        if len(top) < limit and len(seqs) > 2 * limit:
            top = [seq for seq in _ranked_array(counts, seqs).tolist() if seq in docs][:limit]
        return [(docs[seq], self._sketch(seq)) for seq in top]

    def add(self, row: int, doc: IndexedDoc, sketch: Sketch, similarity: float | None) -> int:
        """Index the doc decided for row `row`; returns its arrival number."""
        seq = self._next_seq
        self._next_seq += 1
        columns = self._row_keys[row]  # distinct, so one assignment puts seq under each
        self._added[columns, self._added_count[columns] % POSTING_LIMIT] = seq
        self._added_count[columns] += 1
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


def _distinct_keys(sketches: Sequence[Sketch]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, key column) of each distinct band key of each sketch, by row then key, and the distinct keys of all
    (ascending; a key's column is its place among them). One sort for the batch instead of one np.unique a sketch."""
    lengths = np.fromiter((len(sketch.band_keys) for sketch in sketches), np.int64, len(sketches))
    keys = np.fromiter(chain.from_iterable(sketch.band_keys for sketch in sketches), np.int64, int(lengths.sum()))
    rows = np.repeat(np.arange(len(sketches)), lengths)
    all_keys, columns = np.unique(keys, return_inverse=True)
    order = np.lexsort((columns, rows))
    rows, columns = rows[order], columns[order]
    repeated = np.zeros(len(rows), dtype=bool)
    repeated[1:] = (rows[1:] == rows[:-1]) & (columns[1:] == columns[:-1])
    return rows[~repeated], columns[~repeated].astype(np.int64), all_keys


def _distinct(seqs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct seqs, ascending, and the place of each of `seqs` among them (np.unique with its inverse).

    Arrival numbers are dense, so a table with a flag per number up to the largest one is cheaper than sorting
    or hashing the ~4k postings an item reads with a full index; the sort is kept for sparse numbers."""
    if len(seqs) == 0 or int(seqs.max()) > 8 * len(seqs) + (1 << 20) or int(seqs.min()) < 0:
        distinct = np.unique(seqs)
        return distinct, np.searchsorted(distinct, seqs)
    present = np.zeros(int(seqs.max()) + 1, dtype=bool)
    present[seqs] = True
    distinct = np.flatnonzero(present)
    place = np.cumsum(present, dtype=np.int64) - 1
    return distinct, place[seqs]


def _ranked_array(shared: np.ndarray, seqs: np.ndarray, best: int | None = None) -> np.ndarray:
    """Seqs by shared keys, then most recent first (one int64 sort instead of sorting Python tuples); only the
    `best` first when given."""
    rank = (shared.astype(np.int64) << _SEQ_BITS) | seqs
    if best is not None and len(rank) > best:
        rank = np.partition(rank, len(rank) - best)[-best:]
    rank.sort()
    return rank[::-1] & ((1 << _SEQ_BITS) - 1)


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
