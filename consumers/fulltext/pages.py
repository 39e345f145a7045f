"""What the full-text stage needs from an HTTP client: a page's body, or one error naming why not.

The stage never imports producers/ (stages talk only through topics); newsmon/cli/pipeline.py hands it the
poller's Fetcher behind this protocol, so pages share the poller's session, limits and SSRF guard."""

from dataclasses import dataclass
from typing import ClassVar, Protocol


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched article page: the decoded (not yet charset-decoded) body and where it came from."""

    url: str
    body: bytes
    content_type: str


class PageFetchError(Exception):
    """The page could not be fetched (HTTP status, timeout, refused address, body too large ...)."""

    retriable: ClassVar[bool] = False  # the item goes on with its summary; nothing to retry

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url, self.reason = url, reason


class PageFetcher(Protocol):
    async def fetch_page(self, url: str) -> Page:
        """GET the page under the shared limits; raise PageFetchError for anything but a 200 with a body."""
        ...
