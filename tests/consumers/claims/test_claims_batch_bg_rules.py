"""Claim and speaker rules found on batch bg's first run (a disputed Eid moon sighting among others) (claim
guideline, "Speaker": a person by the fullest name, no titles); invented sentences. Batch bg itself is not moved yet."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_capitalised_office_over_a_place_then_a_name_is_the_person() -> None:
    text = ("The Grand Mufti of Lebanon, Sheikh Omar Haidar, said the moon had been seen over Tyre. "
            "The mufti told reporters that two witnesses had sworn to it.")
    assert [s for s, _ in speakers(text)] == ["Omar Haidar", "Omar Haidar"]


def test_a_capitalised_office_over_a_place_alone_stays_the_office() -> None:
    text = "The Grand Mufti of Lebanon said the moon had been seen over Tyre."
    assert [s for s, _ in speakers(text)] == ["Grand Mufti of Lebanon"]
