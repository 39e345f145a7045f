"""`cluster_paths`, the code behind `newsmon cluster`: inputs, order and output format."""

import json
from pathlib import Path

from consumers.dedupe.files import article_paths, cluster_paths

ARTICLES = Path(__file__).parent / "articles"


def test_each_file_yields_one_json_ready_record_with_the_documented_keys() -> None:
    results = list(cluster_paths([ARTICLES]))
    assert [r["doc_id"] for r in results] == sorted(p.stem for p in ARTICLES.glob("*.txt"))
    for record in results:
        assert set(record) == {"doc_id", "duplicate_of", "similarity", "story_id"}
        assert json.loads(json.dumps(record)) == record
        assert (record["duplicate_of"] is None) == (record["similarity"] is None)
        assert isinstance(record["story_id"], str)


def test_stories_group_the_event_and_leave_the_rest_alone() -> None:
    by_id = {r["doc_id"]: r for r in cluster_paths([ARTICLES])}
    fuel = {"01-wire", "02-reprint", "03-trimmed", "04-rewrite", "06-update"}
    arabic = {"07-arabic", "08-arabic-reprint"}  # the blast's Arabic report and its reprint (labels.jsonl: story A)
    assert {doc for doc, r in by_id.items() if r["story_id"] == "01-wire"} == fuel | arabic
    assert {doc for doc, r in by_id.items() if r["duplicate_of"] == "01-wire"} == fuel - {"01-wire", "04-rewrite"}
    assert by_id["05-negative"]["story_id"] == "05-negative"


def test_files_and_directories_mix_and_arrive_in_name_order(tmp_path: Path) -> None:
    nested = tmp_path / "b" / "deeper"
    nested.mkdir(parents=True)
    body = (ARTICLES / "01-wire.txt").read_text(encoding="utf-8")
    (nested / "2-copy.txt").write_text(body, encoding="utf-8")
    (tmp_path / "1-original.txt").write_text(body, encoding="utf-8")
    (tmp_path / "notes.md").write_text(body, encoding="utf-8")
    loose = tmp_path / "0-loose.text"
    loose.write_text("Title\nbody", encoding="utf-8")
    assert [p.name for p in article_paths([tmp_path / "b", tmp_path / "1-original.txt", loose])] == [
        "0-loose.text", "1-original.txt", "2-copy.txt",
    ]
    results = list(cluster_paths([tmp_path]))
    assert [r["doc_id"] for r in results] == ["1-original", "2-copy"]
    assert results[1]["duplicate_of"] == "1-original" and results[1]["similarity"] == 1.0


def test_undecodable_bytes_and_a_body_less_file_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Title \xff\xfe\n" + b"caf\xe9 " * 100)
    (tmp_path / "b.txt").write_bytes(b"Only a title")
    (tmp_path / "c.txt").write_bytes(b"")
    results = list(cluster_paths([tmp_path]))
    assert [r["duplicate_of"] for r in results] == [None, None, None]
