"""Speaker, cue and span rules found on batch ap (a Kurdish outlet's translation with reported speech chains, a trial
hearing with a prosecutor, the defence and a witness, a press review by newspaper, a situation report by agency, a
Senate hearing, a wire of denials and counter-denials, an NGO open letter, a leaked audio recording) (claim
guideline: "What is a claim", "Speaker", "Spans"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_testified_reports_what_a_witness_said_in_court() -> None:
    text = "A former guard at the prison testified that the cells had no windows."
    assert [c.text for c in extract_claims(text)] == ["the cells had no windows"]
    text = "Samir Haddad, a former guard, testifies that he saw the lists."
    assert speakers(text) == [("Samir Haddad", "he saw the lists")]


def test_write_with_a_plural_subject_is_a_cue() -> None:
    text = '"The camps will not survive the winter without fuel," the authors of the appeal write.'
    assert [c.text for c in extract_claims(text)] == ["The camps will not survive the winter without fuel"]


def test_a_judge_or_prosecutor_named_after_the_role_is_the_subject_of_a_participle() -> None:
    text = "Presiding judge Anna Keller cut the lawyer short, saying that the question was not relevant."
    assert speakers(text) == [("Anna Keller", "the question was not relevant")]
    text = "Chief prosecutor Lars Berg rested his case, arguing that the logs were authentic."
    assert speakers(text) == [("Lars Berg", "the logs were authentic")]


def test_a_name_given_in_a_relative_clause_after_an_apposition_is_the_speaker() -> None:
    text = ("The lawyer spoke first. The second witness, a former nurse who asked to be identified only as Leila, "
            "said that the wards had been full.")
    assert speakers(text) == [("Leila", "the wards had been full")]


def test_the_newspaper_under_a_press_reviews_heading_is_the_paper_the_heading_names() -> None:
    text = ("Today's press review.\n\nAl-Nahar (Beirut)\nThe sources told Reuters that the talks were over. The "
            "newspaper, which is close to the government, wrote that the border would reopen.\n\nTishreen\n"
            "According to the daily, the harvest was late.")
    assert speakers(text)[1:] == [("Al-Nahar", "the border would reopen"), ("Tishreen", "the harvest was late")]


def test_quoted_by_describes_the_source_and_is_no_cue() -> None:
    text = "An aide quoted by the agency confirmed that the convoy had left."
    assert [(c.cue, c.text) for c in extract_claims(text)] == [("confirmed that", "the convoy had left")]
    text = ("Syria's interior ministry dismissed three officers. A ministry source cited by Al-Watan said they had "
            "resigned.")
    assert speakers(text) == [("Syrian Ministry of Interior", "they had resigned")]


def test_hezbollah_is_an_organisation_not_a_persons_name() -> None:
    text = "Hezbollah denied that the men were members. Hezbollah official Naim Salman said they were farmers."
    assert [(c.speaker, c.speaker_org) for c in extract_claims(text)] == [("Hezbollah", "Hezbollah"),
                                                                          ("Naim Salman", "Hezbollah")]


def test_it_after_a_fronted_phrase_of_medium_is_the_subject_of_the_sentence_before() -> None:
    text = ("The army said the raid had killed four fighters. Hamas has not commented publicly. In a statement on "
            "its website, it said the men were farmers.")
    assert speakers(text)[-1] == ("Hamas", "the men were farmers")
    text = ("The State Department said the sanctions would stay. The Syrian foreign ministry did not respond. On its "
            "Telegram channel, it later said the hearing was political.")
    assert speakers(text)[-1] == ("Syrian Ministry of Foreign Affairs", "the hearing was political")


def test_with_a_subject_and_a_participle_reports_for_that_subject() -> None:
    text = ("The local council reported that the bakery had closed, with one baker telling reporters that the flour "
            "had run out.")
    assert speakers(text) == [("local council", "the bakery had closed"), ("unnamed sources", "the flour had run out")]


def test_an_outlet_reporting_citing_a_source_before_that_relays_the_source() -> None:
    text = "The pro-Kurdish daily reported, citing \"well-placed sources,\" that the border would reopen."
    assert speakers(text) == [("unnamed sources", "the border would reopen")]
    text = "Al-Nahar reported on Monday, citing informed sources, that the talks had stalled."
    assert speakers(text) == [("unnamed sources", "the talks had stalled")]


def test_the_witnesses_or_signatories_with_no_group_quoted_before_are_unnamed() -> None:
    text = "The UN said the aid was late. The witnesses said the wells were dry. The signatories write that it is late."
    assert [c.speaker for c in extract_claims(text)] == ["United Nations", "unnamed sources", "unnamed sources"]


def test_a_counted_group_of_organisations_opening_the_sentence_is_unnamed() -> None:
    text = ("Thirty-five Syrian and Turkish charities have asked donors for more money, warning in a joint letter "
            "that the clinics would close.")
    assert speakers(text) == [("unnamed sources", "the clinics would close")]


def test_a_letter_of_unnamed_authors_addressed_to_a_body_is_not_that_bodys() -> None:
    text = ("Twenty aid groups have asked the World Bank for a loan, warning in a letter that the camps would close. "
            "The letter, addressed to World Bank president Ajay Banga, says that 40 clinics have shut.")
    assert [c.speaker for c in extract_claims(text)] == ["unnamed sources", "unnamed sources"]


def test_each_side_is_no_identifiable_source() -> None:
    text = "The two militias clashed near the dam on Friday, each side denying the other's version of events."
    assert extract_claims(text) == []
    text = "The army and the rebels traded fire, with each side blaming the other for the collapse of the truce."
    assert extract_claims(text) == []


def test_a_relative_named_after_the_kinship_word_is_the_named_person() -> None:
    text = '"She only ever sold bread," her cousin Rania Khalil said.'
    assert speakers(text) == [("Rania Khalil", "She only ever sold bread")]
    text = "His son Omar Aziz said the shop had been looted."
    assert speakers(text) == [("Omar Aziz", "the shop had been looted")]


def test_a_person_heard_or_filmed_saying_is_the_speaker() -> None:
    text = "In the clip, Adel Haddad can be heard saying that the orders came from above."
    assert speakers(text) == [("Adel Haddad", "the orders came from above")]
    text = "The governor was filmed saying the roads were open."
    assert [c.text for c in extract_claims(text)] == ["the roads were open"]


def test_a_channel_called_by_name_speaks_by_that_name() -> None:
    text = ('The clip was first shared by a Facebook page called "Raqqa Now," which says it is run by students. '
            "The page claimed that it had filmed the raid itself.")
    assert speakers(text) == [("Raqqa Now", "it is run by students"), ("Raqqa Now", "it had filmed the raid itself")]


def test_a_definite_official_for_a_region_named_in_the_next_sentence_is_that_person() -> None:
    text = ("The Treasury's top official for the Gulf told lawmakers on Monday that the fines would rise. "
            "Testifying before the committee, Under Secretary Mark Doyle said the rules were clear.")
    assert [c.speaker for c in extract_claims(text)] == ["Mark Doyle", "Mark Doyle"]


def test_a_defendant_named_in_a_prosecutors_words_is_the_he_who_answers() -> None:
    text = ('Prosecutor Anne Vidal told the court that the defendant, Karim S., had signed the orders. The defendant '
            'denied the charges. "I never saw those papers," he told the judges.')
    assert [c.speaker for c in extract_claims(text)] == ["Anne Vidal", "Karim S."]


def test_relatives_of_a_person_named_in_apposition_are_unnamed() -> None:
    text = "Relatives of one of the victims, Samir Haddad, told reporters he had been a baker for 20 years."
    assert speakers(text) == [("unnamed sources", "he had been a baker for 20 years")]


def test_a_reporting_relative_clause_ends_at_its_closing_comma() -> None:
    text = "Ahmad Ali, who said he was a driver, told us the road was closed."
    assert speakers(text) == [("Ahmad Ali", "he was a driver"), ("Ahmad Ali", "the road was closed")]
    text = "The Free Coast Gathering, which says it has 300 members, posted the file on Monday."
    assert [c.text for c in extract_claims(text)] == ["it has 300 members"]


def test_a_relative_clause_after_a_name_given_in_the_sentence_belongs_to_the_name() -> None:
    text = "The convoy was led by an engineer whose name is Rami Saad, who said the bridge had held."
    assert speakers(text) == [("Rami Saad", "the bridge had held")]
    text = "The clinic is run by a nurse named Huda Ali, who said the fuel had run out."
    assert speakers(text) == [("Huda Ali", "the fuel had run out")]


def test_the_governor_of_a_place_never_named_speaks_as_the_governorate() -> None:
    text = ("The governor of Zakho said on Monday that the crossing would reopen. \"The road is safe,\" the governor "
            "told reporters.")
    assert [c.speaker for c in extract_claims(text)] == ["Zakho Governorate", "Zakho Governorate"]


def test_its_director_named_in_the_next_sentence_is_that_person() -> None:
    text = ('The ministry shared a clip of the flood. The clip was filmed in 2019 in Iraq, its director told us. '
            '"It is my film," said Omar Nassif, who made it.')
    assert [(c.speaker, c.speaker_org) for c in extract_claims(text)] == [("Omar Nassif", ""), ("Omar Nassif", "")]


def test_many_or_some_of_a_group_in_lower_case_are_unnamed_speakers() -> None:
    text = "Nurses in Afrin have not been paid since May, and many say they will leave for Turkey."
    assert speakers(text) == [("unnamed sources", "they will leave for Turkey")]


def test_a_speaker_after_the_cue_introduced_by_a_possessive_and_named_in_apposition_is_the_name() -> None:
    # A leftover of batch ap: '"Q," said his brother, NAME.' was no claim at all.
    text = ('Ahmed Saleh was killed in the strike. "He was only going to buy bread," said his brother, Mahmoud Saleh.')
    assert speakers(text) == [("Mahmoud Saleh", "He was only going to buy bread")]
    text = 'The army withdrew from the town. "It is over," said its spokesman, Ali Hamdan.'
    assert speakers(text) == [("Ali Hamdan", "It is over")]
