"""Speaker and span rules found on batch at (an earthquake centre, a detainee's testimony with quotes inside quotes, a
televised address, a film festival, a kidnapping appeal) (claim guideline: "Speaker", "Spans", "Nesting");
invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_superlative_apposition_after_the_cue_is_the_journalists() -> None:
    text = "Two villages were flooded overnight, the civil defence said, the wettest night in the province since 1988."
    assert [c.text for c in extract_claims(text)] == ["Two villages were flooded overnight"]


def test_a_countrys_named_body_is_named_without_the_country() -> None:
    assert [c.speaker for c in extract_claims("Jordan's Meteorological Department said the storm would pass.")] == [
        "Meteorological Department"
    ]


def test_the_address_the_words_were_said_in_is_no_part_of_them() -> None:
    text = "The prime minister said on Monday that taxes would fall, in a recorded speech marking the new year."
    assert [c.text for c in extract_claims(text)] == ["taxes would fall"]


def test_a_producer_named_in_apposition_is_the_speaker() -> None:
    text = "The play's producer, Nadia Karam, said the theatre had sold out."
    assert speakers(text) == [("Nadia Karam", "the theatre had sold out")]


def test_the_family_of_someone_described_is_unnamed() -> None:
    text = "The family of a Kurdish teacher arrested in Afrin spoke to reporters, saying he had been beaten."
    assert speakers(text) == [("unnamed sources", "he had been beaten")]


def test_a_quote_inside_a_quote_with_words_after_it_is_a_claim_of_someone_unnamed() -> None:
    text = ("\"The jailer would stop at the door and say, 'Your family has forgotten you.' I believed him,\" "
            "Samir Nouri said.")
    assert speakers(text) == [
        ("Samir Nouri", "The jailer would stop at the door and say, 'Your family has forgotten you.' I believed him"),
        ("unnamed sources", "Your family has forgotten you"),
    ]


def test_someone_in_the_quoted_story_is_not_the_person_quoting() -> None:
    text = "\"The judge told my father, 'Come back next month,' and closed the file,\" Lina Aswad said."
    assert speakers(text)[1] == ("unnamed sources", "Come back next month")
