"""The stages `newsmon poll-once` waits for (dedupe, and full text when a feed needs it), in a child process.

`python -m newsmon.cli.poll_once_stages STAGE...` reads the parent's Settings as JSON on stdin (its broker
address included) and runs the stages until SIGTERM. A process of its own puts the stages on the second
core while the parent still polls, and keeps their CPU off the poller's event loop.

Partitions are assigned by hand, not through a consumer group: every group join holds its members for
session_timeout_ms / 2 on the embedded broker (broker.md §3), longer than a whole warm poll, and this one
process reads every partition anyway. Offsets are still committed under the stage's group id.
"""

import asyncio
import importlib
import signal
import sys
from contextlib import AsyncExitStack

from aiokafka import AIOKafkaConsumer, TopicPartition

from consumers.runner import Stage, StageRunner
from newsmon.broker import Connection, consumer_options, kafka_producer
from newsmon.config import Settings
from newsmon.logging import configure_logging
from newsmon.store.session import Store, open_store
from schemas.topics import Topics


async def make_stage(name: str, settings: Settings, store: Store, topics: Topics, stack: AsyncExitStack) -> Stage:
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


async def assigned_consumer(connection: Connection, settings: Settings, stage: Stage,
                            stack: AsyncExitStack) -> AIOKafkaConsumer:  # fmt: skip
    """A consumer that reads every partition of the stage's topics, without joining its group."""
    group = f"{settings.kafka.topic_prefix}newsmon.{stage.name}"
    consumer = AIOKafkaConsumer(**consumer_options(connection, settings.kafka, group))
    await consumer.start()
    stack.push_async_callback(consumer.stop)
    await consumer.topics()  # fetches the cluster metadata, so partitions_for_topic knows every topic
    consumer.assign([TopicPartition(topic, partition) for topic in stage.topics
                     for partition in sorted(consumer.partitions_for_topic(topic) or ())])  # fmt: skip
    return consumer


async def run_stages(settings: Settings, names: list[str]) -> None:
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
            consumer = await assigned_consumer(connection, settings, stage, stack)
            runners.append(StageRunner(stage, consumer, producer, topics.dlq, settings.kafka.max_record_bytes))
        async with asyncio.TaskGroup() as tasks:
            for runner in runners:
                tasks.create_task(runner.run(stop))


def import_stages(names: list[str]) -> None:
    """Import the stages' modules before the settings arrive: the parent starts the broker meanwhile."""
    for name in names:
        importlib.import_module("consumers.dedupe.stage" if name == "dedupe" else "newsmon.cli.pipeline")


def main() -> None:
    import_stages(sys.argv[1:])
    settings = Settings.model_validate_json(sys.stdin.buffer.read())
    configure_logging(settings.log_level if settings.log_level != "info" else "warning")  # as poll-once itself
    asyncio.run(run_stages(settings, sys.argv[1:]))


if __name__ == "__main__":
    main()
