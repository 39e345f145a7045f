"""Speaker, cue and span rules found on batch ar (denials of one strike, a Dutch verdict, a Q&A interview, wildfires,
an amnesty decree, a church bombing, a migrant boat sinking, a gas deal) (claim guideline: "What is a claim",
"Speaker", "Spans"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_name_with_a_lower_case_particle_in_apposition_is_the_speaker() -> None:
    text = ('The hearing ended on Friday. His lawyer, Anke van Dijk, said the case was weak. "It rests on hearsay," '
            "she said.")
    assert [c.speaker for c in extract_claims(text)] == ["Anke van Dijk", "Anke van Dijk"]


def test_the_judges_speak_for_the_court_named_before() -> None:
    text = ("The Koblenz Higher Regional Court said in its ruling that the abuse was systematic. The judges wrote that "
            "the witnesses were credible.")
    assert [c.speaker for c in extract_claims(text)] == ["Koblenz Higher Regional Court"] * 2


def test_a_subject_that_sent_a_statement_saying_p_speaks_p() -> None:
    text = "The council sent a statement saying that the bakeries would reopen."
    assert [c.text for c in extract_claims(text)] == ["the bakeries would reopen"]


def test_people_placed_in_a_capital_at_the_start_of_a_sentence_are_unnamed() -> None:
    assert speakers("Doctors in Damascus said the wards were full.") == [
        ("unnamed sources", "the wards were full")
    ]


def test_a_body_named_by_its_acronym_after_its_kind_is_the_acronym() -> None:
    text = "The Jordanian aid agency JHCO said it had sent 40 trucks. Qatar's state energy firm QGC said it would pay."
    assert [c.speaker for c in extract_claims(text)] == ["JHCO", "QGC"]


def test_a_local_body_in_a_place_is_named_by_the_place_and_an_official_at_it_speaks_for_it() -> None:
    text = ("The education directorate in Hama said 40 schools had reopened. The rest lack windows, an official at the "
            "directorate told reporters.")
    assert [c.speaker for c in extract_claims(text)] == ["Hama Education Directorate"] * 2


def test_a_decree_speaks_for_whoever_issued_it() -> None:
    text = "The Interior Ministry issued a decree on Monday. The decree states that shops must close at ten."
    assert speakers(text) == [("Syrian Ministry of Interior", "shops must close at ten")]


def test_religious_bodies_are_organisations_not_people() -> None:
    text = "The Syriac Catholic Patriarchate of Antioch said two churches had been damaged."
    assert [(c.speaker, c.speaker_org) for c in extract_claims(text)] == [
        ("Syriac Catholic Patriarchate of Antioch", "Syriac Catholic Patriarchate of Antioch")
    ]


def test_a_group_called_a_name_is_the_name() -> None:
    text = "A little-known group called Liwa al-Tawhid al-Jadid said on Telegram that it had shelled the base."
    assert speakers(text) == [("Liwa al-Tawhid al-Jadid", "it had shelled the base")]


def test_a_lower_case_subject_with_an_apposition_right_after_a_quotation_speaks_it() -> None:
    text = '"The water came in the night," one fisherman, a father of three, told the agency.'
    assert speakers(text) == [("unnamed sources", "The water came in the night")]


def test_which_it_said_showed_reports_for_the_subject_after_an_adverb() -> None:
    text = "The Turkish army later published photographs that it said showed the tunnel entrance."
    assert speakers(text) == [("Turkish Ministry of Defense", "showed the tunnel entrance")]


def test_a_quoted_label_after_a_denial_is_no_part_of_the_content() -> None:
    text = 'The ministry denied that its jets had struck the market, calling the report "a fabrication."'
    assert [c.text for c in extract_claims(text)] == ["its jets had struck the market"]


def test_an_indefinite_person_named_later_is_not_the_role_before() -> None:
    text = ("The UN humanitarian chief said in a statement that aid would arrive. A truck driver, who gave his name "
            "only as Samer, said the road was closed.")
    assert [c.speaker for c in extract_claims(text)] == ["United Nations", "Samer"]
