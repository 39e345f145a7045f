"""Speaker and span rules left over from batches aq and ar (claim guideline: "What is a claim", "Speaker", "Spans");
invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_quote_told_inside_a_relative_clause_is_its_own_claim_of_the_subject() -> None:
    text = 'Samir Haddad, who told reporters "the bridge will hold," said the engineers had left the site.'
    assert speakers(text) == [
        ("Samir Haddad", "the bridge will hold"),
        ("Samir Haddad", "the engineers had left the site"),
    ]


def test_money_changers_in_a_city_are_unnamed_sources() -> None:
    assert speakers("Money changers in Aleppo said the pound had lost a fifth of its value.") == [
        ("unnamed sources", "the pound had lost a fifth of its value")
    ]


def test_a_bare_court_with_none_named_before_is_unnamed() -> None:
    text = "The hearing lasted three days. The court said the defendant had run the checkpoint."
    assert [c.speaker for c in extract_claims(text)] == ["unnamed sources"]


def test_the_government_is_the_state_of_the_subject_of_the_sentence_before() -> None:
    text = "Jordanian border guards shot two smugglers on Sunday. The government said the men had been armed."
    assert [c.speaker for c in extract_claims(text)] == ["Jordanian government"]


def test_a_dutch_dateline_gives_a_national_body_its_country() -> None:
    text = "THE HAGUE, May 4 (Wire) - The public prosecution service said a second suspect had been detained."
    assert [c.speaker for c in extract_claims(text)] == ["Dutch Public Prosecution Service"]
