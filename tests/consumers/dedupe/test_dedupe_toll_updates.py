"""A headline saying only that a toll rose ("Death toll from ... rises to two") is a wire's new version of its first
report in words, as "UPDATE 1-" is in a mark: the same article at half the shingles, when it shares the first
version's names and headline words and was filed within a day."""

import pytest

from consumers.dedupe.text import is_update_headline
from tests.consumers.dedupe.test_dedupe_wire_updates import UPDATE_BODY, _decide


def test_a_toll_rise_of_the_wire_is_its_article() -> None:
    assert _decide("Death toll from Afrin flood rises to two as bodies are recovered", UPDATE_BODY) == ("wire", "wire")


def test_the_same_text_under_a_headline_without_the_rise_is_another_article() -> None:
    assert _decide("Afrin flood: bodies of grandfather and child recovered", UPDATE_BODY)[0] is None


@pytest.mark.parametrize(("title", "is_update"), [
    ("Death toll from Afrin flood rises to two", True),
    ("Afrin flood toll climbs to 2 as search goes on", True),
    ("Число погибших при наводнении в Африне возросло до двух", True),
    ("ارتفاع حصيلة ضحايا فيضان عفرين إلى اثنين", True),
    ("Bread price rises to 1,500 pounds in Aleppo", False),
    ("Toll road to Latakia reopens after repairs", False),
    ("Flood toll: what we know", False),
])  # fmt: skip
def test_a_headline_is_a_toll_update_when_it_says_the_toll_rose(title: str, is_update: bool) -> None:
    assert is_update_headline(title) is is_update
