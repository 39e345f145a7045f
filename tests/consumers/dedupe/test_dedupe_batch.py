"""BatchIndex, the store's index as one batch sees it, counts like the reference MemoryIndex fed one item at a time."""

import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text

from consumers.dedupe.batch import BatchIndex, _counted_pairs
from consumers.dedupe.decide import score
from consumers.dedupe.index import POSTING_LIMIT, IndexedDoc, MemoryIndex
from consumers.dedupe.sketch import Sketch, sketch_articles
from newsmon.store import dedupe_index
from newsmon.store.session import Store

EMPTY = Sketch().to_bytes()
STOCK_KEY = 12345
ARTICLES = Path(__file__).parent / "articles"


def doc(number: int) -> IndexedDoc:
    return IndexedDoc(f"d{number}", float(number), EMPTY, f"d{number}")


@pytest.mark.parametrize(("stored_count", "key_count"), [(300, 24), (40, 24), (60, 200), (0, 24)])
def test_batch_candidates_match_one_at_a_time_when_keys_overflow_their_posting_limit(
    stored_count: int, key_count: int
) -> None:
    # Few keys, many docs: keys hold more than POSTING_LIMIT docs (from the start, or once the batch's docs come),
    # so the batch's own docs must push the oldest store docs out of each key exactly as committing them one by one
    # would; with many keys, most keys never fill.
    rng = random.Random(4)
    keys_of = [rng.sample(range(key_count), 8) for _ in range(stored_count + 200)]
    stored, batch = keys_of[:stored_count], keys_of[stored_count:]
    memory = MemoryIndex()
    postings: dict[int, list[int]] = {}
    for number, keys in enumerate(stored):
        memory.add(doc(number), keys)
        for key in keys:
            postings.setdefault(key, []).insert(0, number)  # newest first, as the store returns them
    assert stored_count < 300 or min(len(seqs) for seqs in postings.values()) > POSTING_LIMIT
    index = BatchIndex([Sketch(band_keys=keys) for keys in batch], postings, first_seq=len(stored))
    index.plan(range(len(batch)), limit=40)
    index.add_store_docs({number: doc(number) for number in range(len(stored))})
    for row, keys in enumerate(batch):
        number = len(stored) + row
        expected = [candidate.doc_id for candidate in memory.candidates(keys, limit=40)]
        assert [candidate.doc_id for candidate in index.candidates(row)[0]] == expected, row
        memory.add(doc(number), keys)
        assert index.add(row, doc(number), Sketch(band_keys=keys), None) == number


async def test_store_postings_are_each_keys_most_recent_docs_newest_first(store: Store) -> None:
    # Key 7 has more docs than POSTING_LIMIT, key -3 (negative: band keys are signed) one, key 5 none.
    async with store.sessions.begin() as session:
        bands = {seq: [7, -3] if seq == 2 else [7] for seq in range(1, POSTING_LIMIT + 10)}
        await dedupe_index.update_postings(session, await dedupe_index.postings(session, []), bands)
    async with store.sessions.begin() as session:
        found = await dedupe_index.postings(session, [5, 7, -3, 7])
    assert by_key(found) == {-3: [2], 7: list(range(POSTING_LIMIT + 9, 9, -1))}
    async with store.sessions.begin() as session:
        empty = await dedupe_index.postings(session, [5])
    assert len(empty.keys) == len(empty.lengths) == len(empty.seqs) == 0


def test_store_keeps_the_posting_limit_the_reference_index_keeps() -> None:
    # newsmon/store may not import consumers, so it spells the limit again; BatchIndex plans with one and the store
    # cuts rows with the other.
    assert dedupe_index.POSTING_LIMIT == POSTING_LIMIT


async def test_store_written_under_a_longer_posting_limit_reads_and_writes_only_the_most_recent(store: Store) -> None:
    # A store indexed while POSTING_LIMIT was larger (64 until 2026-11) keeps its long rows until a batch writes
    # their keys: a read gives each key's POSTING_LIMIT newest docs, a write cuts the row, and a doc leaving a long
    # key does not bring back the older docs past the limit.
    longer = 8 * POSTING_LIMIT
    old_row = np.arange(longer, 0, -1)  # seqs longer .. 1, newest first
    async with store.sessions.begin() as session:
        await dedupe_index._put(session, np.array([-3, 7, 9]), np.array([2, longer, longer]),
                                np.concatenate([[5, 3], old_row, old_row]))  # fmt: skip
    async with store.sessions.begin() as session:
        read = await dedupe_index.postings(session, [-3, 7, 9])
        assert by_key(read) == {-3: [5, 3], 7: list(old_row[:POSTING_LIMIT]), 9: list(old_row[:POSTING_LIMIT])}
        # Doc longer + 1 joins key 7; doc `longer`, the newest of key 9, leaves it.
        await dedupe_index.update_postings(session, read, {longer + 1: [7]}, {longer: [9]})
    async with store.sessions.begin() as session:
        stored = by_key(await dedupe_index.postings(session, [-3, 7, 9]))
        rows = (await session.execute(text("SELECT band_key, length(seqs) FROM dedupe_postings"))).all()
    sizes = {key: size for key, size in rows}
    assert stored == {-3: [5, 3], 7: [longer + 1, *old_row[: POSTING_LIMIT - 1]], 9: list(old_row[1:POSTING_LIMIT])}
    assert sizes == {-3: 2 * 8, 7: POSTING_LIMIT * 8, 9: (POSTING_LIMIT - 1) * 8}


def by_key(postings: dedupe_index.Postings) -> dict[int, list[int]]:
    seqs = np.split(postings.seqs, np.cumsum(postings.lengths)[:-1]) if len(postings.keys) else []
    return {key: list(found) for key, found in zip(postings.keys.tolist(), seqs, strict=True)}


async def test_store_postings_update_like_the_memory_index_when_docs_change_keys(store: Store) -> None:
    # Docs arrive under random keys (some keys overflow POSTING_LIMIT), and some stored docs move to other keys
    # (a new version's text), a batch at a time; the store's postings stay those of the reference index.
    rng = random.Random(11)
    memory, keys_of, seq = MemoryIndex(), dict[int, list[int]](), 0
    for batch in range(10):
        async with store.sessions.begin() as session:
            added: dict[int, list[int]] = {}
            for _ in range(40):
                seq += 1
                added[seq] = keys_of[seq] = rng.sample(range(-12, 12), 5)
            moved = {old: rng.sample(range(-12, 12), 5) for old in rng.sample(sorted(keys_of), 8) if old not in added}
            if batch % 2:
                moved = {}  # new docs only (the common case, merged without sorting)
            left = {old: set(keys_of[old]) for old in moved}
            # Only some keys read up front, as the stage reads only the keys of the items it decides.
            read = await dedupe_index.postings(session, range(-12, 0))
            await dedupe_index.update_postings(session, read, {**added, **moved}, left)
        # A batch's removals come before its additions (which commute: each key keeps its highest seqs).
        for number in moved:
            memory.add(doc(number), [])
        for number in sorted(added):
            memory.add(doc(number), added[number])
        for number, keys in moved.items():
            memory.add(doc(number), keys)
            keys_of[number] = keys
        async with store.sessions.begin() as session:
            stored = by_key(await dedupe_index.postings(session, range(-12, 12)))
        for key in range(-12, 12):
            expected = [int(c.doc_id[1:]) for c in memory.candidates([key], limit=1000)]
            assert stored.get(key, []) == expected, key
    assert max(len(seqs) for seqs in stored.values()) == POSTING_LIMIT


@pytest.mark.parametrize(("stored_count", "key_count", "keys_per_doc", "seeds"),
                         [(3000, 3000, 60, range(4)), (2000, 1500, 40, range(10)), (3000, 20000, 60, range(2)),
                          (300, 24, 8, range(2))])  # fmt: skip
def test_batch_reading_only_the_planned_store_docs_finds_the_candidates_of_one_at_a_time(
    stored_count: int, key_count: int, keys_per_doc: int, seeds: range
) -> None:
    # As the stage reads: only the asked keys' postings, then only the store docs `planned_store_docs` names. Where
    # keys fill up, the batch's docs push old store docs out, and a row's candidates then include store docs ranked
    # low before the batch (a ranking of store docs made before the batch's docs are added misses some: 1-5 rows of
    # 200 in the first two shapes). Many keys: keys rarely fill; 24 keys: every key is full from the start.
    for seed in seeds:
        rng = random.Random(seed)
        keys_of = [rng.sample(range(key_count), keys_per_doc) for _ in range(stored_count + 200)]
        stored, batch = keys_of[:stored_count], keys_of[stored_count:]
        memory, postings = MemoryIndex(), dict[int, list[int]]()
        for number, keys in enumerate(stored):
            memory.add(doc(number), keys)
            for key in keys:
                postings.setdefault(key, []).insert(0, number)
        asked = {key for keys in batch for key in keys}
        index = BatchIndex([Sketch(band_keys=keys) for keys in batch],
                           {key: seqs[:POSTING_LIMIT] for key, seqs in postings.items() if key in asked},
                           first_seq=len(stored))  # fmt: skip
        index.plan(range(len(batch)))
        read = index.planned_store_docs()
        index.add_store_docs({number: doc(number) for number in read})
        candidate_ids = set()
        for row, keys in enumerate(batch):
            number = len(stored) + row
            expected = [candidate.doc_id for candidate in memory.candidates(keys)]
            assert [candidate.doc_id for candidate in index.candidates(row)[0]] == expected, (seed, row)
            candidate_ids.update(expected)
            memory.add(doc(number), keys)
            index.add(row, doc(number), Sketch(band_keys=keys), None)
        # Exactly the store docs some row ranks among its candidates are read, no more.
        assert [f"d{number}" for number in read] == sorted((i for i in candidate_ids if int(i[1:]) < len(stored)),
                                                             key=lambda i: int(i[1:]))  # fmt: skip


def test_planned_similarities_are_those_decide_computes_from_the_sketches() -> None:
    # Real sketches: copies, a trimmed copy, another language, empty and short bodies (no MinHash, or no story
    # features). The first five are stored, the rest one batch; every candidate's scores must be exactly what
    # decide.score computes from the two sketches, whether the candidate is a store doc or an earlier batch doc.
    texts = [(path.read_text(encoding="utf-8").partition("\n")[0], path.read_text(encoding="utf-8").partition("\n")[2])
             for path in sorted(ARTICLES.glob("*.txt"))]  # fmt: skip
    sketches = sketch_articles(texts + texts[:4])  # the first four twice: exact copies in the batch too
    # And one band key all share (as an agency's stock paragraph would): unrelated docs are candidates too.
    sketches = [replace(sketch, band_keys=[*sketch.band_keys, STOCK_KEY]) for sketch in sketches]
    stored, batch = sketches[:5], sketches[5:]
    postings: dict[int, list[int]] = {}
    for seq, sketch in enumerate(stored):
        for key in dict.fromkeys(sketch.band_keys):
            postings.setdefault(key, []).insert(0, seq)
    index = BatchIndex(batch, postings, first_seq=len(stored))
    index.plan(range(len(batch)))
    index.add_store_docs({seq: IndexedDoc(f"s{seq}", float(seq), sketch.to_bytes(), f"s{seq}")
                          for seq, sketch in enumerate(stored)})  # fmt: skip
    by_id = {f"s{seq}": sketch for seq, sketch in enumerate(stored)}
    compared, names, jaccards = 0, list[float](), list[float]()
    for row, sketch in enumerate(batch):
        docs, scores = index.candidates(row)
        expected = score(sketch, [by_id[doc.doc_id] for doc in docs])
        assert scores == expected, row
        compared, names, jaccards = compared + len(docs), names + scores.names, jaccards + scores.jaccard
        doc_id = f"b{row}"
        by_id[doc_id] = sketch
        index.add(row, IndexedDoc(doc_id, 10.0 + row, sketch.to_bytes(), doc_id), sketch, None)
    # Copies (Jaccard 1), near-copies and unrelated candidates were all among those compared.
    assert compared > 20 and max(jaccards) == 1.0 and 0 < min(j for j in jaccards if j > 0) < 0.9
    assert max(names) == 1.0 and 0 in names


def test_rows_are_added_only_in_the_planned_order() -> None:
    index = BatchIndex([Sketch(band_keys=[1, 2]), Sketch(band_keys=[2, 3]), Sketch(band_keys=[3])], {}, first_seq=7)
    index.plan([0, 2])  # row 1 is a later copy of row 0's item: never added
    index.add_store_docs({})
    assert [doc.doc_id for doc in index.candidates(2)[0]] == []
    assert index.add(0, doc(7), Sketch(band_keys=[1, 2]), None) == 7
    with pytest.raises(RuntimeError, match="planned order"):
        index.add(1, doc(8), Sketch(band_keys=[2, 3]), None)
    assert index.add(2, doc(8), Sketch(band_keys=[3]), None) == 8


@pytest.mark.parametrize(("pair_count", "rows", "width"), [(300_000, 1000, 3000), (2_000, 1000, 3000), (50, 3, 2)])
def test_counted_pairs_are_the_distinct_pairs_and_their_counts(pair_count: int, rows: int, width: int) -> None:
    # Many pairs over a table counted a slice of places at a time (3,000 columns: 349 places a slice), few pairs in
    # a wide table (counted by a sort), and a table smaller than one slice.
    rng = np.random.default_rng(5)
    repeats = rng.integers(1, 4, pair_count)  # each pair 1-3 times
    places = np.repeat(rng.integers(0, rows, pair_count), repeats)
    others = np.repeat(rng.integers(0, width, pair_count), repeats)
    by_place = np.argsort(places, kind="stable")
    places, others = places[by_place], others[by_place]
    cells, counts = np.unique(places * width + others, return_counts=True)
    found_places, found_others, found_counts = _counted_pairs(places, others, width)
    assert found_places.tolist() == (cells // width).tolist()
    assert found_others.tolist() == (cells % width).tolist()
    assert found_counts.tolist() == counts.tolist()
    assert max(counts) > 1


def test_sorted_distinct_is_np_unique() -> None:
    values = np.random.default_rng(6).integers(-(1 << 63), (1 << 63) - 1, 1000)
    for case in (values, np.repeat(values[:10], 7), values[:1], values[:0]):
        assert dedupe_index.sorted_distinct(case).tolist() == np.unique(case).tolist()


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
async def test_postgres_postings_read_is_one_primary_key_lookup_a_key_whatever_the_share_asked(store: Store) -> None:
    # A batch can ask for a large share of the table's keys. For `band_key = ANY(keys)` the planner then scanned the
    # whole table (here, with statistics, 3,000 rows; a parallel seq scan of 6M rows in a big store).
    async with store.sessions.begin() as session:
        bands = {seq: [seq % 3000 - 1500] for seq in range(1, 6001)}
        await dedupe_index.update_postings(session, await dedupe_index.postings(session, []), bands)
    async with store.sessions.begin() as session:
        await session.execute(text("ANALYZE dedupe_postings"))
        keys = list(range(-1500, 1500)) + list(range(10_000, 13_000))  # every row's key, and as many absent
        connection = await (await session.connection()).get_raw_connection()
        assert connection.driver_connection is not None
        async with connection.driver_connection.cursor() as cursor:
            await cursor.execute("EXPLAIN " + dedupe_index._POSTGRES_POSTINGS, {"keys": keys})
            plan = "\n".join(row[0] for row in await cursor.fetchall())
    assert "Index Scan using pk_dedupe_postings on dedupe_postings" in plan and "Seq Scan" not in plan, plan


async def test_store_story_docs_are_each_storys_first_docs_by_arrival_story_by_story(store: Store) -> None:
    # One statement for several stories (a merge check reads the joined story and the ones it may absorb): each
    # story's first `limit` docs by arrival, the stories in the order asked, a story asked twice read once.
    stories = {"quake": [4, 1, 6, 9], "fire": [2, 7], "strike": [3, 5, 8]}
    rows = [{"doc_id": f"{story}-{seq}", "seq": seq, "first_seen": float(seq), "sketch": b"", "story_id": story,
             "duplicate_of": None, "similarity": None}
            for story, seqs in stories.items() for seq in seqs]  # fmt: skip
    async with store.sessions.begin() as session:
        await dedupe_index.add_docs(session, rows)
    async with store.sessions.begin() as session:
        found = await dedupe_index.story_docs(session, ["strike", "quake", "missing", "strike"], 3)
    assert [doc.doc_id for doc in found] == ["strike-3", "strike-5", "strike-8", "quake-1", "quake-4", "quake-6"]


async def test_store_move_stories_relabels_every_doc_of_each_absorbed_story_in_one_statement(store: Store) -> None:
    # A batch's merges, composed (absorbed -> survivor, chains resolved), written at once: each absorbed story's docs
    # join its survivor, the other stories' docs stay, and the same moves applied again change nothing.
    stories = {"quake": [1, 4], "fire": [2], "strike": [3, 5], "flood": [6], "storm": [7]}
    rows = [{"doc_id": f"{story}-{seq}", "seq": seq, "first_seen": float(seq), "sketch": b"", "story_id": story,
             "duplicate_of": None, "similarity": None}
            for story, seqs in stories.items() for seq in seqs]  # fmt: skip
    async with store.sessions.begin() as session:
        await dedupe_index.add_docs(session, rows)
    moves = {"fire": "quake", "strike": "quake", "flood": "storm"}
    expected = {"quake-1": "quake", "quake-4": "quake", "fire-2": "quake", "strike-3": "quake", "strike-5": "quake",
                "flood-6": "storm", "storm-7": "storm"}  # fmt: skip
    for _ in range(2):
        async with store.sessions.begin() as session:
            await dedupe_index.move_stories(session, moves)
            await dedupe_index.move_stories(session, {})
        async with store.sessions.begin() as session:
            found = await dedupe_index.story_docs(session, ["quake", "storm", "fire", "strike", "flood"], 10)
        assert {doc.doc_id: doc.story_id for doc in found} == expected
    with pytest.raises(ValueError, match="chain"):
        async with store.sessions.begin() as session:
            await dedupe_index.move_stories(session, {"fire": "quake", "quake": "storm"})
