"""Claim extraction quality on the dev set: runs extract_paths on the dev docs and scores with score_claims.py.

Usage: python bench/claims_quality.py [--dev DIR] [--gold DIR] [--show-errors N] [--per-doc]
The dev set is read where it lives (never copied into the project). --gold scores another set laid out the same
way (claims.jsonl + docs/), e.g. tests/fixtures/claims/own, our own passages annotated by the guideline.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from consumers.claims.files import extract_paths

DEFAULT_DEV = Path("/work/shared/dev-data/claims")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev set dir; also where score_claims.py is")
    parser.add_argument("--gold", type=Path, default=None, help="score this gold dir instead of the dev set")
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--per-doc", action="store_true")
    parser.add_argument("--strict-speaker", action="store_true")
    args = parser.parse_args()
    gold = args.gold or args.dev
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for record in extract_paths([gold / "docs"]):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    command = [sys.executable, str(args.dev / "score_claims.py"), str(gold), out.name]
    if args.show_errors:
        command += ["--show-errors", str(args.show_errors)]
    if args.per_doc:
        command.append("--per-doc")
    if args.strict_speaker:
        command.append("--strict-speaker")
    result = subprocess.run(command, check=False)
    Path(out.name).unlink()
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
