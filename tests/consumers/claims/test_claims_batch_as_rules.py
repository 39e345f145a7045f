"""Speaker and span rules found on batch as (a Human Rights Council dialogue, a rebuttal op-ed, a wire story built of
'according to' sources) (claim guideline: "Speaker", "Spans"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_state_named_after_of_gives_its_delegate_a_government() -> None:
    text = "The envoy Anna Lind said the talks had stalled. The delegate of Kuwait said aid was late."
    assert [c.speaker for c in extract_claims(text)] == ["Anna Lind", "Kuwaiti government"]


def test_a_delegate_of_another_state_is_not_the_person_quoted_before() -> None:
    text = "Commissioner Ines Moreau said the teams were ready. Later, the representative of China said aid was late."
    assert [c.speaker for c in extract_claims(text)] == ["Ines Moreau", "Chinese government"]


def test_a_states_representative_rejecting_then_saying_is_the_subject_and_he_next() -> None:
    text = ('Ines Moreau said the teams were ready. Iraq\'s representative rejected the findings, saying the report '
            "was biased. He said the government had set up its own committee.")
    assert [(c.speaker, c.speaker_mention) for c in extract_claims(text)] == [
        ("Ines Moreau", "Ines Moreau"),
        ("Iraqi government", "Iraq's representative"),
        ("Iraqi government", "He"),
    ]


def test_a_company_named_by_one_word_after_its_kind_is_the_speaker() -> None:
    text = "The contractor he hired, Betonex, told the paper that the cracks were old."
    assert speakers(text) == [("Betonex", "the cracks were old")]


def test_a_name_after_an_according_to_role_is_the_speaker_not_the_content() -> None:
    text = "According to a council spokesman, Omar Kheir, the bakery had reopened."
    assert speakers(text) == [("Omar Kheir", "the bakery had reopened")]


def test_an_according_to_aside_before_said_leaves_the_subject_speaking() -> None:
    text = "Jordanian army sources, according to the Petra agency, said the smugglers had been armed."
    assert speakers(text) == [("Jordanian Armed Forces", "the smugglers had been armed")]


def test_a_contrast_opening_the_next_report_is_no_part_of_the_first() -> None:
    text = "The governor said 12 schools had reopened, whereas the teachers' union said only five had."
    assert [c.text for c in extract_claims(text)] == ["12 schools had reopened", "only five had"]
