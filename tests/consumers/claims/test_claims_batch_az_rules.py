"""Speaker rules found on batch az (an investigation into contracts, an airline's first flight, landmine clearance, a
mass grave, a hacked website, a TV drama, a stock exchange reopening, a radio phone-in) (claim guideline,
"Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_pronoun_right_after_an_unnamed_person_is_that_person() -> None:
    text = ("Finance Minister Omar Kayal said the budget was balanced. "
            "A trader at a Hama market said prices had doubled. \"Nobody buys meat now,\" he said.")
    assert speakers(text)[2] == ("unnamed sources", "Nobody buys meat now")


def test_she_after_an_unnamed_woman_is_not_the_man_before() -> None:
    text = ("A caller who gave his name as Abu Samer said the bus was late. "
            "\"We wait an hour every day,\" said a woman from Homs who did not give her name. "
            "She said the drivers had stopped at noon.")
    assert speakers(text)[2] == ("unnamed sources", "the drivers had stopped at noon")


def test_the_director_of_a_place_named_before_is_that_place() -> None:
    text = ("Flights resumed at Latakia International Airport on Monday. Rana Issa, a passenger, said the hall was "
            "clean. The airport's director said two more airlines had applied.")
    assert speakers(text)[1] == ("Latakia International Airport", "two more airlines had applied")


def test_another_of_a_kind_none_quoted_before_is_unnamed() -> None:
    text = "Callers complained about bread. Another listener wrote that the queues had gone."
    assert speakers(text) == [("unnamed sources", "the queues had gone")]


def test_a_member_of_an_indefinite_firm_is_unnamed() -> None:
    text = "A broker at a Damascus firm said most orders came from small investors."
    assert speakers(text) == [("unnamed sources", "most orders came from small investors")]


def test_a_group_calling_itself_a_quoted_name_and_saying() -> None:
    text = ('A group calling itself "Olive Cyber Army" claimed responsibility in a post on X and said it had copied '
            "3,000 files.")
    assert speakers(text) == [("Olive Cyber Army", "it had copied 3,000 files")]


def test_the_airline_after_its_name_opened_the_sentence() -> None:
    text = "Fly Cham resumed flights to Riyadh on Monday with 120 passengers, the airline said."
    assert speakers(text)[0][0] == "Fly Cham"


def test_an_association_of_x_and_the_y_is_one_name() -> None:
    text = ("The Association of Families and the Missing in Aleppo said in a statement that 200 people were still "
            "missing.")
    assert speakers(text) == [("Association of Families and the Missing in Aleppo", "200 people were still missing")]
