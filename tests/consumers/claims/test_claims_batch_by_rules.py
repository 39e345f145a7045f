"""Rules found on house batch by's errors (claim guideline, transcripts.md); invented sentences."""

from consumers.claims.extract import extract_claims


def claims(text: str) -> list[tuple[str, str, str]]:
    return [(c.speaker, c.cue, c.text) for c in extract_claims(text)]


def test_a_cue_verb_in_a_relative_clause_between_commas_is_no_cue_when_the_main_verb_reports() -> None:
    # "A former prisoner, who testified at the trial, said P": "testified" belongs to the relative clause; the claim
    # is the main verb's P (was: cue "testified at the trial", content the whole sentence)
    text = (
        "A former prisoner, who testified at the trial, said guards had beaten him every night.\n\n"
        "A retired judge, who testified in Celle last year, told reporters that the files were incomplete.\n"
    )
    got = claims(text)
    assert ("unnamed sources", "said", "guards had beaten him every night") in got
    assert ("unnamed sources", "told reporters that", "the files were incomplete") in got
    assert len(got) == 2
