"""Claim and speaker rules found on batch bj's first run (a court report naming the defendant by an initial, a
feature's age description, a UN agency's local office, a fact-check header, a ministry's repeated statement, a club's
administration); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_an_unnamed_defendant_is_the_one_the_next_paragraph_names_by_first_name_and_initial() -> None:
    # (European court reports name a defendant by a first name and an initial, after the lead, under the privacy
    # rules they cite; "he" then stays with him)
    text = ('A former police officer on trial in Oslo told the court on Monday that he had never visited the prison.'
            '\n\nThe 45-year-old, identified under Norwegian privacy law only as Karim S., is charged with torture.'
            '\n\n"I was a clerk," he said.')
    assert [s for s, _ in speakers(text)] == ["Karim S.", "Karim S."]


def test_an_age_description_with_any_noun_is_the_person_named_before() -> None:
    # ("the 39-year-old widow", "the 52-year-old baker": the age makes it a person, whatever the noun)
    text = "Salma Hamdan has sold vegetables in the market since 2015. The 39-year-old widow says prices rise again."
    assert speakers(text) == [("Salma Hamdan", "prices rise again")]


def test_a_named_body_s_office_in_a_city_answers_for_the_body() -> None:
    # (a local office is no body of its own: "the UNICEF office in Amman" is UNICEF, so the United Nations)
    text = "In a statement, the UNICEF office in Amman said 2,000 children had been vaccinated."
    assert [s for s, _ in speakers(text)] == ["United Nations"]
