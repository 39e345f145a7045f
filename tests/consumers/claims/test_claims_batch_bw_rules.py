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


def test_an_indefinite_head_with_a_relative_clause_ending_in_a_place_then_a_name_speaks_as_the_name() -> None:
    # "A former detainee who spoke at the rally, NAME, said P": the head is "detainee" (before "who"), not the
    # clause's last word before its preposition ("spoke"), so the role-then-name apposition holds
    text = (
        "A former detainee who spoke at the rally, Rania Haddad, said that the generator had failed twice.\n\n"
        "A former prisoner who testified at the hearing, Fouad Nasr, told the court that he had seen the cells.\n\n"
        "In a statement, the WHO office in Amman said that 20 clinics had reopened.\n"
    )
    got = claims(text)
    assert ("Rania Haddad", "said that", "the generator had failed twice") in got
    assert ("Fouad Nasr", "told the court that", "he had seen the cells") in got
    assert ("United Nations", "said that", "20 clinics had reopened") in got  # "WHO" is no relative pronoun


def test_the_owner_of_an_unnamed_shop_is_an_unnamed_source_and_so_is_his_he() -> None:
    # "the owner of a pharmacy in X, who asked ..., told Y that P. He added that Q": no name, no body, so unnamed
    # sources (house convention), not the label "owner of a pharmacy in X"; "He" is that owner, not the official
    # named before him
    text = (
        "The director of the Homs health directorate, Samir Aboud, said that 12 clinics had reopened.\n\n"
        "However, the owner of a pharmacy in the Bab Amr district, who asked that his name not be published, told "
        "the paper that insulin had run out. He added that prices had tripled since January.\n"
    )
    got = claims(text)
    assert ("unnamed sources", "told the paper that", "insulin had run out") in got
    assert ("unnamed sources", "added that", "prices had tripled since January") in got
