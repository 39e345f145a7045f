"""Pairwise precision/recall of near-duplicate links and story clusters on the generated labelled set.

    python -m bench.dedupe_quality --seed 1            # dev set (thresholds were tuned on this one)
    python -m bench.dedupe_quality --seed 7 --events 300   # held-out variant
    python -m bench.dedupe_quality --dir PATH          # an existing set: *.txt plus labels.jsonl
    python -m bench.dedupe_quality --distractors 20000 # the same, after 20k unrelated articles
    python -m bench.dedupe_quality --edit-curve        # recall as more words of a copy are replaced

Runs `cluster_paths`, the code behind `newsmon cluster`, over the files. A duplicate pair is two docs
in the same duplicate_of component; a story pair is two docs with the same story_id.
"""

import argparse
import itertools
import json
import random
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from bench.dedupe_data.generate import generate, write
from consumers.dedupe.article import dedupe
from consumers.dedupe.decide import decide
from consumers.dedupe.files import cluster_paths
from consumers.dedupe.index import IndexedDoc, MemoryIndex
from consumers.dedupe.sketch import sketch_article


def pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    """All unordered doc pairs sharing a group."""
    members: defaultdict[str, list[str]] = defaultdict(list)
    for doc_id, group in groups.items():
        members[group].append(doc_id)
    return {tuple(sorted(p)) for ids in members.values() for p in itertools.combinations(ids, 2)}  # type: ignore[misc]


def scores(predicted: set[tuple[str, str]], truth: set[tuple[str, str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1."""
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "pairs_true": len(truth), "pairs_predicted": len(predicted)}


def duplicate_roots(results: Iterable[dict[str, object]]) -> dict[str, str]:
    """doc_id -> root of its duplicate_of chain."""
    parent = {str(r["doc_id"]): (str(r["duplicate_of"]) if r["duplicate_of"] else None) for r in results}

    def root(doc_id: str) -> str:
        seen = set()
        while parent.get(doc_id) and doc_id not in seen:
            seen.add(doc_id)
            doc_id = parent[doc_id]  # type: ignore[assignment]
        return doc_id

    return {doc_id: root(doc_id) for doc_id in parent}


def distractor_index(count: int) -> MemoryIndex:
    """An index already holding `count` unrelated generated articles (another seed, earlier in time)."""
    index = MemoryIndex()
    for position, doc in enumerate(generate(99_991, max(1, count // 5))[:count]):
        dedupe(index, f"x{position}", doc.title, "\n\n".join(doc.paragraphs), float(position))
    return index


def evaluate(directory: Path, distractors: int = 0) -> dict[str, object]:
    """Run clustering on a labelled directory (after `distractors` unrelated articles) and score it."""
    labels = [json.loads(line) for line in (directory / "labels.jsonl").read_text().splitlines()]
    index = distractor_index(distractors) if distractors else MemoryIndex()
    started = time.perf_counter()
    results = list(cluster_paths([directory], index))
    elapsed = time.perf_counter() - started
    truth_dup = pairs({label["doc_id"]: label["article"] for label in labels})
    truth_story = pairs({label["doc_id"]: label["story"] for label in labels})
    # Links to distractors count as errors: every doc is scored, through its root, among the labelled set.
    predicted_dup = pairs(duplicate_roots(results))
    predicted_story = pairs({str(r["doc_id"]): str(r["story_id"]) for r in results})
    return {
        "docs": len(results), "roles": dict(Counter(label["role"] for label in labels)),
        "seconds": round(elapsed, 2),
        "duplicates": scores(predicted_dup, truth_dup), "stories": scores(predicted_story, truth_story),
        "errors": _errors(labels, predicted_dup, truth_dup, predicted_story, truth_story),
    }


def _errors(labels: list[dict[str, str]], pdup: set, tdup: set, pstory: set, tstory: set) -> dict[str, object]:
    role = {label["doc_id"]: label["role"] for label in labels}

    def by_role(bad: set[tuple[str, str]]) -> dict[str, int]:
        return dict(Counter("/".join(sorted((role[a], role[b]))) for a, b in bad))

    return {"dup_false_pos": by_role(pdup - tdup), "dup_missed": by_role(tdup - pdup),
            "story_false_pos": by_role(pstory - tstory), "story_missed": by_role(tstory - pstory)}


def edit_curve(seed: int, rates: Sequence[float] = (0.0, 0.02, 0.05, 0.08, 0.1, 0.15)) -> dict[str, float]:
    """Share of originals still recognised in a copy with this share of words replaced at random.

    Shows where "lightly edited" ends for 3-word shingles: each changed word breaks up to 3 shingles.
    """
    rng = random.Random(seed)
    originals = [doc for doc in generate(seed, 150) if doc.role == "original"]
    vocabulary = [word for doc in originals for p in doc.paragraphs for word in p.split()]
    curve = {}
    for rate in rates:
        found = 0
        for doc in originals:
            edited = [" ".join(w if rng.random() >= rate else rng.choice(vocabulary) for w in p.split())
                      for p in doc.paragraphs]
            original = sketch_article(doc.title, "\n\n".join(doc.paragraphs))
            candidate = IndexedDoc("original", 0.0, original.to_bytes(), "original")
            copy = decide("copy", 1.0, sketch_article("New headline", "\n\n".join(edited)), [candidate])
            found += copy.duplicate_of == "original"
        curve[f"{rate:.2f}"] = round(found / len(originals), 3)
    return curve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--distractors", type=int, default=0, help="unrelated articles indexed first")
    parser.add_argument("--edit-curve", action="store_true", help="recall against random word substitutions")
    args = parser.parse_args()
    if args.edit_curve:
        print(json.dumps({"seed": args.seed, "words_replaced_to_recall": edit_curve(args.seed)}, indent=2))
        return
    if args.dir:
        print(json.dumps(evaluate(args.dir, args.distractors), indent=2))
        return
    with tempfile.TemporaryDirectory() as tmp:
        write(generate(args.seed, args.events), Path(tmp))
        report = evaluate(Path(tmp), args.distractors)
        print(json.dumps({"seed": args.seed, "distractors": args.distractors, **report}, indent=2))


if __name__ == "__main__":
    main()
