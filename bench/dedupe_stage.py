"""Dedupe stage throughput on realistic feed items, as `newsmon poll-once` feeds it (issues 3 and 4).

    python -m bench.dedupe_stage --engine sqlite --feeds 1000            # a cold poll's 35k items
    python -m bench.dedupe_stage --engine postgres --feeds 300
    python -m bench.dedupe_stage --engine sqlite --prefill 100000 --feeds 100   # rate with 100k already stored
    python -m bench.dedupe_stage --engine sqlite --feeds 100 --profile /tmp/dedupe.prof

Items come from the peer harness's fixture feeds (../shared/bench/poll/fixture_server.py: title plus a 2-4
sentence summary, a tenth of the feeds with full bodies), parsed by the poller's own parser. Each run uses a
fresh, migrated database and calls `DedupeStage.process` on batches of `--batch` items, as the consumer does.
`--prefill N` first stores N items of other feeds (another fixture seed) and then times the same items.
Prints wall and CPU time of this process (PostgreSQL's server CPU is not included) as JSON.
"""

import argparse
import asyncio
import cProfile
import json
import os
import pickle
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consumers.dedupe.stage import DedupeStage
from consumers.runner import Delivery
from newsmon.config import StoreSettings
from newsmon.store.session import Store, open_store
from producers.items import build_item
from producers.parse import parse_feed
from schemas.items import FeedItem
from schemas.topics import Topics

HARNESS = Path(os.environ.get("NEWSMON_POLL_HARNESS", Path(__file__).resolve().parents[2] / "shared/bench/poll"))
CACHE = Path(tempfile.gettempdir()) / "newsmon-bench-dedupe-items"


def fixture_items(seed: int, first_feed: int, feeds: int) -> list[FeedItem]:
    """Items of fixture feeds first_feed..first_feed+feeds-1 in the order a cold poll publishes them."""
    cached = CACHE / f"{seed}-{first_feed}-{feeds}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())  # our own cache file
    sys.path.insert(0, str(HARNESS))
    from fixture_server import FeedModel  # type: ignore[import-not-found]

    polled_at = datetime.now(UTC)
    items: list[FeedItem] = []
    for i in range(first_feed, first_feed + feeds):
        model = FeedModel(seed, i, 18080)
        feed_url = f"http://127.0.0.1:18080/feed/{i}.xml"
        for entry in parse_feed(model.body, feed_url).entries:
            items.append(build_item(entry, feed_url=feed_url, outlet=model.outlet, language="en", polled_at=polled_at))
    CACHE.mkdir(exist_ok=True)
    cached.write_bytes(pickle.dumps(items))
    return items


@asynccontextmanager
async def fresh_store(engine: str) -> AsyncIterator[Store]:
    """A fresh migrated store: SQLite in a temporary directory, or a new database on NEWSMON_BENCH_PG."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            async with open_store(StoreSettings(url=f"sqlite:///{tmp}/bench.db")) as store:
                yield store
        return
    import psycopg

    admin_dsn = os.environ.get("NEWSMON_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"newsmon_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{admin_dsn.rsplit('/', 1)[0]}/{name}".replace("postgresql:", "postgresql+psycopg:", 1)
    try:
        async with open_store(StoreSettings(url=url)) as store:
            yield store
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def run_batches(stage: DedupeStage, items: list[FeedItem], batch: int) -> dict[str, float]:
    """Process items in consumer-sized batches; wall and CPU seconds, and how many articles came out."""
    wall, cpu, published = time.perf_counter(), time.process_time(), 0
    for start in range(0, len(items), batch):
        deliveries = [Delivery(None, item) for item in items[start : start + batch]]  # type: ignore[arg-type]
        published += len(await stage.process(deliveries))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"items": len(items), "articles_out": published, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "items_per_s": round(len(items) / wall, 1),
            "cpu_ms_per_item": round(cpu * 1000 / len(items), 3)}  # fmt: skip


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    items = fixture_items(args.seed, 0, args.feeds)
    result: dict[str, Any] = {"engine": args.engine, "batch": args.batch, "feeds": args.feeds}
    async with fresh_store(args.engine) as store:
        stage = DedupeStage(store, Topics())
        if args.prefill:
            # Other feeds of another seed until N items: unrelated articles in the store, as after weeks of polls.
            fill: list[FeedItem] = []
            first_feed = 0
            while len(fill) < args.prefill:
                fill += fixture_items(args.seed + 1000, first_feed, 500)
                first_feed += 500
            result["prefill"] = await run_batches(stage, fill[: args.prefill], args.batch)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        result["run"] = await run_batches(stage, items, args.batch)
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--feeds", type=int, default=100, help="fixture feeds to take items from (1000: 35k items)")
    parser.add_argument("--batch", type=int, default=200, help="items per process() call (the consumer's max_records)")
    parser.add_argument("--prefill", type=int, default=0, help="items of other feeds stored before the timed run")
    parser.add_argument("--seed", type=int, default=42, help="the fixture server's seed (its default is 42)")
    parser.add_argument("--profile", help="write cProfile stats of the timed run to this file")
    print(json.dumps(asyncio.run(main_async(parser.parse_args())), indent=2))


if __name__ == "__main__":
    main()
