"""Rules found on house batch bw's errors (claim guideline, transcripts.md); invented sentences."""

from consumers.claims.extract import extract_claims


def claims(text: str) -> list[tuple[str, str, str]]:
    return [(c.speaker, c.cue, c.text) for c in extract_claims(text)]


def test_where_the_speaker_stood_outside_or_inside_a_building_is_part_of_the_cue_not_of_the_content() -> None:
    # "told reporters outside the courthouse that P": the place is the cue's phrase, as "at a briefing" is
    text = (
        "The mayor's lawyer, Petra Lind, told reporters outside the courthouse that the appeal would be filed on "
        "Monday.\n\nThe minister, Karim Daher, said inside the parliament building that fuel prices would not rise.\n"
    )
    got = claims(text)
    assert ("Petra Lind", "told reporters outside the courthouse that", "the appeal would be filed on Monday") in got
    assert ("Karim Daher", "said inside the parliament building that", "fuel prices would not rise") in got


def test_an_indefinite_head_with_a_relative_clause_ending_in_a_place_then_a_name_speaks_as_the_name() -> None:
    # "A former detainee who spoke at the rally, NAME, said P": the head is "detainee" (before "who"), not the
    # clause's last word before its preposition ("spoke"), so the role-then-name apposition holds
    text = (
        "A former detainee who spoke at the rally, Rania Haddad, said that the generator had failed twice.\n\n"
        "A former prisoner who testified at the hearing, Fouad Nasr, told the court that he had seen the cells.\n\n"
        "In a statement, the WHO office in Amman said that 20 clinics had reopened.\n"
    )
    got = claims(text)
    assert ("Rania Haddad", "said that", "the generator had failed twice") in got
    assert ("Fouad Nasr", "told the court that", "he had seen the cells") in got
    assert ("United Nations", "said that", "20 clinics had reopened") in got  # "WHO" is no relative pronoun


def test_the_owner_of_an_unnamed_shop_is_an_unnamed_source_and_so_is_his_he() -> None:
    # "the owner of a pharmacy in X, who asked ..., told Y that P. He added that Q": no name, no body, so unnamed
    # sources (house convention), not the label "owner of a pharmacy in X"; "He" is that owner, not the official
    # named before him
    text = (
        "The director of the Homs health directorate, Samir Aboud, said that 12 clinics had reopened.\n\n"
        "However, the owner of a pharmacy in the Bab Amr district, who asked that his name not be published, told "
        "the paper that insulin had run out. He added that prices had tripled since January.\n"
    )
    got = claims(text)
    assert ("unnamed sources", "told the paper that", "insulin had run out") in got
    assert ("unnamed sources", "added that", "prices had tripled since January") in got


_LIVE_PAGE = (
    "LIVE: Interior ministry weekly briefing\n\n"
    "Updates from the ministry's briefing in Baghdad. Questions are answered by spokesman Colonel Amer Jaber.\n\n"
    "10:04 - Q (AP): Has the curfew in Kirkuk been lifted?\n"
    'A: "The curfew ended at six this morning. Shops have reopened."\n\n'
    "10:09 - Q (Kurdistan24): Were any officers arrested?\n"
    "A: Jaber said three officers had been suspended pending an inquiry. He added that none had been arrested.\n\n"
    "10:12 - Q (AFP): Will you release the names?\n"
    'A: "We have nothing to add."\n\n'
    "10:15 - The briefing has ended.\n"
)


def test_a_live_pages_timed_question_and_its_answer_line_are_transcript_turns() -> None:
    # "10:04 - Q (AP): ...?" then "A: "..."" on the next line: the answer line is the spokesman's turn (cue "")
    assert ("Amer Jaber", "", "The curfew ended at six this morning. Shops have reopened") in claims(_LIVE_PAGE)


def test_an_answer_in_reported_speech_is_read_as_sentences_and_nothing_to_add_is_no_claim() -> None:
    got = claims(_LIVE_PAGE)
    # "A: Jaber said P. He added that Q": the writer's report of the answer, two claims, not one verbatim turn
    assert ("Amer Jaber", "said", "three officers had been suspended pending an inquiry") in got
    assert ("Amer Jaber", "added that", "none had been arrested") in got
    assert not any("nothing to add" in text for _, _, text in got)  # a refusal states nothing
    assert len(got) == 3


def test_a_request_coordinated_with_the_report_ends_the_span() -> None:
    # "said P and asked staff not to X": a request, as "and urged Y to" is (guideline: calls are no claims)
    text = (
        "The school's director said the building was safe and asked parents not to keep their children at home.\n\n"
        "The port authority said two cranes had been repaired and asked shipping agents to resubmit their schedules.\n"
    )
    got = [t for _, _, t in claims(text)]
    assert got == ["the building was safe", "two cranes had been repaired"]


def test_this_after_the_cue_opens_the_content_unless_a_time_follows() -> None:
    # "..., while the operator said this was due to X": "this" is the content's subject, not "this week"
    text = (
        "Traders wrote on Facebook that the market had been closed for two days, while the operator said this "
        "was due to a fault in the network.\n\nThe governor said this week that the market would reopen.\n"
    )
    got = claims(text)
    assert ("unnamed sources", "wrote on Facebook that", "the market had been closed for two days") in got
    assert any(cue == "said" and t == "this was due to a fault in the network" for _, cue, t in got)
    assert any(cue == "said this week that" and t == "the market would reopen" for _, cue, t in got)


def test_the_company_goes_back_to_the_company_named_by_its_full_name() -> None:
    # "The manager of the Hama Cement Company, NAME, said P. ... the company said Q": the company by its name
    # (was unnamed sources: "company" is no body word of its own)
    text = (
        "The director of the Hama Cement Company, Walid Kanaan, said that output had doubled.\n\n"
        "Drivers complained of long queues at the gate, while the company said the delays were caused by a "
        "broken scale.\n"
    )
    got = claims(text)
    assert ("Hama Cement Company", "said", "the delays were caused by a broken scale") in got


def test_a_manager_is_a_role_before_a_name() -> None:
    # "The manager of the X Company, NAME, said P", "Warehouse manager NAME said P": the name speaks, as after
    # "director" (was the label "manager of the X Company")
    text = (
        "The manager of the Tartus Shipping Company, Hani Mrad, said that two vessels were waiting.\n\n"
        "Warehouse manager Lubna Khoury said the flour stocks would last a month.\n"
    )
    got = claims(text)
    assert ("Hani Mrad", "said that", "two vessels were waiting") in got
    assert ("Lubna Khoury", "said", "the flour stocks would last a month") in got


def test_a_bodys_staff_page_or_co_chairs_speak_for_the_body() -> None:
    # "WFP staff in Homs reported that P", "The Telegram channel of the X Brigade said P", "The co-chairs of the X
    # Council said P": the body (unnamed members, its own channel, its joint leadership), not a label
    text = (
        "WFP staff in Homs reported that 300 families had received flour.\n\n"
        "The Telegram channel of the Sultan Murad Division said that the road was open.\n\n"
        "The co-chairs of the Tabqa Civil Council said that the dam was safe.\n"
    )
    got = claims(text)
    assert ("United Nations", "reported that", "300 families had received flour") in got
    assert ("Sultan Murad Division", "said that", "the road was open") in got
    assert ("Tabqa Civil Council", "said that", "the dam was safe") in got


def test_a_document_seen_by_this_newspaper_speaks() -> None:
    # "A confidential audit summary seen by this newspaper says P": who saw the paper is no part of the subject's
    # head ("summary" a document like "memo"); was no claim (the head ran on to "newspaper", too long a phrase)
    text = "A confidential audit summary seen by this newspaper says that 14 trucks never reached the camps.\n"
    got = claims(text)
    assert len(got) == 1 and got[0][2] == "14 trucks never reached the camps"


def test_a_german_courts_senate_found_that_p_is_the_courts_finding() -> None:
    # "The state protection senate found that P": the court's bench (a German court rules in senates), as "the
    # judges found"; the US Senate (capitalised) is no court
    text = (
        "The Higher Regional Court in Stuttgart convicted a former militia member on Monday. The state protection "
        "senate found that he had guarded a detention site in Homs.\n"
    )
    got = claims(text)
    assert ("Higher Regional Court in Stuttgart", "found that", "he had guarded a detention site in Homs") in got


def test_the_defence_is_the_defendants_lawyer_quoted_before_or_unnamed_never_the_judge() -> None:
    # "The defence had argued that P" right after the judge is quoted: the defendant's lawyers (was the judge, as a
    # "defence minister" title would be a person); a lawyer quoted before is the defence
    text = (
        "Presiding judge Karin Vogt said the evidence was overwhelming.\n\n"
        "The defence had argued that the accused had only cooked for the unit.\n\n"
        "His lawyer, Tobias Rehm, said his client would appeal. The defence said the trial had been unfair.\n"
    )
    got = claims(text)
    assert ("unnamed sources", "had argued that", "the accused had only cooked for the unit") in got
    assert ("Tobias Rehm", "said", "the trial had been unfair") in got


def test_the_spokesman_for_a_named_body_is_its_holder_quoted_before_or_the_body() -> None:
    # "The spokesman for the X Command said P" with no spokesman named: the body (its unnamed member), not the label
    # "spokesman for the X Command"; after "NAME, spokesman for the X Command, said" it is NAME again
    first = "The spokesman for the Hama Police Command said that the curfew had ended.\n"
    assert claims(first) == [("Hama Police Command", "said that", "the curfew had ended")]
    second = (
        "Omar Fares, spokesman for the Hama Police Command, said the road was open. The spokesman for the Hama "
        "Police Command later said that the curfew had ended.\n"
    )
    assert ("Omar Fares", "later said that", "the curfew had ended") in claims(second)
