"""Speaker and claim rules found on batch ax (a leaked memo, a minister's posts, an analysis with experts, tanker
tracking data, an NGO open letter, a sermon and a tribal sheikh, an explainer in questions, a first-person column)
(claim guideline: "What is a claim", "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_one_of_a_group_named_in_apposition_is_that_name() -> None:
    text = ('Two bakers said flour had run out. '
            '"We close at noon now," one of them, Walid Khoury, told reporters.')
    assert speakers(text)[1] == ("Walid Khoury", "We close at noon now")


def test_people_interviewed_for_this_article_are_sources() -> None:
    text = "Most of the traders interviewed for this article said the pound would fall again."
    assert speakers(text) == [("unnamed sources", "the pound would fall again")]


def test_a_countrys_channel_by_name_is_the_channel() -> None:
    text = "Jordan's Channel 9 had reported that the border crossing would reopen."
    assert speakers(text) == [("Channel 9", "the border crossing would reopen")]


def test_data_from_a_firm_named_after_its_kind_is_the_firm() -> None:
    text = "According to data from the analytics firm Vortexa, the ships carried 900,000 barrels."
    assert speakers(text) == [("Vortexa", "the ships carried 900,000 barrels")]


def test_lebanons_general_security_is_the_lebanese_agency() -> None:
    text = "Lebanon's General Security said in a statement that 300 people had crossed on Sunday."
    assert speakers(text) == [("Lebanese General Security", "300 people had crossed on Sunday")]


def test_a_counted_group_with_coordinated_kinds_speaks_after_a_call() -> None:
    text = ("Twelve medical and human rights organisations urged donors on Monday to fund the clinics, "
            "saying in a joint letter that 40 of them had closed.")
    assert speakers(text) == [("unnamed sources", "40 of them had closed")]


def test_a_pronoun_after_a_sentence_about_a_person_quoted_before_is_that_person() -> None:
    text = ("Rami Haddad said the plan was ready. Lina Saleh replied that her team had not seen it. "
            "Haddad later changed the wording of his post. In an interview on Monday, he said the plan would be "
            "published in May.")
    assert speakers(text)[2] == ("Rami Haddad", "the plan would be published in May")


def test_the_local_council_of_a_datelined_town_is_that_towns() -> None:
    text = "SARAQEB, Syria — Families are coming back. The local council said it had restored power to 200 homes."
    assert speakers(text) == [("Saraqeb Local Council", "it had restored power to 200 homes")]


def test_the_governorate_of_a_datelined_city_is_that_citys() -> None:
    text = "DEIR EZ-ZOR, Syria — Bakers are angry. The governorate insists that flour reaches every bakery on time."
    assert speakers(text) == [("Deir ez-Zor Governorate", "flour reaches every bakery on time")]


def test_a_memo_signed_by_a_minister_speaks_for_the_ministry() -> None:
    text = "The memo, dated March 3 and signed by Deputy Health Minister Rami Aziz, says that 40 clinics will close."
    assert speakers(text) == [("Syrian Ministry of Health", "40 clinics will close")]


def test_most_of_a_group_the_writer_met_is_unnamed() -> None:
    text = "The traders I spoke to disagree: most told me prices had doubled."
    assert speakers(text) == [("unnamed sources", "prices had doubled")]


def test_saying_otherwise_reports_no_proposition() -> None:
    text = "The ministry says the wells are full. The farmers say otherwise."
    assert [c.text for c in extract_claims(text)] == ["the wells are full"]
