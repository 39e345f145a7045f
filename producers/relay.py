"""Outbox relay: publish items that were stored but never reached (or were lost by) the broker."""

import asyncio
from datetime import UTC, datetime, timedelta

import structlog

from newsmon.store import outbox
from producers.poller import Poller, payload_item

log = structlog.get_logger()
BATCH = 500


async def republish_pending(poller: Poller, older_than: timedelta) -> int:
    """Publish outbox rows not done whose last publish is older than `older_than` (0: all of them, as
    after an embedded broker start, whose memory-only log lost everything not yet stored)."""
    cutoff, total = datetime.now(UTC) - older_than, 0
    while True:
        async with poller.store.reads() as session:
            rows = await outbox.pending(session, cutoff, limit=BATCH)
        if not rows or not await poller.publish(
            [payload_item(row.id, row.item_id, row.content_hash, row.payload, row.topic) for row in rows
             if row.payload is not None],  # `pending` returns only rows with their payload
            is_relayed=True,
        ):
            return total  # nothing left, or the broker is down: the next round retries
        total += len(rows)


async def run_relay(poller: Poller, stop: asyncio.Event, *, interval_s: float = 30.0,
                    overdue_after: timedelta = timedelta(minutes=2)) -> None:  # fmt: skip
    """Periodically re-publish items whose delivery was not confirmed within `overdue_after`."""
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=interval_s)
        except TimeoutError:
            count = await republish_pending(poller, overdue_after)
            if count:
                log.info("outbox_republished", items=count)
