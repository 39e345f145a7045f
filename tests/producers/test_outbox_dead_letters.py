"""A polled item whose record the broker cannot take: dead-lettered by the poller and closed in the outbox, so the
relay never sends it again and poll-once's drain ends (real fixture server, broker and store)."""

import json
import sqlite3
import uuid
from datetime import timedelta

from aiokafka.record.default_records import DefaultRecordBatchBuilder
from sqlalchemy import select

from newsmon.cli.pipeline import open_pipeline
from newsmon.store.models import OutboxItem
from producers.relay import republish_pending
from schemas.dead_letter import DeadLetter
from tests.feed_server import Route
from tests.pipeline_helpers import read_topic
from tests.producers.conftest import FAST_POLL, register
from tests.producers.test_cli_feeds import poll_once

LIMIT = 20 * 1024
RSS = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>'


def feed_body(path: str) -> bytes:
    """A feed with one item of ~35 KB (under the poller's own cuts, over a 20 KB record limit) and two brief ones."""
    ledger = "The council in Idlib published its ledger of the reconstruction works, street by street. " * 400
    return RSS % (f"<item><title>Syria: the reconstruction ledger</title><link>https://wire.example{path}/ledger</link>"
                  f"<description>{ledger}</description></item>"
                  f"<item><title>Syria: bakery reopens</title><link>https://wire.example{path}/bakery</link>"
                  "<description>Idlib bakery reopens.</description></item>"
                  f"<item><title>Syria: bridge repaired</title><link>https://wire.example{path}/bridge</link>"
                  "<description>Bridge in Idlib repaired.</description></item>").encode()  # fmt: skip


async def test_an_item_over_the_record_limit_is_dead_lettered_with_its_sizes_and_its_outbox_row_closed(
    make_settings, feed_server, broker
):
    # It was logged and marked as tried, but its row was never done: the relay sent it again every round, for ever,
    # and poll-once waited for it until its drain timeout.
    path = f"/ledger-{uuid.uuid4().hex[:8]}"
    feed_server.routes[path] = Route(200, feed_body(path))
    settings = make_settings(poll=FAST_POLL, kafka={"max_record_bytes": LIMIT})
    async with open_pipeline(settings, stages=()) as pipeline:
        [url] = await register(pipeline.store, feed_server.url(path))
        [report] = await pipeline.poller.poll_due([url], everything=True)
        relayed = await republish_pending(pipeline.poller, timedelta(0))  # no stage runs: the brief ones go again
        async with pipeline.store.sessions() as session:
            rows = {row.item_id: row for row in (await session.scalars(select(OutboxItem))).all()}
        letters = await read_topic(broker, pipeline.topics.dlq, 1)
        items = await read_topic(broker, pipeline.topics.items, 4)
    assert report.items_new == 3 and relayed == 2
    [record] = letters
    letter = DeadLetter.model_validate_json(record.value)
    [big] = [row for row in rows.values() if row.done_at is not None]
    assert big.payload is None and [r for r in rows.values() if r.done_at is None and r.published_at is None] == []
    assert letter.key == big.item_id and record.key == big.item_id.encode() and letter.stage == "poller"
    assert letter.topic == pipeline.topics.items and letter.is_value_truncated
    assert letter.error_type == "MessageSizeTooLargeError" and dict(record.headers)["x-stage"] == b"poller"
    assert big.item_id in letter.reason and url in letter.reason and f"({LIMIT})" in letter.reason
    size = int(letter.reason.split("a record of ")[1].split(" bytes")[0])
    assert size > LIMIT
    assert DefaultRecordBatchBuilder.estimate_size_in_bytes(record.key, record.value, list(record.headers)) <= LIMIT
    assert sorted(r.key for r in items) == sorted([row.item_id.encode() for row in rows.values() if row is not big] * 2)


def test_poll_once_finishes_with_an_item_over_the_record_limit_and_sends_nothing_again(feed_server, tmp_path):
    path = f"/ledger-{uuid.uuid4().hex[:8]}"
    feed_server.routes[path] = Route(200, feed_body(path))
    feeds, state = tmp_path / "urls.txt", tmp_path / "state"
    feeds.write_text(f"{feed_server.url(path)}\n")
    env = {"NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0", "NEWSMON_KAFKA__MAX_RECORD_BYTES": str(LIMIT)}
    first = poll_once(feeds, state, env)  # waited for the big item until the drain timeout (600 s)
    assert first.returncode == 0, first.stderr + first.stdout
    second = poll_once(feeds, state, env)
    assert second.returncode == 0, second.stderr + second.stdout
    summaries = [json.loads(run.stdout.strip().splitlines()[-1]) for run in (first, second)]
    assert (summaries[0]["new_items"], summaries[1]["new_items"], summaries[1]["republished"]) == (3, 0, 0)
    with sqlite3.connect(state / "newsmon.db") as db:
        assert db.execute("select count(*) from outbox where done_at is null").fetchone()[0] == 0
        titles = sorted(title for (title,) in db.execute("select title from articles"))
    assert titles == ["Syria: bakery reopens", "Syria: bridge repaired"]
