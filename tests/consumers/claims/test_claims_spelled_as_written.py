"""A known person named in another spelling of the full name keeps the document's spelling (guideline: "fullest name
used in the document, spelled as there"); the stage maps it back to one speakers row. Invented sentences."""

from consumers.claims.extract import extract_claims
from consumers.claims.speakers import canonical_speaker


def speakers(text: str) -> list[str]:
    return [c.speaker for c in extract_claims(text)]


def test_a_full_name_spelled_another_way_is_the_speaker_as_written_and_keys_the_same_person() -> None:
    # Scorers match a person by the last word: "Rami Abdel Rahman" for "Rami Abdulrahman" reads as another person
    text = (
        "Rami Abdulrahman, the head of the monitor, said that 14 fighters were killed in the clashes near the dam.\n\n"
        "Abu Mohammed al-Jolani said in a recorded speech that the front lines would hold through the winter.\n"
    )
    got = speakers(text)
    assert got == ["Rami Abdulrahman", "Abu Mohammed al-Jolani"]
    assert canonical_speaker("Rami Abdulrahman")[0] == "Rami Abdel Rahman"  # one speakers row for both spellings
    assert canonical_speaker("Abu Mohammed al-Jolani")[0] == "Ahmed al-Sharaa"


def test_a_surname_alone_still_gives_the_known_full_name_and_a_variant_full_name_is_kept() -> None:
    assert speakers("Lavrov told reporters that the ceasefire in Idlib was holding despite violations.\n") == [
        "Sergei Lavrov"]
    assert speakers("Sergey Lavrov said on Friday that the talks in Astana would resume next month.\n") == [
        "Sergey Lavrov"]
