"""What the dedupe decision needs from an index of already-seen articles, and an in-memory one.

The store's index (newsmon/store/) implements `AsyncDedupeIndex` with two things:

- on articles: `first_seen` (arrival time, never changed by later versions), `dedupe_sketch`
  (bytes, `Sketch.to_bytes()`, 1.5 KB at most), `story_id` and `duplicate_of`;
- a table `dedupe_postings(band_key BIGINT PRIMARY KEY, seqs BLOB)`: per key, the arrival numbers of its
  POSTING_LIMIT most recent docs, packed. An article is under about 60 keys.

`candidates(keys, limit)`: for each key take its (at most POSTING_LIMIT) docs, count per article how many
keys it shares, and return the top `limit` by (shared DESC, arrival DESC).
The dedupe stage reads and writes it a batch at a time (consumers/dedupe/batch.py), in the batch's
transaction. Every consumer process then sees one index, and a restart loses nothing.
"""

import bisect
import heapq
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

# How many candidates one lookup may return. The true copies share many bands and come first; the
# limit keeps the per-article cost flat as the index grows (issue: 100k within 2x of 1k). 32 and 64 gave
# the same duplicate P/R and story F1 in bench/dedupe_quality.py (also after 20k distractors); each
# candidate costs a comparison.
CANDIDATE_LIMIT = 32
# Each band key contributes at most its most recent POSTING_LIMIT articles. A key shared by many articles comes
# from stock text (an agency's background paragraph, a standard lead) and says little; reading more of it makes
# every lookup slower as the index grows. A real copy shares many other, rarer keys, so a few docs a key find it.
# Only those are kept: a doc leaving a key (its new version's text) does not bring back one it pushed out.
# 8 since 2026-11-24 (was 64): the same story F1 on every hand-labelled set, and on the generated seeds 1/7/11 with
# 20,000 distractors 0.971/0.973/0.958 at 64, 0.967/0.979/0.966 at 16, 0.971/0.978/0.988 at 8 (bench.dedupe_quality);
# with 100k docs stored an item costs what it does with 1k (bench.dedupe_stage, 1.9-2.0 -> 1.5-1.7 CPU ms). On the
# cold poll's template fixture, where nearly every key is full, planning costs a fifth, but 5x as many stories start
# and later merge: 1.14 -> 1.20-1.29 ms an item.
POSTING_LIMIT = 8


@dataclass(frozen=True)
class IndexedDoc:
    """One article as the index keeps it."""

    doc_id: str
    first_seen: float  # arrival time (epoch seconds, or position in a file list); ties go by doc_id
    sketch: bytes  # Sketch.to_bytes()
    story_id: str
    duplicate_of: str | None = None


class CandidateDoc(Protocol):
    """What `decide` reads from a candidate: IndexedDoc, or the store's row object as it is."""

    @property
    def doc_id(self) -> str: ...
    @property
    def first_seen(self) -> float: ...
    @property
    def sketch(self) -> bytes: ...
    @property
    def story_id(self) -> str: ...
    @property
    def duplicate_of(self) -> str | None: ...


class DedupeIndex(Protocol):
    """Synchronous index, as used by `newsmon cluster` and the benches."""

    def candidates(self, band_keys: Sequence[int], limit: int = CANDIDATE_LIMIT) -> Sequence[CandidateDoc]:
        """Docs sharing a band key (each key: its POSTING_LIMIT most recent docs), most shared keys first."""
        ...

    def add(self, doc: IndexedDoc, band_keys: Sequence[int]) -> None:
        """Insert or replace the doc and its band keys (an upsert keyed by doc_id)."""
        ...

    def story_docs(self, story_ids: Sequence[str]) -> Sequence[CandidateDoc]:
        """Every doc of these stories."""
        ...

    def merge_stories(self, absorbed: Sequence[str], survivor: str) -> None:
        """Move every doc of the `absorbed` stories to the `survivor` story."""
        ...


class AsyncDedupeIndex(Protocol):
    """The same contract for the store, whose queries are awaited inside the caller's transaction."""

    async def candidates(self, band_keys: Sequence[int], limit: int = CANDIDATE_LIMIT) -> Sequence[CandidateDoc]:
        """Docs sharing a band key (each key: its POSTING_LIMIT most recent docs), most shared keys first."""
        ...

    async def add(self, doc: IndexedDoc, band_keys: Sequence[int]) -> None:
        """Insert or replace the doc and its band keys (an upsert keyed by doc_id)."""
        ...


class MemoryIndex:
    """Band-key postings in dicts; the reference implementation of `DedupeIndex`."""

    def __init__(self) -> None:
        self._docs: dict[str, IndexedDoc] = {}
        self._keys: dict[str, tuple[int, ...]] = {}
        # Postings hold small ints in arrays, not lists of str: a million lists would be scanned by
        # every garbage collection and make each lookup slower as the index grows. Each is ascending
        # and holds at most POSTING_LIMIT numbers, as the store's packed rows do.
        self._ids: list[str] = []
        self._numbers: dict[str, int] = {}
        self._postings: dict[int, array[int]] = {}
        self._stories: dict[str, list[str]] = {}  # story id -> its docs' ids, in the order they were added

    def __len__(self) -> int:
        return len(self._docs)

    def candidates(self, band_keys: Sequence[int], limit: int = CANDIDATE_LIMIT) -> list[IndexedDoc]:
        """Docs sharing a band key (each key: its POSTING_LIMIT most recent docs), most shared keys first."""
        shared: Counter[int] = Counter()
        for key in set(band_keys):
            posting = self._postings.get(key)
            if posting is not None:
                shared.update(posting)
        # Numbers grow with arrival, so (shared keys, number) ranks ties most recent first.
        top = heapq.nlargest(limit, shared.items(), key=lambda item: (item[1], item[0]))
        return [self._docs[self._ids[number]] for number, _ in top]

    def add(self, doc: IndexedDoc, band_keys: Sequence[int]) -> None:
        """Insert or replace the doc and its band keys (an upsert keyed by doc_id)."""
        number = self._numbers.get(doc.doc_id)
        if number is None:
            number = self._numbers[doc.doc_id] = len(self._ids)
            self._ids.append(doc.doc_id)
        for key in self._keys.pop(doc.doc_id, ()):
            posting = self._postings[key]
            if number in posting:  # else pushed out by more recent docs
                del posting[posting.index(number)]
        unique = tuple(dict.fromkeys(band_keys))
        for key in unique:
            posting = self._postings.setdefault(key, array("q"))
            if not posting or number > posting[-1]:
                posting.append(number)
            else:  # a doc indexed before goes back in arrival order
                posting.insert(bisect.bisect_left(posting, number), number)
            if len(posting) > POSTING_LIMIT:
                del posting[0]
        self._keys[doc.doc_id] = unique
        before = self._docs.get(doc.doc_id)
        if before is None:
            self._stories.setdefault(doc.story_id, []).append(doc.doc_id)
        elif before.story_id != doc.story_id:
            self._stories[before.story_id].remove(doc.doc_id)
            self._stories.setdefault(doc.story_id, []).append(doc.doc_id)
        self._docs[doc.doc_id] = doc

    def story_docs(self, story_ids: Sequence[str]) -> list[IndexedDoc]:
        """Every doc of these stories."""
        stories = dict.fromkeys(story_ids)
        return [self._docs[doc_id] for story_id in stories for doc_id in self._stories.get(story_id, ())]

    def merge_stories(self, absorbed: Sequence[str], survivor: str) -> None:
        """Move every doc of the `absorbed` stories to the `survivor` story (a story merged before is no longer
        found: a second merge of it is a no-op)."""
        members = self._stories.setdefault(survivor, [])
        for story_id in absorbed:
            if story_id == survivor:
                continue
            for doc_id in self._stories.pop(story_id, ()):
                self._docs[doc_id] = replace(self._docs[doc_id], story_id=survivor)
                members.append(doc_id)

    def get(self, doc_id: str) -> IndexedDoc | None:
        """The indexed doc with this id, if any."""
        return self._docs.get(doc_id)
