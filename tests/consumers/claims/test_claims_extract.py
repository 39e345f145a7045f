"""Behaviour of the claim extractor on invented passages (claim annotation guideline; no dev-set text)."""

from consumers.claims.extract import EXTRACTOR_VERSION, ExtractedClaim, extract_claims


def only(text: str) -> ExtractedClaim:
    claims = extract_claims(text)
    assert len(claims) == 1, claims
    return claims[0]


def test_version_names_the_rules() -> None:
    assert EXTRACTOR_VERSION.startswith("rules-")


def test_quote_then_named_speaker_is_direct_claim() -> None:
    text = 'The port reopened on Monday.\n\n"We expect ships to return within days," port director Lina Moreau said.\n'
    claim = only(text)
    assert (claim.speaker, claim.kind, claim.cue) == ("Lina Moreau", "direct", "said")
    assert text[claim.start : claim.end] == claim.text == "We expect ships to return within days"


def test_reported_speech_with_that_is_indirect_and_drops_that() -> None:
    claim = only("The ministry said that more than 3,000 IS fighters had surrendered near the river.\n")
    assert claim.kind == "indirect"
    assert claim.text == "more than 3,000 IS fighters had surrendered near the river"
    [number] = claim.numbers
    assert (number.value, number.value_max, number.unit, number.qualifier) == (3000.0, None, "IS fighters", "more than")


def test_claim_first_with_apposition_keeps_name_without_title() -> None:
    text = ("Rebels shelled two districts overnight, Colonel Pavel Sokolov, a spokesman for the Russian Defense "
            "Ministry, said on Friday.\n")
    claim = only(text)
    assert claim.speaker == "Pavel Sokolov"
    assert claim.speaker_org == "Russian Ministry of Defense"
    assert claim.text == "Rebels shelled two districts overnight"
    assert claim.speaker_mention.startswith("Colonel Pavel Sokolov, a spokesman")


def test_quote_split_by_he_said_gives_two_claims_second_without_cue() -> None:
    text = 'Aid chief Mona Reyes spoke in Geneva.\n\n"The roads are open," she said, "but the trucks are not moving."\n'
    first, second = extract_claims(text)
    assert (first.text, first.cue) == ("The roads are open", "said")
    assert (second.text, second.cue, second.kind) == ("but the trucks are not moving", "", "direct")
    assert first.speaker == second.speaker == "Mona Reyes"


def test_quote_running_over_paragraphs_is_one_claim() -> None:
    text = ('"We counted every house. Nothing was left standing.\n\n'
            '"The families have nowhere to go," said Hevin Ali, a volunteer with the local council.\n')
    claim = only(text)
    assert claim.kind == "direct"
    assert claim.text.startswith("We counted every house") and claim.text.endswith("nowhere to go")
    assert claim.speaker == "Hevin Ali"


def test_interrupted_indirect_speech_is_one_span_across_the_cue() -> None:
    claim = only("The bridge, the engineer said, would reopen within a month.\n")
    assert claim.text == "The bridge, the engineer said, would reopen within a month"
    assert claim.kind == "indirect"


def test_mixed_speech_has_quoted_words_inside_reported_speech() -> None:
    claim = only('Karim Aziz said the town was "completely cut off" from the coast.\n')
    assert claim.kind == "mixed"
    assert claim.text == 'the town was "completely cut off" from the coast'


def test_according_to_before_and_after_the_content() -> None:
    before = only("According to the Syrian Observatory, 14 fighters were killed in the ambush.\n")
    after = only("Fourteen fighters were killed in the ambush, according to the Syrian Observatory.\n")
    assert before.speaker == after.speaker == "Syrian Observatory for Human Rights"
    assert before.text == "14 fighters were killed in the ambush"
    assert after.text == "Fourteen fighters were killed in the ambush"


def test_pronoun_and_definite_description_resolve_to_the_named_person() -> None:
    text = ("Lieutenant Colonel Amira Saleh, the army's spokeswoman, told reporters that the road was safe.\n\n"
            "The spokeswoman added that two checkpoints had been removed. She said convoys would resume.\n")
    claims = extract_claims(text)
    assert [c.speaker for c in claims] == ["Amira Saleh"] * 3
    assert [c.cue for c in claims] == ["told reporters that", "added that", "said"]


def test_metonyms_become_canonical_organisations() -> None:
    text = ("The Pentagon said 900 troops remain. Moscow denied that its jets struck the market. "
            "Damascus said the attack was staged.\n")
    assert [c.speaker for c in extract_claims(text)] == [
        "US Department of Defense", "Russian government", "Syrian government"]


def test_relaying_outlet_is_not_the_speaker() -> None:
    claim = only("Three soldiers were wounded near the border, the agency reported, citing a military source.\n")
    assert claim.speaker == "Syrian Arab Army"
    assert claim.text == "Three soldiers were wounded near the border"


def test_unnamed_members_become_their_organisation_or_unnamed_sources() -> None:
    text = ("A Pentagon spokesperson said the strike hit a depot. Local sources said the depot was empty. "
            "A senior Turkish official said talks would continue.\n")
    assert [c.speaker for c in extract_claims(text)] == [
        "US Department of Defense", "unnamed sources", "Turkish government"]


def test_denials_and_accusations_are_claims() -> None:
    text = "Ankara denied that its drones had crossed the border and accused the militia of staging the attack.\n"
    denial, accusation = extract_claims(text)
    assert (denial.cue, denial.text) == ("denied that", "its drones had crossed the border")
    assert (accusation.cue, accusation.text) == ("accused", "the militia of staging the attack")
    assert denial.speaker == accusation.speaker == "Turkish government"


def test_quote_inside_quote_gives_inner_claim_too() -> None:
    text = ("'A nurse, Sara Haddad, told us last week, \"We have no fuel left,\"' said Ingrid Olsen, "
            "a spokeswoman for the UN refugee agency.\n")
    outer, inner = extract_claims(text)
    assert outer.speaker == "Ingrid Olsen" and outer.speaker_org == "United Nations"
    assert (inner.text, inner.kind) == ("We have no fuel left", "direct")


def test_curly_single_and_guillemet_quotes_are_recognised() -> None:
    for open_mark, close_mark in (("“", "”"), ("'", "'"), ("«", "»"), ('"', '"')):
        claim = only(f"{open_mark}The corridor is closed,{close_mark} Omar Haddad said.\n")
        assert (claim.text, claim.kind, claim.speaker) == ("The corridor is closed", "direct", "Omar Haddad")


def test_non_claims_give_nothing() -> None:
    text = ("Ceasefire holds in the north\n\n"
            "Will the talks resume? The ministry called on all sides to show restraint. "
            "The United Nations expressed concern over the fighting. Reports say the border is closed. "
            "The so-called \"green zone\" was quiet.\n")
    assert extract_claims(text) == []


def test_death_toll_cue_keeps_the_figure_as_content() -> None:
    claim = only("The health board put the death toll at 12 people, including three children.\n")
    assert claim.text == "12 people, including three children"
    assert [n.value for n in claim.numbers] == [12.0, 3.0]


def test_participle_after_a_non_cue_verb_takes_the_sentence_subject() -> None:
    claim = only("The Foreign and Expatriates Ministry condemned the raid, stressing that it violated the truce.\n")
    assert claim.speaker == "Syrian Ministry of Foreign Affairs"
    assert claim.text == "it violated the truce"


def test_colon_at_paragraph_end_introduces_the_next_quotation() -> None:
    text = ("Governor Sami Haddad spoke after the flood.\n\n"
            "The governor told reporters:\n\n\"We will rebuild every school.\"\n")
    claim = only(text)
    assert (claim.speaker, claim.cue, claim.kind) == ("Sami Haddad", "told reporters", "direct")
    assert claim.text == "We will rebuild every school"


def test_he_goes_to_the_person_just_introduced_rather_than_an_earlier_speaker() -> None:
    text = ("Colonel Pavel Sokolov said the front was quiet.\n\n"
            "Ali Omar, a 34-year-old father of three, lost his home. \"We have nothing left,\" he said.\n")
    assert [c.speaker for c in extract_claims(text)] == ["Pavel Sokolov", "Ali Omar"]


def test_passive_quoted_as_saying_keeps_the_subject_as_speaker() -> None:
    claim = only("A local commander was quoted as saying that the tribes would not accept the deal.\n")
    assert claim.cue == "was quoted as saying that"
    assert claim.text == "the tribes would not accept the deal"


def test_outlet_citing_a_source_in_apposition_relays_that_source() -> None:
    claim = only("State news agency SANA, citing local sources, said the bridge had been shelled.\n")
    assert claim.speaker == "unnamed sources"
    assert claim.text == "the bridge had been shelled"


def test_trailing_journalist_aside_is_not_part_of_the_claim() -> None:
    claim = only("The ministry said 58 people had returned, a figure that could not be independently verified.\n")
    assert claim.text == "58 people had returned"


def test_who_clause_after_a_name_makes_a_claim_of_that_person() -> None:
    text = '"We are in contact with both sides," said Peskov, who described the talks as "difficult".\n'
    quote, description = extract_claims(text)
    assert quote.speaker == description.speaker == "Dmitry Peskov"
    assert (description.cue, description.text) == ("described", 'the talks as "difficult')


def test_envoy_for_a_country_does_not_work_for_that_country() -> None:
    claim = only("Special Envoy for Syria Alexander Lavrentiev said talks would resume in the autumn.\n")
    assert claim.speaker == "Alexander Lavrentiev"
    assert claim.speaker_org != "Syrian government"
