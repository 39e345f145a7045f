"""Story features that two outlets' reports of one event share whatever their house style or language: the outlet's
own dateline and credit are no feature, and Kurmanji names, Arabic and Russian numbers in words and the region's
capitals meet an English report's."""

from consumers.dedupe.near import token_hash
from consumers.dedupe.story import name_words, story_features
from consumers.dedupe.text import clean


def features(title: str, body: str) -> set[str]:
    return set(story_features(clean(title), clean(body)))


def test_a_dateline_with_any_outlets_credit_and_filing_date_is_no_story_feature() -> None:
    for dateline in ("QAMISHLI, Syria, Dec 3 (Tigris Courier) - ", "QAMISHLI, 3 December 2026 (Tigris Courier) - "):
        lead = dateline + "Gunmen opened fire on a bakery queue, Rami Haddad said."
        found = set(name_words(clean(lead), 150))
        assert {"rami", "haddad"} <= found
        assert not {"tigris", "courier", "dec", "december", "3", "2026"} & found


def test_an_outlets_credit_closing_a_brief_is_no_story_feature_but_an_acronym_in_a_sentence_is() -> None:
    brief = features("Bakery shooting", "Three people were shot at a bakery in Qamishli on Tuesday, medics said. "
                                        "(Tigris Courier)")
    assert not {"tigris", "courier"} & brief
    assert {"qamishli", "3", "tuesday"} <= brief
    kept = features("Patrol", "The patrol was led by the Syrian Democratic Forces (SDF)\nIt met Rami Haddad.")
    assert "sdf" in kept


def test_kurmanji_names_in_their_cases_are_the_gazetteers_places_and_groups() -> None:
    lead = features("Êrîş li Dêrezorê",
                    "Li gorî HSD'ê, çekdarên DAIŞ'ê li nêzî sînorê Tirkiyê êrîş kirin. Li gorî Hêzên Sûriyeya "
                    "Demokratîk du şervan birîndar bûn.")
    assert {"deir-ez-zor", "sdf", "islamic-state", "turkey"} <= lead
    # Syria itself, in its Kurmanji cases, tells no event from another (as "Syria" does not in English).
    assert not {"sûriyeya", "suriyeya", "sûriye", "hêzên", "hezen", "demokratîk", "demokratik"} & lead


def test_a_kurmanji_spelling_of_an_arabic_name_meets_the_english_spelling() -> None:
    # Only words with a letter English never writes are read as Kurmanji: "Cemîl", not "Cemal" ("Carter" stays).
    kurmanji = features("Hevdîtin", "Berdevk Şêxmûs Xelîl û Cemîl Ûsê li Qamişlo axivîn.")
    english = features("Meeting", "Spokesman Sheikhmous Khalil and Jamil Osse spoke in Qamishli on the record.")
    shared = {token_hash(word) for word in kurmanji} & {token_hash(word) for word in english}
    assert {token_hash("sheikhmous"), token_hash("khalil"), token_hash("jamil"), token_hash("qamishli")} <= shared


def test_arabic_numbers_in_words_with_hundreds_and_thousands_are_digits() -> None:
    lead = features("حادث سير", "نقلت الحافلة مئة وثلاثة وستين راكبا وأصيب ثلاث مئة شخص ونزح ثلاثة آلاف "
                                "وتضرر مئتين وعشرون منزلا")
    assert {"163", "300", "3000", "220"} <= lead


def test_arabic_numbers_in_words_that_the_earlier_reading_already_had_are_unchanged() -> None:
    lead = features("حادث", "قتل تسعة عشر شخصا وأصيب ثلاثة وعشرون وفقد سبعة في حمص")
    assert {"19", "23", "7", "homs"} <= lead


def test_russian_numbers_in_words_are_digits_and_compound_ones_one_number() -> None:
    lead = features("Авария в Хомсе", "В Хомсе пятеро рабочих погибли, ещё сто сорок восемь человек эвакуированы, "
                                      "двух пострадавших доставили в больницу, а семью погибшего навестил губернатор.")
    assert {"homs", "5", "148", "2"} <= lead
    assert not {"100", "40", "8", "7"} & lead


def test_regional_capitals_in_arabic_and_russian_are_their_english_names() -> None:
    arabic = features("رحلة", "اقلعت طائرة من اربيل الى عمان ثم الى جنيف يوم الاثنين")
    russian = features("Рейс", "Самолёт вылетел из Эрбиля в Амман, а затем в Женеву в понедельник.")
    assert {"erbil", "amman", "geneva"} <= arabic
    assert {"erbil", "amman", "geneva"} <= russian


def test_arabic_thousands_in_words_go_on_with_their_hundreds() -> None:
    lead = features("نزوح", "نزح ألف وتسعمئة شخص من القرى وأحصت المنظمة ثلاثة آلاف وخمسمئة خيمة وألفين من الأطفال")
    assert {"1900", "3500", "2000"} <= lead
    assert not {"900", "500", "3000"} & lead


def test_russian_thousands_after_digits_are_the_english_reports_figure() -> None:
    english = features("Aid convoy", "A convoy carrying 45,000 tonnes of wheat reached Homs on Tuesday, and 12,000 "
                                     "families got flour.")
    russian = features("Гуманитарный конвой", "Конвой доставил в Хомс 45 тыс. тонн пшеницы во вторник, муку "
                                              "получили 12 тысяч семей.")
    assert {"45000", "12000", "homs"} <= english & russian
    assert not {"45", "12"} & russian
    decimals = features("Помощь", "В Хомс доставлено 1,5 тыс. тонн муки и 2.25 тысячи палаток.")
    assert {"1500", "2250"} <= decimals and not {"1", "5", "2", "25", "5000", "25000"} & decimals
