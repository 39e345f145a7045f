"""Feed bodies to entries: a fast lxml reader for well-formed RSS 2.0 and Atom 1.0, feedparser for
everything else (broken XML, wrong charsets, RSS 0.9x/1.0, DTDs), and entry HTML to plain text."""

import codecs
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
from feedparser.datetimes import _parse_date as feedparser_date
from lxml import etree
from lxml.etree import ParserError

from producers.errors import FeedParseError

BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
SY = "{http://purl.org/rss/1.0/modules/syndication/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# sy:updatePeriod (RSS 1.0 syndication module): the period the publisher expects between updates.
UPDATE_PERIOD_S = {"hourly": 3600.0, "daily": 86400.0, "weekly": 7 * 86400.0, "monthly": 30 * 86400.0,
                   "yearly": 365 * 86400.0}  # fmt: skip
XML_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
LANGUAGE_TAG = re.compile(rb"<(?:language|dc:language)>\s*([A-Za-z]{2})", re.IGNORECASE)
LEGACY_CODE_PAGE = {"ru": "windows-1251", "uk": "windows-1251", "be": "windows-1251", "bg": "windows-1251",
                    "ar": "windows-1256", "fa": "windows-1256", "ku": "windows-1256"}  # fmt: skip
ABSOLUTE = ("https://", "http://")
EARLIEST_DATE = datetime(1990, 1, 1, tzinfo=UTC)
# Zone names RFC 822 does not know (the stdlib and feedparser read them as UTC, 3 hours off for Moscow): only those
# that name one offset (not AST, IST or GST, which name several).
ZONE_OFFSETS = {"MSK": "+0300", "MSD": "+0400", "EET": "+0200", "EEST": "+0300", "CET": "+0100", "CEST": "+0200",
                "TRT": "+0300", "IRST": "+0330", "IRDT": "+0430"}  # fmt: skip
TRAILING_ZONE = re.compile(r"\s([A-Z]{3,4})\s*$")
# Dates a CMS printed in its site's locale: Russian and Arabic month names (Arabic: the Egyptian and the Levantine
# ones) to English, weekday names and the Russian "г." (year) dropped, Arabic-Indic digits to ASCII.
LOCAL_MONTHS = {
    **dict.fromkeys(("январь", "января", "янв"), "Jan"), **dict.fromkeys(("февраль", "февраля", "фев"), "Feb"),
    **dict.fromkeys(("март", "марта", "мар"), "Mar"), **dict.fromkeys(("апрель", "апреля", "апр"), "Apr"),
    **dict.fromkeys(("май", "мая"), "May"), **dict.fromkeys(("июнь", "июня", "июн"), "Jun"),
    **dict.fromkeys(("июль", "июля", "июл"), "Jul"), **dict.fromkeys(("август", "августа", "авг"), "Aug"),
    **dict.fromkeys(("сентябрь", "сентября", "сен", "сент"), "Sep"),
    **dict.fromkeys(("октябрь", "октября", "окт"), "Oct"), **dict.fromkeys(("ноябрь", "ноября", "ноя", "нояб"), "Nov"),
    **dict.fromkeys(("декабрь", "декабря", "дек"), "Dec"),
    "يناير": "Jan", "فبراير": "Feb", "مارس": "Mar", **dict.fromkeys(("أبريل", "ابريل", "إبريل"), "Apr"),
    **dict.fromkeys(("مايو", "ماي"), "May"), **dict.fromkeys(("يونيو", "يونيه"), "Jun"),
    **dict.fromkeys(("يوليو", "يوليه"), "Jul"), **dict.fromkeys(("أغسطس", "اغسطس"), "Aug"), "سبتمبر": "Sep",
    **dict.fromkeys(("أكتوبر", "اكتوبر"), "Oct"), "نوفمبر": "Nov", "ديسمبر": "Dec",
    "كانون الثاني": "Jan", "شباط": "Feb", "آذار": "Mar", "نيسان": "Apr", "أيار": "May", "حزيران": "Jun",
    "تموز": "Jul", "آب": "Aug", "أيلول": "Sep", "تشرين الأول": "Oct", "تشرين الثاني": "Nov", "كانون الأول": "Dec",
}  # fmt: skip
LOCAL_DROPPED = {"пн", "вт", "ср", "чт", "пт", "сб", "вс", "понедельник", "вторник", "среда", "четверг", "пятница",
                 "суббота", "воскресенье", "г", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس",
                 "الجمعة", "السبت", "الأحد", "الاحد"}  # fmt: skip
LOCAL_WORD = re.compile(r"(?:كانون|تشرين) (?:الثاني|الأول)|[^\W\d_]+\.?")
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹،\u200e\u200f", "01234567890123456789,  ")
# A byte order mark decides the encoding whatever the declaration says (XML 1.0 appendix F); UTF-32 before UTF-16,
# whose marks begin theirs.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
                    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip
# No DTDs, no entities, no network: a billion-laughs body goes to feedparser, which refuses to expand it.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    link: str | None
    guid: str | None
    title: str
    text: str
    published_at: datetime | None
    language: str | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """The entries plus what the feed says about itself: language and its update hint (<ttl>, sy:*)."""

    entries: list[ParsedEntry] = field(default_factory=list)
    language: str | None = None
    update_hint_s: float | None = None
    parser: str = "lxml"


def parse_feed(body: bytes, feed_url: str, content_type: str = "", base_url: str | None = None) -> ParsedFeed:
    """Parse RSS/Atom; raise FeedParseError when the body is not a feed at all. Relative links are resolved
    against xml:base and then `base_url` (the address the body came from; the feed's URL by default)."""
    if not body.strip():
        raise FeedParseError(feed_url, "not a feed: empty body")
    repaired = repair_encoding(body, content_type)
    if repaired is not None:
        body = repaired
    base = base_url or feed_url
    return _parse_fast(body, base) or _parse_with_feedparser(body, feed_url, content_type, base)


def repair_encoding(body: bytes, content_type: str = "") -> bytes | None:
    """UTF-8 bytes of a body whose declared (or default UTF-8) encoding does not decode it, or None.

    Servers send windows-1251 as 'utf-8' and Latin-1 without a declaration; feedparser would guess and
    produce mojibake. The candidates: the HTTP charset, the legacy code page of the feed's <language>,
    then windows-1252 (which decodes any byte). A body with a byte order mark is read as the mark says."""
    marked = next((encoding for mark, encoding in BYTE_ORDER_MARKS if body.startswith(mark)), None)
    if marked is not None:
        try:
            utf8 = body.decode(marked)[1:].encode("utf-8")  # without the mark
        except UnicodeDecodeError:
            return None  # not what its mark says: left to the parsers
        return XML_ENCODING.sub(b'encoding="utf-8"', utf8[:200], count=1) + utf8[200:]
    declared = XML_ENCODING.search(body[:200])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        body.decode(encoding)
        return None
    except (UnicodeDecodeError, LookupError):
        pass
    http_charset = HTTP_CHARSET.search(content_type or "")
    language = LANGUAGE_TAG.search(body[:4096])
    candidates = [http_charset.group(1) if http_charset else None,
                  LEGACY_CODE_PAGE.get(language.group(1).decode("ascii").lower()[:2]) if language else None,
                  "windows-1252"]  # fmt: skip
    for candidate in filter(None, candidates):
        try:
            text = body.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        return XML_ENCODING.sub(b'encoding="utf-8"', text.encode("utf-8"), count=1)
    return None


def _parse_fast(body: bytes, base_url: str | None = None) -> ParsedFeed | None:
    head = body[:2048]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        return None
    try:
        root = etree.fromstring(body, XML_PARSER, base_url=base_url)
    except etree.XMLSyntaxError:
        return None  # not well-formed, or a charset lxml cannot decode: feedparser copes (bozo) or refuses
    if root.tag == "rss" and root.find("channel") is not None:
        return _rss(root.find("channel"))
    if root.tag == f"{ATOM}feed":
        return _atom(root)
    return None


def _rss(channel: etree._Element) -> ParsedFeed:
    language = _language(channel.findtext("language"))
    entries = []
    for item in channel.iterfind("item"):
        guid_element = item.find("guid")
        guid = _text(guid_element)
        link = _text(item.find("link"))
        if not link and guid and guid.startswith("http") and (guid_element.get("isPermaLink") or "true") != "false":
            link = guid
        if link and not link.startswith(ABSOLUTE):
            link = web_link(link, item.base)  # .base (xml:base, else the document's URL) only when it is needed
        html = _text(item.find(CONTENT_ENCODED)) or _text(item.find("description")) or ""
        date = _text(item.find("pubDate")) or _text(item.find(DC_DATE))
        entries.append(ParsedEntry(link or None, guid or None, html_to_text(_text(item.find("title")) or ""),
                                   html_to_text(html), parse_date(date), language))  # fmt: skip
    return ParsedFeed(entries, language, _rss_update_hint(channel))


def _atom(root: etree._Element) -> ParsedFeed:
    language = _language(root.get(XML_LANG))
    entries = []
    for entry in root.iterfind(f"{ATOM}entry"):
        links = entry.findall(f"{ATOM}link")
        alternate = next((e for e in links if (e.get("rel") or "alternate") == "alternate"), None)
        link = alternate.get("href") if alternate is not None else None
        if alternate is not None and link and not link.startswith(ABSOLUTE):
            link = web_link(link, alternate.base)
        content = _atom_text(entry.find(f"{ATOM}content")) or _atom_text(entry.find(f"{ATOM}summary"))
        date = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
        entries.append(ParsedEntry(link, _text(entry.find(f"{ATOM}id")) or None,
                                   html_to_text(_atom_text(entry.find(f"{ATOM}title"))), html_to_text(content),
                                   parse_date(date), _language(entry.get(XML_LANG)) or language))  # fmt: skip
    return ParsedFeed(entries, language, None)


def web_link(link: str | None, base: str | None) -> str | None:
    """`link` made absolute against `base` (relative hrefs are allowed in Atom, and some RSS has them), or None
    when it is no web address: a javascript:, mailto: or file: link is never an article's URL."""
    link = (link or "").strip()
    if not link:
        return None
    if link.startswith(ABSOLUTE):
        return link
    try:
        absolute = urljoin(base or "", link)
        parts = urlsplit(absolute)
        return absolute if parts.scheme in ("http", "https") and parts.hostname else None
    except ValueError:
        return None


def _atom_text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    if element.get("type") == "xhtml":
        return "".join(etree.tostring(child, encoding="unicode") for child in element)
    text = element.text or ""
    # type="text" is plain text: escape it so html_to_text does not read "<" as markup.
    return text.replace("&", "&amp;").replace("<", "&lt;") if element.get("type", "text") == "text" else text


def _text(element: etree._Element | None) -> str | None:
    return element.text.strip() if element is not None and element.text else None


def _language(value: str | None) -> str | None:
    return (value or "").strip().split("-")[0].lower() or None


def _rss_update_hint(channel: etree._Element) -> float | None:
    ttl = _text(channel.find("ttl"))
    if ttl and ttl.isdigit():
        return float(ttl) * 60  # RSS 2.0 <ttl> is in minutes
    return update_period_s(_text(channel.find(f"{SY}updatePeriod")), _text(channel.find(f"{SY}updateFrequency")))


def update_period_s(period: str | None, frequency: str | None) -> float | None:
    base = UPDATE_PERIOD_S.get((period or "").strip().lower())
    if base is None:
        return None
    times = int(frequency) if frequency and frequency.strip().isdigit() and int(frequency) > 0 else 1
    return base / times


def parse_date(value: str | None) -> datetime | None:
    """RFC 822 or ISO 8601 to UTC; feedparser's lenient date parsers for anything else; None if unreadable or a
    placeholder from before the web."""
    return _plausible(_read_date(value))


def _plausible(date: datetime | None) -> datetime | None:
    # CMSs print an unset date as the Unix epoch (or 1900, or year 1); no feed item was published before 1990.
    return date if date is not None and date >= EARLIEST_DATE else None


def _read_date(value: str | None) -> datetime | None:
    if not value:
        return None
    zone = TRAILING_ZONE.search(value) if value[-1:].isalpha() and not value.endswith("GMT") else None
    if zone is not None and zone.group(1) in ZONE_OFFSETS:
        value = value[: zone.start(1)] + ZONE_OFFSETS[zone.group(1)]
    try:
        parsed = parsedate_to_datetime(value) if value[:1].isalpha() else datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)  # RFC 822 '-0000' and zone-less ISO dates: read as UTC
        return parsed.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    fallback = feedparser_date(value)
    try:
        if fallback:
            return datetime(*fallback[:6], tzinfo=UTC)  # type: ignore[misc]
    except (TypeError, ValueError):
        return None
    english = _english_date(value)
    return _read_date(english) if english is not None else None


def _english_date(value: str) -> str | None:
    """`value` with Russian or Arabic month and weekday names put in English, or None when it has none."""
    if value.isascii():
        return None
    found = False

    def word(match: re.Match[str]) -> str:
        nonlocal found
        key = match.group(0).lower().rstrip(".")
        if key in LOCAL_MONTHS:
            found = True
            return LOCAL_MONTHS[key]
        return " " if key in LOCAL_DROPPED else match.group(0)

    english = LOCAL_WORD.sub(word, value.translate(ARABIC_DIGITS)).replace(",", " ")
    return " ".join(english.split()) if found and english.isascii() else None


def _parse_with_feedparser(body: bytes, feed_url: str, content_type: str, base_url: str | None = None) -> ParsedFeed:
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom document found")
        raise FeedParseError(feed_url, f"not a feed: {reason}")
    language = _language(parsed.feed.get("language"))
    ttl = str(parsed.feed.get("ttl") or "")
    hint = float(ttl) * 60 if ttl.isdigit() else update_period_s(parsed.feed.get("sy_updateperiod"),
                                                                 parsed.feed.get("sy_updatefrequency"))  # fmt: skip
    base = base_url or feed_url
    return ParsedFeed([_entry(entry, language, base) for entry in parsed.entries], language, hint, "feedparser")


def _entry(entry: feedparser.FeedParserDict, language: str | None, base_url: str) -> ParsedEntry:
    content = entry.get("content") or []
    html = max((c.get("value", "") for c in content), key=len, default="") or entry.get("summary", "")
    return ParsedEntry(
        link=web_link(entry.get("link"), base_url),  # feedparser applied any xml:base already
        guid=entry.get("id") or None,
        title=html_to_text(entry.get("title", "")),
        text=html_to_text(html),
        published_at=_entry_time(entry),
        language=language,
    )


def _entry_time(entry: feedparser.FeedParserDict) -> datetime | None:
    # feedparser normalises dates it can read to UTC struct_time; an unreadable date is simply absent.
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                date = _plausible(datetime(*value[:6], tzinfo=UTC))  # type: ignore[misc]
            except (TypeError, ValueError):
                continue
            if date is not None:
                return date
    # Dates feedparser cannot read (a Russian or Arabic month name) may still be ours to read.
    return next(filter(None, (parse_date(entry.get(key)) for key in ("published", "updated"))), None)


def html_to_text(html: str) -> str:
    """Plain text with block elements on their own lines (claims need paragraph boundaries)."""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return " ".join(html.split())
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
