"""Claim and speaker rules found on batch bj's first run (a court report naming the defendant by an initial, a
feature's age description, a UN agency's local office, a fact-check header, a ministry's repeated statement, a club's
administration); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_an_unnamed_defendant_is_the_one_the_next_paragraph_names_by_first_name_and_initial() -> None:
    # (European court reports name a defendant by a first name and an initial, after the lead, under the privacy
    # rules they cite; "he" then stays with him)
    text = ('A former police officer on trial in Oslo told the court on Monday that he had never visited the prison.'
            '\n\nThe 45-year-old, identified under Norwegian privacy law only as Karim S., is charged with torture.'
            '\n\n"I was a clerk," he said.')
    assert [s for s, _ in speakers(text)] == ["Karim S.", "Karim S."]


def test_an_age_description_with_any_noun_is_the_person_named_before() -> None:
    # ("the 39-year-old widow", "the 52-year-old baker": the age makes it a person, whatever the noun)
    text = "Salma Hamdan has sold vegetables in the market since 2015. The 39-year-old widow says prices rise again."
    assert speakers(text) == [("Salma Hamdan", "prices rise again")]


def test_a_named_body_s_office_in_a_city_answers_for_the_body() -> None:
    # (a local office is no body of its own: "the UNICEF office in Amman" is UNICEF, so the United Nations)
    text = "In a statement, the UNICEF office in Amman said 2,000 children had been vaccinated."
    assert [s for s, _ in speakers(text)] == ["United Nations"]


def test_a_club_s_administration_is_the_sports_club_named_before() -> None:
    # (a sports club is a body with a management of its own, as a theatre or a federation is; its president is
    # its member)
    text = ("AMUDA, Syria (North Press) – The Amuda Youth Club signed a contract with a new coach on Friday, the "
            "club's management said. Club president Azad Omar told North Press that the fee was paid.")
    claims = extract_claims(text)
    assert [(c.speaker, c.speaker_org) for c in claims] == [
        ("Amuda Youth Club", "Amuda Youth Club"),
        ("Azad Omar", "Amuda Youth Club"),
    ]


def test_repeating_an_earlier_statement_that_p_claims_p_again() -> None:
    # (the noun names the earlier claim; only with its clause: "repeated the call", "repeated attacks" are none)
    text = ("The Health Ministry also repeated its earlier statement that tap water in Homs is safe to drink. "
            "Repeated attacks hit the town. The army repeated the call.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("also repeated its earlier statement that", "tap water in Homs is safe to drink"),
    ]


def test_a_place_between_commas_after_an_unnamed_person_belongs_to_the_mention() -> None:
    # ("Another resident, in Hama, who asked not to be named, said": where the person is, then who)
    text = "Another resident, in Deir ez-Zor, who asked not to be named, said his street had no water for a week."
    assert [(c.cue, c.text) for c in extract_claims(text)] == [("said", "his street had no water for a week")]


def test_an_indefinite_subject_after_but_with_an_apposition_speaks() -> None:
    # (lower case after the clause word that opens its clause, as "but an official told" is found without the
    # apposition; a department of the governorate speaks for the governorate named before)
    text = ("The Hama governorate announced a plan to cap rents, but an official in the governorate's transport "
            "directorate, speaking on condition of anonymity, told Enab Baladi that the plan was dead.")
    assert speakers(text) == [("Hama Governorate", "the plan was dead")]


def test_a_quote_inside_a_quote_that_ends_on_a_question_is_still_a_claim() -> None:
    # (the speaker quotes someone, then asks a question: the inner quote's sentence is attributed on its own; a
    # relative clause with an irregular past, "that came back", describes the subject)
    text = ('"A family that came back from Jordan told me, \'We will pay whatever you ask.\' What can I do?" '
            "he said.")
    assert [(c.speaker, c.cue, c.text) for c in extract_claims(text)][1:] == [
        ("unnamed sources", "told me", "We will pay whatever you ask"),
    ]


def test_a_name_before_a_co_chair_apposition_is_a_person_a_pronoun_goes_back_to() -> None:
    # (Kurdish-run bodies have co-chairs: "NAME, co-chair of X," introduces a person as "NAME, head of X," does;
    # "Kak" is the Kurdish "Mr", a title the name drops)
    text = ("Rudaw spoke to Kak Azad Hemo, co-chair of the bakery union in Amuda, about the shortages. He said that 40 "
            "bakeries had closed.")
    assert speakers(text) == [("Azad Hemo", "40 bakeries had closed")]


def test_a_player_s_or_coach_s_place_in_the_team_is_a_title_before_the_name() -> None:
    text = "Defender Ali Khalaf said the team was tired. Head coach Bahoz Remo said it was not."
    assert [s for s, _ in speakers(text)] == ["Ali Khalaf", "Bahoz Remo"]


def test_a_fact_check_header_block_set_apart_from_its_quotation_by_a_blank_line() -> None:
    # (a name line and a title line, then the checked quotation as a paragraph of its own: the named person's, by
    # position; one name line alone over a blank line is not enough, a byline looks so)
    text = ('Minister Says Bread Is Cheap. Shoppers Disagree.\n\nNadia Sleiman\nMinister of Trade, Syria\n\n'
            '"Bread costs less than in any neighbouring country."\n\nSource: Syria TV, May 3\n\nVerdict: False\n')
    assert [(c.speaker, c.cue, c.text) for c in extract_claims(text)] == [
        ("Nadia Sleiman", "", "Bread costs less than in any neighbouring country"),
    ]
    byline = 'By Ali Omar\n\n"Bread is cheap."\n'
    assert extract_claims(byline) == []


def test_a_person_first_named_bare_takes_the_body_a_later_mention_gives() -> None:
    # (the header names the minister alone; the body the text gives her later is hers, not "" as the header had it)
    text = ('Nadia Sleiman\nMinister of Trade, Syria\n\n"Bread costs less than in any neighbouring country."\n\n'
            "Verdict: False\n\nOn May 3, Syrian Trade Ministry spokeswoman Nadia Sleiman claimed that bread prices "
            "had fallen.")
    last = extract_claims(text)[-1]
    assert (last.speaker, last.speaker_org) == ("Nadia Sleiman", "Syrian Ministry of Trade")


def test_a_where_clause_holding_another_source_s_report_ends_the_first_report() -> None:
    # (the writer's relative clause on a place: "the camp where prosecutors say P" reports P for the prosecutors, so
    # the defendant's words end at the place; bare prosecutors stay unnamed, as own/ ad03's)
    text = "The officer told the court he never visited the camp where prosecutors say 30 men were beaten."
    assert speakers(text) == [
        ("unnamed sources", "he never visited the camp"),
        ("unnamed sources", "30 men were beaten"),
    ]


def test_a_headline_ending_on_a_quoted_phrase_is_no_claim() -> None:
    # (headlines are not claims: the quotation mark that ends this one follows no sentence mark, so the line is no
    # sentence)
    text = ('Amuda club signs deal, coach says promotion "within reach"\n\nAMUDA (North Press) – The Amuda Youth Club '
            'signed a deal on Friday. "We are ready," coach Bahoz Remo said.')
    assert speakers(text) == [("Bahoz Remo", "We are ready")]


def test_a_writer_s_aside_after_a_quotation_closed_by_its_comma_leaves_the_span() -> None:
    # (as ", a charge X denies" after unquoted words: the comma inside the closing mark opens the same aside)
    text = ('SDF spokesman Ali Omar accused Damascus of "sending men across the river," a charge the government did '
            "not respond to.")
    assert [c.text for c in extract_claims(text)] == ['Damascus of "sending men across the river']
