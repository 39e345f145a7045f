"""DedupeStage.process on the real store (SQLite and PostgreSQL): batches, replays, races and updates."""

import asyncio
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiokafka.structs import ConsumerRecord
from sqlalchemy import select

from consumers.dedupe.stage import DedupeStage, guid_runs
from consumers.runner import Delivery, Outgoing
from newsmon.config import StoreSettings
from newsmon.store.models import ArticleRow, ArticleVersionRow, DedupeDocRow, DedupePostingRow, DuplicateRow
from newsmon.store.session import Store, open_store
from schemas.articles import Article
from schemas.ids import stable_id
from schemas.items import FeedItem
from schemas.topics import Topics
from tests.pipeline_helpers import snapshot

ARTICLES = Path(__file__).parent / "articles"
WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def text_of(name: str) -> tuple[str, str]:
    title, _, body = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8").partition("\n")
    return title.strip(), body


def item(outlet: str, slug: str, title: str, body: str) -> FeedItem:
    """A feed item as the poller builds it: ids from the URL and the feed."""
    url = f"https://{outlet}.example.org/news/{slug}"
    feed_url = f"https://{outlet}.example.org/rss"
    item_id = stable_id("url", url)
    return FeedItem(item_id=item_id, delivery_id=stable_id(feed_url, item_id), feed_url=feed_url, outlet=outlet,
                    language="en", url=url, guid=url, title=title, summary=body, published_at=WHEN,
                    content_hash=stable_id("content", title, body), polled_at=WHEN)  # fmt: skip


def deliveries(items: Sequence[FeedItem]) -> list[Delivery]:
    return [Delivery(ConsumerRecord("newsmon.items", 0, offset, 0, 0, it.item_id.encode(), it.to_bytes(), None, 0, 0,
                                    ()), it) for offset, it in enumerate(items)]  # fmt: skip


def copies_and_others() -> list[FeedItem]:
    """A wire story, a reprint and a trimmed copy from two other outlets, a same-topic other event, two empty
    bodies, and the wire story's URL again in another outlet's feed."""
    wire = item("wire", "blast", *text_of("01-wire"))
    aggregator = "https://aggregator.example.org/rss"
    again = wire.model_copy(update={"feed_url": aggregator, "outlet": "aggregator",
                                    "delivery_id": stable_id(aggregator, wire.item_id)})  # fmt: skip
    return [
        wire,
        item("daily", "blast-reprint", *text_of("02-reprint")),
        item("gazette", "blast-short", *text_of("03-trimmed")),
        item("wire", "other-event", *text_of("05-negative")),
        item("daily", "empty-1", "Developing story", ""),
        item("gazette", "empty-2", "Developing story", ""),
        again,
    ]


def articles_in(outgoing: Sequence[Outgoing]) -> list[Article]:
    published = [out.message for out in outgoing]
    assert all(isinstance(message, Article) for message in published)
    return published  # type: ignore[return-value]


async def rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """What dedupe decided, as stored: articles with their story, duplicates with what they copy."""
    async with store.sessions() as session:
        stored_articles = (await session.execute(select(ArticleRow.url, ArticleRow.story_id, ArticleRow.id))).all()
        url_of = {article_id: url for url, _, article_id in stored_articles}
        query = select(DuplicateRow.url, DuplicateRow.duplicate_of, DuplicateRow.method)
        duplicates = (await session.execute(query)).all()
    return {
        "articles": sorted((url, url_of.get(story_id or "")) for url, story_id, _ in stored_articles),
        "duplicates": sorted((url, url_of[of], method) for url, of, method in duplicates),
    }


async def rows_one_item_a_batch(items: Sequence[FeedItem], database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """`rows` after the items are processed one per batch in a fresh SQLite store."""
    async with open_store(StoreSettings(url=f"sqlite:///{database}")) as single:
        stage = DedupeStage(single, Topics())
        for one in items:
            await stage.process(deliveries([one]))
        return await rows(single)


@pytest.fixture
async def other_store(store_url: str) -> AsyncIterator[Store]:
    """A second engine on the same database: what a second dedupe process has."""
    async with open_store(StoreSettings(url=store_url), upgrade=False) as opened:
        yield opened


async def test_batch_decides_as_one_item_at_a_time_would(store: Store, store_url: str, tmp_path: Path) -> None:
    items = copies_and_others()
    published = await DedupeStage(store, Topics()).process(deliveries(items))
    together = await rows(store)
    assert together["duplicates"] == sorted([
        ("https://daily.example.org/news/blast-reprint", "https://wire.example.org/news/blast", "near_duplicate"),
        ("https://gazette.example.org/news/blast-short", "https://wire.example.org/news/blast", "near_duplicate"),
        ("https://wire.example.org/news/blast", "https://wire.example.org/news/blast", "exact_url"),
    ])  # fmt: skip
    assert ("https://wire.example.org/news/other-event", "https://wire.example.org/news/other-event") in together[
        "articles"
    ]  # the other event is its own story
    assert {(url, story) for url, story in together["articles"] if "empty" in url} == {
        ("https://daily.example.org/news/empty-1", "https://daily.example.org/news/empty-1"),
        ("https://gazette.example.org/news/empty-2", "https://gazette.example.org/news/empty-2"),
    }  # two empty bodies are neither copies nor one story
    assert sorted(article.url for article in articles_in(published)) == sorted(url for url, _ in together["articles"])

    # The same items one per batch, in a fresh database of the same engine, decide the same.
    if store_url.startswith("sqlite"):
        assert await rows_one_item_a_batch(items, tmp_path / "single.db") == together


async def test_replaying_a_batch_changes_nothing_and_publishes_the_articles_again(store: Store) -> None:
    stage, batch = DedupeStage(store, Topics()), deliveries(copies_and_others())
    first = await stage.process(batch)
    before = await snapshot(store)
    again = await stage.process(batch)
    assert await snapshot(store) == before
    assert [(o.key, o.message) for o in again] == [(o.key, o.message) for o in first]
    async with store.sessions() as session:
        assert len((await session.scalars(select(DedupePostingRow.band_key))).all()) > 0


async def test_two_processes_deciding_copies_at_once_link_them(store: Store, other_store: Store) -> None:
    # Each stage has its own engine, as two dedupe processes do; both batches start at the same instant.
    for origin, copy in (("01-wire", "02-reprint"), ("07-arabic", "08-arabic-reprint")):
        first = item("wire", origin, *text_of(origin))
        second = item("daily", copy, *text_of(copy))
        await asyncio.gather(
            DedupeStage(store, Topics()).process(deliveries([first])),
            DedupeStage(other_store, Topics()).process(deliveries([second])),
        )
        async with store.sessions() as session:
            stored = (
                await session.scalars(select(ArticleRow.url).where(ArticleRow.url.in_([first.url, second.url])))
            ).all()
            copies = (await session.scalars(select(DuplicateRow.url))).all()
        assert len(stored) == 1 and len(set(copies) & {first.url, second.url}) == 1, (stored, copies)


async def test_new_version_refreshes_the_sketch_and_keeps_the_decision(store: Store) -> None:
    stage = DedupeStage(store, Topics())
    original = item("wire", "blast", *text_of("01-wire"))
    await stage.process(deliveries([original]))
    async with store.sessions() as session:
        first = await session.get(DedupeDocRow, original.item_id)
        assert first is not None
        first_sketch, first_story = first.sketch, first.story_id

    # The outlet replaces the text under the same URL with another story (an Arabic report).
    new_title, new_body = text_of("07-arabic")
    edited = original.model_copy(update={"title": new_title, "summary": new_body,
                                         "content_hash": stable_id("content", new_title, new_body)})  # fmt: skip
    published = await stage.process(deliveries([edited]))
    assert [(a.article_id, a.version) for a in articles_in(published)] == [(original.item_id, 2)]
    async with store.sessions() as session:
        refreshed = await session.get(DedupeDocRow, original.item_id)
        assert refreshed is not None
        assert refreshed.sketch != first_sketch
        assert (refreshed.story_id, refreshed.duplicate_of) == (first_story, None)  # the decision stays
        versions = (await session.scalars(select(ArticleVersionRow.version))).all()
        assert sorted(versions) == [1, 2]

    # A reprint of the new text is now a copy of the article; a reprint of the old text no longer is.
    new_copy = item("daily", "arabic-reprint", *text_of("08-arabic-reprint"))
    old_copy = item("gazette", "blast-reprint", *text_of("02-reprint"))
    await stage.process(deliveries([new_copy, old_copy]))
    async with store.sessions() as session:
        duplicates = dict((await session.execute(select(DuplicateRow.url, DuplicateRow.duplicate_of))).all())
    assert duplicates == {new_copy.url: original.item_id}


async def test_same_entry_under_a_new_url_in_a_later_batch_is_a_version_of_its_article(store: Store) -> None:
    stage = DedupeStage(store, Topics())
    # Other entries of the same feed in the store, so the guid lookup has rows to pass over.
    others = [item("wire", f"other-{n}", f"Other story {n}", f"Body {n} about Idlib.") for n in range(30)]
    original = item("wire", "blast", *text_of("01-wire"))
    await stage.process(deliveries([*others, original]))

    # The outlet moves the entry to a new URL (guid kept) and edits the text.
    moved_url = "https://wire.example.org/news/blast-updated"
    title, body = text_of("01-wire")
    moved = original.model_copy(update={
        "url": moved_url, "item_id": stable_id("url", moved_url),
        "delivery_id": stable_id(original.feed_url, stable_id("url", moved_url)),
        "summary": body + " Officials later raised the toll.",
        "content_hash": stable_id("content", title, body + " Officials later raised the toll."),
    })  # fmt: skip
    published = await stage.process(deliveries([moved]))
    assert [(a.article_id, a.version) for a in articles_in(published)] == [(original.item_id, 2)]
    async with store.sessions() as session:
        stored = (await session.scalars(select(ArticleRow.id))).all()
    assert len(stored) == 31 and stable_id("url", moved_url) not in stored


def moved(entry: FeedItem, slug: str, title: str, body: str) -> FeedItem:
    """The same feed entry (guid) under a new URL, with this text."""
    url = f"https://{entry.outlet}.example.org/news/{slug}"
    return entry.model_copy(update={
        "url": url, "item_id": stable_id("url", url), "delivery_id": stable_id(entry.feed_url, stable_id("url", url)),
        "title": title, "summary": body, "content_hash": stable_id("content", title, body),
    })  # fmt: skip


async def test_same_entry_under_a_new_url_in_one_batch_follows_the_first_urls_decision(
    store: Store, store_url: str, tmp_path: Path
) -> None:
    # A reprint of the wire story (a near-duplicate: no article), then its entry moves to a new URL with another
    # text: that is decided as an article of its own. An Arabic report (an article), then its entry moves with an
    # added sentence: a second version of that article. Whether the moved entry is decided at all depends on the
    # first URL's decision, so the batch is cut there (guid_runs) and the result is as one item a batch.
    wire = item("wire", "blast", *text_of("01-wire"))
    reprint = item("daily", "blast-reprint", *text_of("02-reprint")).model_copy(update={"guid": "daily-1"})
    reprint_moved = moved(reprint, "other-event", *text_of("05-negative"))
    report = item("gazette", "arabic", *text_of("07-arabic")).model_copy(update={"guid": "gazette-1"})
    title, body = text_of("07-arabic")
    report_moved = moved(report, "arabic-updated", title, body + " وأضاف المسؤول أن التحقيق مستمر.")
    trimmed = item("gazette", "blast-short", *text_of("03-trimmed"))
    items = [wire, reprint, reprint_moved, report, report_moved, trimmed]
    assert guid_runs(items) == [slice(0, 2), slice(2, 4), slice(4, 6)]

    published = await DedupeStage(store, Topics()).process(deliveries(items))
    assert [(a.article_id, a.version) for a in articles_in(published)] == [
        (wire.item_id, 1), (reprint_moved.item_id, 1), (report.item_id, 1), (report.item_id, 2)]  # fmt: skip
    together = await rows(store)
    assert together["duplicates"] == sorted([(reprint.url, wire.url, "near_duplicate"),
                                             (trimmed.url, wire.url, "near_duplicate")])  # fmt: skip
    if store_url.startswith("sqlite"):
        assert await rows_one_item_a_batch(items, tmp_path / "single.db") == together


async def test_full_text_item_is_compared_by_its_page_text_not_its_teaser(store: Store) -> None:
    # A summary-only feed (full_text = true): the feed gives a teaser, the fulltext stage the page's text.
    title, body = text_of("01-wire")
    wire = item("wire", "blast", title, "Nine workers were killed in a fuel depot blast.")
    wire = wire.model_copy(update={"text": body, "text_source": "page"})
    reprint = item("daily", "blast-reprint", *text_of("02-reprint"))
    await DedupeStage(store, Topics()).process(deliveries([wire, reprint]))
    async with store.sessions() as session:
        duplicates = dict((await session.execute(select(DuplicateRow.url, DuplicateRow.duplicate_of))).all())
    assert duplicates == {reprint.url: wire.item_id}
