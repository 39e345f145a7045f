"""Claim and speaker rules found on batch be (hospital sources on cholera, a statement read on state TV, a radio
transcript, a photo essay with captions, an Arab summit, a border clash, teachers' salaries, a meeting of two Kurdish
parties) (claim guideline, "What is a claim", "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_labelled_caption_is_no_claim() -> None:
    text = ("Photo: Men unload flour at a bakery in Douma, where traders say prices have doubled.\n\n"
            "DOUMA — The local council said the bakery would reopen on Sunday.")
    assert [t for _, t in speakers(text)] == ["the bakery would reopen on Sunday"]


def test_medical_sources_at_a_named_hospital_are_the_hospital() -> None:
    text = ("Six people have died of food poisoning in Jableh, medical sources at the Ibn Rushd Hospital said. "
            "The sources said 40 patients had been admitted.")
    assert speakers(text) == [
        ("Ibn Rushd Hospital", "Six people have died of food poisoning in Jableh"),
        ("Ibn Rushd Hospital", "40 patients had been admitted"),
    ]


def test_a_presenter_reading_a_statement_out_is_a_conduit() -> None:
    text = ("State television broadcast a statement from the Ministry of Defence on Monday evening.\n\n"
            '"Our units repelled an attack on two positions near the river," the presenter read. '
            '"Three attackers were killed."')
    assert speakers(text) == [
        ("Syrian Arab Army", "Our units repelled an attack on two positions near the river"),
        ("Syrian Arab Army", "Three attackers were killed"),
    ]


def test_a_relative_clause_after_according_to_reports_for_its_source() -> None:
    text = ("Nurses in Hama have not been paid since March, according to the Hama Health Directorate, which said "
            "the money would arrive on Sunday.")
    assert speakers(text) == [
        ("Hama Health Directorate", "Nurses in Hama have not been paid since March"),
        ("Hama Health Directorate", "the money would arrive on Sunday"),
    ]


def test_blame_in_a_relative_clause_ends_at_its_comma() -> None:
    text = "The mayor, who blamed the drought for the shortage, said the wells would be deepened."
    assert [t for _, t in speakers(text)] == ["the drought for the shortage", "the wells would be deepened"]


def test_a_nurse_at_a_hospital_quoted_before_is_unnamed() -> None:
    text = ("Cases rose again, sources at the al-Razi Hospital said. "
            "A nurse at the hospital, who asked not to be named, said the ward was full.")
    assert speakers(text)[-1] == ("unnamed sources", "the ward was full")


def test_his_colleague_with_a_name_is_that_person_and_she_after_it() -> None:
    text = ('Yasser, a nurse who gave only his first name, said he had not been paid. "We work for nothing," he '
            "told us.\n\nHis colleague Rima Haddad said six nurses had left. She said the ward had closed.")
    assert [s for s, _ in speakers(text)] == ["Yasser", "Yasser", "Rima Haddad", "Rima Haddad"]


def test_the_n_year_old_is_the_person_named_with_that_age() -> None:
    text = ("Karim Daher, 61, and Omar Nassif attended the talks. Nassif said they had gone well. "
            "The 61-year-old told reporters that a second round would follow.")
    assert speakers(text)[-1] == ("Karim Daher", "a second round would follow")


def test_a_news_network_by_its_name() -> None:
    text = "The Idlib 24 news network, which covers the north, said two men had been arrested."
    assert speakers(text) == [("Idlib 24", "two men had been arrested")]


def test_both_sides_are_the_two_bodies_the_sentence_opens_with() -> None:
    text = ("The Syrian Democratic Council and the Kurdish National Council agreed on a joint list on Friday, "
            "both sides said.")
    assert speakers(text) == [
        ("Syrian Democratic Council and Kurdish National Council", "The Syrian Democratic Council and the Kurdish "
         "National Council agreed on a joint list on Friday")
    ]


def test_sheikh_after_a_given_name_is_part_of_the_name() -> None:
    assert speakers("His colleague Huda Sheikh said nine teachers had left.") == [
        ("Huda Sheikh", "nine teachers had left")
    ]
    assert speakers("Another deputy, Nabil Sheikh Hassan, said the figures were honest.")[0][0] == "Nabil Sheikh Hassan"
    assert speakers("Tribal leader Sheikh Nawaf al-Bashir said the talks failed.")[0][0] == "Nawaf al-Bashir"


def test_medical_sources_at_a_hospital_named_with_its_article() -> None:
    text = "Four children have died, medical sources at the al-Razi Hospital said on Monday."
    assert speakers(text) == [("al-Razi Hospital", "Four children have died")]
