"""Rules found on used batch bv's speaker errors (claim guideline); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_the_same_ministry_is_the_ministry_of_the_minister_named_before() -> None:
    # "Syria's Minister of Tourism, NAME, said P. ... the same ministry said Q": the minister's ministry (was the
    # literal label "same ministry")
    text = (
        "Syria's Minister of Tourism, Ali Haddad, said in an interview that 3 million visitors came in 2027.\n\n"
        "The figure includes day trips. In March, the same ministry said 900,000 visitors had come from Lebanon.\n\n"
        "According to the same ministry, hotels in Latakia were full all summer.\n"
    )
    got = speakers(text)
    assert got[0][0] == "Ali Haddad", got
    assert [s for s, _ in got[1:]] == ["Syrian Ministry of Tourism", "Syrian Ministry of Tourism"], got


def test_the_same_source_is_the_speaker_quoted_before() -> None:
    # "The Jordanian army said P. The same source said Q": the army again (was unnamed sources)
    text = (
        "The Jordanian army said on Monday that a patrol had been attacked near the border.\n\n"
        "The same source said two soldiers were lightly hurt in the exchange of fire.\n"
    )
    assert [s for s, _ in speakers(text)] == ["Jordanian Armed Forces", "Jordanian Armed Forces"]


def test_a_kind_word_after_a_groups_name_is_no_part_of_the_name() -> None:
    # "The Free Hills movement said P": a lower-case kind word (movement, group, faction, militia, organisation)
    # after a capitalised name says what the body is, not what it is called (was "Free Hills movement"); a name
    # whose kind is part of it ("news agency") or that the alias table knows whole keeps its form
    text = (
        "DAMASCUS - The Free Hills movement said on Monday that its fighters had left the checkpoint.\n\n"
        "The Sons of Tell Ahmar group said 14 of its members had been detained.\n\n"
        "The Saraya al-Jabal faction denied taking part in the raid.\n\n"
        "The Hamas movement said it had no members in the town.\n\n"
        "The Hawar news agency said 5 people had died.\n\n"
        "The Islamic State group said it had carried out the attack.\n\n"
        "A Kurdish group said the road had been cut.\n"
    )
    got = [s for s, _ in speakers(text)]
    assert got[:6] == ["Free Hills", "Sons of Tell Ahmar", "Saraya al-Jabal", "Hamas", "Hawar News Agency",
                       "Islamic State"], got
    assert got[6] not in ("A Kurdish", "Kurdish"), got  # a people before the kind word: no name to keep


def test_a_named_army_holding_a_country_word_is_not_that_states_army() -> None:
    # "The Free Syrian Army said P": a name of its own, with a capitalised word before the country word (was the
    # Syrian Arab Army, the side it fought); "The Syrian army said Q" stays the state's
    text = (
        "DAMASCUS - The Free Syrian Army said on Monday that its units had left the village of Tal Ahmar.\n\n"
        "The Syrian army said 12 of its soldiers had been wounded in the fighting.\n"
    )
    assert [s for s, _ in speakers(text)] == ["Free Syrian Army", "Syrian Arab Army"]
