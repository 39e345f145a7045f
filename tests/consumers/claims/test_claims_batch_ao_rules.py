"""Speaker, cue, span and number rules found on batch ao (an Iranian press conference in translation, a coalition of
armed factions with a kunya and a tribal elder, a liveblog with a hospital's changing toll and an anonymous Telegram
channel, a wire with claims and counter-claims about one strike, a joint statement of three states, a leaked memo,
a fact-check of a forged cable, an interview with an exiled opposition figure) and on leftovers of batch an (claim
guideline: "What is a claim", "Speaker", "Spans", "numbers"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def orgs(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.speaker_org) for c in extract_claims(text)]


def test_a_group_calling_itself_a_name_in_apposition_speaks_by_that_name() -> None:
    text = ("Six tribal militias in the Badia, calling themselves the Desert Shield Front, said they had taken the "
            "pumping station. The militias added that the road was open.")
    assert speakers(text) == [("Desert Shield Front", "they had taken the pumping station"),
                              ("Desert Shield Front", "the road was open")]


def test_a_person_known_by_a_kunya_after_his_full_name_is_the_full_name() -> None:
    text = ("The statement was signed by Khaled al-Rifai, known as Abu Bakr. Abu Bakr told reporters that the "
            "checkpoint would close.")
    assert speakers(text) == [("Khaled al-Rifai", "the checkpoint would close")]
    text = "Omar Haddad (better known as Abu Layla) ran the camp. Abu Layla said the wells were dry."
    assert speakers(text) == [("Omar Haddad", "the wells were dry")]
    text = "Omar Haddad, known as Abu Layla, said the camp was full. Abu Layla added that the wells were dry."
    assert speakers(text) == [("Omar Haddad", "the camp was full"), ("Omar Haddad", "the wells were dry")]


def test_a_former_role_of_a_body_refers_back_to_the_person_just_introduced() -> None:
    text = ("Rami Darwish left Aleppo in 2013. The former head of the Aleppo bar association, who now lives in "
            "Berlin, says the courts have not changed.")
    assert speakers(text) == [("Rami Darwish", "the courts have not changed")]


def test_a_diplomat_of_a_named_country_serves_its_foreign_ministry_whatever_he_follows() -> None:
    assert speakers("A Qatari diplomat said the talks would resume.") == [
        ("Qatari Ministry of Foreign Affairs", "the talks would resume")]
    assert speakers("A Turkish official who follows the Syria file said the talks would resume.") == [
        ("Turkish government", "the talks would resume")]


def test_a_list_of_countries_is_one_speaker_and_the_countries_refer_back_to_it() -> None:
    text = ("Lebanon, Jordan and Iraq said the summit would be held in Cairo. The three countries added that it "
            "was open.")
    assert speakers(text) == [("Lebanon, Jordan and Iraq", "the summit would be held in Cairo"),
                              ("Lebanon, Jordan and Iraq", "it was open")]
    # a capital opening the sentence is where, not one of the speakers
    assert speakers("In Ankara, Turkey and Qatar said the summit was over.")[0][0] == "Turkey and Qatar"


def test_a_kind_of_body_then_its_name_in_apposition_speaks_by_the_name() -> None:
    text = "Darwish's movement, the Civic Renewal Current, said it had opened an office in Homs."
    assert speakers(text) == [("Civic Renewal Current", "it had opened an office in Homs")]


def test_a_figure_another_body_disputed_is_answered_by_that_body() -> None:
    text = ("The monitor said the raid killed nine fighters, a toll the Jordanian army disputed, saying only two "
            "smugglers had died.")
    assert speakers(text) == [("Syrian Observatory for Human Rights", "the raid killed nine fighters"),
                              ("Jordanian Armed Forces", "only two smugglers had died")]


def test_a_document_circulating_since_a_day_has_no_identifiable_author() -> None:
    text = ("A letter circulating on WhatsApp since Tuesday, presented as an order of the Interior Ministry, claims "
            "that the border will close.")
    assert speakers(text) == [("unnamed sources", "the border will close")]


def test_a_subject_with_a_relative_clause_and_a_second_clause_in_commas_still_reports() -> None:
    text = ("A Facebook page that shares army news, and whose admins are unknown, claimed that the bridge had "
            "fallen.")
    assert speakers(text) == [("unnamed sources", "the bridge had fallen")]
    text = "The page that first shared it, which has 5,000 followers, wrote that the bridge had fallen."
    assert speakers(text) == [("unnamed sources", "the bridge had fallen")]


def test_a_document_signed_by_a_named_person_in_apposition_speaks() -> None:
    text = ("The Raqqa Civil Council sent a letter to schools. The letter, dated March 3 and signed by its co-chair, "
            "Leila Saleh, states that classes will start at eight.")
    assert speakers(text) == [("Raqqa Civil Council", "classes will start at eight")]


def test_a_quotation_that_states_something_before_a_rhetorical_question_continues_the_speaker() -> None:
    text = ('Hamid Omar said the road was "closed for good." Asked about the checkpoint, he laughed. "We waited '
            'there for six hours. Who can live like this?"')
    assert speakers(text) == [("Hamid Omar", 'the road was "closed for good'),
                              ("Hamid Omar", "We waited there for six hours. Who can live like this?")]
    assert speakers('Hamid Omar said the road was "closed for good." "Who can live like this?"') == [
        ("Hamid Omar", 'the road was "closed for good')]


def test_a_medium_posted_somewhere_belongs_to_the_cue_not_the_content() -> None:
    text = "Governor Ahmed Dalati said in a message posted on Telegram that the bakeries would open."
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("said in a message posted on Telegram that", "the bakeries would open")]


def test_a_spokesman_named_in_apposition_takes_the_body_named_or_quoted_before() -> None:
    text = "We asked the Qatari Foreign Ministry for comment; a spokesman, Majed al-Ansari, said the talks went on."
    assert orgs(text) == [("Majed al-Ansari", "Qatari Ministry of Foreign Affairs")]
    text = "The White Helmets said 12 people died. Their spokesman, Munir Mustafa, said the search had ended."
    assert orgs(text)[-1] == ("Munir Mustafa", "Syria Civil Defence")


def test_the_army_of_a_capital_the_sentence_places_it_in() -> None:
    assert speakers("In Beirut, the army said the crossing had been closed.") == [
        ("Lebanese Armed Forces", "the crossing had been closed")]


def test_the_speaker_of_a_parliament_named_in_apposition_serves_the_parliament() -> None:
    text = "The Speaker of the Iraqi parliament, Ali Jaber, said the session would resume."
    assert orgs(text) == [("Ali Jaber", "Iraqi parliament")]


def test_a_number_in_words_after_a_name_is_a_count_and_a_part_of_a_year_is_a_date() -> None:
    claims = extract_claims("The ministry said it had offered the YPG four brigades in the new army.")
    assert [n.text for n in claims[0].numbers] == ["four brigades"]
    claims = extract_claims("The ministry said the road would reopen in the second half of 2026.")
    assert claims[0].numbers == ()
