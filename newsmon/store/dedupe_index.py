"""The near-duplicate LSH index in the store, so every dedupe process shares it and a restart loses nothing.

Batch-shaped: the dedupe stage reads everything one batch of items needs in a few queries (the docs it
already knows, the postings of every band key of the batch, the candidate docs) and writes the batch's
docs and band rows in bulk. Band keys are signed 64-bit integers; band rows point at a doc's `seq`.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import DedupeDocRow
from newsmon.store.upsert import insert_for

# Mirror consumers/dedupe/index.py (the store may not import consumers). A band key shared by many docs comes
# from stock text, so each key contributes only its most recent docs: lookups stay flat as the index grows.
POSTING_LIMIT = 64
# Any 64-bit constant: the PostgreSQL advisory lock every dedupe transaction takes before deciding.
INDEX_LOCK_KEY = 0x6E65_7773_6D6F_6E31 - (1 << 63)

_DOC_COLUMNS = (DedupeDocRow.doc_id, DedupeDocRow.seq, DedupeDocRow.first_seen, DedupeDocRow.sketch,
                DedupeDocRow.story_id, DedupeDocRow.duplicate_of, DedupeDocRow.similarity)  # fmt: skip
# The postings of all keys in one row: the keys that have any (a JSON array), how many docs each contributes, and
# all those doc numbers, each key's newest first, as one comma-separated text that numpy parses in C (no Python
# int or list per posting). A correlated subquery per key is one backward range scan of the primary key.
_SQLITE_POSTINGS = text(
    "WITH found AS MATERIALIZED (SELECT value AS key, (SELECT group_concat(doc_seq) FROM (SELECT doc_seq FROM "
    "dedupe_bands WHERE band_key = value ORDER BY doc_seq DESC LIMIT :limit)) AS seqs FROM json_each(:keys)) "
    "SELECT json_group_array(key), json_group_array(length(seqs) - length(replace(seqs, ',', '')) + 1), "
    "group_concat(seqs) FROM found WHERE seqs IS NOT NULL"
)
# PostgreSQL: one bigint[] per key (a row per (key, doc) made the server and the driver handle ~4k rows an item).
# One string_agg of all keys' doc numbers, parsed as SQLite's is, was not measurably cheaper (server CPU up).
_POSTGRES_POSTINGS = text(
    "SELECT key, seqs FROM (SELECT keys.key, ARRAY(SELECT doc_seq FROM dedupe_bands WHERE band_key = keys.key "
    "ORDER BY doc_seq DESC LIMIT :limit) AS seqs FROM unnest(CAST(:keys AS bigint[])) AS keys(key)) AS found "
    "WHERE cardinality(seqs) > 0"
)
# One execution per doc, its keys as a JSON array: SQLite unpacks them in C, Python builds no row tuples.
_SQLITE_ADD_BANDS = "INSERT OR IGNORE INTO dedupe_bands (band_key, doc_seq) SELECT value, ? FROM json_each(?)"
_POSTGRES_ADD_BANDS = text(
    "INSERT INTO dedupe_bands (band_key, doc_seq) SELECT * FROM unnest(CAST(:keys AS bigint[]), "
    "CAST(:seqs AS bigint[])) ON CONFLICT DO NOTHING"
)
_SQLITE_DELETE_BANDS = text("DELETE FROM dedupe_bands WHERE doc_seq = :seq AND band_key IN (SELECT value FROM "
                            "json_each(:keys))")  # fmt: skip
_POSTGRES_DELETE_BANDS = text("DELETE FROM dedupe_bands WHERE doc_seq = :seq AND band_key = ANY(CAST(:keys AS "
                              "bigint[]))")  # fmt: skip


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
    rows = (await session.execute(select(*_DOC_COLUMNS).where(DedupeDocRow.seq.in_(wanted)))).all()
    return {row.seq: row for row in rows}


class Postings(NamedTuple):
    """Band-key postings as flat arrays: keys[i] has lengths[i] docs, the next lengths[i] of `seqs`, newest first."""

    keys: np.ndarray
    lengths: np.ndarray
    seqs: np.ndarray

    @classmethod
    def from_mapping(cls, postings: Mapping[int, Sequence[int]]) -> "Postings":
        """From {key: seqs newest first}."""
        lengths = np.fromiter(map(len, postings.values()), np.int64, len(postings))
        seqs = np.fromiter(chain.from_iterable(postings.values()), np.int64, int(lengths.sum()))
        return cls(np.fromiter(postings, np.int64, len(postings)), lengths, seqs)


async def postings(session: AsyncSession, band_keys: Iterable[int]) -> Postings:
    """For each band key with docs: the arrival numbers of its POSTING_LIMIT most recent docs, newest first."""
    keys = sorted(set(band_keys))
    if not keys:
        return Postings.from_mapping({})
    if _is_postgres(session):
        result = await session.execute(_POSTGRES_POSTINGS, {"keys": keys, "limit": POSTING_LIMIT})
        return Postings.from_mapping({key: sorted(seqs, reverse=True) for key, seqs in result})
    result = await session.execute(_SQLITE_POSTINGS, {"keys": json.dumps(keys), "limit": POSTING_LIMIT})
    found_json, lengths_json, seqs = result.one()
    found, lengths = json.loads(found_json), json.loads(lengths_json)
    flat = np.fromstring(seqs, dtype=np.int64, sep=",") if seqs else np.zeros(0, np.int64)
    lengths_array = np.asarray(lengths, dtype=np.int64)
    if len(flat) != int(lengths_array.sum()):
        raise RuntimeError("dedupe postings: doc numbers and counts disagree")
    # Newest first within each key, whatever order the aggregate kept: sort by (key, -seq).
    rows = np.repeat(np.arange(len(lengths_array)), lengths_array)
    order = np.lexsort((-flat, rows))
    return Postings(np.asarray(found, dtype=np.int64), lengths_array, flat[order])


async def next_seq(session: AsyncSession) -> int:
    """The next free arrival number; call after `lock` so no other process hands out the same."""
    return int(await session.scalar(select(func.coalesce(func.max(DedupeDocRow.seq), 0))) or 0) + 1


async def add_docs(session: AsyncSession, docs: Sequence[dict[str, Any]], bands: Mapping[int, Sequence[int]]) -> None:
    """Insert docs (dicts of dedupe_docs columns) and their band keys by doc seq; replays change nothing."""
    if docs:
        statement = insert_for(session, DedupeDocRow.__table__).on_conflict_do_nothing(index_elements=["doc_id"])
        await session.execute(statement, list(docs))
    await _add_bands(session, bands)


async def _add_bands(session: AsyncSession, bands: Mapping[int, Sequence[int]]) -> None:
    bands = {seq: keys for seq, keys in bands.items() if keys}
    if not bands:
        return
    if _is_postgres(session):
        keys = list(chain.from_iterable(bands.values()))
        seqs = list(chain.from_iterable([seq] * len(doc_keys) for seq, doc_keys in bands.items()))
        await session.execute(_POSTGRES_ADD_BANDS, {"keys": keys, "seqs": seqs})
    else:
        # The driver's executemany: one prepared statement for all docs, no per-row dict handling.
        connection = await session.connection()
        await connection.exec_driver_sql(
            _SQLITE_ADD_BANDS, [(seq, json.dumps(list(doc_keys))) for seq, doc_keys in bands.items()]
        )


async def replace_sketch(session: AsyncSession, seq: int, sketch: bytes, old_keys: Sequence[int],
                         new_keys: Sequence[int]) -> None:  # fmt: skip
    """A doc's new content: its sketch and band rows change, its decision (story, duplicate_of) does not."""
    await session.execute(update(DedupeDocRow).where(DedupeDocRow.seq == seq).values(sketch=sketch))
    if old_keys:
        if _is_postgres(session):
            await session.execute(_POSTGRES_DELETE_BANDS, {"seq": seq, "keys": list(old_keys)})
        else:
            await session.execute(_SQLITE_DELETE_BANDS, {"seq": seq, "keys": json.dumps(list(old_keys))})
    await _add_bands(session, {seq: list(dict.fromkeys(new_keys))})


async def size(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(DedupeDocRow)) or 0)
