"""Careless or hostile feed files: every bad one is refused with one line naming the file and what is wrong."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.store.feeds import FeedSpec
from producers.catalogue import CatalogueError, load_catalogue, to_opml


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{cwd / 'store.db'}"}
    return subprocess.run([sys.executable, "-m", "newsmon", *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=cwd)  # fmt: skip


# A name for each case: the file's name, its bytes, and what the error line must say.
BAD_FEED_FILES = {
    "toml-feeds-string": ("feeds.toml", b'# [[feeds]]\nfeeds = "https://a.example/rss"\n', "expected [[feeds]] tables"),
    "toml-feeds-table": ("feeds.toml", b'[feeds]\nurl = "https://a.example/rss"\n', "expected [[feeds]] tables"),
    "toml-wrong-type": (
        "feeds.toml",
        b'[[feeds]]\nurl = "https://a.example/rss"\nlanguage = 7\n',
        "language: expected a string",
    ),
    "toml-unknown-key": (
        "feeds.toml",
        b'[[feeds]]\nurl = "https://a.example/rss"\nful_text = true\n',
        "unknown key 'ful_text'",
    ),
    "toml-empty": ("feeds.toml", b"# nothing here yet\n", "no feeds"),
    "urls-0-bytes": ("feeds.txt", b"", "no feeds"),
    "urls-only-comments": ("feeds.txt", b"# https://a.example/rss\n\n", "no feeds"),
    "urls-latin1": ("feeds.txt", b"https://a.example/r\xe9ss\n", "not UTF-8"),
    "urls-space": ("feeds.txt", b"https://a.example/rss extra words\n", "line 1"),
    "urls-bad-port": ("feeds.txt", b"https://a.example:99999/rss\n", "line 1"),
    "urls-bad-ipv6": ("feeds.txt", b"https://[::1/rss\n", "line 1"),
    "opml-no-outlines": ("feeds.opml", b'<?xml version="1.0"?><opml version="2.0"><head/><body/></opml>', "no feeds"),
    "opml-html": ("feeds.opml", b"<html><body><p>hello</p></body></html>", "not OPML"),
    "opml-entities": (
        "feeds.opml",
        b'<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY a "b">]>\n'
        b'<opml><body><outline xmlUrl="https://a.example/&a;"/></body></opml>',
        "invalid OPML",
    ),
    "opml-fulltext-yes": (
        "feeds.opml",
        b'<opml><body><outline xmlUrl="https://a.example/rss" fullText="yes"/></body></opml>',
        "fullText: expected true or false",
    ),
    "opml-javascript": (
        "feeds.opml",
        b'<opml><body><outline text="x" xmlUrl="javascript:alert(1)"/></body></opml>',
        "http(s) URL",
    ),
    "toml-control-character": (
        "feeds.toml",
        b'[[feeds]]\nurl = "https://a.example/rss"\nname = "Agency\\u0001"\n',
        "control character",
    ),
}


@pytest.mark.parametrize(("name", "content", "message"), list(BAD_FEED_FILES.values()), ids=list(BAD_FEED_FILES))
def test_bad_feed_file_is_refused_naming_it(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(path)
    assert str(path) in str(raised.value) and message in str(raised.value)


def test_duplicate_urls_are_kept_once_first_wins(tmp_path):
    path = tmp_path / "feeds.opml"
    path.write_text('<opml><body><outline text="First" xmlUrl="https://a.example/rss"/>'
                    '<outline text="Second" xmlUrl="https://a.example/rss"/>'
                    '<outline text="Other" xmlUrl="https://b.example/rss"/></body></opml>')  # fmt: skip
    assert [(s.outlet, s.url) for s in load_catalogue(path)] == [
        ("First", "https://a.example/rss"), ("Other", "https://b.example/rss")]  # fmt: skip


def test_feeds_import_says_how_many_duplicates_it_skipped(tmp_path):
    path = tmp_path / "feeds.opml"
    path.write_text('<opml><body><outline text="a" xmlUrl="https://a.example/rss"/>'
                    '<outline text="b" xmlUrl="https://a.example/rss"/></body></opml>')  # fmt: skip
    result = run_cli("feeds", "import", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported 1 feeds (1 new)"
    assert "https://a.example/rss" in result.stderr and "more than once" in result.stderr


@pytest.mark.parametrize("command", [["feeds", "import"], ["poll-once", "--feeds"], ["feeds", "list", "--feeds"]])
def test_feed_commands_refuse_an_empty_file_with_one_line_and_exit_2(tmp_path, command):
    (tmp_path / "empty.opml").write_text('<?xml version="1.0"?><opml version="2.0"><body/></opml>')
    result = run_cli(*command, str(tmp_path / "empty.opml"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "empty.opml: no feeds" in result.stderr


def test_export_of_names_with_control_characters_reads_back(tmp_path):
    """Feeds stored before names were checked may hold characters XML 1.0 cannot carry; the export must stay OPML."""
    spec = FeedSpec(url="https://a.example/rss", name="Agency\x01 wire", outlet="Agency\x0b", language="en")
    (tmp_path / "feeds.opml").write_text(to_opml([spec]), encoding="utf-8")
    [read] = load_catalogue(tmp_path / "feeds.opml")
    assert (read.url, read.name, read.outlet) == ("https://a.example/rss", "Agency\ufffd wire", "Agency\ufffd")


def test_a_missing_feeds_file_from_the_config_says_so(tmp_path):
    env = {**os.environ, "NEWSMON_FEEDS_FILE": str(tmp_path / "nope.txt")}
    result = subprocess.run([sys.executable, "-m", "newsmon", "feeds", "list"], capture_output=True, text=True,
                            timeout=120, env=env, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2
    assert "nope.txt" in result.stderr and "NEWSMON_FEEDS_FILE" in result.stderr
