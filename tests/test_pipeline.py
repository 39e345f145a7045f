"""The walking skeleton end to end: feed server -> poller -> broker -> stages -> store -> alert topic."""

import asyncio
import json
import random
import uuid
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.structs import ConsumerRecord
from sqlalchemy import select

from consumers.runner import StageRunner
from newsmon.broker import embedded_broker, free_loopback_port
from newsmon.cli.pipeline import open_pipeline, register_catalogue, stages_running
from newsmon.config import StoreSettings
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import (
    ArticleRow,
    ArticleVersionRow,
    ClaimRow,
    DedupeDocRow,
    DuplicateRow,
    Feed,
    SpeakerRow,
)
from newsmon.store.session import open_store
from producers.relay import republish_pending
from schemas.alerts import Alert
from schemas.dead_letter import DeadLetter
from tests.conftest import FIXTURES
from tests.feed_server import Route
from tests.pipeline_helpers import read_topic, snapshot, wait_until_drained


def invented_item(**fields: Any) -> dict[str, Any]:
    """A FeedItem as another producer might send it (every value invented)."""
    tag = uuid.uuid4().hex
    return {"item_id": tag, "delivery_id": tag, "feed_url": "http://wire.invalid/rss", "outlet": "Invented Wire",
            "language": "en", "url": f"http://wire.invalid/story/{tag}", "title": "Ferry service resumes on the lake",
            "summary": "The harbour office said the ferry would sail twice a day.",  # under 15 words: no copy
            "published_at": "2027-03-02T08:00:00Z", "content_hash": tag, "polled_at": "2027-03-02T08:05:00Z",
            **fields}  # fmt: skip


async def send_raw(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    """Records as a foreign producer sends them: no size limit of ours (the embedded broker enforces none)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=8 * 1024 * 1024)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


def spec(feed_server, path: str, outlet: str = "Fixture Agency") -> FeedSpec:
    return FeedSpec(url=feed_server.url(path), name=path, outlet=outlet, language="en")


async def dedupe_one_raw_record_beside_a_feed(settings, broker: str, feed_server,
                                              record: tuple[bytes | None, bytes]) -> tuple[list[ArticleRow], str, str]:
    """Run the dedupe stage on one foreign record and a polled fixture feed (3 items) until drained; return the
    stored articles, the store's dialect and the dead-letter topic (left for the caller to read)."""
    async with open_pipeline(settings, stages=["dedupe"]) as pipeline, stages_running(pipeline):
        await send_raw(broker, pipeline.topics.items, [record])
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "rss2_basic.xml")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            articles = list((await session.scalars(select(ArticleRow))).all())
        return articles, pipeline.store.dialect, pipeline.topics.dlq


async def test_feed_items_become_articles_and_claims_in_the_store(make_settings, feed_server):
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "rss2_basic.xml"),
                                                         spec(feed_server, "atom_basic.xml", "Atom Wire")])
        reports = await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            stored = (await session.scalars(select(ArticleRow))).all()
            claims = (await session.execute(select(ClaimRow, SpeakerRow.name).join(SpeakerRow))).all()
    assert [r.status for r in reports] == ["new", "new"]
    assert len(stored) == sum(r.items_new for r in reports) >= 5
    assert {a.outlet for a in stored} == {"Fixture Agency", "Atom Wire"}
    # Tracking parameters and fragments are gone from stored URLs.
    assert all("utm_" not in a.url and "#" not in a.url for a in stored)
    texts = {a.id: a.text for a in stored}
    assert all(texts[claim.article_id][claim.start:claim.end] == claim.text for claim, _ in claims)
    orlov = [claim.text for claim, name in claims if name == "Pavel Orlov"]
    assert any("9 violations" in text for text in orlov)
    assert "nobody was hurt" in orlov  # "He said that ..." resolved to the person named before


async def test_replay_from_offset_zero_leaves_store_unchanged(make_settings, feed_server):
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "rss2_basic.xml"),
                                                         spec(feed_server, "pangea_basic.xml", "Polygraph")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        before = await snapshot(pipeline.store)
    assert before["articles"] and before["claims"]
    # New consumer groups start every stage again at offset 0 of every topic.
    async with open_pipeline(settings, group_suffix=".replay") as pipeline, stages_running(pipeline):
        await wait_until_drained(pipeline, settle_s=3.0)
        assert sum(r.processed for r in pipeline.runners) > 0
        after = await snapshot(pipeline.store)
    assert after == before


async def test_same_url_in_two_feeds_is_one_article_and_one_duplicate(make_settings, feed_server, tmp_path):
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "rss2_basic.xml", "First"),
                                                         spec(feed_server, "rss2_basic.xml?copy=1", "Second")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            stored = (await session.scalars(select(ArticleRow))).all()
            duplicates = (await session.scalars(select(DuplicateRow))).all()
    assert len(stored) == 3
    assert len(duplicates) == 3
    assert {d.duplicate_of for d in duplicates} == {a.id for a in stored}
    assert all(d.outlet != next(a.outlet for a in stored if a.id == d.duplicate_of) for d in duplicates)


async def test_reprint_with_new_headline_and_boilerplate_is_a_near_duplicate_of_the_origin(make_settings, feed_server):
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        origin = await register_catalogue(pipeline.store, [spec(feed_server, "wire_origin.xml", "Origin")])
        await pipeline.poller.poll_due(origin, everything=True)
        await wait_until_drained(pipeline)
        reprint = await register_catalogue(pipeline.store, [spec(feed_server, "wire_reprint.xml", "Reprint")])
        await pipeline.poller.poll_due(reprint, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            stored = {a.outlet: a for a in (await session.scalars(select(ArticleRow))).all()}
            [duplicate] = (await session.scalars(select(DuplicateRow))).all()
            indexed = (await session.scalars(select(DedupeDocRow))).all()
    assert set(stored) == {"Origin", "Reprint"}  # the reprint's other item (aid convoy) is its own article
    assert "Qamishli" in stored["Reprint"].title
    assert (duplicate.outlet, duplicate.method) == ("Reprint", "near_duplicate")
    assert duplicate.duplicate_of == stored["Origin"].id and duplicate.similarity >= 0.75
    assert len(indexed) == 3  # both articles and the copy are in the shared index
    assert stored["Origin"].story_id == stored["Origin"].id != stored["Reprint"].story_id


async def test_changed_article_text_is_a_new_version_with_its_claims_replaced(make_settings, feed_server):
    original = (FIXTURES / "feeds" / "rss2_basic.xml").read_bytes()
    edited = original.replace(b"9 violations", b"12 violations").replace(b"nobody was hurt", b"two soldiers were hurt")
    feed_server.routes["/edited.xml"] = Route(200, original, {"Content-Type": "application/rss+xml"})
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "edited.xml")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        feed_server.routes["/edited.xml"] = Route(200, edited, {"Content-Type": "application/rss+xml"})
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            stored = (await session.scalars(select(ArticleRow))).all()
            versions = (await session.execute(select(ArticleVersionRow.article_id, ArticleVersionRow.version))).all()
            claims = (await session.scalars(select(ClaimRow))).all()
    assert len(stored) == 3
    [changed] = [a for a in stored if a.version == 2]
    assert "12 violations" in changed.text
    assert sorted(v for a, v in versions if a == changed.id) == [1, 2]
    changed_claims = [c.text for c in claims if c.article_id == changed.id]
    assert "two soldiers were hurt" in changed_claims and "nobody was hurt" not in changed_claims
    assert all(c.article_version == 2 for c in claims if c.article_id == changed.id)


async def test_malformed_feed_is_recorded_as_its_error_while_other_feeds_proceed(make_settings, feed_server):
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "html_not_feed.html", "Broken"),
                                                         spec(feed_server, "missing.xml", "Gone"),
                                                         spec(feed_server, "rss2_basic.xml")])
        reports = await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            feeds = {f.outlet: f for f in (await session.scalars(select(Feed))).all()}
            articles = (await session.scalars(select(ArticleRow))).all()
    statuses = {r.feed_url.rsplit("/", 1)[1]: r.status for r in reports}
    assert statuses == {"html_not_feed.html": "error", "missing.xml": "error", "rss2_basic.xml": "new"}
    broken_error, gone_error = feeds["Broken"].last_error, feeds["Gone"].last_error
    assert broken_error is not None and "not a feed" in broken_error and feeds["Broken"].failures == 1
    assert gone_error is not None and "404" in gone_error
    assert feeds["Fixture Agency"].last_error is None and feeds["Fixture Agency"].failures == 0
    assert len(articles) == 3


async def test_unprocessable_message_lands_in_dlq_with_reason_and_processing_goes_on(
    make_settings, feed_server, broker
):
    settings = make_settings()
    async with open_pipeline(settings, stages=["dedupe"]) as pipeline, stages_running(pipeline):
        producer = AIOKafkaProducer(bootstrap_servers=broker)
        await producer.start()
        try:
            await producer.send_and_wait(pipeline.topics.items, b"{not json", key=b"bad-1")
            await producer.send_and_wait(pipeline.topics.items, json.dumps({"item_id": "x"}).encode(), key=b"bad-2")
            newer = json.dumps(invented_item(schema_version=2)).encode()
            await producer.send_and_wait(pipeline.topics.items, newer, key=b"newer")
            await producer.send_and_wait(pipeline.topics.items, b'{"item_id": "caf\xe9"}', key=b"latin-1")
            await producer.send_and_wait(pipeline.topics.items, b"null", key=None)
            # A newer producer's item at the same schema version, with a field this reader does not know: stored.
            extra = invented_item(title="Lake ferry adds a night crossing", sentiment={"score": 0.3})
            await producer.send_and_wait(pipeline.topics.items, json.dumps(extra).encode(), key=None)
        finally:
            await producer.stop()
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "rss2_basic.xml")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            articles = (await session.scalars(select(ArticleRow))).all()
    letters = [DeadLetter.model_validate_json(r.value) for r in await read_topic(broker, pipeline.topics.dlq, 5)]
    by_key = {letter.key: letter for letter in letters}
    assert set(by_key) == {"bad-1", "bad-2", "newer", "latin-1", None}
    assert by_key["bad-1"].stage == "dedupe" and by_key["bad-1"].raw_value == "{not json"
    assert "invalid FeedItem" in by_key["bad-1"].reason
    assert "Field required" in by_key["bad-2"].reason
    assert by_key["bad-2"].topic == pipeline.topics.items
    assert by_key["newer"].reason == "schema_version 2 is newer than this reader"
    assert by_key["latin-1"].raw_value == '{"item_id": "caf\ufffd"}' and "invalid unicode" in by_key["latin-1"].reason
    assert "invalid FeedItem" in by_key[None].reason
    assert len(articles) == 4 and extra["item_id"] in {a.id for a in articles}


async def test_alert_rule_topic_receives_the_matching_alert_once(make_settings, feed_server, broker):
    settings = make_settings(alerts={"rules": [{"name": "idlib-violations", "keywords": ["violations"]}]})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "rss2_basic.xml")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
    topic = pipeline.topics.alerts("idlib-violations")
    alerts = [Alert.model_validate_json(r.value) for r in await read_topic(broker, topic, 10, timeout_s=5)]
    assert alerts, "no alert published"
    assert {a.rule for a in alerts} == {"idlib-violations"}
    assert any(a.subject == "article" and "Idlib" in a.title for a in alerts)
    assert any(a.subject == "claim" and a.speaker == "Pavel Orlov" for a in alerts)
    assert len({a.alert_id for a in alerts}) == len(alerts)  # each alert goes out once


async def test_a_record_too_big_to_dead_letter_whole_goes_to_the_dlq_cut_and_processing_goes_on(
    make_settings, feed_server, broker
):
    # 300 KB of control characters: not JSON, and each one is six bytes once escaped into the dead letter's JSON,
    # so the letter would be 1.5 MB. Its send failed every time and the batch was retried for ever.
    settings = make_settings()
    articles, _, dlq = await dedupe_one_raw_record_beside_a_feed(settings, broker, feed_server,
                                                                 (b"ctrl", b"\x01" * 300_000))
    [record] = await read_topic(broker, dlq, 1)
    letter = DeadLetter.model_validate_json(record.value)
    assert (record.key, letter.key, letter.is_value_truncated) == (b"ctrl", "ctrl", True)
    assert 0 < len(letter.raw_value) < 300_000 and set(letter.raw_value) == {"\x01"}
    assert len(record.value) < settings.kafka.max_record_bytes
    assert "invalid FeedItem" in letter.reason
    assert len(articles) == 3


async def test_a_record_over_the_size_limit_is_dead_lettered_unprocessed_and_processing_goes_on(
    make_settings, feed_server, broker
):
    # A valid item of 1.5 MB from another producer (the embedded broker takes records of any size): it was stored,
    # then its article could not be published, and the batch was retried for ever.
    settings = make_settings()
    huge = invented_item(summary="The lake ferry timetable changes again. " * 37_000)
    articles, _, dlq = await dedupe_one_raw_record_beside_a_feed(settings, broker, feed_server,
                                                                 (b"huge", json.dumps(huge).encode()))
    [record] = await read_topic(broker, dlq, 1)
    letter = DeadLetter.model_validate_json(record.value)
    assert letter.key == "huge" and letter.is_value_truncated
    assert f"over kafka.max_record_bytes ({settings.kafka.max_record_bytes})" in letter.reason
    assert huge["item_id"] not in {a.id for a in articles} and len(articles) == 3


async def test_a_url_of_6000_bytes_is_stored_on_both_engines(make_settings, feed_server, broker):
    # A URL of 2,000 CJK characters (a slug left unencoded, as canonical URLs keep them) is 6,000 bytes: over
    # PostgreSQL's 2,704-byte limit for a B-tree index entry. It was dead-lettered there until ix_articles_url became
    # a hash index (migration 0012); SQLite always indexed it.
    settings = make_settings()
    letters = random.Random(11)
    slug = "".join(chr(letters.randrange(0x4E00, 0x9FFF)) for _ in range(2_000))
    long_url = invented_item(url=f"http://wire.invalid/{slug}", title="Lake ferry timetable")
    articles, _, _ = await dedupe_one_raw_record_beside_a_feed(
        settings, broker, feed_server, (b"long-url", json.dumps(long_url).encode()))
    assert {a.url for a in articles if a.id == long_url["item_id"]} == {long_url["url"]}
    assert len(articles) == 4


def unindexable_guid(seed: int) -> str:
    """1,000 CJK characters: within guid's 1,024 characters, but 3,000 bytes, over PostgreSQL's 2,704-byte limit for
    an entry of the B-tree ix_articles_feed_guid (feed_url, guid). SQLite indexes it."""
    letters = random.Random(seed)
    return "".join(chr(letters.randrange(0x4E00, 0x9FFF)) for _ in range(1_000))


async def test_a_value_the_store_cannot_index_is_dead_lettered_instead_of_retried_for_ever(
    make_settings, feed_server, broker
):
    # PostgreSQL's "index row size exceeds maximum" is an OperationalError, as a lost connection is, and was retried
    # as one for ever.
    settings = make_settings()
    long_guid = invented_item(guid=unindexable_guid(11), title="Lake ferry timetable")
    articles, dialect, dlq = await dedupe_one_raw_record_beside_a_feed(
        settings, broker, feed_server, (b"long-guid", json.dumps(long_guid).encode()))
    stored = {a.id for a in articles}
    if dialect == "postgresql":
        [record] = await read_topic(broker, dlq, 1)
        letter = DeadLetter.model_validate_json(record.value)
        assert letter.key == "long-guid" and "index row size" in letter.reason
        assert long_guid["item_id"] not in stored
    else:
        assert long_guid["item_id"] in stored
    assert len(stored - {long_guid["item_id"]}) == 3


async def test_a_polled_item_the_dedupe_stage_dead_letters_is_done_so_the_relay_stops_sending_it(
    make_settings, feed_server, broker
):
    # The same unindexable guid, polled this time: its outbox row stayed not done, so the relay sent it again every
    # 2 minutes (at every start on the embedded broker) and it was dead-lettered again each time, for ever.
    settings = make_settings()
    base = feed_server.url("").rstrip("/")
    body = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lake wire</title>'
            f"<link>{base}/</link><description>lake news</description>"
            f"<item><title>Lake ferry timetable changes in Syria</title><link>{base}/lake/ferry</link>"
            f"<guid isPermaLink=\"false\">{unindexable_guid(13)}</guid>"
            "<pubDate>Tue, 02 Mar 2027 08:00:00 +0000</pubDate>"
            "<description>The harbour office in Syria said the ferry would sail twice a day.</description></item>"
            "<item><title>Bakery reopens in Syria</title><link>" + base + "/lake/bakery</link>"
            "<guid isPermaLink=\"false\">lake-bakery</guid><pubDate>Tue, 02 Mar 2027 09:00:00 +0000</pubDate>"
            "<description>The bakery in Syria reopened after the flour delivery arrived.</description></item>"
            "</channel></rss>").encode()  # fmt: skip
    path = f"/lake/long-{uuid.uuid4().hex[:8]}.xml"
    feed_server.routes[path] = Route(200, body, {"Content-Type": "application/rss+xml"})
    async with open_pipeline(settings, stages=["dedupe"]) as pipeline, stages_running(pipeline):
        if pipeline.store.dialect != "postgresql":
            pytest.skip("SQLite indexes the long guid: nothing is dead-lettered")
        urls = await register_catalogue(pipeline.store, [spec(feed_server, path[1:], outlet="Lake Wire")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)  # every outbox row done, the dead-lettered one too
        assert await republish_pending(pipeline.poller, timedelta(0)) == 0
        async with pipeline.store.sessions() as session:
            titles = {a.title for a in (await session.scalars(select(ArticleRow))).all()}
    [record] = await read_topic(broker, pipeline.topics.dlq, 1)
    assert "index row size" in DeadLetter.model_validate_json(record.value).reason
    assert titles == {"Bakery reopens in Syria"}


async def test_a_rebalance_during_a_batch_commits_the_partitions_kept_and_leaves_the_others_to_their_new_owner(
    make_settings, broker
):
    # The commit named a partition the group had just given to another member: aiokafka refused the whole commit
    # (IllegalStateError, a KafkaError), and the batch was processed, dead-lettered and published all over again.
    settings = make_settings()
    async with open_pipeline(settings, stages=["dedupe"]) as pipeline:
        runner, topic = pipeline.runners[0], pipeline.topics.items
        producer = AIOKafkaProducer(bootstrap_servers=broker)
        await producer.start()
        try:
            for partition in (0, 1):
                for _ in range(3):
                    await producer.send_and_wait(topic, json.dumps(invented_item()).encode(), partition=partition)
        finally:
            await producer.stop()
        records: list[ConsumerRecord] = []
        for _ in range(100):  # one fetched batch holding both partitions, as the runner's loop gets it
            batches = await runner.consumer.getmany(timeout_ms=300)
            records += [r for rs in batches.values() for r in rs]
            if len(records) == 6:
                break
        assert {r.partition for r in records} == {0, 1}
        group = f"{settings.kafka.topic_prefix}newsmon.dedupe"
        other = AIOKafkaConsumer(topic, bootstrap_servers=broker, group_id=group, enable_auto_commit=False,
                                 session_timeout_ms=6000, heartbeat_interval_ms=2000)  # fmt: skip
        await other.start()  # a second member joins while the batch is in hand: the group rebalances
        try:
            for _ in range(600):
                if len(runner.consumer.assignment()) == 1 and len(other.assignment()) == 1:
                    break
                await asyncio.sleep(0.1)
            await runner.handle(records)
            [kept], [moved] = runner.consumer.assignment(), other.assignment()
            assert await runner.consumer.committed(kept) == 3
            assert await other.committed(moved) is None  # its new owner reads it again from the start
        finally:
            await other.stop()
        async with pipeline.store.sessions() as session:
            assert len((await session.scalars(select(ArticleRow))).all()) == 6
    assert (runner.processed, runner.dead_lettered) == (6, 0)


class StoreRelay:
    """A TCP relay between the stages and PostgreSQL that can be cut and restored: the store going away and
    coming back, as a network fault or a restart does (the database itself cannot be stopped here)."""

    def __init__(self, target_port: int) -> None:
        self.target_port, self.is_up, self.refused = target_port, True, 0
        self.writers: set[asyncio.StreamWriter] = set()
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    def cut(self) -> None:
        self.is_up = False
        for writer in self.writers:
            writer.close()
        self.writers.clear()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.is_up:
            self.refused += 1
            writer.close()
            return
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self.writers |= {writer, upstream_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except OSError:
                pass
            finally:
                sink.close()

        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    async def close(self) -> None:
        self.cut()
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()


async def test_a_stage_whose_store_goes_away_retries_without_committing_and_recovers_when_it_is_back(
    make_settings, store_url, broker
):
    if not store_url.startswith("postgresql"):
        pytest.skip("the store is reached over TCP only on PostgreSQL")
    address = urlsplit(store_url)
    relay = StoreRelay(address.port or 5432)
    relayed_url = store_url.replace(f"@{address.hostname}:{address.port}/", f"@127.0.0.1:{await relay.start()}/")
    settings = make_settings(store={"url": relayed_url}, kafka={"partitions": 1})
    first, during = invented_item(), [invented_item() for _ in range(3)]
    try:
        async with open_pipeline(settings, stages=["dedupe"]) as pipeline, stages_running(pipeline):
            runner, partition = pipeline.runners[0], TopicPartition(pipeline.topics.items, 0)
            await send_raw(broker, pipeline.topics.items, [(b"first", json.dumps(first).encode())])
            for _ in range(600):
                if runner.processed == 1:
                    break
                await asyncio.sleep(0.1)
            relay.cut()
            await send_raw(broker, pipeline.topics.items, [(None, json.dumps(i).encode()) for i in during])
            for _ in range(600):  # the stage tries again and again (with backoff) while the store is away
                if relay.refused >= 3:
                    break
                await asyncio.sleep(0.1)
            assert relay.refused >= 3
            committed = await runner.consumer.committed(partition)
            assert (runner.processed, runner.dead_lettered) == (1, 0)
            relay.is_up = True
            await wait_until_drained(pipeline)
            assert await runner.consumer.committed(partition) == committed + 3
            assert (runner.processed, runner.dead_lettered) == (4, 0)
    finally:
        await relay.close()
    async with open_store(StoreSettings(url=store_url)) as store, store.sessions() as session:
        stored = sorted(a.id for a in (await session.scalars(select(ArticleRow))).all())
    assert stored == sorted(i["item_id"] for i in [first, *during])


async def test_a_dead_letter_topic_out_of_reach_holds_the_offset_until_the_letter_is_delivered(
    make_settings, store_url, broker, tmp_path
):
    # The stage reads from the shared broker and sends its letters through a second one, which stops and comes back.
    if not store_url.startswith("sqlite"):
        pytest.skip("the store plays no part here")
    settings = make_settings(kafka={"partitions": 1})
    dlq_port = free_loopback_port()
    async with open_pipeline(settings, stages=["dedupe"]) as pipeline:
        source = pipeline.runners[0]
        dlq_broker = embedded_broker(tmp_path / "dlq-1", port=dlq_port)
        dlq_producer = AIOKafkaProducer(bootstrap_servers=await dlq_broker.__aenter__(), request_timeout_ms=2000)
        await dlq_producer.start()
        runner = StageRunner(source.stage, source.consumer, dlq_producer, pipeline.topics.dlq,
                             settings.kafka.max_record_bytes)  # fmt: skip
        stop = asyncio.Event()
        running = asyncio.create_task(runner.run(stop))
        try:
            await dlq_broker.__aexit__(None, None, None)
            await send_raw(broker, pipeline.topics.items, [(b"bad", b"{not json")])
            for _ in range(600):
                if runner.retries >= 2:
                    break
                await asyncio.sleep(0.1)
            partition = TopicPartition(pipeline.topics.items, 0)
            assert (runner.retries >= 2, runner.dead_lettered) == (True, 0)
            assert await source.consumer.committed(partition) is None
            dlq_broker = embedded_broker(tmp_path / "dlq-2", port=dlq_port)
            await dlq_broker.__aenter__()
            for _ in range(600):
                if runner.dead_lettered == 1:
                    break
                await asyncio.sleep(0.1)
            assert runner.dead_lettered == 1 and await source.consumer.committed(partition) == 1
            [letter] = await read_topic(f"127.0.0.1:{dlq_port}", pipeline.topics.dlq, 1)
            assert letter.key == b"bad"
        finally:
            stop.set()
            await running
            await dlq_producer.stop()
            await dlq_broker.__aexit__(None, None, None)
