"""The parse pool: feed parsing is CPU work, so it runs in worker processes, off the event loop."""

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from newsmon.config import PollSettings


@contextmanager
def open_parse_pool(settings: PollSettings, processes: int | None = None) -> Iterator[Executor | None]:
    """A process pool of `parse_processes` workers (None when 0: parse in the poller's process).

    forkserver, not fork: the poller has threads (aiosqlite, the broker client) that a fork would copy
    mid-operation. The server preloads the parser, so each worker starts with it imported."""
    count = settings.parse_processes if processes is None else processes
    if count <= 0:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["producers.items", "producers.parse"])
    pool = ProcessPoolExecutor(max_workers=count, mp_context=context)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
