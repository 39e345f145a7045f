"""Article: a unique article after dedupe (topic newsmon.articles, key article_id)."""

from typing import Literal

from pydantic import AwareDatetime, Field

from schemas.base import Message


class Article(Message):
    """A new or updated article; duplicates of an article already stored never reach this topic."""

    article_id: str = Field(description="Stable article id (the item id of its first copy).")
    version: int = Field(1, description="1 for a new article; incremented each time its content changes.")
    url: str = Field(description="Canonical article URL.")
    outlet: str = Field(description="Outlet that published the article.")
    feed_url: str = Field(description="Feed the article was first read from.")
    language: str = Field(description="ISO 639-1 language code.")
    title: str = Field(description="Title, plain text.")
    text: str = Field(description="Article text, plain text: the article page's main text, or the feed's summary.")
    text_source: Literal["feed", "page"] = Field(
        "feed", description="How the text was obtained: 'feed' (the feed's summary) or 'page' (the article page)."
    )
    text_error: str | None = Field(
        None, description="Why the page text is missing for an outlet whose pages are fetched (summary used)."
    )
    published_at: AwareDatetime = Field(description="Publication time in UTC.")
    content_hash: str = Field(description="Hash of title + text of this version.")
    story_id: str | None = Field(None, description="Story cluster: article_id of the story's earliest article.")
