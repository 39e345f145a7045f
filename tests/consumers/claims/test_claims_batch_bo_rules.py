"""Speaker rules found on batches bl, bm, bo and heldback/ (claim guideline, "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_member_of_a_local_body_in_lower_case_speaks_for_the_body_by_its_place() -> None:
    text = "A member of the local council in Tafas, who asked not to be named, said the town gets half its flour."
    assert speakers(text) == [("Tafas Local Council", "the town gets half its flour")]


def test_pronoun_after_an_unnamed_member_of_a_body_is_that_body_not_a_person_named_earlier() -> None:
    text = ("Mayor Karim Aziz told Wire on Monday that the wells had been repaired. A Red Cross engineer in Hama told "
            "Wire that two of the pumps had failed again. She said spare parts had not arrived.")
    assert [s for s, _ in speakers(text)] == ["Karim Aziz", "International Committee of the Red Cross",
                                              "International Committee of the Red Cross"]


def test_quote_after_an_unnamed_council_member_is_the_council() -> None:
    text = ('Abu Salim, a baker, said flour was short. A member of the local council in Tafas, who asked not to be '
            'named, said the town gets half its allocation. "The rest is sold on," he said.')
    assert [s for s, _ in speakers(text)] == ["Abu Salim", "Tafas Local Council", "Tafas Local Council"]


def test_pronoun_after_a_body_member_goes_back_past_them_when_someone_is_named_since() -> None:
    text = ("A Red Cross engineer told Wire that two pumps had failed. Mayor Karim Aziz disputed that on Monday. "
            "He said the pumps were working.")
    assert speakers(text)[-1][0] == "Karim Aziz"


def test_a_bodys_documentation_speaks_for_the_body() -> None:
    text = "The toll of the week's shelling has risen to 40, according to Amnesty's documentation."
    assert speakers(text) == [("Amnesty International", "The toll of the week's shelling has risen to 40")]


def test_a_governments_own_ministry_by_its_is_that_countrys_ministry() -> None:
    text = "Tehran rejected the accusation. Its foreign ministry said the convoy had carried only food."
    assert speakers(text)[-1][0] == "Iranian Ministry of Foreign Affairs"


def test_a_body_called_back_by_the_end_of_its_name_is_the_body_by_its_full_name() -> None:
    text = ("Samir Aziz, director of the Hama Electricity Company, spoke to Wire on Monday. The Electricity Company "
            "later said it would publish a repair schedule.")
    assert speakers(text) == [("Hama Electricity Company", "it would publish a repair schedule")]


def test_a_turn_refusing_to_give_a_date_is_no_claim() -> None:
    text = ("Nadia Karam, head of the Homs grain board, spoke to Wire.\n\nWire: When will the mills reopen?\n\n"
            "Karam: We can't give you a date yet.\n\nWire: And the price of bread?\n\nKaram: It will not rise.\n")
    assert speakers(text) == [("Nadia Karam", "It will not rise")]


def test_according_to_then_a_clause_ending_in_when_is_content_not_an_apposition() -> None:
    text = "According to police sources, a truck bomb went off near the bakery at 7 a.m., when the queue was longest."
    [claim] = extract_claims(text)
    assert claim.text == "a truck bomb went off near the bakery at 7 a.m., when the queue was longest"


def test_drivers_and_passengers_are_sources() -> None:
    text = ("Lebanese taxi drivers interviewed at the border said the queue had grown to three days. Bus passengers "
            "told Wire the fare had doubled.")
    assert speakers(text) == [("unnamed sources", "the queue had grown to three days"),
                              ("unnamed sources", "the fare had doubled")]


def test_an_age_description_after_a_quote_is_the_person_the_paragraph_named() -> None:
    text = ('When the bus stops outside Um Khalil\'s house, she runs to meet her son. "He is all I have left," said '
            "the 61-year-old widow.")
    assert speakers(text) == [("Um Khalil", "He is all I have left")]


def test_a_leads_unnamed_official_of_a_body_is_the_member_of_it_named_next() -> None:
    text = ("GENEVA - Aid to Idlib has fallen by a third this year, a senior UN official told donors on Tuesday.\n\n"
            '"We are running out of time," UN aid coordinator Karin Olsen told the conference.')
    assert [s for s, _ in speakers(text)] == ["Karin Olsen", "Karin Olsen"]


def test_a_leads_unnamed_official_stays_the_body_when_the_next_speaker_is_of_another() -> None:
    text = ("GENEVA - Aid to Idlib has fallen by a third this year, a senior UN official told donors on Tuesday.\n\n"
            '"We will not pay more," US envoy Mark Dale told the conference.')
    assert [s for s, _ in speakers(text)] == ["United Nations", "Mark Dale"]


def test_a_leads_unnamed_official_is_the_person_named_next_under_a_title_only() -> None:
    text = ("GENEVA - Aid to Idlib has fallen by a third this year, a senior UN official told donors on Tuesday.\n\n"
            '"We are running out of time," Deputy Relief Coordinator Karin Olsen told the conference.')
    assert [s for s, _ in speakers(text)] == ["Karin Olsen", "Karin Olsen"]


def test_a_leads_unnamed_official_stays_the_body_when_the_next_speaker_is_a_resident() -> None:
    text = ("IDLIB - Aid to Idlib has fallen by a third this year, a senior UN official told donors on Tuesday.\n\n"
            '"We eat once a day," Ali Omar, a farmer in Sarmada, told Wire.')
    assert [s for s, _ in speakers(text)] == ["United Nations", "Ali Omar"]


def test_the_federation_in_an_interviewers_question_is_the_governing_body_the_text_names_after() -> None:
    text = ("Wire: The federation says the pitch will be relaid by March. Do you believe it?\n\n"
            "Coach: No.\n\n"
            "The Jordan Football Association said on Monday that the work had been delayed.")
    assert speakers(text)[0] == ("Jordan Football Association", "the pitch will be relaid by March")


def test_kurdish_officials_in_a_city_of_iraqi_kurdistan_are_the_regional_government() -> None:
    text = "Kurdish officials in Zakho told Wire that 300 families had crossed from Syria this month."
    assert speakers(text)[0][0] == "Kurdistan Regional Government"


def test_kurdish_officials_in_a_syrian_city_are_not_the_regional_government() -> None:
    text = "Kurdish officials in Qamishli told Wire that 300 families had arrived this month."
    assert speakers(text)[0][0] != "Kurdistan Regional Government"


def test_in_her_words_opening_a_sentence_attributes_it() -> None:
    text = ("Foreign Ministry spokeswoman Irina Volkova said on Thursday that talks would resume. "
            "In her words, Moscow will keep sending wheat to Syria.")
    assert speakers(text) == [("Irina Volkova", "talks would resume"),
                              ("Irina Volkova", "Moscow will keep sending wheat to Syria")]


def test_in_other_words_is_no_attribution() -> None:
    text = "Irina Volkova said talks would resume. In other words, the deal is off."
    assert speakers(text) == [("Irina Volkova", "talks would resume")]
