"""The stages `newsmon poll-once` waits for (dedupe, and full text when a feed needs it), in child processes.

The children (one a core by default: `poll.stage_processes`) are forked when poll-once starts, before its event
loop or any thread exists, and wait on a pipe each. Forked, they have what the parent imported already
(SQLAlchemy, pydantic, the store, aiohttp: ~0.6 CPU-s that a new interpreter would spend again), and they cost
nothing when nothing is new: a warm poll closes the pipes and the children exit. The first body to parse sends
the stage names, and the children import their stages while the parent starts the broker; the settings (with
the broker's address) follow, and each child runs the stages on its share of the partitions until it is stopped.
Processes of their own keep the stages' CPU off the poller's event loop, and several use every core: while one
child holds the dedupe index's lock (one batch decides at a time, store-wide), the others fetch, decode and
sketch their next batch and publish their last (a cold poll at N=1000: 48 -> 35 s with two, bench/README.md).

Partitions are assigned by hand (partition i of a stage's topics to child i mod n), not through a consumer group:
every group join holds its members for session_timeout_ms / 2 on the embedded broker (broker.md §3), longer than
a whole warm poll. Offsets are still committed under the stage's group id.
"""

import asyncio
import gc
import importlib
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from typing import TYPE_CHECKING, NoReturn

from newsmon.config import Settings
from newsmon.logging import configure_logging

if TYPE_CHECKING:  # imported where used: the parent imports this module, and a warm poll needs none of them
    from aiokafka import AIOKafkaConsumer

    from consumers.runner import Stage
    from newsmon.broker import Connection
    from newsmon.store.session import Store
    from schemas.topics import Topics

REAP_TIMEOUT_S = 5.0
# Records per batch the child's stages take at most. A cold poll hands them a backlog of 35k items at once;
# each batch is one store transaction (and one cache refill after the poller's commits), so larger batches cost
# less CPU per item and more memory: 1000 rather than 2000 or 5000 (bench/README.md, Poller).
DRAIN_MAX_RECORDS = 1000


class StageProcess:
    """The parent's handle on the forked child: `begin` names the stages, `configure` sends the settings."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self._pipe = pid, pipe
        self._returncode: int | None = None
        self.is_begun = False

    @property
    def returncode(self) -> int | None:
        """The exit code once the child has exited (it is reaped here), else None."""
        if self._returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._returncode = os.waitstatus_to_exitcode(status)
        return self._returncode

    def begin(self, names: list[str]) -> None:
        """Have the child import these stages (it then waits for `configure`)."""
        self.is_begun = True
        self._write(" ".join(names).encode() + b"\n")

    def configure(self, settings: Settings, *, from_beginning: bool, share: tuple[int, int] = (0, 1)) -> None:
        """Send the settings; the child starts its stages on its `share` (i, n) of the partitions. `from_beginning`:
        the broker is new and empty of committed offsets, so read every partition from its start without asking
        the group coordinator."""
        request = {"from_beginning": from_beginning, "share": share, "settings": settings.model_dump(mode="json")}
        self._write(json.dumps(request).encode())
        self.close()

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:  # a few KB: the pipe takes it at once, the child reads as it comes
            view = view[os.write(self._pipe, view) :]

    def close(self) -> None:
        """Close the pipe; a child never begun reads its end and exits."""
        if self._pipe >= 0:
            os.close(self._pipe)
            self._pipe = -1

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)

    async def wait(self, timeout_s: float | None = None) -> int:
        """Wait for the child to exit (TimeoutError after `timeout_s`)."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        while (code := self.returncode) is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"stage process {self.pid} still running")
            await asyncio.sleep(0.01)
        return code

    def reap(self) -> None:
        """Make sure the child is gone: one never begun exits at the closed pipe; one still running when
        its owner failed to stop it gets SIGTERM, then SIGKILL after REAP_TIMEOUT_S."""
        self.close()
        if self.returncode is not None:
            return
        if self.is_begun:
            self.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + REAP_TIMEOUT_S
        while self.returncode is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if self.returncode is None:
            self.send_signal(signal.SIGKILL)
            self._returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])


class StageGroup:
    """The stage children as one: each runs every stage on its share of the partitions (partition i goes to child
    i mod n), so the stages use every core while the parent polls and after it is done (the dedupe index lock
    still lets one child decide at a time; the others sketch, decode and publish meanwhile)."""

    def __init__(self, members: list[StageProcess]) -> None:
        self.members = members

    @property
    def is_begun(self) -> bool:
        return any(member.is_begun for member in self.members)

    @property
    def is_running(self) -> bool:
        """Whether any begun child has not exited."""
        return any(member.returncode is None for member in self.members if member.is_begun)

    @property
    def returncode(self) -> int | None:
        """The exit code of the first begun child found exited (the others may still run), else None. (A child
        never begun exits as soon as its pipe closes.)"""
        return next((code for member in self.members if member.is_begun and (code := member.returncode) is not None),
                    None)  # fmt: skip

    def begin(self, names: list[str], count: int | None = None) -> None:
        """Have `count` children (all by default) import these stages; the others exit."""
        for member in self.members[count:]:
            member.close()
        for member in self.members[:count]:
            member.begin(names)

    def configure(self, settings: Settings, *, from_beginning: bool) -> None:
        begun = [member for member in self.members if member.is_begun]
        for share, member in enumerate(begun):
            member.configure(settings, from_beginning=from_beginning, share=(share, len(begun)))

    def close(self) -> None:
        for member in self.members:
            member.close()

    def send_signal(self, signum: int) -> None:
        for member in self.members:
            member.send_signal(signum)

    async def wait(self, timeout_s: float | None = None) -> None:
        """Wait for every begun child to exit (TimeoutError after `timeout_s`)."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        for member in (member for member in self.members if member.is_begun):
            await member.wait(None if deadline is None else max(deadline - time.monotonic(), 0.0))

    def reap(self) -> None:
        for member in self.members:
            member.reap()


@contextmanager
def forked_stage_processes(count: int) -> Iterator[StageGroup]:
    """Fork `count` stage children (before the event loop and any thread start: a fork copies only the calling
    thread, so a lock another thread held would stay held in the child); reap them on the way out."""
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # what exists now is shared with the children: no collection of any process touches it
    group = StageGroup([])
    try:
        for _ in range(count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(write_end)
                for sibling in group.members:  # only the parent writes to the others' pipes
                    sibling.close()
                serve_stages(read_end)
            os.close(read_end)
            group.members.append(StageProcess(pid, write_end))
        yield group
    finally:
        group.reap()


def serve_stages(pipe: int) -> NoReturn:
    """The child's whole life: wait for the stage names, import the stages, wait for the settings, run."""
    code = 1
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops this child
        with os.fdopen(pipe, "rb") as requests:
            names = requests.readline().decode().split()
            if names:
                import_stages(names)
                request = json.loads(requests.read() or b"null")
        if names and request is not None:
            settings = Settings.model_validate(request["settings"])
            configure_logging(settings.log_level if settings.log_level != "info" else "warning")  # as poll-once
            mine, count = request["share"]
            asyncio.run(run_stages(settings, names, from_beginning=request["from_beginning"], share=(mine, count)))
        code = 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # never back into the parent's code that this process was forked from


def import_stages(names: list[str]) -> None:
    """Import the stages' modules before the settings arrive: the parent starts the broker meanwhile."""
    for name in names:
        importlib.import_module("consumers.dedupe.stage" if name == "dedupe" else "newsmon.cli.pipeline")


async def make_stage(name: str, settings: Settings, store: "Store", topics: "Topics", stack: AsyncExitStack) -> "Stage":
    if name == "dedupe":
        from consumers.dedupe.stage import DedupeStage

        return DedupeStage(store, topics)
    # Other stages (full text) need the fetcher and the parse pool, as the service wires them.
    from newsmon.cli.pipeline import make_stage as make_service_stage
    from producers.fetch import open_fetcher
    from producers.pool import open_parse_pool

    fetcher = await stack.enter_async_context(open_fetcher(settings.poll))
    pool = stack.enter_context(open_parse_pool(settings.poll, processes=1))
    return make_service_stage(name, store, topics, settings, fetcher, pool)  # type: ignore[call-arg]


async def assigned_consumer(connection: "Connection", settings: Settings, stage: "Stage", stack: AsyncExitStack, *,
                            from_beginning: bool, share: tuple[int, int] = (0, 1)) -> "AIOKafkaConsumer":  # fmt: skip
    """A consumer that reads its `share` (i, n) of the partitions of the stage's topics (every n-th from the i-th),
    without joining its group."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from newsmon.broker import consumer_options

    group = f"{settings.kafka.topic_prefix}newsmon.{stage.name}"
    options = consumer_options(connection, settings.kafka, group)
    options["max_poll_records"] = max(options["max_poll_records"], DRAIN_MAX_RECORDS)
    consumer = AIOKafkaConsumer(**options)
    await consumer.start()
    stack.push_async_callback(consumer.stop)
    await consumer.topics()  # fetches the cluster metadata, so partitions_for_topic knows every topic
    every = [TopicPartition(topic, partition) for topic in stage.topics
             for partition in sorted(consumer.partitions_for_topic(topic) or ())]  # fmt: skip
    mine, count = share
    consumer.assign(every[mine::count])
    if from_beginning:
        # Looking up committed offsets first waits for the group coordinator: aiokafka retries after
        # retry_backoff_ms (0.5 s on Tansu) before the first fetch. A new broker has none to look up.
        await consumer.seek_to_beginning()
    return consumer


async def run_stages(settings: Settings, names: list[str], *, from_beginning: bool,
                     share: tuple[int, int] = (0, 1)) -> None:  # fmt: skip
    from consumers.runner import StageRunner, runner_retries
    from newsmon.broker import Connection, kafka_producer
    from newsmon.store.session import open_store
    from schemas.topics import Topics

    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set)
    topics = Topics(settings.kafka.topic_prefix)
    connection = Connection(",".join(settings.kafka.bootstrap_servers), is_tansu=settings.kafka.compat == "tansu")
    async with AsyncExitStack() as stack:
        store = await stack.enter_async_context(open_store(settings.store, upgrade=False))  # the parent did
        producer = await stack.enter_async_context(kafka_producer(connection, settings.kafka))
        runners = []
        for name in names:
            stage = await make_stage(name, settings, store, topics, stack)
            consumer = await assigned_consumer(connection, settings, stage, stack, from_beginning=from_beginning,
                                               share=share)  # fmt: skip
            runners.append(StageRunner(stage, consumer, producer, topics.dlq, settings.kafka.max_record_bytes,
                                       **runner_retries(settings.kafka)))
        async with asyncio.TaskGroup() as tasks:
            for runner in runners:
                tasks.create_task(runner.run(stop))
