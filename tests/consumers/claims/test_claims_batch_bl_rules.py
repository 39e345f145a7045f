"""Claim and speaker rules found on batch bl (a TASS briefing, a Rudaw water report, a bakery feature, a Reuters aid
wire, a fact-check claim box, a liveblog, a court report, a football Q&A), each with an invented text that failed
first (claim annotation guideline: "Speaker", "Spans", "Nesting")."""

from consumers.claims.extract import extract_claims


def test_a_claim_box_under_one_line_of_a_name_and_its_role_is_that_persons() -> None:
    # a fact-check prints the checked quotation under "NAME, ROLE" set apart by a blank line: attributed by position
    # (cue ""); a byline ("By NAME, OUTLET") or a bare name line over a quotation stays none
    text = ('Claim that Damascus airport is closed is false\n\nLeila Hamdan, Syrian Minister of Transport\n\n'
            '"No civilian flight has landed in Damascus since March."\n\nVerdict: False\n')
    assert [(c.speaker, c.cue, c.kind, c.text) for c in extract_claims(text)] == [
        ("Leila Hamdan", "", "direct", "No civilian flight has landed in Damascus since March"),
    ]
    assert extract_claims('By Ali Omar, Damascus Today\n\n"Bread is cheap."\n') == []
    assert extract_claims('Ali Omar\n\n"Bread is cheap."\n') == []
