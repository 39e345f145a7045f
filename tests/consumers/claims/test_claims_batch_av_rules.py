"""Speaker and span rules found on batch av (a live blog, a trial witness known by a code, election results, a
drought report, a joint press conference, a relaying news agency, a returnees feature, a police report) (claim
guideline: "What is a claim", "Speaker", "Spans"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_live_blog_time_stamp_is_no_part_of_the_sentence() -> None:
    text = ("LIVE: Storm hits the coast\n\n"
            "14:05 — Governor Rami Saad visited the port and said the fishing fleet would stay in harbour.")
    assert speakers(text) == [("Rami Saad", "the fishing fleet would stay in harbour")]


def test_reported_hearing_is_a_report_of_what_was_heard() -> None:
    assert speakers("Villagers reported seeing two drones over the dam before dawn.") == [
        ("unnamed sources", "seeing two drones over the dam before dawn")
    ]


def test_neither_confirmed_nor_denied_reports_nothing() -> None:
    assert extract_claims("The army neither confirmed nor denied that its jets had crossed the border.") == []


def test_a_kinsman_named_in_apposition_is_the_speaker() -> None:
    text = "The driver's sister, Rana Khoury, told reporters that he had been held for a week."
    assert speakers(text) == [("Rana Khoury", "he had been held for a week")]


def test_a_witness_identified_by_a_code_is_that_code_and_is_referred_back_to() -> None:
    text = ("The second witness, identified only as Z-30 for his safety, said he had worked in the prison kitchen. "
            "He told the court that the guards ate first.")
    assert speakers(text) == [("Z-30", "he had worked in the prison kitchen"), ("Z-30", "the guards ate first")]


def test_a_ministry_official_belongs_to_the_ministry_named_before() -> None:
    text = ("The health ministry opened a field clinic in Jableh. "
            "A ministry official said the clinic would treat 200 patients a day.")
    assert [(c.speaker, c.speaker_org) for c in extract_claims(text)] == [
        ("Syrian Ministry of Health", "Syrian Ministry of Health")
    ]


def test_a_kunya_the_story_follows_is_the_she_of_the_next_quote() -> None:
    text = ('The first thing Umm Khaled did on her return was to sweep the yard. '
            '"The house was full of dust," she said.')
    assert speakers(text) == [("Umm Khaled", "The house was full of dust")]


def test_a_quote_after_the_speakers_own_question_continues_the_speaker() -> None:
    text = ('Samir Aziz said he would rebuild the shop. "What else can I do?" he asked. "My father opened it in 1970."')
    assert speakers(text) == [
        ("Samir Aziz", "he would rebuild the shop"), ("Samir Aziz", "My father opened it in 1970")
    ]


def test_a_correspondent_quoting_sources_relays_them() -> None:
    text = ("SANA's correspondent, quoting local sources in Jableh, said the road had reopened. "
            "Our reporter, citing witnesses, said the bridge was damaged.")
    assert speakers(text) == [
        ("unnamed sources", "the road had reopened"), ("unnamed sources", "the bridge was damaged")
    ]


def test_a_decree_no_one_is_said_to_have_issued_is_the_states() -> None:
    text = ("The electoral commission published the list of candidates on Monday. "
            "Ten seats are reserved for women, according to the new decree.")
    assert speakers(text) == [("Syrian government", "Ten seats are reserved for women")]


def test_a_source_of_a_kind_quoted_before_belongs_to_that_body() -> None:
    text = ("The Aleppo police command said two men had been arrested. "
            "A police source said the men were brothers.")
    found = [c.speaker.lower() for c in extract_claims(text)]
    assert found == ["aleppo police command", "aleppo police command"]
