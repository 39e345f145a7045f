"""Dedupe stage: FeedItem -> new article, new version of an article, or a recorded duplicate.

Exact first (same canonical URL, or same guid in the same feed), then near-duplicates and stories through
the MinHash LSH index that lives in the store (consumers/dedupe/decide.py decides; newsmon/store keeps it).
"""

import asyncio
import time
from collections.abc import Sequence
from datetime import UTC, datetime

from aiokafka.structs import ConsumerRecord
from sqlalchemy.ext.asyncio import AsyncSession

from consumers.dedupe.decide import Decision, decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import Sketch, sketch_article
from consumers.runner import Delivery, Outgoing, decode_as
from newsmon.store import articles, outbox
from newsmon.store.dedupe_index import SqlDedupeIndex
from newsmon.store.models import ArticleRow
from newsmon.store.session import Store
from schemas.articles import Article
from schemas.items import FeedItem
from schemas.topics import Topics


def article_from(item: FeedItem, article_id: str, version: int, story_id: str | None) -> Article:
    return Article(
        article_id=article_id, version=version, url=item.url, outlet=item.outlet, feed_url=item.feed_url,
        language=item.language, title=item.title, text=item.summary, published_at=item.published_at,
        content_hash=item.content_hash, story_id=story_id,
    )  # fmt: skip


def sketch_items(items: Sequence[FeedItem]) -> list[Sketch]:
    """CPU-bound MinHash sketches; runs in a worker thread so heartbeats keep going."""
    return [sketch_article(item.title, item.summary) for item in items]


class DedupeStage:
    name = "dedupe"

    def __init__(self, store: Store, topics: Topics) -> None:
        self.store, self.out_topic = store, topics.articles
        self.topics = [topics.items]

    def decode(self, record: ConsumerRecord) -> FeedItem:
        return decode_as(FeedItem, record)  # type: ignore[return-value]

    async def process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]:
        items: list[FeedItem] = [d.message for d in deliveries]  # type: ignore[misc]
        sketches = await asyncio.to_thread(sketch_items, items)
        outgoing: list[Outgoing] = []
        now = datetime.now(UTC)
        async with self.store.sessions.begin() as session:
            index = SqlDedupeIndex(session)
            for item, sketch in zip(items, sketches, strict=True):
                article = await self._store_item(session, index, item, sketch, now)
                if article is not None:
                    outgoing.append(Outgoing(self.out_topic, article.article_id, article))
            await outbox.mark_done(session, [item.delivery_id for item in items], now)
        return outgoing

    async def _store_item(self, session: AsyncSession, index: SqlDedupeIndex, item: FeedItem, sketch: Sketch,
                          now: datetime) -> Article | None:  # fmt: skip
        """Store the item; return the Article to publish, or None for a duplicate or a stale replay."""
        row = await articles.get(session, item.item_id)
        if row is None and item.guid:
            row = await articles.by_feed_guid(session, item.feed_url, item.guid)  # same entry, new URL
        if row is not None:
            return await self._known_article(session, row, item, now)
        decision = await self._decide(index, item, sketch)
        if decision.duplicate_of is not None:
            await articles.record_duplicate(
                session, copy_id=item.delivery_id, item_id=item.item_id, feed_url=item.feed_url, outlet=item.outlet,
                url=item.url, duplicate_of=decision.duplicate_of, similarity=decision.similarity or 0.0,
                method="near_duplicate", seen_at=now,
            )  # fmt: skip
            return None
        article = article_from(item, item.item_id, 1, decision.story_id)
        await articles.insert_new(session, article, now, guid=item.guid)
        return article

    async def _decide(self, index: SqlDedupeIndex, item: FeedItem, sketch: Sketch) -> Decision:
        # A doc already in the index keeps its first decision, so a replay decides exactly as before.
        known = await index.get(item.item_id)
        if known is not None:
            return Decision(known.doc_id, known.duplicate_of, known.similarity, known.story_id)
        first_seen = time.time()
        decision = decide(item.item_id, first_seen, sketch, await index.candidates(sketch.band_keys))
        indexed = IndexedDoc(item.item_id, first_seen, sketch.to_bytes(), decision.story_id, decision.duplicate_of)
        await index.add(indexed, sketch.band_keys, similarity=decision.similarity)
        return decision

    async def _known_article(self, session: AsyncSession, row: ArticleRow, item: FeedItem,
                             now: datetime) -> Article | None:  # fmt: skip
        if row.feed_url != item.feed_url:
            await articles.record_duplicate(
                session, copy_id=item.delivery_id, item_id=item.item_id, feed_url=item.feed_url, outlet=item.outlet,
                url=item.url, duplicate_of=row.id, similarity=1.0, method="exact_url", seen_at=now,
            )  # fmt: skip
            return None
        if row.content_hash == item.content_hash:
            # A replay of the current version: publish again, since the first publish may not have
            # happened before a crash; downstream stages are idempotent.
            return article_from(item, row.id, row.version, row.story_id)
        if await articles.version_with_hash(session, row.id, item.content_hash) is not None:
            return None  # a replay of an older version: the current one was already published
        article = article_from(item, row.id, row.version + 1, row.story_id)
        await articles.update_content(session, row, article, now)
        return article

    async def after_publish(self, outgoing: Sequence[Outgoing]) -> None:
        return None
