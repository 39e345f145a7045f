"""Russian reports' places and powers as English reports name them (consumers/dedupe/story.py, gazetteer.py): country
adjectives in lower case, gazetteer names opening a sentence, and abbreviations of common nouns, on invented
sentences."""

from consumers.dedupe.story import story_features
from consumers.dedupe.text import clean


def features_of(title: str, body: str) -> set[str]:
    return set(story_features(clean(title), clean(body)))


def test_a_russian_country_adjective_in_lower_case_is_the_key_english_capitalises() -> None:
    russian = features_of("Удар по складу", "Накануне вечером израильские самолеты нанесли удар по складу у Кисвы, "
                          "а турецкой армии и иранских советников там не было.")
    english = features_of("Strike on depot", "Last night Israeli jets struck a depot near Kisweh; no Turkish troops or "
                          "Iranian advisers were there.")
    assert {"israel", "turkey", "iran", "kisweh"} <= russian & english
    assert not {"izrailskie", "turetskoy", "iranskih"} & russian


def test_a_gazetteer_name_opening_a_russian_sentence_still_counts() -> None:
    russian = features_of("Переговоры", "Делегация провела встречу. Таджикистан принял 12 человек. Дамаск не ответил.")
    assert {"tajikistan", "damascus"} <= russian


def test_an_english_sentence_opening_keeps_its_features_as_before() -> None:
    english = features_of("Talks", "The delegation met. Tajikistan took in 12 people. Officials in Dushanbe agreed.")
    assert "tajikistan" not in english
    assert "dushanbe" in english


def test_russian_abbreviations_of_common_nouns_are_no_names() -> None:
    russian = features_of("Удар", "По данным СМИ, ВВС нанесли удар, а ПВО сбила ракеты у Тартуса; корабли ВМФ ушли.")
    assert {"tartus"} <= russian
    assert not {"vvs", "pvo", "vmf", "smi"} & russian


def test_the_russian_adjective_of_homs_is_homs_but_the_surname_chomsky_is_not() -> None:
    russian = features_of("Обстрел", "Во вторник боевики обстреляли посёлок в хомской провинции, пострадали "
                          "4 человека.")
    english = features_of("Shelling", "On Tuesday militants shelled a village in Homs province, wounding 4 people.")
    assert {"homs", "4", "tuesday"} <= russian & english
    # "Хомский" written with a capital inside a sentence is the surname (Noam Chomsky), as before.
    lecture = features_of("Лекция", "В Женеве выступил лингвист Ноам Хомский.")
    assert "homs" not in lecture and "homskiy" in lecture
