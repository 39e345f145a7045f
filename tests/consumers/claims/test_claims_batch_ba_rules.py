"""Claim and speaker rules found on batch ba (a flood warning, a tomb find, a prisoner swap, a wedding attack, an
election count, a smuggling bust, an exam leak, a water dispute) (claim guideline, "What is a claim", "Spans",
"Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_an_unnamed_person_with_a_long_relative_clause_who_told_an_outlet_that() -> None:
    text = "A man who was selling bread near the bakery told North Press that the shelling began at seven."
    assert speakers(text) == [("unnamed sources", "the shelling began at seven")]


def test_a_view_rejected_by_a_body_which_said_is_two_claims() -> None:
    text = ('The Arab League said the ballot was "a step forward", a view rejected by the opposition Syrian '
            'Negotiation Commission, which said the count was "a formality".')
    assert speakers(text) == [("Arab League", 'the ballot was "a step forward'),
                              ("Syrian Negotiation Commission", 'the count was "a formality')]


def test_a_national_union_of_a_people_and_a_group_is_the_whole_name() -> None:
    text = "The General Union of Syrian Workers said 40 members had lost their jobs."
    assert speakers(text) == [("General Union of Syrian Workers", "40 members had lost their jobs")]
