"""The full-text stage end to end: poller -> newsmon.items.fetch -> page fetch + extraction -> dedupe -> store."""

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from uuid import uuid4

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import select

from newsmon.cli.pipeline import open_pipeline, register_catalogue, resend_undelivered, stages_running
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import ArticleRow, Feed, OutboxItem
from producers.relay import republish_pending
from schemas.dead_letter import DeadLetter
from schemas.items import FeedItem
from schemas.topics import ITEMS, ITEMS_FETCH
from tests.consumers.fulltext.conftest import HTML, PAGES, Entry, requested, rss, serve_feed, serve_page
from tests.feed_server import Route
from tests.pipeline_helpers import snapshot, wait_until_drained

# Page paths get a fresh suffix per test (`fresh`): the feed server and its request log live for the session.
SARAQIB = Entry("Reconciliation centre reports shelling near Saraqib in Syria", "/pages/saraqib",
                "Militants shelled Syrian army positions near Saraqib, the reconciliation centre said.")  # fmt: skip
DAMASCUS = Entry("Russian ambassador meets Syria's foreign minister", "/pages/damascus",
                 "The ambassador and the minister discussed the situation in Idlib province of Syria.")  # fmt: skip


def fresh(entry: Entry) -> Entry:
    return Entry(entry.title, f"{entry.page_path}-{uuid4().hex[:8]}", entry.summary)


async def stored_articles(pipeline) -> dict[str, ArticleRow]:
    async with pipeline.store.sessions() as session:
        return {row.title: row for row in (await session.scalars(select(ArticleRow))).all()}


async def test_full_text_feed_is_stored_with_the_page_main_text_and_other_feeds_are_untouched(
    make_settings, feed_server
):
    saraqib_entry, damascus_entry = fresh(SARAQIB), fresh(DAMASCUS)
    serve_page(feed_server, saraqib_entry.page_path, "idlib_article.html")
    serve_page(feed_server, damascus_entry.page_path, "damascus_article_cp1251.html", content_type="text/html")
    plain = fresh(
        Entry("Convoy reaches Syria's Deir ez-Zor", "/pages/convoy", "A convoy reached Deir ez-Zor in Syria.")
    )
    serve_page(feed_server, plain.page_path, "idlib_article.html")
    full_text_url = serve_feed(feed_server, "/ft/summary-only.xml", [saraqib_entry, damascus_entry])
    plain_url = serve_feed(feed_server, "/ft/plain.xml", [plain])
    async with open_pipeline(make_settings()) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [
            FeedSpec(full_text_url, "summary only", "Agency", "en", full_text=True),
            FeedSpec(plain_url, "plain", "Plain Wire", "en")])  # fmt: skip
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
        async with pipeline.store.sessions() as session:
            topics = {row.item_id: row.topic for row in (await session.scalars(select(OutboxItem))).all()}
    saraqib, damascus, convoy = stored[SARAQIB.title], stored[DAMASCUS.title], stored[plain.title]
    assert (saraqib.text_source, saraqib.text_error) == ("page", None)
    assert saraqib.text.startswith("MOSCOW, November 2.") and "village of Nayrab" in saraqib.text
    assert not [p for p in ("cookies", "Most read", "Read also", "All rights reserved", "Bolshoi") if p in saraqib.text]
    assert damascus.text_source == "page" and "Игорь Павленко" in damascus.text
    # The plain feed's item keeps the feed text, and its page is never requested.
    assert (convoy.text, convoy.text_source, convoy.text_error) == (plain.summary, "feed", None)
    assert requested(feed_server, plain.page_path) == 0
    assert requested(feed_server, saraqib_entry.page_path) == 1
    assert topics == {saraqib.id: ITEMS_FETCH, damascus.id: ITEMS_FETCH, convoy.id: ITEMS}


async def test_pages_that_cannot_be_used_fall_back_to_the_summary_with_the_reason(make_settings, feed_server):
    cases = {  # page path -> (how it is served, the reason expected in text_error)
        "/bad/missing": (Route(404, b"gone"), "HTTP 404"),
        "/bad/slow": (Route(200, b"<html><body><p>late</p></body></html>", {"Content-Type": HTML}, delay_s=4),
                      "timed out"),
        "/bad/report.pdf": (Route(200, b"%PDF-1.7 ...", {"Content-Type": "application/pdf"}),
                            "not an HTML page: application/pdf"),
        "/bad/huge": (Route(200, b"<html><body>" + b"<p>Syria</p>" * 20_000 + b"</body></html>",
                            {"Content-Type": HTML}), "larger than 65536 bytes"),
        "/bad/empty": (Route(200, (PAGES / "no_article.html").read_bytes(), {"Content-Type": HTML}),
                       "no main text found on the page"),
    }  # fmt: skip
    entries = [Entry(f"Syria story {path}", path, f"Summary of the Syria story at {path}.") for path in cases]
    for path, (route, _) in cases.items():
        feed_server.routes[path] = route
    feed_url = serve_feed(feed_server, "/ft/bad-pages.xml", entries)
    settings = make_settings(poll={"timeout_s": 1.5, "max_body_bytes": 65536, "per_host_min_gap_s": 0})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "bad", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
        dead_lettered = sum(runner.dead_lettered for runner in pipeline.runners)
    assert dead_lettered == 0
    assert set(stored) == {entry.title for entry in entries}  # every item stored, none dropped
    for entry in entries:
        row, reason = stored[entry.title], cases[entry.page_path][1]
        assert (row.text, row.text_source) == (entry.summary, "feed")
        assert row.text_error is not None and reason in row.text_error, (entry.page_path, row.text_error)


async def test_pages_at_refused_addresses_or_without_a_link_fall_back_to_the_summary(make_settings, feed_server,
                                                                                     broker):  # fmt: skip
    page_path = f"/ssrf/page-{uuid4().hex[:8]}"
    serve_page(feed_server, page_path, "idlib_article.html")
    port = feed_server.url("").split(":")[2].split("/")[0]
    targets = {"loopback": f"http://127.0.0.1:{port}{page_path}", "localhost": f"http://localhost:{port}{page_path}",
               "metadata": "http://169.254.169.254/latest/meta-data/", "private": "http://10.1.2.3/news/1"}  # fmt: skip
    settings = make_settings(poll={"allow_private_addresses": False})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        producer = AIOKafkaProducer(bootstrap_servers=broker)
        await producer.start()
        try:
            for name, url in targets.items():
                item = FeedItem(item_id=f"ssrf-{name}", delivery_id=f"ssrf-{name}", feed_url="https://agency.example/rss",
                                outlet="Agency", language="en", url=url, title=f"Syria {name}",
                                summary=f"Summary {name} about Syria.", published_at="2026-11-02T10:00:00Z",
                                content_hash=f"hash-{name}", polled_at="2026-11-02T10:00:00Z")  # fmt: skip
                await producer.send_and_wait(pipeline.topics.items_fetch, item.to_bytes(), key=item.item_id.encode())
            # An entry without a link carries the feed's own URL; fetching that would only fetch the feed again.
            unlinked = item.model_copy(update={"item_id": "no-link", "delivery_id": "no-link", "url": item.feed_url,
                                               "title": "Syria no link"})  # fmt: skip
            await producer.send_and_wait(pipeline.topics.items_fetch, unlinked.to_bytes(), key=b"no-link")
        finally:
            await producer.stop()
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
    assert set(stored) == {f"Syria {name}" for name in targets} | {"Syria no link"}
    no_link = stored["Syria no link"]
    assert (no_link.text_source, no_link.text_error) == ("feed", "the entry has no link to an article page")
    for name in targets:
        row = stored[f"Syria {name}"]
        assert (row.text, row.text_source) == (f"Summary {name} about Syria.", "feed")
        assert row.text_error is not None and "refused" in row.text_error, (name, row.text_error)
    assert requested(feed_server, page_path) == 0


async def test_replay_does_not_fetch_pages_again_and_changes_nothing(make_settings, feed_server):
    entries = [
        fresh(SARAQIB),
        fresh(Entry("Syria story that is gone", "/pages/gone", "Summary of a gone Syria story.")),
    ]
    serve_page(feed_server, entries[0].page_path, "idlib_article.html")
    feed_url = serve_feed(feed_server, "/ft/replay.xml", entries)
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "replay", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        before, sources_before = await snapshot(pipeline.store), await text_sources(pipeline)
    pages_before = [requested(feed_server, entry.page_path) for entry in entries]
    assert pages_before == [1, 1]
    missing_error = sources_before[entries[1].title][1]
    assert sources_before[SARAQIB.title][0] == "page" and missing_error is not None and "HTTP 404" in missing_error
    async with open_pipeline(settings, group_suffix=".replay") as pipeline, stages_running(pipeline):
        await wait_until_drained(pipeline, settle_s=3.0)
        fulltext = next(runner for runner in pipeline.runners if runner.stage.name == "fulltext")
        assert fulltext.processed == 2
        after, sources_after = await snapshot(pipeline.store), await text_sources(pipeline)
    assert [requested(feed_server, entry.page_path) for entry in entries] == pages_before
    assert (after, sources_after) == (before, sources_before)


async def text_sources(pipeline) -> dict[str, tuple[str, str | None]]:
    return {title: (row.text_source, row.text_error) for title, row in (await stored_articles(pipeline)).items()}


async def test_page_fetches_share_the_poller_per_host_limits(make_settings, timed_site):
    pages = [Entry(f"Syria story {n}", f"/shared/{n}", f"Summary of Syria story {n}.") for n in range(3)]
    page_body = (PAGES / "idlib_article.html").read_bytes()
    timed_site.routes = {entry.page_path: (page_body, HTML) for entry in pages}
    timed_site.routes["/feed.xml"] = (rss(timed_site.base_url, pages), "application/rss+xml")
    timed_site.routes["/other.xml"] = (rss(timed_site.base_url, []), "application/rss+xml")
    gap_s = 0.6
    settings = make_settings(poll={"per_host_concurrency": 1, "per_host_min_gap_s": gap_s})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        full_text = FeedSpec(timed_site.base_url + "/feed.xml", "feed", "Agency", "en", full_text=True)
        other = FeedSpec(timed_site.base_url + "/other.xml", "other", "Agency", "en")
        urls = await register_catalogue(pipeline.store, [full_text, other])
        await pipeline.poller.poll_due(urls[:1], everything=True)
        # Polled while the stage is fetching pages from the same host: it must queue behind them.
        await pipeline.poller.poll_due(urls[1:], everything=True)
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
    assert {row.text_source for row in stored.values()} == {"page"}
    paths = [path for _, path in timed_site.starts]
    assert sorted(paths) == sorted(["/feed.xml", "/other.xml", *(entry.page_path for entry in pages)])
    assert timed_site.max_in_flight == 1
    starts = [start for start, _ in timed_site.starts]
    gaps = [later - earlier for earlier, later in pairwise(starts)]
    assert min(gaps) >= gap_s - 0.1, list(zip(paths, gaps, strict=False))


async def test_outbox_relay_sends_full_text_items_to_the_fetch_topic(make_settings, feed_server):
    entry = fresh(SARAQIB)
    serve_page(feed_server, entry.page_path, "idlib_article.html")
    feed_url = serve_feed(feed_server, "/ft/relay.xml", [entry])
    async with open_pipeline(make_settings(), stages=()) as pipeline:  # the poller alone: nothing gets done
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "relay", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
    # A fresh set of topics stands for a restarted embedded broker that lost everything: only the relay sends.
    restarted = make_settings(kafka={"topic_prefix": f"t{uuid4().hex[:8]}."})
    async with open_pipeline(restarted) as pipeline, stages_running(pipeline):
        assert await resend_undelivered(pipeline) == 1
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
    assert stored[SARAQIB.title].text_source == "page" and "village of Nayrab" in stored[SARAQIB.title].text


def article_page(headline: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>{body}</article>"
            "</body></html>").encode()  # fmt: skip


async def test_an_item_whose_page_text_makes_it_too_big_to_publish_is_dead_lettered_and_the_rest_goes_on(
    make_settings, feed_server, broker
):
    # With the page text the item is over kafka.max_record_bytes: its publish failed every time, and the whole batch
    # (the other item too) was retried for ever.
    long_path, short_path = f"/big/long-{uuid4().hex[:8]}", f"/big/short-{uuid4().hex[:8]}"
    lines = [f"Paragraph {n}: the reservoir board said the lake level rose by {n} centimetres overnight, and the "
             "ferry operators said the timetable would stay as published until the water settled."
             for n in range(60)]  # fmt: skip
    feed_server.routes[long_path] = Route(200, article_page("Lake level rises in Syria", lines),
                                          {"Content-Type": HTML})  # fmt: skip
    feed_server.routes[short_path] = Route(200, article_page("Ferry resumes in Syria", lines[:3]),
                                           {"Content-Type": HTML})  # fmt: skip
    settings = make_settings(kafka={"max_record_bytes": 8192}, poll={"per_host_min_gap_s": 0})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        producer = AIOKafkaProducer(bootstrap_servers=broker)
        await producer.start()
        try:
            for name, path in (("long", long_path), ("short", short_path)):
                item = FeedItem(item_id=f"page-{name}", delivery_id=f"page-{name}", feed_url="https://agency.invalid/rss",
                                outlet="Agency", language="en", url=feed_server.url(path.lstrip("/")),
                                title=f"Lake story {name} in Syria",
                                summary=f"Summary of the {name} lake story in Syria.",
                                published_at="2027-04-01T10:00:00Z", content_hash=f"hash-{name}",
                                polled_at="2027-04-01T10:05:00Z")  # fmt: skip
                await producer.send(pipeline.topics.items_fetch, item.to_bytes(), key=item.item_id.encode())
            await producer.flush()
        finally:
            await producer.stop()
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
        fulltext = next(runner for runner in pipeline.runners if runner.stage.name == "fulltext")
        assert (fulltext.processed, fulltext.dead_lettered) == (1, 1)
    assert set(stored) == {"Lake story short in Syria"}
    assert stored["Lake story short in Syria"].text_source == "page"
    [letter] = [DeadLetter.model_validate_json(r.value) for r in await read_all(broker, pipeline.topics.dlq)]
    assert (letter.key, letter.stage, letter.topic) == ("page-long", "fulltext", pipeline.topics.items_fetch)
    assert "its FeedItem for" in letter.reason and "over kafka.max_record_bytes (8192)" in letter.reason


async def read_all(bootstrap: str, topic: str) -> list:
    """Every record of `topic` up to its high-water mark."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, fetch_max_wait_ms=100)  # fmt: skip
    await consumer.start()
    try:
        records: list = []
        for _ in range(50):
            batches = await consumer.getmany(timeout_ms=300)
            records += [r for rs in batches.values() for r in rs]
            partitions = consumer.assignment()
            if partitions and all(consumer.highwater(tp) is not None for tp in partitions) and len(records) >= sum(
                consumer.highwater(tp) or 0 for tp in partitions
            ):
                break
        return records
    finally:
        await consumer.stop()


async def test_items_whose_link_is_no_valid_url_keep_their_summary_and_are_never_dead_lettered(
    make_settings, feed_server, broker
):
    # A typo in a feed's link passes the canonical URL but not the HTTP client: an empty host label, a label over
    # 63 characters (UnicodeError from IDNA), a port out of range (ValueError). Those errors were not a page fetch
    # failure: the item failed three times and was dead-lettered, so it never reached the store.
    links = {"empty-label": "http://www..invalid/story/1", "long-label": f"http://{'a' * 70}.invalid/story/2",
             "bad-port": "http://wire.invalid:99999/story/3"}  # fmt: skip
    settings = make_settings()
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        producer = AIOKafkaProducer(bootstrap_servers=broker)
        await producer.start()
        try:
            for name, url in links.items():
                item = FeedItem(item_id=f"link-{name}", delivery_id=f"link-{name}", feed_url="https://agency.invalid/rss",
                                outlet="Agency", language="en", url=url, title=f"Ferry story {name} in Syria",
                                summary=f"Summary of the ferry story {name} in Syria.",
                                published_at="2027-04-01T10:00:00Z", content_hash=f"hash-{name}",
                                polled_at="2027-04-01T10:05:00Z")  # fmt: skip
                await producer.send_and_wait(pipeline.topics.items_fetch, item.to_bytes(), key=item.item_id.encode())
        finally:
            await producer.stop()
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
        dead_lettered = sum(runner.dead_lettered for runner in pipeline.runners)
    assert dead_lettered == 0
    assert set(stored) == {f"Ferry story {name} in Syria" for name in links}
    for name in links:
        row = stored[f"Ferry story {name} in Syria"]
        assert (row.text, row.text_source) == (f"Summary of the ferry story {name} in Syria.", "feed")
        error = row.text_error
        assert error is not None and error.startswith("page fetch failed: invalid URL"), error


async def test_a_polled_item_that_is_dead_lettered_is_done_so_the_relay_stops_sending_it(make_settings, feed_server):
    # A dead-lettered item's outbox row stayed not done: the relay sent it again every 2 minutes (at every start on the
    # embedded broker), and it was dead-lettered again each time, for ever.
    lines = [f"Paragraph {n}: the reservoir board said the lake level rose by {n} centimetres overnight, and the "
             "ferry operators said the timetable would stay as published until the water settled."
             for n in range(60)]  # fmt: skip
    long_entry = fresh(Entry("Lake level rises in Syria", "/big/polled-long", "The lake rose in Syria."))
    short_entry = fresh(Entry("Ferry resumes in Syria", "/big/polled-short", "The ferry resumed in Syria."))
    feed_server.routes[long_entry.page_path] = Route(200, article_page(long_entry.title, lines), {"Content-Type": HTML})
    feed_server.routes[short_entry.page_path] = Route(200, article_page(short_entry.title, lines[:3]),
                                                      {"Content-Type": HTML})  # fmt: skip
    feed_url = serve_feed(feed_server, f"/ft/polled-big-{uuid4().hex[:8]}.xml", [long_entry, short_entry])
    settings = make_settings(kafka={"max_record_bytes": 8192}, poll={"per_host_min_gap_s": 0})
    async with open_pipeline(settings) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "big", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)  # every outbox row done, the dead-lettered one too
        stored = await stored_articles(pipeline)
        fulltext = next(runner for runner in pipeline.runners if runner.stage.name == "fulltext")
        assert (fulltext.processed, fulltext.dead_lettered) == (1, 1)
        assert await republish_pending(pipeline.poller, timedelta(0)) == 0
    assert set(stored) == {short_entry.title}


async def test_pages_that_are_not_the_article_keep_the_summary_and_say_why_and_undeclared_charsets_are_decoded(
    make_settings, feed_server
):
    # A consent wall and a paywall prompt were stored as the article's page text; an Arabic page in windows-1256 with no
    # charset declared was stored as a line of U+FFFD.
    convoy = "A convoy of twenty trucks reached Deir ez-Zor in eastern Syria, the Red Crescent said."
    cookie = fresh(Entry("Syria: convoy reaches Deir ez-Zor", "/walls/cookie", convoy))
    paywall = fresh(Entry("Envoy meets officials in Damascus, Syria", "/walls/paywall",
                          "The UN envoy met officials in Damascus, Syria."))  # fmt: skip
    arabic = fresh(Entry("قافلة مساعدات تصل إلى دير الزور في سوريا", "/walls/arabic",
                         "وصلت قافلة مساعدات إنسانية إلى مدينة دير الزور شرقي سوريا."))  # fmt: skip
    serve_page(feed_server, cookie.page_path, "cookie_wall.html")
    serve_page(feed_server, paywall.page_path, "paywall_prompt.html")
    serve_page(feed_server, arabic.page_path, "arabic_article_cp1256_undeclared.html", content_type="text/html")
    feed_url = serve_feed(feed_server, f"/ft/walls-{uuid4().hex[:8]}.xml", [cookie, paywall, arabic])
    async with open_pipeline(make_settings(poll={"per_host_min_gap_s": 0})) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "walls", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
    for entry, reason in ((cookie, "shares too few words"), (paywall, "paywall teaser")):
        row = stored[entry.title]
        assert (row.text, row.text_source) == (entry.summary, "feed")
        assert row.text_error is not None and reason in row.text_error, row.text_error
    row = stored[arabic.title]
    assert (row.text_source, row.text_error) == ("page", None)
    assert "الهلال الأحمر" in row.text and "\ufffd" not in row.text


async def test_the_language_is_detected_again_on_the_page_text(make_settings, feed_server):
    # An English-declared agency feed whose article page is the Russian original: the article is Russian.
    russian, english = fresh(DAMASCUS), fresh(SARAQIB)
    serve_page(feed_server, russian.page_path, "damascus_article_cp1251.html", content_type="text/html")
    serve_page(feed_server, english.page_path, "idlib_article.html")
    feed_url = serve_feed(feed_server, f"/ft/language-{uuid4().hex[:8]}.xml", [russian, english])
    async with open_pipeline(make_settings()) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "agency", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
        stored = await stored_articles(pipeline)
    assert stored[DAMASCUS.title].text_source == stored[SARAQIB.title].text_source == "page"
    assert (stored[DAMASCUS.title].language, stored[SARAQIB.title].language) == ("ru", "en")


def fetch_item(name: str, url: str, entry: Entry) -> FeedItem:
    return FeedItem(item_id=f"ra-{name}", delivery_id=f"ra-{name}", feed_url="https://agency.example/rss",
                    outlet="Agency", language="en", url=url, title=entry.title, summary=entry.summary,
                    published_at="2026-11-02T10:00:00Z", content_hash=f"hash-{name}",
                    polled_at="2026-11-02T10:00:00Z")  # fmt: skip


async def send_items(broker: str, topic: str, items: list[FeedItem]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=broker)
    await producer.start()
    try:
        for item in items:
            await producer.send_and_wait(topic, item.to_bytes(), key=item.item_id.encode())
    finally:
        await producer.stop()


async def test_retry_after_on_a_page_pauses_its_host_for_pages_and_feeds(make_settings, feed_server, broker):
    run = uuid4().hex[:8]
    busy, later, gone, other = (f"/ra/{name}-{run}" for name in ("busy", "later", "gone", "other"))
    feed_server.routes[busy] = Route(429, b"slow down", {"Retry-After": "3600"})
    feed_server.routes[gone] = Route(404, b"not here")
    for path in (later, other):
        serve_page(feed_server, path, "idlib_article.html")
    port = feed_server.url("").split(":")[2].split("/")[0]
    paused_host, other_host = f"http://127.0.0.1:{port}", f"http://localhost:{port}"  # one server, two host keys
    feed_url = serve_feed(feed_server, f"/ft/paused-{run}.xml", [fresh(SARAQIB)])
    entries = {"busy": Entry("Water tanker convoy reaches Hasakah camps in Syria", "",
                             "Twelve tankers of drinking water reached the camps near Hasakah, Syria, on Monday."),
               "later": Entry("Bakery in Aleppo reopens after repairs, Syria", "",
                              "A bakery in the Aleppo old city reopened after its oven was rebuilt, Syria."),
               "gone": Entry("Ferry timetable on the Euphrates changes, Syria", "",
                             "The ferry across the Euphrates at Raqqa, Syria, will run twice a day from Sunday."),
               "other": SARAQIB}  # fmt: skip
    urls_by_name = {"busy": paused_host + busy, "later": paused_host + later, "gone": other_host + gone,
                    "other": other_host + other}  # fmt: skip
    items = {name: fetch_item(f"{name}-{run}", url, entries[name]) for name, url in urls_by_name.items()}
    async with open_pipeline(make_settings(poll={"per_host_min_gap_s": 0})) as pipeline, stages_running(pipeline):
        await send_items(broker, pipeline.topics.items_fetch, [items["busy"]])
        await wait_until_drained(pipeline)
        await send_items(broker, pipeline.topics.items_fetch, [items["later"], items["gone"], items["other"]])
        await wait_until_drained(pipeline)
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "agency", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
        stored = {row.id: row for row in (await stored_articles(pipeline)).values()}
        async with pipeline.store.sessions() as session:
            feed = (await session.scalars(select(Feed).where(Feed.url == feed_url))).one()
    # The 429 page was asked once; the next page of its host was not asked at all, nor was the feed on that host.
    assert [requested(feed_server, path) for path in (busy, later, gone, other)] == [1, 0, 1, 1]
    assert requested(feed_server, f"/ft/paused-{run}.xml") == 0
    assert feed.last_error is not None and "Retry-After" in feed.last_error
    assert feed.next_poll_at is not None and feed.next_poll_at > datetime.now(UTC) + timedelta(minutes=50)
    errors = {name: stored[item.item_id].text_error or "" for name, item in items.items()}
    assert "HTTP 429" in errors["busy"] and "transient" in errors["busy"], errors
    assert "Retry-After" in errors["later"] and "transient" in errors["later"], errors
    assert "HTTP 404" in errors["gone"] and "permanent" in errors["gone"], errors
    assert stored[items["other"].item_id].text_source == "page"


async def test_pages_are_asked_for_as_html_and_feeds_as_feeds(make_settings, feed_server):
    entry = fresh(SARAQIB)
    serve_page(feed_server, entry.page_path, "idlib_article.html")
    feed_url = serve_feed(feed_server, f"/ft/accept-{uuid4().hex[:8]}.xml", [entry])
    async with open_pipeline(make_settings()) as pipeline, stages_running(pipeline):
        urls = await register_catalogue(pipeline.store, [FeedSpec(feed_url, "agency", "Agency", "en", full_text=True)])
        await pipeline.poller.poll_due(urls, everything=True)
        await wait_until_drained(pipeline)
    accepts = {path: headers.get("Accept", "") for path, headers in feed_server.requests}
    feed_path = "/" + feed_url.split("/", 3)[3]
    assert accepts[entry.page_path].startswith("text/html") and "rss" not in accepts[entry.page_path]
    assert accepts[feed_path].startswith("application/rss+xml")
