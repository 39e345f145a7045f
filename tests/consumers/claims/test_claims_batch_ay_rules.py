"""Speaker and claim rules found on batch ay (a sports federation's dispute, a vaccination campaign, a refugee camp,
a roundup of militia Telegram channels, a satellite-imagery analysis, a diaspora protest, an electricity report, a
press conference through an interpreter) (claim guideline: "What is a claim", "Spans", "Speaker"); invented
sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_the_federation_refers_back_to_a_football_association() -> None:
    text = ("The Lebanese Football Association fined two clubs on Monday. "
            "The federation said in a statement that fans had thrown bottles at the referee.")
    assert speakers(text) == [("Lebanese Football Association", "fans had thrown bottles at the referee")]


def test_a_spokesperson_of_a_body_by_its_acronym_is_that_body() -> None:
    text = "A UEFA spokesperson said the match would be replayed in Vienna."
    assert speakers(text) == [("UEFA", "the match would be replayed in Vienna")]


def test_a_source_in_scare_quotes_quoted_by_an_outlet_is_unnamed() -> None:
    text = 'Al-Watan quoted a "security source" as saying that the gunmen had fled to the hills.'
    assert speakers(text) == [("unnamed sources", "the gunmen had fled to the hills")]


def test_a_group_by_its_kind_then_its_name_is_the_name() -> None:
    text = "The count comes from an analysis by the monitoring group Lebanese Archive, which said 40 homes were hit."
    assert speakers(text)[0][0] == "Lebanese Archive"


def test_a_former_officer_is_no_member_of_the_army() -> None:
    text = "A former air force officer who served at the base said it had housed drone units until December."
    assert speakers(text) == [("unnamed sources", "it had housed drone units until December")]


def test_a_body_based_in_a_city_is_the_body() -> None:
    text = "Analysts at the London-based Centre for Levant Studies wrote that the strike was aimed at the depot."
    assert speakers(text) == [("Centre for Levant Studies", "the strike was aimed at the depot")]


def test_bare_police_under_a_dateline_are_that_citys_police() -> None:
    text = "VIENNA — About 3,000 Syrians marched on Saturday, police said."
    assert speakers(text) == [("Vienna police", "About 3,000 Syrians marched on Saturday")]


def test_a_channel_that_calls_itself_a_name_is_that_name() -> None:
    text = "A channel that calls itself the Army of Free Men said in a post that its fighters had taken two hills."
    assert speakers(text) == [("Army of Free Men", "its fighters had taken two hills")]


def test_a_denial_then_writing_that_are_two_claims() -> None:
    text = 'The mayor, Omar Saleh, denied on Monday that any homes had been lost, writing that "the reports are false".'
    assert speakers(text) == [("Omar Saleh", "any homes had been lost"), ("Omar Saleh", "the reports are false")]


def test_this_is_what_they_said_is_no_claim() -> None:
    text = "Several channels posted claims about the fighting. This is what they said."
    assert speakers(text) == []


def test_a_translated_answer_after_a_quote_is_its_own_claim() -> None:
    text = ('Speaking through an interpreter, Ali Hamdan said: "We will not leave." '
            'His next answer was translated as: "The talks will go on."')
    assert speakers(text) == [("Ali Hamdan", "We will not leave"), ("Ali Hamdan", "The talks will go on")]


def test_answered_in_a_language_that_is_a_cue() -> None:
    text = 'Asked about the border, Ali Hamdan answered in Arabic that "the crossing will open".'
    assert speakers(text) == [("Ali Hamdan", "the crossing will open")]


def test_writing_without_a_clause_reports_nothing() -> None:
    text = "The mayor, Omar Saleh, posted a photo of the bridge, writing a short caption under it."
    assert speakers(text) == []
