"""FeedItem: one entry of one feed, as the poller saw it (topic newsmon.items, key item_id)."""

from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, Field

from schemas.base import Message


class FeedItem(Message):
    """An entry a poller found in a feed and judged relevant; the input of the dedupe stage."""

    item_id: str = Field(description="Stable id: hash of the canonical URL, or of feed URL + guid without a link.")
    delivery_id: str = Field(description="Id of this sighting: hash of feed URL and item id (the outbox row id).")
    feed_url: str = Field(description="URL of the feed the item was read from: the URL it was first catalogued "
                          "at, kept after a 301/308 move, so a moved feed's items keep their ids.")
    outlet: str = Field(description="Name of the outlet that publishes the feed, e.g. 'TASS'.")
    language: str = Field(description="ISO 639-1 language code of the item (the feed's, unless detected).")
    url: str = Field(description="Canonical article URL (tracking parameters and fragments removed).")
    guid: str | None = Field(None, description="The feed's own id for the entry (RSS guid / Atom id).")
    title: str = Field(description="Entry title, plain text.")
    summary: str = Field("", description="Entry text from the feed (description/summary/content), plain text.")
    published_at: AwareDatetime = Field(description="Publication time in UTC; poll time when the feed gives none.")
    is_published_at_estimated: bool = Field(
        False, description="True when the feed gave no usable date and published_at is the poll time."
    )
    content_hash: str = Field(
        description="Hash of title + the feed's text (not the page's); a new hash under the same item_id is an update."
    )
    polled_at: datetime = Field(description="When the poller fetched the feed (UTC).")
    text: str | None = Field(
        None, description="Main text extracted from the article page (full-text feeds only); None: use `summary`."
    )
    text_source: Literal["feed", "page"] = Field(
        "feed", description="Where the article text comes from: 'feed' (the summary) or 'page' (`text`)."
    )
    text_error: str | None = Field(
        None, description="Why a full-text feed's page text is missing (fetch or extraction failed); summary used."
    )
