"""Claim extractor output fingerprint: one digest per corpus, to show a speed change leaves the output byte-identical.

Usage: python bench/claims_identity.py [--dump FILE]
Compare two versions by running it from each tree (PYTHONPATH=/path/to/other/tree for the old one) and diffing the
printed digests, or the --dump files (every claim as a JSON line) to see where they part.
Corpora: tests/fixtures/claims (top level, own/, heldback/, the batches; a blind batch whose README.md begins
"Reserved" is left out, so a digest diff never shows its output), the dev set (read where it lives), synthetic
articles of bench/claims_speed.py (claims-only and news-like, 600 each), hostile texts (random soups of quotes,
cues, marks and scripts), and `newsmon extract tests/fixtures/claims --format jsonl` run as a subprocess.
"""

import argparse
import hashlib
import json
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from itertools import chain
from pathlib import Path

_ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(Path(__file__).parent))

from claims_speed import synthetic_article  # noqa: E402

from consumers.claims.extract import extract_claims  # noqa: E402

_FIXTURES = _ROOT / "tests" / "fixtures" / "claims"
_DEV = Path("/work/shared/dev-data/claims/docs")
_HOSTILE_WORDS = [
    "said", "the", "ministry", "that", "fighters", "according", "to", "3,000", "told", "Reuters", "he", "she",
    "added", ",", ".", ":", ";", '"', "“", "”", "«", "»", "‘", "’", "'", "\n", "\n\n", "مصدر", "источник",
    "Ahmad al-Hassan", "the spokesman", "quoted", "as", "saying", "citing", "a", "source", "in", "Damascus",
]


def _is_reserved(directory: Path) -> bool:
    readme = directory / "README.md"
    return readme.is_file() and readme.read_text(encoding="utf-8").startswith("Reserved")


def fixture_paths() -> list[Path]:
    """The fixture files and directories, blind (reserved) batches left out."""
    return [path for path in sorted(_FIXTURES.iterdir())
            if path.suffix == ".txt" or (path.is_dir() and not _is_reserved(path) and any(path.rglob("*.txt")))]


def corpora() -> Iterator[tuple[str, list[str]]]:
    files = sorted(chain.from_iterable([path] if path.is_file() else path.rglob("*.txt") for path in fixture_paths()))
    yield "fixtures", [p.read_text(encoding="utf-8", errors="replace") for p in files]
    if _DEV.is_dir():
        yield "dev set", [p.read_text(encoding="utf-8", errors="replace") for p in sorted(_DEV.glob("*.txt"))]
    rng = random.Random(11)
    yield "synthetic claims-only", [synthetic_article(rng, narrative_share=0.0) for _ in range(600)]
    yield "synthetic news-like", [synthetic_article(rng, narrative_share=0.5) for _ in range(600)]
    yield "hostile", [_hostile(rng, rng.randint(1, 3000)) for _ in range(400)] + [
        '"He said ' * 3000,
        "X said, " * 3000,
        "",
        " \n\n ",
    ]
    yield "number soups", [
        f"Officials said that {_soup(rng, _NUMBER_WORDS, rng.randint(1, 40))}." for _ in range(3000)
    ]


# Number soups inside claims: qualifiers, ranges, dates, scales, units, stop words in every order.
_NUMBER_WORDS = [
    "3,000", "2019", "12", "1.5", "million", "bn", "mln", "$5", "€2", "US$3", "%", "percent", "per cent", "more",
    "than", "at", "least", "between", "and", "from", "to", "or", "about", "some", "nearly", "up", "half", "a", "third",
    "quarter", "two-thirds", "dozens", "hundreds", "of", "thousands", "tens", "twenty-one", "five", "one", "the",
    "its", "fighters", "people", "IS", "children", "killed", "displaced", "hours", "days", "March", "Resolution",
    "Leopard", "15-member", "an", "hour", "year", "Syria's", "in", "(", ")", ",", "were", "armed", "returned",
    "ſome", "K", "İN", "of\n", "’s", "\u00a0", "٣٠٠",
]


def _hostile(rng: random.Random, words: int) -> str:
    return _soup(rng, _HOSTILE_WORDS, words)


def _soup(rng: random.Random, vocabulary: list[str], words: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def claim_lines(texts: list[str]) -> Iterator[str]:
    for i, text in enumerate(texts):
        for claim in extract_claims(text):
            yield json.dumps([i, asdict(claim)], ensure_ascii=False)


def cli_lines() -> list[str]:
    command = [sys.executable, "-m", "newsmon", "extract", *map(str, fixture_paths()), "--format", "jsonl"]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=_ROOT)
    return result.stdout.splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, default=None, help="write every claim as a JSON line here")
    args = parser.parse_args()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    named = [(name, list(claim_lines(texts))) for name, texts in corpora()]
    named.append(("newsmon extract fixtures", cli_lines()))
    for name, lines in named:
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
        print(f"{name:26s} {len(lines):6d} claims  sha256 {digest}")
        if dump:
            dump.writelines(f"{name}\t{line}\n" for line in lines)
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
