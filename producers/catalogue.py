"""Feed catalogues: newsmon TOML, OPML, or a plain file of URLs."""

import tomllib
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element as XmlElement
from xml.etree.ElementTree import ParseError, SubElement, indent, tostring

from defusedxml import ElementTree

from newsmon.store.feeds import FeedSpec

FULL_TEXT_ATTRIBUTE = "fullText"  # our own OPML outline attribute: "true" for feeds that carry only summaries


class CatalogueError(Exception):
    """A feed catalogue file is unreadable or has an invalid entry (the message names which)."""


def default_catalogue() -> list[FeedSpec]:
    text = resources.files("newsmon").joinpath("catalogue/default_feeds.toml").read_text(encoding="utf-8")
    return _from_toml(text, "default catalogue")


def load_catalogue(path: Path | None) -> list[FeedSpec]:
    """Read a TOML catalogue, an OPML file or a file of URLs (one a line); None means the default."""
    if path is None:
        return default_catalogue()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise CatalogueError(f"feeds file {path}: {error.strerror or error}") from error
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return _from_opml(text, str(path))
    if "[[feeds]]" in text:
        return _from_toml(text, str(path))
    return _from_url_lines(text, str(path))


def _from_toml(text: str, source: str) -> list[FeedSpec]:
    try:
        entries = tomllib.loads(text).get("feeds", [])
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{source}: invalid TOML: {error}") from error
    specs = []
    for number, entry in enumerate(entries, start=1):
        url = str(entry.get("url", ""))
        _check_url(url, f"{source}: feed #{number}")
        full_text = entry.get("full_text", False)
        if not isinstance(full_text, bool):
            raise CatalogueError(f"{source}: feed #{number}: full_text: expected true or false, got {full_text!r}")
        specs.append(FeedSpec(url=url, name=str(entry.get("name") or url),
                              outlet=str(entry.get("outlet") or _host(url)),
                              language=str(entry.get("language") or "en"), full_text=full_text))  # fmt: skip
    return specs


def _from_opml(text: str, source: str) -> list[FeedSpec]:
    try:
        root = ElementTree.fromstring(text)
    except ParseError as error:
        raise CatalogueError(f"{source}: invalid OPML: {error}") from error
    specs = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl")
        if url:
            _check_url(url, f"{source}: outline {outline.get('text') or url!r}")
            name = outline.get("title") or outline.get("text") or url
            specs.append(FeedSpec(url=url, name=name, outlet=outline.get("text") or _host(url),
                                  language=outline.get("language") or "en",
                                  full_text=outline.get(FULL_TEXT_ATTRIBUTE, "").lower() == "true"))  # fmt: skip
    return specs


def _from_url_lines(text: str, source: str) -> list[FeedSpec]:
    specs = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if url and not url.startswith("#"):
            _check_url(url, f"{source}: line {number}")
            specs.append(FeedSpec(url=url, name=url, outlet=_host(url), language="en"))
    return specs


def _check_url(url: str, where: str) -> None:
    parts = urlsplit(url)
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
        outline = SubElement(body, "outline", type="rss", text=spec.outlet, title=spec.name, xmlUrl=spec.url,
                             language=spec.language)  # fmt: skip
        if spec.full_text:
            outline.set(FULL_TEXT_ATTRIBUTE, "true")
    indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode") + "\n"
