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


def test_a_fact_checkers_rating_of_a_claim_is_its_verdict_not_a_claim() -> None:
    # "rates the Turkish claim Misleading": the claim noun after an adjective, the fact-check's own verdict line
    text = ("Misbar rates the Turkish claim Misleading.\n\n"
            "We rated the ministry's claims False.\n\n"
            "The ministry said 40 schools had reopened.\n")
    assert [t for _, t in speakers(text)] == ["40 schools had reopened"]
