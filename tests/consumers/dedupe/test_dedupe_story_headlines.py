"""Two outlets' own reports of one event under headlines telling the same thing: each lead brings its own officials,
witnesses and outlet, so they share only the event's place, actors and day, a Jaccard under a third. Opening on the
same day (or with no weekday in a lead: nothing says another day), with three headline words in common and no toll
one gives that the other never names, that counts more (story_link.STORY_SAME_HEADLINE_FACTOR).
Same-place siblings under one stock headline with other tolls stay apart."""

from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import sketch_article
from consumers.dedupe.story_link import story_similarity

FIRST = sketch_article("Qarabeel pumping station stops, Tell Abyad without water", (
    "TELL ABYAD (Balikh Post) - The Qarabeel pumping station stopped on Thursday after its power line from Suluk was "
    "cut, leaving Tell Abyad and Ain Issa without drinking water, the AANES water directorate said. Engineer Shiyar "
    "Omari told Balikh Post that the crews of the Raqqa branch could not reach the line. Mayor Hozan Birri said tanker "
    "prices doubled."))


def _decide(title: str, day: str) -> str:
    sketch = sketch_article(title, (
        f"Residents of Tell Abyad and Ain Issa queued at tankers on {day} after the Qarabeel station went silent. "
        "Nurse Layla Darwish told Euphrates Voice that the city hospital rationed water; the relief committee asked "
        "the Red Crescent for tankers, and UNICEF urged repairs."))
    return decide("second", 1.0, sketch, [IndexedDoc("first", 0.0, FIRST.to_bytes(), "first")]).story_id


def test_another_outlets_report_of_the_day_under_a_headline_telling_the_same_joins_the_story() -> None:
    assert _decide("Tell Abyad goes thirsty as Qarabeel station stops again", "Thursday") == "first"


def test_the_same_report_of_another_day_stays_apart() -> None:
    assert _decide("Tell Abyad goes thirsty as Qarabeel station stops again", "Saturday") == "second"


def test_the_same_report_under_a_headline_telling_something_else_stays_apart() -> None:
    assert _decide("Nurses ration supplies at Tell Abyad hospital", "Thursday") == "second"


def test_same_place_siblings_under_one_stock_headline_with_other_tolls_stay_apart() -> None:
    first = sketch_article("Explosion rocks Mayadin, killing 52", (
        "An explosion rocked the market of Mayadin on Sunday, the White Helmets said. Rescuer Salma Halabi said "
        "crews searched the rubble. Witness Omar Hilal, 40, said the blast shattered windows in Jourah. Officials "
        "from the Deir ez-Zor council and the Red Crescent sent ambulances from Ashara."))
    second = sketch_article("Explosion rocks Mayadin, killing 11", (
        "An explosion rocked a bus station in Mayadin on Sunday, the White Helmets said. Rescuer Salma Halabi said "
        "the fire was put out. Witness Fadi Nasser, 33, said the bus was full. Doctors at the Qouriyah clinic and "
        "the Mohassan health post treated the wounded."))
    decision = decide("second", 1.0, second, [IndexedDoc("first", 0.0, first.to_bytes(), "first")])
    assert decision.story_id == "second"


UNDATED = sketch_article("Qarabeel pumping station stops, Tell Abyad without water", (
    "TELL ABYAD (Balikh Post) - The Qarabeel pumping station stopped after its power line from Suluk was cut, leaving "
    "Tell Abyad and Ain Issa without drinking water, the AANES water directorate said. Engineer Shiyar Omari told "
    "Balikh Post that the crews of the Raqqa branch could not reach the line. Mayor Hozan Birri said tanker prices "
    "doubled."))


def _decide_after_undated(title: str, when: str) -> str:
    sketch = sketch_article(title, (
        f"Residents of Tell Abyad and Ain Issa queued at tankers {when} after the Qarabeel station went silent when "
        "its line from Suluk was cut. Nurse Layla Darwish told Euphrates Voice that the city hospital rationed water; "
        "the relief committee asked the Red Crescent for tankers, and UNICEF urged repairs."))
    return decide("second", 1.0, sketch, [IndexedDoc("first", 0.0, UNDATED.to_bytes(), "first")]).story_id


def test_reports_whose_leads_name_no_other_day_under_headlines_telling_the_same_join() -> None:
    # Many leads name no weekday ("this morning", a date): nothing says another day, and the headlines tell the same.
    assert _decide_after_undated("Tell Abyad goes thirsty as Qarabeel station stops again", "this morning") == "first"


def test_an_undated_report_under_a_headline_telling_something_else_stays_apart() -> None:
    assert _decide_after_undated("Nurses ration supplies at Tell Abyad hospital", "this morning") == "second"


def test_the_similarity_alone_is_unchanged() -> None:
    # The headline check is decide's, on stored sketches; the pair similarity keeps its meaning.
    assert story_similarity(0.3, 6, (18, 18), (3, 3)) == 0.3
