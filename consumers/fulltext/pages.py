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
    """The page could not be fetched (HTTP status, timeout, refused address, body too large ...).

    `is_transient`: a later request may succeed (429, 5xx, timeout, the host asked us to wait); `retry_after_s`: how
    long the server asked us to wait (RFC 9110 §10.2.3), if it said."""

    retriable: ClassVar[bool] = False  # the item goes on with its summary now; its text_error says if it was transient

    def __init__(self, url: str, reason: str, *, status: int | None = None, retry_after_s: float | None = None,
                 is_transient: bool = False) -> None:  # fmt: skip
        super().__init__(reason)
        self.url, self.reason, self.status = url, reason, status
        self.retry_after_s, self.is_transient = retry_after_s, is_transient

    @property
    def kind(self) -> str:
        """'transient' (with the wait asked for, if any) or 'permanent', as text_error records it."""
        if not self.is_transient:
            return "permanent"
        return f"transient; retry after {self.retry_after_s:.0f} s" if self.retry_after_s else "transient"


class PageFetcher(Protocol):
    async def fetch_page(self, url: str) -> Page:
        """GET the page under the shared limits; raise PageFetchError for anything but a 200 with a body."""
        ...
