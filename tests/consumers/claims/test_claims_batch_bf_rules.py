"""Claim and speaker rules found on batch bf (a cross-border exchange, a prose interview, a football report, a
company's investment, an anonymous group's claims, a correction note) (claim guideline, "Speaker"); invented
sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_un_peacekeeping_force_is_the_united_nations() -> None:
    text = ("UNDOF, the UN force that patrols the Golan ceasefire line, said its observers had seen tanks near "
            "Quneitra. UNIFIL said on Monday that its patrols had resumed.")
    assert [s for s, _ in speakers(text)] == ["United Nations", "United Nations"]


def test_a_company_backed_by_others_is_named_without_its_backers() -> None:
    text = "Gulf-backed Orient Glass said on Sunday it would build a furnace in Hassia."
    assert speakers(text) == [("Orient Glass", "it would build a furnace in Hassia")]


def test_a_nationality_noun_is_the_person_named_before() -> None:
    text = ('"We were patient and it paid off," Jableh coach Luis Ferreira said after the match. '
            'The Portuguese said the pitch had been "far too dry".')
    assert [s for s, _ in speakers(text)] == ["Luis Ferreira", "Luis Ferreira"]


def test_he_after_a_sentence_that_names_one_person_is_that_person() -> None:
    text = ('Sami Kanaan, the goalkeeper, told reporters he had "never felt so tired". '
            "The visitors' manager, Adel Hamdan, was angrier. He said the referee had lost control of the game.")
    assert [s for s, _ in speakers(text)] == ["Sami Kanaan", "Adel Hamdan"]


def test_he_after_a_correction_naming_one_person_is_that_person() -> None:
    text = ('"The bakery will open in May," said Nabil Rahhal, who owns it. The mayor, Fadi Sarkis, said the '
            "permits were ready.\n\nA previous version of this story misquoted Mr Rahhal as saying the bakery "
            "would open in March. He said it would open in May.")
    assert [s for s, _ in speakers(text)] == ["Nabil Rahhal", "Fadi Sarkis", "Nabil Rahhal"]


def test_a_directorate_of_a_ministry_speaks_as_the_ministry() -> None:
    text = ("DAMASCUS - The Interior Ministry's General Security directorate in Tartus denied that the "
            "checkpoint had been abandoned.")
    assert [s for s, _ in speakers(text)] == ["Syrian Ministry of Interior"]


def test_a_person_the_story_opens_with_after_a_dateline_is_the_role_after() -> None:
    text = ("BEIRUT (Agency) - Rima Saleh has spent ten years in exile, and she does not plan to return.\n\n"
            "Speaking from her flat, the 51-year-old teacher said her school had closed. The trouble, she said, "
            "was money.")
    assert [s for s, _ in speakers(text)] == ["Rima Saleh", "Rima Saleh"]


def test_analysts_at_a_firm_given_by_its_kind_then_name_are_the_firm() -> None:
    text = ("Economists at Dubai-based consultancy Orbis Advisory estimate that the mills will need 2 million "
            "tonnes of wheat. An analyst at a Damascus firm said prices would rise.")
    assert [s for s, _ in speakers(text)] == ["Orbis Advisory", "unnamed sources"]


def test_a_court_named_with_its_seat_keeps_the_seat() -> None:
    text = "The People's Court in Raqqa on Monday jailed a baker for fraud, the court's media office said."
    assert [s for s, _ in speakers(text)] == ["People's Court in Raqqa"]


def test_told_a_named_channel_by_its_kind_is_the_addressee() -> None:
    text = "A party official told Al-Mayadeen television that the talks had failed."
    assert [t for _, t in speakers(text)] == ["the talks had failed"]


def test_the_owner_of_a_thing_in_a_lead_is_the_person_named_next_with_it() -> None:
    text = ("HAMA - The owner of the Hama soap factory that burned down in May says he will rebuild it by winter.\n\n"
            '"I still have the recipes," said Walid Karam, whose grandfather opened the factory in 1931.')
    assert [s for s, _ in speakers(text)] == ["Walid Karam", "Walid Karam"]


def test_a_quotation_after_a_cue_closing_its_sentence_is_the_named_speakers() -> None:
    text = ('The council had promised to repair the pumps, Karam said. "Since then nobody has come." '
            'Karam said the pumps were old.\n\n"The rest is politics."')
    assert speakers(text) == [
        ("Karam", "The council had promised to repair the pumps"),
        ("Karam", "Since then nobody has come"),
        ("Karam", "the pumps were old"),
    ]

