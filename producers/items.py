"""Parsed entries to FeedItem messages (pure)."""

from datetime import datetime

from producers.identity import canonical_url, content_hash, item_id
from producers.parse import ParsedEntry
from schemas.ids import stable_id
from schemas.items import FeedItem


def build_item(entry: ParsedEntry, *, feed_url: str, outlet: str, language: str, polled_at: datetime) -> FeedItem:
    """Normalise one entry: canonical URL, stable ids, UTC time (poll time when the feed gives none)."""
    identity = item_id(entry.link, feed_url, entry.guid)
    published = entry.published_at
    # A date in the future is a feed bug or a timezone slip; the poll time is a safer upper bound.
    is_estimated = published is None or published > polled_at
    return FeedItem(
        item_id=identity,
        delivery_id=stable_id(feed_url, identity),
        feed_url=feed_url,
        outlet=outlet,
        language=entry.language or language,
        url=canonical_url(entry.link) if entry.link else feed_url,
        guid=entry.guid,
        title=entry.title,
        summary=entry.text,
        published_at=polled_at if is_estimated or published is None else published,
        is_published_at_estimated=is_estimated,
        content_hash=content_hash(entry.title, entry.text),
        polled_at=polled_at,
    )
