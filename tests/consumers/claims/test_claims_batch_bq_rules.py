"""Speaker rules found on batches bl, bn and bq (claim guideline, "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_named_governments_ministry_is_the_ministry_not_the_government() -> None:
    text = "The Salvation Government's Ministry of Health said two clinics in Sarmada had closed for lack of fuel."
    assert speakers(text) == [("Salvation Government Ministry of Health",
                               "two clinics in Sarmada had closed for lack of fuel")]


def test_a_named_governments_ministry_keeps_the_governments_name_as_written() -> None:
    text = "IDLIB — The Syrian Interim Government's Ministry of Education said on Sunday that 40 schools had reopened."
    assert speakers(text)[0][0] == "Syrian Interim Government Ministry of Education"


def test_a_ministry_of_a_named_government_after_of_is_the_ministry() -> None:
    text = "The Ministry of Interior of the Syrian Salvation Government said 12 people were arrested in Harem."
    assert speakers(text)[0][0] == "Syrian Salvation Government Ministry of Interior"


def test_a_named_governments_directorate_in_lower_case_is_the_directorate() -> None:
    text = "The Salvation Government's health directorate said the outbreak in Darkush was under control."
    assert speakers(text)[0][0].lower() == "salvation government health directorate"


def test_the_head_of_a_directorate_in_lower_case_then_a_name_is_the_person() -> None:
    for text in ("The head of the health directorate Walid Hamdan told Wire that three wards had closed.",
                 "Head of the health directorate Walid Hamdan told Wire that three wards had closed."):
        assert speakers(text) == [("Walid Hamdan", "three wards had closed")], text


def test_a_named_governments_ministry_then_the_ministry_is_the_same_ministry() -> None:
    text = ("The Salvation Government's Ministry of Health said two clinics had closed. The ministry said fuel "
            "would arrive on Monday.")
    assert [s for s, _ in speakers(text)] == ["Salvation Government Ministry of Health"] * 2


def test_a_body_member_before_a_name_is_a_role_so_the_person_speaks_and_he_refers_to_him() -> None:
    text = ("Nadia Saleh, a nurse, said the clinic had closed. Council member Omar Haddad told Wire that the council "
            'had no money. "We are bankrupt," he said.')
    assert [s for s, _ in speakers(text)] == ["Nadia Saleh", "Omar Haddad", "Omar Haddad"]


def test_the_ministry_is_the_ministry_named_last_even_when_its_words_were_no_claim() -> None:
    text = ("The Turkish Defence Ministry said its drones had hit two depots. Meanwhile, the Turkish Foreign Ministry "
            "voiced concern over the clashes in Manbij. The ministry's statement says that the fighting threatens "
            "the ceasefire.")
    assert [s for s, _ in speakers(text)] == ["Turkish Ministry of Defense", "Turkish Ministry of Foreign Affairs"]


def test_a_ministry_of_two_portfolios_named_by_the_first_is_that_ministry_not_the_government() -> None:
    text = "The Ministry of Local Administration and Environment reports that 300 people have been displaced."
    assert speakers(text)[0][0] == "Syrian Ministry of Local Administration and Environment"


def test_a_relative_of_an_unnamed_person_is_an_unnamed_source_not_a_name() -> None:
    for text in ("The mother of a 12-year-old boy detained in March said the guards had beaten him.",
                 "The father of a student arrested in Homs said the police had not charged him."):
        assert [s for s, _ in speakers(text)] == ["unnamed sources"], text


def test_a_turn_that_will_not_promise_a_date_is_no_claim() -> None:
    text = ("Nadia Haddad spoke to Wire.\n\nWire: When will the school reopen?\n\nHaddad: I cannot promise you a "
            "date.\n\nWire: Is the roof repaired?\n\nHaddad: Yes, the roof is repaired.\n")
    assert speakers(text) == [("Nadia Haddad", "Yes, the roof is repaired")]


def test_another_council_member_is_one_of_the_council_named_before() -> None:
    text = ("Inkhil's local council said the fee was needed. Council member Omar Haddad told Wire that the trucks "
            "were old. Another council member, who asked not to be named, said donors had not paid.")
    found = [s for s, _ in speakers(text)]
    assert found[1] == "Omar Haddad" and found[2] == found[0] and found[0].lower().startswith("inkhil")
