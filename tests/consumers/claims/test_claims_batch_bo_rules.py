"""Speaker rules found on batches bl, bm, bo and heldback/ (claim guideline, "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_member_of_a_local_body_in_lower_case_speaks_for_the_body_by_its_place() -> None:
    text = "A member of the local council in Tafas, who asked not to be named, said the town gets half its flour."
    assert speakers(text) == [("Tafas Local Council", "the town gets half its flour")]
