"""Canonical URLs and stable item ids (architecture.md, 'Identity and idempotency')."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from schemas.ids import stable_id

# Query parameters that identify a campaign or a click, never the article.
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|yclid|mc_cid|mc_eid|_ga|igshid|ref|ref_src|rss|from|cmpid|ocid|smid|s_cid)$",
    re.IGNORECASE,
)
AMP_PATH = re.compile(r"(/amp/?$|/amp(?=/)|\.amp(?=\.html?$|$))")
# Already canonical as written: lower-case http(s) scheme and host, no port, user, query or fragment, and a
# printable ASCII path. Most feed links are; the general path below costs them ~10x more (urlsplit, parse_qsl,
# urlencode, urlunsplit), twice per entry before this.
PLAIN_URL = re.compile(r"https?://([a-z0-9.-]+)(/[!-\"$->@-~]*)?")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, fragment, tracking parameters or AMP variant."""
    url = url.strip()
    plain = PLAIN_URL.fullmatch(url)
    if plain is not None:
        host, path = plain.groups()
        if not host.startswith("amp.") and (path is None or "amp" not in path):
            return url if path else url + "/"
    parts = urlsplit(url)
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower()
    if host.startswith("amp."):
        host = host[4:]
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = AMP_PATH.sub("", parts.path) or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    query = [(k, v) for k, v in query if k.lower() != "amp"]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def is_site_root(canonical: str) -> bool:
    """Whether a canonical URL (`canonical_url`) is a site's front page: no path and no query. It lists many
    articles and is never one (a root with a query may be: WordPress's /?p=12)."""
    return canonical.endswith("/") and canonical.count("/") == 3


def without_credentials(url: str) -> str:
    """`url` without a user and password (http://user:password@host/feed), as items and logs show a feed's URL."""
    if "@" not in url:
        return url
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def item_id(url: str | None, feed_url: str, guid: str | None) -> str:
    """Hash of the canonical article URL; feed URL + guid when the entry has no link."""
    return item_id_of(canonical_url(url) if url else None, feed_url, guid)


def item_id_of(canonical: str | None, feed_url: str, guid: str | None) -> str:
    """`item_id` when the canonical URL is known already (None: the entry has no link)."""
    if canonical:
        return stable_id("url", canonical)
    return stable_id("guid", feed_url, guid or "")


def content_hash(title: str, text: str) -> str:
    return stable_id("content", " ".join(title.split()), " ".join(text.split()))
