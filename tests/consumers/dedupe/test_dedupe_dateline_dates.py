"""The date of a dateline ("ADRA, Syria, May 7 (Orontes Wire) -") is the day a report was filed: two reports filed
days apart about a place and its officials are two events (the second fire in the same industrial zone a week later,
on the same weekday), while two filed on the same day or the next may be one."""

import pytest

from consumers.dedupe.boilerplate import dateline_day, days_apart
from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import sketch_article, sketch_from_bytes

FIRST_FIRE = sketch_article("Two workers killed in fire at Adra textile mill", (
    "ADRA, Syria, May 7 (Orontes Wire) - A fire gutted the dyeing hall of the Barada textile mill in the Adra "
    "industrial city north-east of Damascus on Thursday, killing two workers and injuring seven, civil defence "
    "officials said.\n\nThe fire started in a boiler room, said Brigadier Nizar Khoury, head of the civil defence in "
    "Rif Dimashq. Adra's director, engineer Samer Dakkak, said 300 people work at the mill."))
SECOND_FIRE = sketch_article("Fire at Adra plastics depot, no casualties", (
    "ADRA, Syria, May 14 (Orontes Wire) - A fire destroyed a plastics depot in the Adra industrial city north-east "
    "of Damascus on Thursday, a week after a blaze at the Barada textile mill killed two workers, civil defence "
    "officials said.\n\nNo one was hurt, said Brigadier Nizar Khoury, head of the civil defence in Rif Dimashq. "
    "Adra's director, engineer Samer Dakkak, said the depot had passed an inspection."))
OTHER_OUTLETS_REPORT = sketch_article("Adra mill blaze: families wait at hospital", (
    "DAMASCUS, May 8 (Qasr Press) - Relatives of the two workers killed when fire swept the Barada textile mill in "
    "Adra on Thursday gathered at al-Mujtahid hospital, where seven injured were treated. Brigadier Nizar Khoury "
    "of the Rif Dimashq civil defence said the boiler room fire spread fast; Samer Dakkak, Adra's director, said "
    "the mill would stay shut."))


@pytest.mark.parametrize(("dateline", "day"), [
    ("ADRA, Syria, May 7 (Orontes Wire) - A fire", 127),
    ("BEIRUT, Nov. 3 -- Clashes", 307),
    ("ALEPPO, 18 November 2026 (Hawar) - The council", 322),
    ("DAMASCUS, March 1, 2027 (Levant Desk) – Prices", 60),
    ("МОСКВА, 18 марта. /ТАСС/. Министерство", 77),
])  # fmt: skip
def test_the_day_of_a_dateline_is_its_day_of_the_year(dateline: str, day: int) -> None:
    assert dateline_day(dateline) == day


@pytest.mark.parametrize("body", [
    "DAMASCUS (AFP) - No date in this dateline.",
    "On May 7, a fire broke out in Adra, officials said.",  # a date in a sentence is no dateline
    "Officials said a fire broke out.\n\nHOMS, Syria, May 7 - far down the text",
    "The council met on 18 November - and nothing was decided.",
])  # fmt: skip
def test_a_body_without_a_dated_dateline_has_no_dateline_day(body: str) -> None:
    assert dateline_day(body) is None


def test_the_dateline_day_survives_the_store() -> None:
    assert FIRST_FIRE.event_date == 127
    assert sketch_from_bytes(FIRST_FIRE.to_bytes()).event_date == 127
    undated = sketch_article("Fire in Adra", "A fire broke out in Adra's industrial city on Thursday, officials said.")
    assert undated.event_date is None
    assert sketch_from_bytes(undated.to_bytes()) == undated


def test_a_second_event_filed_a_week_later_on_the_same_weekday_is_its_own_story() -> None:
    stored = [IndexedDoc("first-fire", 0.0, FIRST_FIRE.to_bytes(), "first-fire")]
    assert decide("second-fire", 1.0, SECOND_FIRE, stored).story_id == "second-fire"


def test_another_outlets_report_filed_the_next_day_joins_the_story() -> None:
    stored = [IndexedDoc("first-fire", 0.0, FIRST_FIRE.to_bytes(), "first-fire")]
    assert decide("other-outlet", 1.0, OTHER_OUTLETS_REPORT, stored).story_id == "first-fire"


def test_the_days_around_new_year_are_one_day_apart() -> None:
    assert dateline_day("BEIRUT, Dec 31 (Wire) - A") == 365
    assert dateline_day("BEIRUT, Jan 1 (Wire) - A") == 1
    assert days_apart(365, 1) == days_apart(1, 365) == 1
    assert days_apart(127, 134) == 7


def test_a_second_event_filed_days_apart_from_a_storys_member_stays_apart_whatever_its_undated_members_say() -> None:
    # Average linkage alone would let the undated reports of the first fire (a radio brief, a statement: the zone,
    # its officials, the weekday) carry the second fire into the first one's story past the wire filed a week before.
    # One member filed days apart says the story is another event, as it does for a merge (merge.merge_bridged).
    undated = [sketch_article(f"Adra fire: {source}", (
        f"A fire at the Adra industrial city north-east of Damascus on Thursday was fought for hours, {source} said. "
        "Brigadier Nizar Khoury, head of the civil defence in Rif Dimashq, and Adra's director, engineer Samer "
        "Dakkak, visited the site.")) for source in ("Sham FM", "the Rif Dimashq governorate")]  # fmt: skip
    stored = [IndexedDoc("first-fire", 0.0, FIRST_FIRE.to_bytes(), "first-fire"),
              *(IndexedDoc(f"undated-{i}", 1.0 + i, brief.to_bytes(), "first-fire") for i, brief in enumerate(undated))]
    assert decide("second-fire", 9.0, SECOND_FIRE, stored).story_id == "second-fire"
    # The undated reports alone do not say another day: they are the story the second fire is closest to.
    assert decide("second-fire", 9.0, SECOND_FIRE, stored[1:]).story_id == "first-fire"
