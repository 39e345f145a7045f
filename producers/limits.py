"""Per-host politeness: at most N requests in flight to one host, and a minimum gap between starts."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class HostLimiter:
    """One semaphore and one 'next allowed start' per host; the global limit is the caller's."""

    def __init__(self, per_host: int, min_gap_s: float) -> None:
        self.per_host, self.min_gap_s = per_host, min_gap_s
        self._gates: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        gate = self._gates.setdefault(host, asyncio.Semaphore(self.per_host))
        async with gate:
            if self.min_gap_s > 0:
                loop = asyncio.get_running_loop()
                now = loop.time()
                start = max(now, self._next_start.get(host, 0.0))
                # Reserve the start time before sleeping, so waiters queue up one gap apart.
                self._next_start[host] = start + self.min_gap_s
                if start > now:
                    await asyncio.sleep(start - now)
            yield
