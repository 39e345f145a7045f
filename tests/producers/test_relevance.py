"""Relevance to Syria: the built-in terms in four languages, the words that only start like them, and the term
syntax a config file uses (a stem, or a "quoted" word)."""

import pytest

from producers.relevance import RelevanceFilter


@pytest.mark.parametrize(
    "text",
    [
        "Shelling reported near Idlib", "Syrian refugees return from Lebanon", "Hama's governor was replaced",
        "Clashes in Hama overnight", "SANA reported the visit", "SANA’s correspondent in Deir al-Zour",
        "SDF-led forces took the dam", "Israeli strikes in the Golan Heights", "The Assad family's assets",
        "Военные сообщили об обстреле в Сирии", "Сирийская армия вошла в Хаму", "в Хаме прошли похороны",
        "войска Асада отступили", "Дамаск отверг обвинения", "قصف على ريف إدلب", "Hêzên li Qamişlo",
        "Şam'da bir toplantı yapıldı", "Suriyeli mülteciler sınırda", "Efrînê de êrîş", "li Sûriyê şer dewam dike",
    ],
)  # fmt: skip
def test_syria_is_found_in_every_language_and_inflection(text: str) -> None:
    assert RelevanceFilter().matches(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hamas leaders met mediators in Cairo", "ХАМАС заявил о перемирии", "Houthis fired missiles from Sanaa",
        "Golani Brigade troops entered the camp", "Путин посетил образовательный центр «Сириус»",
        "Стихи Эдуарда Асадова переиздали", "Türkiye şampiyonu belli oldu", "Bahamas tourism grows",
        "Football: Zenit beat CSKA 3-1",
    ],
)  # fmt: skip
def test_words_that_only_start_like_a_syrian_name_are_not_about_syria(text: str) -> None:
    assert not RelevanceFilter().matches(text)


def test_a_configured_term_is_a_stem_unless_quoted_as_a_word() -> None:
    stem = RelevanceFilter(["kurd"])
    assert stem.matches("Kurdish forces") and stem.matches("the Kurds") and not stem.matches("bekurd")
    word = RelevanceFilter(['"kurd"'])
    assert word.matches("a Kurd from Afrin") and word.matches("the Kurd's home") and not word.matches("Kurdish forces")
    assert RelevanceFilter(['"газа"']).matches("СЕКТОР ГАЗА") and not RelevanceFilter(['"газа"']).matches("газами")
    assert RelevanceFilter(['"الجولان"']).matches("في الجولان المحتل")  # Arabic script: anywhere, quoted or not
    assert not RelevanceFilter(['""', "  "]).matches("anything")  # empty terms match nothing
