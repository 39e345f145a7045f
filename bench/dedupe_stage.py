"""Dedupe stage throughput on realistic feed items, as `newsmon poll-once` feeds it (issues 3 and 4).

    python -m bench.dedupe_stage --engine sqlite --feeds 1000            # a cold poll's 35k items
    python -m bench.dedupe_stage --engine postgres --feeds 300
    python -m bench.dedupe_stage --engine sqlite --prefill 100000 --first-feed 3000 --feeds 30 --repeats 3  # 100k
    python -m bench.dedupe_stage --engine sqlite --feeds 100 --profile /tmp/dedupe.prof
    python -m bench.dedupe_stage --labelled 1 --decisions /tmp/d.jsonl --replay   # the labelled set, scored

`--labelled SEED` takes the generated labelled set (bench/dedupe_data/, `--events` events) instead of fixture
feeds, one outlet and URL per doc, and scores the stage's decisions as bench/dedupe_quality.py scores
`newsmon cluster`. `--decisions PATH` writes what the store holds per item (doc_id, duplicate_of, similarity,
story_id) as JSONL, to compare two implementations. `--replay` processes the same items again and reports
whether the store and the published articles stayed the same.

Items come from the peer harness's fixture feeds (../shared/bench/poll/fixture_server.py: title plus a 2-4
sentence summary, a tenth of the feeds with full bodies), parsed by the poller's own parser. Each run uses a
fresh, migrated database and calls `DedupeStage.process` on batches of `--batch` items, as the consumer does.
`--prefill N` first stores N items of feeds 0.. of another seed (with `--labelled`, the labelled set of another
seed, as bench/dedupe_quality.py's distractors) and then times the items. Fixture URLs and guids depend on the feed
number, not the seed: time feeds beyond the prefill's (`--first-feed 3000` after 100k items, about 2,850 feeds), or
most timed items are new versions of stored articles (another path, with a query per item).
`--existing PATH|DATABASE` runs in a copy of a store filled before (a `--prefill 100000` run's SQLite file, or a
PostgreSQL database loaded with its rows), to time other items without filling again. `--repeats R` times R
disjoint sets of `--feeds` feeds one after another in the same store, for a range instead of one figure. Prints
wall and CPU time of this process as JSON, and on PostgreSQL also the CPU time of the server processes serving the
bench database (read from /proc; the server runs on this host).
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

from sqlalchemy import select

from bench.dedupe_data.generate import generate
from bench.dedupe_quality import duplicate_roots, pairs, scores
from consumers.dedupe.stage import DedupeStage, sketch_items
from consumers.runner import Delivery
from newsmon.config import StoreSettings
from newsmon.store.models import ArticleRow, ArticleVersionRow, DedupeDocRow, DedupePostingRow, DuplicateRow
from newsmon.store.session import Store, open_store
from producers.items import build_item
from producers.parse import parse_feed
from schemas.ids import stable_id
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


def labelled_items(seed: int, events: int) -> tuple[list[FeedItem], list[dict[str, str]]]:
    """The generated labelled set as feed items in arrival order (one outlet, feed and URL per doc), and labels."""
    cached = CACHE / f"labelled-{seed}-{events}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())  # type: ignore[no-any-return]  # our own cache file
    items, labels = [], []
    polled_at = datetime.now(UTC)
    for doc in generate(seed, events):
        host = f"s{seed}-{doc.doc_id}.example.org"  # doc ids repeat across seeds, URLs must not
        url, feed_url = f"https://{host}/news/{doc.doc_id}", f"https://{host}/rss"
        body = "\n\n".join(doc.paragraphs)
        item_id = stable_id("url", url)
        items.append(FeedItem(item_id=item_id, delivery_id=stable_id(feed_url, item_id), feed_url=feed_url,
                              outlet=doc.doc_id, language="en", url=url, guid=url, title=doc.title, summary=body,
                              published_at=polled_at, content_hash=stable_id("content", doc.title, body),
                              polled_at=polled_at))  # fmt: skip
        labels.append({"doc_id": doc.doc_id, "article": doc.article, "story": doc.story})
    CACHE.mkdir(exist_ok=True)
    cached.write_bytes(pickle.dumps((items, labels)))
    return items, labels


async def stored_decisions(store: Store, items: list[FeedItem], names: list[str]) -> list[dict[str, Any]]:
    """Per item, in item order, what the store's index holds: duplicate_of and story_id as item names."""
    async with store.sessions() as session:
        query = select(DedupeDocRow.doc_id, DedupeDocRow.duplicate_of, DedupeDocRow.similarity, DedupeDocRow.story_id)
        docs = {row.doc_id: row for row in (await session.execute(query)).all()}
    name_of = dict(zip([item.item_id for item in items], names, strict=True))
    result = []
    for item, name in zip(items, names, strict=True):
        doc = docs.get(item.item_id)
        # A link to a prefilled doc keeps that doc's id: scored as an error, as bench/dedupe_quality.py does.
        result.append({"doc_id": name, "duplicate_of": name_of.get(doc.duplicate_of, doc.duplicate_of)
                       if doc and doc.duplicate_of else None, "similarity": doc.similarity if doc else None,
                       "story_id": name_of.get(doc.story_id, doc.story_id) if doc else None})  # fmt: skip
    return result


async def store_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The stage's rows (articles, versions, duplicates, index), for a before/after comparison of a replay."""
    tables = {ArticleRow: ("id", "version", "story_id", "content_hash"), ArticleVersionRow: ("article_id", "version"),
              DuplicateRow: ("id", "duplicate_of", "similarity", "method"),
              DedupeDocRow: ("doc_id", "seq", "sketch", "story_id", "duplicate_of", "similarity"),
              DedupePostingRow: ("band_key", "seqs")}  # fmt: skip
    result = {}
    async with store.sessions() as session:
        for model, columns in tables.items():
            rows = (await session.execute(select(*(getattr(model, column) for column in columns)))).all()
            result[model.__tablename__] = sorted(tuple(row) for row in rows)  # type: ignore[attr-defined]
    return result


def server_cpu_s(database: str | None) -> float:
    """CPU seconds used so far by the PostgreSQL backends connected to `database` (0 without one).

    A backend's command line is its status ("postgres: USER DATABASE HOST(PORT) STATE"). Only processes named
    postgres count: with `--existing DATABASE` the bench's own command line holds the name too."""
    if database is None:
        return 0.0
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if (proc / "comm").read_bytes() != b"postgres\n" or \
                    f" {database} ".encode() not in (proc / "cmdline").read_bytes().replace(b"\0", b" "):  # fmt: skip
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile, or not ours to read
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


@asynccontextmanager
async def fresh_store(engine: str, existing: str | None = None) -> AsyncIterator[Store]:
    """A fresh migrated store: SQLite in a temporary directory, or a new database on NEWSMON_BENCH_PG; or the
    `existing` SQLite file or PostgreSQL database (a copy of one filled before), left in place."""
    if existing:
        admin_dsn = os.environ.get("NEWSMON_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
        url = f"sqlite:///{existing}" if engine == "sqlite" else \
            f"{admin_dsn.rsplit('/', 1)[0]}/{existing}".replace("postgresql:", "postgresql+psycopg:", 1)  # fmt: skip
        async with open_store(StoreSettings(url=url)) as store:
            yield store
        return
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


async def run_batches(stage: DedupeStage, items: list[FeedItem], batch: int,
                      out: list[tuple[str, Any]] | None = None) -> dict[str, float]:  # fmt: skip
    """Process items in consumer-sized batches; wall and CPU seconds, and how many articles came out."""
    database = stage.store.engine.url.database if stage.store.engine.url.get_backend_name() == "postgresql" else None
    server = server_cpu_s(database)
    wall, cpu, published = time.perf_counter(), time.process_time(), 0
    for start in range(0, len(items), batch):
        deliveries = [Delivery(None, item) for item in items[start : start + batch]]  # type: ignore[arg-type]
        outgoing = await stage.process(deliveries)
        published += len(outgoing)
        if out is not None:
            out += [(message.key, message.message) for message in outgoing]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    result = {"items": len(items), "articles_out": published, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
              "items_per_s": round(len(items) / wall, 1),
              "cpu_ms_per_item": round(cpu * 1000 / len(items), 3)}  # fmt: skip
    if database is not None:
        server = server_cpu_s(database) - server
        result["server_cpu_ms_per_item"] = round(server * 1000 / len(items), 3)
        result["items_per_cpu_s"] = round(len(items) / (cpu + server), 1)
    else:
        result["items_per_cpu_s"] = round(len(items) / cpu, 1)
    return result


def prefill_items(args: argparse.Namespace) -> list[FeedItem]:
    """N unrelated items, as after weeks of polls: other fixture feeds of another seed, or, with --labelled,
    the labelled set of seed 99991 (as bench/dedupe_quality.py's --distractors; about 5 docs an event)."""
    if args.labelled is not None:
        return labelled_items(99_991, args.prefill // 5 + 1)[0][: args.prefill]
    fill: list[FeedItem] = []
    first_feed = 0
    while len(fill) < args.prefill:
        fill += fixture_items(args.seed + 1000, first_feed, 500)
        first_feed += 500
    return fill[: args.prefill]


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    labels: list[dict[str, str]] = []
    if args.labelled is not None:
        items, labels = labelled_items(args.labelled, args.events)
    else:
        items = fixture_items(args.seed, args.first_feed, args.feeds)
    names = [label["doc_id"] for label in labels] or [item.url for item in items]
    source = f"labelled seed {args.labelled}" if labels else f"{args.feeds} feeds"
    result: dict[str, Any] = {"engine": args.engine, "batch": args.batch, "items": source}
    async with fresh_store(args.engine, args.existing) as store:
        stage = DedupeStage(store, Topics())
        sketch_items(items[:1])  # the first sketch builds the MinHash permutations: not timed
        if args.prefill:
            result["prefill"] = await run_batches(stage, prefill_items(args), args.batch)
        profiler = cProfile.Profile(time.process_time) if args.profile else None  # CPU: the machine is shared
        if profiler:
            profiler.enable()
        first: list[tuple[str, Any]] = []
        result["run"] = await run_batches(stage, items, args.batch, first)
        for repeat in range(1, args.repeats):
            more = fixture_items(args.seed, args.first_feed + repeat * args.feeds, args.feeds)
            result[f"run{repeat + 1}"] = await run_batches(stage, more, args.batch)
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        decisions = await stored_decisions(store, items, names)
        if args.replay:
            before, again = await store_rows(store), list[tuple[str, Any]]()
            await run_batches(stage, items, args.batch, again)
            result["replay_store_unchanged"] = await store_rows(store) == before
            result["replay_publishes_the_same"] = again == first
    if labels:
        result["duplicates"] = scores(pairs(duplicate_roots(decisions)),
                                      pairs({label["doc_id"]: label["article"] for label in labels}))  # fmt: skip
        result["stories"] = scores(pairs({str(d["doc_id"]): str(d["story_id"]) for d in decisions}),
                                   pairs({label["doc_id"]: label["story"] for label in labels}))  # fmt: skip
    return {**result, "decisions": decisions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--feeds", type=int, default=100, help="fixture feeds to take items from (1000: 35k items)")
    parser.add_argument("--batch", type=int, default=200, help="items per process() call (the consumer's max_records)")
    parser.add_argument("--prefill", type=int, default=0, help="items of other feeds stored before the timed run")
    parser.add_argument("--seed", type=int, default=42, help="the fixture server's seed (its default is 42)")
    parser.add_argument("--profile", help="write cProfile stats of the timed run to this file")
    parser.add_argument("--labelled", type=int, help="the generated labelled set of this seed instead of feeds")
    parser.add_argument("--events", type=int, default=200, help="events of the labelled set")
    parser.add_argument("--decisions", help="write the stored decision of every item to this JSONL file")
    parser.add_argument("--replay", action="store_true", help="process the items again; report what changed")
    parser.add_argument("--repeats", type=int, default=1, help="timed runs on disjoint feeds, one after another")
    parser.add_argument("--first-feed", type=int, default=0, help="the timed items' first fixture feed")
    parser.add_argument("--existing", help="run in this SQLite file or PostgreSQL database (a copy) instead")
    args = parser.parse_args()
    if args.labelled is not None and args.repeats > 1:
        parser.error("--repeats takes further fixture feeds; the labelled set has one run")
    result = asyncio.run(main_async(args))
    decisions = result.pop("decisions")
    if args.decisions:
        Path(args.decisions).write_text("".join(json.dumps(d) + "\n" for d in decisions))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
