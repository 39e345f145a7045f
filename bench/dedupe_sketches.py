"""Digest of every sketch the dedupe stage computes, to check a speed change leaves the sketches bit-identical.

    python -m bench.dedupe_sketches --feeds 1000 --labelled 1 7 11 --fuzz 3000
    PYTHONPATH=/tmp/old-worktree python -m bench.dedupe_sketches ...   # the same digests from another commit

Sketches (`Sketch.to_bytes()`, what dedupe_docs.sketch stores, and the band keys) of the fixture items of
`--feeds` feeds (bench/dedupe_stage.py's items), of the labelled sets, and of `--fuzz` generated texts meant to
reach the tokeniser's corners (mixed scripts, digit groups, apostrophes, number words, capitals after every kind
of gap, empty and one-word texts). Prints one SHA-256 per set and the CPU seconds sketching took.
"""

import argparse
import hashlib
import json
import random
import time
from collections.abc import Sequence
from datetime import UTC, datetime

from bench.dedupe_stage import fixture_items, labelled_items
from consumers.dedupe.stage import sketch_items
from schemas.items import FeedItem

# fmt: off
_PIECES = [
    "Assad", "al-Assad", "el Sisi", "Daraa", "Deraa", "the", "killed", "nine", "Nine", "NINE", "tWo", "twenty",
    "one", "1,200", "3.500", "12'000", "4\u202f000", "7\u00a0123", "2024", "G7", "7G", "iPhone", "don't", "O'Brien",
    "rock'n'roll", "'quoted'", "\u201cSmart\u201d", "\u2014", "-", ".", "!", "?", ":", "\n", "\n\n", '"', ",", ";",
    "(Reuters) -", "DAMASCUS (AFP) -", "By Jane Doe", "Follow us on Telegram", "Read more", "\u00a9 2024",
    "\u062f\u0645\u0634\u0642", "\u0627\u0644\u0623\u0633\u062f", "\u0625\u062f\u0644\u0628", "\u0640", "\u064b",
    "\u041c\u043e\u0441\u043a\u0432\u0430", "\u0451\u043b\u043a\u0430", "\u6771\u4eac", "\u30fb", "\u4e2dA",
    "\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e", "\u0e51\u0e52\u0e53", "\u00c9mile", "M\u00fcnchen", "\u017fix",
    "\ufb01ve", "\u212aelvin", "Stra\u00dfe", "\u1e9e", "\u0130stanbul", "\u00b2", "\u2460", "x", "A", "_", "__init__",
    "\u00ad", "\u200b", "\ufeff", "\u2019s", "U.S.", "U.N.", "e.g.", "Mr.", "3:45", "10:00", "$5", "50%", "\t", "  ",
]
# fmt: on


_PUBLISHED = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def fuzz_items(count: int, seed: int = 7) -> list[FeedItem]:
    """Texts of random pieces joined by random gaps, from empty to a few thousand words."""
    rng = random.Random(seed)
    items = []
    for _ in range(count):
        size = rng.choice([0, 1, 2, 3, 5, 14, 15, 16, 40, 150, 151, 400, 3000])
        words = [rng.choice(_PIECES) for _ in range(size)]
        gaps = [rng.choice([" ", " ", " ", "", ". ", ", ", "\n", " - ", '" ']) for _ in range(size)]
        body = "".join(word + gap for word, gap in zip(words, gaps, strict=True))
        title = " ".join(rng.choice(_PIECES) for _ in range(rng.choice([0, 1, 3, 8, 12])))
        # A partial item on purpose: model_construct skips validation, and sketching reads only these fields (the
        # publication time gives a sketch its filing day when the text has no dated dateline).
        items.append(FeedItem.model_construct(title=title, text=body, summary="", published_at=_PUBLISHED,
                                              is_published_at_estimated=False))  # type: ignore[call-arg]  # fmt: skip
    return items


def digest(items: Sequence[FeedItem], batch: int = 200) -> tuple[str, float]:
    """SHA-256 of every item's stored sketch and band keys, and the CPU seconds the sketches took."""
    total, cpu = hashlib.sha256(), 0.0
    for start in range(0, len(items), batch):
        began = time.process_time()
        sketches = sketch_items(items[start : start + batch])
        cpu += time.process_time() - began
        for sketch in sketches:
            total.update(sketch.to_bytes())
            total.update(json.dumps(sketch.band_keys).encode())
    return total.hexdigest(), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100, help="fixture feeds (1000: the cold poll's 35k items)")
    parser.add_argument("--labelled", type=int, nargs="*", default=[1, 7, 11], help="labelled set seeds")
    parser.add_argument("--fuzz", type=int, default=3000, help="generated corner-case texts")
    args = parser.parse_args()
    sets = {f"feeds {args.feeds}": fixture_items(42, 0, args.feeds)}
    sets.update({f"labelled {seed}": labelled_items(seed, 200)[0] for seed in args.labelled})
    sets[f"fuzz {args.fuzz}"] = fuzz_items(args.fuzz)
    sketch_items(sets[f"feeds {args.feeds}"][:1])  # imports, not timed
    for name, items in sets.items():
        sha, cpu = digest(items)
        cpu_ms = round(cpu * 1000 / max(len(items), 1), 3)
        print(json.dumps({"set": name, "items": len(items), "sha256": sha, "cpu_ms_per_item": cpu_ms}))


if __name__ == "__main__":
    main()
