"""Feed catalogues: newsmon TOML, OPML, or a plain file of URLs."""

import re
import tomllib
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element as XmlElement
from xml.etree.ElementTree import ParseError, SubElement, indent, tostring

from defusedxml import DefusedXmlException, ElementTree

from newsmon.store.feeds import FeedSpec

FULL_TEXT_ATTRIBUTE = "fullText"  # our own OPML outline attribute: "true" for feeds that carry only summaries
TOML_FEED_KEYS = ("url", "name", "outlet", "language", "full_text")
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
# What XML 1.0 cannot carry at all (tab, newline and carriage return it can): an export must read back.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class CatalogueError(Exception):
    """A feed catalogue file is unreadable or has an invalid entry (the message names which)."""


def default_catalogue() -> list[FeedSpec]:
    text = resources.files("newsmon").joinpath("catalogue/default_feeds.toml").read_text(encoding="utf-8")
    return _from_toml(text, "default catalogue")


def load_catalogue(path: Path | None) -> list[FeedSpec]:
    """Read a TOML catalogue, an OPML file or a file of URLs (one a line); None means the default.

    A URL listed twice is kept once, as first listed (`read_catalogue` also says which were repeated)."""
    return read_catalogue(path)[0]


def read_catalogue(path: Path | None) -> tuple[list[FeedSpec], list[str]]:
    """The feeds of `path` (None: the default catalogue), each URL once, and the URLs listed more than once.

    A file with no feed in it is an error: polling or importing nothing is never what was meant."""
    specs = default_catalogue() if path is None else _read_file(path)
    unique: dict[str, FeedSpec] = {}
    repeated: dict[str, None] = {}
    for spec in specs:
        if spec.url in unique:
            repeated[spec.url] = None
        else:
            unique[spec.url] = spec
    return list(unique.values()), list(repeated)


def _read_file(path: Path) -> list[FeedSpec]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogueError(f"feeds file {path}: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CatalogueError(f"feeds file {path}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
                             f"{error.start}); save it as UTF-8") from None  # fmt: skip
    source = str(path)
    if text.lstrip().startswith("<"):
        specs, expected = _from_opml(text, source), "<outline> elements with an xmlUrl"
    elif path.suffix.lower() == ".toml" or "[[feeds]]" in text:
        specs, expected = _from_toml(text, source), "[[feeds]] tables with a url"
    else:
        specs, expected = _from_url_lines(text, source), "one http(s) URL a line; '#' starts a comment"
    if not specs:
        raise CatalogueError(f"{source}: no feeds in it (expected {expected})")
    return specs


def _from_toml(text: str, source: str) -> list[FeedSpec]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{source}: invalid TOML: {error}") from error
    for key in document:
        if key != "feeds":
            raise CatalogueError(f"{source}: unknown key {key!r} (a feed catalogue holds only [[feeds]] tables)")
    entries = document.get("feeds", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise CatalogueError(f"{source}: expected [[feeds]] tables, got feeds = {entries!r}")
    return [_toml_feed(entry, f"{source}: feed #{number}") for number, entry in enumerate(entries, start=1)]


def _toml_feed(entry: dict[str, object], where: str) -> FeedSpec:
    for key, value in entry.items():
        if key not in TOML_FEED_KEYS:
            raise CatalogueError(f"{where}: unknown key {key!r} (expected {', '.join(TOML_FEED_KEYS)})")
        if key == "full_text":
            continue
        if not isinstance(value, str):
            raise CatalogueError(f"{where}: {key}: expected a string, got {value!r}")
        if CONTROL_CHARACTER.search(value) is not None:
            raise CatalogueError(f"{where}: {key}: a control character in {value!r}")
    url = str(entry.get("url", ""))
    _check_url(url, where)
    full_text = entry.get("full_text", False)
    if not isinstance(full_text, bool):
        raise CatalogueError(f"{where}: full_text: expected true or false, got {full_text!r}")
    return FeedSpec(url=url, name=str(entry.get("name") or url), outlet=str(entry.get("outlet") or _host(url)),
                    language=str(entry.get("language") or "en"), full_text=full_text)  # fmt: skip


def _from_opml(text: str, source: str) -> list[FeedSpec]:
    try:
        root = ElementTree.fromstring(text)
    except ParseError as error:
        raise CatalogueError(f"{source}: invalid OPML: {error}") from error
    except DefusedXmlException as error:  # a DTD or entity declaration: refused, never expanded
        raise CatalogueError(f"{source}: invalid OPML: DTDs and entities are not allowed ({error!r})") from None
    if root.tag != "opml":
        raise CatalogueError(f"{source}: not OPML (the root element is <{root.tag}>, expected <opml>)")
    specs = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()  # XML keeps an attribute's padding; readers' exports have some
        if url:
            where = f"{source}: outline {outline.get('text') or url!r}"
            _check_url(url, where)
            name = outline.get("title") or outline.get("text") or url
            specs.append(FeedSpec(url=url, name=name, outlet=outline.get("text") or _host(url),
                                  language=outline.get("language") or "en",
                                  full_text=_opml_full_text(outline.get(FULL_TEXT_ATTRIBUTE), where)))  # fmt: skip
    return specs


def _opml_full_text(value: str | None, where: str) -> bool:
    if value is None or value.lower() == "false":
        return False
    if value.lower() == "true":
        return True
    raise CatalogueError(f"{where}: {FULL_TEXT_ATTRIBUTE}: expected true or false, got {value!r}")


def _from_url_lines(text: str, source: str) -> list[FeedSpec]:
    specs = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if url and not url.startswith("#"):
            _check_url(url, f"{source}: line {number}")
            specs.append(FeedSpec(url=url, name=url, outlet=_host(url), language="en"))
    return specs


def feed_spec(url: str, *, outlet: str | None = None, name: str | None = None, language: str = "en",
              full_text: bool = False) -> FeedSpec:  # fmt: skip
    """One feed given by hand (`feeds add`): its URL checked as a catalogue's are, the outlet by default its host."""
    url = url.strip()
    _check_url(url, "URL")
    return FeedSpec(url=url, name=name or url, outlet=outlet or _host(url), language=language, full_text=full_text)


def _check_url(url: str, where: str) -> None:
    if any(character.isspace() for character in url) or CONTROL_CHARACTER.search(url) is not None:
        raise CatalogueError(f"{where}: expected an http(s) URL without spaces or control characters, got {url!r}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is what checks it
    except ValueError as error:
        raise CatalogueError(f"{where}: invalid URL {url!r}: {error}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CatalogueError(f"{where}: expected an http(s) URL, got {url!r}")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or url).removeprefix("www.")


def to_opml(specs: list[FeedSpec], title: str = "newsmon feeds") -> str:
    """OPML 2.0 of the feeds, one <outline type="rss"> each (what `load_catalogue` reads back)."""
    root = XmlElement("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = title
    body = SubElement(root, "body")
    for spec in specs:
        outline = SubElement(body, "outline", type="rss", text=_xml_text(spec.outlet), title=_xml_text(spec.name),
                             xmlUrl=_xml_text(spec.url), language=_xml_text(spec.language))  # fmt: skip
        if spec.full_text:
            outline.set(FULL_TEXT_ATTRIBUTE, "true")
    indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode") + "\n"


def _xml_text(value: str) -> str:
    """`value` with what XML cannot carry replaced by U+FFFD (feeds stored before names were checked)."""
    return NOT_XML.sub("\ufffd", value)
