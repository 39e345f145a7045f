"""Behaviour of the claim extractor on invented passages (no dev-set text)."""

from consumers.claims.extract import extract_claims


def test_quote_then_named_speaker_is_direct_claim() -> None:
    text = 'The harbour reopened on Monday.\n\n"We expect ships to return within days," port director Lina Moreau said.\n'
    claims = extract_claims(text)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.speaker == "Lina Moreau"
    assert claim.kind == "direct"
    assert claim.cue == "said"
    assert text[claim.start : claim.end] == claim.text == "We expect ships to return within days"


def test_reported_speech_with_that_is_indirect_claim_with_numbers() -> None:
    text = "The ministry said that more than 3,000 IS fighters had surrendered near the river.\n"
    [claim] = extract_claims(text)
    assert claim.kind == "indirect"
    assert claim.text == "more than 3,000 IS fighters had surrendered near the river"
    [number] = claim.numbers
    assert (number.value, number.value_max, number.unit, number.qualifier) == (3000.0, None, "IS fighters", "more than")


def test_empty_and_blank_text_give_no_claims() -> None:
    assert extract_claims("") == []
    assert extract_claims("   \n\n ") == []
