"""Speaker and cue rules found on batch ak (delegates, kunyas, co-chairs, bulletins, NGO reports) and on the
leftovers of the batch before (claim guideline, "Speaker" and "What is a claim"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_report_by_an_organisation_is_a_noun_not_a_plural_subjects_verb() -> None:
    assert extract_claims("A recent report by Physicians for Human Rights (PHR) documents 40 attacks on clinics.") == []


def test_a_phrase_naming_the_medium_before_the_subject_is_not_content() -> None:
    assert extract_claims("In a post on X, the governor told residents of the town to stay indoors.") == []


def test_warned_an_addressee_to_do_something_is_a_call() -> None:
    text = ("The brigade's spokesman, Karim Haddad, warned residents of two villages near the base to leave their "
            "homes.")
    assert extract_claims(text) == []
    assert speakers("The spokesman warned that the villages would be shelled.")[0][1] == "the villages would be shelled"


def test_a_capitalised_title_after_the_article_is_an_apposition() -> None:
    text = 'Ahmad Badreddin, the Grand Mufti of Lebanon, affirmed that "dialogue is the only road."'
    assert speakers(text) == [("Ahmad Badreddin", "dialogue is the only road")]


def test_honorifics_are_titles() -> None:
    text = "His Excellency Sheikh Ahmad Badreddin, the Grand Mufti of Lebanon, said the mosque would reopen."
    assert speakers(text) == [("Ahmad Badreddin", "the mosque would reopen")]
    assert speakers("Hajj Abu Salim, 66, said the well had dried up.") == [("Abu Salim", "the well had dried up")]
    assert speakers("Co-chair Leyla Mustafa said the council had met.") == [("Leyla Mustafa", "the council had met")]


def test_a_kunya_alone_refers_back_to_the_full_name_it_opens() -> None:
    text = ('The leader of the Liwa al-Haqq faction, Abu Hamza al-Homsi, said his men had withdrawn. '
            '"We kept our word," Abu Hamza said.')
    assert [s for s, _ in speakers(text)] == ["Abu Hamza al-Homsi", "Abu Hamza al-Homsi"]


def test_a_role_then_the_representative_of_a_state_is_that_states_government() -> None:
    text = "The Chair of the committee, the representative of Norway, said that the report was adopted."
    assert speakers(text) == [("Norwegian government", "the report was adopted")]


def test_the_report_refers_back_to_the_organisation_whose_report_it_is() -> None:
    text = ("A new report by Physicians for Human Rights counts 40 attacks on clinics. "
            "The report, based on 30 interviews, says that 12 clinics closed.")
    assert speakers(text) == [("Physicians for Human Rights", "12 clinics closed")]


def test_who_said_after_an_object_speaks_for_that_object() -> None:
    text = "Investigators also met a former guard, who said the cells had no windows."
    assert speakers(text) == [("unnamed sources", "the cells had no windows")]


def test_according_to_a_name_with_a_bare_role_apposition() -> None:
    text = "According to Lina Saleh, deputy director for research at the institute, the camp holds 9,000 people."
    assert speakers(text) == [("Lina Saleh", "the camp holds 9,000 people")]


def test_the_role_of_a_header_line_refers_back_to_its_holder() -> None:
    text = ("Briefing by the Deputy Head of the Russian Centre for Reconciliation Rear Admiral Pavel Orlov\n\n"
            '"Two drones were downed," the deputy head of the Centre said.')
    assert speakers(text) == [("Pavel Orlov", "Two drones were downed")]


def test_which_it_said_after_a_country_adjective_subject() -> None:
    text = "The Iraqi interior ministry condemned the ambush, which it said killed two border guards."
    assert speakers(text) == [("Iraqi Ministry of Interior", "killed two border guards")]


def test_the_politburo_alone_refers_back_to_the_party_named_with_it() -> None:
    text = ("The Popular Liberation Front (PLF) Politburo met on Sunday. "
            "The Politburo said the front would boycott the vote.")
    assert speakers(text) == [("Popular Liberation Front", "the front would boycott the vote")]


def test_a_lower_case_name_in_quotation_marks_after_known_as() -> None:
    text = 'A fighter known as "abu dujana" said the unit had left the hill.'
    assert speakers(text) == [("abu dujana", "the unit had left the hill")]


def test_an_ordinal_source_with_no_source_before_it_is_unnamed() -> None:
    assert speakers("The first source said the convoy had left.") == [("unnamed sources", "the convoy had left")]


def test_the_turkish_presidencys_communications_directorate_is_the_turkish_government() -> None:
    text = "The Directorate of Communications announced that the talks would resume in Ankara next month."
    assert speakers(text) == [("Turkish government", "the talks would resume in Ankara next month")]


def test_a_name_opening_with_a_latin_capital_beyond_ascii_is_a_person() -> None:
    [claim] = extract_claims("Spokesperson Ömer Demirtaş said the talks would go on.")
    assert (claim.speaker, claim.speaker_org) == ("Ömer Demirtaş", "")


def test_a_document_with_no_antecedent_is_the_body_of_the_role_holder_in_the_header_line() -> None:
    text = ("Statement by the Head of the Russian Centre for Reconciliation Major General Oleg Petrenko\n\n"
            "Two aid convoys crossed the Abu al-Duhur corridor under the protection of the Red Crescent, the bulletin "
            "says.")
    assert [s for s, _ in speakers(text)] == ["Russian Center for Reconciliation"]


def test_a_capitalised_name_that_is_also_a_verb_is_a_subject() -> None:
    assert speakers("Said Khalil said the men had withdrawn.") == [("Said Khalil", "the men had withdrawn")]
    assert speakers('"We kept our word," Abu Said said.') == [("Abu Said", "We kept our word")]
