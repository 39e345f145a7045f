"""Quantities in claims: values, ranges, qualifiers and nouns; never dates, years or durations."""

import re
import string

import pytest

from consumers.claims.numbers import either_case, find_numbers


@pytest.mark.parametrize(("text", "expected"), [
    ("more than 3,000 IS fighters fled", [("more than 3,000 IS fighters", 3000.0, None, "IS fighters", "more than")]),
    ("from 70 to 100 militants", [("from 70 to 100 militants", 70.0, 100.0, "militants", "")]),
    ("between 40 and 50 fighters remain", [("between 40 and 50 fighters", 40.0, 50.0, "fighters", "")]),
    ("about 63 percent of the territory", [("about 63 percent of the territory", 63.0, None,
                                            "percent of the territory", "about")]),
    ("nearly one million people", [("nearly one million people", 1e6, None, "people", "nearly")]),
    ("16.7 million this year", [("16.7 million", 16.7e6, None, "", "")]),
    ("an estimated 2,500 fighters", [("an estimated 2,500 fighters", 2500.0, None, "fighters", "an estimated")]),
    ("roughly a quarter of the country", [("roughly a quarter of the country", 0.25, None, "the country", "roughly")]),
    ("twenty-one soldiers", [("twenty-one soldiers", 21.0, None, "soldiers", "")]),
])
def test_quantities_are_structured(text: str, expected: list[tuple]) -> None:
    found = [(n.text, n.value, n.value_max, n.unit, n.qualifier) for n in find_numbers(text)]
    assert found == expected


@pytest.mark.parametrize("text", [
    "in 2017 the deal was signed", "on March 3 they met", "for more than two months", "at 10:30 local time",
    "over the past 24 hours", "five years ago", "along the M4 highway",
    "prices tripled from 2019 to 2023", "between 2012 and 2016 the siege went on", "the towns spoke with one voice",
    "at one point the road was cut",
])
def test_dates_years_times_and_durations_are_not_quantities(text: str) -> None:
    assert find_numbers(text) == []


def test_counted_noun_stops_at_the_verb() -> None:
    [number] = find_numbers("46 refugees returned home")
    assert number.text == "46 refugees"


def test_a_count_that_is_a_noun_ends_before_its_verb() -> None:
    assert [n.text for n in find_numbers("Thousands marched on the square and dozens wounded were treated")] == [
        "Thousands", "dozens"]
    assert [n.text for n in find_numbers("hundreds of families returned")] == ["hundreds of families"]


def test_a_range_with_a_counted_noun_is_kept_whatever_its_values() -> None:
    assert [n.text for n in find_numbers("between 1900 and 2000 fighters")] == ["between 1900 and 2000 fighters"]


def test_a_count_followed_by_its_verb_has_no_noun() -> None:
    assert [n.text for n in find_numbers("7 drowned and 3 survived the crossing")] == ["7", "3"]


def test_either_case_class_matches_what_the_case_insensitive_class_matches() -> None:
    # the number patterns' first-letter guards are case-sensitive classes built by either_case; they must accept
    # exactly the characters the case-insensitive alternations after them can start with
    any_letter = re.compile("(?i)[a-z]")
    candidates = [chr(c) for c in range(0x110000) if any_letter.fullmatch(chr(c))]
    for letter in string.ascii_lowercase:
        expected = {c for c in candidates if re.fullmatch(f"(?i)[{letter}]", c)}
        assert set(either_case(letter)) == expected, letter
