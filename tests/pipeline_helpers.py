"""Running the real pipeline inside a test until every stage has drained its topics."""

import asyncio
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, ConsumerRecord
from sqlalchemy import select

from newsmon.cli.pipeline import Pipeline, count_not_done
from newsmon.store.models import (
    AlertRow,
    ArticleRow,
    ArticleVersionRow,
    ClaimRow,
    DedupeDocRow,
    DedupePostingRow,
    DuplicateRow,
    Feed,
    OutboxItem,
    SpeakerRow,
)
from newsmon.store.session import Store


async def wait_until_drained(pipeline: Pipeline, timeout_s: float = 60.0, settle_s: float = 1.5) -> None:
    """Wait until the outbox is done and every stage has fetched nothing for `settle_s`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        if pipeline.is_idle_for(settle_s) and await count_not_done(pipeline.store) == 0:
            return
    raise AssertionError(f"pipeline not drained after {timeout_s} s")


SNAPSHOT_TABLES = {
    ArticleRow: ("id", "version", "content_hash", "title", "text", "published_at", "first_seen_at", "updated_at",
                 "story_id"),
    ArticleVersionRow: ("article_id", "version", "content_hash"),
    DuplicateRow: ("id", "duplicate_of", "seen_at"),
    ClaimRow: ("id", "article_id", "speaker_id", "text", "start", "end", "created_at"),
    SpeakerRow: ("id", "name"),
    AlertRow: ("id", "rule", "created_at", "published_at"),
    OutboxItem: ("id", "done_at"),
    Feed: ("id", "url", "items_seen"),
    DedupeDocRow: ("doc_id", "seq", "first_seen", "sketch", "story_id", "duplicate_of"),
    DedupePostingRow: ("band_key", "seqs"),
}


async def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row's identity and content, sorted, for before/after comparisons."""
    result = {}
    async with store.sessions() as session:
        for model, columns in SNAPSHOT_TABLES.items():
            rows = (await session.execute(select(*(getattr(model, c) for c in columns)))).all()
            result[model.__tablename__] = sorted(tuple(row) for row in rows)
    return result


async def run_pipeline_over(settings: Any, specs: list[Any]) -> None:
    """Poll the feeds `specs` once with the whole pipeline running, and wait until every stage is done."""
    from newsmon.cli.pipeline import open_pipeline, register_catalogue, stages_running

    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        await pipeline.poller.poll_due(await register_catalogue(pipeline.store, specs), everything=True)
        await wait_until_drained(pipeline)


async def read_topic(bootstrap: str, topic: str, expected: int, timeout_s: float = 15.0) -> list[ConsumerRecord]:
    """The topic's records from the start, until `expected` are read or timeout_s passes (a bound, not a measure)."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, fetch_max_wait_ms=100)  # fmt: skip
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout_s
        while len(records) < expected and asyncio.get_running_loop().time() < deadline:
            batches = await consumer.getmany(timeout_ms=300)
            records.extend(r for rs in batches.values() for r in rs)
    finally:
        await consumer.stop()
    return records
