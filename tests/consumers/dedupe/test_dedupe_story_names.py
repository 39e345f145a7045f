"""Which words of a headline and lead name the event (story features), on invented sentences."""

from consumers.dedupe.near import spelling_key
from consumers.dedupe.sketch import sketch_article, story_similarities
from consumers.dedupe.story import event_day, name_words, story_features
from consumers.dedupe.text import clean


def test_a_possessive_names_the_same_place_or_person_as_the_bare_name() -> None:
    bare = name_words(clean("Water fell in Syria and at the Tabqa dam, said Mohammed Tarboush on Wednesday."), 150)
    owned = name_words(clean("Water fell in Syria's north and at Tabqa's dam, Tarboush's office said."), 150)
    assert {"syria", "tabqa", "tarboush"} <= set(owned)
    assert not {"syrias", "tabqas", "tarboushs"} & set(owned)
    assert {"syria", "tabqa", "tarboush"} <= set(bare)


def test_a_capitalised_function_word_inside_a_sentence_names_nothing() -> None:
    text = 'Civil defence chief Haddad told The Associated Press that "We hear voices", and In Aleppo work went on.'
    found = name_words(clean(text), 150)
    assert "the" not in found and "we" not in found and "in" not in found
    assert {"haddad", "associated", "press", "aleppo"} <= set(found)


def test_two_outlets_telling_of_one_event_share_more_names_once_possessives_fold() -> None:
    wire = story_features("Drone strike kills seven in Sarmada", clean(
        "A drone strike hit a market in Sarmada on Tuesday, killing seven people, the White Helmets said."))
    other = story_features("Syria: seven dead in Sarmada", clean(
        "Syria's civil defence, the White Helmets, said seven people died in Sarmada's market on Tuesday."))
    assert "sarmada" in set(wire) & set(other) and "sarmadas" not in other


def test_the_monitored_country_is_no_story_feature() -> None:
    features = story_features("Fire in Homs market", clean(
        "A fire swept through a market in Homs, Syria, on Monday, Syrian civil defence said; three Syrians died."))
    assert {"homs", "monday", "3"} <= set(features)
    assert not {"syria", "syrian", "syrians"} & set(features)


def test_russian_names_meet_the_english_spelling_of_the_same_names() -> None:
    russian = name_words(clean(
        "Замминистра обороны Алексей Фомин прибыл на авиабазу Хмеймим в провинции Латакия, затем посетил Тартус."), 150)
    english = name_words(clean(
        "Deputy defence minister Alexander Fomin arrived at the Hmeimim base in Latakia, then visited Tartus."), 150)
    shared = {spelling_key(word) for word in russian} & {spelling_key(word) for word in english}
    assert {spelling_key(name) for name in ["fomin", "hmeimim", "latakia", "tartus"]} <= shared


def test_a_russian_name_in_any_case_is_one_feature() -> None:
    forms = name_words(clean("Удары по Латакии, в Латакию, над Латакией и Латакия."), 150)
    assert len({spelling_key(form) for form in forms}) == 1


def test_syria_in_russian_is_no_story_feature_either() -> None:
    features = story_features("Удар", clean("Удар нанесен по Идлибу на севере Сирии, сообщили в Сирия."))
    assert {spelling_key(feature) for feature in features} == {spelling_key("idlib")}


def test_the_event_day_is_the_first_weekday_of_the_lead_in_any_of_the_three_languages() -> None:
    assert event_day(clean("The SDF on Sunday lifted the curfew it imposed after Thursday's raid.")) == 6
    english = event_day(clean("Clashes broke out before dawn on Thursday in Dhiban."))
    russian = event_day(clean("В четверг в Дибане начались столкновения."))
    arabic = event_day(clean("اندلعت اشتباكات فجر الخميس في ذيبان."))
    assert english == russian == arabic == 3


def test_a_follow_up_that_recalls_the_earlier_event_is_less_alike_than_its_names_alone_say() -> None:
    first = sketch_article("Clash in Dhiban", "The SDF raided the home of Sheikh Hatem in Dhiban on Thursday, and "
                           "Bakara fighters fought back, Farhad Shami said. The curfew began on Sunday.")
    follow_up = sketch_article("Curfew lifted in Dhiban", "The SDF lifted the curfew in Dhiban on Sunday after the "
                               "Thursday raid on Sheikh Hatem and the Bakara fighters, Farhad Shami said.")
    assert story_similarities(first, [follow_up])[0] < 1.0


def test_syria_in_arabic_is_no_story_feature_either() -> None:
    lead = clean("قصفت طائرات مسيرة ريف إدلب شمالي سوريا، بحسب الدفاع المدني في سوريه.")
    features = story_features("قصف على إدلب", lead)
    assert "سوريا" not in features and "سوريه" not in features
    assert "idlib" in features  # the gazetteer's key of "ادلب"


def test_syrian_in_russian_in_any_case_is_no_story_feature_either() -> None:
    features = story_features("Удар по Ракке", clean(
        "Бойцы Сирийских демократических сил и Сирийская обсерватория сообщили об ударе по Ракке, сказал представитель "
        "Сирийской армии."))
    assert {spelling_key(feature) for feature in features} == {spelling_key("raqqa")}


def test_a_russian_lead_names_its_weekday_as_an_english_or_arabic_one_does() -> None:
    # Russian writes weekdays in lower case: "в среду" was no name feature where "on Wednesday" is one.
    russian = story_features("Обмен пленными в Ракке", clean(
        "Правительство и СДС в среду провели обмен пленными в Ракке, сообщил Лавров."))
    english = story_features("Prisoner swap in Raqqa", clean(
        "The government and the SDF swapped prisoners in Raqqa on Wednesday, Lavrov said."))
    assert "wednesday" in russian
    assert set(russian) == set(english)


def test_the_arabic_article_of_a_name_in_russian_is_no_name_of_its_own() -> None:
    features = story_features("Обмен пленными", clean(
        "Обмен прошёл в городе Эт-Табка и в районе Эз-Зияра, сообщил Эш-Шейбани."))
    assert not {"et", "ez", "esh", "эт", "эз", "эш"} & set(features)
    assert {"tabqa", "shaibani"} <= set(features)


def test_the_article_a_after_a_dateline_is_no_acronym() -> None:
    # "(Levant Wire) - A drone ...": "A" is all capitals. The dateline goes with the outlet's credit (not the event's).
    found = name_words(clean("SARMIN, Syria (Levant Wire) - A drone hit the market, Ahmad Qaddour told AP."), 150)
    assert "a" not in found
    assert {"ahmad", "qaddour", "ap"} <= set(found)
    assert not {"levant", "wire", "sarmin"} & set(found)


def test_kurdish_leads_name_their_weekday_and_day_as_an_english_one_does() -> None:
    english = story_features("Drone strike near Qamishli", clean(
        "A drone hit a car near Qamishli on Wednesday, killing 3 fighters of the Asayish."))
    kurmanji = story_features("Êrîşa dronê li nêzî Qamişlo", clean(
        "Roja Çarşemê droneke tirk li nêzî Qamişlo erebeyek kir hedef, 3 şervan hatin kuştin, Asayîş got."))
    sorani = story_features("هێرشی درۆن لە نزیک قامیشلۆ", clean(
        "ڕۆژی چوارشەممە درۆنێک لە نزیک قامیشلۆ ئۆتۆمبێلێکی کردە ئامانج و 3 چەکداری ئاسایش کوژران."))
    for kurdish in (kurmanji, sorani):
        assert {"wednesday", "qamishli", "3", "asayish"} <= set(kurdish)
    assert event_day("Roja Çarşemê droneke tirk ket.") == event_day("ڕۆژی چوارشەممە درۆنێک") == 2
    assert "\x00day2" in set(english) & set(kurmanji) & set(sorani)


def test_a_number_in_arabic_script_with_its_thousands_or_a_suffix_is_the_english_number() -> None:
    sorani = story_features("ئاو بۆ حەسەکە", clean(
        "بەپێی یونیسێف، نزیکەی 460 هەزار کەس لە حەسەکە لە 2019ەوە بێ ئاو بوون."))
    arabic = story_features("المياه في الحسكه", clean("قالت اليونيسف إن 460 الف شخص في الحسكه بلا مياه منذ 2019."))
    for features in (sorani, arabic):
        assert {"460000", "2019", "hasakah", "unicef"} <= set(features)
        assert "2019ەوە" not in features
