"""Numbers that only seem to disagree: figures of different things (killed and wounded), of different days, a
running total beside a day's toll, a toll that later rose, vague counts ('dozens of'), and negated denials."""

from newsmon.report.disputes import disputes
from tests.newsmon.test_disputes import claim, toll


def two_voices(first_text: str, first: dict, second_text: str, second: dict) -> list:
    """Two speakers' claims of one story, the second an hour later, each with one quantity."""
    return [claim("Civil Defence", first_text, quantities=(first,)),
            claim("Health directorate", second_text, hours=1, quantities=(second,))]  # fmt: skip


def test_figures_of_different_outcomes_do_not_conflict():
    pairs = [
        ("7 people were killed in the shelling", toll(7, "people"), "23 people were wounded", toll(23, "people")),
        ("40 people were injured in the bombing", toll(40, "people"), "6 people died", toll(6, "people")),
        ("5,000 people were displaced from the town", toll(5000, "people"), "20 people were killed in the fighting",
         toll(20, "people")),
        ("the strike killed 4 civilians", toll(4), "the strike wounded 19 civilians", toll(19)),
        ("300 families returned to the city", toll(300, "families"), "40 families were still living in tents",
         toll(40, "families")),
    ]  # fmt: skip
    for first_text, first, second_text, second in pairs:
        assert disputes(two_voices(first_text, first, second_text, second)) == [], (first_text, second_text)


def test_figures_of_one_outcome_still_conflict_however_worded():
    found = disputes(two_voices("30 people were killed in the explosion", toll(30, "people"),
                                "the blast left 9 people dead", toll(9, "people")))  # fmt: skip
    assert len(found) == 1 and found[0].reasons == ["Civil Defence says 30 people, Health directorate says 9 people"]


def test_figures_of_different_named_days_do_not_conflict():
    assert disputes(two_voices("12 people were killed in air strikes on Monday", toll(12, "people"),
                               "5 people were killed on Tuesday", toll(5, "people"))) == []  # fmt: skip
    # The same day named on both sides, or on one side only, is still one event's toll.
    assert len(disputes(two_voices("12 people were killed on Monday", toll(12, "people"),
                                   "5 people were killed on Monday", toll(5, "people")))) == 1  # fmt: skip
    assert len(disputes(two_voices("12 people were killed on Monday", toll(12, "people"),
                                   "5 people were killed", toll(5, "people")))) == 1  # fmt: skip


def test_a_running_total_beside_a_days_toll_does_not_conflict():
    assert disputes(two_voices("17 people were killed on Sunday", toll(17, "people"),
                               "the toll since the offensive began had reached 230 people",
                               toll(230, "people"))) == []  # fmt: skip
    assert disputes(two_voices("a total of 90 people have been killed so far", toll(90, "people"),
                               "11 people were killed", toll(11, "people"))) == []  # fmt: skip


def test_a_toll_that_later_rose_does_not_conflict_with_the_earlier_figure():
    assert disputes(two_voices("8 people were killed in the market strike", toll(8, "people"),
                               "the death toll had risen to 15 people", toll(15, "people"))) == []  # fmt: skip
    # A 'rise' to fewer than an earlier speaker gave is still a disagreement, as is a rise reported first.
    assert len(disputes(two_voices("30 people were killed", toll(30, "people"),
                                   "the death toll rose to 15 people", toll(15, "people")))) == 1  # fmt: skip
    assert len(disputes(two_voices("the death toll rose to 15 people", toll(15, "people"),
                                   "4 people were killed", toll(4, "people")))) == 1  # fmt: skip


def vague(text: str, value: float, unit: str) -> dict:
    """A vague count as the extractor gives it ('dozens of people': 12 people; 'two dozen people': 2 dozen people)."""
    return {"text": text, "value": value, "value_max": None, "unit": unit, "qualifier": ""}


def test_vague_counts_hold_the_figures_they_can_mean():
    for first, second in [(vague("dozens of people", 12, "people"), toll(40, "people")),
                          (vague("hundreds of families", 100, "families"), toll(300, "families")),
                          (vague("thousands of people", 1000, "people"), toll(4500, "people")),
                          (vague("two dozen people", 2, "dozen people"), toll(24, "people"))]:  # fmt: skip
        assert disputes(two_voices(f"{first['text']} were killed", first, f"{second['text']} were killed",
                                   second)) == [], first  # fmt: skip
    for first, second in [(vague("dozens of people", 12, "people"), toll(10, "people")),
                          (vague("two dozen people", 2, "dozen people"), toll(3, "people"))]:  # fmt: skip
        assert len(disputes(two_voices(f"{first['text']} were killed", first, f"{second['text']} were killed",
                                       second))) == 1, first  # fmt: skip


def test_a_thing_counted_with_what_it_carries_is_the_thing():
    found = disputes(two_voices("20 trucks of aid crossed", toll(20, "trucks of aid"), "200 trucks had crossed",
                                toll(200, "trucks")))  # fmt: skip
    assert len(found) == 1
    assert disputes(two_voices("20 tonnes of wheat arrived", toll(20, "tonnes of wheat"), "200 tonnes of flour arrived",
                               toll(200, "tonnes of flour"))) == []  # fmt: skip


def test_a_negated_denial_is_no_denial():
    for cue in ("did not deny", "has not denied", "neither confirmed nor denied", "declined to confirm or deny",
                "would not deny"):  # fmt: skip
        story = [claim("SDF", "a Turkish drone hit a car"), claim("Turkish Ministry of Defence", "the strike", cue=cue)]
        assert disputes(story) == [], cue


def test_a_running_total_named_at_the_end_of_its_clause_is_one():
    assert disputes(two_voices("3 children were killed by a landmine", toll(3, "children"),
                               "60 children had been killed by landmines in the country so far this year",
                               toll(60, "children"))) == []  # fmt: skip
    # The running total of another figure in the claim (as the extractor gives it: '140', no unit) is its alone.
    text = "11 people were killed in clashes in the east on Monday, bringing to 140 the number killed since then"
    story = [
        claim("Civil Defence", text, quantities=(toll(11, "people"), toll(140, ""))),
        claim("Health directorate", "30 people were killed", hours=1, quantities=(toll(30, "people"),)),
    ]
    found = disputes(story)
    assert len(found) == 1 and found[0].reasons == ["Civil Defence says 11 people, Health directorate says 30 people"]
