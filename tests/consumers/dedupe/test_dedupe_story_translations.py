"""A translation of a report (the same outlet's Arabic or Sorani edition) keeps only what any language can say:
places, actors, numbers and days. These must be the English edition's: Sorani numbers in words, the spellings
Kurdish outlets give towns in Arabic and Sorani letters, and well-known towns, quarters and crossings."""

from consumers.dedupe.files import cluster_paths
from consumers.dedupe.story import story_features
from consumers.dedupe.text import clean


def features(title: str, body: str) -> set[str]:
    return set(story_features(clean(title), clean(body)))


def test_sorani_numbers_in_words_are_digits() -> None:
    lead = features("ڕووداوی هاتوچۆ", "دوو کەس کوژران و سێ کەس بریندار بوون، دوازدە ماڵ وێران بوو و بیست و پێنج "
                                     "خێزان ئاوارە بوون، سەد و پەنجا کەس ڕزگار کران")
    assert {"2", "3", "12", "25", "150"} <= lead


def test_kurmanji_numbers_in_words_are_the_english_reports_digits() -> None:
    kurmanji = features("Êrîşa dronê", "Du kes hatin kuştin û sê kes birîndar bûn dema ku dronek li nêzî Qamişloyê "
                                       "êrîşî wesayîtekê kir, heft malbat jî bê mal man.")
    english = features("Drone strike", "Two people were killed and three wounded when a drone hit a car near "
                                       "Qamishli, and seven families were left homeless.")
    assert {"2", "3", "7", "qamishli"} <= kurmanji & english


def test_kurmanji_number_words_in_an_english_text_stay_words() -> None:
    # "du", "heft", "deh" are English or French words too: read as numbers only in a text with Kurmanji letters.
    assert not {"2", "7", "10"} & features("Talks", "The Du Plessis heft of the deh report was noted in Geneva.")


def test_kurdish_spellings_of_qamishli_in_arabic_and_sorani_letters_are_qamishli() -> None:
    assert "qamishli" in features("احتجاج في قامشلو", "تظاهر العشرات في مدينة قامشلو مساء الأحد")
    assert "qamishli" in features("خۆپیشاندان لە قامشلۆ", "دەیان کەس لە شاری قامشلۆ خۆپیشاندانیان کرد")


def test_well_known_towns_quarters_and_crossings_are_the_english_reports_features_in_every_language() -> None:
    english = features("Crossing reopens", "The Semalka crossing reopened, Sheikh Maqsoud residents returned and Tal "
                                           "Tamr schools opened, officials in Ain Issa said.")
    arabic = features("اعادة فتح المعبر", "اعيد فتح معبر سيمالكا وعاد سكان الشيخ مقصود وفتحت مدارس تل تمر بحسب "
                                          "مسؤولين في عين عيسى")
    sorani = features("دەروازە کرایەوە", "دەروازەی سێمالکا کرایەوە و دانیشتووانی شێخ مەقسوود گەڕانەوە بە گوتەی "
                                         "بەرپرسانی عەین عیسا")
    # A name of several words stays the words English reports share ("sheikh", "maqsoud"), so their pairs keep their
    # counts of shared features.
    assert {"semalka", "sheikh", "maqsoud", "tal", "tamr", "ain", "issa"} <= english & arabic
    assert {"semalka", "sheikh", "maqsoud", "ain", "issa"} <= sorani


def test_a_sorani_translation_joins_its_english_report_and_not_a_same_town_event_of_another_day(tmp_path) -> None:
    english = ("Two killed as drone hits car near Qamishli",
               "A drone struck a car near Amuda, west of Qamishli, on Monday, killing two members of the Asayish and "
               "wounding three civilians, local officials said. Farhad Omar, a spokesman for the Asayish in "
               "Qamishli, told reporters that twelve homes nearby were damaged. Residents of Amuda said they heard "
               "the drone for an hour before the strike. The Jazira region's health authority said the wounded were "
               "taken to the national hospital in Qamishli.")
    # The same town's power-cut protest on another day: its Sorani report shares the town and the security force.
    other = ("Power cut protest in Qamishli",
             "Hundreds of residents of Qamishli protested power cuts on Thursday outside the electricity directorate, "
             "as Asayish members stood by. Protesters said the power had been off for nine hours a day for a week. "
             "Officials of the Jazira region promised repairs within forty days.")
    sorani = ("درۆنێک لە نزیک قامشلۆ دوو ئەندامی ئاسایشی کوشت",
              "ڕۆژی دووشەممە درۆنێک ئۆتۆمبێلێکی لە نزیک عامودا، لە ڕۆژئاوای قامشلۆ کردە ئامانج و دوو ئەندامی "
              "ئاسایش کوژران و سێ هاووڵاتی بریندار بوون. بە گوتەی بەرپرسانی ناوچەکە دوازدە ماڵ زیانیان پێگەیشت.")
    for name, (title, body) in {"1-english": english, "2-other": other, "3-sorani": sorani}.items():
        (tmp_path / f"{name}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")
    stories = {str(record["doc_id"]): record["story_id"] for record in cluster_paths([tmp_path])}
    assert stories["3-sorani"] == stories["1-english"]
    assert stories["2-other"] != stories["1-english"]
