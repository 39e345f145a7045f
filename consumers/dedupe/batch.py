"""The store's LSH index as one batch of items sees it: read once up front, then every lookup planned at once.

The stage reads, in a few queries, the store's postings (each key's POSTING_LIMIT most recent docs) for
every band key of the batch's undecided items. Then `plan` works out, for all rows at once, what each row's
lookup would return had the batch's earlier docs been committed one by one: under each key, the batch's docs are
the most recent, and they push that many of the key's oldest store docs out of its POSTING_LIMIT. Ranking needs
only arrival numbers and shared-key counts, so it comes before any store doc is read; the stage then reads exactly
the store docs some row ranked among its candidates (`planned_store_docs`), and `add_store_docs` computes the
similarities. Which rows are added, and in which order, is known before any is decided (every undecided item is
indexed, whatever its decision), and so are the candidates and their similarities; only the decisions (stories,
copies) depend on the decisions before them, and those stay sequential and cheap (decide.py). So a batch decides
exactly as items one at a time would, whatever the batch size.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse

from consumers.dedupe.decide import Decision, Scores
from consumers.dedupe.index import CANDIDATE_LIMIT, POSTING_LIMIT, CandidateDoc, IndexedDoc
from consumers.dedupe.near import DUP_PERMUTATIONS
from consumers.dedupe.sketch import Sketch, band_keys_of, event_days, expressible_counts, sketch_from_bytes
from newsmon.store.dedupe_index import Postings, sorted_distinct

_SEQ_BITS = 40  # arrival numbers stay below 2**40; (shared keys, seq) packs into one int64 to sort on
_SHARED_BITS = 6  # an item has DUP_BANDS + STORY_BANDS = 60 band keys, so it shares fewer than 64 with any doc
_COUNT_SLICE_CELLS = 1 << 20  # pair counts in a dense table a slice of places at a time, 1M cells (8 MB) a slice
_COUNT_CELLS_PER_PAIR = 16  # ... unless it has more cells than this a pair: then a sort costs less
_PAIR_CHUNK = 8192  # candidate pairs whose MinHash values are compared at once (8192 x 256 x 4 bytes a side)


@dataclass(frozen=True)
class _Plan:
    """Every planned row's ranked candidates, flat: row i's are [starts[i], starts[i + 1]) of `seqs`."""

    rows: np.ndarray  # the rows in the order they are added
    starts: np.ndarray
    seqs: np.ndarray


@dataclass(frozen=True)
class _Similarities:
    """What decide.py reads of each planned (row, candidate) pair, in the order of `_Plan.seqs`."""

    jaccard: np.ndarray
    names: np.ndarray
    shingle_counts: np.ndarray
    has_story: np.ndarray
    story_shared: np.ndarray
    story_counts: np.ndarray
    story_days: np.ndarray
    story_expressible: np.ndarray
    story_dates: np.ndarray
    same_headline: np.ndarray


class BatchIndex:
    """Candidates of a batch's undecided items (rows, in batch order) among store docs and the batch's own docs.

    Use: `plan` the rows, read the store docs `planned_store_docs` names, `add_store_docs` them, then for each row in
    the planned order `candidates` and `add`."""

    def __init__(self, sketches: Sequence[Sketch], postings: Postings | Mapping[int, Sequence[int]],
                 first_seq: int) -> None:  # fmt: skip
        self._row_sketches = list(sketches)
        rows, columns, all_keys = _distinct_keys(sketches)
        self._entry_rows, self._entry_columns = rows, columns  # each row's distinct key columns, by row then key
        # All postings as flat arrays (as the store reads them): key column and place of each seq.
        if not isinstance(postings, Postings):
            postings = Postings.from_mapping(postings)
        lengths, flat = postings.lengths, postings.seqs
        key_columns = np.minimum(np.searchsorted(all_keys, postings.keys), max(len(all_keys) - 1, 0))
        is_row_key = all_keys[key_columns] == postings.keys if len(all_keys) else np.zeros(len(lengths), bool)
        key_rows = np.repeat(key_columns, lengths)
        places = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        # Postings of keys no row has (a mapping may hold more than the store reads) would land on another key.
        kept = (places < POSTING_LIMIT) & np.repeat(is_row_key, lengths)
        flat, key_rows, places = flat[kept], key_rows[kept], places[kept]
        self._store_seqs, doc_columns = _distinct(flat)
        # Each key's store postings, newest first, as a padded row of doc columns (places in _store_seqs; -1 after
        # the last), and how many it has.
        self._posted = np.full((len(all_keys), POSTING_LIMIT), -1, dtype=np.int64)
        self._posted[key_rows, places] = doc_columns
        self._posted_count = np.bincount(key_rows, minlength=len(all_keys))
        self._first_seq = first_seq
        self._docs: dict[int, CandidateDoc] = {}
        self._sketches: dict[int, Sketch] = {}
        self._next_seq = first_seq
        self._plan: _Plan | None = None
        self._similarity: _Similarities | None = None
        self._pair_lists: tuple[list[Any], ...] | None = None
        self._starts: list[int] = []
        self._place_of_row: dict[int, int] = {}
        self.new_docs: dict[int, dict[str, Any]] = {}  # seq -> dedupe_docs row
        self.new_bands: dict[int, list[int]] = {}  # seq -> band keys
        self._added_by_story: dict[str, list[int]] = {}  # story -> seqs of the docs this batch added to it
        # Story -> seqs of its docs in `_docs` (read or added): a merge moves those, not a walk over every doc.
        self._seqs_by_story: dict[str, list[int]] = {}

    def plan(self, rows: Sequence[int], limit: int = CANDIDATE_LIMIT) -> None:
        """Rank the candidates of `rows`, the rows the batch will add in this order. A row's candidates: docs
        sharing one of its band keys, where each key holds its POSTING_LIMIT most recent docs once the rows before
        it are added (the batch's docs the most recent of all), most shared keys first, then most recent."""
        order = np.asarray(rows, dtype=np.int64)
        place_of = np.full(len(self._row_sketches), -1, dtype=np.int64)
        place_of[order] = np.arange(len(order))
        # The planned rows' (place, key column) entries, by column and then place: an entry's ordinal in its
        # column is how many batch docs that key holds when its row is looked up.
        entry_places = place_of[self._entry_rows]
        planned = entry_places >= 0
        entry_places, columns = entry_places[planned], self._entry_columns[planned]
        by_column = np.lexsort((entry_places, columns))
        entry_places, columns = entry_places[by_column], columns[by_column]
        ordinal = _ordinals(columns)
        # Pairs of a place with the docs under its keys, made entry by entry in place order (`_counted_pairs` counts
        # them a slice of places at a time).
        by_place = np.argsort(entry_places, kind="stable")
        places_in_order = entry_places[by_place]
        # Batch docs: the entry's row with each of the (at most POSTING_LIMIT) rows before it under that key (the
        # entries before it in column order).
        back = np.minimum(ordinal, POSTING_LIMIT)[by_place]
        batch = _counted_pairs(np.repeat(places_in_order, back), entry_places[_runs(by_place - back, back)],
                               len(order))  # fmt: skip
        # Store docs: under each key, those not pushed out by the batch docs added before the row. All are ranked
        # before any is read: which store docs make a row's first `limit` depends on the batch docs that push others
        # out before it, so a ranking of the store alone cannot say which to read (it missed a few rows' docs).
        alive = np.clip(np.minimum(self._posted_count[columns], POSTING_LIMIT - ordinal), 0, None)[by_place]
        store_places = np.repeat(places_in_order, alive)
        store_columns = self._posted.ravel()[_runs(columns[by_place] * POSTING_LIMIT, alive)]
        store = _counted_pairs(store_places, store_columns, len(self._store_seqs))
        # Ranked within each place by shared keys, then seq (a batch doc's seq follows its place).
        pair_places, pair_seqs = _ranked_pairs(np.concatenate([batch[0], store[0]]),
                                               np.concatenate([batch[1] + self._first_seq, self._store_seqs[store[1]]]),
                                               np.concatenate([batch[2], store[2]]), len(order), limit)  # fmt: skip
        top = _ordinals(pair_places) < limit
        pair_places, pair_seqs = pair_places[top], pair_seqs[top]
        starts = np.searchsorted(pair_places, np.arange(len(order) + 1))
        self._plan = _Plan(order, starts, pair_seqs)
        self._similarity, self._pair_lists = None, None
        self._place_of_row = {row: place for place, row in enumerate(order.tolist())}

    def planned_store_docs(self) -> list[int]:
        """Arrival numbers of the store docs among some planned row's candidates, ascending: the docs to read."""
        plan = self._plan
        assert plan is not None, "plan() first"
        return sorted_distinct(plan.seqs[plan.seqs < self._first_seq]).tolist()  # type: ignore[no-any-return]

    def add_store_docs(self, docs: Mapping[int, CandidateDoc]) -> None:
        """The store docs `planned_store_docs` names, as read; then the planned pairs' similarities are computed."""
        plan = self._plan
        assert plan is not None, "plan() first"
        missing = set(self.planned_store_docs()) - docs.keys()
        if missing:  # docs are never deleted, so a posting naming one not read is a broken index, not a miss
            raise RuntimeError(f"dedupe batch: {len(missing)} planned store docs not read, e.g. seq {min(missing)}")
        # As IndexedDoc: every item reads its candidates' fields, and a database row's attributes cost 5x more.
        self._docs.update({seq: IndexedDoc(doc.doc_id, doc.first_seen, doc.sketch, doc.story_id, doc.duplicate_of)
                           for seq, doc in docs.items()})  # fmt: skip
        for seq, doc in docs.items():
            self._seqs_by_story.setdefault(doc.story_id, []).append(seq)
        pair_rows = plan.rows[np.repeat(np.arange(len(plan.rows)), np.diff(plan.starts))]
        self._similarity = _Similarities(*self._similarities(pair_rows, plan.seqs, plan.rows))
        # As Python lists once for the batch: each row's candidates are then list slices (ten array slices and their
        # tolist() a row cost 3x more).
        self._pair_lists = (plan.seqs.tolist(), *(values.tolist() for values in _arrays(self._similarity)))
        self._starts = plan.starts.tolist()

    def store_story_ids(self) -> set[str]:
        """The stories of the store docs read: every story a row's candidates can propose for a merge, but those
        this batch starts."""
        return {doc.story_id for seq, doc in self._docs.items() if seq < self._first_seq}

    def _similarities(self, rows: np.ndarray, seqs: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, ...]:
        """For each (row, candidate seq) pair: the MinHash Jaccard of their bodies, the exact Jaccard of their story
        features, the candidate's shingle count and whether it has story features, how many story features they
        share, how many the candidate has, its event day, how many of its features any language can express and its
        dateline's day (decide.py's inputs)."""
        is_batch = seqs >= self._first_seq
        store = sorted_distinct(seqs[~is_batch])
        # One table of sketches: the batch's rows first, then the store docs among the candidates.
        sketches = self._row_sketches + [self._sketch(seq) for seq in store.tolist()]
        other = np.empty(len(seqs), dtype=np.int64)
        other[is_batch] = order[seqs[is_batch] - self._first_seq]
        other[~is_batch] = len(self._row_sketches) + np.searchsorted(store, seqs[~is_batch])
        shingle_counts = np.fromiter((sketch.shingle_count for sketch in sketches), np.int64, len(sketches))
        has_dup = np.fromiter((sketch.has_dup for sketch in sketches), bool, len(sketches))
        dup_values = np.zeros((len(sketches), DUP_PERMUTATIONS), dtype=np.uint32)
        for i in np.flatnonzero(has_dup).tolist():
            dup_values[i] = np.frombuffer(sketches[i].dup_values, "<u4")
        jaccard = np.zeros(len(rows))
        both = np.flatnonzero(has_dup[rows] & has_dup[other])
        for chunk in range(0, len(both), _PAIR_CHUNK):
            pairs = both[chunk : chunk + _PAIR_CHUNK]
            agree = np.count_nonzero(dup_values[rows[pairs]] == dup_values[other[pairs]], axis=1)
            jaccard[pairs] = agree / dup_values.shape[1]  # k / n, as sketch.jaccards computes it
        features = [sketch.story_values for sketch in sketches]
        names, shared, story_counts = _story_overlaps(features, rows, other)
        has_story = np.fromiter((sketch.has_story for sketch in sketches), bool, len(sketches))
        days = event_days(features)
        expressible = expressible_counts(features)
        dates = np.fromiter((-1 if sketch.event_date is None else sketch.event_date for sketch in sketches), np.int64,
                            len(sketches))  # fmt: skip
        # Headlines compared as one number each (equal words, equal hash; a bytes object caches its hash, and b"" has
        # the hash 0).
        headlines = np.fromiter(map(hash, [sketch.title_values for sketch in sketches]), np.int64, len(sketches))
        same_headline = (headlines[rows] == headlines[other]) & (headlines[rows] != 0)
        return (jaccard, names, shingle_counts[other], has_story[other], shared, story_counts, days[other],
                expressible[other], dates[other], same_headline)

    def candidates(self, row: int) -> tuple[list[CandidateDoc], Scores]:
        """The planned row's candidates (the batch's docs among them added by now) and their similarities."""
        assert self._pair_lists is not None, "plan() and add_store_docs() first"
        place = self._place_of_row[row]
        start, end = self._starts[place], self._starts[place + 1]
        seqs, *similarities = self._pair_lists
        docs = self._docs
        return [docs[seq] for seq in seqs[start:end]], Scores(*(values[start:end] for values in similarities))

    def add(self, row: int, doc: IndexedDoc, sketch: Sketch, similarity: float | None) -> int:
        """Index the doc decided for row `row` (the next planned row); returns its arrival number."""
        seq = self._next_seq
        plan = self._plan
        if plan is None or seq - self._first_seq >= len(plan.rows) or int(plan.rows[seq - self._first_seq]) != row:
            raise RuntimeError(f"dedupe batch: row {row} added out of the planned order")
        self._next_seq += 1
        self._docs[seq], self._sketches[seq] = doc, sketch
        self.new_docs[seq] = {
            "doc_id": doc.doc_id, "seq": seq, "first_seen": doc.first_seen, "sketch": doc.sketch,
            "story_id": doc.story_id, "duplicate_of": doc.duplicate_of, "similarity": similarity,
        }  # fmt: skip
        self.new_bands[seq] = list(dict.fromkeys(sketch.band_keys))
        self._added_by_story.setdefault(doc.story_id, []).append(seq)
        self._seqs_by_story.setdefault(doc.story_id, []).append(seq)
        return seq

    def replace_added(self, seq: int, sketch: Sketch) -> None:
        """A doc added by this batch changed content within the batch: write its new sketch instead (later rows
        of the batch were planned against the sketch it was added with, as they would have been looked up)."""
        self.new_docs[seq]["sketch"] = sketch.to_bytes()
        self.new_bands[seq] = list(dict.fromkeys(sketch.band_keys))

    def added_story_docs(self, story_ids: Sequence[str]) -> list[IndexedDoc]:
        """The docs this batch added to these stories so far."""
        seqs = sorted(chain.from_iterable(self._added_by_story.get(story_id, ()) for story_id in set(story_ids)))
        rows = [self.new_docs[seq] for seq in seqs]
        return [IndexedDoc(row["doc_id"], row["first_seen"], row["sketch"], row["story_id"], row["duplicate_of"])
                for row in rows]  # fmt: skip

    def added_story_size(self, story_id: str) -> int:
        """How many docs this batch added to this story so far."""
        return len(self._added_by_story.get(story_id, ()))

    def merge_stories(self, absorbed: Sequence[str], survivor: str) -> None:
        """Docs of the `absorbed` stories, read or added, join the `survivor` story (merge.merge_bridged): the rows
        decided next see them there, and the batch writes them so."""
        gone = set(absorbed) - {survivor}
        for story_id in gone:
            moved = self._seqs_by_story.pop(story_id, [])
            for seq in moved:
                self._docs[seq] = replace(self._docs[seq], story_id=survivor)  # type: ignore[type-var]
            self._seqs_by_story.setdefault(survivor, []).extend(moved)
        for story_id in gone:
            for seq in self._added_by_story.pop(story_id, ()):
                self.new_docs[seq]["story_id"] = survivor
                self._added_by_story.setdefault(survivor, []).append(seq)

    def _sketch(self, seq: int) -> Sketch:
        sketch = self._sketches.get(seq)
        if sketch is None:
            sketch = self._sketches[seq] = sketch_from_bytes(self._docs[seq].sketch)
        return sketch


def _arrays(similarities: _Similarities) -> tuple[np.ndarray, ...]:
    """The arrays in field order (dataclasses.astuple would deep-copy them)."""
    return tuple(getattr(similarities, field.name) for field in fields(similarities))


def _counted_pairs(places: np.ndarray, others: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (place, other) pairs, `places` ascending and other < `width`, by place then other, and how often
    each occurs. A count per cell of a dense place x other table, a slice of places at a time (a batch's pairs with
    store docs: 1M pairs, 1000 x 4,500 cells, a third of the CPU of a sort), unless the table is mostly empty."""
    if len(places) == 0:
        return places, others, places
    rows = int(places[-1]) + 1
    if rows * width > _COUNT_CELLS_PER_PAIR * len(places):
        packed = np.sort(places * width + others)
        first = np.ones(len(packed), dtype=bool)
        first[1:] = packed[1:] != packed[:-1]
        starts = np.flatnonzero(first)
        cells = packed[starts]
        return cells // width, cells % width, np.diff(np.append(starts, len(packed)))
    step = max(_COUNT_SLICE_CELLS // width, 1)
    firsts = list(range(0, rows, step))
    bounds = np.searchsorted(places, [*firsts, rows]).tolist()
    found = []
    for first_place, start, end in zip(firsts, bounds[:-1], bounds[1:], strict=True):
        counts = np.bincount((places[start:end] - first_place) * width + others[start:end], minlength=step * width)
        cells = np.flatnonzero(counts != 0)  # a bool array: numpy finds those 3x faster than in an int64 one
        found.append((cells // width + first_place, cells % width, counts[cells]))
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def _ranked_pairs(places: np.ndarray, seqs: np.ndarray, shared: np.ndarray, place_count: int,
                  limit: int) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Each place's `limit` best (place, seq) pairs, by place, then by shared keys (most first), then by seq (most
    recent first): one int64 sort (a lexsort of three keys costs 3x more)."""
    seq_mask = (1 << _SEQ_BITS) - 1
    if place_count >= 1 << (63 - _SEQ_BITS - _SHARED_BITS):
        raise ValueError(f"dedupe batch of {place_count} items is too large to rank in one int64")
    if len(shared) and int(shared.max()) >= 1 << _SHARED_BITS:
        raise ValueError("dedupe batch: a doc shares more band keys with an item than an item has")
    # Only a pair sharing at least as many keys as its place's limit-th best can be among that place's first
    # `limit`: the rest are dropped before the sort (a histogram of shared counts per place finds that count).
    histogram = np.bincount((places << _SHARED_BITS) | shared, minlength=place_count << _SHARED_BITS)
    at_least = np.cumsum(histogram.reshape(place_count, 1 << _SHARED_BITS)[:, ::-1], axis=1)[:, ::-1]
    floor = np.maximum((at_least >= limit).sum(axis=1) - 1, 0)  # the largest count with `limit` pairs at or above it
    kept = shared >= floor[places]
    places, seqs, shared = places[kept], seqs[kept], shared[kept]
    rank = (places << (_SEQ_BITS + _SHARED_BITS)) | (((1 << _SHARED_BITS) - 1 - shared) << _SEQ_BITS)
    rank |= seq_mask - seqs
    rank.sort()
    return rank >> (_SEQ_BITS + _SHARED_BITS), seq_mask - (rank & seq_mask)


def _ordinals(sorted_values: np.ndarray) -> np.ndarray:
    """Each element's place within its run of equal values (the array is sorted, or at least grouped)."""
    if len(sorted_values) == 0:
        return np.zeros(0, dtype=np.int64)
    first = np.ones(len(sorted_values), dtype=bool)
    first[1:] = sorted_values[1:] != sorted_values[:-1]
    starts = np.flatnonzero(first)
    return np.arange(len(sorted_values)) - np.repeat(starts, np.diff(np.append(starts, len(sorted_values))))


def _runs(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """starts[i], starts[i] + 1, ..., starts[i] + counts[i] - 1 for each i, concatenated."""
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))


def _story_overlaps(features: Sequence[bytes], rows: np.ndarray,
                    others: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Exact Jaccard of the story features (sorted distinct uint32 hashes) of each (rows[i], others[i]) pair, 0
    where the row has none or the other none, and how many they share (as sketch.story_overlaps), and how many
    others[i] has."""
    result = np.zeros(len(rows))
    if len(rows) == 0:
        return result, np.zeros(0, np.int64), np.zeros(0, np.int64)
    sizes = np.fromiter((len(values) // 4 for values in features), np.int64, len(features))
    hashes = np.frombuffer(b"".join(features), "<u4")
    distinct, columns = np.unique(hashes, return_inverse=True)
    matrix = sparse.csr_matrix((np.ones(len(hashes), np.int32), columns.ravel(), np.append(0, np.cumsum(sizes))),
                               shape=(len(features), len(distinct)))  # fmt: skip
    shared = np.asarray(matrix[rows].multiply(matrix[others]).sum(axis=1), dtype=np.float64).ravel()
    union = (sizes[rows] + sizes[others]).astype(np.float64) - shared
    both = (sizes[rows] > 0) & (sizes[others] > 0)
    np.divide(shared, union, out=result, where=both)
    return result, np.where(both, shared, 0).astype(np.int64), sizes[others]


def _distinct_keys(sketches: Sequence[Sketch]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, key column) of each distinct band key of each sketch, by row then key, and the distinct keys of all
    (ascending; a key's column is its place among them). One sort for the batch instead of one np.unique a sketch."""
    lengths = np.fromiter((len(sketch.band_keys) for sketch in sketches), np.int64, len(sketches))
    keys = np.fromiter(chain.from_iterable(sketch.band_keys for sketch in sketches), np.int64, int(lengths.sum()))
    rows = np.repeat(np.arange(len(sketches)), lengths)
    all_keys, columns = np.unique(keys, return_inverse=True)
    cells = sorted_distinct(rows * len(all_keys) + columns)  # (row, column) as one int64: one sort, no lexsort
    return cells // len(all_keys), cells % len(all_keys), all_keys


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
