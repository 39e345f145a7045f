"""Speaker rules found on batch aw (a wire story naming its source after the quote, two men of one surname, a press
review, a Q&A interview, an army statement read out on state TV, a pronoun across paragraphs, an OCHA flash update, a
court hearing with witnesses) (claim guideline: "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_papers_columnist_is_a_person() -> None:
    text = ("The daily Al-Nahar was blunt. "
            "Its columnist Sami Kleib argued that the cabinet had no plan for the returnees.")
    assert speakers(text) == [("Sami Kleib", "the cabinet had no plan for the returnees")]


def test_a_witness_given_a_role_and_a_name_in_apposition_is_that_name() -> None:
    text = "A third witness, the pathologist Karin Holm, told the judges that the wounds were recent."
    assert speakers(text) == [("Karin Holm", "the wounds were recent")]


def test_counsel_for_a_party_named_in_apposition_speaks() -> None:
    text = "Under questioning, counsel for the defendant, Omar Nasr, said the confession had been forced."
    assert speakers(text) == [("Omar Nasr", "the confession had been forced")]


def test_a_statement_read_out_by_a_presenter_speaks_for_its_issuer() -> None:
    text = ("State television aired a statement from the General Command of the army on the offensive. "
            '"The units have reached the river," the presenter read from the statement. "The operation goes on."')
    assert speakers(text) == [
        ("Syrian Arab Army", "The units have reached the river"), ("Syrian Arab Army", "The operation goes on")
    ]


def test_the_statement_said_is_the_body_it_came_from() -> None:
    text = ("State radio aired a statement from the Ministry of Tourism about the season. "
            "The statement said 14 museums would reopen in May.")
    assert speakers(text) == [("Syrian Ministry of Tourism", "14 museums would reopen in May")]


def test_a_statement_from_a_body_set_off_by_commas_speaks_for_it() -> None:
    text = ("The channel later carried a second statement, from the Ministry of Tourism, "
            "saying the museums would reopen.")
    assert speakers(text) == [("Syrian Ministry of Tourism", "the museums would reopen")]


def test_a_ministry_named_in_narration_keeps_its_country_when_referred_back_to() -> None:
    text = ("Rana Aziz joined the Ministry of Tourism in January. "
            "The ministry said on Sunday that it would reopen 14 museums.")
    assert speakers(text) == [("Syrian Ministry of Tourism", "it would reopen 14 museums")]


def test_a_country_and_a_stance_before_a_name_leave_the_name_speaking() -> None:
    text = "Turkey's pro-government Milliyet said Ankara had not been consulted on the talks."
    assert speakers(text) == [("Milliyet", "Ankara had not been consulted on the talks")]


def test_an_unnamed_person_first_quoted_is_the_witness_named_next() -> None:
    text = ("A former prison guard told a court in Paris on Monday that the cells were never lit. "
            "The witness, identified only as W-12 for his safety, said he had served there for two years.")
    assert speakers(text) == [("W-12", "the cells were never lit"), ("W-12", "he had served there for two years")]


def test_a_witness_named_next_is_not_an_earlier_unnamed_body_member() -> None:
    text = ("A police spokesman said the road was closed. A former prison guard told the court that the cells were "
            "never lit. The witness, a defector who gave his name as Omar Saleh, said he had served for two years.")
    assert [c.speaker for c in extract_claims(text)][1:] == ["Omar Saleh", "Omar Saleh"]


def test_the_scene_of_a_hearing_after_the_content_is_the_writers() -> None:
    text = ("Ghassan Aziz told the tribunal on Monday that the cells were never lit, "
            "as the tribunal heard witnesses in the case against two former officers.")
    assert speakers(text) == [("Ghassan Aziz", "the cells were never lit")]
