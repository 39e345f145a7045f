"""Claim and speaker rules found on batch bd (a letter seen by a news site, two councils' joint statement, a leaked
audio, a question-and-answer interview, a returning imam, an analysis of river water, a governor's deleted post, a
Security Council vote) (claim guideline, "What is a claim", "Spans", "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_weekday_opening_the_sentence_without_a_comma_is_not_the_subject() -> None:
    text = "On Saturday the health ministry said 40 people had been treated for burns."
    assert [t for _, t in speakers(text)] == ["40 people had been treated for burns"]


def test_a_body_s_channel_speaks_for_the_body() -> None:
    text = ("The governor of Tartus visited the port. "
            "The governorate's official Telegram channel said 12 smugglers had been arrested.")
    assert speakers(text) == [("Tartus Governorate", "12 smugglers had been arrested")]


def test_the_governorate_is_the_governorate_of_the_governor_named_before() -> None:
    text = ("The governor of Hama has closed the old market. "
            "A spokesman for the governorate said the market would reopen on Monday.")
    assert speakers(text) == [("Hama Governorate", "the market would reopen on Monday")]


def test_a_reply_reads() -> None:
    text = '"The minister should resign," one reply read.'
    assert speakers(text) == [("unnamed sources", "The minister should resign")]


def test_a_news_page_by_its_name() -> None:
    text = "A photo of the letter was shared by the local news page Idlib Today, which said it had been sent on Monday."
    assert speakers(text) == [("Idlib Today", "it had been sent on Monday")]


def test_a_news_agency_by_its_name_with_its_kind() -> None:
    text = "The Mehr news agency, which is close to the government, described the report as \"a lie\"."
    assert speakers(text)[0][0] == "Mehr"


def test_the_americans_are_the_us_government() -> None:
    text = "The Americans told us in May that they would keep two bases."
    assert speakers(text) == [("US government", "they would keep two bases")]


def test_a_wife_named_by_her_first_name_only() -> None:
    text = ("Ahmad Kassem reopened his shop in March. His wife, Huda, said the customers had not come back. "
            '"We wait," she said.')
    assert speakers(text) == [("Huda", "the customers had not come back"), ("Huda", "We wait")]


def test_a_voice_identified_as_that_of_a_named_person() -> None:
    text = ("In the video, a voice identified by the broadcaster as that of Brigadier General Karim Saad can be "
            'heard saying that "we lost 40 men there, and nobody came".')
    assert speakers(text) == [("Karim Saad", "we lost 40 men there, and nobody came")]


def test_declining_to_comment_ends_the_content() -> None:
    text = 'A spokesman, Ali Haddad, told AFP that "talks are ongoing" and declined to comment on the letter.'
    assert speakers(text) == [("Ali Haddad", "talks are ongoing")]


def test_people_familiar_with_a_document_are_not_its_issuer() -> None:
    text = ("The letter from the Syrian foreign ministry says the sanctions hurt farmers. "
            "Two European diplomats familiar with the letter told AFP that Italy supported it.")
    assert speakers(text)[-1] == ("unnamed sources", "Italy supported it")


def test_a_country_s_minister_of_a_domain_unnamed_is_his_ministry() -> None:
    text = "The Lebanese health minister told our delegation that the clinics would reopen."
    assert speakers(text) == [("Lebanese Ministry of Health", "the clinics would reopen")]


def test_their_ministers_in_a_lead_are_the_two_named_next_in_that_role() -> None:
    text = ("Egypt and Sudan will share the dam's data from May, their water ministers said on Monday. "
            "Egyptian Water Minister Hani Sweilam said the data would be published weekly. "
            "His Sudanese counterpart, Omar Hassan, said the first report was ready.")
    assert speakers(text)[0] == ("Hani Sweilam and Omar Hassan", "Egypt and Sudan will share the dam's data from May")


def test_a_pronoun_whose_antecedent_is_a_role_named_only_later() -> None:
    text = ("JABLEH — The mayor of Jableh has withdrawn a statement in which he blamed \"speculators\" for the bread "
            "queues. On Sunday Mayor Hassan Dib wrote that the queues had shortened.")
    assert [s for s, _ in speakers(text)] == ["Hassan Dib", "Hassan Dib"]
