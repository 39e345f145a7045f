"""Plain-text files -> claim records, for `newsmon extract PATH... --format jsonl`."""

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from consumers.claims.extract import extract_claims
from consumers.claims.voices import speaker_keys
from consumers.doc_ids import unique_doc_ids


def iter_text_files(paths: list[Path]) -> Iterator[Path]:
    """Files as given; directories contribute every *.txt inside them, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def extract_paths(paths: list[Path]) -> Iterator[dict]:
    """One dict per claim with the guideline's fields; doc_id is the file stem, offsets index the decoded text.

    Raises DuplicateDocIdError before any record when two files share a stem."""
    for path in unique_doc_ids(iter_text_files(paths)):
        text = path.read_text(encoding="utf-8", errors="replace")
        found = extract_claims(text)
        for claim, key in zip(found, speaker_keys(found), strict=True):
            yield {
                "doc_id": path.stem,
                "speaker": claim.speaker,
                # tells unnamed voices apart ('unnamed sources: hospital source'); the speaker's name otherwise
                "speaker_key": key,
                "speaker_mention": claim.speaker_mention,
                "speaker_org": claim.speaker_org,
                "cue": claim.cue,
                "kind": claim.kind,
                "text": claim.text,
                "start": claim.start,
                "end": claim.end,
                "numbers": [n.text for n in claim.numbers],
                "quantities": [asdict(n) for n in claim.numbers],
            }
