"""General speaker rules found on unseen own passages (claim guideline, "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_possessive_role_then_name_in_apposition() -> None:
    text = "The rights group counted 11 dead. Its chairman, Omar Haddad, told Wire the clinic had been marked."
    assert speakers(text)[-1] == ("Omar Haddad", "the clinic had been marked")


def test_manner_adverb_between_subject_and_cue() -> None:
    text = "General Ivan Petrov spoke on Monday. Petrov also falsely said that no civilians had been in the area."
    assert speakers(text) == [("Ivan Petrov", "no civilians had been in the area")]


def test_participle_after_a_denial_without_content_keeps_the_subject() -> None:
    text = "A government military source denied the charge, telling the state news agency SANA that units fired back."
    [claim] = extract_claims(text)
    assert (claim.speaker, claim.text) == ("Syrian Arab Army", "units fired back")


def test_told_a_story_is_not_a_report_and_the_named_member_speaks() -> None:
    text = "Residents tell a different story: one farmer, Abu Karim, said his family pays twice as much for diesel."
    assert speakers(text) == [("Abu Karim", "his family pays twice as much for diesel")]


def test_capitalised_title_refers_back_to_the_named_holder() -> None:
    text = ("The UN Special Envoy for Yemen, Lars Halvorsen, voiced concern on Monday.\n\n"
            '"Civilians pay the heaviest price," the Special Envoy said.')
    [claim] = extract_claims(text)
    assert claim.speaker == "Lars Halvorsen"


def test_role_before_of_is_the_head_of_a_definite_description() -> None:
    text = ("Deputy Head of the Reconciliation Center Rear Admiral Pavel Orlov said 9 attacks were recorded.\n\n"
            '"Two servicemen were wounded," the deputy head of the center said.')
    assert [s for s, _ in speakers(text)] == ["Pavel Orlov", "Pavel Orlov"]


def test_numbers_in_a_quote_after_a_place_list_are_not_a_person() -> None:
    text = ('Colonel Anton Ilyin said the zone was calm. "In Idlib and Latakia, 14 attacks were registered," he said.'
            "\n\nAccording to him, two soldiers were wounded.")
    assert speakers(text)[-1][0] == "Anton Ilyin"


def test_generic_group_noun_goes_back_to_the_organisation_quoted_last() -> None:
    text = "The Kurdish-led SDF said strikes hit a silo. The silo fed 40 villages, the group said."
    assert speakers(text)[-1][0] == "Syrian Democratic Forces"


def test_unnamed_resident_with_age_is_an_unnamed_source() -> None:
    text = '"We will not leave," a 56-year-old resident of Amuda told Wire by phone.'
    assert speakers(text) == [("unnamed sources", "We will not leave")]


def test_military_source_takes_the_side_of_the_dateline_not_the_content() -> None:
    text = ("Damascus, SANA – The army repelled an attack.\n\n"
            "Earlier, a military source said that the Israeli enemy launched missiles towards the capital.")
    assert speakers(text)[-1][0] == "Syrian Arab Army"


def test_military_source_quoted_by_state_media_is_of_that_state() -> None:
    text = ("ANKARA/MOSCOW (Wire) - Turkey and Russia traded blame.\n\n"
            'Syrian state media quoted a military source as saying: "Our forces responded to the fire."')
    assert speakers(text)[-1][0] == "Syrian Arab Army"
