"""General rules found on the errors left on batches br and bs (claim guideline, house conventions); invented texts."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_according_to_the_outlets_own_reporters_is_its_own_narration() -> None:
    # guideline: the journalist's own narration is no claim, even if evidently sourced
    text = ("11:40 - The main road to the hospital is blocked by rubble, according to our correspondent in Idlib.\n\n"
            "12:05 - According to our reporters at the scene, two more bodies were recovered.\n\n"
            "12:30 - The ministry said 14 people had been killed.\n")
    assert [t for _, t in speakers(text)] == ["14 people had been killed"]
