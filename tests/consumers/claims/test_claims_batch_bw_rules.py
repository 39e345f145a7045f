"""Rules found on house batch bw's errors (claim guideline, transcripts.md); invented sentences."""

from consumers.claims.extract import extract_claims


def claims(text: str) -> list[tuple[str, str, str]]:
    return [(c.speaker, c.cue, c.text) for c in extract_claims(text)]


def test_where_the_speaker_stood_outside_or_inside_a_building_is_part_of_the_cue_not_of_the_content() -> None:
    # "told reporters outside the courthouse that P": the place is the cue's phrase, as "at a briefing" is
    text = (
        "The mayor's lawyer, Petra Lind, told reporters outside the courthouse that the appeal would be filed on "
        "Monday.\n\nThe minister, Karim Daher, said inside the parliament building that fuel prices would not rise.\n"
    )
    got = claims(text)
    assert ("Petra Lind", "told reporters outside the courthouse that", "the appeal would be filed on Monday") in got
    assert ("Karim Daher", "said inside the parliament building that", "fuel prices would not rise") in got
