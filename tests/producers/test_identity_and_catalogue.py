"""Pure producer steps: canonical URLs, relevance, catalogue formats."""

import pytest

from producers.catalogue import CatalogueError, default_catalogue, load_catalogue, read_catalogue
from producers.identity import canonical_url, item_id
from producers.relevance import RelevanceFilter


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Tass.com/world/1?utm_source=rss&utm_medium=x", "https://tass.com/world/1"),
        ("https://www.rudaw.net/english/a#comments", "https://www.rudaw.net/english/a"),
        ("https://example.org/news/story/amp", "https://example.org/news/story"),
        ("https://amp.example.org/a?id=3&fbclid=zz", "https://example.org/a?id=3"),
        ("http://example.org:80/a?b=2&a=1", "http://example.org/a?a=1&b=2"),
        # Links already canonical as written come back unchanged (but for the root path)
        (" https://www.example.org/world/13000041\n", "https://www.example.org/world/13000041"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/news/story.amp", "https://example.org/news/story"),
    ],
)
def test_canonical_url_drops_tracking_fragments_and_amp(url, expected):
    assert canonical_url(url) == expected


def test_item_id_is_stable_across_tracking_variants_and_falls_back_to_guid():
    assert item_id("https://x.org/a?utm_source=rss", "f", None) == item_id("https://x.org/a#top", "g", "z")
    assert item_id(None, "https://feed", "guid-1") != item_id(None, "https://feed", "guid-2")


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Shelling reported near Idlib", True),
        ("Военные сообщили об обстреле в Сирии", True),
        ("قصف على ريف إدلب", True),
        ("Hêzên li Qamişlo", True),
        ("Football: Zenit beat CSKA 3-1", False),
        ("Bahamas tourism grows", False),
    ],
)
def test_relevance_filter_knows_syria_in_four_languages(text, relevant):
    assert RelevanceFilter().matches(text) is relevant


def test_default_catalogue_includes_the_three_named_outlets():
    urls = {spec.url for spec in default_catalogue()}
    assert {"https://tass.com/rss/v2.xml", "https://www.rudaw.net/english/rss",
            "https://www.polygraph.info/api/zptqoeurpot"} <= urls  # fmt: skip


def test_catalogue_reads_url_lists_and_opml(tmp_path):
    (tmp_path / "urls.txt").write_text("# comment\nhttps://a.example/rss\n\nhttp://b.example/feed\n")
    assert [s.url for s in load_catalogue(tmp_path / "urls.txt")] == ["https://a.example/rss", "http://b.example/feed"]
    (tmp_path / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline text="TASS" type="rss" xmlUrl="https://tass.com/rss/v2.xml"/></outline></body></opml>'
    )
    [only] = load_catalogue(tmp_path / "feeds.opml")
    assert (only.url, only.outlet) == ("https://tass.com/rss/v2.xml", "TASS")


def test_catalogue_errors_name_the_line(tmp_path):
    (tmp_path / "urls.txt").write_text("https://ok.example/rss\nftp://nope\n")
    with pytest.raises(CatalogueError, match="line 2"):
        load_catalogue(tmp_path / "urls.txt")


def test_opml_export_of_another_reader_is_read_whole(tmp_path):
    # Folders nested in folders, a feed filed in two of them, folder and website outlines with no xmlUrl (or an empty
    # one), and an xmlUrl padded with whitespace (attribute values are not trimmed by XML): every feed once, none lost.
    (tmp_path / "reader.opml").write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>Export</title></head><body>'
        '<outline text="Levant"><outline text="Wires">'
        '<outline text="Wire A" type="rss" xmlUrl="https://a.example/rss"/>'
        '<outline text="Site only" type="link" htmlUrl="https://c.example/"/></outline>'
        '<outline text="Wire B" type="rss" xmlUrl="\n   https://b.example/feed.xml  "/>'
        '<outline text="Broken" type="rss" xmlUrl=""/></outline>'
        '<outline text="Favourites"><outline text="Wire A" type="rss" xmlUrl="https://a.example/rss"/></outline>'
        "</body></opml>"
    )
    specs, repeated = read_catalogue(tmp_path / "reader.opml")
    assert [(s.url, s.outlet) for s in specs] == [("https://a.example/rss", "Wire A"),
                                                  ("https://b.example/feed.xml", "Wire B")]  # fmt: skip
    assert repeated == ["https://a.example/rss"]
