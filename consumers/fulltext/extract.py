"""Main text of an article page with trafilatura (pure, CPU-bound: the stage runs it off the event loop).

A page that is not HTML, yields no main text, yields less than the feed's own summary, is a paywall teaser, or
shares too few words with the item's title and summary (a consent wall, a 'not found' page) gives no text and a
reason instead; the item then goes on with the feed's summary."""

import codecs
import re
from collections import Counter
from dataclasses import dataclass

import trafilatura
from trafilatura.utils import detect_encoding

HTML_TYPES = ("text/html", "application/xhtml+xml")
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY_LABELS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
SNIFF_BYTES = 2048  # the HTML spec's prescan window for <meta charset> is 1024 bytes; allow some slack
WORD = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: fewer function words
CYRILLIC, ARABIC = re.compile(r"[\u0400-\u04FF]"), re.compile(r"[\u0600-\u06FF]")
MIN_COMPARED_WORDS = 4  # fewer words in title and summary: too little to judge by
MIN_SHARED_FRACTION = 0.25
MAX_PROMPT_CHARS = 240
TAG = re.compile(r"<[A-Za-z]")
# An article page has a few thousand elements (a long live blog ~10,000). trafilatura's time grows faster than the
# page (2 MB of links: 6 s of CPU; 10 MB: minutes), and a batch's pages must fit in kafka.max_poll_interval_ms.
MAX_ELEMENTS = 50_000
# Subscription prompts that end a teaser (English, Russian, Arabic). A bare 'subscribe' is not one: many articles end
# with 'Subscribe to our Telegram channel'.
PAYWALL = re.compile(
    r"^(?:continue|keep) reading\b|\bto (?:continue|keep) reading\b|\balready a subscriber\b|\bsubscribers?[- ]only\b|"
    r"\b(?:available|reserved) (?:only )?(?:to|for) subscribers\b|\b(?:get|enjoy) unlimited access\b|"
    r"\b(?:log|sign) in to (?:continue|read)\b|\bsubscribe (?:now )?to (?:continue|read|unlock)\b|"
    r"только для подписчиков|доступ(?:ен|на|но) только подписчикам|^продолжить чтение|чтобы продолжить чтение|"
    r"للمشتركين فقط|لمتابعة القراءة|اشترك للمتابعة",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ExtractJob:
    """Plain data, so it can cross a process boundary (the parse pool) cheaply."""

    url: str
    body: bytes
    content_type: str
    summary: str
    max_chars: int = 100_000
    title: str = ""


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
    elements = sum(1 for _ in TAG.finditer(html))
    if elements > MAX_ELEMENTS:
        return Extraction(None, f"page has {elements} elements, more than {MAX_ELEMENTS}: no article page")
    try:
        text = trafilatura.extract(html, url=job.url, output_format="txt", include_comments=False,
                                   include_images=False, include_links=False, favor_precision=True,
                                   deduplicate=False, with_metadata=False)  # fmt: skip
    except Exception as error:  # one page's boundary: a parser crash must not lose the item
        return Extraction(None, f"extraction failed: {type(error).__name__}: {error}")
    text = _tidy(text or "")
    if not text:
        return Extraction(None, "no main text found on the page")
    refusal = _why_not_the_article(text, job)
    return Extraction(None, refusal) if refusal else Extraction(text)


def _why_not_the_article(text: str, job: ExtractJob) -> str | None:
    if len(text) > job.max_chars:
        # Not an article (an archive page, a book): a record this big could also pass the broker's size limit.
        return f"page text ({len(text)} chars) is longer than {job.max_chars} chars"
    replaced = text.count("\ufffd")
    if replaced * 100 > len(text):  # no charset decodes the page: mojibake would be stored as the article
        return f"page text is not decodable: {replaced} of {len(text)} chars are U+FFFD (charset unknown or wrong)"
    summary = _tidy(job.summary)
    if len(text) < len(summary):
        # A paywall, a cookie wall or a teaser page: the feed's summary says more than what was found.
        return f"page text ({len(text)} chars) is shorter than the feed summary"
    prompt = next((line for line in text.splitlines() if len(line) <= MAX_PROMPT_CHARS and PAYWALL.search(line)), None)
    if prompt:  # the rest of the article is behind it: the teaser is no full text
        return f"the page is a paywall teaser: {prompt[:80]!r}"
    shared, compared = _shared_words(text, f"{job.title}\n{summary}")
    if compared >= MIN_COMPARED_WORDS and shared < compared * MIN_SHARED_FRACTION:
        # A cookie or consent wall, a 'page not found' or a home page served with 200 for a removed article.
        return (f"page text shares too few words with the title and summary ({shared} of {compared}): "
                "not the article (a cookie wall, a removed or moved page?)")  # fmt: skip
    return None


def _shared_words(text: str, reference: str) -> tuple[int, int]:
    """How many of the reference's words (in the text's main script) the text has, of how many."""
    words = {word.casefold() for word in WORD.findall(text)}
    scripts = Counter(_script(word) for word in words)
    if not scripts:
        return 0, 0
    script = scripts.most_common(1)[0][0]
    # A summary in another script than the page (an English feed linking a Russian page) cannot be compared.
    wanted = {word.casefold() for word in WORD.findall(reference) if _script(word) == script}
    return len(wanted & words), len(wanted)


def _script(word: str) -> str:
    return "cyrillic" if CYRILLIC.search(word) else "arabic" if ARABIC.search(word) else "other"


def decode_page(body: bytes, content_type: str) -> str:
    """Body as text: a byte order mark, else the first of the Content-Type charset, the <meta> charset, UTF-8 and
    the charsets detected in the bytes that decodes the body without error, else UTF-8 (lossy).

    Always a str: given bytes, trafilatura would also inflate gzip-looking bodies without a size limit."""
    for bom, codec in BOMS:  # the HTML spec's encoding sniffing: a BOM wins over every declared label
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    header = CHARSET.search(content_type)
    meta = META_CHARSET.search(body[:SNIFF_BYTES])
    declared = [header.group(1) if header else None, meta.group(1).decode("ascii", "ignore") if meta else None]
    labels = _candidates([*declared, "utf-8"])
    for label in labels:
        try:
            return body.decode(label)
        except (LookupError, UnicodeDecodeError):
            continue
    for label in labels:  # a stray byte (a cut character, a pasted windows-1252 space) is no reason to guess a charset
        text = _decoded_with_few_errors(body, label)
        if text is not None:
            return text
    # Nothing declared fits (an old Arabic or Russian site, a wrong header): decoded as UTF-8 the text was all U+FFFD.
    for label in detect_encoding(body):
        try:
            return body.decode(label)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def _decoded_with_few_errors(body: bytes, label: str) -> str | None:
    """The body decoded lossily when at most 3, or 10%, of its non-ASCII characters are U+FFFD (from another
    charset nearly all are)."""
    try:
        text = body.decode(label, errors="replace")
    except LookupError:
        return None
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text if text.count("\ufffd") <= max(3, non_ascii // 10) else None


def _candidates(labels: list[str | None]) -> list[str]:
    # WHATWG Encoding: 'iso-8859-1' and 'us-ascii' labels mean windows-1252 (what browsers decode them as).
    return [LEGACY_LABELS.get(label.strip().lower(), label.strip()) for label in labels if label]


def _looks_like_html(body: bytes) -> bool:
    start = body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<body" in start


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
