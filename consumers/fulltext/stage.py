"""Full-text stage: items of summary-only feeds (newsmon.items.fetch) -> article page -> main text ->
newsmon.items, where dedupe stores them like any other item.

Remote failures never drop or dead-letter an item: it goes on with the feed's summary and the reason in
`text_error`. An item already stored with the same content hash (a replay) is not fetched again: it goes
on with the stored text, so the replay changes nothing downstream.
"""

import asyncio
from collections.abc import Sequence
from concurrent.futures import Executor

import structlog
from aiokafka.structs import ConsumerRecord

from consumers.dead_letter import close_dead_lettered_items
from consumers.fulltext.extract import Extraction, ExtractJob, extract_main_text
from consumers.fulltext.pages import PageFetcher, PageFetchError
from consumers.runner import Delivery, Outgoing, decode_as
from newsmon.language import detect_language
from newsmon.store import articles
from newsmon.store.models import ArticleRow
from newsmon.store.session import Store
from schemas.base import Message
from schemas.items import FeedItem
from schemas.topics import Topics

log = structlog.get_logger()


class FullTextStage:
    name = "fulltext"

    def __init__(self, store: Store, topics: Topics, pages: PageFetcher, extract_pool: Executor | None = None,
                 max_text_chars: int = 100_000) -> None:  # fmt: skip
        """`extract_pool`: where trafilatura runs (a process pool); None: the event loop's thread pool."""
        self.store, self.pages, self.extract_pool = store, pages, extract_pool
        self.max_text_chars = max_text_chars
        self.topics, self.out_topic = [topics.items_fetch], topics.items

    def decode(self, record: ConsumerRecord) -> FeedItem:
        return decode_as(FeedItem, record)  # type: ignore[return-value]

    async def process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]:
        items: list[FeedItem] = [d.message for d in deliveries]  # type: ignore[misc]
        async with self.store.reads() as session:
            stored = await articles.stored_with_hash(session, [(i.item_id, i.content_hash) for i in items])
        # The fetcher's global and per-host limits pace the pages; gathering only lets different hosts overlap.
        completed = await asyncio.gather(*(self._complete(item, stored, item.item_id in stored) for item in items))
        return [Outgoing(self.out_topic, item.item_id, item) for item in completed]

    async def _complete(self, item: FeedItem, stored: dict[str, ArticleRow | None], is_stored: bool) -> FeedItem:
        if is_stored:
            row = stored[item.item_id]
            if row is None:
                return item  # a replay of an older version: dedupe drops it without looking at its text
            text = row.text if row.text_source == "page" else None
            return item.model_copy(update={"text": text, "text_source": row.text_source, "text_error": row.text_error,
                                           "language": row.language})
        extraction = await self._page_text(item)
        if extraction.text is None:
            log.warning("page_text_unavailable", item_id=item.item_id, url=item.url, reason=extraction.error)
            return item.model_copy(update={"text": None, "text_source": "feed", "text_error": extraction.error})
        log.debug("page_text_extracted", item_id=item.item_id, url=item.url, chars=len(extraction.text))
        # The page may be in another language than the feed says (an English feed linking Russian originals).
        language = detect_language(f"{item.title}\n{extraction.text}", item.language)
        return item.model_copy(update={"text": extraction.text, "text_source": "page", "text_error": None,
                                       "language": language})

    async def _page_text(self, item: FeedItem) -> Extraction:
        if item.url == item.feed_url:  # the poller's stand-in URL for an entry without a link
            return Extraction(None, "the entry has no link to an article page")
        try:
            page = await self.pages.fetch_page(item.url)
        except PageFetchError as error:
            return Extraction(None, f"page fetch failed: {error.reason} ({error.kind})")
        except ValueError as error:  # a link the HTTP client cannot parse (port out of range; IDNA: UnicodeError)
            return Extraction(None, f"page fetch failed: invalid URL: {type(error).__name__}: {error} (permanent)")
        job = ExtractJob(page.url, page.body, page.content_type, item.summary, self.max_text_chars, item.title)
        return await asyncio.get_running_loop().run_in_executor(self.extract_pool, extract_main_text, job)

    async def after_publish(self, outgoing: Sequence[Outgoing]) -> None:
        return None

    async def after_dead_letter(self, messages: Sequence[Message]) -> None:
        await close_dead_lettered_items(self.store, messages)
