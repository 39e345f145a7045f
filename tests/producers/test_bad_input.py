"""Bad input, one case each: the broken feed records a clear error (or is read safely), the poll goes on,
and the good feed polled beside it is not affected."""

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from tests.feed_server import Route
from tests.producers.conftest import feed_rows, register

GOOD = "rss2_basic.xml"


async def poll_beside_good_feed(poller_pipeline, feed_server, bad_url: str, **poll):
    async with poller_pipeline(**poll) as pipeline:
        urls = await register(pipeline.store, bad_url, feed_server.url(GOOD))
        reports = {r.feed_url: r for r in await pipeline.poller.poll_due(urls, everything=True)}
        rows = await feed_rows(pipeline.store)
    good = rows[feed_server.url(GOOD)]
    assert reports[feed_server.url(GOOD)].status == "new" and reports[feed_server.url(GOOD)].items_new == 3
    assert good.failures == 0 and good.last_error is None and good.items_seen == 3
    return reports[bad_url], rows[bad_url]


@pytest.mark.parametrize(
    ("path", "route", "error"),
    [
        ("html_not_feed.html", None, "not a feed"),
        (
            "/garbage",
            Route(200, b"\x00\x01\x02 binary, not XML at all " * 20, {"Content-Type": "text/xml"}),
            "not a feed",
        ),
        ("empty.xml", None, "empty body"),
        ("/missing", Route(404, b"not found"), "404"),
        ("/boom", Route(500, b"oops"), "500"),
        ("/loop", Route(302, b"", {"Location": "/loop"}), "too many redirects"),
        (
            "/gzip-bomb",
            Route(200, gzip.compress(b"<" * (64 * 1024 * 1024)), {"Content-Encoding": "gzip"}),
            "larger than",
        ),
        ("/huge", Route(200, b"<rss>" + b" " * (3 * 1024 * 1024)), "larger than"),
    ],
    ids=["html", "binary", "empty-200", "404", "500", "redirect-loop", "gzip-bomb", "oversize"],
)
async def test_bad_feed_records_its_error_and_others_proceed(poller_pipeline, feed_server, path, route, error):
    if route is not None:
        feed_server.routes[path] = route
    report, row = await poll_beside_good_feed(poller_pipeline, feed_server, feed_server.url(path),
                                              max_body_bytes=1024 * 1024)  # fmt: skip
    assert report.status == "error"
    assert error in row.last_error
    assert row.failures == 1 and not row.is_disabled
    assert row.next_poll_at > row.last_polled_at


async def test_empty_200_is_a_zombie(poller_pipeline, feed_server):
    _, row = await poll_beside_good_feed(poller_pipeline, feed_server, feed_server.url("empty.xml"))
    assert row.health == "zombie" and row.last_status == 200


async def test_gone_410_disables_the_feed_at_once(poller_pipeline, feed_server):
    feed_server.routes["/gone"] = Route(410, b"gone")
    _, row = await poll_beside_good_feed(poller_pipeline, feed_server, feed_server.url("/gone"))
    assert row.is_disabled and "410" in row.disabled_reason and row.health == "disabled"


async def test_429_retry_after_sets_the_next_poll(poller_pipeline, feed_server):
    feed_server.routes["/busy"] = Route(429, b"slow down", {"Retry-After": "7200"})
    _, row = await poll_beside_good_feed(poller_pipeline, feed_server, feed_server.url("/busy"))
    assert "429" in row.last_error and row.last_status == 429
    assert row.next_poll_at >= datetime.now(UTC) + timedelta(seconds=7000)
    assert row.failure_score == pytest.approx(0.5)  # transient: weighs less than a 404


async def test_timeout_is_recorded_as_a_light_failure(poller_pipeline, feed_server):
    feed_server.routes["/sleepy"] = Route(200, b"<rss/>", delay_s=3.0)
    _, row = await poll_beside_good_feed(poller_pipeline, feed_server, feed_server.url("/sleepy"), timeout_s=1.0)
    assert "timed out" in row.last_error and row.failure_score == pytest.approx(0.5)


async def test_slow_body_times_out(poller_pipeline, feed_server, trickle_server):
    _, row = await poll_beside_good_feed(poller_pipeline, feed_server, f"{trickle_server}/slow", timeout_s=2.0)
    assert "timed out" in row.last_error


@pytest.mark.parametrize("path", ["malformed_truncated.xml", "wrong_charset_cp1251.xml", "missing_charset_latin1.xml"])
async def test_recoverable_feed_is_read_with_what_can_be_recovered(poller_pipeline, feed_server, path):
    report, row = await poll_beside_good_feed(poller_pipeline, feed_server, feed_server.url(path))
    assert report.status == "new" and report.items_new >= 1
    assert row.failures == 0 and row.items_seen == report.items_new


async def test_entity_expansion_is_not_expanded(poller_pipeline, feed_server):
    report, row = await poll_beside_good_feed(poller_pipeline, feed_server, feed_server.url("entity_expansion.xml"))
    assert report.status in ("new", "error")
    assert row.last_body_bytes is None or row.last_body_bytes < 10_000
    async with poller_pipeline() as pipeline:
        from newsmon.store import outbox

        async with pipeline.store.sessions() as session:
            pending = await outbox.pending(session, None)
    assert all(item.payload is not None and len(item.payload["title"]) < 1000 for item in pending)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "169.254.169.254", "[::1]", "10.0.0.8"])
async def test_ssrf_urls_are_refused_unless_allowed(poller_pipeline, feed_server, host):
    port = feed_server.url("").rsplit(":", 1)[1].rstrip("/")
    url = f"http://{host}:{port}/{GOOD}"
    async with poller_pipeline(allow_private_addresses=False, timeout_s=2) as pipeline:
        urls = await register(pipeline.store, url)
        [report] = await pipeline.poller.poll_due(urls, everything=True)
        row = (await feed_rows(pipeline.store))[url]
    assert report.status == "error"
    assert row.last_error is not None
    assert "refused" in row.last_error and "non-public address" in row.last_error
    assert row.items_seen == 0
