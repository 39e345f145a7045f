"""The extractor never raises and keeps its offsets honest, whatever text it is given."""

import random
from pathlib import Path

import pytest

from consumers.claims.extract import extract_claims

FIXTURES = Path(__file__).parents[2] / "fixtures" / "claims"
_PIECES = ['"', "“", "”", "«", "»", "'", "‘", "’", " said ", " told reporters that ", ", he said, ", "According to ",
           "the ministry", "Dr. ", "U.S. ", "3,000 ", "between 5 and ", "\n\n", ". ", "? ", ":", "(", ")", "—",
           "مصدر عسكري ", "источник ", "军方 ", "\u200f", "\t", "Reuters", " claimed", " denied that ", "—a"]


def assert_valid(text: str) -> None:
    for claim in extract_claims(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.kind in ("direct", "indirect", "mixed")
        assert claim.speaker


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", ".", '"', "«", "said", "he said.", '"," he said, "', "According to", "According to ,",
    "no sentence punctuation at all just words said the minister that the road is open and so on" * 50,
    '"unbalanced quote that never closes, the minister said and then ' * 40,
    "Mixed scripts: قال المتحدث إن 300 مقاتل غادروا, the spokesman said. Он заявил: «всё спокойно».",
    "A\u00a0B said\u2028that C.\r\nD said: \"E\".\r\n",
])
def test_hostile_inputs_do_not_raise(text: str) -> None:
    assert_valid(text)


def test_random_soup_of_quotes_cues_and_scripts_does_not_raise() -> None:
    rng = random.Random(2026)
    for _ in range(300):
        text = "".join(rng.choice(_PIECES) + rng.choice(["X", "The army", "Smith", "", "9"]) for _ in range(40))
        assert_valid(text)


def test_large_text_is_handled_in_one_piece() -> None:
    paragraph = ('"We will hold the line," Colonel Lina Moreau told reporters. The ministry said 40 fighters '
                 "were captured, according to a statement.\n\n")
    text = paragraph * 5000  # about 0.8 MB
    claims = extract_claims(text)
    assert len(claims) == 2 * 5000  # the trailing "according to a statement" only carries the ministry's claim
    assert all(text[c.start : c.end] == c.text for c in claims[:50])


def test_five_megabytes_without_sentence_punctuation_behind_an_open_quote() -> None:
    # 5 MB in one paragraph: a quote that never closes, no sentence end, then a cue and another script
    text = '"' + "the road to the north is open and " * 150_000 + "the minister said " + "قال المتحدث إن " * 2000
    assert len(text) > 5_000_000
    assert_valid(text)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixture_articles_keep_offsets_exact(path: Path) -> None:
    assert_valid(path.read_text(encoding="utf-8", errors="replace"))
