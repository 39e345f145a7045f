"""General rules found on the errors left on batches br and bs (claim guideline, house conventions); invented texts."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_according_to_the_outlets_own_reporters_is_its_own_narration() -> None:
    # guideline: the journalist's own narration is no claim, even if evidently sourced
    text = ("11:40 - The main road to the hospital is blocked by rubble, according to our correspondent in Idlib.\n\n"
            "12:05 - According to our reporters at the scene, two more bodies were recovered.\n\n"
            "12:30 - The ministry said 14 people had been killed.\n")
    assert [t for _, t in speakers(text)] == ["14 people had been killed"]


def test_a_fact_checkers_rating_of_a_claim_is_its_verdict_not_a_claim() -> None:
    # "rates the Turkish claim Misleading": the claim noun after an adjective, the fact-check's own verdict line
    text = ("Misbar rates the Turkish claim Misleading.\n\n"
            "We rated the ministry's claims False.\n\n"
            "The ministry said 40 schools had reopened.\n")
    assert [t for _, t in speakers(text)] == ["40 schools had reopened"]


def test_a_relay_citing_a_source_before_its_cue_reports_the_cited_source() -> None:
    # "X, citing Y, said P": found whoever X is; Y is where the words come from (conduit rule), a document X cites
    # is X's own evidence
    text = "Relatives in Beirut, citing a cousin who was released last week, said the prisoners were moved on Sunday."
    claims = extract_claims(text)
    assert [(c.speaker, c.speaker_mention, c.text) for c in claims] == [
        ("unnamed sources", "a cousin who was released last week", "the prisoners were moved on Sunday")]
    text = "The Health Ministry, citing a survey by its clinics, said 40 percent of children were anaemic."
    assert [(c.speaker_mention, c.text) for c in extract_claims(text)] == [
        ("The Health Ministry", "40 percent of children were anaemic")]


def test_the_meeting_a_source_attended_is_no_speaker() -> None:
    text = ('A government source in Damascus told the paper that "nothing has been agreed."\n\n'
            "Gulf diplomats, citing a European official who attended a closed briefing, said the embassy would "
            "reopen.\n\n"
            "An Iraqi lawmaker who attended the briefing said the crossing would open in March.\n")
    assert speakers(text)[1:] == [("unnamed sources", "the embassy would reopen"),
                                  ("Iraqi government", "the crossing would open in March")]


def test_a_denial_made_through_a_lawyer_is_a_statement_of_the_denier() -> None:
    # "denied the charges through his lawyer": words given through a conduit, a report of what he said (a bare
    # "denies the charges" in a trial report stays his plea, no claim: own/ and bl gold)
    text = ("Karim Nasser, a former guard, is accused of torture. Nasser denied the accusations through his lawyer.\n\n"
            "The colonel denied any wrongdoing through his attorneys.\n")
    assert speakers(text)[0] == ("Karim Nasser", "the accusations")
    assert [t for _, t in speakers(text)] == ["the accusations", "any wrongdoing"]


def test_a_relative_clause_closing_an_apposition_keeps_the_name_before_it() -> None:
    # "NAME, a commander in X, which is affiliated with Y, said P": the relative clause describes X, NAME speaks
    text = ("Rojhat Amed, a commander in the Raqqa Military Council, which is affiliated with the SDF, said the "
            "prisoners would be freed.")
    assert speakers(text) == [("Rojhat Amed", "the prisoners would be freed")]
