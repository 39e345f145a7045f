"""Feed bodies to entries (feedparser), and entry HTML to plain text."""

from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser
import lxml.html
from lxml.etree import ParserError

from producers.errors import FeedParseError

BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    link: str | None
    guid: str | None
    title: str
    text: str
    published_at: datetime | None
    language: str | None


def parse_feed(body: bytes, feed_url: str, content_type: str = "") -> list[ParsedEntry]:
    """Parse RSS/Atom; raise FeedParseError when the body is not a feed at all."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom document found")
        raise FeedParseError(feed_url, f"not a feed: {reason}")
    language = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    return [_entry(entry, language) for entry in parsed.entries]


def _entry(entry: feedparser.FeedParserDict, language: str | None) -> ParsedEntry:
    content = entry.get("content") or []
    html = max((c.get("value", "") for c in content), key=len, default="") or entry.get("summary", "")
    return ParsedEntry(
        link=entry.get("link") or None,
        guid=entry.get("id") or None,
        title=html_to_text(entry.get("title", "")),
        text=html_to_text(html),
        published_at=_entry_time(entry),
        language=language,
    )


def _entry_time(entry: feedparser.FeedParserDict) -> datetime | None:
    # feedparser normalises dates it can read to UTC struct_time; an unreadable date is simply absent.
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime(*value[:6], tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return None


def html_to_text(html: str) -> str:
    """Plain text with block elements on their own lines (claims need paragraph boundaries)."""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return " ".join(html.split())
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
