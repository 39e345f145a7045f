"""Our own passages, annotated by the claim guideline (tests/fixtures/claims/own): the extractor keeps finding them."""

import json
import re
from pathlib import Path

from consumers.claims.extract import extract_claims

OWN = Path(__file__).parents[2] / "fixtures" / "claims" / "own"


def tokens(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in re.finditer(r"\w+", text) if m.start() < end and m.end() > start}


def test_annotated_claims_are_found_with_their_speakers() -> None:
    gold = [json.loads(line) for line in (OWN / "claims.jsonl").read_text(encoding="utf-8").splitlines() if line]
    found = spoken = 0
    predicted: dict[str, list] = {}
    for row in gold:
        doc_id = row["doc_id"]
        text = (OWN / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        claims = predicted.setdefault(doc_id, extract_claims(text))
        want = tokens(text, row["start"], row["end"])
        match = next((c for c in claims if len(want & (got := tokens(text, c.start, c.end))) / len(want | got) >= 0.5),
                     None)
        found += match is not None
        spoken += match is not None and match.speaker.lower() == row["speaker"].lower()
    # Scores on these passages are those after tuning on them: this guards against regressions only.
    assert found / len(gold) >= 0.97
    assert spoken / len(gold) >= 0.95
