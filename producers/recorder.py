"""Group commit of poll results: many feeds' state and outbox rows in one transaction, then one publish.

One SQLite file takes one writer at a time; 64 polls each opening their own write transaction queue on
the lock (and time out on busy_timeout). Here the first poll to arrive writes for everyone waiting, so a
thousand polls cost a few dozen commits. Each feed still gets its own SAVEPOINT, so one bad row fails
only its own poll, and a feed's state and its new items still commit together (the outbox rule)."""

import asyncio
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store import feeds, outbox
from newsmon.store.session import Store
from producers.items import PreparedItem

log = structlog.get_logger()
MAX_BATCH = 256
LINGER_S = 0.02  # the writer waits this long for more polls to join its transaction


@dataclass(slots=True)
class PendingPoll:
    """One poll's result waiting to be written; `outcome` gets the number of items that were new."""

    feed_id: int
    polled_at: datetime
    items: list[PreparedItem]
    outcome: Callable[[int], feeds.PollOutcome]
    done: asyncio.Future[int] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    merge: "Merge | None" = None  # the feed moved onto another catalogued feed: settle what it published already


@dataclass(frozen=True, slots=True)
class Merge:
    """A feed moved (301/308) onto a feed the catalogue has already: the body's items keyed as each of the two feeds
    keys them (feed URL + guid for an item without a link), in the same order."""

    feed_id: int  # the feed it moved onto, which polls and publishes this body from now on
    own: list[PreparedItem]
    theirs: list[PreparedItem]


class Recorder:
    """Writes pending polls in batches; `publish` sends the new items after the batch commits.

    A poll is done when its batch has committed: the publish runs in a task of its own, so polls never wait
    for broker acknowledgements (~0.1 s a batch on the embedded broker, which held a 100-feed change poll
    for 5 s). The outbox keeps at-least-once: a publish that fails leaves its rows for the relay. `flush`
    waits for the publishes under way."""

    def __init__(self, store: Store, publish: Callable[[Sequence[PreparedItem]], Coroutine[Any, Any, bool]]) -> None:
        self.store, self.publish = store, publish
        self._queue: list[PendingPoll] = []
        self._is_writing = False
        self._publishing: set[asyncio.Task[bool]] = set()
        # Every write transaction of this poller takes this lock first: two of our own connections
        # contending for SQLite's lock would sleep in its busy handler (up to 100 ms a try) instead.
        self.write_lock = asyncio.Lock()

    async def record(self, pending: PendingPoll) -> int:
        """Write this poll (with whatever else is waiting); return how many of its items were new."""
        self._queue.append(pending)
        if not self._is_writing:
            self._is_writing = True
            try:
                await asyncio.sleep(LINGER_S)
                while self._queue:
                    batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
                    await self._write(batch)
            finally:
                self._is_writing = False
                for waiting in self._queue:  # only when the writer itself was cancelled
                    waiting.done.cancel()
                self._queue.clear()
        return await pending.done

    async def _write(self, batch: list[PendingPoll]) -> None:
        try:
            fresh = await self._write_together(batch)
        except Exception as error:  # some poll's rows are bad: write them one by one so it fails alone
            log.warning("poll_batch_failed_isolating", error=repr(error), polls=len(batch))
            fresh = await self._write_each(batch)
        except BaseException:
            for pending in batch:
                pending.done.cancel()
            raise
        items = [i for p in batch if id(p) in fresh for i in p.items if i.delivery_id in fresh[id(p)]]
        if items:
            task = asyncio.create_task(self.publish(items))
            self._publishing.add(task)
            task.add_done_callback(self._publishing.discard)
        for pending in batch:
            if not pending.done.done():
                pending.done.set_result(len(fresh[id(pending)]))

    async def flush(self) -> bool:
        """Wait for every publish under way; False when one of them failed (its rows wait for the relay)."""
        results = []
        while self._publishing:
            results += await asyncio.gather(*self._publishing)
        return all(results)

    async def _write_together(self, batch: list[PendingPoll]) -> dict[int, set[str]]:
        # The usual case: one SELECT and one INSERT for every item of the batch, one executemany UPDATE
        # for the feeds; no SAVEPOINT per feed, which tripled the statements of an all-304 poll.
        async with self.write_lock, self.store.sessions.begin() as session:
            for pending in batch:  # first: the feed it moved onto may be in this batch, with the same items
                await _settle_merge(session, pending)
            rows = [row for pending in batch for row in _outbox_rows(pending)]
            new_ids = set(await outbox.add_new(session, rows)) if rows else set()
            fresh = {id(p): {i.delivery_id for i in p.items if i.delivery_id in new_ids} for p in batch}
            await feeds.record_polls(session, [(p.feed_id, p.outcome(len(fresh[id(p)]))) for p in batch])
        return fresh

    async def _write_each(self, batch: list[PendingPoll]) -> dict[int, set[str]]:
        fresh: dict[int, set[str]] = {}
        try:
            async with self.write_lock, self.store.sessions.begin() as session:
                for pending in sorted(batch, key=lambda p: p.merge is None):  # merges first, as together
                    try:
                        async with session.begin_nested():
                            fresh[id(pending)] = await self._write_one(session, pending)
                    except Exception as error:  # the loop boundary of one feed: only its poll fails
                        pending.done.set_exception(error)
        except Exception as error:  # the commit itself failed: nothing of the batch was written
            for pending in batch:
                if not pending.done.done():
                    pending.done.set_exception(error)
            return {}
        return fresh

    async def _write_one(self, session: AsyncSession, pending: PendingPoll) -> set[str]:
        await _settle_merge(session, pending)
        fresh = set(await outbox.add_new(session, _outbox_rows(pending))) if pending.items else set()
        await feeds.record_poll(session, pending.feed_id, pending.outcome(len(fresh)))
        return fresh


async def _settle_merge(session: AsyncSession, pending: PendingPoll) -> None:
    """The items of a merged body that the moved feed published already get a closed outbox row under the other
    feed's keys, so its polls do not publish them again as new items (an item without a link is keyed by feed URL +
    guid). The rest are left to that feed's own polls: published once, under its keys."""
    merge = pending.merge
    if merge is None or not merge.own:
        return
    async with session.begin_nested() as trial:  # which rows of its own are new: asked, then rolled back
        unseen = set(await outbox.add_new(session, _outbox_rows(pending, merge.own)))
        await trial.rollback()
    known = [theirs for own, theirs in zip(merge.own, merge.theirs, strict=True) if own.delivery_id not in unseen]
    settled = await outbox.add_new(session, _outbox_rows(pending, known, merge.feed_id)) if known else []
    await outbox.mark_done(session, settled, pending.polled_at)


def _outbox_rows(pending: PendingPoll, items: list[PreparedItem] | None = None,
                 feed_id: int | None = None) -> list[dict[str, object]]:  # fmt: skip
    return [{"id": i.delivery_id, "item_id": i.item_id, "feed_id": feed_id or pending.feed_id,
             "content_hash": i.content_hash, "payload": i.value.decode(), "topic": i.topic,
             "created_at": pending.polled_at} for i in (pending.items if items is None else items)]  # fmt: skip
