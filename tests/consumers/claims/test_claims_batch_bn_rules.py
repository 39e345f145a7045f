"""Rules found on batch bn (claim guideline, "Speaker" and "Spans"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_an_agency_reporting_that_p_citing_a_source_at_the_end_relays_that_source() -> None:
    text = "The state news agency reported that two soldiers were killed at a checkpoint, citing a military source."
    assert speakers(text) == [("Syrian Arab Army", "two soldiers were killed at a checkpoint")]


def test_a_source_cited_inside_the_content_is_not_the_relayed_source() -> None:
    text = "The agency reported that the talks, citing no progress, had been suspended for a week."
    assert [s for s, _ in speakers(text)] != ["no progress"]


def test_a_station_named_with_its_medium_speaks_by_its_name() -> None:
    text = "The pro-government Noor FM radio reported that the market had been shelled."
    assert speakers(text) == [("Noor FM", "the market had been shelled")]


def test_a_nationality_with_its_medium_is_no_station_name() -> None:
    text = "Iraqi Kurdish television reported that the market had been shelled."
    assert speakers(text)[0][0] != "Iraqi Kurdish"


def test_a_quote_said_by_one_of_a_group_just_named_is_a_claim_of_the_one_the_apposition_names() -> None:
    text = ('Two residents told Wire they heard blasts. "The roof fell in," said one of them, a baker who gave his '
            "name as Abu Karim. He said his cousin had told him that the road was closed.")
    assert speakers(text)[1:] == [("Abu Karim", "The roof fell in"),
                                  ("Abu Karim", "his cousin had told him that the road was closed")]


def test_a_body_named_in_the_possessive_is_the_antecedent_of_the_council() -> None:
    text = ("Nour Haddad waits outside the Homs City Council's office. About 900 families have returned, according "
            "to figures from the council's housing office.")
    assert speakers(text) == [("Homs City Council", "About 900 families have returned")]


def test_an_office_without_its_article_right_after_a_quote_then_the_name_speaks() -> None:
    text = ('"Shells hit two schools," deputy commander of the Northern Fleet, Vice Admiral Oleg Petrov, told a '
            "briefing.")
    assert speakers(text) == [("Oleg Petrov", "Shells hit two schools")]


def test_a_regional_security_source_is_not_the_datelines_state() -> None:
    text = ("HOMS, Syria (Wire) - A regional security source, speaking to Wire on condition of anonymity, said the "
            "strikes were aimed at a new supply route. The source said the group had moved 20 advisers.")
    assert [s for s, _ in speakers(text)] == ["unnamed sources", "unnamed sources"]


def test_a_security_source_under_the_dateline_is_still_its_state() -> None:
    assert speakers("PALMYRA, Syria (Wire) - A security source said the road was cut.")[0][0] == "Syrian government"
