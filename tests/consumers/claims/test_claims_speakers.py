"""One canonical key per speaker, whatever the mention (claim annotation guideline, "Speaker")."""

import unicodedata
from pathlib import Path

import pytest

from consumers.claims.aliases import ORG_ALIASES, PERSON_ALIASES
from consumers.claims.files import extract_paths
from consumers.claims.speakers import canonical_org, canonical_speaker, is_person_alias


@pytest.mark.parametrize("mention", ["Putin", "Vladimir Putin", "the Russian president", "Russian President"])
def test_person_aliases_share_one_key(mention: str) -> None:
    assert canonical_speaker(mention)[0] == "Vladimir Putin"


@pytest.mark.parametrize(("mention", "canonical"), [
    ("the Pentagon", "US Department of Defense"),
    ("Moscow", "Russian government"),
    ("the Kremlin", "Russian government"),
    ("Damascus", "Syrian government"),
    ("The Syrian Democratic Forces (SDF)", "Syrian Democratic Forces"),
    ("the Kurdish internal security forces (Asayish)", "Asayish"),
    ("U.S. State Department", "US Department of State"),
    ("Russian Defence Ministry", "Russian Ministry of Defense"),
])
def test_organisation_mentions_are_canonical_and_their_own_org(mention: str, canonical: str) -> None:
    assert canonical_speaker(mention) == (canonical, canonical)


def test_titles_are_stripped_and_the_organisation_is_kept() -> None:
    expected = ("Karen Holt", "US Department of Defense")
    assert canonical_speaker("Lieutenant Colonel Karen Holt", "the Pentagon") == expected


def test_bare_ministries_take_the_country_from_context() -> None:
    assert canonical_org("Defense Ministry", "Turkish") == "Turkish Ministry of Defense"
    assert canonical_org("Foreign Ministry", "Syrian") == "Syrian Ministry of Foreign Affairs"
    assert canonical_org("Interior Minister", "Turkish") == "Turkish Ministry of Interior"


def test_alias_tables_have_no_key_claimed_by_two_speakers() -> None:
    seen: dict[str, str] = {}
    for canonical, aliases in [*ORG_ALIASES.items(), *PERSON_ALIASES.items()]:
        for alias in (canonical, *aliases):
            key = alias.lower()
            assert seen.setdefault(key, canonical) == canonical, alias


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def test_canonicalising_extractor_output_again_changes_nothing() -> None:
    # The claims stage canonicalises what the extractor returns; the store keys speakers by the result. The one
    # difference allowed is a known person's name spelled as the document spells it ("Erdoğan", or a full name the
    # person table lists, "Rami Abdulrahman"; guideline "Speaker"), which the stage maps back to the canonical key once.
    fixtures = Path(__file__).parents[2] / "fixtures" / "claims"
    records = list(extract_paths([fixtures]))
    assert records
    for record in records:
        speaker, org = canonical_speaker(record["speaker"], record["speaker_org"])
        if _unaccented(speaker) != _unaccented(record["speaker"]):
            assert is_person_alias(record["speaker"]) and speaker in PERSON_ALIASES, record["speaker"]
        assert org == record["speaker_org"]
        assert canonical_speaker(speaker, org) == (speaker, org)
