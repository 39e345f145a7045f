"""Speaker and cue rules found on batch al (presidency and Kremlin readouts, an armed coalition's announcement, an army
on border smuggling, a minister on live TV, a joint UN statement, an opinion column) and on the leftovers of batch ak
(claim guideline, "Speaker": fullest name, no titles; canonical organisation names); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_country_name_after_a_title_opens_the_persons_name() -> None:
    text = "Finnish Transport Minister Israel Lindqvist said the ferry would resume on Monday."
    assert speakers(text) == [("Israel Lindqvist", "the ferry would resume on Monday")]
    assert speakers("Syrian Foreign Minister Fadi Nasser said the border would reopen.")[0][0] == "Fadi Nasser"


def test_a_role_noun_opening_a_sentence_is_no_part_of_the_name() -> None:
    assert speakers("Researcher Nour Habib said the archive had been burned.") == [
        ("Nour Habib", "the archive had been burned")]


def test_a_coalitions_own_name_does_not_take_the_datelines_army() -> None:
    text = "HAMA, Syria — The Northern Military Council said its fighters had entered the town."
    assert speakers(text) == [("Northern Military Council", "its fighters had entered the town")]
    assert speakers("HAMA, Syria — The army said its units had entered the town.")[0][0] == "Syrian Arab Army"


def test_an_outlet_saying_without_that_relays_the_reported_source() -> None:
    text = "The agency Petra said Omar Khalidi had stressed that the crossing would stay closed."
    assert speakers(text) == [("Omar Khalidi", "the crossing would stay closed")]


def test_a_generic_head_with_an_acronym_in_apposition_is_the_acronyms_body() -> None:
    text = "The medical charity, MSF, said that two clinics had closed."
    assert speakers(text) == [("Doctors Without Borders", "two clinics had closed")]


def test_a_sources_anonymity_after_a_closing_cue_is_no_content() -> None:
    text = "The talks have stalled, a Western diplomat told me, asking not to be named."
    assert [t for _, t in speakers(text)] == ["The talks have stalled"]


def test_owners_the_writer_met_are_unnamed_sources() -> None:
    assert speakers("Shop owners we met in Idlib said that fuel had run out.") == [
        ("unnamed sources", "fuel had run out")]


def test_a_department_of_a_known_body_speaks_as_that_body() -> None:
    text = ("UNICEF said schools were short of teachers. According to the education committee of the Kurdish-led "
            "administration, 40 schools had reopened.")
    assert speakers(text)[-1] == ("Autonomous Administration of North and East Syria", "40 schools had reopened")


def test_officials_at_the_central_bank_are_the_central_bank_of_the_country_the_text_is_about() -> None:
    text = "Officials at the central bank say the pound will be redenominated."
    assert speakers(text) == [("Central Bank of Syria", "the pound will be redenominated")]
    assert speakers("The central bank said the new notes would circulate in March.")[0][0] == "Central Bank of Syria"


def test_a_report_in_an_opening_subordinate_clause_ends_at_the_main_clause() -> None:
    text = "After the governor announced that the bridge had reopened, traffic returned to the old town."
    assert speakers(text) == [("unnamed sources", "the bridge had reopened")]
    text = "Although the council said the wells were safe, farmers said that the water tasted of salt."
    assert [t for _, t in speakers(text)] == ["the wells were safe", "the water tasted of salt"]
    text = 'When the shells came, I told my staff, "Leave the wards now."'
    assert [t for _, t in speakers(text)] == ["Leave the wards now"]
