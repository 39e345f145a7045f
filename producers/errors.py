"""Errors at the edge of the producer: third-party exceptions are translated once, into these."""

from typing import ClassVar


class FeedFetchError(Exception):
    """A feed could not be fetched; `weight` is how much the failure counts towards disabling the feed."""

    retriable: ClassVar[bool] = True

    def __init__(self, feed_url: str, reason: str, status: int | None = None, weight: float = 1.0,
                 retry_after_s: float | None = None) -> None:  # fmt: skip
        super().__init__(f"{reason} (HTTP {status})" if status else reason)
        self.feed_url, self.reason, self.status = feed_url, reason, status
        self.weight, self.retry_after_s = weight, retry_after_s


class FeedParseError(Exception):
    """The body is not a usable RSS/Atom feed."""

    retriable: ClassVar[bool] = False

    def __init__(self, feed_url: str, reason: str) -> None:
        super().__init__(reason)
        self.feed_url, self.reason = feed_url, reason
