"""Conduit rule (claim guideline): a relaying outlet closing the sentence is neither the speaker nor in the span."""

import pytest

from consumers.claims.extract import extract_claims


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Moscow denied that its aircraft struck the market in Idlib, TASS reported.", "Russian government",
         "its aircraft struck the market in Idlib"),
        ("The army said 12 fighters were killed near Hama, Reuters reported on Monday.", "Syrian Arab Army",
         "12 fighters were killed near Hama"),
        ("The SDF said five cells were dismantled, Hawar news agency said citing a statement.",
         "Syrian Democratic Forces", "five cells were dismantled"),
        ("Peskov said the decision was final, Interfax quoted him as saying.", "Peskov", "the decision was final"),
        ("Lavrov said the West was to blame, RIA Novosti quoted the minister as saying on Tuesday.", "Lavrov",
         "the West was to blame"),
        ("The Kurdish-led SDF said the cell was dismantled, the Associated Press reported.",
         "Syrian Democratic Forces", "the cell was dismantled"),
        ("Turkish drones hit a village near Qamishli, the SDF said, Rudaw reported.", "Syrian Democratic Forces",
         "Turkish drones hit a village near Qamishli"),
        ("Official Rana Aziz said the convoy was turned back, according to the state news agency.", "Rana Aziz",
         "the convoy was turned back"),
        ("Governor Ali Hamdan said the road was closed, the agency said, citing a local council.", "Ali Hamdan",
         "the road was closed"),
    ],
)
def test_trailing_relay_is_trimmed_and_not_the_speaker(text: str, speaker: str, content: str) -> None:
    [claim] = extract_claims(text)
    assert claim.text == content == text[claim.start : claim.end]
    assert speaker.lower() in claim.speaker.lower()


def test_outlet_alone_is_still_the_source() -> None:
    [claim] = extract_claims("Turkish drones hit a village near Qamishli, Rudaw reported.")
    assert claim.speaker == "Rudaw"
    assert claim.text == "Turkish drones hit a village near Qamishli"


def test_passive_reported_is_not_a_relay() -> None:
    [claim] = extract_claims("The UN said airstrikes and drone attacks had been reported on every front.")
    assert claim.text == "airstrikes and drone attacks had been reported on every front"


def test_second_source_saying_is_not_trimmed_as_a_relay() -> None:
    claims = extract_claims("The army said three soldiers died, the SDF said.")
    assert "three soldiers died" in claims[0].text


def test_citing_after_an_outlets_report_is_the_source_not_content() -> None:
    [claim] = extract_claims("AFP reported that the crossing had been closed, citing a border official.")
    assert claim.text == "the crossing had been closed"


def test_an_agency_with_its_owner_before_it_is_the_agency() -> None:
    [claim] = extract_claims("The army-affiliated Nour news agency reported that the dam had been reopened.")
    assert claim.speaker == "Nour news agency"
