"""The consumer runner against errors that look like outages: a record whose own fault trips a real database limit,
a real store outage, and a SIGTERM while the runner waits out an outage (real broker, real PostgreSQL)."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from sqlalchemy import func, select

from newsmon.cli.pipeline import open_pipeline, stages_running
from newsmon.config import StoreSettings
from newsmon.store.models import ArticleRow, ArticleVersionRow
from newsmon.store.session import open_store
from schemas.dead_letter import DeadLetter
from tests.conftest import PG_ADMIN_DSN
from tests.pipeline_helpers import read_topic, wait_until_drained

SLOW_TITLE = "Slow: the night ferry timetable"


def invented_item(title: str, summary: str) -> dict[str, Any]:
    """A FeedItem as another producer might send it (every value invented)."""
    tag = uuid.uuid4().hex
    return {"item_id": tag, "delivery_id": tag, "feed_url": "http://wire.invalid/rss", "outlet": "Invented Wire",
            "language": "en", "url": f"http://wire.invalid/story/{tag}", "title": title, "summary": summary,
            "published_at": "2027-03-02T08:00:00Z", "content_hash": tag,
            "polled_at": "2027-03-02T08:05:00Z"}  # fmt: skip


GOOD = [("Ferry service resumes on the lake", "The harbour office said the ferry would sail twice a day."),
        ("Bakery reopens after the flour delivery", "The baker said bread would be sold from six in the morning."),
        ("Bridge over the canal is repaired", "Engineers said the bridge would carry lorries again next week."),
        ("Library extends its opening hours", "The librarian said the reading room would stay open until nine."),
        ("Market moves to the old station square", "Traders said the square had more room for their stalls."),
        ]  # fmt: skip


async def send_raw(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(topic, value, key=key, partition=0)
    finally:
        await producer.stop()


def admin_execute(*statements: str) -> None:
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement)


@pytest.fixture
def own_database() -> Iterator[str]:
    """A PostgreSQL database of this test's own (it is renamed away and back, so it is shared with no other test);
    returns its name."""
    name = f"newsmon_outage_{uuid.uuid4().hex[:10]}"
    admin_execute(f'CREATE DATABASE "{name}"')
    yield name
    admin_execute(*(f'DROP DATABASE IF EXISTS "{each}" WITH (FORCE)' for each in (name, f"{name}_away")))


def database_url(name: str, query: str = "") -> str:
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}{query}"


def take_away(name: str) -> None:
    """The store goes away: every connection to the database is ended and the database renamed, so reconnecting
    fails ('database does not exist') until `bring_back`, as a dropped or moved database does."""
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        for _ in range(100):
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
            try:
                admin.execute(f'ALTER DATABASE "{name}" RENAME TO "{name}_away"')
                return
            except psycopg.errors.ObjectInUse:  # a client reconnected in between
                continue
    raise AssertionError(f"database {name} stayed in use")


def bring_back(name: str) -> None:
    admin_execute(f'ALTER DATABASE "{name}_away" RENAME TO "{name}"')


async def stored_articles(url: str) -> tuple[list[str], int]:
    """Stored article ids and the number of article versions."""
    async with open_store(StoreSettings(url=url), upgrade=False) as store, store.reads() as session:
        ids = sorted((await session.scalars(select(ArticleRow.id))).all())
        versions = int(await session.scalar(select(func.count()).select_from(ArticleVersionRow)) or 0)
    return ids, versions


async def test_a_record_that_trips_a_statement_timeout_alone_is_dead_lettered_and_the_others_stored_once(
    make_settings, store_url, broker
):
    # A PostgreSQL statement_timeout is a QueryCanceled, an OperationalError as a lost connection is: the batch
    # holding the record that trips it was retried for ever, and the records behind it never stored.
    if not store_url.startswith("postgresql"):
        pytest.skip("statement_timeout is PostgreSQL's")
    timed_url = f"{store_url}?options=-c%20statement_timeout%3D1000"
    settings = make_settings(store={"url": timed_url}, kafka={"partitions": 1, "batch_attempts": 2,
                                                                 "retry_backoff_s": 0.2})  # fmt: skip
    good = [invented_item(title, summary) for title, summary in GOOD[:4]]
    slow = invented_item(SLOW_TITLE, "The ferry company said the night crossing would stop for the winter.")
    async with open_pipeline(settings, stages=["dedupe"]) as pipeline:
        # Inserting this one record takes longer than the statement timeout allows (a row lock held elsewhere, a slow
        # disk or a costly index would do the same): here a trigger sleeps for it.
        with psycopg.connect(store_url.replace("+psycopg", ""), autocommit=True) as connection:
            connection.execute("CREATE FUNCTION invented_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ "
                               f"BEGIN IF NEW.title = '{SLOW_TITLE}' THEN PERFORM pg_sleep(60); END IF; RETURN NEW; "
                               "END $$")  # fmt: skip
            connection.execute("CREATE TRIGGER invented_slow_insert BEFORE INSERT ON articles FOR EACH ROW "
                               "EXECUTE FUNCTION invented_slow_insert()")  # fmt: skip
        records = [(item["item_id"].encode(), json.dumps(item).encode()) for item in good[:2]]
        records += [(b"slow", json.dumps(slow).encode())]
        records += [(item["item_id"].encode(), json.dumps(item).encode()) for item in good[2:]]
        async with stages_running(pipeline):
            await send_raw(broker, pipeline.topics.items, records)
            await wait_until_drained(pipeline)
        runner = pipeline.runners[0]
        committed = await runner.consumer.committed(TopicPartition(pipeline.topics.items, 0))
        dlq = pipeline.topics.dlq
    [letter_record] = await read_topic(broker, dlq, 1)
    letter = DeadLetter.model_validate_json(letter_record.value)
    assert letter.key == "slow" and letter.error_type == "OperationalError"
    assert "statement timeout" in letter.reason
    assert committed == 5 and (runner.processed, runner.dead_lettered) == (4, 1)
    ids, versions = await stored_articles(store_url)
    assert ids == sorted(item["item_id"] for item in good) and versions == 4


async def test_a_store_outage_dead_letters_nothing_and_the_stage_resumes_when_the_store_is_back(
    make_settings, store_url, own_database, broker
):
    # Record by record after the first failed attempt: every record fails alone, as in a store outage; the probe
    # fails too, so it is the store's fault and nothing may be dead-lettered.
    if not store_url.startswith("postgresql"):
        pytest.skip("the outage is a PostgreSQL database going away (own_database)")
    url = database_url(own_database)
    settings = make_settings(store={"url": url}, kafka={"partitions": 1, "batch_attempts": 1, "retry_backoff_s": 0.2,
                                                        "retry_backoff_max_s": 0.5})  # fmt: skip
    items = [invented_item(title, summary) for title, summary in GOOD[:4]]
    records = [(item["item_id"].encode(), json.dumps(item).encode()) for item in items]
    try:
        async with open_pipeline(settings, stages=["dedupe"]) as pipeline, stages_running(pipeline):
            runner, partition = pipeline.runners[0], TopicPartition(pipeline.topics.items, 0)
            await send_raw(broker, pipeline.topics.items, records[:1])
            for _ in range(600):
                if runner.processed == 1:
                    break
                await asyncio.sleep(0.1)
            await asyncio.to_thread(take_away, own_database)
            await send_raw(broker, pipeline.topics.items, records[1:])
            for _ in range(600):  # record by record from the second attempt on
                if runner.retries >= 4:
                    break
                await asyncio.sleep(0.1)
            assert runner.retries >= 4 and (runner.processed, runner.dead_lettered) == (1, 0)
            assert await runner.consumer.committed(partition) == 1
            await asyncio.to_thread(bring_back, own_database)
            await wait_until_drained(pipeline)
            assert await runner.consumer.committed(partition) == 4
            assert (runner.processed, runner.dead_lettered) == (4, 0)
    finally:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [f"{own_database}_away"]).fetchone():
                bring_back(own_database)
    ids, versions = await stored_articles(url)
    assert ids == sorted(item["item_id"] for item in items) and versions == 4


class Lines:
    """Every line a process writes to a stream, read in a thread so the pipe never fills."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[str] = []
        self.thread = threading.Thread(target=lambda: self.lines.extend(stream), daemon=True)
        self.thread.start()

    def has_event(self, event: str) -> bool:
        for line in list(self.lines):
            try:
                if json.loads(line).get("event") == event:
                    return True
            except ValueError:
                continue
        return False


async def test_sigterm_stops_a_consumer_waiting_out_a_store_outage_at_once_with_nothing_committed(
    own_database, broker, tmp_path: Path
):
    # The wait between attempts was a plain sleep (up to 30 s by default): a stage in a long store outage ignored
    # SIGTERM until it ended, and an orchestrator's grace period ran out (SIGKILL).
    url, prefix = database_url(own_database), f"t{uuid.uuid4().hex[:8]}."
    env = {**os.environ, "NEWSMON_KAFKA__BOOTSTRAP_SERVERS": json.dumps([broker]), "NEWSMON_KAFKA__COMPAT": "tansu",
           "NEWSMON_KAFKA__TOPIC_PREFIX": prefix, "NEWSMON_KAFKA__PARTITIONS": "1",
           "NEWSMON_KAFKA__SESSION_TIMEOUT_MS": "6000", "NEWSMON_KAFKA__HEARTBEAT_INTERVAL_MS": "2000",
           "NEWSMON_KAFKA__RETRY_BACKOFF_S": "600", "NEWSMON_KAFKA__RETRY_BACKOFF_MAX_S": "600",
           "NEWSMON_STORE__URL": url, "NEWSMON_RUN_DIR": str(tmp_path / "run")}  # fmt: skip
    items = [invented_item(title, summary) for title, summary in GOOD[:3]]
    records = [(item["item_id"].encode(), json.dumps(item).encode()) for item in items]
    topic, group = f"{prefix}newsmon.items", f"{prefix}newsmon.dedupe"
    async with open_store(StoreSettings(url=url)):  # the schema, as `newsmon migrate` would make it
        pass
    # Popen returns at once; the process's stderr is read by a thread (Lines), its exit awaited in one.
    consumer = subprocess.Popen([sys.executable, "-m", "newsmon", "consume", "dedupe"], env=env,  # noqa: ASYNC220
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    log = Lines(consumer.stderr)
    try:
        await send_raw(broker, topic, records[:1])
        for _ in range(600):
            if (await stored_articles(url))[0]:
                break
            await asyncio.sleep(0.1)
        assert (await stored_articles(url))[0] == [items[0]["item_id"]]
        await asyncio.to_thread(take_away, own_database)
        await send_raw(broker, topic, records[1:])
        for _ in range(600):  # synchronising on the retry, not asserting on it: the stage is now in its wait
            if log.has_event("stage_batch_retry") or consumer.poll() is not None:
                break
            await asyncio.sleep(0.1)
        consumer.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(consumer.wait, 120)  # a liveness bound, far above any clean stop
    finally:
        if consumer.poll() is None:
            consumer.kill()
            consumer.wait()
        log.thread.join(timeout=10)
        consumer.stderr.close()  # type: ignore[union-attr]
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [f"{own_database}_away"]).fetchone():
                bring_back(own_database)
    assert code == 0, "".join(log.lines[-20:])
    reader = AIOKafkaConsumer(bootstrap_servers=broker, group_id=group, enable_auto_commit=False)
    await reader.start()
    try:
        assert await reader.committed(TopicPartition(topic, 0)) == 1  # past the stored record only
    finally:
        await reader.stop()
    assert (await stored_articles(url))[0] == [items[0]["item_id"]]
