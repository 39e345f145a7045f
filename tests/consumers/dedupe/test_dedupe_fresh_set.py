"""Duplicate and story decisions on tests/fixtures/dedupe_fresh/: hand-written reprints as real sites make them.

The set and its labels (labels.jsonl: article and story per doc, written before the code was run on it) are the
measure bench/dedupe_quality.py --dir reports; these tests keep what it reached.
"""

import itertools
import json
from collections import defaultdict
from pathlib import Path

from consumers.dedupe.files import cluster_paths

FRESH = Path(__file__).parents[2] / "fixtures" / "dedupe_fresh"


def _pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    members: defaultdict[str, list[str]] = defaultdict(list)
    for doc_id, group in groups.items():
        members[group].append(doc_id)
    return {(a, b) for ids in members.values() for a, b in itertools.combinations(sorted(ids), 2)}


def _labels() -> dict[str, dict[str, str]]:
    rows = [json.loads(line) for line in (FRESH / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    return {row["doc_id"]: row for row in rows}


def _roots(results: list[dict[str, object]]) -> dict[str, str]:
    parent = {str(r["doc_id"]): str(r["duplicate_of"] or r["doc_id"]) for r in results}
    return {doc_id: parent[doc_id] for doc_id in parent}  # duplicate_of is already the root of the copy chain


def test_every_reprint_and_update_is_found_and_nothing_else_is_a_duplicate() -> None:
    results = list(cluster_paths([FRESH]))
    truth = _pairs({doc_id: label["article"] for doc_id, label in _labels().items()})
    assert _pairs(_roots(results)) == truth


def test_a_follow_up_on_another_day_and_the_weekly_round_up_stay_out_of_the_stories_they_recall() -> None:
    story = {str(r["doc_id"]): str(r["story_id"]) for r in cluster_paths([FRESH])}
    for follow_up, earlier in [("021-e03-wire", "007-e02-wire"), ("058-e03-reprint", "007-e02-wire"),
                               ("044-roundup", "001-e01-wire"), ("052-e10b-sibling", "029-e10-wire"),
                               ("108-e21-sibling", "101-e19-wire")]:  # fmt: skip
        assert story[follow_up] != story[earlier], follow_up


def test_other_outlets_reports_join_the_wire_story_also_from_a_russian_agency() -> None:
    story = {str(r["doc_id"]): str(r["story_id"]) for r in cluster_paths([FRESH])}
    for report, wire in [("010-e02-local", "007-e02-wire"), ("019-e07-russian", "018-e07-wire"),
                         ("104-e19-local", "101-e19-wire"), ("012-e04-russian", "008-e04-wire")]:  # fmt: skip
        assert story[report] == story[wire], report
