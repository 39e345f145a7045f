"""A round-up of the week, a timeline or an analysis piece is about many events or none: however closely its lead
recaps one event, it is no report of that event, so it neither joins that event's story nor gathers reports into its
own. Its reprints are still its duplicates."""

import pytest

from consumers.dedupe.decide import decide
from consumers.dedupe.index import IndexedDoc
from consumers.dedupe.sketch import sketch_article
from consumers.dedupe.text import is_overview_headline

REPORT = ("Landmine kills three shepherds near Palmyra", (
    "A landmine killed three shepherds and wounded a boy near al-Sukhnah, east of Palmyra, on Sunday, the Syrian "
    "Observatory for Human Rights said. The men, from the Bani Khalid tribe, were grazing 200 sheep when one of them "
    "stepped on the mine, said Khaled Rahhal, the head of al-Sukhnah's council. The boy, 12, was taken to hospital in "
    "Homs, Rahhal said."))
ROUNDUP_BODY = (
    "A landmine killed three shepherds of the Bani Khalid tribe near al-Sukhnah, east of Palmyra, on Sunday, the "
    "Syrian Observatory for Human Rights said, and a boy of 12 was taken to hospital in Homs, said Khaled Rahhal of "
    "al-Sukhnah's council.\n\nIn Idlib, floods swept through 40 camps on Tuesday. In Daraa, the price of bread rose "
    "by a third. And in Qamishli, a new bridge over the Jaghjagh opened on Thursday.")


def _decide(title: str, body: str, earlier: tuple[str, str] = REPORT) -> tuple[str | None, str]:
    first = sketch_article(*earlier)
    decision = decide("later", 1.0, sketch_article(title, body), [IndexedDoc("first", 0.0, first.to_bytes(), "first")])
    return decision.duplicate_of, decision.story_id


@pytest.mark.parametrize("title", [
    "Syria this week: a landmine near Palmyra, floods in Idlib, dearer bread",
    "The week in Syria: 3-9 May", "Syria week in review: mines, floods and bread",
    "Analysis: Why Syria's desert keeps killing shepherds", "ANALYSIS-Mines in the Badia",
    "TIMELINE-Landmine deaths in the Badia since January",
    "Why the Badia's mines keep killing shepherds",
    "A week after the blast, al-Sukhnah's shepherds keep their flocks home",
    "Two months on, Palmyra's herders still avoid the desert",
    "Weeks after the landmine, the Bani Khalid count their losses",
])  # fmt: skip
def test_an_overview_whose_lead_recaps_the_event_stays_out_of_its_story(title: str) -> None:
    assert _decide(title, ROUNDUP_BODY) == (None, "later")


def test_the_same_text_as_a_report_joins_the_story() -> None:
    # What the headline changes: a report with this lead is the event's.
    assert _decide("Landmine kills three shepherds near Palmyra; floods in Idlib", ROUNDUP_BODY)[1] == "first"


def test_a_report_does_not_join_an_overviews_story_and_a_reprint_is_its_duplicate() -> None:
    roundup = ("Syria this week: a landmine near Palmyra, floods in Idlib", ROUNDUP_BODY)
    assert _decide(*REPORT, earlier=roundup) == (None, "later")
    assert _decide("The week in Syria: mines, floods, bread", ROUNDUP_BODY, earlier=roundup) == ("first", "first")


@pytest.mark.parametrize(("title", "is_overview"), [
    ("Opinion: Syria's shepherds deserve demining", True),
    ("Weekly round-up: mines and floods", True),
    ("Syria to hold talks this week", False),
    ("Analysts say the truce is fragile", False),
    ("Timeline for elections set by council", False),
    ("Week-long curfew imposed in Daraa", False),
    ("Who is behind the Palmyra mines? Officials say why they cannot tell", False),
    ("Shepherds killed a week after truce in the Badia", False),
    ("Two days after the quake, rescuers reach Jandaris", False),
    ("Week of strikes kills 12 in Idlib", False),
])  # fmt: skip
def test_overview_marks_are_told_from_headlines_that_use_the_words(title: str, is_overview: bool) -> None:
    assert is_overview_headline(title) is is_overview
