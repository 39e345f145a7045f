"""Rules found on batch bs's errors (claim guideline); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_an_outlet_label_with_a_slash_heads_interviewer_turns() -> None:
    text = ("Omar Jaber runs a bakery cooperative in Homs. VOA/RFA spoke to him on Monday.\n\n"
            "VOA/RFA: How much flour do you get?\n\n"
            "Jaber: Half of what we need. The mills close at noon.\n\n"
            "VOA/RFA: Why?\n\n"
            "Jaber: There is no diesel for the generators.\n")
    assert speakers(text) == [("Omar Jaber", "Half of what we need. The mills close at noon"),
                              ("Omar Jaber", "There is no diesel for the generators")]


def test_a_full_name_does_not_run_back_over_a_blank_line_into_a_byline() -> None:
    text = ("By Lina Saleh, AFP\n\nOmar Jaber runs a bakery in Homs. The mills close early.\n\n"
            "Jaber said the flour was late again.")
    assert speakers(text) == [("Omar Jaber", "the flour was late again")]


def test_thanks_for_something_in_an_interview_is_no_claim() -> None:
    text = ("Omar Jaber runs a bakery in Homs.\n\nQ: Why do the mills close early?\n\n"
            "Jaber: There is no diesel.\n\nQ: Thank you.\n\nJaber: Thank you for your time.\n")
    assert speakers(text) == [("Omar Jaber", "There is no diesel")]


def test_a_month_or_year_opening_the_sentence_without_a_comma_is_no_subject() -> None:
    text = "In March the Interior Ministry said 40 smugglers had been arrested."
    assert speakers(text) == [("Syrian Ministry of Interior", "40 smugglers had been arrested")]
    text = "In 2024 the Defence Ministry said the port had been mined."
    assert speakers(text) == [("Syrian Arab Army", "the port had been mined")]
    text = "Later the Interior Ministry said two more cells had been found."
    assert speakers(text) == [("Syrian Ministry of Interior", "two more cells had been found")]
