"""HTTP fetching of feeds (aiohttp): conditional GET, redirects checked hop by hop, per-host limits,
bodies bounded while streaming and decompressing, every failure as a FeedFetchError."""

import hashlib
import re
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import aiohttp

from newsmon.config import PollSettings
from producers.addresses import NonPublicAddressError, PublicOnlyResolver, is_public_address, literal_address
from producers.errors import FeedFetchError, ForbiddenAddressError
from producers.limits import HostLimiter

# RFC 9110 §15: statuses a later retry may fix; the rest mean the URL itself is wrong.
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
PERMANENT_REDIRECTS = {301, 308}
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"  # an article page, not its feed
# RFC 9110 §10.2.3: a Retry-After on these asks the client to wait; on a page it pauses the page's host.
RETRY_AFTER_STATUSES = {429, 503}
MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A 200 with its body, or a 304 (body None); `moved_to` is set after permanent redirects only."""

    status: int
    body: bytes | None
    content_type: str
    etag: str | None
    last_modified: str | None
    final_url: str
    moved_to: str | None = None
    max_age_s: float | None = None

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


class Fetcher:
    """The process's one HTTP session plus the per-host limiter and the SSRF policy."""

    def __init__(self, session: aiohttp.ClientSession, settings: PollSettings) -> None:
        self.session, self.settings = session, settings
        self.hosts = HostLimiter(settings.per_host_concurrency, settings.per_host_min_gap_s)

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    accept: str = ACCEPT, pauses_host: bool = False) -> FetchResult:  # fmt: skip
        """GET a feed (or, with `accept`, a page), following at most `max_redirects` redirects; raise FeedFetchError
        for anything but 200/304, and without a request while the host is paused. `pauses_host`: a Retry-After
        on a 429/503 pauses the host for every later request, feeds' and pages'."""
        current, is_permanent = url, True
        headers = {**conditional_headers(etag, last_modified), "Accept": accept}
        for _ in range(self.settings.max_redirects + 1):
            self._check_target(url, current)
            self._check_not_paused(url, current)
            try:
                async with self.hosts.slot(_host_key(current)), self.session.get(
                    current, headers=headers, allow_redirects=False) as response:  # fmt: skip
                    if response.status in REDIRECT_STATUSES:
                        is_permanent = is_permanent and response.status in PERMANENT_REDIRECTS
                        current = _redirect_target(url, current, response)
                        continue
                    if pauses_host and response.status in RETRY_AFTER_STATUSES:
                        self._pause(current, response)
                    return await self._result(url, current, is_permanent, response, etag, last_modified)
            except TimeoutError as error:
                raise FeedFetchError(url, "timed out", weight=0.5) from error
            except aiohttp.ClientConnectorError as error:
                if isinstance(error.os_error, NonPublicAddressError):
                    raise ForbiddenAddressError(url, f"refused: {error.os_error}", weight=5.0) from error
                raise FeedFetchError(url, f"cannot connect: {error.os_error or error}", weight=0.75) from error
            except aiohttp.ClientError as error:
                raise FeedFetchError(url, f"request failed: {type(error).__name__}: {error}", weight=0.75) from error
        raise FeedFetchError(url, f"too many redirects (more than {self.settings.max_redirects})", weight=2.0)

    def _check_target(self, feed_url: str, target: str) -> None:
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FeedFetchError(feed_url, f"refused: not an http(s) URL: {target}", weight=5.0)
        address = literal_address(parts.hostname)
        if address and not self.settings.allow_private_addresses and not is_public_address(address):
            raise ForbiddenAddressError(feed_url, f"refused: non-public address {address}", weight=5.0)

    def _check_not_paused(self, url: str, target: str) -> None:
        host = _host_key(target)
        left_s = self.hosts.paused_for_s(host)
        if left_s > 0:
            # Weight 0: the request was never made, so it says nothing about this URL's health.
            raise FeedFetchError(url, f"not requested: {host} asked to wait (Retry-After), {left_s:.0f} s left",
                                 weight=0.0, retry_after_s=left_s)  # fmt: skip

    def _pause(self, target: str, response: aiohttp.ClientResponse) -> None:
        delay_s = retry_after_s(response.headers.get("Retry-After"))
        if delay_s:  # at most backoff_max_s, as a feed's own Retry-After (schedule.failure_delay_s)
            self.hosts.pause(_host_key(target), min(delay_s, self.settings.backoff_max_s))

    async def _result(self, url: str, final_url: str, is_permanent: bool, response: aiohttp.ClientResponse,
                      etag: str | None, last_modified: str | None) -> FetchResult:  # fmt: skip
        moved_to = final_url if is_permanent and final_url != url else None
        max_age = _max_age_s(response.headers.get("Cache-Control"))
        if response.status == 304:
            if not (etag or last_modified):
                # 304 answers a conditional request (RFC 9110 §15.4.5); to a plain GET it means no copy of ours, so
                # read as "not modified" the feed would look healthy while never giving an item (a broken cache).
                raise FeedFetchError(url, "HTTP 304 Not Modified to a request without validators "
                                          "(no If-None-Match or If-Modified-Since was sent)", status=304)  # fmt: skip
            return FetchResult(304, None, "", etag, last_modified, final_url, moved_to, max_age)
        if response.status != 200:
            raise _status_error(url, response)
        body = await read_bounded(response, url, self.settings.max_body_bytes)
        return FetchResult(200, body, response.headers.get("Content-Type", ""), response.headers.get("ETag"),
                           response.headers.get("Last-Modified"), final_url, moved_to, max_age)  # fmt: skip


@asynccontextmanager
async def open_fetcher(settings: PollSettings) -> AsyncIterator[Fetcher]:
    """One aiohttp session for the process: global concurrency, timeouts, User-Agent and the SSRF resolver."""
    resolver = None if settings.allow_private_addresses else PublicOnlyResolver()
    connector = aiohttp.TCPConnector(limit=settings.concurrency, limit_per_host=0, resolver=resolver,
                                     ttl_dns_cache=300, enable_cleanup_closed=True)  # fmt: skip
    timeout = aiohttp.ClientTimeout(total=settings.timeout_s, sock_connect=settings.connect_timeout_s,
                                    sock_read=settings.read_timeout_s)  # fmt: skip
    headers = {"User-Agent": settings.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
    # auto_decompress off: read_bounded inflates with a cap, so a gzip bomb never fills memory.
    async with aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers, auto_decompress=False,
                                     raise_for_status=False, trust_env=False) as session:  # fmt: skip
        yield Fetcher(session, settings)


async def read_bounded(response: aiohttp.ClientResponse, url: str, max_body_bytes: int) -> bytes:
    """The decoded body, refusing it as soon as it passes `max_body_bytes` (compressed or not)."""
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
        raise FeedFetchError(url, f"unsupported Content-Encoding {encoding!r}", status=200, weight=1.0)
    declared = response.content_length
    if encoding in ("identity", "") and declared is not None and declared > max_body_bytes:
        raise _oversize(url, max_body_bytes)
    inflater = zlib.decompressobj(wbits=47) if encoding not in ("identity", "") else None  # 47: gzip or zlib
    chunks, size = [], 0
    try:
        async for chunk in response.content.iter_chunked(CHUNK):
            while chunk:
                piece = inflater.decompress(chunk, max_body_bytes - size + 1) if inflater else chunk
                chunk = inflater.unconsumed_tail if inflater else b""
                size += len(piece)
                if size > max_body_bytes:
                    raise _oversize(url, max_body_bytes)
                chunks.append(piece)
    except zlib.error as error:
        raise FeedFetchError(url, f"corrupt {encoding} body: {error}", status=200, weight=1.0) from error
    return b"".join(chunks)


def _oversize(url: str, max_body_bytes: int) -> FeedFetchError:
    return FeedFetchError(url, f"body larger than {max_body_bytes} bytes", status=200, weight=2.0)


def _redirect_target(feed_url: str, current: str, response: aiohttp.ClientResponse) -> str:
    location = response.headers.get("Location")
    if not location:
        raise FeedFetchError(feed_url, f"redirect without Location (HTTP {response.status})", status=response.status)
    return urljoin(current, location)


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or ''}"


def _status_error(url: str, response: aiohttp.ClientResponse) -> FeedFetchError:
    status = response.status
    retry_after = retry_after_s(response.headers.get("Retry-After"))
    weight = 0.5 if status in TRANSIENT_STATUSES else 2.0
    return FeedFetchError(url, f"HTTP {status} {response.reason or ''}".strip(), status=status, weight=weight,
                          retry_after_s=retry_after, is_permanent=status == 410)  # fmt: skip


def is_transient(error: FeedFetchError) -> bool:
    """Whether a later request may succeed: a transient status (429, 5xx ...), a timeout, a failed connection or
    a paused host; not a refused address, a 4xx, a redirect loop or an oversize body."""
    if isinstance(error, ForbiddenAddressError):
        return False
    if error.status is not None:
        return error.status in TRANSIENT_STATUSES
    return error.weight < 1.0  # timeouts (0.5), connection failures (0.75), paused hosts (0); not URL faults (2, 5)


def retry_after_s(value: str | None) -> float | None:
    """Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _max_age_s(value: str | None) -> float | None:
    """Cache-Control max-age (RFC 9111 §5.2.2.1); no-store/no-cache give no hint."""
    if not value:
        return None
    match = MAX_AGE.search(value)
    return float(match.group(1)) if match else None
