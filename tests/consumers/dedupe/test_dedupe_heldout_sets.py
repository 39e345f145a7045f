"""Duplicates and stories on the hand-written sets written blind (tests/fixtures/dedupe_heldout*/): each was scored
once as unseen text (bench/README.md) and is used now; these tests keep what the code reached on them, so a rule that
helps one set by breaking another shows here."""

import itertools
import json
from collections import defaultdict
from pathlib import Path

import pytest

from consumers.dedupe.files import cluster_paths

FIXTURES = Path(__file__).parents[2] / "fixtures"
# Story F1 each set reached (bench/README.md, 2026-11-24), less 0.02: room for a rule that moves a pair or two. Raised
# where an article bridging two stories merged them (merge.merge_bridged): heldout2 0.831, heldout3 0.833, heldout5
# 0.959, heldout6 0.886, heldout7 0.899, heldout9 0.977, heldout12 0.925. heldout14 (scored blind in the fourth session
# of 2026-11-24, used since): 0.679 once a body-less post is read for names. Fifth session: no join past a member filed
# days apart, same-day boost from 8 shared: heldout 0.887, heldout2 0.885, heldout4 0.871, heldout5 0.940, heldout6
# 0.919. heldout15 (scored blind at that session's start and end, used since): 0.571. Sixth session: same-day headlines
# telling the same (story_link.STORY_SAME_HEADLINE_FACTOR) and a story's least-like article left out of its mean
# (STORY_TRIM_MIN_ARTICLES): heldout2 0.919, heldout12 0.945, heldout14 0.752, heldout15 0.697. Gazetteer towns and
# the foreign ministry in Arabic/Russian/Kurdish: heldout2 0.930, heldout15 0.733. Russian country adjectives,
# sentence-opening gazetteer names and no ВВС/ПВО/ВМФ as names: heldout 0.931, heldout2 0.946, heldout14 0.781.
# heldout16 (scored blind at the sixth session's start, 0.771, and end, 0.824; used since). A story score at the bar
# counts as meeting it (float sums had left 0.6 x 4/6 at 0.39999999999999997): heldout5 0.948, heldout14 0.769
# (heldout10 0.927 and heldout13 0.874 have no floor here: this test also asks for every duplicate pair exactly).
# Seventh session: one-line posts' candidate path, same-headline rule without a named weekday, short posts by 4
# headline words, a translation-like member out of a story's mean: heldout2 0.961, heldout3 0.849, heldout4 0.900,
# heldout7 0.915, heldout12 0.959, heldout14 0.844, heldout15 0.851, heldout16 0.897. heldout17 (scored blind at the
# seventh session's start, 0.764, and end, 0.804; used since). Eighth session: TASS's slashed dateline dropped, and
# question and weeks-after headlines mark analysis pieces: heldout8 0.960, heldout14 0.862, heldout15 0.869.
# heldout18 (scored blind at the eighth session's start and end, 0.739 both times; used since).
STORY_F1_FLOORS = {"dedupe_heldout": 0.91, "dedupe_heldout2": 0.94, "dedupe_heldout3": 0.82, "dedupe_heldout4": 0.88,
                   "dedupe_heldout5": 0.93, "dedupe_heldout6": 0.89,
                   "dedupe_heldout7": 0.89, "dedupe_heldout8": 0.94, "dedupe_heldout9": 0.95,
                   "dedupe_heldout12": 0.93, "dedupe_heldout14": 0.84, "dedupe_heldout15": 0.85,
                   "dedupe_heldout16": 0.87, "dedupe_heldout17": 0.78, "dedupe_heldout18": 0.72}  # fmt: skip


def _pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    members: defaultdict[str, list[str]] = defaultdict(list)
    for doc_id, group in groups.items():
        members[group].append(doc_id)
    return {(a, b) for ids in members.values() for a, b in itertools.combinations(sorted(ids), 2)}


@pytest.mark.parametrize("name", sorted(STORY_F1_FLOORS))
def test_every_copy_is_found_nothing_else_is_one_and_stories_keep_their_f1(name: str) -> None:
    directory = FIXTURES / name
    labels = [json.loads(line) for line in (directory / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    results = list(cluster_paths([directory]))
    assert {str(r["doc_id"]) for r in results} == {label["doc_id"] for label in labels}
    duplicates = {str(r["doc_id"]): str(r["duplicate_of"] or r["doc_id"]) for r in results}
    assert _pairs(duplicates) == _pairs({label["doc_id"]: label["article"] for label in labels})
    predicted = _pairs({str(r["doc_id"]): str(r["story_id"]) for r in results})
    truth = _pairs({label["doc_id"]: label["story"] for label in labels})
    right = len(predicted & truth)
    f1 = 2 * right / (len(predicted) + len(truth))
    assert f1 >= STORY_F1_FLOORS[name], f"{name}: story F1 {f1:.3f}"
