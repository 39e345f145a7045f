"""Places and actors in any language as one story feature (consumers/dedupe/gazetteer.py), on invented sentences."""

from consumers.dedupe.gazetteer import gazetteer_key, gazetteer_names
from consumers.dedupe.story import story_features
from consumers.dedupe.text import clean


def features_of(title: str, body: str) -> set[str]:
    return set(story_features(clean(title), clean(body)))


def test_an_arabic_and_an_english_report_of_one_event_share_its_places_and_actors() -> None:
    english = features_of("Bakery shelled in Jableh", "A shell hit a bakery in Jableh on Friday, the state agency "
                          "SANA said, hours before Erdogan received Lavrov in Ankara.")
    arabic = features_of("قصف مخبز في جبلة", "سقطت قذيفة على مخبز في جبلة يوم الجمعة بحسب وكالة سانا، قبل ساعات من "
                         "استقبال أردوغان لافروف في أنقرة.")
    assert {"jableh", "sana", "erdogan", "lavrov", "ankara"} <= english & arabic


def test_arabic_letters_written_onto_a_name_and_its_article_do_not_hide_it() -> None:
    lead = features_of("", "وصل الوفد إلى دمشق ثم وبدمشق اجتمع، وانتقل إلى الرقة وللرقة عاد، ومن الحسكة إلى حلب.")
    assert {"damascus", "raqqa", "hasakah", "aleppo"} <= lead
    assert not {"دمشق", "وبدمشق", "الرقه", "للرقه", "الحسكه", "حلب"} & lead


def test_a_russian_name_in_any_case_is_the_key_of_its_entry() -> None:
    forms = features_of("Визит", "Делегация прибыла в Дамаск, в Дамаске прошли переговоры, из Дамаска она вылетела, "
                        "над Дамаском было тихо; Захарова и Захаровой ответили.")
    assert {"damascus", "zakharova"} <= forms
    assert not {"damask", "damaske", "damaska", "zaharova", "zaharovoy"} & forms


def test_transliterations_of_one_place_are_one_feature() -> None:
    spellings = ["Clashes in Deir ez-Zor today", "Clashes in Deir al-Zour today", "Clashes in Deir Ezzor today",
                 "Столкновения в Дейр-эз-Зоре сегодня", "Clashes in Quneitra today", "Clashes in Kuneitra today"]
    keys = [features_of("", "Report: " + text) for text in spellings]
    assert all(features == {"deir-ez-zor"} for features in keys[:4])
    assert keys[4] == keys[5] == {"quneitra"}


def test_kurdish_spellings_meet_the_english_ones() -> None:
    assert gazetteer_names(["qamişlo"]) == gazetteer_names(["قامیشلۆ"]) == gazetteer_names(["qamishli"])
    assert gazetteer_names(["hesekê"]) == ["hasakah"]
    assert gazetteer_names(["هەسەدە"]) == gazetteer_names(["sdf"]) == ["sdf"]


def test_a_word_that_only_looks_like_a_name_keeps_its_own_feature() -> None:
    # Hamas is no Hama, the State Duma no Douma, an arena (حلبة) no Aleppo, good news (بشارة) no Bashar al-Assad.
    for word in ["hamas", "dear", "дума", "хамас", "حلبه", "بشاره", "الحماس"]:
        assert gazetteer_key(word) is None, word
    english = features_of("Talks", "Officials of Hamas met in Doha; Dear Leader was not there, the Duma said.")
    assert {"hamas", "dear", "duma"} <= english and "hama" not in english


def test_an_arabic_word_ending_like_a_name_written_with_the_article_is_no_name() -> None:
    # A division (فرقة) and a paper (ورقة) are "and" or "so" before the letters of Raqqa (الرقة) without its article.
    for word in ["فرقه", "ورقه", "وفرقه"]:
        assert gazetteer_key(word) is None, word
    lead = features_of("", "قالت فرقة الحمزة في ورقة نشرتها إن القصف طال قرية قرب مدينة دمشق وبدمشق.")
    assert lead == {"damascus"}
    assert features_of("", "وصل الوفد بالرقة ثم عاد للرقة.") == features_of("", "وصل الوفد والرقة.") == {"raqqa"}


def test_an_arabic_lead_counts_its_numbers_and_day_in_words_as_an_english_one_does() -> None:
    english = features_of("Roof collapse in Hama", "A roof fell in Hama on Wednesday, killing nineteen people and "
                          "injuring 23, while 4 families were left homeless.")
    arabic = features_of("انهيار سقف في حماة", "انهار سقف في حماة يوم الأربعاء فقتل تسعة عشر شخصا وأصيب ثلاثة وعشرون، "
                         "وبقيت أربع عائلات بلا مأوى.")
    assert {"hama", "wednesday", "19", "23", "4"} <= english & arabic


def test_an_arabic_leads_other_words_are_no_story_features_and_leave_the_two_reports_alike() -> None:
    english_lead = ("Shelling hit a bakery in Jableh on Friday, killing 7, the SANA agency said, as Erdogan met Lavrov "
                    "in Ankara.")
    arabic_lead = "قصف مخبز في جبلة يوم الجمعة فقتل سبعة بحسب وكالة سانا، فيما التقى أردوغان لافروف في أنقرة."
    arabic = features_of("قصف مخبز في جبلة", arabic_lead)
    assert not {"مخبز", "قصف", "وكاله"} & arabic
    english = features_of("Bakery shelled in Jableh", english_lead)
    assert len(english & arabic) / len(english | arabic) >= 0.45


def test_a_country_named_by_its_adjective_is_the_country() -> None:
    # English and Arabic outlets say "Turkish drone", "Israeli raid" where others name the country.
    english = features_of("Drone strike near Amuda", "A Turkish drone hit a car near Amuda on Monday after an "
                          "Israeli raid in Quneitra, while Iranian and Russian envoys met in Damascus.")
    arabic = features_of("غارة قرب عامودا", "استهدفت طائرة مسيرة تركية سيارة قرب عامودا يوم الاثنين بعد توغل "
                         "اسرائيلي في القنيطرة.")
    assert {"turkey", "israel", "iran", "russia"} <= english
    assert not {"turkish", "israeli", "iranian", "russian"} & english
    assert {"turkey", "israel"} <= arabic


def test_towns_and_repatriating_states_in_arabic_russian_and_kurdish_are_the_english_reports_features() -> None:
    english = features_of("Shelling near Masyaf and Sarmin", "Shells fell near Masyaf and Sarmin on Monday as a "
                          "delegation from Dushanbe took Tajikistan's citizens home, officials in Derik said.")
    arabic = features_of("قصف قرب مصياف وسرمين", "سقطت قذائف قرب مصياف وفي سرمين يوم الاثنين، فيما تسلم وفد من "
                         "دوشنبه مواطني طاجيكستان، بحسب مسؤولين في ديريك.")
    russian = features_of("Обстрел у Масьяфа", "Снаряды упали у Масьяфа и Сармина в понедельник, делегация из "
                          "Душанбе вывезла граждан Таджикистана, сообщили в Дерике.")
    places = {"masyaf", "sarmin", "dushanbe", "tajikistan", "derik"}
    assert places <= english & arabic
    assert places <= russian
    assert gazetteer_names(["dêrik"]) == gazetteer_names(["دێرک"]) == ["derik"]
    # A place of two words keeps its English words apart, as English reports had them.
    assert features_of("", "Troops entered Jubata al-Khashab.") == features_of("", "دخلت قوات جباتا الخشب.") \
        == {"jubata", "khashab"}


def test_the_foreign_ministry_by_its_russian_and_arabic_short_names_is_the_english_reports_two_words() -> None:
    english = features_of("Ministry condemns raid", "The Foreign Ministry condemned the raid on Tuesday.")
    arabic = features_of("الخارجية تدين", "أدانت وزارة الخارجية المداهمة يوم الثلاثاء.")
    russian = features_of("Рейд осужден", "Во вторник МИД осудил рейд.")
    assert {"foreign", "ministry"} <= english & arabic & russian
