"""Leftovers known from earlier batches: the writer's comment after indirect content, unnamed descriptions with no
antecedent, and number spans (claim guideline: "Spans", "Speaker", "numbers"); invented sentences."""

from consumers.claims.extract import extract_claims
from consumers.claims.numbers import find_numbers


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_the_writers_comment_after_indirect_content_is_no_part_of_it() -> None:
    text = "The water board announced that the price of a tank would double, and that cannot last."
    assert [c.text for c in extract_claims(text)] == ["the price of a tank would double"]


def test_a_second_that_clause_after_and_is_still_the_content() -> None:
    text = "The water board announced that the price would double and that the trucks would stop on Friday."
    assert [c.text for c in extract_claims(text)] == [
        "the price would double and that the trucks would stop on Friday"
    ]


def test_a_description_with_nobody_named_before_is_unnamed() -> None:
    assert speakers("The guard said the gate stayed shut all night.") == [
        ("unnamed sources", "the gate stayed shut all night")
    ]
    assert speakers("The bank announced that it would open on Saturdays.") == [
        ("unnamed sources", "it would open on Saturdays")
    ]


def test_a_description_still_refers_back_to_a_body_named_before() -> None:
    text = "The Commercial Bank of Syria opened two branches. The bank announced that it would open on Saturdays."
    assert speakers(text) == [("Commercial Bank of Syria", "it would open on Saturdays")]


def test_tens_of_something_is_a_quantity() -> None:
    assert [n.text for n in find_numbers("tens of families slept in the open")] == ["tens of families"]
    # the least a vague count can mean, hedged "at least" (disputes audit: no exact figure; was 10000.0 exactly)
    assert [(n.value, n.qualifier) for n in find_numbers("tens of thousands of people fled")] == [(20000.0, "at least")]


def test_a_magnitude_is_the_quantity_of_a_quake() -> None:
    assert [n.text for n in find_numbers("a magnitude 4.6 earthquake struck the coast")] == ["magnitude 4.6"]


def test_an_hour_of_the_day_in_words_is_a_time() -> None:
    assert find_numbers("the shelling began at nine in the morning") == []
    assert [n.text for n in find_numbers("nine in the village were hurt")] == ["nine"]


def test_putting_a_harvest_at_a_figure_is_an_estimate() -> None:
    assert [c.text for c in extract_claims("The farmers' union put the wheat harvest at 900,000 tonnes.")] == [
        "900,000 tonnes"
    ]
