"""Claim extraction speed: MB of article text per CPU-second on one core, plus bad-input timings.

CPU time (process_time), not wall time, so other work on the machine does not skew the figure.

Usage: python bench/claims_speed.py [--mb 5]
The text is synthetic (invented sentences in several house styles), so no data is needed.
"""

import argparse
import random
import sys
import time
from pathlib import Path

from consumers.claims.extract import extract_claims

_OWN_PASSAGES = Path(__file__).parents[1] / "tests" / "fixtures" / "claims" / "own" / "docs"
# Passages the rules were not tuned on, each read once: no speaker or phrase repeats for the caches to reuse.
_HELD_BACK = Path(__file__).parents[1] / "tests" / "fixtures" / "claims" / "heldback" / "docs"

_PEOPLE = ["Lina Moreau", "Tomas Lindqvist", "Karim Aziz", "Hevin Ali", "Pavel Sokolov", "Amira Saleh"]
_ORGS = ["the Syrian Observatory for Human Rights", "the Pentagon", "the Russian Defense Ministry", "the SDF",
         "the UN refugee agency", "Ankara", "the Foreign and Expatriates Ministry", "a military source"]
_TEMPLATES = [
    '"We have recorded {n} violations in the past week," {p}, a spokesperson for {o}, told reporters.',
    "{P} said on Tuesday that at least {n} people had been displaced from villages near the river.",
    "More than {n} fighters remain in the area, {o} said in a statement, adding that talks had stalled.",
    "According to {o}, between {n} and {m} families returned to their homes during the month.",
    "The convoy, {p} said, carried food for about {n},000 people and medicine for {m} clinics.",
    "{P} denied reports that {n} soldiers had been killed. \u201cThis is pure fabrication,\u201d {ph} said.",
    "Residents described the night as the worst since {y}, when {n} houses were destroyed.",
    "\u00abThe situation remains under control,\u00bb {p} said, \u00aband there is no reason for panic.\u00bb",
    "{O} put the death toll at {n}, including {m} children, a figure that could not be verified.",
    "Diplomats in Geneva were sceptical that the talks would resume before {y}.",
]
# Narrative without attribution: news text is not all claims (the dev passages hold about one claim per 250 bytes).
_NARRATIVE = [
    "The town, once home to {n},000 people, lies on the main road between the coast and the eastern provinces.",
    "Fighting in the area intensified after the collapse of a ceasefire agreed in {y}.",
    "Convoys of trucks carrying flour and fuel crossed the river on Tuesday morning under heavy rain.",
    "{P} has led the local council since {y} and was re-elected last spring.",
    "The crossing is the only route for aid into the north-west, where {n} camps shelter displaced families.",
    "Talks between the two sides, mediated by {o}, stalled in the summer over the fate of the prisons.",
]


def synthetic_article(rng: random.Random, sentences: int = 24, narrative_share: float = 0.5) -> str:
    """An invented article: dateline, paragraphs of templated sentences, some of them plain narrative."""
    parts = ["Officials trade blame over shelling near the border", "", "BEIRUT (Wire) \u2013 "]
    for i in range(sentences):
        person = rng.choice(_PEOPLE)
        org = rng.choice(_ORGS)
        templates = _NARRATIVE if rng.random() < narrative_share else _TEMPLATES
        sentence = rng.choice(templates).format(
            p=person, P=person, ph=rng.choice(["he", "she"]), o=org, O=org[0].upper() + org[1:],
            n=rng.randint(2, 900), m=rng.randint(2, 90), y=rng.randint(2011, 2024))
        parts[-1] += sentence + " "
        if i % 2:
            parts.append("")
            parts.append("")
    return "\n".join(p.rstrip() for p in parts) + "\n"


def time_once(text: str) -> float:
    start = time.process_time()
    extract_claims(text)
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of synthetic article text")
    args = parser.parse_args()
    rng = random.Random(7)
    passages = [p.read_text(encoding="utf-8") for p in sorted(_OWN_PASSAGES.glob("*.txt"))]
    mixes = [("news-like mix (half narrative)", 0.5), ("claims only (worst case)", 0.0)]
    if passages:
        mixes.insert(0, ("our annotated news-style passages, repeated", -1.0))
    for label, share in mixes:
        articles = _repeat(passages, args.mb) if share < 0 else _articles(rng, args.mb, share)
        size = sum(len(a.encode("utf-8")) for a in articles)
        start = time.process_time()
        claims = sum(len(extract_claims(a)) for a in articles)
        elapsed = time.process_time() - start
        print(f"{label}: {len(articles)} articles, {size / 1e6:.2f} MB, {claims} claims, {elapsed:.2f} s")
        print(f"  speed: {size / 1e6 / elapsed:.2f} MB/s per core (target >= 1.0)")
    held_back = [p.read_text(encoding="utf-8") for p in sorted(_HELD_BACK.glob("*.txt"))]
    if held_back:
        size = sum(len(a.encode("utf-8")) for a in held_back)
        start = time.process_time()
        claims = sum(len(extract_claims(a)) for a in held_back)
        elapsed = time.process_time() - start
        print(f"held-back passages, each read once: {len(held_back)} articles, {size / 1e3:.0f} kB, {claims} claims, "
              f"{elapsed:.3f} s")
        print(f"  speed: {size / 1e6 / elapsed:.2f} MB/s per core (target >= 1.0)")
    _bad_inputs(rng, _articles(rng, 0.1, 0.5))
    return 0


def _repeat(passages: list[str], mb: float) -> list[str]:
    articles: list[str] = []
    size = 0
    while size < mb * 1e6:
        articles.append(passages[len(articles) % len(passages)])
        size += len(articles[-1].encode("utf-8"))
    return articles


def _articles(rng: random.Random, mb: float, narrative_share: float) -> list[str]:
    articles: list[str] = []
    size = 0
    while size < mb * 1e6:
        articles.append(synthetic_article(rng, narrative_share=narrative_share))
        size += len(articles[-1].encode("utf-8"))
    return articles


def _bad_inputs(rng: random.Random, articles: list[str]) -> None:
    """Linear scaling on hostile inputs: compare 1 MB and 4 MB of each kind."""
    words = ["said", "the", "ministry", "that", "fighters", '«”"', "according", "to", "3,000", "مصدر", "источник"]
    kinds = {
        "one article repeated": lambda n: (articles[0] * (n // len(articles[0]) + 1))[:n],
        "no sentence punctuation": lambda n: " ".join(rng.choice(words[:5]) for _ in range(n // 6))[:n],
        "unbalanced quotes": lambda n: ('"He said ' * (n // 9 + 1))[:n],
        "mixed scripts, one line": lambda n: " ".join(rng.choice(words) for _ in range(n // 7))[:n],
        "cue every word": lambda n: ("X said, " * (n // 8 + 1))[:n],
    }
    for name, make in kinds.items():
        small, large = make(1_000_000), make(4_000_000)
        t1, t4 = time_once(small), time_once(large)
        print(f"{name:26s} 1 MB: {t1:6.2f} s   4 MB: {t4:6.2f} s   ratio {t4 / max(t1, 1e-9):4.1f} (linear: 4.0)")


if __name__ == "__main__":
    sys.exit(main())
