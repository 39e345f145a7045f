"""`newsmon alerts tail`: follow one rule's alert topic and print alerts as JSON lines."""

import asyncio
import json
import sys

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaConnectionError

from newsmon.broker import Connection, consumer_options
from newsmon.cli.pipeline import BROKER_FILE
from newsmon.config import Settings
from newsmon.report.json_text import terminal_safe_json
from schemas.topics import Topics


class TailError(Exception):
    """The rule's topic cannot be followed (no broker running, unknown rule)."""


def service_connection(settings: Settings) -> Connection:
    """The configured Kafka, or the embedded broker a running `newsmon run` advertised in its run dir."""
    if not settings.kafka.is_embedded:
        return Connection(",".join(settings.kafka.bootstrap_servers), is_tansu=settings.kafka.compat == "tansu")
    address_file = settings.run_dir / BROKER_FILE
    if not address_file.is_file():
        raise TailError(f"no running newsmon service found ({address_file} missing): start `newsmon run` "
                        "or set kafka.bootstrap_servers")  # fmt: skip
    try:
        bootstrap_servers = json.loads(address_file.read_text())["bootstrap_servers"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise TailError(f"{address_file} is unreadable ({error!r}); is `newsmon run` running?") from None
    if not isinstance(bootstrap_servers, str) or not bootstrap_servers:
        raise TailError(f"{address_file} names no broker ({bootstrap_servers!r}); is `newsmon run` running?")
    return Connection(bootstrap_servers, is_tansu=True)


async def tail_alerts(settings: Settings, rule: str, *, from_beginning: bool, max_alerts: int | None,
                      stop: asyncio.Event) -> int:  # fmt: skip
    """Print alerts of `rule` until `stop` or `max_alerts`; return how many were printed."""
    connection = service_connection(settings)
    topic = Topics(settings.kafka.topic_prefix).alerts(rule)
    options = consumer_options(connection, settings.kafka, group_id=None)
    consumer = AIOKafkaConsumer(**options)
    try:
        await consumer.start()
    except KafkaConnectionError as error:
        await consumer.stop()
        where = "kafka.bootstrap_servers" if not settings.kafka.is_embedded else str(settings.run_dir / BROKER_FILE)
        raise TailError(f"cannot reach the broker at {connection.bootstrap_servers} (from {where}): {error}; "
                        "is the service running?") from None  # fmt: skip
    try:
        # Check before assigning: naming an unknown topic would make the embedded broker create it.
        existing = await consumer.topics()
        if topic not in existing:
            rule_prefix = Topics(settings.kafka.topic_prefix).alerts("")
            known = sorted(t.removeprefix(rule_prefix) for t in existing if t.startswith(rule_prefix))
            raise TailError(f"no alert topic for rule {rule!r} (known rules: {', '.join(known) or 'none'})")
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])]
        consumer.assign(partitions)
        await _position(consumer, partitions, from_beginning=from_beginning, is_tansu=connection.is_tansu)
        return await _print_until(consumer, max_alerts, stop)
    finally:
        await consumer.stop()


async def _position(consumer: AIOKafkaConsumer, partitions: list[TopicPartition], *, from_beginning: bool,
                    is_tansu: bool) -> None:  # fmt: skip
    await consumer.seek_to_beginning(*partitions)
    if from_beginning:
        return
    if not is_tansu:
        await consumer.seek_to_end(*partitions)
        return
    # The embedded broker answers ListOffsets(latest) wrongly (broker.md §2), so skip what is there by
    # reading up to each partition's high-water mark.
    while True:
        await consumer.getmany(*partitions, timeout_ms=300)
        marks = [(consumer.highwater(tp), await consumer.position(tp)) for tp in partitions]
        if all(high is not None and position >= high for high, position in marks):
            return


async def _print_until(consumer: AIOKafkaConsumer, max_alerts: int | None, stop: asyncio.Event) -> int:
    printed = 0
    while not stop.is_set() and (max_alerts is None or printed < max_alerts):
        batches = await consumer.getmany(timeout_ms=500)
        for record in (r for records in batches.values() for r in records):
            sys.stdout.write(terminal_safe_json((record.value or b"").decode("utf-8", "replace")) + "\n")
            sys.stdout.flush()
            printed += 1
            if max_alerts is not None and printed >= max_alerts:
                break
    return printed
