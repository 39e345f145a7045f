"""The alerts stage on the real broker and store: what it cannot match against a stored article."""

from aiokafka import AIOKafkaProducer
from sqlalchemy import select

from newsmon.cli.pipeline import open_pipeline, register_catalogue, stages_running
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import AlertRow
from schemas.dead_letter import DeadLetter
from tests.consumers.alerts.test_alert_rules import article, claim
from tests.pipeline_helpers import wait_until_drained
from tests.test_pipeline import read_topic


async def test_an_alert_about_an_article_not_in_the_store_is_dead_lettered_with_that_reason(
    make_settings, feed_server, broker
):
    # An article and a claim from another producer (or a store restored from an older backup) whose article the
    # store does not hold: they match the rule, but an alert names its article. The reason was the SQL of a
    # foreign-key failure.
    settings = make_settings(alerts={"rules": [{"name": "ferry", "keywords": ["ferry", "violations"]}]})
    orphan_article = article("Invented Wire", "Ferry service resumes", "The ferry sails twice a day.")
    orphan_claim = claim("Invented Wire", "Dana Harbour", "Lake Authority", "the ferry would sail again")
    async with open_pipeline(settings, stages=["dedupe", "claims", "alerts"]) as pipeline, stages_running(pipeline):
        producer = AIOKafkaProducer(bootstrap_servers=broker)
        await producer.start()
        try:
            await producer.send_and_wait(pipeline.topics.articles, orphan_article.to_bytes(), key=b"orphan-article")
            await producer.send_and_wait(pipeline.topics.claims, orphan_claim.to_bytes(), key=b"orphan-claim")
        finally:
            await producer.stop()
        feed = FeedSpec(feed_server.url("rss2_basic.xml"), "basic", "Fixture Agency", "en")
        await pipeline.poller.poll_due(await register_catalogue(pipeline.store, [feed]), everything=True)
        await wait_until_drained(pipeline)
        async with pipeline.store.sessions() as session:
            alerted = set((await session.scalars(select(AlertRow.article_id))).all())
    # The claims stage reads the orphan article too, and dead-letters it for the same reason.
    records = await read_topic(broker, pipeline.topics.dlq, 3)
    decoded = [DeadLetter.model_validate_json(record.value) for record in records]
    letters = {(letter.stage, letter.key): letter for letter in decoded}
    assert set(letters) == {("alerts", "orphan-article"), ("alerts", "orphan-claim"), ("claims", "orphan-article")}
    for letter in letters.values():
        assert letter.error_type == "LookupError"
        assert letter.reason == f"article {orphan_article.article_id} is not in the store"
    assert alerted and orphan_article.article_id not in alerted  # the fixture feed's own alerts went on
