"""Rules found on batches bq (its leftovers) and br (claim guideline); invented sentences."""

from consumers.claims.extract import extract_claims


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in extract_claims(text)]


def test_he_after_another_unnamed_council_member_is_that_member_not_a_named_one_before() -> None:
    text = ("Council member Khaled Omran said the bakery had closed. Another council member, who asked not to be "
            'named, said the fuel had not arrived. He accused the governor of "ignoring the villages."')
    assert [s for s, _ in speakers(text)] == ["Khaled Omran", "unnamed sources", "unnamed sources"]


def test_she_after_another_unnamed_official_of_a_body_is_the_body() -> None:
    text = ("Dr. Lina Haddad of the hospital said two wards had closed. Another official at the Health Ministry said "
            "generators had been sent. She said fuel would last a week.")
    got = [s for s, _ in speakers(text)]
    assert got[1] == got[2] != "Lina Haddad", got


def test_plural_complain_that_reports_a_proposition() -> None:
    text = "Farmers in the Ghab plain complain that diesel costs twice what it did in spring."
    assert speakers(text) == [("unnamed sources", "diesel costs twice what it did in spring")]


def test_promised_that_reports_a_proposition_but_promised_to_does_not() -> None:
    text = "The mayor of Jableh, Samer Khoury, promised that the water network would be repaired by December."
    assert speakers(text) == [("Samer Khoury", "the water network would be repaired by December")]
    assert extract_claims("The mayor of Jableh, Samer Khoury, promised to repair the water network.") == []
    assert extract_claims("Samer Khoury promised a new school for the village.") == []
    text = "Samer Khoury promised residents that the bridge would reopen in March."
    assert speakers(text) == [("Samer Khoury", "the bridge would reopen in March")]


def test_indirect_content_going_on_after_its_cue_with_but_is_one_span_across_it() -> None:
    text = "The loan should be repaid over ten years, the banker said, but the ministry wanted five."
    assert speakers(text) == [("unnamed sources", text[:-1])]


def test_but_after_the_cue_opening_the_writers_clause_is_no_part_of_the_content() -> None:
    for text, content in (
        ("Five people were killed, the ministry said, but it gave no names.", "Five people were killed"),
        ("Five people were killed, the ministry said, but there was no independent confirmation.",
         "Five people were killed"),
        ("Five people were killed, the ministry said, but did not say who fired.", "Five people were killed"),
        ("Five people were killed, the ministry said, but Reuters could not verify the toll.",
         "Five people were killed"),
        ("Five people were killed, the ministry said, but the Observatory said fighting went on.",
         "Five people were killed"),
    ):
        assert speakers(text)[0] == ("Syrian government", content), text


def test_a_subject_with_a_capitalised_modifier_and_a_relative_clause_speaks() -> None:
    text = ("On the Turkish side, the Kurdish-led administration that runs Roj camp says about 2,000 women remain "
            "there.")
    assert [t for _, t in speakers(text)] == ["about 2,000 women remain there"]
    text = "The US-backed council that runs Raqqa said 300 teachers had not been paid."
    assert [t for _, t in speakers(text)] == ["300 teachers had not been paid"]


def test_a_draft_prepared_by_the_ministry_speaks_for_that_ministry() -> None:
    text = ("DAMASCUS (Reuters) - Two officials at the Ministry of Trade told Reuters that bread prices would rise. A "
            "draft of the decision, prepared by the ministry and dated Nov. 2, says bakeries must sell a bundle for "
            "4,000 pounds.")
    assert [s for s, _ in speakers(text)] == ["Syrian Ministry of Trade"] * 2
    text = "A draft law prepared by the Ministry of Justice says detainees must see a lawyer within 48 hours."
    assert speakers(text)[0][0] == "Syrian Ministry of Justice"


def test_pointing_out_and_indicating_that_open_a_second_claim_of_the_same_speaker() -> None:
    text = ("Governor Ali Saleh affirmed that 80 percent of the plan has been implemented, pointing out that the bank "
            "has given farmers 1,000 tons of seed.")
    assert speakers(text) == [("Ali Saleh", "80 percent of the plan has been implemented"),
                              ("Ali Saleh", "the bank has given farmers 1,000 tons of seed")]
    text = "Governor Ali Saleh said the price will be 5,000 pounds, indicating that the decision aims to help farmers."
    assert [t for _, t in speakers(text)] == ["the price will be 5,000 pounds", "the decision aims to help farmers"]


def test_a_judges_ruling_that_p_is_the_judges_claim() -> None:
    text = "The presiding judge, Anna Weber, rejected the request, ruling that the court had jurisdiction."
    assert speakers(text) == [("Anna Weber", "the court had jurisdiction")]
    assert extract_claims("The ruling party said nothing.") == []
