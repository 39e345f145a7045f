"""The near-duplicate LSH index in the store, so every dedupe process shares it and a restart loses nothing.

Batch-shaped: the dedupe stage reads everything one batch of items needs in a few queries (the docs it
already knows, the postings of every band key of the batch, the candidate docs) and writes the batch's
docs and postings in bulk. Band keys are signed 64-bit integers. Each key's postings are one row of
dedupe_postings: its POSTING_LIMIT most recent doc seqs, newest first, packed as little-endian int64.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
from psycopg.rows import namedtuple_row
from sqlalchemy import case, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import DedupeDocRow
from newsmon.store.upsert import insert_for

# Mirror consumers/dedupe/index.py (the store may not import consumers; a test checks the two agree). A band key
# shared by many docs comes from stock text, so each key keeps only its most recent docs: lookups and writes stay
# flat as the index grows. A doc that leaves a key (a new version's text) does not bring back the older doc it had
# pushed out.
POSTING_LIMIT = 8
# Any 64-bit constant: the PostgreSQL advisory lock every dedupe transaction takes before deciding.
INDEX_LOCK_KEY = 0x6E65_7773_6D6F_6E31 - (1 << 63)
_SEQ = np.dtype("<i8")

_DOC_COLUMNS = (DedupeDocRow.doc_id, DedupeDocRow.seq, DedupeDocRow.first_seen, DedupeDocRow.sketch,
                DedupeDocRow.story_id, DedupeDocRow.duplicate_of, DedupeDocRow.similarity)  # fmt: skip
# The postings of all keys in one row: the keys found (a JSON array), each one's packed length in bytes, and all
# packed rows as one hex text (SQLite has no blob aggregate) that Python turns back into bytes in C. The two
# aggregates see the rows in the same order. One primary-key lookup per key.
_SQLITE_POSTINGS = text(
    "SELECT json_group_array(band_key), json_group_array(length(seqs)), group_concat(hex(seqs), '') "
    "FROM dedupe_postings WHERE band_key IN (SELECT value FROM json_each(:keys))"
)
# PostgreSQL: one primary-key lookup per key whatever the table's size. For `band_key = ANY(keys)` the planner
# picks a parallel seq scan of the whole table once it has statistics and ~500k rows (3 processes reading all
# rows: 0.55 s for a batch's 27,000 keys at 6M rows, against 0.17 s by the index), and a plain join with
# unnest(keys) becomes a hash join over a seq scan below ~600k rows. A LIMIT keeps the subquery from being turned
# into a join, so the only plan left is a nested loop over the keys, each an index lookup (or, while the table
# fits in a few pages, a scan of those). Read in binary format (`_binary_rows`), so the packed seqs come as
# bytes, not as hex text.
_POSTGRES_POSTINGS = (
    "SELECT array_agg(k.band_key) AS keys, array_agg(length(p.seqs)) AS sizes, "
    "string_agg(p.seqs, ''::bytea) AS packed FROM unnest(CAST(%(keys)s AS bigint[])) AS k(band_key) "
    "CROSS JOIN LATERAL (SELECT seqs FROM dedupe_postings WHERE band_key = k.band_key LIMIT 1) AS p"
)
# The estimate of ~8 a lookup passes jit_above_cost (100,000) at 12,000 keys and jit_inline_above_cost at 60,000:
# compiling then costs 4-5 ms, and 70-100 ms with inlining, for a read of 30-300 ms. Off until the transaction
# ends (the batch's other statements are as short).
_POSTGRES_NO_JIT = text("SET LOCAL jit = off")
# One JSON parameter for the ~2,000 seqs a batch reads (an expanded IN list costs SQLAlchemy more than SQLite).
_SQLITE_DOCS_BY_SEQ = (
    "SELECT doc_id, seq, first_seen, sketch, story_id, duplicate_of, similarity FROM dedupe_docs "
    "WHERE seq IN (SELECT value FROM json_each(?))"
)
_POSTGRES_DOCS_BY_SEQ = (
    "SELECT doc_id, seq, first_seen, sketch, story_id, duplicate_of, similarity FROM dedupe_docs "
    "WHERE seq = ANY(CAST(%(seqs)s AS bigint[]))"
)
# The driver's executemany: one prepared statement for all keys, no per-row dict handling.
_SQLITE_PUT_POSTINGS = ("INSERT INTO dedupe_postings (band_key, seqs) VALUES (?, ?) "
                        "ON CONFLICT (band_key) DO UPDATE SET seqs = excluded.seqs")  # fmt: skip
# %b: psycopg sends these lists in binary format (by default a list goes as text, an escaped array literal of
# hex bytea values the server parses: ~12 MB a batch with 100k docs stored).
_POSTGRES_PUT_POSTINGS = (
    "INSERT INTO dedupe_postings (band_key, seqs) SELECT * FROM unnest(CAST(%(keys)b AS bigint[]), "
    "CAST(%(seqs)b AS bytea[])) ON CONFLICT (band_key) DO UPDATE SET seqs = excluded.seqs"
)
_SQLITE_DELETE_POSTINGS = text("DELETE FROM dedupe_postings WHERE band_key IN (SELECT value FROM json_each(:keys))")
_POSTGRES_DELETE_POSTINGS = text("DELETE FROM dedupe_postings WHERE band_key = ANY(CAST(:keys AS bigint[]))")


def _is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


async def lock(session: AsyncSession) -> None:
    """Serialise deciding across dedupe processes until this transaction ends.

    Two processes deciding copies of one story at the same instant would each miss the other's
    uncommitted doc and both call it new. PostgreSQL: a transaction-level advisory lock. SQLite: the
    transaction already began with BEGIN IMMEDIATE (newsmon/store/session.py), which holds the write lock.
    """
    if _is_postgres(session):
        await session.execute(select(func.pg_advisory_xact_lock(INDEX_LOCK_KEY)))


async def known_docs(session: AsyncSession, doc_ids: Iterable[str]) -> dict[str, Any]:
    """Docs already in the index, by doc_id (they keep their first decision)."""
    ids = list(set(doc_ids))
    if not ids:
        return {}
    rows = (await session.execute(select(*_DOC_COLUMNS).where(DedupeDocRow.doc_id.in_(ids)))).all()
    return {row.doc_id: row for row in rows}


async def docs_by_seq(session: AsyncSession, seqs: Iterable[int]) -> dict[int, Any]:
    """Docs by arrival number."""
    wanted = list(set(seqs))
    if not wanted:
        return {}
    if _is_postgres(session):
        return {row.seq: row for row in await _binary_rows(session, _POSTGRES_DOCS_BY_SEQ, {"seqs": wanted})}
    connection = await session.connection()
    rows = await connection.exec_driver_sql(_SQLITE_DOCS_BY_SEQ, (json.dumps(wanted),))
    return {row.seq: row for row in rows}


async def _binary_rows(session: AsyncSession, query: str, params: dict[str, Any], fetch: bool = True) -> list[Any]:
    """PostgreSQL rows (named tuples) in the binary format, in the session's transaction. psycopg asks for text
    results by default, where bytea travels as hex: twice the bytes, encoded by the server and decoded here
    (about 3,000 sketches of 1.5 KB and 6 MB of packed seqs a batch with 100k docs stored)."""
    connection = await (await session.connection()).get_raw_connection()
    driver = connection.driver_connection
    assert driver is not None
    async with driver.cursor(binary=True, row_factory=namedtuple_row) as cursor:
        await cursor.execute(query, params)
        return await cursor.fetchall() if fetch else []  # type: ignore[no-any-return]


class Postings(NamedTuple):
    """Band-key postings as flat arrays: keys[i] has lengths[i] docs, the next lengths[i] of `seqs`, newest first.

    `asked`: every key looked up (sorted), including those without docs; None when not from the store."""

    keys: np.ndarray
    lengths: np.ndarray
    seqs: np.ndarray
    asked: np.ndarray | None = None

    @classmethod
    def from_mapping(cls, postings: Mapping[int, Sequence[int]]) -> "Postings":
        """From {key: seqs newest first}."""
        lengths = np.fromiter(map(len, postings.values()), np.int64, len(postings))
        seqs = np.fromiter(chain.from_iterable(postings.values()), np.int64, int(lengths.sum()))
        return cls(np.fromiter(postings, np.int64, len(postings)), lengths, seqs)


async def postings(session: AsyncSession, band_keys: Iterable[int]) -> Postings:
    """For each band key with docs: the arrival numbers of its POSTING_LIMIT most recent docs, newest first."""
    asked = sorted_distinct(band_keys if isinstance(band_keys, np.ndarray) else np.fromiter(band_keys, np.int64))
    if len(asked) == 0:
        return Postings(asked, asked, asked, asked)
    keys = asked.tolist()
    if _is_postgres(session):
        await session.execute(_POSTGRES_NO_JIT)
        found, sizes, packed = (await _binary_rows(session, _POSTGRES_POSTINGS, {"keys": keys}))[0]
    else:
        found_json, sizes_json, hexed = (await session.execute(_SQLITE_POSTINGS, {"keys": json.dumps(keys)})).one()
        found, sizes, packed = json.loads(found_json), json.loads(sizes_json), bytes.fromhex(hexed or "")
    seqs = np.frombuffer(packed or b"", dtype=_SEQ).astype(np.int64)
    lengths = np.asarray(sizes or [], dtype=np.int64) // _SEQ.itemsize
    if len(seqs) != int(lengths.sum()):
        raise RuntimeError("dedupe postings: packed doc numbers and sizes disagree")
    if len(lengths) and int(lengths.max()) > POSTING_LIMIT:
        # A store indexed under a larger POSTING_LIMIT (64 until 2026-11): each row's newest POSTING_LIMIT, as if
        # cut then. The key's next write (every key read is written: each decided item is indexed) cuts the row.
        places = np.arange(len(seqs)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        seqs, lengths = seqs[places < POSTING_LIMIT], np.minimum(lengths, POSTING_LIMIT)
    return Postings(np.asarray(found or [], dtype=np.int64), lengths, seqs, asked)


async def next_seq(session: AsyncSession) -> int:
    """The next free arrival number; call after `lock` so no other process hands out the same."""
    return int(await session.scalar(select(func.coalesce(func.max(DedupeDocRow.seq), 0))) or 0) + 1


async def add_docs(session: AsyncSession, docs: Sequence[dict[str, Any]]) -> None:
    """Insert docs (dicts of dedupe_docs columns); replays change nothing."""
    if docs:
        statement = insert_for(session, DedupeDocRow.__table__).on_conflict_do_nothing(index_elements=["doc_id"])
        await session.execute(statement, list(docs))


async def update_postings(session: AsyncSession, read: Postings, added: Mapping[int, Sequence[int]],
                          removed: Mapping[int, Iterable[int]] | None = None) -> None:  # fmt: skip
    """Put each doc seq of `added` under its band keys and take each of `removed` off its keys, each key keeping
    its POSTING_LIMIT most recent (highest) seqs. `read`: the current postings of the keys this transaction has
    read (under `lock`); the other keys are read here. Removals come first, so a doc moving off a full key frees a
    place for the batch's docs. Adding a seq a key already holds changes nothing."""
    removing = {seq: list(keys) for seq, keys in (removed or {}).items()}
    added_seqs = np.repeat(np.fromiter(added, np.int64, len(added)), [len(keys) for keys in added.values()])
    added_keys = np.fromiter(chain.from_iterable(added.values()), np.int64, len(added_seqs))
    removed_keys = np.fromiter(chain.from_iterable(removing.values()), np.int64)
    touched = sorted_distinct(np.concatenate([added_keys, removed_keys]))
    if len(touched) == 0:
        return
    current = _concat(_only(read, touched), await postings(session, _unread(read, touched)))
    if not removing and (len(current.seqs) == 0 or int(added_seqs.min()) > int(current.seqs.max())):
        # New docs only: merged without sorting, and every touched key gets one of them (none is left empty).
        await _put(session, touched, *_prepend_newest(touched, current, added_keys, added_seqs))
        return
    found, lengths, seqs = _merge(current, added_keys, added_seqs, removing)
    await _put(session, found, lengths, seqs)
    await _delete(session, np.setdiff1d(touched, found))


def _prepend_newest(keys: np.ndarray, current: Postings, added_keys: np.ndarray,
                    added_seqs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Lengths and packed seqs of `keys` (sorted: every added key, and every current one among them) when every
    added seq is newer than every current one: under each key, its added seqs (highest first) and then its
    current ones, cut at POSTING_LIMIT."""
    order = np.lexsort((-added_seqs, added_keys))
    added_keys, added_seqs = added_keys[order], added_seqs[order]
    repeated = np.zeros(len(added_keys), dtype=bool)
    repeated[1:] = (added_keys[1:] == added_keys[:-1]) & (added_seqs[1:] == added_seqs[:-1])
    added_keys, added_seqs = added_keys[~repeated], added_seqs[~repeated]
    added_at = np.searchsorted(keys, added_keys)
    added_count = np.bincount(added_at, minlength=len(keys))
    current_count = np.zeros(len(keys), dtype=np.int64)
    current_at = np.searchsorted(keys, current.keys)
    current_count[current_at] = current.lengths
    lengths = np.minimum(added_count + current_count, POSTING_LIMIT)
    starts = np.cumsum(lengths) - lengths
    seqs = np.empty(int(lengths.sum()), dtype=np.int64)
    # Place of each added seq under its key, then of each current seq after the key's added ones.
    rank = np.arange(len(added_keys)) - (np.cumsum(added_count) - added_count)[added_at]
    kept = rank < POSTING_LIMIT
    seqs[(starts[added_at] + rank)[kept]] = added_seqs[kept]
    current_key = np.repeat(current_at, current.lengths)
    rank = added_count[current_key] + np.arange(len(current.seqs)) - np.repeat(
        np.cumsum(current.lengths) - current.lengths, current.lengths)  # fmt: skip
    kept = rank < POSTING_LIMIT
    seqs[(starts[current_key] + rank)[kept]] = current.seqs[kept]
    return lengths, seqs


def _merge(current: Postings, added_keys: np.ndarray, added_seqs: np.ndarray,
           removed: Mapping[int, list[int]]) -> tuple[np.ndarray, ...]:  # fmt: skip
    """Keys, lengths and packed seqs in general: current pairs less the removed ones, plus the added ones."""
    keys = np.repeat(current.keys, current.lengths)
    seqs = current.seqs
    if removed:
        kept = np.ones(len(seqs), dtype=bool)
        for seq, old_keys in removed.items():
            kept &= ~((seqs == seq) & np.isin(keys, np.asarray(old_keys, dtype=np.int64)))
        keys, seqs = keys[kept], seqs[kept]
    keys, seqs, lengths = _newest_per_key(np.concatenate([keys, added_keys]), np.concatenate([seqs, added_seqs]))
    return (keys[np.cumsum(lengths) - lengths] if len(keys) else keys), lengths, seqs


def _only(read: Postings, keys: np.ndarray) -> Postings:
    """The postings of `read` under `keys` (sorted, distinct)."""
    wanted = _is_in(read.keys, keys)
    return Postings(read.keys[wanted], read.lengths[wanted], read.seqs[np.repeat(wanted, read.lengths)])


def _unread(read: Postings, keys: np.ndarray) -> np.ndarray:
    asked = read.asked if read.asked is not None else sorted_distinct(read.keys)
    return keys[~_is_in(keys, asked)]


def _is_in(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """np.isin(values, sorted_keys) for sorted distinct keys: one binary search a value (np.isin sorts both arrays
    again, 3x the CPU for a batch's ~27,000 keys)."""
    if len(sorted_keys) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, values), len(sorted_keys) - 1)
    return sorted_keys[at] == values  # type: ignore[no-any-return]


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """np.unique(values), by a sort: numpy 2's np.unique without return_inverse fills a hash table instead, 3x
    the CPU of a sort for a batch's ~60,000 band keys (and 14x for a million values)."""
    ordered = np.sort(values)
    distinct = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=distinct[1:])
    return ordered[distinct]


def _concat(first: Postings, second: Postings) -> Postings:
    return Postings(*(np.concatenate([a, b]) for a, b in zip(first[:3], second[:3], strict=True)))


def _newest_per_key(keys: np.ndarray, seqs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(key, seq) pairs without repeats, by key, each key's POSTING_LIMIT highest seqs, highest first: the pairs'
    keys and seqs, and the length of each key's run."""
    order = np.lexsort((-seqs, keys))
    keys, seqs = keys[order], seqs[order]
    new_key = np.ones(len(keys), dtype=bool)
    new_key[1:] = keys[1:] != keys[:-1]
    repeated = np.zeros(len(keys), dtype=bool)
    repeated[1:] = ~new_key[1:] & (seqs[1:] == seqs[:-1])
    keys, seqs, new_key = keys[~repeated], seqs[~repeated], new_key[~repeated]
    starts = np.flatnonzero(new_key)
    place = np.arange(len(keys)) - np.repeat(starts, np.diff(np.append(starts, len(keys))))
    kept = place < POSTING_LIMIT
    keys, seqs, new_key = keys[kept], seqs[kept], new_key[kept]
    starts = np.flatnonzero(new_key)
    return keys, seqs, np.diff(np.append(starts, len(keys)))


async def _put(session: AsyncSession, keys: np.ndarray, lengths: np.ndarray, seqs: np.ndarray) -> None:
    if len(keys) == 0:
        return
    packed = seqs.astype(_SEQ).tobytes()
    ends = np.cumsum(lengths) * _SEQ.itemsize
    starts = ends - lengths * _SEQ.itemsize
    rows = [packed[start:end] for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]
    if _is_postgres(session):
        await _binary_rows(session, _POSTGRES_PUT_POSTINGS, {"keys": keys.tolist(), "seqs": rows}, fetch=False)
    else:
        connection = await session.connection()
        await connection.exec_driver_sql(_SQLITE_PUT_POSTINGS, list(zip(keys.tolist(), rows, strict=True)))


async def _delete(session: AsyncSession, keys: np.ndarray) -> None:
    if len(keys) == 0:
        return
    if _is_postgres(session):
        await session.execute(_POSTGRES_DELETE_POSTINGS, {"keys": keys.tolist()})
    else:
        await session.execute(_SQLITE_DELETE_POSTINGS, {"keys": json.dumps(keys.tolist())})


async def replace_sketch(session: AsyncSession, seq: int, sketch: bytes) -> None:
    """A doc's new content: its sketch changes, its decision (story, duplicate_of) does not. (Its band keys move
    with `update_postings`.)"""
    await session.execute(update(DedupeDocRow).where(DedupeDocRow.seq == seq).values(sketch=sketch))


async def story_docs(session: AsyncSession, story_ids: Iterable[str], limit: int) -> list[Any]:
    """The docs of these stories, at most `limit` of each (the first by arrival), story by story in the order asked.

    One statement for all of them, cut here: every doc of the stories is read, so ask for small ones (the dedupe
    stage asks only for stories it counted at most `limit` - 1 docs in). A statement a story cost the stage bench's
    template feeds ~8% of its CPU (bench.dedupe_stage --feeds 1000)."""
    wanted = list(dict.fromkeys(story_ids))
    if not wanted:
        return []
    query = select(*_DOC_COLUMNS).where(DedupeDocRow.story_id.in_(wanted)).order_by(DedupeDocRow.seq)
    by_story: dict[str, list[Any]] = {story_id: [] for story_id in wanted}
    for row in (await session.execute(query)).all():
        docs = by_story[row.story_id]
        if len(docs) < limit:
            docs.append(row)
    return list(chain.from_iterable(by_story.values()))


_STORIES_A_QUERY = 5000  # bound parameters a statement (SQLite allows 32766)


async def story_sizes(session: AsyncSession, story_ids: Sequence[str]) -> dict[str, int]:
    """How many docs each of these stories has (from the story_id index, no sketch read)."""
    sizes: dict[str, int] = {}
    for start in range(0, len(story_ids), _STORIES_A_QUERY):
        chunk = list(story_ids[start : start + _STORIES_A_QUERY])
        query = (select(DedupeDocRow.story_id, func.count()).where(DedupeDocRow.story_id.in_(chunk))
                 .group_by(DedupeDocRow.story_id))  # fmt: skip
        sizes.update({str(story_id): int(count) for story_id, count in (await session.execute(query)).all()})
    return sizes


_MOVES_A_STATEMENT = 2000  # three bound parameters a move


async def move_stories(session: AsyncSession, moves: Mapping[str, str]) -> None:
    """Every doc of each story `moves` names joins the story it maps to (absorbed -> survivor), in one statement
    (`UPDATE ... SET story_id = CASE story_id WHEN ... END WHERE story_id IN (...)`): the dedupe stage composes a
    batch's merges and writes them at once (a statement a merge cost the stage bench ~7% of its CPU). No survivor may
    itself be moved (the caller resolves chains). Moves applied again change nothing."""
    if any(survivor in moves for survivor in moves.values()):
        raise ValueError("dedupe story moves: a survivor is moved too (resolve the chain first)")
    pairs = sorted(moves.items())
    for start in range(0, len(pairs), _MOVES_A_STATEMENT):
        chunk = dict(pairs[start : start + _MOVES_A_STATEMENT])
        await session.execute(update(DedupeDocRow).where(DedupeDocRow.story_id.in_(list(chunk)))
                              .values(story_id=case(chunk, value=DedupeDocRow.story_id)),
                              execution_options={"synchronize_session": False})  # fmt: skip


async def size(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(DedupeDocRow)) or 0)
