"""Errors at the edge of the producer: third-party exceptions are translated once, into these."""

from typing import ClassVar


class FeedFetchError(Exception):
    """A feed could not be fetched.

    `weight` is how much the failure counts towards disabling the feed (a timeout weighs less than a 404),
    `is_permanent` disables the feed at once (410 Gone), and `retry_after_s` is the server's own delay.
    """

    retriable: ClassVar[bool] = True

    def __init__(self, feed_url: str, reason: str, status: int | None = None, weight: float = 1.0,
                 retry_after_s: float | None = None, is_permanent: bool = False) -> None:  # fmt: skip
        super().__init__(f"{reason} (HTTP {status})" if status and str(status) not in reason else reason)
        self.feed_url, self.reason, self.status = feed_url, reason, status
        self.weight, self.retry_after_s, self.is_permanent = weight, retry_after_s, is_permanent


class ForbiddenAddressError(FeedFetchError):
    """The URL or a redirect points at a loopback, private, link-local or metadata address (SSRF guard)."""

    retriable: ClassVar[bool] = False


class FeedParseError(Exception):
    """The body is not a usable RSS/Atom feed."""

    retriable: ClassVar[bool] = False
    weight: float = 1.0

    def __init__(self, feed_url: str, reason: str) -> None:
        super().__init__(reason)
        self.feed_url, self.reason = feed_url, reason
