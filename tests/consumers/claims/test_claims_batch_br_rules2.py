"""Rules found on batch br's leftovers (claim guideline); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_memo_dated_and_signed_by_a_named_director_speaks_for_the_signer() -> None:
    text = ('A memo dated 3 May and signed by the council\'s director, Karim Aziz, says the city "cannot pay the '
            'contractors."')
    assert speakers(text) == [("Karim Aziz", 'the city "cannot pay the contractors')]
    text = "A memorandum signed by Karim Aziz says the city cannot pay."
    assert speakers(text) == [("Karim Aziz", "the city cannot pay")]


def test_returnees_interviewed_by_a_body_s_staff_are_unnamed_not_the_body() -> None:
    text = "Returnees interviewed by UNHCR protection staff in Homs said the lack of water was their biggest problem."
    assert speakers(text) == [("unnamed sources", "the lack of water was their biggest problem")]
    text = "Families contacted by UNICEF said the school had no heating."
    assert speakers(text) == [("unnamed sources", "the school had no heating")]


def test_expressing_their_thanks_after_the_content_is_the_writers_words_not_the_claim() -> None:
    text = ('Shopkeepers in the old market told the agency that the new tax "will close half the shops," expressing '
            "their anger at the council.")
    assert speakers(text) == [("unnamed sources", 'the new tax "will close half the shops')]
    text = "The governor said the road would reopen on Monday, voicing his thanks to the engineers."
    assert [t for _, t in speakers(text)] == ["the road would reopen on Monday"]


def test_lawyers_for_an_unnamed_group_are_unnamed_sources_not_a_name() -> None:
    text = "Lawyers for the 20 families said the case was the first of its kind."
    assert speakers(text) == [("unnamed sources", "the case was the first of its kind")]
    text = "Physicians for Human Rights said the hospital was hit twice."
    assert speakers(text)[0][0] == "Physicians for Human Rights"


def test_people_who_worked_for_a_named_body_speak_for_it_and_so_does_one_of_them() -> None:
    text = ("The ministry said the fund had been audited. Two engineers who worked for the Eastern Aleppo Housing "
            'Fund told Reuters that the wards had no heating. "I signed off on walls that did not exist," one of them '
            "said.")
    assert [s for s, _ in speakers(text)][1:] == ["Eastern Aleppo Housing Fund"] * 2


def test_a_ministry_of_two_portfolios_keeps_a_capitalised_second_one_but_not_another_body() -> None:
    text = "The Ministry of Agriculture and Agrarian Reform said seed prices will fall."
    assert speakers(text)[0][0] == "Syrian Ministry of Agriculture and Agrarian Reform"
    text = "The Ministry of Health and UNICEF said 300 children were vaccinated."
    assert speakers(text)[0][0] == "Syrian Ministry of Health"


def test_seen_by_an_outlet_is_no_part_of_a_ministry_whose_name_holds_and() -> None:
    text = ("The road was paid for by three firms, according to internal documents of the Ministry of Public Works and "
            "Housing seen by Reuters. A ministry official told Reuters that an audit had opened.")
    assert [s for s, _ in speakers(text)] == ["Syrian Ministry of Public Works and Housing"] * 2


def test_the_authorities_after_in_country_are_that_countrys_government_not_the_body_before() -> None:
    text = ("In Lebanon, General Security said 400 people crossed back. In Jordan, the authorities reported that 300 "
            "refugees left the camp.")
    assert [s for s, _ in speakers(text)] == ["Lebanese General Security", "Jordanian government"]
