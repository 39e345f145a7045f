"""Speaker, cue and span rules found on batch am (a wire on displacement figures, a Kurdish outlet relaying a civil
council, Russian state media in English, an Arabic outlet in translation, a fact-check, a UN noon briefing, a
liveblog, an interview) and on three leftovers of earlier batches (claim guideline: "Speaker", "Spans", "Nesting",
the conduit rule); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_name_never_runs_over_a_blank_line() -> None:
    text = ("North Press – Qamishli\n\nThe Water Directorate said the pumps had stopped. A source in the directorate "
            "said the pumps would restart on Monday.")
    assert speakers(text)[-1] == ("Water Directorate", "the pumps would restart on Monday")


def test_a_ministry_named_before_without_a_country_is_the_countrys_the_text_is_about() -> None:
    text = "The Ministry of Health said 12 clinics had closed. According to an official in the ministry, 40 left."
    assert speakers(text)[-1] == ("Syrian Ministry of Health", "40 left")


def test_an_assimilated_arabic_article_inside_a_name_keeps_the_name_whole() -> None:
    text = "The Tal as-Samn Local Council said the road was cut. A member of the council said the water had run out."
    assert speakers(text)[-1] == ("Tal as-Samn Local Council", "the water had run out")


def test_the_city_a_named_body_sits_in_is_no_part_of_it() -> None:
    text = "A fellow at the Middle East Institute in Washington said the talks had stalled."
    assert speakers(text) == [("Middle East Institute", "the talks had stalled")]


def test_a_denial_of_reports_named_by_where_they_ran_reports_what_was_denied() -> None:
    text = "The Asayish denied reports spread on social media that its members had raided the market."
    assert speakers(text) == [("Asayish", "its members had raided the market")]


def test_an_outlet_reporting_without_that_relays_the_source_it_names() -> None:
    text = ("The Qamishli Bakery Committee said flour had arrived. The Kurdish outlet Roj News reported the committee "
            "had said that bread prices would fall.")
    assert speakers(text)[-1] == ("Qamishli Bakery Committee", "bread prices would fall")


def test_a_passive_report_speaks_for_its_named_agent_only() -> None:
    text = "It was alleged by the opposition daily Zaman al-Wasl that the prisoners had been moved."
    assert speakers(text) == [("Zaman al-Wasl", "the prisoners had been moved")]
    assert speakers("It was alleged that the prisoners had been moved.") == []


def test_a_relative_clause_describing_the_subject_is_no_speaker() -> None:
    text = "The account that first shared the photo claimed that the bridge had collapsed."
    assert speakers(text) == [("unnamed sources", "the bridge had collapsed")]


def test_a_role_holders_office_speaks_as_the_holder() -> None:
    text = "The mayor of Jableh, Samir Haddad, said the port was open. The mayor's office said the curfew was lifted."
    assert speakers(text)[-1] == ("Samir Haddad", "the curfew was lifted")


def test_a_quote_reopened_after_the_speaker_and_an_apposition_is_a_second_claim() -> None:
    text = '"The clinic has no fuel," said Rana Aziz, a doctor in the camp, "and the generator broke last week."'
    assert speakers(text) == [
        ("Rana Aziz", "The clinic has no fuel"), ("Rana Aziz", "and the generator broke last week")]


def test_a_cue_closing_the_sentence_reports_the_report_that_opens_it() -> None:
    text = ("Huda Nasser, an aid worker, said the clinic was full. Local farmers say that the wells have dried up, "
            "she said.")
    assert speakers(text)[-1] == ("Huda Nasser", "Local farmers say that the wells have dried up")
    text = "Ankara claims that the village hides fighters, an accusation residents deny."
    assert speakers(text) == [("Turkish government", "the village hides fighters")]


def test_an_analysts_field_is_no_organisation() -> None:
    claim = extract_claims("Military analyst Tarek Sami told Sputnik that the convoy had turned back.")[0]
    assert (claim.speaker, claim.speaker_org) == ("Tarek Sami", "")


def test_a_list_opening_a_report_in_an_opening_clause_is_not_its_end() -> None:
    text = "When the council announced that bread, fuel and water would be rationed, queues formed at the bakeries."
    assert [t for _, t in speakers(text)] == ["bread, fuel and water would be rationed"]
    text = "After the minister said that the road was open, police and soldiers were withdrawn."
    assert [t for _, t in speakers(text)] == ["the road was open"]


def test_a_relief_workers_role_before_the_name_is_no_part_of_it_nor_an_organisation() -> None:
    claim = extract_claims("The aid worker Lina Saleh said the camp had run out of bread.")[0]
    assert (claim.speaker, claim.speaker_org) == ("Lina Saleh", "")
    claim = extract_claims("Rescue volunteer Bilal Omar said three bodies were found.")[0]
    assert (claim.speaker, claim.speaker_org) == ("Bilal Omar", "")


def test_a_diplomat_placed_in_a_capital_serves_no_government_of_that_city() -> None:
    assert speakers("A European diplomat in Damascus said the sanctions would stay.") == [
        ("unnamed sources", "the sanctions would stay")]


def test_crisis_group_is_the_international_crisis_group() -> None:
    claim = extract_claims("Crisis Group analyst Dana Haddad said the truce was fragile.")[0]
    assert (claim.speaker, claim.speaker_org) == ("Dana Haddad", "International Crisis Group")


def test_a_un_spokespersons_colleagues_and_the_unnamed_spokesperson_of_a_noon_briefing_are_the_un() -> None:
    assert speakers("Our humanitarian colleagues say that 3,000 families have fled the town.") == [
        ("United Nations", "3,000 families have fled the town")]
    text = ("Press briefing by the Spokesperson for the Secretary-General\n\nThe Resident Coordinator, Omar Latif, "
            "said aid had reached Idlib. Asked about the convoy, the Spokesperson said that the crossing was open.")
    assert speakers(text)[-1] == ("United Nations", "the crossing was open")
    text = "Omar Latif, an aid official, said aid had reached Idlib. The spokesperson said the crossing was open."
    assert speakers(text)[-1][0] == "Omar Latif"  # no briefing header: the person named before, as until now
