"""Claim and speaker rules found on batch bk's first run (Russian-agency English, Arabic outlets in translation,
Kurdish outlets, rival accounts of one event) (claim guideline, "Speaker"); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_an_agency_s_interlocutor_is_the_source_that_spoke_to_it_not_the_agency() -> None:
    # (a calque of Russian agency usage: the agency's interlocutor is whom it talked to, even when the agency is TASS
    # or Sputnik, a body the text names as an agency)
    text = ('A source in the Lebanese army told TASS that 12 men were held. "They were armed," the agency\'s '
            "interlocutor stressed.")
    assert [s for s, _ in speakers(text)] == ["Lebanese Armed Forces", "Lebanese Armed Forces"]


def test_a_source_in_a_named_state_company_or_establishment_is_that_body() -> None:
    # (not the country's government: the body has a name of its own, as a named hospital has)
    text = ("A source in the Syrian General Establishment for Cement told Sputnik that the kiln was repaired. An "
            "official at the Lebanese Company for Ports told Reuters that the cranes were idle.")
    assert [s for s, _ in speakers(text)] == ["Syrian General Establishment for Cement", "Lebanese Company for Ports"]


def test_denying_reports_of_something_denies_those_reports_not_the_claim_before() -> None:
    # (as "denied involvement in the attack": the object is what is denied; the clause before is the first claim's)
    text = ("The trade minister said on Tuesday that flour stocks were sufficient, denying reports of a shortage in "
            "bakeries in Homs.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("said on Tuesday that", "flour stocks were sufficient"),
        ("denying", "reports of a shortage in bakeries in Homs"),
    ]


def test_a_security_source_in_a_capital_speaks_for_that_state() -> None:
    # (a state's security or government source placed in its capital, whatever the dateline; a diplomatic source
    # there may serve any state, so stays unnamed, as own/ z-batch's "A diplomatic source in Moscow")
    text = ("A security source in Baghdad told the pro-government Al-Sabah newspaper that the border was calm. A "
            "diplomatic source in Baghdad said the talks would resume.")
    assert [s for s, _ in speakers(text)] == ["Iraqi government", "unnamed sources"]


def test_an_office_without_its_article_then_a_name_with_an_engineer_s_title_speaks() -> None:
    # (the Arabic calque "Director General of X, Eng. NAME, stated": the office takes no article and "Eng." is a
    # title, not a sentence's end)
    text = ("For her part, Director General of the Public Authority for Water, Eng. Salma Issa, stated that the dam "
            "was full. She pointed out that the pumps were working. Governor of Hama, Dr. Adnan Saleh, said that "
            "the roads were open.")
    assert speakers(text) == [
        ("Salma Issa", "the dam was full"),
        ("Salma Issa", "the pumps were working"),
        ("Adnan Saleh", "the roads were open"),
    ]


def test_a_monitor_that_documented_that_p_reports_p() -> None:
    # (a rights group's finding, as "found that" or "recorded"; only with its clause: "documented the abuses" is no
    # claim of what they were)
    text = ("The Hawar Rights Network documented that 30 people had been detained at the checkpoint. The network "
            "has documented the abuses for years.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [
        ("documented that", "30 people had been detained at the checkpoint"),
    ]


def test_a_body_s_kind_after_its_name_and_acronym_is_no_part_of_its_name() -> None:
    text = "However, the Lawyers for Justice and Rights (LJR) organization documented that the men were tortured."
    assert [s for s, _ in speakers(text)] == ["Lawyers for Justice and Rights"]


def test_blaming_someone_at_the_sentence_end_blames_them_for_the_event_told() -> None:
    # (the "for" is the event the text has just told: "blamed X" with nothing after is still an accusation, as
    # "blamed X for Y")
    text = ("A car bomb killed four people in Azaz. Residents blamed Turkish-backed factions. A shell attributed to "
            "the army fell on the market.")
    assert [(c.cue, c.text) for c in extract_claims(text)] == [("blamed", "Turkish-backed factions")]


def test_rescue_workers_are_the_civil_defence_the_text_names_around_them() -> None:
    # (unnamed members of a body named in the text speak as the body, guideline "Speaker"; with no such body named,
    # rescue workers stay unnamed)
    text = ("A strike on a bakery in Sarmin killed five people, rescue workers said. The White Helmets said 12 were "
            "wounded.")
    assert [s for s, _ in speakers(text)] == ["Syria Civil Defence", "Syria Civil Defence"]
    text = "A strike on a bakery in Sarmin killed five people, rescue workers said."
    assert [s for s, _ in speakers(text)] == ["unnamed sources"]


def test_a_body_named_with_its_seat_keeps_it_when_referred_back_to() -> None:
    # (house convention, own/ ac05 'Directorate of Water in Raqqa', bf04 'People's Court in Qamishli': a body no
    # canonical list knows is named as the text gives it, seat included, also when "the committee" refers back)
    text = ("Talks between the Reconciliation Committee in northern Homs and the army broke down, sources in the "
            "committee told Enab Baladi. The committee said 40 men had been arrested.")
    assert [s for s, _ in speakers(text)] == ["Reconciliation Committee in northern Homs"] * 2


def test_a_statement_s_issuer_keeps_the_seat_it_was_named_with() -> None:
    # (own/ ac03, an old leftover: the house convention keeps a body's seat, also when its statement speaks)
    text = ("The Higher Council of Bedouin Clans in Jordan issued a statement on Friday. The statement said "
            "that the killers must be handed over.")
    assert [s for s, _ in speakers(text)] == ["Higher Council of Bedouin Clans in Jordan"]


def test_the_governorate_is_that_of_the_one_governorate_seat_the_text_names() -> None:
    # (own/ ax08, an old leftover: a column about one city; with two seats named, which governorate is unsaid)
    text = ("Homs teachers are tired\n\nI went back to Homs last month. The governorate insists that salaries are "
            "paid on time.")
    assert [s for s, _ in speakers(text)] == ["Homs Governorate"]
    text = "I went back to Homs and Hama last month. The governorate insists that salaries are paid on time."
    assert [s for s, _ in speakers(text)] == ["unnamed sources"]


def test_a_security_official_in_a_syrian_governorate_seat_is_the_syrian_state_s() -> None:
    # (own/ ao02, an old leftover: "A security official in Daraa, who asked not to be named, said" under an outlet's
    # dateline that names no country)
    text = ("Enab Baladi – Hama\n\nA security official in Hama, who asked not to be named, said the road had been "
            "reopened.")
    assert [s for s, _ in speakers(text)] == ["Syrian government"]


def test_the_counterpart_minister_holds_the_same_portfolio_as_the_minister_he_met() -> None:
    # (own/ e2, an old leftover: "after talks with his Syrian counterpart ... The Syrian minister said": a minister
    # of the same portfolio, so that ministry, not the government at large)
    text = ("Iran will help rebuild Syria's power plants, Iranian Foreign Minister Abbas Araghchi said after talks "
            "with his Iraqi counterpart. The Iraqi minister, in turn, said that Baghdad would pay in oil.")
    assert [s for s, _ in speakers(text)] == ["Abbas Araghchi", "Iraqi Ministry of Foreign Affairs"]


def test_she_is_never_a_man_by_his_given_name_but_the_woman_named_before() -> None:
    # (own/ aw06, an old leftover: a woman named in a list, then a man quoted by surname, then "she")
    text = ("Leyla Hasso, who heads the water board, and the council's engineer, Mahmoud Darwish, visited the dam. "
            'Darwish said the turbines had been repaired. "The water is there, the power is not," she told reporters.')
    assert [s for s, _ in speakers(text)] == ["Mahmoud Darwish", "Leyla Hasso"]


def test_a_person_a_feature_follows_in_the_present_tense_is_the_next_he() -> None:
    # (own/ h23, an old leftover: a feature opening on its subject in the present tense, then his quote)
    text = 'KOBANI - Abu Salim opens his shop at five in the morning.\n\n"Prices have tripled," he said, laughing.'
    assert [s for s, _ in speakers(text)] == ["Abu Salim"]


def test_she_is_the_woman_by_her_given_name_though_a_male_relative_shares_her_surname() -> None:
    # (own/ au07, an old leftover: an obituary whose subject's nephew shares her surname; a man is quoted last)
    text = ("Huda Sabbagh, who ran the last loom in the old souk, died on Sunday. Her nephew, Georges Sabbagh, said "
            'she had died at home. "She never missed a day," said Karim Attar, a neighbour.\n\nIn 2015, she told a '
            'French reporter: "If the loom stops, the street stops."')
    assert [s for s, _ in speakers(text)] == ["Georges Sabbagh", "Karim Attar", "Huda Sabbagh"]
