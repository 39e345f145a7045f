"""Main text of invented, realistic pages: what must come out, and pages whose text is not the article."""

import pytest

from consumers.fulltext.extract import ExtractJob, decode_page, extract_main_text
from tests.consumers.fulltext.conftest import HTML, PAGES

CONVOY_TITLE = "Syria: convoy reaches Deir ez-Zor"
CONVOY_SUMMARY = "A convoy of twenty trucks reached Deir ez-Zor in eastern Syria, the Red Crescent said."
ARABIC_TITLE = "قافلة مساعدات تصل إلى دير الزور"
ARABIC_SUMMARY = "وصلت قافلة مساعدات إنسانية إلى مدينة دير الزور شرقي سوريا."
RUSSIAN_TITLE = "Конвой прибыл в Дейр-эз-Зор"
RUSSIAN_SUMMARY = "Гуманитарный конвой прибыл в Дейр-эз-Зор на востоке Сирии."


def extract(fixture: str, title: str, summary: str, content_type: str = HTML) -> tuple[str | None, str | None]:
    job = ExtractJob("https://agency.example/world/1", (PAGES / fixture).read_bytes(), content_type, summary,
                     title=title)  # fmt: skip
    extraction = extract_main_text(job)
    return extraction.text, extraction.error


def test_agency_page_gives_the_article_without_read_also_tags_or_most_read():
    summary = "The patrol covered 60 kilometers along the contact line, the reconciliation center said"
    text, error = extract("agency_article_read_also.html", "Russian military police patrol Manbij area", summary)
    assert error is None and text is not None
    assert "DAMASCUS, March 12. /TASS/." in text and "Khirbet al-Jamus" in text and "two helicopters" in text
    assert not [p for p in ("Read also", "Latakia province", "Putin holds", "Most read", "All rights") if p in text]


def test_kurdish_network_page_gives_the_article_without_related_stories_or_comments():
    text, error = extract("kurdish_network_article.html", "SDF and Damascus hold talks on Deir ez-Zor oil",
                          "SDF and Damascus officials met in Hasakah to discuss oil fields.")  # fmt: skip
    assert error is None and text is not None
    assert text.startswith("ERBIL, Kurdistan Region") and "80,000 barrels per day" in text
    assert not [p for p in ("READ MORE", "joint vision", "Qamishli", "Azad", "sanctions are lifted", "Write a comment",
                            "Facebook", "All rights") if p in text]  # fmt: skip


def test_live_blog_gives_every_post_and_no_comments():
    text, error = extract("live_blog.html", "Live: Aleppo ceasefire talks enter second day",
                          "Follow our live coverage of the talks.")  # fmt: skip
    assert error is None and text is not None
    posts = ["Astana", "bakeries", "Sheikh Maqsoud", "Turkish foreign ministry", "Good morning"]
    assert [post for post in posts if post in text] == posts
    assert not [p for p in ("reader42", "mark my words", "Football results", "Comments (3)") if p in text]


def test_arabic_page_in_windows_1256_declared_in_meta():
    text, error = extract("arabic_article_cp1256.html", ARABIC_TITLE, ARABIC_SUMMARY, content_type="text/html")
    assert error is None and text is not None
    assert "الهلال الأحمر" in text and "اقرأ أيضا" not in text and "جميع الحقوق" not in text


@pytest.mark.parametrize("content_type", ["text/html", "text/html; charset=utf-8"])
def test_arabic_page_in_windows_1256_without_or_with_a_wrong_charset_is_decoded(content_type):
    # No charset anywhere (or a wrong one in the header): the page was decoded as UTF-8 with replacement characters, and
    # the stored "page text" was a line of U+FFFD.
    text, error = extract("arabic_article_cp1256_undeclared.html", ARABIC_TITLE, ARABIC_SUMMARY, content_type)
    assert error is None and text is not None
    assert "\ufffd" not in text and "الهلال الأحمر" in text


def test_russian_page_in_koi8_r_without_a_charset_is_decoded():
    text, error = extract("russian_article_koi8r_undeclared.html", RUSSIAN_TITLE, RUSSIAN_SUMMARY, "text/html")
    assert error is None and text is not None
    assert "Сирийского арабского Красного Полумесяца" in text and "\ufffd" not in text


def test_undecodable_page_is_not_used():
    body = b"<html><body><article><p>" + bytes(range(0x80, 0x100)) * 8 + b"</p></article></body></html>"
    extraction = extract_main_text(ExtractJob("https://a.example/1", body, "text/html; charset=utf-8", "Syria.",
                                              title="Syria"))  # fmt: skip
    assert extraction.text is None or "\ufffd" not in extraction.text


def test_utf8_bom_wins_over_a_wrong_header_charset():
    body = "\ufeff<html><body><p>Дамаск</p></body></html>".encode()
    assert "Дамаск" in decode_page(body, "text/html; charset=windows-1251")


def test_cookie_wall_is_not_taken_for_the_article():
    # Only the consent dialog is on the page (the article loads after consent): its three paragraphs were stored as the
    # article's text, longer than the summary.
    text, error = extract("cookie_wall.html", CONVOY_TITLE, CONVOY_SUMMARY)
    assert text is None
    assert error is not None and "shares too few words with the title and summary" in error


def test_page_not_found_served_with_200_is_not_taken_for_the_article():
    text, error = extract("soft_404.html", CONVOY_TITLE, CONVOY_SUMMARY)
    assert text is None and error is not None


def test_paywall_prompt_after_a_teaser_is_not_taken_for_the_article():
    # The teaser and the subscription prompt together are longer than the summary: they were stored as the article.
    text, error = extract("paywall_prompt.html", "Envoy meets officials in Damascus",
                          "The UN envoy met officials in Damascus.")  # fmt: skip
    assert text is None
    assert error is not None and "paywall" in error


def test_page_in_another_script_than_the_summary_is_not_compared_word_for_word():
    text, error = extract("damascus_article_cp1251.html", "Russian ambassador meets Syria's foreign minister",
                          "The ambassador and the minister discussed Idlib.", content_type="text/html")  # fmt: skip
    assert error is None and text is not None and "Игорь Павленко" in text


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/html"])
def test_utf8_page_with_one_stray_byte_stays_utf8(content_type):
    # One invalid byte (a cut multibyte character) in a long Russian UTF-8 page is a flaw, not another charset: guessing
    # one from the bytes would turn the whole page into mojibake.
    paragraph = "Гуманитарный конвой прибыл в Дейр-эз-Зор на востоке Сирии, сообщил представитель Красного Полумесяца. "
    body = f"<html><body><article><p>{paragraph * 20}</p><p>".encode() + "Дамаск".encode()[:-1] + (
        f"</p><p>{paragraph * 5}</p></article></body></html>".encode())  # fmt: skip
    text = decode_page(body, content_type)
    assert "Гуманитарный конвой" in text and text.count("\ufffd") == 1


def test_news_sentences_about_access_and_membership_are_no_paywall_prompt():
    lines = ["The UN envoy demanded unlimited access to the camps near al-Hol for aid agencies in Syria.",
             "Syria is already a member of the Arab League again, the minister told reporters in Damascus.",
             "The session on Syria was open only to members of the council and closed to the press.",
             "Aid agencies said the convoy would keep reading the situation on the roads day by day."]  # fmt: skip
    body = ("<html><head><title>Envoy demands access to camps in Syria</title></head><body><article>"
            + "".join(f"<p>{line}</p>" for line in lines) + "</article></body></html>").encode()  # fmt: skip
    extraction = extract_main_text(ExtractJob("https://a.example/1", body, HTML, "The UN envoy demanded access.",
                                              title="Envoy demands access to camps in Syria"))  # fmt: skip
    assert extraction.error is None and extraction.text is not None


@pytest.mark.parametrize(("lead", "prompt"), [
    ("Гуманитарный конвой прибыл в Дейр-эз-Зор на востоке Сирии во вторник утром.",
     "Материал доступен только подписчикам. Оформите подписку, чтобы продолжить чтение."),
    ("وصلت قافلة مساعدات إنسانية إلى مدينة دير الزور شرقي سوريا صباح الثلاثاء.",
     "هذا المحتوى للمشتركين فقط، اشترك الآن لمتابعة القراءة."),
    ("A convoy of twenty trucks reached Deir ez-Zor in eastern Syria on Tuesday morning.",
     "Subscribe now to continue reading. Already a subscriber? Sign in."),
])  # fmt: skip
def test_paywall_prompts_in_russian_arabic_and_english_are_recognised(lead, prompt):
    body = f"<html><body><article><h1>{lead[:30]}</h1><p>{lead}</p><p>{prompt}</p></article></body></html>".encode()
    extraction = extract_main_text(ExtractJob("https://a.example/1", body, HTML, lead[:40], title=lead[:30]))
    assert extraction.text is None
    assert extraction.error is not None and "paywall" in extraction.error


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/html"])
def test_utf8_page_with_one_windows_1252_byte_keeps_its_typographic_quotes(content_type):
    # A non-breaking space pasted from windows-1252 (0xA0) into a UTF-8 page: the detected charset (Mac Roman) turned
    # every curly quote and dash of the page into mojibake ('‚Äô' for '’').
    paragraph = "The minister’s aides said the convoy — twenty trucks — reached Deir ez-Zor on Tuesday. "
    body = f"<html><body><p>{paragraph * 5}</p><p>".encode() + b"Aid\xa0agencies" + b"</p></body></html>"
    text = decode_page(body, content_type)
    assert "minister’s aides said the convoy — twenty" in text and text.count("\ufffd") == 1


def test_page_with_more_elements_than_any_article_is_refused_before_parsing():
    # trafilatura's time grows faster than the page: a 2 MB page of links took 6 s of CPU, a 10 MB one (under
    # poll.max_body_bytes) over 4 minutes, so one such page held a batch past kafka.max_poll_interval_ms.
    links = "".join(f"<a href='/archive/{n}'>Syria archive {n}</a> " for n in range(60_000))
    body = f"<html><body><article><h1>Syria archive</h1><p>{CONVOY_SUMMARY}</p>{links}</article></body></html>".encode()
    extraction = extract_main_text(ExtractJob("https://a.example/1", body, HTML, CONVOY_SUMMARY, title=CONVOY_TITLE))
    assert extraction.text is None
    assert extraction.error is not None and "elements" in extraction.error, extraction.error
