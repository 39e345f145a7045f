"""Claim and speaker rules found on batch bi's first run (features and interviews: people speaking as themselves,
names in two spellings, a quote inside a quote, a wire lead that names its doctor next) (claim annotation guideline,
"Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_central_asian_state_by_name_owns_its_ministry() -> None:
    text = "Uzbekistan's Foreign Ministry said in a written reply that 90 children had been brought home."
    assert [s for s, _ in speakers(text)] == ["Uzbek Ministry of Foreign Affairs"]


def test_an_outlet_named_with_a_slash_is_the_addressee() -> None:
    text = "Aziza Karimova told RFE/RL by phone that 40 families were still waiting."
    assert speakers(text) == [("Aziza Karimova", "40 families were still waiting")]


def test_a_person_after_a_double_hyphen_dateline_is_the_age_described_next() -> None:
    text = ('TASHKENT -- Dilnoza Yusupova has waited six years for her son.\n\n"I keep his room as it was," the '
            "55-year-old told reporters.")
    assert [s for s, _ in speakers(text)] == ["Dilnoza Yusupova"]


def test_a_surname_in_another_transliteration_is_the_person_named_before() -> None:
    text = ("Leyla Rahmonova said the letters had stopped in May. Rakhmonova, as the name is written in her "
            "passport, said she had asked the embassy twice. Kurdish commander Siyar Xelef (also spelled Khalaf) "
            "said the camp was calm. Khalaf denied that any woman had been beaten.")
    assert [s for s, _ in speakers(text)] == ["Leyla Rahmonova", "Leyla Rahmonova", "Siyar Xelef", "Siyar Xelef"]


def test_a_ministry_of_two_portfolios_keeps_both() -> None:
    text = "An official at the Ministry of Water and Environment told reporters that the dam would be closed."
    assert [s for s, _ in speakers(text)] == ["Syrian Ministry of Water and Environment"]


def test_a_spokesman_for_a_governorate_speaks_for_it() -> None:
    text = "A spokesman for the Hama governorate denied that any land had been seized."
    assert [s for s, _ in speakers(text)] == ["Hama governorate"]


def test_a_quote_inside_a_later_sentence_of_a_quotation_is_its_speaker_s() -> None:
    text = ('"We found the door open. The soldier said, \'Nobody lives here now,\'" Samir Daher told the paper.')
    assert speakers(text) == [
        ("Samir Daher", "We found the door open. The soldier said, 'Nobody lives here now"),
        ("unnamed sources", "Nobody lives here now"),
    ]


def test_a_clause_word_opening_the_sentence_is_no_part_of_the_name() -> None:
    text = ('When Abu Salim al-Halabi returned to Aleppo in March, he found his shop looted.\n\n"They took '
            'everything," the 61-year-old said.')
    assert [s for s, _ in speakers(text)] == ["Abu Salim al-Halabi"]


def test_a_lead_s_indefinite_role_is_the_holder_the_next_paragraph_names() -> None:
    text = ("DEIR EZ-ZOR (Agency) - The city's hospital has run out of insulin, a senior doctor said on Monday.\n\n"
            'Dr. Samer Haddad, who heads the diabetes ward, told the agency that 300 patients were waiting. "We '
            'ration every vial," the doctor said.')
    assert [s for s, _ in speakers(text)] == ["Samer Haddad", "Samer Haddad", "Samer Haddad"]


def test_a_place_then_a_trade_is_an_unnamed_person_and_a_relative_clause_before_an_apposition_is_his() -> None:
    text = ("A Mersin trader who sells olive oil in Homs, speaking on condition of anonymity, denied that the oil "
            "was smuggled. A Latakia fisherman said the port was closed.")
    assert speakers(text) == [("unnamed sources", "the oil was smuggled"), ("unnamed sources", "the port was closed")]
