"""Speaker and span rules found on batch au (a court verdict, a parliamentary debate, a defence briefing, a translated
agency briefing, a fact-check, an obituary, a market report) (claim guideline: "Speaker", "Spans"); invented
sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_role_then_a_name_of_its_body_in_apposition_is_the_speaker() -> None:
    text = "The survey's author, Lina Darwish of the Arab Reform Initiative, said that it covered twelve towns."
    assert speakers(text) == [("Lina Darwish", "it covered twelve towns")]


def test_she_after_a_quote_is_the_named_subject_of_the_sentence_before() -> None:
    text = (
        "Samir Kanaan said the budget was balanced.\n\n"
        "Independent MP Dalia Nasser asked how the state would pay for it. \"The donors have cut their aid,\" she said."
    )
    assert speakers(text)[-1] == ("Dalia Nasser", "The donors have cut their aid")


def test_she_after_a_quote_is_the_known_speaker_the_sentence_before_is_about() -> None:
    text = (
        "The talks will resume in May, envoy Maria Lopez said. Colonel Rami Haddad said the truce held. "
        "Lopez also commented on the ministry's report. \"It is a fabrication,\" she said."
    )
    assert speakers(text)[-1] == ("Maria Lopez", "It is a fabrication")


def test_which_after_the_statement_of_a_body_is_that_body() -> None:
    text = ("The spokeswoman commented on the statement of the Finnish Foreign Ministry, which claimed that the convoy "
            "had been searched.")
    assert [(c.speaker_mention, c.text) for c in extract_claims(text)] == [
        ("the Finnish Foreign Ministry", "the convoy had been searched")
    ]


def test_a_group_with_what_it_is_doing_after_it_is_unnamed() -> None:
    assert speakers("Viewers sharing it wrote that the bridge had collapsed.") == [
        ("unnamed sources", "the bridge had collapsed")
    ]


def test_open_source_is_no_unnamed_source() -> None:
    text = "Imagery analyst Hadi Rahal of the open-source team Levant Watch said the crater was new."
    assert speakers(text) == [("Hadi Rahal", "the crater was new")]


def test_a_bare_spokesperson_speaks_for_the_body_quoted_just_before() -> None:
    text = 'Save the Children said its clinic in Azaz had closed. "We had no choice," a spokeswoman said.'
    assert speakers(text) == [("Save the Children", "its clinic in Azaz had closed"),
                              ("Save the Children", "We had no choice")]


def test_a_chamber_of_something_is_a_body_not_a_person_of_it() -> None:
    text = "Exports fell by a third, according to the Homs Chamber of Crafts."
    assert [(c.speaker, c.speaker_org) for c in extract_claims(text)] == [
        ("Homs Chamber of Crafts", "Homs Chamber of Crafts")
    ]


def test_content_interrupted_by_according_to_is_one_span_across_it() -> None:
    text = "The mill ground 40 tonnes a day, according to the Idlib Farmers Union, and supplied six bakeries."
    assert [c.text for c in extract_claims(text)] == [
        "The mill ground 40 tonnes a day, according to the Idlib Farmers Union, and supplied six bakeries"
    ]
