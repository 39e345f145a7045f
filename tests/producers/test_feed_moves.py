"""Feeds that move (301/308) onto a feed the catalogue has already, and entries whose link is the site's front page
across polls: each item published once, none lost, each keeping its identity."""

import uuid

from sqlalchemy import select

from newsmon.store.models import OutboxItem
from tests.feed_server import Route
from tests.producers.conftest import feed_rows, register

RSS = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title>{}</channel></rss>'


def entry(title: str, *, guid: str | None = None, link: str | None = None) -> str:
    parts = [f"<title>{title}</title><description>Reported from Deir ez-Zor, Syria.</description>"]
    if guid:
        parts.append(f"<guid isPermaLink='false'>{guid}</guid>")
    if link:
        parts.append(f"<link>{link}</link>")
    return f"<item>{''.join(parts)}</item>"


def body(*entries: str) -> bytes:
    return RSS.format("".join(entries)).encode()


async def published_titles(store) -> list[str]:
    """Titles of the outbox rows that went to the broker (a row closed without a send has no publish time)."""
    async with store.sessions() as session:
        rows = (await session.scalars(select(OutboxItem).where(OutboxItem.published_at.is_not(None)))).all()
    return sorted(row.payload["title"] for row in rows if row.payload)


async def test_a_feed_moved_onto_one_already_catalogued_publishes_nothing_twice_and_loses_nothing(
    poller_pipeline, feed_server
):
    # An outlet folds its regional feed into its main one and answers 301 from the old URL; the catalogue lists
    # both. The old row's poll reads the main feed's body (the main row's to publish), and the main feed now carries
    # the regional items, keyed by feed URL + guid: the old row's items must not come back under the main URL's key.
    tag = uuid.uuid4().hex[:8]
    regional, main = f"/regional-{tag}", f"/main-{tag}"
    known_regional = (entry("Syria: bakery reopens in Mayadin", guid=f"reg-{tag}-1"),
                      entry("Syria: river ferry resumes", link=f"https://desk.example/{tag}/ferry"))  # fmt: skip
    known_main = (entry("Syria: council meets in Raqqa", guid=f"main-{tag}-1"),)
    feed_server.routes[regional] = Route(200, body(*known_regional))
    feed_server.routes[main] = Route(200, body(*known_main))
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url(regional), feed_server.url(main))
        await pipeline.poller.poll_due(urls, everything=True)
        fresh = entry("Syria: new school term in Hajin", guid=f"main-{tag}-2")
        feed_server.routes[regional] = Route(301, b"", {"Location": main})
        feed_server.routes[main] = Route(200, body(*known_regional, *known_main, fresh))
        [moved] = await pipeline.poller.poll_due(urls[:1], everything=True)
        [merged] = await pipeline.poller.poll_due(urls[1:], everything=True)
        again = await pipeline.poller.poll_due(urls, everything=True)
        titles = await published_titles(pipeline.store)
        rows = await feed_rows(pipeline.store)
    assert (moved.items_new, merged.items_new, [r.items_new for r in again]) == (0, 1, [0])
    assert titles == sorted(["Syria: bakery reopens in Mayadin", "Syria: river ferry resumes",
                             "Syria: council meets in Raqqa", "Syria: new school term in Hajin"])  # fmt: skip
    old, kept = rows[feed_server.url(regional)], rows[feed_server.url(main)]
    assert old.is_disabled and feed_server.url(main) in (old.disabled_reason or "") and not kept.is_disabled


async def test_a_feed_moved_onto_a_catalogued_feed_not_polled_yet_leaves_it_only_what_is_new(
    poller_pipeline, feed_server
):
    # The catalogue gains the feed's new address (http -> https, say) while the old one is still listed; the old
    # one then answers 301 with the very body it sent before. Its items were published under its keys: the new row's
    # first poll publishes only what is new, not every guid-only item a second time.
    tag = uuid.uuid4().hex[:8]
    old, new = f"/plain-{tag}", f"/secure-{tag}"
    known = (entry("Syria: clinic opens in Manbij", guid=f"{tag}-1"), entry("Syria: road to Tabqa repaired",
             guid=f"{tag}-2"))  # fmt: skip
    feed_server.routes[old] = Route(200, body(*known))
    async with poller_pipeline() as pipeline:
        [first] = await pipeline.poller.poll_due(await register(pipeline.store, feed_server.url(old)), everything=True)
        urls = await register(pipeline.store, feed_server.url(old), feed_server.url(new))
        feed_server.routes[old] = Route(301, b"", {"Location": new})
        feed_server.routes[new] = Route(200, body(*known))
        [moved] = await pipeline.poller.poll_due(urls[:1], everything=True)
        feed_server.routes[new] = Route(200, body(entry("Syria: grain silo rebuilt", guid=f"{tag}-3"), *known))
        [later] = await pipeline.poller.poll_due(urls[1:], everything=True)
        titles = await published_titles(pipeline.store)
    assert (first.items_new, moved.items_new, later.items_new) == (2, 0, 1)
    assert titles == sorted(["Syria: clinic opens in Manbij", "Syria: road to Tabqa repaired",
                             "Syria: grain silo rebuilt"])  # fmt: skip
