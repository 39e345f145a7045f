"""Rules found on house batch bu's errors (claim guideline, transcripts.md); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


_BRIEFING = (
    "Press briefing, Ankara, March 4\n\n"
    "The briefing was led by ministry spokesman Levent Oral.\n\n"
    "MR ORAL: Good morning. Two announcements first. The ministry has sent 300 tents to Hatay. A second convoy leaves "
    "on Friday.\n\n"
    "QUESTION: Will the border crossing at Cilvegozu reopen this week?\n\n"
    "MR ORAL: It reopened at noon for aid trucks only.\n\n"
    "QUESTION: Has the ministry spoken to the families of the detained drivers?\n\n"
    "MR ORAL: I'm not going to get into the details of consular cases.\n\n"
    "QUESTION: Thank you.\n\n"
    "MR ORAL: Thanks, everyone.\n"
)


def test_a_spokesperson_turn_opening_a_briefing_before_the_first_question_is_a_turn() -> None:
    # a briefing opens with the spokesperson's statement, then questions: the opening turn is one claim too
    claims = [(c.speaker, c.cue, c.text) for c in extract_claims(_BRIEFING)]
    assert ("Levent Oral", "", "Good morning. Two announcements first. The ministry has sent 300 tents to Hatay. A "
            "second convoy leaves on Friday") in claims
    assert ("Levent Oral", "", "It reopened at noon for aid trucks only") in claims


def test_a_refusal_to_get_into_details_and_thanks_to_everyone_are_no_claims() -> None:
    texts = [c.text for c in extract_claims(_BRIEFING)]
    assert not any("consular" in t for t in texts)
    assert "Thanks, everyone" not in texts
    assert len(texts) == 2


def test_declining_to_name_or_identify_ends_the_span() -> None:
    # "told X that P but declined to name Y": the refusal is the writer's report, no part of P
    text = ("The harbour master told AFP that two tankers had been turned away but declined to name the companies "
            "that owned them.")
    assert speakers(text) == [("unnamed sources", "two tankers had been turned away")]
    text = "Colonel Ivan Sorokin said a drone had been shot down, but refused to identify the unit that fired."
    assert speakers(text) == [("Ivan Sorokin", "a drone had been shot down")]


def test_a_bullet_marker_is_no_part_of_a_speaker_and_opens_its_sentence() -> None:
    # list items in a sitrep or a fact box: the marker opens the item, then an ordinary sentence
    text = ("Situation report, Hama\n\nKEY POINTS\n"
            "- According to the Hama Health Directorate, six people have died in the cold.\n"
            "- Aid agencies report that 2,000 families lost their tents.\n"
            "• The Syrian Arab Red Crescent said it had delivered 500 blankets.\n")
    assert speakers(text) == [("Hama Health Directorate", "six people have died in the cold"),
                              ("unnamed sources", "2,000 families lost their tents"),
                              ("Syrian Arab Red Crescent", "it had delivered 500 blankets")]


def test_according_to_what_someone_told_an_outlet_is_that_persons_claim() -> None:
    # "According to what X told Y, P": X speaks, Y only heard it (a translated report's order)
    text = ("Dilan Ehmed, a council official in Derik, spoke to ANHA on Monday. According to what Ehmed told ANHA, "
            "the bakery will reopen on Friday.")
    assert speakers(text) == [("Dilan Ehmed", "the bakery will reopen on Friday")]
    text = "The road to Tal Tamr will reopen on Friday, according to what the governor told reporters."
    assert [c.speaker_mention for c in extract_claims(text)] == ["the governor"]


def test_a_role_over_a_capitalised_country_response_before_a_name_is_a_role() -> None:
    # "The coordinator for the Lebanon Response, NAME, said": the role's complement names a capitalised programme
    text = ("The Humanitarian Coordinator for the Lebanon Response Plan, Ingrid Solheim, said 40 shelters had "
            "flooded.")
    assert speakers(text) == [("Ingrid Solheim", "40 shelters had flooded")]
    text = "The envoy for the Syria Crisis, Pavel Dvorak, said the talks had stalled."
    assert speakers(text) == [("Pavel Dvorak", "the talks had stalled")]


def test_a_second_verb_of_the_same_subject_takes_no_words_of_the_first_verbs_content() -> None:
    # 'insisted that "Q1" and accused Y of "Q2"': two claims, the second the object of "accused" (bp's leftover)
    text = 'The ministry insisted that "prices have not risen" and accused traders of "hoarding sugar."'
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("insisted that", "prices have not risen"), ("accused", 'traders of "hoarding sugar')]
    # "stressed that P and warned X": the second verb reports no content of its own
    text = "The spokesman stressed that the army remains committed to the truce and warned the militias."
    assert [c.text for c in extract_claims(text)] == ["the army remains committed to the truce"]


def test_a_past_perfect_verb_after_and_goes_on_with_the_reported_content() -> None:
    # backshift: 'stressed that the side "Q" and had informed its partners through X' -- the side informed (P goes on)
    text = ('The colonel stressed that the Turkish side "keeps moving armour to the border" and had informed its '
            'Russian partners through the joint centre.')
    assert [c.text for c in extract_claims(text)] == [
        'the Turkish side "keeps moving armour to the border" and had informed its Russian partners through the '
        'joint centre']


def test_a_counted_or_definite_lower_case_head_after_but_with_an_apposition_speaks() -> None:
    # "But two drivers ..., who asked not to be named, told X that P": the clause word opens the subject
    text = ("The crossing reopened on Monday. But two truck drivers waiting at the border, who asked not to be named, "
            "told Reuters that customs officers were still turning back fuel tankers.")
    assert speakers(text) == [("unnamed sources", "customs officers were still turning back fuel tankers")]
    text = "However, the drivers, speaking on condition of anonymity, said the queue had not moved."
    assert speakers(text) == [("unnamed sources", "the queue had not moved")]


def test_a_nominal_report_of_deaths_is_a_claim_its_noun_phrase_the_span() -> None:
    # "reported the death of N": the report's proposition is given as a noun phrase (bp's leftover)
    text = ("The Syrian Network for Human Rights reported the deaths of three farmers, including a boy, in a drone "
            "strike near Sarmin on Tuesday.")
    assert speakers(text) == [("Syrian Network for Human Rights", "the deaths of three farmers, including a boy, in "
                                                                  "a drone strike near Sarmin on Tuesday")]
    # a monitor's "documented the deaths of N" stays its narration (own/ gold), "reported hearing" as before
    text = "The Syrian Network for Human Rights documented the deaths of three farmers near Sarmin."
    assert speakers(text) == []


def test_a_quoted_faction_name_opening_the_subject_speaks_as_the_unit() -> None:
    # 'The "X Division" of the Syrian National Army denied that P': the marks are the writer's, the unit speaks
    text = ('Shelling resumed at dawn. The "Hamza Brigade" of the Syrian National Army denied that its fighters had '
            'fired on the village.')
    assert speakers(text) == [("Hamza Brigade", "its fighters had fired on the village")]
    text = 'The so-called "Free Army" said its fighters had left the base.'
    assert speakers(text) == [("Free Army", "its fighters had left the base")]
    # a quoted word of narration opening the sentence is no subject
    text = 'The "humanitarian pause" ended on Friday, the UN said.'
    assert speakers(text) == [("United Nations", 'The "humanitarian pause" ended on Friday')]


def test_camp_managers_are_a_source() -> None:
    text = "Site managers near Azaz reported that two water tanks had burst."
    assert speakers(text) == [("unnamed sources", "two water tanks had burst")]


def test_a_document_of_a_lower_case_ministry_speaks_for_that_ministry() -> None:
    # "A Syrian industry ministry document seen by X says P": the issuer written before the noun, in lower case
    text = "A Syrian industry ministry document seen by AFP says 14 textile plants have closed since June."
    assert speakers(text) == [("Syrian Ministry of Industry", "14 textile plants have closed since June")]


def test_a_firm_named_in_apposition_to_its_kind_with_its_owner_speaks_by_its_name() -> None:
    # "The operator, the state-owned X Company, said P": the firm's name after "state-owned"
    text = "The operator, the state-owned Syrian Railways Company, said the line to Homs would reopen in May."
    assert speakers(text) == [("Syrian Railways Company", "the line to Homs would reopen in May")]


def test_a_policy_of_not_commenting_is_no_claim() -> None:
    # "said the ministry does not comment on X": a no-comment in the speaker's words, no proposition (guideline)
    text = ("A spokeswoman for the Dutch foreign ministry said the ministry does not comment on individual consular "
            "cases.")
    assert speakers(text) == []
    text = "The bank said it would not comment on market rumours."
    assert speakers(text) == []
    # a report about others not commenting is one
    text = "The bank said the regulator had not commented on the merger."
    assert [t for _, t in speakers(text)] == ["the regulator had not commented on the merger"]


def test_as_an_outlet_reported_earlier_is_its_claim_unless_the_outlet_is_the_writer() -> None:
    # "As X reported earlier, P": X's report, span P without the cue; the document's own outlet is its narration
    text = ("BEIRUT, May 2 (Reuters) - The road reopened on Friday.\n\n"
            "As AFP reported last week, 40 trucks were stuck at the Masnaa crossing.")
    assert speakers(text) == [("AFP", "40 trucks were stuck at the Masnaa crossing")]
    text = ("BEIRUT, May 2 (Reuters) - The road reopened on Friday.\n\n"
            "As Reuters reported last week, 40 trucks were stuck at the Masnaa crossing.")
    assert speakers(text) == []


def test_a_witness_identified_by_a_quoted_court_code_speaks_under_it() -> None:
    # 'The witness, a former nurse who ... was identified in court only as "Witness 3", said P': the code names her
    text = ('The defendant, Omar Saleh, denies the charges. The witness, a former nurse who testified behind a screen '
            'and was identified in court only as "Witness 3", said guards beat prisoners every night. "He laughed," '
            'the witness said of the defendant.')
    assert speakers(text) == [("Witness 3", "guards beat prisoners every night"), ("Witness 3", "He laughed")]


def test_a_source_who_testified_under_a_name_speaks_under_it() -> None:
    # br's leftover: "an engineer who testified under the name Yasser" and his later "he said"
    text = ('One of the plaintiffs, a pharmacist who testified under the name Karim, told the court he had been '
            'beaten daily. "We lost count of the days," he said.')
    assert speakers(text) == [("Karim", "he had been beaten daily"), ("Karim", "We lost count of the days")]


def test_the_role_after_an_unnamed_one_was_introduced_is_that_unnamed_one() -> None:
    # br's leftover: "An Arab diplomat ... was more hopeful. The diplomat said P" after a named analyst spoke
    text = ("Ahmet Kaya, a Turkish analyst, said the talks had stalled. An Arab diplomat who follows the talks was "
            "more hopeful. The diplomat said Damascus was ready to compromise.")
    assert speakers(text) == [("Ahmet Kaya", "the talks had stalled"),
                              ("unnamed sources", "Damascus was ready to compromise")]
    # the named diplomat quoted before stays the diplomat
    text = "Ahmet Kaya, a Turkish diplomat, said the talks had stalled. The diplomat added that they would resume."
    assert [s for s, _ in speakers(text)] == ["Ahmet Kaya", "Ahmet Kaya"]


def test_a_month_opening_the_sentence_is_no_part_of_a_role_before_a_name() -> None:
    # "In March the interior minister, NAME, told us, 'Q.'" (bs06's leftover, inside an answer turn too)
    text = ("In March the interior minister, Samir Nassar, told us, 'The files of the missing will be opened by "
            "summer.' Nothing has happened since.")
    assert speakers(text) == [("Samir Nassar", "The files of the missing will be opened by summer")]
    text = ("Interview with Dana Haddad, head of the Families Union.\n\nQ: Have the authorities answered your "
            "letters?\n\nHaddad: Many times. In March the interior minister, Samir Nassar, told us, 'The files of "
            "the missing will be opened by summer.' Nothing has happened since.\n\nQ: What do you expect now?\n\n"
            "Haddad: We expect names and graves.\n")
    assert [s for s, _ in speakers(text)] == ["Dana Haddad", "Samir Nassar", "Dana Haddad"]


def test_a_verb_final_translation_keeps_the_subject_before_its_addressee() -> None:
    # Kurdish word order kept in translation: "NAME, to Rudaw said: Q", "NAME, also to Rudaw said that P"
    text = ('The spokesperson of the Qamishli Asayish, Dilovan Ehmed, to Rudaw said: "The cell was watched for a '
            'month."')
    assert speakers(text) == [("Dilovan Ehmed", "The cell was watched for a month")]
    text = "The co-chair of the Derik council, Narin Sexo, also to Rudaw said that the market would close on Friday."
    assert speakers(text) == [("Narin Sexo", "the market would close on Friday")]
    text = ('The head of the SDF media centre, Rojhat Amed, in a statement to Rudaw English said the SDF "will not '
            'allow it."')
    assert speakers(text) == [("Rojhat Amed", 'the SDF "will not allow it')]


def test_a_name_opening_with_a_capital_with_a_diacritic_is_a_name_in_apposition() -> None:
    # Kurdish and Turkish names: "Şêxo", "Ömer Çelik"
    text = "The deputy minister, Ömer Çelik, said the talks had stalled."
    assert speakers(text) == [("Ömer Çelik", "the talks had stalled")]
    text = "The co-chair of the Amuda council, Rojda Şêxmûs, said that the bakery would reopen."
    assert speakers(text) == [("Rojda Şêxmûs", "the bakery would reopen")]


def test_an_unnamed_member_with_the_body_just_quoted_is_that_body() -> None:
    # "A volunteer with the group", "an engineer at the company ... the engineer said": one of the body quoted before
    text = ("The Syria Civil Defence said its teams had evacuated 300 people. A volunteer with the group told AFP "
            "that water reached the children's waists.")
    assert [s for s, _ in speakers(text)] == ["Syria Civil Defence", "Syria Civil Defence"]
    text = ("The Hama Water Company said it was owed 2 billion pounds. A copy of the letter was shared with us by an "
            "engineer at the company. \"We cannot pay the workers,\" the engineer said. He said 120 workers had not "
            "been paid.")
    assert [s for s, _ in speakers(text)] == ["Hama Water Company"] * 3


def test_a_country_minister_of_a_portfolio_is_not_the_spokesperson_quoted_before() -> None:
    # a question's relay "The Turkish defence minister said P" after the spokesperson's answer: that ministry
    text = ("Briefing by spokesperson Anna Berg.\n\nQUESTION: Is the crossing open?\n\nMS BERG: It reopened at noon."
            "\n\nQUESTION: The Turkish defence minister said on Monday that Turkey would launch a new operation. "
            "Your comment?\n\nMS BERG: We urge restraint and we have told Ankara so.\n\nQUESTION: Thanks.\n")
    assert speakers(text) == [("Anna Berg", "It reopened at noon"),
                              ("Turkish Ministry of Defense", "Turkey would launch a new operation"),
                              ("Anna Berg", "We urge restraint and we have told Ankara so")]


def test_the_writers_remark_on_what_the_speakers_side_habitually_says_ends_the_span() -> None:
    # 'told X that P were "Q," and his ministry repeats the line in every statement': the op-ed writer's remark
    text = ('Economy Minister Rami Saad told parliament in May that sanctions were "the root of every shortage," and '
            'his ministry repeats the line in almost every bulletin.')
    assert speakers(text) == [("Rami Saad", 'sanctions were "the root of every shortage')]


def test_he_after_the_engineer_who_speaks_for_a_body_is_that_body() -> None:
    # '"Q," the engineer said. He said P': still the company's unnamed member, not the official named further back
    text = ("The governor, Fadi Haddad, said the works would resume. The Hama Water Company said it was owed 2 "
            "billion pounds. A copy of the letter was shared with us by an engineer at the company. \"We cannot pay "
            "the workers,\" the engineer said, asking not to be named. He said 120 workers had not been paid.")
    assert [s for s, _ in speakers(text)] == ["Fadi Haddad"] + ["Hama Water Company"] * 3


def test_its_document_is_the_body_quoted_just_before() -> None:
    # "The agency estimates P about Syria. Its own report says Q": "its" goes back to the agency, not a country named
    text = ("The Norwegian Refugee Council estimates that 90,000 people returned to Syria in May. "
            "Its own monitoring report says fewer than half had running water.")
    assert [s for s, _ in speakers(text)] == ["Norwegian Refugee Council"] * 2


def test_maintaining_a_presence_is_no_report() -> None:
    # "maintains a presence at two bases": the verb's other sense; "maintains that P" still reports
    text = "The Russian military maintains a presence at two airbases in Latakia province."
    assert speakers(text) == []
    text = "The ministry maintains that the airbases were never used for strikes."
    assert [t for _, t in speakers(text)] == ["the airbases were never used for strikes"]


def test_one_in_n_is_a_share_with_its_qualifier() -> None:
    # "fewer than one in five returnees": the share as written, not "five returnees"
    from consumers.claims.numbers import find_numbers

    found = [(n.text, n.qualifier) for n in find_numbers("fewer than one in six households had a water connection")]
    assert found == [("fewer than one in six households", "fewer than")]
    assert [n.value for n in find_numbers("One in four schools has closed")] == [0.25]
    assert [n.text for n in find_numbers("he lives in five rooms")] == ["five rooms"]


def test_a_third_before_a_singular_noun_is_an_ordinal() -> None:
    # "through a third country", "for a third time": no share; "a third of", "nearly a third were" stay shares
    from consumers.claims.numbers import find_numbers

    assert find_numbers("the fuel was sent through a third country") == []
    assert find_numbers("the market was shelled for a third consecutive day") == []
    assert [n.text for n in find_numbers("nearly a third were killed")] == ["nearly a third"]


def test_acknowledging_or_confirming_deaths_is_a_nominal_report() -> None:
    text = "The Turkish defence ministry has acknowledged the deaths of two soldiers in a mine blast near Afrin."
    assert [t for _, t in speakers(text)] == ["the deaths of two soldiers in a mine blast near Afrin"]
    text = "The health directorate confirmed the death of a nurse in the shelling."
    assert [t for _, t in speakers(text)] == ["the death of a nurse in the shelling"]


def test_she_after_a_kurdish_male_name_goes_to_the_woman_named_with_him() -> None:
    text = ('Ahmad Kiki, 61, of the KNC, Hozan Barzani of the PYD and the co-chair of the council, Leyla Ehmed, met '
            'in Amuda.\n\nKiki said the sides had agreed to meet again. Barzani described the talks as "useful".\n\n'
            '"Nothing was signed today," she said after the meeting.')
    assert speakers(text)[-1] == ("Leyla Ehmed", "Nothing was signed today")
