"""`newsmon poll-once`: poll every feed of a file once, wait until what is new is stored, print a summary.

The store (SQLite) lives in the state directory, so validators and body hashes carry over between calls;
the embedded broker is started and stopped per call, and the relay republishes outbox rows not done
(a broker's memory-only log does not survive the call)."""

import asyncio
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsmon.cli.pipeline import (
    count_not_done,
    open_pipeline,
    register_catalogue,
    resend_undelivered,
    stages_running,
)
from newsmon.config import Settings, load_settings
from newsmon.store.feeds import FeedSpec

DRAIN_TIMEOUT_S = 600.0


@dataclass(frozen=True, slots=True)
class PollOnceSummary:
    feeds: int
    new_items: int
    irrelevant_items: int
    not_modified: int
    unchanged: int
    errors: int
    republished: int
    wall_s: float


def poll_once_settings(config: Path | None, state_dir: Path, *, allow_private: bool, **poll: Any) -> Settings:
    """The configured settings with the store and the broker's run directory inside `state_dir`."""
    state_dir.mkdir(parents=True, exist_ok=True)
    base = load_settings(config)
    parse_processes = base.poll.parse_processes or (os.cpu_count() or 1)
    poll_values = {**base.poll.model_dump(), "parse_processes": parse_processes, **poll}
    if allow_private:
        poll_values["allow_private_addresses"] = True
    return load_settings(config, store={"url": f"sqlite:///{state_dir.resolve() / 'newsmon.db'}"},
                         run_dir=state_dir / "run", poll=poll_values)  # fmt: skip


async def poll_once(settings: Settings, specs: list[FeedSpec], stop: asyncio.Event) -> PollOnceSummary:
    """Republish what is not done, poll every feed once, and run dedupe until the outbox is done."""
    started = time.perf_counter()
    async with open_pipeline(settings, stages=["dedupe"]) as pipeline:
        urls = await register_catalogue(pipeline.store, specs)
        async with stages_running(pipeline):
            republished = await resend_undelivered(pipeline)
            reports = await pipeline.poller.poll_due(urls, everything=True)
            await _until_done(pipeline.store, stop)
    counts = {
        status: sum(1 for r in reports if r.status == status) for status in ("not_modified", "unchanged", "error")
    }
    return PollOnceSummary(
        feeds=len(urls), new_items=sum(r.items_new for r in reports),
        irrelevant_items=sum(r.items_irrelevant for r in reports), not_modified=counts["not_modified"],
        unchanged=counts["unchanged"], errors=counts["error"], republished=republished,
        wall_s=round(time.perf_counter() - started, 3),
    )  # fmt: skip


async def _until_done(store: Any, stop: asyncio.Event) -> None:
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while await count_not_done(store) and not stop.is_set():
        if time.monotonic() > deadline:
            raise TimeoutError(f"outbox not done after {DRAIN_TIMEOUT_S:.0f} s")
        await asyncio.sleep(0.05)


def summary_dict(summary: PollOnceSummary) -> dict[str, Any]:
    return asdict(summary)
