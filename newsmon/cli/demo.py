"""`newsmon demo`: the whole pipeline, offline, on the bundled sample feeds."""

import asyncio
import functools
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from newsmon.cli.pipeline import Pipeline, count_not_done, open_pipeline, register_catalogue, stages_running
from newsmon.config import AlertRule, Settings
from newsmon.store import alerts, articles, claims
from newsmon.store.feeds import FeedSpec

DEMO_FEEDS = {  # file -> (outlet, language)
    "tass.xml": ("TASS", "en"),
    "rudaw.xml": ("Rudaw", "en"),
    "polygraph.xml": ("Polygraph.info", "en"),
    "wire.atom": ("Levant Wire", "en"),
}
DEMO_RULES = [
    AlertRule(name="chemical-weapons", keywords=["chemical weapons", "chemical attack", "sarin", "chlorine"]),
    AlertRule(name="ceasefire", keywords=["ceasefire", "truce", "de-escalation"]),
]
SETTLE_S = 1.5
DEADLINE_S = 180.0


class DemoError(Exception):
    """The demo pipeline did not finish."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    feeds: int
    feeds_failed: int
    items_polled: int
    items_irrelevant: int
    articles: int
    duplicates: int
    claims: int
    alerts: int
    dead_letters: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free loopback port in a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="demo-feeds", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def demo_settings(work_dir: Path, store: Path | None = None) -> Settings:
    """The demo's settings: everything in `work_dir`, or the store at `store` (kept after the demo)."""
    return Settings.model_validate({
        "kafka": {"bootstrap_servers": [], "session_timeout_ms": 6000, "heartbeat_interval_ms": 2000},
        "store": {"url": f"sqlite:///{store or work_dir / 'demo.db'}"},
        "poll": {"allow_private_addresses": True, "timeout_s": 10},
        "alerts": {"rules": [rule.model_dump() for rule in DEMO_RULES]},
        "run_dir": work_dir / "run",
    })  # fmt: skip


async def run_demo(store: Path | None = None) -> DemoSummary:
    """Serve the sample feeds locally, poll them once, wait until every stage is idle, count the store (a
    temporary one, or the SQLite file `store`, left for `newsmon query`, `report` and `serve` to read)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="newsmon-demo-") as tmp, resources.as_file(
        resources.files("newsmon").joinpath("demo_feeds")
    ) as feeds_dir, serve_directory(feeds_dir) as base_url:
        settings = demo_settings(Path(tmp), store)
        specs = [FeedSpec(url=f"{base_url}/{name}", name=outlet, outlet=outlet, language=lang)
                 for name, (outlet, lang) in DEMO_FEEDS.items()]  # fmt: skip
        async with open_pipeline(settings) as pipeline:
            urls = await register_catalogue(pipeline.store, specs)
            async with stages_running(pipeline):
                reports = await pipeline.poller.poll_due(urls, everything=True)
                await _wait_until_processed(pipeline)
            return await _summary(pipeline, reports, time.monotonic() - started)


async def _wait_until_processed(pipeline: Pipeline) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        await asyncio.sleep(0.25)
        if pipeline.is_idle_for(SETTLE_S) and await count_not_done(pipeline.store) == 0:
            return
    raise DemoError(f"pipeline still busy after {DEADLINE_S:.0f} s")


async def _summary(pipeline: Pipeline, reports: list[Any], seconds: float) -> DemoSummary:
    async with pipeline.store.sessions() as session:
        return DemoSummary(
            feeds=len(reports), feeds_failed=sum(r.status == "error" for r in reports),
            items_polled=sum(r.items_new + r.items_irrelevant for r in reports),
            items_irrelevant=sum(r.items_irrelevant for r in reports),
            articles=await articles.count(session), duplicates=await articles.count_duplicates(session),
            claims=await claims.count(session), alerts=await alerts.count(session),
            dead_letters=sum(r.dead_lettered for r in pipeline.runners), seconds=round(seconds, 1),
        )  # fmt: skip
