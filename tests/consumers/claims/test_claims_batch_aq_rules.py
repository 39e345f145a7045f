"""Speaker, cue and span rules found on batch aq (a parliamentary question time, a football report, a currency
market report, a thread on X, a meeting of state delegations, a museum reopening, a translated Russian daily, an
editorial) (claim guideline: "What is a claim", "Speaker", "Spans", "numbers"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_quotation_closing_a_relative_clause_on_the_subject_is_part_of_the_subject() -> None:
    text = 'Haddad, who called the vote "a turning point," said the count would end on Friday.'
    assert speakers(text) == [("Haddad", "the count would end on Friday")]


def test_a_hyphenated_role_before_a_name_in_apposition_leaves_the_name_as_the_speaker() -> None:
    text = "The WHO Director-General, Ines Carvalho, said that two clinics had closed."
    assert [(c.speaker, c.speaker_org) for c in extract_claims(text)] == [("Ines Carvalho", "United Nations")]


def test_a_states_delegation_speaks_for_its_government() -> None:
    text = ("The delegation of Germany said the report was credible. The Turkish delegation said the report was "
            "premature.")
    assert [c.speaker for c in extract_claims(text)] == ["German government", "Turkish government"]


def test_common_people_in_a_capital_are_unnamed_not_its_government() -> None:
    text = "Bread prices doubled in a month, shopkeepers in Damascus said."
    assert speakers(text) == [("unnamed sources", "Bread prices doubled in a month")]
    text = "Bread prices doubled in a month, officials in Damascus said."
    assert speakers(text) == [("Syrian government", "Bread prices doubled in a month")]


def test_a_trade_or_sports_role_before_a_name_in_apposition_gives_the_name() -> None:
    text = "Rice now costs twice as much, a baker in the old city, Samir Nahhas, said."
    assert speakers(text) == [("Samir Nahhas", "Rice now costs twice as much")]
    text = '"We were tired," coach Luca Ferri said. He said two players were injured.'
    assert [c.speaker for c in extract_claims(text)] == ["Luca Ferri", "Luca Ferri"]


def test_unesco_and_fao_are_united_nations_agencies() -> None:
    text = "A UNESCO statement said the old souk would be rebuilt. The FAO said the harvest was poor."
    assert [c.speaker for c in extract_claims(text)] == ["United Nations", "United Nations"]


def test_a_ministry_kind_of_two_words_is_its_name() -> None:
    text = "Jordan's water resources ministry said the dam was half full."
    assert speakers(text) == [("Jordanian Ministry of Water Resources", "the dam was half full")]


def test_as_x_put_it_reports_the_quotation_after_it() -> None:
    text = 'As the head of the bakers\' union, Omar Saadi, put it to reporters on Monday: "Flour is gold now."'
    assert speakers(text) == [("Omar Saadi", "Flour is gold now")]
    text = 'The council put it to a vote on Monday. Nour Hamdan put it bluntly: "Nobody will come back."'
    assert speakers(text) == [("Nour Hamdan", "Nobody will come back")]


def test_the_newspapers_interlocutor_is_its_source_quoted_before() -> None:
    text = ("A source in the Turkish defence ministry told Hurriyet that the patrols would resume. According to the "
            "newspaper's interlocutor, two bases would close.")
    assert [c.speaker for c in extract_claims(text)] == ["Turkish Ministry of Defense", "Turkish Ministry of Defense"]


def test_the_speaker_declining_to_say_more_is_not_content() -> None:
    text = "The envoy confirmed that a meeting had taken place but declined to give further details."
    assert [c.text for c in extract_claims(text)] == ["a meeting had taken place"]
    text = "The governor said the road had reopened but would not say when the checkpoint would close."
    assert [c.text for c in extract_claims(text)] == ["the road had reopened"]
    text = "He said the company had the maps but would not publish them."
    assert [c.text for c in extract_claims(text)] == ["the company had the maps but would not publish them"]


def test_a_bare_government_is_the_state_named_in_its_sentence_or_the_texts() -> None:
    text = "Dutch ministers met on Monday, with the government insisting that no returns were planned."
    assert speakers(text) == [("Dutch government", "no returns were planned")]
    text = "The government said that salaries would rise in March."
    assert speakers(text) == [("Syrian government", "salaries would rise in March")]


def test_the_home_office_is_the_uk_home_office() -> None:
    text = "The Home Office said asylum interviews would resume."
    assert speakers(text) == [("UK Home Office", "asylum interviews would resume")]


def test_an_owners_claim_that_reports_for_the_owner() -> None:
    text = "Activists disputed the Syrian Ministry of Health's claim that every clinic in Raqqa had reopened."
    assert [(c.speaker, c.cue, c.text) for c in extract_claims(text)] == [
        ("Syrian Ministry of Health", "claim that", "every clinic in Raqqa had reopened")
    ]
    assert extract_claims("Activists disputed its claim that every clinic had reopened.") == []
    assert extract_claims("Activists disputed the claim that every clinic had reopened.") == []


def test_no_one_is_no_number() -> None:
    text = "The ministry said no one would be sent back against their will and one guard had fled."
    assert [n.text for c in extract_claims(text) for n in c.numbers] == ["one guard"]
