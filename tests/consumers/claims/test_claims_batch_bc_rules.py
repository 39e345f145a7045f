"""Claim and speaker rules found on batch bc (a pharmacy report opening on a quote, a relayed interview, a couple
quoted in turn, a court verdict, a fact-check, a liveblog, a budget debate, a currency market report) (claim guideline,
"What is a claim", "Spans", "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_so_says_names_the_speaker_of_the_quotation_before() -> None:
    text = ('"The ovens were cold for three days. Nobody came."\n\n'
            "So says Yusuf Darwish, who has baked bread in Douma since 1998. He told us that flour was short.")
    assert speakers(text) == [
        ("Yusuf Darwish", "The ovens were cold for three days. Nobody came"),
        ("Yusuf Darwish", "flour was short"),
    ]


def test_according_to_a_name_then_a_clause_opening_with_a_is_the_content() -> None:
    text = ("Trade Minister Fadi Haddad visited Aleppo on Monday. "
            'According to Haddad, a Turkish trade delegation will arrive in the city "within weeks".')
    assert speakers(text)[-1] == ("Fadi Haddad", 'a Turkish trade delegation will arrive in the city "within weeks')


def test_a_date_the_writer_comments_on_is_no_part_of_the_content() -> None:
    text = "The minister said the talks would resume on 3 May, a date Ankara has not confirmed."
    assert [t for _, t in speakers(text)] == ["the talks would resume on 3 May"]


def test_an_outlet_relaying_inside_the_cue_is_not_the_speaker() -> None:
    text = ("An adviser to the Iraqi prime minister, Karim Jaber, told the Al-Sabah newspaper, according to "
            "Shafaq News, that the border post would reopen in June.")
    assert speakers(text) == [("Karim Jaber", "the border post would reopen in June")]


def test_she_is_not_the_woman_s_husband() -> None:
    text = ("Rania Saleh and her husband, Khaled Mansour, ran a bakery in Idlib until 2019. "
            "Mansour said the flour had run out in March.\n\n"
            '"We will open again in the spring," she told reporters.\n\n'
            'He was less hopeful. "Nobody has money for bread," he said.')
    assert [s for s, _ in speakers(text)] == ["Khaled Mansour", "Rania Saleh", "Khaled Mansour"]


def test_called_back_to_say_reports() -> None:
    text = ("A hospital official in Daraa said two patients had died. "
            "The official later called back to say that three patients had died.")
    claims = extract_claims(text)
    assert [c.text for c in claims] == ["two patients had died", "three patients had died"]
    assert claims[1].speaker == claims[0].speaker


def test_another_role_then_a_name_in_apposition() -> None:
    text = "Another farmer, Walid Haddad, said the wells had been dry since June."
    assert speakers(text) == [("Walid Haddad", "the wells had been dry since June")]


def test_exchange_data_is_the_exchange_named_before() -> None:
    text = "Shares on the Amman Stock Exchange fell 2 percent on Sunday, according to exchange data."
    assert speakers(text) == [("Amman Stock Exchange", "Shares on the Amman Stock Exchange fell 2 percent on Sunday")]


def test_he_after_a_name_with_a_bare_role_in_apposition() -> None:
    text = ("Salma Idris said the harvest was poor. Qasim Nouri, head of the Farmers Union in Hama, disagreed. "
            "He said the harvest was normal.")
    assert speakers(text)[-1] == ("Qasim Nouri", "the harvest was normal")


def test_the_subject_of_a_ministry_before_the_title_is_no_part_of_the_name() -> None:
    text = "Tourism Minister Rami Khoury opened the hotel on Monday. Khoury said 40 rooms were ready."
    assert speakers(text) == [("Rami Khoury", "40 rooms were ready")]
