"""Claim and speaker rules found on batch bh's first run (wires, officials, organisations: a bankers' lead, a
statement read out, a fact-check header, a court report) (claim annotation guideline); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_comment_in_apposition_after_the_cue_is_not_content() -> None:
    text = ("Jordan will reopen the Jaber crossing to trucks next month, two traders told Reuters, a move that would "
            "cut transport costs by a third.")
    assert speakers(text) == [("unnamed sources", "Jordan will reopen the Jaber crossing to trucks next month")]


def test_one_of_the_bankers_after_the_content_is_a_source() -> None:
    text = "The bank will sell dollars to importers first, one of the bankers said."
    assert speakers(text) == [("unnamed sources", "The bank will sell dollars to importers first")]


def test_the_statement_of_a_body_named_by_its_kind_is_that_body_s() -> None:
    text = ('The Lebanese Ministry of Energy condemned the attack on the power line. The ministry\'s statement '
            'reads: "Two pylons were destroyed near Hermel." The statement added that repairs would take a week.')
    assert [s for s, _ in speakers(text)] == ["Lebanese Ministry of Energy", "Lebanese Ministry of Energy"]


def test_a_quotation_under_a_name_line_and_a_title_line_is_that_person_s() -> None:
    text = ('Omar Khatib\nGovernor of Hama Province\n"Every village in the province now has running water."\n'
            "Source: state television, May 3\n\nThe claim is false.")
    assert speakers(text) == [("Omar Khatib", "Every village in the province now has running water")]


def test_a_body_s_data_portal_speaks_for_the_body() -> None:
    text = "About 90,000 people have crossed since May, according to the IOM's displacement tracking portal."
    assert [s for s, _ in speakers(text)] == ["United Nations"]


def test_federal_prosecutors_before_a_court_abroad_are_that_state_s_prosecution() -> None:
    text = ("KARLSRUHE, Germany (AFP) - A court jailed a former militia leader on Friday. Federal prosecutors had "
            "said during the trial that he ordered the killing of 11 men.")
    assert speakers(text) == [("German Federal Prosecutor's Office", "he ordered the killing of 11 men")]


def test_a_court_found_that_is_a_finding_others_finding_is_not() -> None:
    text = ("The District Court in Stockholm found that the defendant had fired at civilians in 2013. "
            "Reporters at the newspaper found that the witness had lied.")
    assert speakers(text) == [("District Court in Stockholm", "the defendant had fired at civilians in 2013")]
