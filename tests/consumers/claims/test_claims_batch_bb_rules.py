"""Claim and speaker rules found on batch bb (a translated Kurmanji report, a commander's obituary, a doctors' strike,
a returned mosaic, a factory fire, a cancelled concert, a bus crash, locust swarms) (claim guideline, "What is a
claim", "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_quote_then_recalled_and_a_name() -> None:
    text = '"We crossed the river at night with no boots," recalled Ahmad Saleh, a former officer.'
    assert speakers(text) == [("Ahmad Saleh", "We crossed the river at night with no boots")]


def test_a_country_inside_the_content_is_not_the_ministry_s_country() -> None:
    text = "Floodwater has crossed from Turkey into the Orontes plain, the Ministry of Water Resources said."
    assert speakers(text)[0][0] == "Syrian Ministry of Water Resources"


def test_a_domain_ministry_official_without_a_country() -> None:
    text = "A tourism ministry official said the hotel licence had been withdrawn."
    assert speakers(text) == [("Syrian Ministry of Tourism", "the hotel licence had been withdrawn")]


def test_organisers_after_the_content_without_an_article() -> None:
    text = "The book fair was postponed by a week, organisers said."
    assert speakers(text) == [("unnamed sources", "The book fair was postponed by a week")]


def test_a_body_s_management_speaks() -> None:
    text = "The stadium's management said the pitch would be relaid in May."
    assert speakers(text)[0][1] == "the pitch would be relaid in May"


def test_a_promoter_named_in_apposition_after_a_possessive() -> None:
    text = "The festival's promoter, Karim Nassar, said the stage would be moved to the citadel."
    assert speakers(text) == [("Karim Nassar", "the stage would be moved to the citadel")]


def test_a_plural_group_near_a_place_is_unnamed() -> None:
    text = "Herders near Deir Hafer said the wells had dried up."
    assert speakers(text) == [("unnamed sources", "the wells had dried up")]


def test_the_outlet_is_the_name_after_a_based_outlet() -> None:
    text = ("The story was first carried by the Kobani-based outlet Ronahi Radio. "
            "The outlet reported that 30 shops had closed.")
    assert speakers(text) == [("Ronahi Radio", "30 shops had closed")]


def test_the_management_of_a_place_named_before_by_its_short_name() -> None:
    text = ("The match at the Aleppo International Stadium was stopped. "
            "The International Stadium's management said the floodlights had failed.")
    assert speakers(text)[-1] == ("Aleppo International Stadium", "the floodlights had failed")


def test_bare_police_is_the_police_body_named_right_after() -> None:
    text = ("Two men were arrested at the port with forged passports, police said. "
            "The Latakia Police Command said in a statement that the men had paid a smuggler.")
    assert speakers(text)[0][0] == "Latakia Police Command"


def test_a_two_word_body_never_named_is_unnamed() -> None:
    text = ("The paintings were found at a storage depot in Hamburg. "
            "The storage company said it had not known what the crates held.")
    assert speakers(text) == [("unnamed sources", "it had not known what the crates held")]
