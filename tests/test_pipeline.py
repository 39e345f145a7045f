"""The walking skeleton end to end: feed server -> poller -> broker -> stages -> store -> alert topic."""

import asyncio
import json

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from sqlalchemy import select

from newsmon.cli.pipeline import open_pipeline, register_catalogue, stages_running
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
from schemas.alerts import Alert
from schemas.dead_letter import DeadLetter
from tests.conftest import FIXTURES
from tests.feed_server import Route
from tests.pipeline_helpers import snapshot, wait_until_drained


def spec(feed_server, path: str, outlet: str = "Fixture Agency") -> FeedSpec:
    return FeedSpec(url=feed_server.url(path), name=path, outlet=outlet, language="en")


async def read_topic(bootstrap: str, topic: str, expected: int, timeout_s: float = 15.0) -> list[ConsumerRecord]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, fetch_max_wait_ms=100)  # fmt: skip
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout_s
        while len(records) < expected and asyncio.get_running_loop().time() < deadline:
            batches = await consumer.getmany(timeout_ms=300)
            records.extend(r for rs in batches.values() for r in rs)
    finally:
        await consumer.stop()
    return records


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
        finally:
            await producer.stop()
        urls = await register_catalogue(pipeline.store, [spec(feed_server, "rss2_basic.xml")])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            articles = (await session.scalars(select(ArticleRow))).all()
    letters = [DeadLetter.model_validate_json(r.value) for r in await read_topic(broker, pipeline.topics.dlq, 2)]
    by_key = {letter.key: letter for letter in letters}
    assert set(by_key) == {"bad-1", "bad-2"}
    assert by_key["bad-1"].stage == "dedupe" and by_key["bad-1"].raw_value == "{not json"
    assert "invalid FeedItem" in by_key["bad-1"].reason
    assert "Field required" in by_key["bad-2"].reason
    assert by_key["bad-2"].topic == pipeline.topics.items
    assert len(articles) == 3


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
