"""The bundled demo feeds and the test fixture feeds are what their names say."""

from pathlib import Path

import feedparser
import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "newsmon" / "demo_feeds"
FIXTURES = ROOT / "tests" / "fixtures" / "feeds"

GOOD = [DEMO / name for name in ("tass.xml", "rudaw.xml", "polygraph.xml", "wire.atom")] + [
    FIXTURES / name for name in ("rss2_basic.xml", "atom_basic.xml", "pangea_basic.xml", "no_dates.xml")
]


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_feeds_parse_cleanly(path: Path) -> None:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version in ("rss20", "atom10")
    assert len(parsed.entries) > 0
    assert all(entry.get("title") and entry.get("link") for entry in parsed.entries)


def test_demo_feeds_share_items_across_feeds() -> None:
    links = [
        entry.link.split("?")[0].split("#")[0]
        for name in ("tass.xml", "rudaw.xml", "polygraph.xml", "wire.atom")
        for entry in feedparser.parse((DEMO / name).read_bytes()).entries
    ]
    assert len(links) - len(set(links)) >= 3


def test_no_dates_items_have_no_dates() -> None:
    parsed = feedparser.parse((FIXTURES / "no_dates.xml").read_bytes())
    assert all(entry.get("published_parsed") is None for entry in parsed.entries)


def test_itemless_is_valid_with_no_items() -> None:
    parsed = feedparser.parse((FIXTURES / "itemless.xml").read_bytes())
    assert not parsed.bozo and parsed.version == "rss20" and parsed.entries == []


def test_empty_is_empty() -> None:
    data = (FIXTURES / "empty.xml").read_bytes()
    assert data == b""
    assert feedparser.parse(data).entries == []


def test_truncated_is_not_well_formed() -> None:
    data = (FIXTURES / "malformed_truncated.xml").read_bytes()
    assert not data.rstrip().endswith(b"</rss>")
    assert feedparser.parse(data).bozo


def test_html_is_not_a_feed() -> None:
    parsed = feedparser.parse((FIXTURES / "html_not_feed.html").read_bytes())
    assert not parsed.get("version") and parsed.entries == []


@pytest.mark.parametrize(
    ("name", "real_encoding", "sample"),
    [("wrong_charset_cp1251.xml", "cp1251", "Идлиб"), ("missing_charset_latin1.xml", "latin-1", "préoccupante")],
)
def test_wrong_charset_bytes(name: str, real_encoding: str, sample: str) -> None:
    data = (FIXTURES / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert sample in data.decode(real_encoding)
    assert feedparser.parse(data).bozo


def test_entity_expansion_is_not_expanded() -> None:
    data = (FIXTURES / "entity_expansion.xml").read_bytes()
    assert b"<!ENTITY lol9" in data
    parsed = feedparser.parse(data)
    assert parsed.bozo
    assert all(len(entry.get("summary", "")) < 1000 for entry in parsed.entries)
