"""Dedupe stage: FeedItem -> new or updated Article, or a recorded duplicate (exact, by item id)."""

from collections.abc import Sequence
from datetime import UTC, datetime

from aiokafka.structs import ConsumerRecord
from sqlalchemy.ext.asyncio import AsyncSession

from consumers.runner import Delivery, Outgoing, decode_as
from newsmon.store import articles, outbox
from newsmon.store.session import Store
from schemas.articles import Article
from schemas.items import FeedItem
from schemas.topics import Topics


def article_from(item: FeedItem, version: int) -> Article:
    return Article(
        article_id=item.item_id, version=version, url=item.url, outlet=item.outlet, feed_url=item.feed_url,
        language=item.language, title=item.title, text=item.summary, published_at=item.published_at,
        content_hash=item.content_hash,
    )  # fmt: skip


class DedupeStage:
    name = "dedupe"

    def __init__(self, store: Store, topics: Topics) -> None:
        self.store, self.out_topic = store, topics.articles
        self.topics = [topics.items]

    def decode(self, record: ConsumerRecord) -> FeedItem:
        return decode_as(FeedItem, record)  # type: ignore[return-value]

    async def process(self, deliveries: Sequence[Delivery]) -> list[Outgoing]:
        outgoing: list[Outgoing] = []
        now = datetime.now(UTC)
        async with self.store.sessions.begin() as session:
            for delivery in deliveries:
                item = delivery.message
                assert isinstance(item, FeedItem)
                article = await self._store_item(session, item, now)
                if article is not None:
                    outgoing.append(Outgoing(self.out_topic, article.article_id, article))
            await outbox.mark_done(session, [d.message.delivery_id for d in deliveries], now)  # type: ignore[attr-defined]
        return outgoing

    async def _store_item(self, session: AsyncSession, item: FeedItem, now: datetime) -> Article | None:
        """Store the item; return the Article to publish, or None for a duplicate or a stale replay."""
        row = await articles.get(session, item.item_id)
        if row is None:
            article = article_from(item, 1)
            await articles.insert_new(session, article, now)
            return article
        if row.feed_url != item.feed_url:
            await articles.record_duplicate(
                session, copy_id=item.delivery_id, item_id=item.item_id, feed_url=item.feed_url, outlet=item.outlet,
                url=item.url, duplicate_of=row.id, similarity=1.0, method="exact_url", seen_at=now,
            )  # fmt: skip
            return None
        if row.content_hash == item.content_hash:
            # A replay of the current version: publish again, since the first publish may not have
            # happened before a crash; downstream stages are idempotent.
            return article_from(item, row.version)
        if await articles.version_with_hash(session, row.id, item.content_hash) is not None:
            return None  # a replay of an older version: the current one was already published
        article = article_from(item, row.version + 1)
        await articles.update_content(session, row, article, now)
        return article

    async def after_publish(self, outgoing: Sequence[Outgoing]) -> None:
        return None
