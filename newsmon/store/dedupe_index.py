"""The near-duplicate LSH index in the store, so every dedupe process shares it and a restart loses nothing.

Implements consumers/dedupe/index.py's AsyncDedupeIndex contract inside the caller's transaction.
"""

import functools
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import TextClause, delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import DedupeBandRow, DedupeDocRow
from newsmon.store.upsert import insert_for

# Mirror consumers/dedupe/index.py (the store may not import consumers). A band key shared by many docs comes
# from stock text, so each key contributes only its most recent docs: lookups stay flat as the index grows.
POSTING_LIMIT = 64
CANDIDATE_LIMIT = 64


@functools.cache
def _postings_query(key_count: int) -> TextClause:
    """One LIMITed index range scan per key, glued with UNION ALL; cached per key count, since building
    the statement through Core objects costs more than running it (~127 keys an article)."""
    per_key = (
        f"SELECT * FROM (SELECT doc_id FROM dedupe_bands WHERE band_key = :k{i} "
        f"ORDER BY first_seen DESC LIMIT {POSTING_LIMIT}) AS p{i}"
        for i in range(key_count)
    )
    return text(" UNION ALL ".join(per_key))




class SqlDedupeIndex:
    """Band postings in `dedupe_bands`, sketches and decisions in `dedupe_docs`."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def candidates(self, band_keys: Sequence[str], limit: int = CANDIDATE_LIMIT) -> list[DedupeDocRow]:
        """Docs sharing a band key (each key: its POSTING_LIMIT most recent docs), most shared keys first."""
        keys = sorted(set(band_keys))
        if not keys:
            return []
        result = await self.session.execute(_postings_query(len(keys)), {f"k{i}": key for i, key in enumerate(keys)})
        shared = Counter(result.scalars().all())
        if not shared:
            return []
        top = sorted(shared, key=lambda doc_id: -shared[doc_id])[: limit * 2]  # ties settled on first_seen below
        rows = (await self.session.scalars(select(DedupeDocRow).where(DedupeDocRow.doc_id.in_(top)))).all()
        ranked = sorted(rows, key=lambda row: (-shared[row.doc_id], -row.first_seen, row.doc_id))
        return ranked[:limit]

    async def add(self, doc: object, band_keys: Sequence[str], similarity: float | None = None) -> None:
        """Insert or replace the doc and its band keys (an upsert keyed by doc_id)."""
        doc_id: str = doc.doc_id  # type: ignore[attr-defined]
        values = {"doc_id": doc_id, "first_seen": doc.first_seen, "sketch": doc.sketch,  # type: ignore[attr-defined]
                  "story_id": doc.story_id, "duplicate_of": doc.duplicate_of,  # type: ignore[attr-defined]
                  "similarity": similarity}  # fmt: skip
        statement = insert_for(self.session, DedupeDocRow.__table__)
        update = {key: statement.excluded[key] for key in values if key != "doc_id"}
        await self.session.execute(statement.on_conflict_do_update(index_elements=["doc_id"], set_=update), [values])
        await self.session.execute(delete(DedupeBandRow).where(DedupeBandRow.doc_id == doc_id))
        first_seen = values["first_seen"]
        rows = [{"band_key": key, "doc_id": doc_id, "first_seen": first_seen} for key in dict.fromkeys(band_keys)]
        if rows:
            await self.session.execute(insert_for(self.session, DedupeBandRow.__table__), rows)

    async def get(self, doc_id: str) -> DedupeDocRow | None:
        return await self.session.get(DedupeDocRow, doc_id)

    async def size(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(DedupeDocRow)) or 0)
