"""Main text of an article page with trafilatura (pure, CPU-bound: the stage runs it off the event loop).

A page that is not HTML, yields no main text, or yields less than the feed's own summary gives no text and
a reason instead; the item then goes on with the feed's summary."""

import re
from dataclasses import dataclass

import trafilatura

HTML_TYPES = ("text/html", "application/xhtml+xml")
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
SNIFF_BYTES = 2048  # the HTML spec's prescan window for <meta charset> is 1024 bytes; allow some slack


@dataclass(frozen=True, slots=True)
class ExtractJob:
    """Plain data, so it can cross a process boundary (the parse pool) cheaply."""

    url: str
    body: bytes
    content_type: str
    summary: str
    max_chars: int = 100_000


@dataclass(frozen=True, slots=True)
class Extraction:
    """Either the page's main text or why there is none."""

    text: str | None
    error: str | None = None


def extract_main_text(job: ExtractJob) -> Extraction:
    """The article's main text without navigation, sidebars, comments or footer."""
    media_type = job.content_type.split(";", 1)[0].strip().lower()
    is_untyped = media_type in ("", "application/octet-stream")
    if media_type not in HTML_TYPES and not (is_untyped and _looks_like_html(job.body)):
        return Extraction(None, f"not an HTML page: {media_type or 'no Content-Type'}")
    html = decode_page(job.body, job.content_type)
    try:
        text = trafilatura.extract(html, url=job.url, output_format="txt", include_comments=False,
                                   include_images=False, include_links=False, favor_precision=True,
                                   deduplicate=False, with_metadata=False)  # fmt: skip
    except Exception as error:  # one page's boundary: a parser crash must not lose the item
        return Extraction(None, f"extraction failed: {type(error).__name__}: {error}")
    text = _tidy(text or "")
    if not text:
        return Extraction(None, "no main text found on the page")
    if len(text) > job.max_chars:
        # Not an article (an archive page, a book): a record this big could also pass the broker's size limit.
        return Extraction(None, f"page text ({len(text)} chars) is longer than {job.max_chars} chars")
    if len(text) < len(_tidy(job.summary)):
        # A paywall, a cookie wall or a teaser page: the feed's summary says more than what was found.
        return Extraction(None, f"page text ({len(text)} chars) is shorter than the feed summary")
    return Extraction(text)


def decode_page(body: bytes, content_type: str) -> str:
    """Body as text: charset from the Content-Type header, else from <meta charset>, else UTF-8 (lossy).

    Always a str: given bytes, trafilatura would also inflate gzip-looking bodies without a size limit."""
    header = CHARSET.search(content_type)
    meta = META_CHARSET.search(body[:SNIFF_BYTES])
    for label in (header.group(1) if header else None, meta.group(1).decode("ascii", "ignore") if meta else None):
        if label:
            try:
                return body.decode(label)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("utf-8", errors="replace")


def _looks_like_html(body: bytes) -> bool:
    start = body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<body" in start


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
