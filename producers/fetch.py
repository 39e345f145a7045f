"""HTTP fetching of feeds: conditional GET, bounded bodies, every failure as a FeedFetchError."""

import hashlib
from dataclasses import dataclass

import httpx

from producers.errors import FeedFetchError

# RFC 9110 §15: statuses a later retry may fix; the rest mean the URL itself is wrong.
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A 200 with its body, or a 304 (body None)."""

    status: int
    body: bytes | None
    content_type: str
    etag: str | None
    last_modified: str | None
    final_url: str

    @property
    def body_hash(self) -> str | None:
        return hashlib.sha256(self.body).hexdigest() if self.body is not None else None


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


async def fetch_feed(
    http: httpx.AsyncClient, url: str, *, etag: str | None = None, last_modified: str | None = None,
    max_body_bytes: int = 10 * 1024 * 1024,
) -> FetchResult:  # fmt: skip
    """GET a feed, sending validators; raise FeedFetchError for anything but 200/304."""
    try:
        async with http.stream("GET", url, headers=conditional_headers(etag, last_modified)) as response:
            if response.status_code == 304:
                return FetchResult(304, None, "", etag, last_modified, str(response.url))
            if response.status_code != 200:
                raise _status_error(url, response)
            body = await _read_bounded(response, url, max_body_bytes)
            return FetchResult(200, body, response.headers.get("content-type", ""),
                               response.headers.get("etag"), response.headers.get("last-modified"),
                               str(response.url))  # fmt: skip
    except httpx.TimeoutException as error:
        raise FeedFetchError(url, f"timed out ({type(error).__name__})", weight=0.5) from error
    except httpx.TooManyRedirects as error:
        raise FeedFetchError(url, "too many redirects", weight=1.0) from error
    except httpx.HTTPError as error:
        raise FeedFetchError(url, f"request failed: {type(error).__name__}: {error}", weight=0.75) from error


async def _read_bounded(response: httpx.Response, url: str, max_body_bytes: int) -> bytes:
    # Count decoded bytes while streaming, so neither a huge body nor a gzip bomb fills memory.
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_body_bytes:
            raise FeedFetchError(url, f"body larger than {max_body_bytes} bytes", status=200, weight=1.0)
        chunks.append(chunk)
    return b"".join(chunks)


def _status_error(url: str, response: httpx.Response) -> FeedFetchError:
    status = response.status_code
    retry_after = _retry_after_s(response.headers.get("retry-after"))
    weight = 0.5 if status in TRANSIENT_STATUSES else 2.0
    return FeedFetchError(url, f"HTTP {status} {response.reason_phrase}".strip(), status=status, weight=weight,
                          retry_after_s=retry_after)  # fmt: skip


def _retry_after_s(value: str | None) -> float | None:
    """Retry-After as delay-seconds (RFC 9110 §10.2.3); HTTP-dates are read too."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    from email.utils import parsedate_to_datetime
    from datetime import UTC, datetime

    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None
