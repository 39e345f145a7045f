"""Main-text extraction from article pages (pure: fixture pages in, text or a reason out)."""

import gzip

from consumers.fulltext.extract import ExtractJob, decode_page, extract_main_text
from tests.consumers.fulltext.conftest import HTML, PAGES

SUMMARY = "Militants shelled Syrian army positions near Saraqib, the reconciliation centre said."
BOILERPLATE = ("cookies", "Most read", "Read also", "Bolshoi", "All rights reserved", "Subscribe to our newsletter",
               "Search the archive", "Privacy policy", "Telegram", "Home / World")  # fmt: skip


def job(fixture: str, content_type: str = HTML, summary: str = SUMMARY) -> ExtractJob:
    return ExtractJob("https://agency.example/world/1", (PAGES / fixture).read_bytes(), content_type, summary)


def test_article_page_gives_every_paragraph_and_no_boilerplate():
    extraction = extract_main_text(job("idlib_article.html"))
    assert extraction.error is None and extraction.text is not None
    paragraphs = extraction.text.split("\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("MOSCOW, November 2.")
    assert "village of Nayrab" in paragraphs[4]
    assert paragraphs[5].endswith("reported almost daily.")
    assert not [phrase for phrase in BOILERPLATE if phrase in extraction.text]


def test_charset_declared_only_in_meta_is_honoured():
    extraction = extract_main_text(job("damascus_article_cp1251.html", content_type="text/html"))
    assert extraction.text is not None
    assert "Посол России в Сирии Игорь Павленко" in extraction.text
    assert "Все права защищены" not in extraction.text


def test_header_charset_wins_over_meta():
    body = '<html><head><meta charset="windows-1251"></head><body><p>Дамаск</p></body></html>'.encode()
    assert decode_page(body, "text/html; charset=utf-8") == body.decode("utf-8")


def test_unknown_charset_label_falls_back_to_utf8():
    body = "<html><head><meta charset='x-no-such-charset'></head><body><p>Алеппо</p></body></html>".encode()
    assert "Алеппо" in decode_page(body, "text/html; charset=nonsense")


def test_non_html_page_gives_a_reason_and_no_text():
    extraction = extract_main_text(ExtractJob("https://a.example/r.pdf", b"%PDF-1.7\n...", "application/pdf", SUMMARY))
    assert (extraction.text, extraction.error) == (None, "not an HTML page: application/pdf")


def test_untyped_body_is_sniffed():
    body = (PAGES / "idlib_article.html").read_bytes()
    assert extract_main_text(ExtractJob("https://a.example/1", body, "", SUMMARY)).text is not None
    refused = extract_main_text(ExtractJob("https://a.example/1", b'{"json": true}', "", SUMMARY))
    assert refused.error == "not an HTML page: no Content-Type"


def test_page_without_main_text_gives_a_reason():
    extraction = extract_main_text(job("no_article.html"))
    assert (extraction.text, extraction.error) == (None, "no main text found on the page")


def test_teaser_shorter_than_the_summary_is_not_used():
    summary = (
        "The UN envoy arrived in Damascus on Wednesday for talks with the foreign minister on the "
        "constitutional committee, prisoner releases and humanitarian access to the north-west of Syria."
    )
    extraction = extract_main_text(job("paywall_teaser.html", summary=summary))
    assert extraction.text is None
    assert extraction.error is not None and "shorter than the feed summary" in extraction.error


def test_gzip_bytes_served_as_html_are_not_inflated():
    # trafilatura inflates compressed bytes it is given; a page must reach it as text, so a bomb stays a bomb.
    bomb = gzip.compress(b"<html><body>" + b"<p>Syria</p>" * 200_000 + b"</body></html>")
    extraction = extract_main_text(ExtractJob("https://a.example/1", bomb, HTML, SUMMARY))
    assert extraction.text is None or len(extraction.text) < len(bomb)


def test_garbage_bytes_give_a_reason_not_an_exception():
    extraction = extract_main_text(ExtractJob("https://a.example/1", b"\x00\xff" * 5000, HTML, SUMMARY))
    assert extraction.text is None and extraction.error


def test_page_text_longer_than_the_limit_is_not_used():
    body = (PAGES / "idlib_article.html").read_bytes()
    extraction = extract_main_text(ExtractJob("https://a.example/1", body, HTML, SUMMARY, max_chars=1_000))
    assert extraction.text is None
    assert extraction.error is not None and extraction.error.endswith("is longer than 1000 chars")
    assert extract_main_text(ExtractJob("https://a.example/1", body, HTML, SUMMARY, max_chars=2_000)).text
