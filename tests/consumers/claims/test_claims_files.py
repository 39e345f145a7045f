"""`newsmon extract` input: files and directories of plain text, one dict per claim."""

import json
from pathlib import Path

from consumers.claims.files import extract_paths

FIELDS = {"doc_id", "speaker", "speaker_key", "speaker_mention", "speaker_org", "cue", "kind", "text", "start", "end",
          "numbers", "quantities"}


def test_directory_yields_every_txt_file_sorted_with_stem_as_doc_id(tmp_path: Path) -> None:
    (tmp_path / "b_second.txt").write_text('"The road is open," Lina Moreau said.\n', encoding="utf-8")
    (tmp_path / "a_first.txt").write_text("The ministry said 12 people were hurt.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("The ministry said nothing.\n", encoding="utf-8")
    records = list(extract_paths([tmp_path]))
    assert [r["doc_id"] for r in records] == ["a_first", "b_second"]
    assert all(set(r) == FIELDS for r in records)
    assert records[0]["numbers"] == ["12 people"]
    assert records[0]["quantities"][0]["value"] == 12.0
    json.dumps(records)  # printable as JSON lines


def test_offsets_index_the_decoded_text_even_with_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe Header\n\nThe army said 3 soldiers were wounded.\n")
    [record] = list(extract_paths([path]))
    text = path.read_text(encoding="utf-8", errors="replace")
    assert text[record["start"] : record["end"]] == record["text"] == "3 soldiers were wounded"
