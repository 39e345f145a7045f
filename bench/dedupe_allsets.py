"""Every hand-written labelled set and the generated seeds, one line each, through `newsmon cluster`'s code.

    python -m bench.dedupe_allsets                 # all sets under tests/fixtures/dedupe_* and seeds 1, 7, 11
    python -m bench.dedupe_allsets --sets dedupe_heldout11 --seeds
    python -m bench.dedupe_allsets --json out.json # also write the figures, to compare two trees
    python -m bench.dedupe_allsets --exclude dedupe_heldout13   # leave a blind set unscored
    python -m bench.dedupe_allsets --exclude dedupe_heldout18,dedupe_heldout19   # commas or spaces

A line: set, docs, duplicates P / R, stories P / R / F1 (bench/dedupe_quality.py computes them).
"""

import argparse
import json
import tempfile
from pathlib import Path

from bench.dedupe_data.generate import generate, write
from bench.dedupe_quality import evaluate

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures"


def _line(name: str, report: dict) -> str:
    dup, story = report["duplicates"], report["stories"]
    return (f"{name:18} {report['docs']:5}  dup P {dup['precision']:.3f} R {dup['recall']:.3f}"
            f"  story P {story['precision']:.3f} R {story['recall']:.3f} F1 {story['f1']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", help="fixture directory names (default: every dedupe_* set)")
    parser.add_argument("--exclude", nargs="*", default=[], help="fixture directory names not to score (blind sets)")
    parser.add_argument("--seeds", nargs="*", type=int, default=[1, 7, 11])
    parser.add_argument("--json", type=Path, help="write {set: report} here too")
    args = parser.parse_args()
    # "--exclude a,b" is one argument: split it, or a reserved set named in it is scored after all.
    excluded = {name for value in args.exclude for name in value.split(",") if name}
    names = args.sets if args.sets is not None else sorted(
        p.name for p in FIXTURES.glob("dedupe_*") if (p / "labels.jsonl").exists() and p.name not in excluded)
    reports: dict[str, dict] = {}
    for name in names:
        reports[name] = evaluate(FIXTURES / name)
        print(_line(name, reports[name]), flush=True)
    for seed in args.seeds:
        with tempfile.TemporaryDirectory() as tmp:
            write(generate(seed, 200), Path(tmp))
            reports[f"seed {seed}"] = evaluate(Path(tmp))
        print(_line(f"seed {seed}", reports[f"seed {seed}"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
