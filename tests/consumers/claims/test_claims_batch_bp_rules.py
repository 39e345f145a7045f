"""Rules found on batch bp's errors, read after it was scored blind (claim guideline); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_a_provincial_body_under_a_capital_dateline_is_no_national_government() -> None:
    # the dateline gives the country; the body a source sits in is the province's, by its name
    text = ("DAMASCUS, March 3. /TASS/. Drones hit a depot overnight.\n\n"
            "SANA, citing a source in the Homs provincial administration, reported that water had been cut to "
            "3,000 homes. The source said repairs would take a week.")
    assert speakers(text) == [("Homs provincial administration", "water had been cut to 3,000 homes"),
                              ("Homs provincial administration", "repairs would take a week")]
    text = "DAMASCUS, March 3 (Reuters) - The Syrian local authorities said the road had reopened."
    assert speakers(text) == [("Syrian government", "the road had reopened")]  # the country named: its government


def test_an_apposition_opening_with_the_place_a_role_covers_belongs_to_the_name() -> None:
    # "Lebanon director of X": the place the role covers, capitalised, then the role and its body
    text = ("Maria Olsen, Lebanon country director of the Danish Refugee Council (DRC), said the closures had left "
            "8,000 families without fuel, warning that stocks would run out \"within days.\"")
    assert speakers(text) == [("Maria Olsen", "the closures had left 8,000 families without fuel"),
                              ("Maria Olsen", "stocks would run out \"within days")]
    text = "Omar Haddad, Aleppo field coordinator for the charity, said two bakeries had closed."
    assert speakers(text) == [("Omar Haddad", "two bakeries had closed")]


def test_an_outlet_after_according_to_only_relays_the_named_speaker_of_the_content() -> None:
    # conduit rule: "According to OUTLET, NAME said that P" -> NAME speaks, the span after "that"
    text = ("According to the state news agency SANA, Homs Governor Nabil Haddad said on Monday that 200 tonnes of "
            "fuel had arrived.")
    assert speakers(text) == [("Nabil Haddad", "200 tonnes of fuel had arrived")]
    # the outlet's own report stays the outlet's
    text = "According to the state news agency SANA, 200 tonnes of fuel arrived in Homs on Monday."
    assert speakers(text) == [("SANA", "200 tonnes of fuel arrived in Homs on Monday")]


def test_a_gloss_on_a_quoted_word_after_the_quote_is_the_journalists() -> None:
    # "..., a term the agency uses when ...": the journalist explains the source's word (trailing apposition)
    text = ("A UN spokesperson told AFP that the trucks were \"awaiting clearance,\" a phrase the agency uses when a "
            "route is not approved.")
    assert speakers(text) == [("United Nations", "the trucks were \"awaiting clearance")]
