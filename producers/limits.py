"""Per-host politeness: at most N requests in flight to one host, a minimum gap between starts, and a pause
while the host has asked us to wait (Retry-After)."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class HostLimiter:
    """One semaphore, one 'next allowed start' and one 'paused until' per host; the global limit is the caller's."""

    def __init__(self, per_host: int, min_gap_s: float) -> None:
        self.per_host, self.min_gap_s = per_host, min_gap_s
        self._gates: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._paused_until: dict[str, float] = {}

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

    def pause(self, host: str, delay_s: float) -> None:
        """No request to `host` for `delay_s` from now (a longer pause already set stays)."""
        until = asyncio.get_running_loop().time() + delay_s
        self._paused_until[host] = max(until, self._paused_until.get(host, 0.0))

    def paused_for_s(self, host: str) -> float:
        """How long `host` stays paused; 0.0 when it is not."""
        until = self._paused_until.get(host)
        if until is None:
            return 0.0
        left = until - asyncio.get_running_loop().time()
        if left <= 0:
            del self._paused_until[host]
            return 0.0
        return left
