"""What real feeds do that breaks naive pollers, one case each, served by the fixture server and polled into the
real store and broker: every item kept once, with a usable URL and date, and anything unusable a clear error."""

import uuid
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from sqlalchemy import select

from newsmon.store.feeds import FeedSpec
from newsmon.store.models import ArticleRow, OutboxItem
from producers import parse
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


async def test_an_oversize_item_is_cut_to_fit_and_every_item_is_published(poller_pipeline, feed_server):
    # A CMS that puts a whole dossier in one <description> (1.4 MB): sent as it is, the record is larger than the
    # broker takes, its publish fails with its batch's, and the relay retries that batch for ever.
    dossier = "Shelling reported near Saraqib, witnesses said. " * 30_000
    feed_server.routes["/dossier"] = Route(200, RSS % (
        f"<item><title>Syria dossier {'long title ' * 500}</title><link>https://wire.example/dossier</link>"
        f"<description>{dossier}</description></item>"
        "<item><title>Syria brief</title><link>https://wire.example/brief</link>"
        "<description>Idlib.</description></item>").encode())  # fmt: skip
    from producers.items import MAX_SUMMARY_CHARS, MAX_TITLE_CHARS

    async with poller_pipeline() as pipeline:
        reports, _, payloads = await poll(pipeline, feed_server, "/dossier")
    rows = payloads[feed_server.url("/dossier")]
    assert reports[feed_server.url("/dossier")].items_new == 2
    assert len(rows) == 2 and all(row.published_at is not None for row in rows)
    big = next(row.payload for row in rows if row.payload["url"] == "https://wire.example/dossier")
    assert len(big["summary"]) <= MAX_SUMMARY_CHARS and big["summary"].startswith("Shelling reported near Saraqib")
    assert len(big["title"]) <= MAX_TITLE_CHARS and big["title"].startswith("Syria dossier long title")


async def test_relative_links_are_resolved_against_xml_base_and_the_feed_url(poller_pipeline, feed_server):
    # Atom allows relative hrefs, resolved against xml:base (RFC 4287 §2 / XML Base) or else the document's URL;
    # some RSS feeds write site-relative <link>s too.
    entries = (b'<entry><title>Syria entry one</title><link href="2026/11/one"/><id>urn:e:1</id>'
               b"<updated>2026-11-02T16:00:00Z</updated></entry>"
               b'<entry xml:base="/desk/"><title>Syria entry two</title><link href="two.html"/><id>urn:e:2</id>'
               b"<updated>2026-11-02T17:00:00Z</updated></entry>")  # fmt: skip
    feed_server.routes["/based.atom"] = Route(200, ATOM % (b' xml:base="https://desk.example/news/"', entries))
    feed_server.routes["/feeds/bare.atom"] = Route(200, ATOM % (b"", entries))
    feed_server.routes["/feeds/site.rss"] = Route(200, RSS % item("Syria relative", "<link>/world/3</link>"))
    async with poller_pipeline() as pipeline:
        _, _, payloads = await poll(pipeline, feed_server, "/based.atom", "/feeds/bare.atom", "/feeds/site.rss")
    urls = {path: sorted(row.payload["url"] for row in payloads[feed_server.url(path)])
            for path in ("/based.atom", "/feeds/bare.atom", "/feeds/site.rss")}  # fmt: skip
    assert urls["/based.atom"] == ["https://desk.example/desk/two.html", "https://desk.example/news/2026/11/one"]
    assert urls["/feeds/bare.atom"] == [feed_server.url("/desk/two.html"), feed_server.url("/feeds/2026/11/one")]
    assert urls["/feeds/site.rss"] == [feed_server.url("/world/3")]


async def test_items_without_link_or_guid_are_each_kept(poller_pipeline, feed_server):
    # No <link>, no <guid> (RSS 2.0 only needs a title or a description): each item is its own article.
    feed_server.routes["/bare"] = Route(200, RSS % (item("Syria: convoy reaches Afrin") + item("Syria: strike on depot")
                                                    + item("Syria: talks resume in Astana")))  # fmt: skip
    async with poller_pipeline() as pipeline:
        reports, _, payloads = await poll(pipeline, feed_server, "/bare")
        _, _, again = await poll(pipeline, feed_server, "/bare")  # the same body: nothing new
        feed_server.routes["/bare"] = Route(200, RSS % (item("Syria: convoy reaches Afrin")
                                                        + item("Syria: strike on depot")))  # fmt: skip
        later, _, _ = await poll(pipeline, feed_server, "/bare")
    assert reports[feed_server.url("/bare")].items_new == 3
    assert sorted(row.payload["title"] for row in payloads[feed_server.url("/bare")]) == [
        "Syria: convoy reaches Afrin", "Syria: strike on depot", "Syria: talks resume in Astana"]  # fmt: skip
    assert len({row.item_id for row in again[feed_server.url("/bare")]}) == 3
    assert later[feed_server.url("/bare")].items_new == 0


async def test_links_that_are_not_web_addresses_are_not_article_urls(poller_pipeline, feed_server):
    feed_server.routes["/schemes"] = Route(200, RSS % (
        item("Syria script", "<link>javascript:alert(1)</link><guid isPermaLink='false'>s-1</guid>")
        + item("Syria mail", "<link>mailto:desk@wire.example</link><guid isPermaLink='false'>s-2</guid>")
        + item("Syria file", "<link>file:///etc/passwd</link><guid isPermaLink='false'>s-3</guid>")))  # fmt: skip
    async with poller_pipeline() as pipeline:
        reports, _, payloads = await poll(pipeline, feed_server, "/schemes")
    assert reports[feed_server.url("/schemes")].items_new == 3
    assert {row.payload["url"] for row in payloads[feed_server.url("/schemes")]} == {feed_server.url("/schemes")}
    assert sorted(row.payload["guid"] for row in payloads[feed_server.url("/schemes")]) == ["s-1", "s-2", "s-3"]


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


async def test_utf16_feed_with_a_bom_is_read(poller_pipeline, feed_server):
    # A byte order mark decides the encoding (XML 1.0 appendix F), whatever the declaration says.
    body = (RSS % item("Сирия: колонна у Африна", "<link>https://wire.example/ru/1</link>")).decode()
    feed_server.routes["/utf16"] = Route(200, body.encode("utf-16"))
    feed_server.routes["/utf16be"] = Route(200, b"\xfe\xff" + body.replace("Африна", "Идлиба").encode("utf-16-be"))
    lying = body.replace('encoding="utf-8"', 'encoding="windows-1251"').replace("Африна", "Ракки")
    feed_server.routes["/utf8bom"] = Route(200, b"\xef\xbb\xbf" + lying.encode())
    async with poller_pipeline() as pipeline:
        reports, _, payloads = await poll(pipeline, feed_server, "/utf16", "/utf16be", "/utf8bom")
    assert [r.status for r in reports.values()] == ["new", "new", "new"]
    assert [row.payload["title"] for row in payloads[feed_server.url("/utf8bom")]] == ["Сирия: колонна у Ракки"]
    assert [row.payload["title"] for row in payloads[feed_server.url("/utf16")]] == ["Сирия: колонна у Африна"]
    assert [row.payload["title"] for row in payloads[feed_server.url("/utf16be")]] == ["Сирия: колонна у Идлиба"]


async def test_placeholder_dates_before_the_web_are_estimated(poller_pipeline, feed_server):
    # CMSs print an unset date as the Unix epoch (or year 1 / 1900): no real item was published then.
    feed_server.routes["/epoch"] = Route(200, RSS % (
        item("Syria epoch", "<link>https://wire.example/e1</link><pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate>")
        + item("Syria iso epoch", "<link>https://wire.example/e2</link><pubDate>1970-01-01T00:00:00Z</pubDate>")
        + item("Syria dated", "<link>https://wire.example/e3</link><pubDate>Mon, 02 Nov 2026 16:00:00 +0000</pubDate>")
    ))  # fmt: skip
    async with poller_pipeline() as pipeline:
        _, rows, payloads = await poll(pipeline, feed_server, "/epoch")
    by_title = {row.payload["title"]: row.payload for row in payloads[feed_server.url("/epoch")]}
    polled = rows[feed_server.url("/epoch")].last_polled_at
    for title in ("Syria epoch", "Syria iso epoch"):
        assert by_title[title]["is_published_at_estimated"] is True
        assert abs(datetime.fromisoformat(by_title[title]["published_at"]) - polled) < timedelta(seconds=1)
    assert by_title["Syria dated"]["published_at"].startswith("2026-11-02T16:00:00")
    assert rows[feed_server.url("/epoch")].last_undated_count == 2


async def test_an_absolute_link_stays_as_written(poller_pipeline, feed_server):
    # Control: an ordinary feed's items keep their absolute links untouched by the resolution above.
    feed_server.routes["/plain"] = Route(200, RSS % item("Syria plain", "<link>https://wire.example/p?id=4</link>"))
    async with poller_pipeline() as pipeline:
        _, _, payloads = await poll(pipeline, feed_server, "/plain")
    assert [row.payload["url"] for row in payloads[feed_server.url("/plain")]] == ["https://wire.example/p?id=4"]


def test_both_parsers_resolve_relative_links_alike():
    entries = (b'<entry><title>Syria one</title><link href="2026/11/one"/><id>urn:e:1</id></entry>'
               b'<entry xml:base="/desk/"><title>Syria two</title><link href="two.html"/><id>urn:e:2</id></entry>'
               b'<entry><title>Syria 3</title><link href="javascript:0"/><id>urn:e:3</id></entry>')  # fmt: skip
    atom = ATOM % (b' xml:base="https://desk.example/news/"', entries)
    for body in (atom, atom.replace(b' xml:base="https://desk.example/news/"', b"")):
        fast = parse._parse_fast(body, "https://feeds.example/a/feed")
        slow = parse._parse_with_feedparser(body, "https://feeds.example/a/feed", "", "https://feeds.example/a/feed")
        assert fast is not None and [e.link for e in fast.entries] == [e.link for e in slow.entries]
    assert fast is not None
    assert [e.link for e in fast.entries] == ["https://feeds.example/a/2026/11/one", "https://feeds.example/desk/two.html",
                                              None]  # fmt: skip


async def test_a_moved_feed_keeps_its_items_identity(poller_pipeline, feed_server):
    # 301 (RFC 9110 §15.4.2): the feed is polled at its new URL from then on. Its items are the same items: a new body
    # there must bring only what is new, and an item known by its guid alone must keep its id.
    first = item("Syria: convoy", "<link>https://wire.example/c</link>") + item(
        "Syria: guid only", "<guid isPermaLink='false'>wire-77</guid>")  # fmt: skip
    feed_server.routes["/moving"] = Route(301, b"", {"Location": "/moved"})
    feed_server.routes["/moved"] = Route(200, RSS % first)
    async with poller_pipeline() as pipeline:
        reports, _, _ = await poll(pipeline, feed_server, "/moving")
        fresh = item("Syria: new", "<link>https://wire.example/n</link>")
        feed_server.routes["/moved"] = Route(200, RSS % (first + fresh))
        later, rows, payloads = await poll(pipeline, feed_server, "/moved")
    assert reports[feed_server.url("/moving")].items_new == 2
    assert later[feed_server.url("/moved")].items_new == 1
    assert rows[feed_server.url("/moved")].moved_from == feed_server.url("/moving")
    titles = sorted(row.payload["title"] for rows_ in payloads.values() for row in rows_)
    assert titles == ["Syria: convoy", "Syria: guid only", "Syria: new"]


async def test_dates_with_russian_and_arabic_month_names_are_read(poller_pipeline, feed_server):
    # A CMS that prints pubDate with its site's locale: Russian or Arabic month and weekday names, Arabic-Indic digits.
    dated = {
        "Syria ru short": "Пн, 02 ноя 2026 16:00:00 +0300",
        "Syria ru genitive": "2 ноября 2026 г., 16:00 +0300",
        "Syria ar": "الاثنين، ٠٢ نوفمبر ٢٠٢٦ ١٦:٠٠:٠٠ +0300",
        "Syria ar levant": "الاثنين 2 تشرين الثاني 2026 16:00:00 +0300",
        "Syria msk": "Mon, 02 Nov 2026 16:00:00 MSK",  # a zone name RFC 822 does not know, not UTC
    }
    feed_server.routes["/locale"] = Route(200, RSS % b"".join(
        item(title, f"<link>https://wire.example/{n}</link><pubDate>{date}</pubDate>")
        for n, (title, date) in enumerate(dated.items())))  # fmt: skip
    async with poller_pipeline() as pipeline:
        _, rows, payloads = await poll(pipeline, feed_server, "/locale")
    published = {row.payload["title"]: row.payload for row in payloads[feed_server.url("/locale")]}
    assert {title: (p["published_at"], p["is_published_at_estimated"]) for title, p in published.items()} == {
        title: ("2026-11-02T13:00:00Z", False) for title in dated}  # fmt: skip
    assert rows[feed_server.url("/locale")].last_undated_count == 0


async def test_credentials_in_a_feed_url_are_sent_but_never_published(poller_pipeline, feed_server):
    # http://user:password@host/feed is how newsboat and rss2email take a private feed; the password goes to that
    # host as Basic auth, and not into every item (the broker, the articles table, the API).
    path = f"/private-{uuid.uuid4().hex[:8]}"
    feed_server.routes[path] = Route(200, RSS % (item("Syria: members' brief") + item(
        "Syria: linked", "<link>https://wire.example/l</link>")))  # fmt: skip
    url = feed_server.url(path).replace("http://", "http://reader:s3cret@")
    async with poller_pipeline() as pipeline:
        urls = await register(pipeline.store, url)
        await pipeline.poller.poll_due(urls, everything=True)
        async with pipeline.store.sessions() as session:
            payloads = [row.payload for row in (await session.scalars(select(OutboxItem))).all()]
    assert [headers.get("Authorization") for sent, headers in feed_server.requests if sent == path] == [
        "Basic cmVhZGVyOnMzY3JldA=="]  # fmt: skip
    assert len(payloads) == 2 and not any("s3cret" in str(payload) for payload in payloads)
    assert {payload["feed_url"] for payload in payloads} == {feed_server.url(path)}


async def test_a_guid_two_different_articles_share_identifies_neither(make_settings, feed_server):
    # A CMS that writes one guid for every item (its site URL, or "0"): the dedupe stage reads an item whose guid an
    # article of the same feed has as that article at a new URL, so the second article became an edit of the first.
    from tests.pipeline_helpers import run_pipeline_over

    path = f"/one-guid-{uuid.uuid4().hex[:8]}"
    titles = ("Syria: ferry service to Latakia resumes after storm repairs",
              "Syria: wheat harvest in Hasakah expected to fall by a third")  # fmt: skip
    guid = "<guid isPermaLink='false'>https://wire.example/</guid>"
    body = "".join(f"<item><title>{title}</title><link>https://wire.example/{n}</link>{guid}</item>"
                   for n, title in enumerate(titles))  # fmt: skip
    feed_server.routes[path] = Route(200, RSS % body.encode())
    settings = make_settings(poll={"per_host_min_gap_s": 0})
    await run_pipeline_over(settings, [FeedSpec(url=feed_server.url(path), name="one guid", outlet="Wire",
                                                language="en")])  # fmt: skip
    from newsmon.store.session import open_store

    async with open_store(settings.store) as store, store.reads() as session:
        stored = sorted((await session.scalars(select(ArticleRow.title))).all())
    assert stored == list(titles)


async def test_odd_but_harmless_answers_are_read_as_meant(poller_pipeline, feed_server):
    # Guards for what already works: a Content-Type that lies, RSS 1.0 (RDF), Cache-Control: no-store, Retry-After as
    # an HTTP date, an ETag new on every answer for the same body, a guid new on every poll for the same link.
    rdf = (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           b'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://rdf.example/"><title>R</title>'
           b'<link>https://rdf.example/</link></channel><item rdf:about="https://rdf.example/1"><title>Syria 1</title>'
           b"<link>https://rdf.example/1</link><description>Idlib.</description></item></rdf:RDF>")  # fmt: skip
    later = datetime.now(UTC) + timedelta(hours=5)
    routes = {
        "/octet": Route(200, RSS % item("Syria octet", "<link>https://wire.example/o</link>"),
                        {"Content-Type": "application/octet-stream"}),
        "/html": Route(200, RSS % item("Syria html", "<link>https://wire.example/h</link>"),
                       {"Content-Type": "text/html; charset=utf-8"}),
        "/rdf": Route(200, rdf),
        "/no-store": Route(200, RSS % item("Syria no-store", "<link>https://wire.example/n</link>"),
                           {"Cache-Control": "no-store"}),
        "/busy": Route(503, b"", {"Retry-After": format_datetime(later, usegmt=True)}),
    }  # fmt: skip
    feed_server.routes.update(routes)
    async with poller_pipeline() as pipeline:
        reports, rows, payloads = await poll(pipeline, feed_server, *routes)
    assert {path: reports[feed_server.url(path)].items_new for path in routes} == {
        "/octet": 1, "/html": 1, "/rdf": 1, "/no-store": 1, "/busy": 0}  # fmt: skip
    assert rows[feed_server.url("/no-store")].interval_s == 900  # no hint: the default first interval
    busy = rows[feed_server.url("/busy")]
    assert abs((busy.next_poll_at - later).total_seconds()) < 5 and busy.failure_score == 0.5
    assert [row.payload["url"] for row in payloads[feed_server.url("/rdf")]] == ["https://rdf.example/1"]


async def test_new_validators_or_guids_for_the_same_items_bring_nothing_new(poller_pipeline, feed_server):
    path = f"/restless-{uuid.uuid4().hex[:8]}"
    async with poller_pipeline() as pipeline:
        news = []
        for poll_number in range(3):
            guid = f"<guid isPermaLink='false'>tick-{poll_number}</guid>"
            body = RSS % item("Syria restless", f"<link>https://wire.example/r</link>{guid}")
            feed_server.routes[path] = Route(200, body, {"ETag": f'"{poll_number}"'})
            feed_server.routes[f"{path}-etag"] = Route(200, RSS % item("Syria same"), {"ETag": f'"{poll_number}"'})
            reports, _, _ = await poll(pipeline, feed_server, path, f"{path}-etag")
            news.append([(r.status, r.items_new) for r in sorted(reports.values(), key=lambda r: r.feed_url)])
    assert news == [[("new", 1), ("new", 1)], [("new", 0), ("unchanged", 0)], [("new", 0), ("unchanged", 0)]]


def test_titles_with_entities_and_cdata_read_alike_in_both_parsers():
    titles = (b"<title>Syria: AT&amp;T &amp;amp; &lt;b&gt;bold&lt;/b&gt; &#8220;q&#8221; 5 &lt; 10</title>",
              b"<title><![CDATA[Syria <i>cdata</i> & 5 < 6 &amp; x &mdash; y]]></title>")  # fmt: skip
    body = RSS % b"".join(b"<item>%s<link>https://wire.example/%d</link></item>" % (title, n)
                          for n, title in enumerate(titles))  # fmt: skip
    fast = parse._parse_fast(body, "https://feeds.example/f")
    slow = parse._parse_with_feedparser(body, "https://feeds.example/f", "")
    assert fast is not None and [e.title for e in fast.entries] == [e.title for e in slow.entries] == [
        "Syria: AT&T & bold \u201cq\u201d 5 < 10", "Syria cdata & 5 < 6 & x \u2014 y"]  # fmt: skip


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "127.1", "[::ffff:7f00:1]", "0"])
async def test_loopback_spelled_otherwise_is_refused(poller_pipeline, feed_server, host):
    # Decimal, hex, short and IPv4-mapped spellings of 127.0.0.1: refused by the URL check or by the resolver.
    url = f"http://{host}:{feed_server.url('').rsplit(':', 1)[1].rstrip('/')}/rss2_basic.xml"
    async with poller_pipeline(allow_private_addresses=False, timeout_s=2) as pipeline:
        urls = await register(pipeline.store, url)
        [report] = await pipeline.poller.poll_due(urls, everything=True)
        row = (await feed_rows(pipeline.store))[url]
    assert report.status == "error" and row.items_seen == 0 and row.last_error


async def test_a_link_that_entries_with_their_own_guids_share_identifies_none_of_them(poller_pipeline, feed_server):
    # A CMS whose every <link> is the site's front page (or a section page), each item with a guid of its own: keyed
    # by the link, all were one item (the first kept, the others taken as its edits). The guid tells them apart,
    # as Miniflux and newsboat key items by guid first.
    path = f"/front-page-{uuid.uuid4().hex[:8]}"
    titles = ("Syria: ferry service to Latakia resumes", "Syria: wheat harvest in Hasakah to fall",
              "Syria: new bridge over the Euphrates opens")  # fmt: skip
    body = "".join(f"<item><title>{title}</title><link>https://wire.example/?utm_source=rss</link>"
                   f"<guid isPermaLink='false'>wire-{n}</guid></item>" for n, title in enumerate(titles))  # fmt: skip
    feed_server.routes[path] = Route(200, RSS % body.encode())
    async with poller_pipeline() as pipeline:
        reports, _, payloads = await poll(pipeline, feed_server, path)
        again, _, _ = await poll(pipeline, feed_server, path)
    rows = payloads[feed_server.url(path)]
    assert reports[feed_server.url(path)].items_new == 3 and again[feed_server.url(path)].items_new == 0
    assert sorted(row.payload["title"] for row in rows) == sorted(titles) and len({row.item_id for row in rows}) == 3
    assert {row.payload["url"] for row in rows} == {"https://wire.example/"}


async def test_an_item_the_broker_cannot_take_holds_back_no_other(make_settings, feed_server):
    # kafka.max_record_bytes set below an item's size (or a row stored before items were cut): its send fails at
    # once, every time. It failed its whole batch, and the relay's every round, so no item behind it was published.
    # Since 9bdda88 it is dead-lettered and its row closed at once, so the relay re-sends only the brief.
    from datetime import timedelta as td

    from newsmon.cli.pipeline import open_pipeline
    from producers.relay import republish_pending
    from tests.producers.conftest import FAST_POLL

    path = f"/record-limit-{uuid.uuid4().hex[:8]}"
    long = f"<item><title>Syria: long</title><link>https://wire.example/long</link><description>{'Idlib. ' * 1500}"
    brief = item("Syria: brief", "<link>https://wire.example/brief</link>")
    feed_server.routes[path] = Route(200, RSS % (f"{long}</description></item>".encode() + brief))
    async with open_pipeline(make_settings(poll=FAST_POLL, kafka={"max_record_bytes": 4096}), stages=()) as pipeline:
        urls = await register(pipeline.store, feed_server.url(path))
        [report] = await pipeline.poller.poll_due(urls, everything=True)
        relayed = await republish_pending(pipeline.poller, td(0))  # returns: the big row does not loop it
        async with pipeline.store.sessions() as session:
            outbox = (await session.scalars(select(OutboxItem))).all()
    rows = {(row.payload or {}).get("title"): row for row in outbox}  # a done row's payload is dropped
    assert report.items_new == 2 and relayed == 1 and len(outbox) == 2
    assert rows["Syria: brief"].published_at is not None and rows["Syria: brief"].done_at is None
    assert rows[None].done_at is not None  # the long item's row, closed when it was dead-lettered


async def test_a_moved_feed_that_is_then_gone_is_disabled_under_its_new_url(poller_pipeline, feed_server):
    old, new = f"/retired-{uuid.uuid4().hex[:8]}", f"/retired-{uuid.uuid4().hex[:8]}-new"
    feed_server.routes[old] = Route(301, b"", {"Location": new})
    feed_server.routes[new] = Route(200, RSS % item("Syria: last bulletin", "<link>https://wire.example/last</link>"))
    async with poller_pipeline() as pipeline:
        await poll(pipeline, feed_server, old)
        feed_server.routes[new] = Route(410, b"gone")
        reports, rows, _ = await poll(pipeline, feed_server, old)  # the catalogue still names the old URL
    row = rows[feed_server.url(new)]
    assert [r.status for r in reports.values()] == ["error"] and len(rows) == 1
    assert row.is_disabled and "410" in row.disabled_reason and row.moved_from == feed_server.url(old)


async def test_an_entry_with_a_new_updated_date_is_new_only_when_its_text_changed(poller_pipeline, feed_server):
    # Atom's <updated> moves with every touch of an entry (a tag added, a typo fixed in the CMS's metadata): the item
    # is what its title and text say, so the same text is no new item and an edited text is the same item again (same
    # id, its outbox row published again), which the dedupe stage stores as the article's next version.
    path = f"/touched-{uuid.uuid4().hex[:8]}"

    def body(updated: str, text: str) -> bytes:
        return ATOM % (b"", (f"<entry><title>Syria: curfew in Jableh</title><id>urn:touched:1</id>"
                             f"<link href='https://desk.example/jableh'/><updated>{updated}</updated>"
                             f"<summary>{text}</summary></entry>").encode())  # fmt: skip

    news = []
    async with poller_pipeline() as pipeline:
        for updated, text in (("2026-11-02T16:00:00Z", "A curfew from 8 pm."), ("2026-11-02T18:00:00Z",
                              "A curfew from 8 pm."), ("2026-11-02T19:00:00Z", "A curfew from 9 pm.")):  # fmt: skip
            feed_server.routes[path] = Route(200, body(updated, text))
            reports, _, payloads = await poll(pipeline, feed_server, path)
            news.append(reports[feed_server.url(path)].items_new)
    [row] = payloads[feed_server.url(path)]
    assert news == [1, 0, 1] and row.payload["summary"] == "A curfew from 9 pm."
