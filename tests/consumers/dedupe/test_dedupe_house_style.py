"""House-style differences between a wire story and its reprint that should not break the copy. Texts invented."""

from consumers.dedupe.story import name_words
from consumers.dedupe.text import clean, words


def _same_words(a: str, b: str) -> None:
    assert words(clean(a).casefold()) == words(clean(b).casefold()), (a, b)


def test_html_entities_left_in_a_scraped_copy_read_as_their_characters() -> None:
    _same_words("&#8220;We&#8217;re staying,&#8221; she said &mdash; Idlib &amp; Hama&nbsp;now",
                "\u201cWe\u2019re staying,\u201d she said \u2014 Idlib & Hama now")  # fmt: skip


def test_dotted_and_undotted_acronyms_are_one_word() -> None:
    _same_words("U.S. forces and the U.N. envoy met in the U.K. on Monday.",
                "US forces and the UN envoy met in the UK on Monday.")  # fmt: skip
    assert "us" in name_words(clean("He said U.S. forces left."), 150)


def test_per_cent_percent_and_the_sign_are_one_word() -> None:
    _same_words("Attacks rose 30 per cent, prices 12%.", "Attacks rose 30 percent, prices 12 percent.")


def test_numbers_in_words_and_in_digits_are_one_word() -> None:
    _same_words("Nine people died and twenty-three were hurt; seven of them children.",
                "9 people died and 23 were hurt; 7 of them children.")  # fmt: skip
    _same_words("forty-one tents and fifty families", "41 tents and 50 families")


def test_one_stays_a_word() -> None:
    assert "one" in words(clean("one of the wounded died"))


def test_eastern_arabic_and_persian_digits_are_digits() -> None:
    _same_words("قتل ١٩ شخصا و۲۳ جريحا في ٢٠٢٤", "قتل 19 شخصا و23 جريحا في 2024")


def test_digit_groups_split_by_a_non_breaking_space_are_one_number_after_cleaning() -> None:
    _same_words("Доставлено 1\u00a0200 наборов и 2\u202f500 литров.", "Доставлено 1200 наборов и 2500 литров.")
