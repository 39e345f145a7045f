"""Full-text test helpers: RSS feeds whose links point at article pages on the local test server."""

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import pytest
from aiohttp import web

from tests.conftest import FIXTURES
from tests.feed_server import FeedServer, Route, aiohttp_site

PAGES = FIXTURES / "pages"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Entry:
    title: str
    page_path: str
    summary: str


def rss(base_url: str, entries: list[Entry]) -> bytes:
    """An RSS 2.0 body whose items link to `base_url + page_path`."""
    items = "".join(
        f"<item><title>{escape(e.title)}</title><link>{escape(base_url + e.page_path)}</link>"
        f"<pubDate>Mon, 02 Nov 2026 1{n}:00:00 +0300</pubDate><description>{escape(e.summary)}</description></item>"
        for n, e in enumerate(entries)
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fixture</title>'
            f"<link>{escape(base_url)}/</link><description>full-text fixture</description>{items}"
            "</channel></rss>").encode()  # fmt: skip


def serve_feed(server: FeedServer, path: str, entries: list[Entry]) -> str:
    """Program `path` on the feed server to answer with a feed of `entries`; return its URL."""
    base_url = server.url("").rstrip("/")
    server.routes[path] = Route(200, rss(base_url, entries), {"Content-Type": "application/rss+xml"})
    return server.url(path)


def serve_page(server: FeedServer, path: str, fixture: str, content_type: str = HTML) -> None:
    server.routes[path] = Route(200, (PAGES / fixture).read_bytes(), {"Content-Type": content_type})


def requested(server: FeedServer, path: str) -> int:
    return sum(1 for requested_path, _ in server.requests if requested_path == path)


@dataclass
class TimedSite:
    """A local site that records when each request started and ended, and how many overlapped."""

    base_url: str = ""
    routes: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    starts: list[tuple[float, str]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    delay_s: float = 0.2


@pytest.fixture
async def timed_site() -> AsyncIterator[TimedSite]:
    site = TimedSite()

    async def answer(request: web.Request) -> web.Response:
        site.starts.append((time.monotonic(), request.path))
        site.in_flight += 1
        site.max_in_flight = max(site.max_in_flight, site.in_flight)
        try:
            await asyncio.sleep(site.delay_s)
            body, content_type = site.routes.get(request.path, (b"not found", "text/plain"))
            return web.Response(body=body, headers={"Content-Type": content_type},
                                status=200 if request.path in site.routes else 404)  # fmt: skip
        finally:
            site.in_flight -= 1

    async with aiohttp_site({"/{tail:.*}": answer}) as base_url:
        site.base_url = base_url
        yield site
