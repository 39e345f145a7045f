"""Decision throughput of the in-memory index with a small and a large index already filled.

    python -m bench.dedupe_speed                       # in-memory index, 1k vs 100k
    python -m bench.dedupe_speed --sizes 1000 20000 --probe 1000

Each run fills a fresh index with N generated articles (through the real decision code), then times
`dedupe_async` on the same probe articles (a different seed, so new events plus their copies).
The store's index, as the consumer uses it (batches through DedupeStage), is measured by
bench/dedupe_stage.py (`--prefill N` for the size comparison).
"""

import argparse
import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from bench.dedupe_data.generate import generate
from consumers.dedupe.article import dedupe_async
from consumers.dedupe.index import CANDIDATE_LIMIT, AsyncDedupeIndex, IndexedDoc, MemoryIndex

Article = tuple[str, str, str]  # doc_id, title, body


class AsyncMemoryIndex:
    """MemoryIndex behind the async protocol, so the bench runs the consumer's code path."""

    def __init__(self) -> None:
        self.memory = MemoryIndex()

    async def candidates(self, band_keys: Sequence[int], limit: int = CANDIDATE_LIMIT) -> list[IndexedDoc]:
        return self.memory.candidates(band_keys, limit)

    async def add(self, doc: IndexedDoc, band_keys: Sequence[int]) -> None:
        self.memory.add(doc, band_keys)


@asynccontextmanager
async def memory_index() -> AsyncIterator[AsyncDedupeIndex]:
    """A fresh in-memory index."""
    yield AsyncMemoryIndex()


INDEXES: dict[str, Callable[[], AbstractAsyncContextManager[AsyncDedupeIndex]]] = {"memory": memory_index}


def articles(seed: int, count: int, prefix: str) -> list[Article]:
    """`count` generated articles in arrival order."""
    docs = generate(seed, max(1, count // 5))
    while len(docs) < count:
        docs += generate(seed + len(docs), max(1, (count - len(docs)) // 5))
    return [(f"{prefix}{i}", doc.title, "\n\n".join(doc.paragraphs)) for i, doc in enumerate(docs[:count])]


async def run(index: AsyncDedupeIndex, docs: list[Article], start: float) -> float:
    """Dedupe docs in order; seconds taken."""
    started = time.perf_counter()
    for offset, (doc_id, title, body) in enumerate(docs):
        await dedupe_async(index, doc_id, title, body, start + offset)
    return time.perf_counter() - started


async def measure(index_name: str, corpus: list[Article], size: int, probe: list[Article]) -> dict[str, float]:
    """Fill a fresh index with `size` articles, then time the probe."""
    async with INDEXES[index_name]() as index:
        fill_s = await run(index, corpus[:size], 0.0)
        probe_s = await run(index, probe, float(size))
    return {
        "indexed": size,
        "fill_docs_per_s": round(size / fill_s, 1),
        "probe_docs_per_s": round(len(probe) / probe_s, 1),
        "probe_ms_per_doc": round(probe_s * 1000 / len(probe), 3),
    }


async def main_async(args: argparse.Namespace) -> None:
    corpus = articles(101, max(args.sizes), "c")
    probe = articles(202, args.probe, "p")
    results = [await measure(args.index, corpus, size, probe) for size in sorted(args.sizes)]
    small, large = results[0], results[-1]
    ratio = small["probe_docs_per_s"] / large["probe_docs_per_s"]
    print(json.dumps({"index": args.index, "runs": results, "slowdown_largest_vs_smallest": round(ratio, 2)}, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", choices=sorted(INDEXES), default="memory")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--probe", type=int, default=2_000)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
