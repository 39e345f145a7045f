"""What real feeds do that breaks naive pollers, one case each, served by the fixture server and polled into the
real store and broker: every item kept once, with a usable URL and date, and anything unusable a clear error."""

from sqlalchemy import select

from newsmon.store.models import OutboxItem
from tests.feed_server import Route
from tests.producers.conftest import feed_rows, register

RSS = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>'
ATOM = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"%s><title>Invented</title>'
        b"<id>urn:invented:feed</id><updated>2026-11-02T16:00:00Z</updated>%s</feed>")  # fmt: skip


def item(title: str, extra: str = "") -> bytes:
    return f"<item><title>{title}</title><description>Report from Idlib province.</description>{extra}</item>".encode()


async def poll(pipeline, feed_server, *paths: str):
    """Poll these routes once; the reports, feed rows and outbox payloads, by path."""
    urls = await register(pipeline.store, *(feed_server.url(path) for path in paths))
    reports = {r.feed_url: r for r in await pipeline.poller.poll_due(urls, everything=True)}
    rows = await feed_rows(pipeline.store)
    async with pipeline.store.sessions() as session:
        outbox = (await session.scalars(select(OutboxItem))).all()
    by_feed = {feed.id: url for url, feed in rows.items()}
    payloads: dict[str, list[OutboxItem]] = {url: [] for url in urls}
    for row in outbox:
        payloads.setdefault(by_feed[row.feed_id], []).append(row)
    return reports, rows, payloads


async def test_304_to_a_request_without_validators_is_an_error(poller_pipeline, feed_server):
    # A misconfigured cache answers 304 to a plain GET: there is no earlier copy for it to mean, so it is no
    # "not modified" (the feed would show as healthy while never giving an item).
    feed_server.routes["/cached"] = Route(304, b"")
    async with poller_pipeline() as pipeline:
        reports, rows, _ = await poll(pipeline, feed_server, "/cached")
    report, row = reports[feed_server.url("/cached")], rows[feed_server.url("/cached")]
    assert report.status == "error"
    assert row.health == "failing" and row.last_status == 304
    assert "304" in row.last_error and "without validators" in row.last_error
