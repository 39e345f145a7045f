"""Feeds that move (301/308) onto a feed the catalogue has already, and entries whose link or guid is the site's
front page across polls: each item published once, none lost, each keeping its identity."""

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


async def test_a_front_page_link_keys_no_item_across_polls(poller_pipeline, feed_server):
    # A CMS whose one-item feed links every entry to the site's front page: each body alone shows no shared link,
    # so keyed by the link each new entry was the previous one's edit (a new version of one article). A site's root
    # is never one article: the guid keys the entry, else its title and text. A root with a query is (WordPress ?p=).
    tag = uuid.uuid4().hex[:8]
    front, plain, query = f"/front-{tag}", f"/front-plain-{tag}", f"/query-{tag}"
    titles = ("Syria: power cut in Daraa", "Syria: water returns to Daraa", "Syria: exams postponed in Daraa")
    news = []
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, *(feed_server.url(path) for path in (front, plain, query)))
        for n, title in enumerate(titles):
            tracked = "https://desk.example/?utm_source=rss"
            feed_server.routes[front] = Route(200, body(entry(title, guid=f"{tag}-{n}", link=tracked)))
            feed_server.routes[plain] = Route(200, body(entry(title, link="https://desk.example")))
            feed_server.routes[query] = Route(200, body(entry(title, guid=f"{tag}-{n}",
                                                              link="https://blog.example/?p=12")))  # fmt: skip
            reports = {r.feed_url: r.items_new for r in await pipeline.poller.poll_due(urls, everything=True)}
            news.append([reports[url] for url in urls])
        async with pipeline.store.sessions() as session:
            rows = (await session.scalars(select(OutboxItem))).all()
        feeds = await feed_rows(pipeline.store)
    by_feed = {url: sorted(row.payload["title"] for row in rows if row.feed_id == feed.id)
               for url, feed in feeds.items()}  # fmt: skip
    assert news == [[1, 1, 1], [1, 1, 1], [1, 1, 1]]  # the ?p=12 entry: one article edited twice
    assert by_feed[urls[0]] == by_feed[urls[1]] == sorted(titles)
    assert by_feed[urls[2]] == ["Syria: exams postponed in Daraa"]


async def test_a_front_page_guid_keys_no_article_across_polls(make_settings, feed_server):
    # The one-guid CMS (its site URL as every entry's guid) with one entry a body: no body shows the guid shared, and
    # the dedupe stage read each later entry, same feed and guid, as the first article at a new URL (an edit of it).
    from newsmon.store.feeds import FeedSpec
    from newsmon.store.models import ArticleRow
    from newsmon.store.session import open_store
    from tests.pipeline_helpers import run_pipeline_over

    path = f"/one-guid-{uuid.uuid4().hex[:8]}"
    titles = ("Syria: ferry to Arwad island runs again after the storm", "Syria: olive harvest in Afrin starts late")
    settings = make_settings(poll={"per_host_min_gap_s": 0})
    spec = FeedSpec(url=feed_server.url(path), name="one guid", outlet="Desk", language="en")
    for n, title in enumerate(titles):
        feed_server.routes[path] = Route(200, body(entry(title, guid="https://desk.example/",
                                                         link=f"https://desk.example/{n}")))  # fmt: skip
        await run_pipeline_over(settings, [spec])
    async with open_store(settings.store) as store, store.reads() as session:
        stored = sorted((await session.scalars(select(ArticleRow.title))).all())
    assert stored == sorted(titles)


async def test_a_feed_moved_onto_a_disabled_catalogued_feed_still_publishes_its_new_items(poller_pipeline, feed_server):
    # The feed it moved onto is not polled (disabled by hand, or after failures): nothing would publish the body's
    # new items, so the moved feed publishes them as before, under its own keys, and is disabled as a duplicate.
    from datetime import UTC, datetime

    from newsmon.store import feeds

    tag = uuid.uuid4().hex[:8]
    old, new = f"/before-{tag}", f"/after-{tag}"
    feed_server.routes[old] = Route(200, body(entry("Syria: bus line to Homs resumes", guid=f"{tag}-1")))
    feed_server.routes[new] = Route(200, body(entry("Syria: bus line to Homs resumes", guid=f"{tag}-1")))
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url(old), feed_server.url(new))
        await pipeline.poller.poll_due(urls[:1], everything=True)
        async with pipeline.store.sessions.begin() as session:
            await feeds.disable(session, feed_server.url(new), "by hand", datetime.now(UTC))
        feed_server.routes[old] = Route(301, b"", {"Location": new})
        bakeries = entry("Syria: bakeries in Homs get flour", guid=f"{tag}-2")
        feed_server.routes[new] = Route(200, body(bakeries, entry("Syria: bus line to Homs resumes", guid=f"{tag}-1")))
        [moved] = await pipeline.poller.poll_due(urls, everything=True)
        titles = await published_titles(pipeline.store)
    assert moved.items_new == 1
    assert titles == ["Syria: bakeries in Homs get flour", "Syria: bus line to Homs resumes"]


async def test_a_feed_moved_onto_a_catalogued_feed_recorded_in_the_same_batch_publishes_nothing_twice(
    poller_pipeline, feed_server
):
    # Both rows polled in one round are written in one transaction (the recorder's group commit), the other feed's
    # poll first in the queue here: the moved feed's items are settled before any row of the batch is added, so the
    # other feed's poll finds the item already published and publishes only the new one.
    import asyncio
    from datetime import UTC, datetime

    from newsmon.store.feeds import PollOutcome
    from producers.items import ParseJob, prepare_feed
    from producers.recorder import Merge, PendingPoll

    tag = uuid.uuid4().hex[:8]
    old, new = f"/first-{tag}", f"/second-{tag}"
    known = entry("Syria: well dug in Sweida", guid=f"{tag}-1")
    feed_server.routes[old] = Route(200, body(known))
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url(old), feed_server.url(new))
        await pipeline.poller.poll_due(urls[:1], everything=True)
        rows, now = await feed_rows(pipeline.store), datetime.now(UTC)
        merged = body(entry("Syria: clinic in Sweida", guid=f"{tag}-2"), known)
        own, theirs = (prepare_feed(ParseJob(merged, url, "Desk", "en", "application/rss+xml", now,
                                             pipeline.poller.terms)).items for url in urls)  # fmt: skip
        outcome = lambda _fresh: PollOutcome(polled_at=now, next_poll_at=now)  # noqa: E731
        onto = rows[urls[1]].id
        polls = (PendingPoll(onto, now, theirs, outcome),
                 PendingPoll(rows[urls[0]].id, now, [], outcome, merge=Merge(onto, own, theirs)))  # fmt: skip
        fresh = await asyncio.gather(*(pipeline.poller.recorder.record(poll) for poll in polls))
        await pipeline.poller.recorder.flush()
        titles = await published_titles(pipeline.store)
    assert fresh == [1, 0]
    assert titles == ["Syria: clinic in Sweida", "Syria: well dug in Sweida"]


async def test_an_entry_linked_to_the_feed_itself_is_keyed_by_its_guid(poller_pipeline, feed_server):
    # A bridge that links every entry to the feed's own address (the RSS document, not a page of the entry): one
    # entry a body, each new entry was the previous one's new version, poll after poll.
    path = f"/bridge-{uuid.uuid4().hex[:8]}"
    titles = ("Syria: checkpoint near Qamishli reopens", "Syria: flights resume at Qamishli airport")
    news = []
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, feed_server.url(path))
        for n, title in enumerate(titles):
            link = feed_server.url(path) + "?utm_medium=rss"
            feed_server.routes[path] = Route(200, body(entry(title, guid=f"{path}-{n}", link=link)))
            news += [r.items_new for r in await pipeline.poller.poll_due(urls, everything=True)]
        async with pipeline.store.sessions() as session:
            rows = (await session.scalars(select(OutboxItem))).all()
    assert news == [1, 1] and sorted(row.payload["title"] for row in rows) == sorted(titles)
