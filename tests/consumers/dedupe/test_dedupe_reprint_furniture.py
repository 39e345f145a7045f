"""What real sites put around a reprinted wire story: captions, credits, link blocks, datelines. Texts invented."""

from consumers.dedupe.text import clean

LEAD = (
    "A mortar shell hit a school yard in the town of Jisr al-Shughur on Monday, wounding six pupils, "
    "the local education office said."
)
SECOND = "Teachers said the shell landed during the morning break, when about 200 children were outside."


def test_photo_captions_and_credits_inside_the_body_are_dropped() -> None:
    captions = [
        "Pupils and teachers outside the damaged school, Monday. (Photo: Syrian Civil Defence / Telegram)",
        "A boy walks past the school gate in Jisr al-Shughur. Credit: AP Photo/Omar Haj Kadour",
        "The school yard after the shelling. (Reuters/Mahmoud Hassano)",
        "Smoke over the town on Monday. SANA via Reuters. THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.",
        "Parents wait outside the hospital in Idlib. Photo by Aaref Watad / AFP",
        "Wounded pupils in a hospital ward. Image: Rami al-Sayed/AFP/Getty Images",
        "Parents at the school gate. Photo credit: Ghaith Alsayed/AP",
        "File photo: Students in a classroom in Idlib province. (Anadolu)",
        "(صورة أرشيفية لمدرسة في ريف إدلب - سانا)",
        "Фото: пресс-служба управления образования",
    ]
    for caption in captions:
        assert clean("\n".join([LEAD, caption, SECOND])).splitlines() == [LEAD, SECOND], caption


def test_related_stories_block_and_its_headlines_are_dropped() -> None:
    blocks = [
        ["Related stories", "Idlib teachers strike over unpaid salaries", "Turkey opens new border gate"],
        ["You may also like", "Schools in Aleppo reopen after two years", "Opinion: Education in ruins"],
        ["Most read", "Bread price doubles in Hasakah", "SDF and Damascus hold talks on oil revenue"],
        ["More on Syria", "Syria's olive harvest hit by drought"],
        ["Read more:", "Idlib ceasefire under strain as drone attacks multiply"],
        ["اقرأ أيضاً:", "المدارس في إدلب تفتح أبوابها"],
    ]
    for block in blocks:
        assert clean("\n".join([LEAD, SECOND, *block])).splitlines() == [LEAD, SECOND], block[0]


def test_a_paragraph_after_a_related_block_stays() -> None:
    text = "\n".join([LEAD, "Related stories", "Idlib teachers strike over unpaid salaries", SECOND])
    assert clean(text).splitlines() == [LEAD, SECOND]


def test_republication_notes_and_agency_sign_offs_are_dropped() -> None:
    notes = [
        "The following article was originally published by Reuters and is republished here with permission.",
        "This article was first published by Reuters.",
        "This story has been updated with a revised death toll.",
        "(Editor's note: This story has been updated with new figures from the Education Ministry.)",
        "Updated 11:42 GMT",
        "Associated Press writer Abby Sewell in Beirut contributed to this report.",
        "(With AFP)",
        "\u2014 Reuters",
        "(Reuters)",
        "Associated Press",
        "Share this:",
        "Facebook",
        "Like this:",
        "Loading...",
    ]
    for note in notes:
        assert clean("\n".join([note, LEAD, SECOND])).splitlines() == [LEAD, SECOND], note


def test_place_and_outlet_lines_are_dropped() -> None:
    for line in ["Idlib \u2013 Enab Baladi", "Raqqa - North Press", "Daraa - Syria TV", "إدلب - متابعات",
                 "ДАМАСК, 21 ноября \u2014 РИА Новости."]:  # fmt: skip
        assert clean("\n".join([line, LEAD, SECOND])).splitlines() == [LEAD, SECOND], line


def test_datelines_without_an_agency_or_with_a_country_in_brackets_are_dropped() -> None:
    for dateline in ["IDLIB, Syria \u2014 ", "Idlib, Syria -- ", "JISR AL-SHUGHUR, Syria - ", "Idlib (Syria) (AFP) - ",
                     "BEIRUT, Lebanon -- ", "DAMASCUS, Nov 3 (Reuters) - "]:  # fmt: skip
        assert clean(dateline + LEAD) == LEAD, dateline


def test_an_agencys_slashed_dateline_in_english_and_russian_is_dropped() -> None:
    assert clean("MOSCOW, March 18. /TASS/. " + LEAD) == LEAD
    russian = "Минометный снаряд попал во двор школы в Джиср-эш-Шугуре в понедельник, ранены шесть учеников."
    assert clean("МОСКВА, 18 марта. /ТАСС/. " + russian) == russian


def test_a_sentence_with_a_slash_near_its_start_stays() -> None:
    line = "Idlib, March 18 and/or 19: the dates/times of the shelling are not known, the office said."
    assert clean(line) == line


def test_sentences_that_look_a_little_like_furniture_stay() -> None:
    kept = [
        "The photo: a boy in the rubble, shared thousands of times, became the symbol of the attack on the town.",
        "Related to the attack, the governor said, were two arrests made in Idlib on Tuesday night by police.",
        "Most read the statement as a warning to the factions that control the road to the border crossing.",
        "Facebook removed the page of the group on Monday after it posted the video of the attack.",
        "Idlib - the last opposition-held province - has been hit by shelling almost daily since the summer.",
        "A Reuters/Ipsos poll last year found most Turks want Syrian refugees to go home within a few years.",
        "Syria, Lebanon - and Jordan - have all reported cases of the disease among refugees this year.",
    ]
    for line in kept:
        assert clean("\n".join([LEAD, line])).splitlines() == [LEAD, line], line


def test_links_and_wire_version_notes_are_dropped() -> None:
    for note in ["Read the full story at https://www.example-wire.com/world/middle-east/idlib-school-shelling",
                 "Source: www.example-news.net",
                 "Follow the agency's coverage of Syria at https://example.org/hub/syria",
                 "Adds comment from education office, details of wounded in paragraphs 3-5",
                 "(Updates with new toll, adds quote)",
                 "Corrects spelling of town's name in paragraph 1"]:  # fmt: skip
        assert clean("\n".join([note, LEAD, SECOND])).splitlines() == [LEAD, SECOND], note


def test_sentences_opening_like_wire_notes_stay() -> None:
    kept = [
        "Adds to that the fear of new shelling, and many families have left the town for camps near the border.",
        "Updates from the front line were scarce on Monday as mobile networks went down across the province.",
    ]
    for line in kept:
        assert clean("\n".join([LEAD, line])).splitlines() == [LEAD, line], line
