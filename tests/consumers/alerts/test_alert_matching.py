"""Keywords, speakers and outlets match as a reader would: across accents, case, Arabic letter forms and clitics,
Russian case endings, and the many dashes of 'Deir ez-Zor'."""

import pytest

from tests.consumers.alerts.test_alert_rules import article, claim, raised


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("Erdogan", "President Erdoğan spoke in Ankara"),  # a Turkish outlet's spelling
        ("Erdoğan", "President Erdogan spoke in Ankara"),  # the rule's accent, the text without
        ("Hama", "Shelling near Ḥama"),  # transliteration marks
        ("Kobani", "KOBANÎ countryside"),
        ("ёлка", "Новогодняя елка"),  # ё written as е, as Russian usually is
        ("Deir ez-Zor", "Deir ez\u2011Zor"),  # a non-breaking hyphen
        ("Deir ez-Zor", "Deir ez Zor countryside"),  # spaced instead of hyphenated
        ("al-Assad", "al\u2013Assad"),  # an en dash
        ("straße", "STRASSE"),
        ("Dar'a", "Darʿa province"),  # an ayn mark for the apostrophe
        ("الأسد", "قال الاسد إن"),  # hamza on the alef left out
        ("الاسد", "قال بشار الأسد"),
        ("الأسد", "والأسد قال"),  # 'and' written onto the word
        ("حلب", "قصف بحلب"),  # 'in' written onto the word
        ("مدينة", "في مدينه"),  # ta marbuta written as ha
        ("Лавров", "по словам Лаврова"),  # genitive
        ("Сергей Лавров", "встреча с Сергеем Лавровым"),  # instrumental, both words
    ],
)
def test_a_keyword_matches_its_usual_spellings(keyword, text):
    assert raised({"name": "k", "keywords": [keyword]}, article("Invented Wire", "t", text)) == [("article", [keyword])]


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("Hama", "Hamas said"),  # still whole words
        ("Assad", "Assadullah"),
        ("Лавров", "Лавровский переулок"),  # a longer word, not an ending
        ("حلب", "حلبة السباق"),  # a racetrack: letters after the word
        ("sarin", "Sarinda"),
    ],
)
def test_a_keyword_still_matches_whole_words_only(keyword, text):
    assert raised({"name": "k", "keywords": [keyword]}, article("Invented Wire", "t", text)) == []


def test_speakers_and_outlets_match_across_accents():
    rule = {"name": "erdogan", "speakers": ["erdoğan"], "outlets": ["enab baladi"]}
    said = claim("Enab Baladı", "Recep Tayyip Erdogan", "Turkish Presidency", "the border stays open")
    assert raised(rule, said) == [("claim", [])]


@pytest.mark.parametrize("keyword", ["\u0640", "\u0301", "\u0640\u0640 \u064b"])  # tatweel, a lone accent, harakat
def test_a_keyword_of_marks_only_matches_nothing_rather_than_everything(keyword):
    text = "Any text at all. Another sentence - with a dash."
    assert raised({"name": "k", "keywords": [keyword]}, article("Invented Wire", "t", text)) == []
