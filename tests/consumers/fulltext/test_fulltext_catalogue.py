"""The per-feed full_text flag: catalogue files, OPML round trip, the store, and where items are routed."""

from pathlib import Path

import pytest
from sqlalchemy import select

from newsmon.store import feeds
from newsmon.store.feeds import FeedSpec
from newsmon.store.models import Feed
from producers.catalogue import CatalogueError, default_catalogue, load_catalogue, to_opml


def test_toml_full_text_flag_is_read_and_defaults_to_false(tmp_path: Path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nurl = "https://a.example/rss"\nfull_text = true\n'
                    '[[feeds]]\nurl = "https://b.example/rss"\n')  # fmt: skip
    assert [spec.full_text for spec in load_catalogue(path)] == [True, False]


def test_toml_full_text_that_is_not_a_boolean_is_an_error_naming_the_feed(tmp_path: Path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nurl = "https://a.example/rss"\nfull_text = "yes"\n')
    with pytest.raises(CatalogueError, match=r"feed #1: full_text: expected true or false, got 'yes'"):
        load_catalogue(path)


def test_opml_export_and_import_keep_the_flag(tmp_path: Path):
    specs = [
        FeedSpec("https://a.example/rss", "A", "A", "en", full_text=True),
        FeedSpec("https://b.example/rss", "B", "B", "ar"),
    ]
    path = tmp_path / "feeds.opml"
    path.write_text(to_opml(specs))
    assert load_catalogue(path) == specs


def test_default_catalogue_fetches_tass_pages():
    flagged = {spec.name for spec in default_catalogue() if spec.full_text}
    assert {"TASS (English)", "TASS (Russian)"} <= flagged
    assert "Polygraph.info" not in flagged  # its feed carries the whole article


async def test_registering_again_follows_the_catalogue_flag_and_keeps_the_feed_state(store):
    url = "https://a.example/rss"
    async with store.sessions.begin() as session:
        await feeds.register(session, [FeedSpec(url, "A", "A", "en"), FeedSpec(url, "A", "A", "en")])
    async with store.sessions.begin() as session:
        row = await session.scalar(select(Feed).where(Feed.url == url))
        assert row is not None and row.full_text is False
        row.items_seen = 7
    async with store.sessions.begin() as session:
        await feeds.register(session, [FeedSpec(url, "A", "A", "en", full_text=True)])
    async with store.sessions() as session:
        row = await session.scalar(select(Feed).where(Feed.url == url))
    assert row is not None and (row.full_text, row.items_seen) == (True, 7)
