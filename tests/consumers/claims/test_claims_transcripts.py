"""Interview transcripts (consumers/claims/transcript.py): each answer turn is one claim of the interviewee, cue ""
and direct (claim annotation guideline: cue "" when a quote is attributed only by position), as the blind writers of
batches bi, bj and bl annotated them; reports inside a turn are nested (outer claim only), a quotation inside it is a
claim too (quotes inside quotes); questions, and turns that state nothing, are no claims. Invented texts."""

from consumers.claims.extract import extract_claims


def _claims(text: str) -> list[tuple[str, str, str, str]]:
    return [(c.speaker, c.cue, c.kind, c.text) for c in extract_claims(text)]


def test_each_answer_turn_is_one_claim_of_the_interviewee_named_before() -> None:
    text = (
        "Union head: \"The harvest is lost\"\n\n"
        "Raqqa Today spoke to Jamil Othman, head of the farmers' union in Tabqa, after the floods.\n\n"
        "Raqqa Today: How much of the wheat was lost?\n\n"
        "Othman: Almost everything in the lower fields. We planted 4,000 hectares and a quarter can be saved.\n\n"
        "Raqqa Today: Will you stand for the union again?\n\n"
        "Othman: I can't comment on that now.\n"
    )
    assert _claims(text) == [
        ("Jamil Othman", "", "direct",
         "Almost everything in the lower fields. We planted 4,000 hectares and a quarter can be saved"),
    ]


def test_a_relay_in_a_question_is_a_claim_and_a_report_inside_an_answer_is_nested() -> None:
    text = (
        "Raqqa Today spoke to Jamil Othman, head of the farmers' union in Tabqa.\n\n"
        "Raqqa Today: The agriculture directorate says compensation will be paid in March. Is that enough?\n\n"
        "Othman: The directorate told us last year that every farmer would be paid. Nobody was paid.\n\n"
        "Raqqa Today: Thank you.\n"
    )
    claims = _claims(text)
    assert [(cue, kind, words) for _, cue, kind, words in claims] == [
        ("says", "indirect", "compensation will be paid in March"),
        ("", "direct", "The directorate told us last year that every farmer would be paid. Nobody was paid"),
    ]
    assert claims[1][0] == "Jamil Othman"


def test_a_quotation_inside_an_answer_is_a_claim_too() -> None:
    text = (
        "Kobani Radio spoke to Dilan Yusuf, who runs a shelter in the city.\n\n"
        "Kobani Radio: What do the families tell you?\n\n"
        "Yusuf: A father told me yesterday, 'We have not eaten meat since the winter.' We hear it every day.\n\n"
        "Kobani Radio: Is help coming?\n\n"
        "Yusuf: Not yet.\n"
    )
    assert _claims(text) == [
        ("Dilan Yusuf", "", "direct",
         "A father told me yesterday, 'We have not eaten meat since the winter.' We hear it every day"),
        ("unnamed sources", "told me yesterday", "direct", "We have not eaten meat since the winter"),
        ("Dilan Yusuf", "", "direct", "Not yet"),
    ]


def test_q_and_a_labels_give_the_answers_to_the_person_introduced_with_an_answer_over_two_paragraphs() -> None:
    text = (
        "Lina Saber has run the bakery cooperative in Manbij since 2021. She told us that flour deliveries had "
        "stopped in May.\n\n"
        "Q: Why did the deliveries stop?\n\n"
        "A: The mill in Aleppo closed after the power cuts. We now buy flour from traders at twice the price.\n\n"
        "Some families can no longer afford bread at all.\n\n"
        "Q: What would help most?\n\n"
        "A: Fuel for the generators.\n"
    )
    assert _claims(text) == [
        ("Lina Saber", "told us that", "indirect", "flour deliveries had stopped in May"),
        ("Lina Saber", "", "direct",
         "The mill in Aleppo closed after the power cuts. We now buy flour from traders at twice the price.\n\n"
         "Some families can no longer afford bread at all"),
        ("Lina Saber", "", "direct", "Fuel for the generators"),
    ]


def test_upper_case_labels_with_a_title_or_a_role_in_brackets_name_the_speaker() -> None:
    text = (
        "Transcript | Evening programme on Radio Salam\n\n"
        "HOST: Welcome. Minister, will the pound hold?\n\n"
        "ECONOMY MINISTER FADI NASSER: It will. The reserves cover four months of imports.\n\n"
        "HOST: And you, Ms Karam?\n\n"
        "NADIA KARAM (economist): I doubt it. Prices rose by 30 percent in a month.\n\n"
        "HOST: Thank you both.\n"
    )
    assert [(speaker, cue, words) for speaker, cue, _, words in _claims(text)] == [
        ("Fadi Nasser", "", "It will. The reserves cover four months of imports"),
        ("Nadia Karam", "", "I doubt it. Prices rose by 30 percent in a month"),
    ]


def test_the_article_after_the_last_turn_is_no_part_of_the_answer() -> None:
    text = (
        "Raqqa Today: Is the bridge safe?\n\n"
        "Jamil Othman: Trucks cross it every day.\n\n"
        "Raqqa Today: And the ferry?\n\n"
        "Jamil Othman: It stopped in May.\n\n"
        "The governorate said on Monday that the bridge would be inspected in June.\n"
    )
    assert [(speaker, cue, words) for speaker, cue, _, words in _claims(text)][:2] == [
        ("Jamil Othman", "", "Trucks cross it every day"), ("Jamil Othman", "", "It stopped in May"),
    ]
    assert [(cue, words) for _, cue, _, words in _claims(text)][2:] == [
        ("said on Monday that", "the bridge would be inspected in June"),
    ]


def test_headlines_page_labels_datelines_lists_and_colons_in_narration_are_no_transcript() -> None:
    headline = (
        "Foreign Ministry: Turkish strikes on Kobani must be stopped\n\n"
        "DAMASCUS: The Foreign Ministry said on Monday that the strikes violated Syrian sovereignty.\n"
    )
    assert [c.cue for c in extract_claims(headline)] == ["said on Monday that"]
    fact_check = (
        "Fact Check: Did the army shell Ariha on Sunday?\n\n"
        "Verdict: False\n\n"
        "Source: Ariha Media Centre, June 3\n\n"
        "The army said in a statement that its units had not fired on the town.\n"
    )
    assert [c.text for c in extract_claims(fact_check)] == ["its units had not fired on the town"]
    sections = (
        "Situation overview\n\n"
        "Health: Mobile clinics reached 12 villages this week. Are more coming?\n\n"
        "Water: Trucking resumed in two camps.\n\n"
        "Health: Two clinics closed.\n"
    )
    assert extract_claims(sections) == []
    narration = "Her answer was short: the camp would close.\n\nThe plan: move everyone by June.\n"
    assert extract_claims(narration) == []


def test_a_and_q_answers_go_to_the_person_introduced_in_narration_when_nobody_was_quoted_before() -> None:
    text = (
        "Lina Saber, who runs the bakery cooperative in Manbij, spoke to us last week.\n\n"
        "Q: Why did the deliveries stop?\n\n"
        "A: The mill in Aleppo closed.\n\n"
        "Q: What would help?\n\n"
        "A: Fuel for the generators.\n"
    )
    assert [(speaker, words) for speaker, _, _, words in _claims(text)] == [
        ("Lina Saber", "The mill in Aleppo closed"), ("Lina Saber", "Fuel for the generators"),
    ]
