"""Claim extraction cost in instructions (valgrind cachegrind "I refs"): deterministic, unlike CPU time on a shared box.

Usage: python bench/claims_instructions.py [--articles 100] [--mix claims|news|own]
Runs valgrind twice (no articles, then --articles articles) and prints the difference per KB of text. Compare two
versions by running the script from each checkout (or with PYTHONPATH pointing at an exported tree).
"""

import argparse
import random
import re
import subprocess
import sys
from pathlib import Path

_OWN_PASSAGES = Path(__file__).parents[1] / "tests" / "fixtures" / "claims" / "own" / "docs"


def articles(count: int, mix: str) -> list[str]:
    if mix == "own":
        return [p.read_text(encoding="utf-8") for p in sorted(_OWN_PASSAGES.glob("*.txt"))][:count]
    sys.path.insert(0, str(Path(__file__).parent))
    from claims_speed import synthetic_article

    rng = random.Random(7)
    return [synthetic_article(rng, narrative_share=0.0 if mix == "claims" else 0.5) for _ in range(count)]


def run_child(count: int, mix: str) -> None:
    from consumers.claims.extract import extract_claims

    for text in articles(count, mix):
        extract_claims(text)


def instructions(count: int, mix: str) -> int:
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        "--articles",
        str(count),
        "--mix",
        mix,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind output: {result.stderr[-300:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--mix", choices=["claims", "news", "own"], default="claims")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.articles, args.mix)
        return 0
    size_kb = sum(len(a.encode("utf-8")) for a in articles(args.articles, args.mix)) / 1000
    work = instructions(args.articles, args.mix) - instructions(0, args.mix)
    print(
        f"{args.mix}: {args.articles} articles, {size_kb:.0f} KB, {work / 1e6:.0f} M instructions, "
        f"{work / (size_kb * 1000):.0f} instructions per byte"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
