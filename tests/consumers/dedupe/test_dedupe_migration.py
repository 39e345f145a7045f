"""A store indexed before the packed postings (migration 0006) keeps its index: the same postings, then and after."""

import asyncio

import numpy as np
from sqlalchemy import create_engine, text

from newsmon.config import StoreSettings
from newsmon.store import dedupe_index
from newsmon.store.dedupe_index import POSTING_LIMIT
from newsmon.store.session import open_store, upgrade_database


async def test_upgrade_packs_each_keys_most_recent_band_rows(store_url: str) -> None:
    await asyncio.to_thread(upgrade_database, store_url, "0005")
    # Key 7 has more band rows than POSTING_LIMIT, key -3 (signed keys) two, key 5 none.
    rows = [{"key": 7, "seq": seq} for seq in range(1, POSTING_LIMIT + 10)] + [{"key": -3, "seq": 2},
                                                                                {"key": -3, "seq": 40}]  # fmt: skip
    engine = create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO dedupe_bands (band_key, doc_seq) VALUES (:key, :seq)"), rows)
    engine.dispose()
    async with open_store(StoreSettings(url=store_url)) as store, store.sessions.begin() as session:
        found = await dedupe_index.postings(session, [5, 7, -3])
    seqs = np.split(found.seqs, np.cumsum(found.lengths)[:-1])
    by_key = {key: list(key_seqs) for key, key_seqs in zip(found.keys.tolist(), seqs, strict=True)}
    assert by_key == {-3: [40, 2], 7: list(range(POSTING_LIMIT + 9, 9, -1))}
