"""Normalisation, sketches and band keys: pure functions, no services."""

import os
import subprocess
import sys

from consumers.dedupe.near import DUP_BANDS, STORY_BANDS, clean, normalise, spelling_key, words
from consumers.dedupe.sketch import Sketch, dup_similarities, sketch_article, sketch_from_bytes

WIRE = (
    "An explosion tore through a fuel depot on the eastern edge of Deir ez-Zor on Thursday evening, "
    "killing nine workers and injuring at least 23 people, local health officials said. The blast happened "
    "shortly after 7 p.m. as tanker drivers were queueing to fill up before a curfew."
)


def test_boilerplate_lines_are_removed_but_article_lines_stay() -> None:
    text = "\n".join(
        [
            "By Hana Jabri",
            "Follow us on Telegram",
            WIRE,
            "Read more: Syria's fuel crisis explained",
            "© 2024 Eastern Tribune. All rights reserved.",
            "Subscribe to our newsletter",
            "More than 20 people were hurt, and by Friday the toll was still rising.",
        ]
    )
    kept = clean(text).splitlines()
    assert kept == [WIRE, "More than 20 people were hurt, and by Friday the toll was still rising."]


def test_agency_dateline_is_dropped() -> None:
    assert clean("DAMASCUS (Reuters) - Nine people died.") == "Nine people died."


def test_quotes_dashes_and_case_are_unified() -> None:
    assert normalise("“Fire” — it’s ＦＩＲＥ") == normalise('"fire" - it\'s fire')


def test_spelling_variants_share_a_key() -> None:
    for a, b in [
        ("Idlib", "Idleb"),
        ("Daraa", "Deraa"),
        ("colour", "color"),
        ("organise", "organize"),
        ("Qamishli", "Qamishly"),
        ("Raqqa", "Raqqah"),
        ("Hayat", "Hay'at"),
    ]:
        assert words(normalise(a)) and [spelling_key(w) for w in words(normalise(a))] == [
            spelling_key(w) for w in words(normalise(b))
        ], (a, b)


def test_arabic_diacritics_and_alef_forms_fold_together() -> None:
    assert normalise("قُتل تسعة وأُصيب") == normalise("قتل تسعة واصيب")


def test_empty_and_few_word_bodies_get_no_duplicate_sketch() -> None:
    for body in ["", "   \n\n", "Developing story.", "More details to follow soon, stay tuned."]:
        assert not sketch_article("Breaking", body).has_dup


def test_non_latin_scripts_are_sketched() -> None:
    arabic = "قتل تسعة عمال واصيب ثلاثة وعشرون شخصا على الاقل مساء الخميس اثر انفجار في مستودع للوقود " * 2
    russian = (
        "В центре Дамаска в субботу открылась выставка работ молодых сирийских художников, сообщили "
        "организаторы. На выставке в Алеппо и Хомсе представлено более ста картин, сказал куратор Ахмед Халил."
    )
    chinese = "叙利亚东部代尔祖尔市一处燃料库周四晚间发生爆炸，造成九名工人死亡，至少二十三人受伤。"
    for body in (arabic, russian, chinese):
        sketch = sketch_article("", body)
        assert sketch.has_dup and sketch.has_story


def test_five_megabyte_body_is_sketched_from_its_first_words() -> None:
    # Time lives in bench/ (pytest-timeout guards against a hang); a long body is cut at MAX_TOKENS words.
    body = (WIRE + "\n") * (5_000_000 // len(WIRE))
    sketch = sketch_article("Huge", body)
    assert sketch.has_dup and sketch == sketch_article("Huge", body[: len(body) // 2])


def test_sketch_survives_a_round_trip_through_bytes() -> None:
    sketch = sketch_article("Fuel depot blast", WIRE)
    restored = sketch_from_bytes(sketch.to_bytes())
    assert restored == sketch
    assert sketch_from_bytes(b"") == Sketch()
    assert sketch_from_bytes(b"\xff" * 40) == Sketch()


def test_band_keys_have_one_key_per_band() -> None:
    sketch = sketch_article("Fuel depot blast", WIRE)
    assert len(sketch.band_keys) == DUP_BANDS + STORY_BANDS
    assert all(isinstance(key, int) and -(1 << 63) <= key < (1 << 63) for key in sketch.band_keys)
    assert len(set(sketch.band_keys)) == len(sketch.band_keys)


def test_band_keys_are_identical_across_processes() -> None:
    # Consumers in other processes (other hash seeds) must produce the same keys for the shared index.
    code = (
        "from consumers.dedupe.sketch import sketch_article; import sys; "
        "print(','.join(map(str, sketch_article('t', sys.argv[1]).band_keys)))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run([sys.executable, "-c", code, WIRE], capture_output=True, text=True, check=True, env=env)
    assert other.stdout.strip().split(",") == [str(key) for key in sketch_article("t", WIRE).band_keys]


def test_identical_bodies_have_similarity_one() -> None:
    a, b = sketch_article("One headline", WIRE), sketch_article("Another headline", WIRE)
    jaccard, containment = dup_similarities(a, [b])
    assert jaccard[0] == 1.0 and containment[0] == 1.0
