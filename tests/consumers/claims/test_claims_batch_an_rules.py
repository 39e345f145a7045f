"""Speaker, cue and span rules found on batch an (a wire with several countries' ministries and armies, a Kurdish
outlet with "sources close to" and hedges, Russian state media with a correction, an Arabic outlet on a parliament
and a court, a fact-check of a withdrawn video, a UN briefing, a liveblog with headline-style entries, a TV interview
with a post read out by the presenter) and on leftovers of batch am (claim guideline: "What is a claim", "Not
claims", "Speaker", the conduit rule); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_sources_close_to_a_body_are_unnamed_not_its_members() -> None:
    assert speakers("Sources close to the Kurdish National Council said the talks had resumed.") == [
        ("unnamed sources", "the talks had resumed")]
    assert speakers("People close to the Iraqi prime minister said the visit was postponed.") == [
        ("unnamed sources", "the visit was postponed")]
    # a member placed near something is still a member
    assert speakers("A Turkish official at a post close to the border said the gate was shut.") == [
        ("Turkish government", "the gate was shut")]


def test_a_bodys_press_service_speaks_as_the_body_named_before() -> None:
    text = ("The Iraqi Ministry of Electricity said the line was repaired. The ministry's press office added that "
            "power would return on Sunday.")
    assert speakers(text)[-1] == ("Iraqi Ministry of Electricity", "power would return on Sunday")


def test_a_parliaments_speaker_is_a_role_before_the_name() -> None:
    text = ("The Speaker of the Iraqi parliament, Karim Hassan, said the vote was delayed. He added that the session "
            "would resume.")
    assert speakers(text) == [("Karim Hassan", "the vote was delayed"), ("Karim Hassan", "the session would resume")]


def test_a_correspondent_of_the_outlet_itself_is_its_own_narration() -> None:
    assert speakers("Our correspondent in Aleppo reports that the bakeries have closed.") == []
    assert speakers("Residents told our reporter that the bakeries had closed.") == [
        ("unnamed sources", "the bakeries had closed")]


def test_a_report_after_an_adjective_is_the_noun_and_its_author_speaks_for_it() -> None:
    text = ("Ahmad Karim, director of the Syrian Justice Centre, presented the group's latest report on deleted "
            "videos. The report says that 40 videos were deleted.")
    assert speakers(text) == [("Syrian Justice Centre", "40 videos were deleted")]
    assert speakers("Aid partners report that 40 videos were deleted.") == [
        ("unnamed sources", "40 videos were deleted")]


def test_a_post_read_out_by_a_presenter_is_its_authors_claim() -> None:
    text = 'The presenter then read out a post by the governor of Idlib, Khaled Saeed: "The road will reopen tomorrow."'
    assert speakers(text) == [("Khaled Saeed", "The road will reopen tomorrow")]


def test_a_scare_quote_before_and_said_keeps_the_sentence_subject() -> None:
    text = 'Trade Minister Ali Nasser praised the "close ties" and said exports would double.'
    assert speakers(text) == [("Ali Nasser", "exports would double")]


def test_a_named_subject_with_an_apposition_reports_through_a_later_participle() -> None:
    text = "Rima Dawood, a representative of Homs, objected to the text, telling reporters that the law was unfair."
    assert speakers(text) == [("Rima Dawood", "the law was unfair")]


def test_a_described_subject_named_in_apposition_reports_through_a_participle() -> None:
    text = ("The page that first posted the photo, Raqqa Today, later issued a correction saying the picture was "
            "old.")
    assert speakers(text) == [("Raqqa Today", "the picture was old")]


def test_a_ministry_official_serves_the_countrys_ministry_named_before_in_lower_case() -> None:
    text = "Iraq's oil ministry did not respond to a request for comment. A ministry official said the pipeline leaked."
    assert speakers(text) == [("Iraqi Ministry of Oil", "the pipeline leaked")]


def test_the_armys_country_is_not_taken_from_the_cue_or_the_content_after_it() -> None:
    text = "The army denied reports published by a Turkish daily that its troops had entered Afrin."
    assert speakers(text)[0][0] == "Syrian Arab Army"
    text = "The Israeli military says it struck depots. In a post, the army added that the depots were a threat."
    assert speakers(text)[-1] == ("Israel Defense Forces", "the depots were a threat")


def test_a_ministry_never_named_is_the_government_of_the_country_the_text_is_about() -> None:
    assert speakers("The ministry said the bakeries would reopen on Sunday.") == [
        ("Syrian government", "the bakeries would reopen on Sunday")]


def test_a_diplomat_of_a_named_country_posted_in_a_capital_serves_that_countrys_foreign_ministry() -> None:
    assert speakers("An Iranian diplomat in Beirut said the talks would resume.") == [
        ("Iranian Ministry of Foreign Affairs", "the talks would resume")]


def test_a_bodys_spokesman_by_the_bodys_kind_takes_the_body_named_before_as_organisation() -> None:
    text = ("The Turkish Defence Ministry said 14 militants were killed. Ministry spokesman Selim Durmaz told a "
            "briefing that Turkey would act.")
    claim = extract_claims(text)[-1]
    assert (claim.speaker, claim.speaker_org) == ("Selim Durmaz", "Turkish Ministry of Defense")
