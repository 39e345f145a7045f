"""Normalisation, sketches and band keys: pure functions, no services."""

import os
import subprocess
import sys

import numpy as np
import pytest

from consumers.dedupe.near import (
    DUP_BANDS,
    DUP_PERMUTATIONS,
    STORY_BANDS,
    STORY_PERMUTATIONS,
    band_key_matrix,
    band_keys,
    distinct_per_set,
    minhash_matrix,
    minhash_values,
    shingle_hashes,
    shingle_sets,
    spelling_key,
)
from consumers.dedupe.sketch import (
    Sketch,
    containment,
    containments,
    dup_similarities,
    event_day_of,
    event_days,
    sketch_article,
    sketch_articles,
    sketch_from_bytes,
    story_similarities,
)
from consumers.dedupe.text import clean, normalise, words

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


BATCH_TEXTS = [
    ("", ""),
    ("Three word title", "Three word body"),
    ("Fuel depot blast", WIRE),
    ("FUEL DEPOT BLAST KILLS NINE", WIRE.replace("nine", "Nine") + "\nBy Jane Doe\nFollow us on Telegram"),
    ("انفجار في دير الزور", "قتل تسعة عمال واصيب ثلاثة وعشرون شخصا على الاقل مساء الخميس اثر انفجار في مستودع " * 2),
    ("Взрыв в Дамаске", "В центре Дамаска в субботу 1 200 человек пришли на выставку, сообщил Ахмед Халил. " * 3),
    ("叙利亚爆炸", "叙利亚东部代尔祖尔市一处燃料库周四晚间发生爆炸，造成九名工人死亡，至少二十三人受伤。"),
    ("ระเบิดที่ดามัสกัส", "เกิดเหตุระเบิดในกรุงดามัสกัส มีผู้เสียชีวิต ๙ คน และบาดเจ็บ ๒๓ คน ตามรายงานของเจ้าหน้าที่ " * 2),
    ("Toll rises", "The toll rose to 1,200 on Tuesday, U.N. officials said; O'Brien's team counted 12'000 displaced."),
    ("Huge", (WIRE + "\n") * (5_000_000 // len(WIRE))),
]


def test_a_batch_sketches_each_article_as_it_would_alone() -> None:
    together = sketch_articles(BATCH_TEXTS)
    for (title, body), sketch in zip(BATCH_TEXTS, together, strict=True):
        alone = sketch_articles([(title, body)])[0]
        assert sketch.to_bytes() == alone.to_bytes() and sketch.band_keys == alone.band_keys
    assert together[2].has_dup and not together[0].has_dup and not together[1].has_dup
    assert [sketch.to_bytes() for sketch in sketch_articles(BATCH_TEXTS[::-1])] == [
        sketch.to_bytes() for sketch in together[::-1]
    ]


def test_numpy_minhash_is_datasketchs_affine32_minhash() -> None:
    from datasketch import MinHash

    rng = np.random.default_rng(5)
    sets = [rng.integers(0, 1 << 32, size, dtype=np.uint32) for size in (0, 1, 2, 15, 300, 5000)]
    sets.append(np.array([0, 1, 0xFFFFFFFF], dtype=np.uint32))
    for num_perm in (STORY_PERMUTATIONS, DUP_PERMUTATIONS):
        matrix = minhash_matrix(sets, num_perm)
        for values, row in zip(sets, matrix, strict=True):
            reference = MinHash(num_perm=num_perm, seed=1, scheme="affine32", hashfunc=int)
            reference.update_batch(values.tolist())
            assert row.tolist() == reference.hashvalues.tolist()
            assert minhash_values(values, num_perm) == reference.hashvalues.astype("<u4").tobytes()


def test_shingles_of_streams_laid_end_to_end_are_each_streams_shingles() -> None:
    rng = np.random.default_rng(9)
    streams = [rng.integers(0, 1 << 63, size, dtype=np.uint64) for size in (3, 4, 15, 200)]
    streams.append(np.array([7, 7, 7, 7, 7, 7], dtype=np.uint64))  # one distinct shingle
    together = shingle_sets(np.concatenate(streams), np.array([len(stream) for stream in streams]))
    assert [found.tolist() for found in together] == [shingle_hashes(stream).tolist() for stream in streams]


def test_distinct_values_per_set() -> None:
    values = np.array([5, 3, 5, 9, 1, 1, 0xFFFFFFFF, 2], dtype=np.uint32)
    owner = np.array([0, 0, 0, 2, 2, 2, 2, 3])
    assert [found.tolist() for found in distinct_per_set(values, owner, 5)] == [[3, 5], [], [1, 9, 0xFFFFFFFF], [2], []]


def test_digit_groups_and_apostrophes_inside_words_are_joined() -> None:
    text = "1,200 and 3.500, 12'000 or 4\u202f000; 1,2345 and 3.14; don't 'quoted' O'Brien's 5,000,000"
    assert words(text) == ["1200", "and", "3500", "12000", "or", "4000", "1", "2345", "and", "3", "14", "dont",
                           "quoted", "OBriens", "5000000"]  # fmt: skip


def test_containment_of_one_pair_is_containments_value() -> None:
    counts = np.array([0.0, 1.0, 15.0, 40.0, 41.0, 300.0, 20000.0])
    for j in [0.0, 0.2, 1 / 3, 0.5, 0.75, 0.99609375, 1.0]:
        for count in [0, 1, 15, 41, 300]:
            expected = containments(np.full(len(counts), j), count, counts).tolist()
            assert [containment(j, count, int(other)) for other in counts] == expected


def test_band_keys_of_many_rows_are_each_rows_band_keys() -> None:
    rng = np.random.default_rng(2)
    values = rng.integers(0, 1 << 32, (5, DUP_PERMUTATIONS), dtype=np.uint32)
    matrix = band_key_matrix(values, DUP_BANDS, 2, "d")
    expected = [band_keys(row.astype("<u4").tobytes(), DUP_BANDS, 2, "d") for row in values]
    assert [row.tolist() for row in matrix] == expected


def test_story_similarity_with_many_candidates_is_each_pairs_exact_jaccard() -> None:
    # Candidates share features with each other that the article lacks; numpy's sort-based membership test (used
    # for feature sets this large) must not count those as shared with the article.
    def features(values: range | list[int]) -> Sketch:
        hashed = sorted(v * 2654435761 % 2**32 for v in values)  # spread over 32 bits, as feature hashes are
        return Sketch(story_count=len(hashed), story_values=np.array(hashed, "<u4").tobytes())

    article = features(range(0, 60))
    others = [features(list(range(50, 80)) + [1000 + k for k in range(20)]) for _ in range(3)]
    others += [features(range(30, 90)), features(range(200, 260))]
    mine = set(np.frombuffer(article.story_values, "<u4").tolist())
    theirs = [set(np.frombuffer(other.story_values, "<u4").tolist()) for other in others]
    expected = [len(mine & each) / len(mine | each) for each in theirs]
    assert story_similarities(article, others).tolist() == pytest.approx(expected)


def test_the_event_day_of_one_sketch_is_event_days_value_for_it() -> None:
    leads = ["Shells hit Idlib and Aleppo on Wednesday, killing 5, Ahmad Yousef and Hassan Qaddour said in Homs.",
             "Shells hit Idlib and Aleppo, killing 5 people, Ahmad Yousef and Hassan Qaddour said in Homs.",
             "В субботу Алексей Фомин прибыл в Латакию и Тартус, сообщили в Хмеймиме."]  # fmt: skip
    features = [sketch_article("Shelling", lead).story_values for lead in leads] + [b""]
    assert event_days(features).tolist() == [event_day_of(values) for values in features] == [2, -1, 5, -1]
