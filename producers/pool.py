"""The parse pool: feed parsing is CPU work, so it runs in worker processes, off the event loop."""

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import structlog

from newsmon.config import PollSettings

log = structlog.get_logger()

if TYPE_CHECKING:  # imported at the first job: a poll that parses nothing (a warm poll-once) needs neither
    from concurrent.futures import ProcessPoolExecutor


class ParsePool(Executor):
    """A process pool of `processes` workers, made at the first job.

    forkserver, not fork: the poller has threads (aiosqlite, the broker client) that a fork would copy
    mid-operation. The server preloads the parser, so each worker starts with it imported. Making the
    ProcessPoolExecutor imports multiprocessing and starts its resource tracker process (~20-45 ms of CPU, a
    warm poll-once's whole pool cost), so it waits for something to parse."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._making = threading.Lock()  # the first job may come from a thread (the poller spawns it there)
        self._is_shut = False

    def _started(self) -> "ProcessPoolExecutor":
        with self._making:
            if self._is_shut:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if self._pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["producers.items", "producers.parse"])
                self._pool = ProcessPoolExecutor(max_workers=self.processes, mp_context=context)
            return self._pool

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        from concurrent.futures.process import BrokenProcessPool

        pool = self._started()
        try:
            return pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool:
            # A worker died (the OOM killer, a crash in the parser's C code): the executor refuses every job from
            # then on. The jobs in flight failed with it; later ones get a new pool.
            log.warning("parse_pool_replaced", reason="a worker process died")
            with self._making:
                if self._pool is pool:
                    self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            return self._started().submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._making:
            self._is_shut = True
            pool = self._pool
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)


@contextmanager
def open_parse_pool(settings: PollSettings, processes: int | None = None) -> Iterator[Executor | None]:
    """A pool of `parse_processes` worker processes (None when 0: parse in the poller's process), started at its
    first job."""
    count = settings.parse_processes if processes is None else processes
    if count <= 0:
        yield None
        return
    pool = ParsePool(count)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
