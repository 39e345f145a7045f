"""Claim and speaker rules found on batch bl (a TASS briefing, a Rudaw water report, a bakery feature, a Reuters aid
wire, a fact-check claim box, a liveblog, a court report, a football Q&A), each with an invented text that failed
first (claim annotation guideline: "Speaker", "Spans", "Nesting")."""

from consumers.claims.extract import extract_claims


def test_a_claim_box_under_one_line_of_a_name_and_its_role_is_that_persons() -> None:
    # a fact-check prints the checked quotation under "NAME, ROLE" set apart by a blank line: attributed by position
    # (cue ""); a byline ("By NAME, OUTLET") or a bare name line over a quotation stays none
    text = ('Claim that Damascus airport is closed is false\n\nLeila Hamdan, Syrian Minister of Transport\n\n'
            '"No civilian flight has landed in Damascus since March."\n\nVerdict: False\n')
    assert [(c.speaker, c.cue, c.kind, c.text) for c in extract_claims(text)] == [
        ("Leila Hamdan", "", "direct", "No civilian flight has landed in Damascus since March"),
    ]
    assert extract_claims('By Ali Omar, Damascus Today\n\n"Bread is cheap."\n') == []
    assert extract_claims('Ali Omar\n\n"Bread is cheap."\n') == []


def test_a_statement_posted_on_a_channel_closes_the_cue_after_its_content() -> None:
    # 'P, the ministry said in a statement posted on Telegram.': the participle describes the medium, so it is cue,
    # and the content is what came before (was the claim "posted on Telegram")
    text = ("The council says 12 shops burned in the market fire. Another 35 people were hurt, the council said in a "
            "statement posted on Facebook.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("says", "12 shops burned in the market fire"),
        ("said in a statement posted on Facebook", "Another 35 people were hurt"),
    ]


def test_a_role_before_the_name_in_apposition_is_the_subject_not_content() -> None:
    # 'The defendant, NAME, a former X, denies the charges.': the role noun opens the subject, whose name follows in
    # apposition; a denial of "the charges" states nothing (was the claim "The defendant")
    text = ("The accused, Samir Haddad, a former guard at the prison, denies the charges. The court said the trial "
            "would resume in May.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [("said", "the trial would resume in May")]
    # content before its cue stays content: "The talks failed, NAME said."
    assert [c.text for c in extract_claims("The talks failed, Samir Haddad, a former guard, said.")] == [
        "The talks failed"
    ]


def test_a_denial_reported_by_a_source_closing_the_sentence_is_the_sources_claim_only() -> None:
    # 'The coalition has denied any role in the raid, the source added.': the closing cue reports the whole sentence,
    # the denial inside it included (guideline, "Nesting": outer claim only; was the coalition's claim "any role in
    # the raid, the source added")
    text = ("A security source told the agency that the raid began at dawn. The army has denied any role in the "
            "shelling, the source added.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("told the agency that", "the raid began at dawn"),
        ("added", "The army has denied any role in the shelling"),
    ]


def test_a_geological_survey_is_a_body_not_a_document() -> None:
    # 'the US Geological Survey said': a capitalised name closed by "Survey" names the agency (was read as a
    # document, "the survey", and given to the body quoted before); "the survey said" stays a document
    text = ("Turkey's disaster agency AFAD says it is ready to send rescuers. The tremor struck at 04:10 local time, "
            "the British Geological Survey said.")
    assert [c.speaker for c in extract_claims(text)] == ["AFAD", "British Geological Survey"]
    document = "The Syrian Observatory published a survey of 40 villages. The survey said 12 villages were empty."
    assert all("urvey" not in c.speaker for c in extract_claims(document))


def test_she_after_a_neighbour_named_in_apposition_is_the_neighbour() -> None:
    # 'Her neighbour, NAME, makes bread ... She said P': a person introduced in narration by her tie to the last
    # speaker, the name in commas after it, is whom the pronoun follows (was the speaker before)
    text = ('"Flour doubled in a month," Umm Samir told the paper. Umm Samir said she had closed her oven twice.\n\n'
            "Her neighbour, Hanan al-Masri, sells bread from her tent. She said four families had stopped buying.")
    assert [c.speaker for c in extract_claims(text)] == ["Umm Samir", "Umm Samir", "Hanan al-Masri"]


def test_a_contrast_clause_of_others_declining_to_say_is_the_writers() -> None:
    # 'said P, though two members declined to say how they would vote': who would not say is the writer's report,
    # not part of P (guideline, "Spans": trailing journalist clauses are excluded)
    text = ("Council officials said they expected a vote on the budget before March, though two members declined to "
            "say how they would vote.")
    assert [c.text for c in extract_claims(text)] == ["they expected a vote on the budget before March"]
    own = "The farmer said they had asked the council for help, but officials refused to come."
    assert [c.text for c in extract_claims(own)] == [
        "they had asked the council for help, but officials refused to come"
    ]


def test_diplomats_at_an_international_body_are_unnamed_not_the_body() -> None:
    # 'Diplomats at the UN Security Council said P': envoys of member states, who do not speak for the UN (was
    # United Nations); unnamed, as the house labels other unnamed diplomats
    text = "Diplomats at the UN Security Council said they expected a vote on the mission before June."
    assert [c.speaker for c in extract_claims(text)] == ["unnamed sources"]


def test_an_acronym_in_brackets_after_a_body_named_in_the_cue_stays_in_the_cue() -> None:
    # 'told the Executive Board of the World Health Organization (WHO) in Geneva that P': the acronym closes the
    # addressee's name, so the phrases after it are still the cue's (was the content 'of the World Health ...')
    text = ("The minister told the Executive Board of the World Health Organization (WHO) in Geneva that cholera "
            "cases had fallen.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("told the Executive Board of the World Health Organization (WHO) in Geneva that", "cholera cases had fallen"),
    ]


def test_a_dateline_whose_region_has_of_in_its_name_is_no_part_of_the_subject() -> None:
    # "QAMISHLI, Kurdistan Region of Syria - Residents say P": the dateline's region may hold "of" (was read as the
    # subject, so the residents became the Kurdistan Region)
    text = "AMUDA, Kurdistan Region of Syria - Farmers in the area say the wells have run dry since May."
    assert [(c.speaker, c.speaker_mention) for c in extract_claims(text)] == [
        ("unnamed sources", "Farmers in the area"),
    ]


def test_a_countrys_foreign_office_in_lower_case_is_its_foreign_ministry() -> None:
    # 'A British foreign office spokesperson told X that P': a member of that country's foreign ministry, as "A
    # British foreign ministry spokesperson" is (was unnamed sources)
    text = "A British foreign office spokesperson told the agency that no such licence had been issued."
    assert [c.speaker for c in extract_claims(text)] == ["British Ministry of Foreign Affairs"]
