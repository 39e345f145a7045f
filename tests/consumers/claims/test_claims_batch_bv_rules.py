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
