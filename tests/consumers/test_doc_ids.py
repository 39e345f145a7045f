"""`newsmon extract` and `newsmon cluster` name documents by file stem: two files with one stem are refused."""

import subprocess
import sys
from pathlib import Path

import pytest

from consumers.claims.files import extract_paths
from consumers.dedupe.files import cluster_paths
from consumers.doc_ids import DuplicateDocIdError, unique_doc_ids

ARTICLE = "Aid convoy reaches Douma\nThe ministry said 12 trucks had crossed the line on Monday.\n"


@pytest.fixture
def same_stem(tmp_path: Path) -> tuple[Path, Path]:
    for folder in ("monday", "tuesday"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "convoy.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "monday", tmp_path / "tuesday"


def test_a_file_named_twice_counts_once(tmp_path: Path) -> None:
    path = tmp_path / "convoy.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert unique_doc_ids([path, tmp_path / "." / "convoy.txt", path]) == [path]
    assert len(list(extract_paths([tmp_path, path]))) == 1
    assert [r["doc_id"] for r in cluster_paths([path, tmp_path])] == ["convoy"]


def test_two_files_with_one_stem_are_refused_before_any_record(same_stem: tuple[Path, Path]) -> None:
    with pytest.raises(DuplicateDocIdError, match="convoy"):
        next(extract_paths(list(same_stem)))
    with pytest.raises(DuplicateDocIdError, match="convoy"):
        next(cluster_paths(list(same_stem)))


@pytest.mark.parametrize("command", ["extract", "cluster"])
def test_the_commands_say_which_files_clash_and_print_nothing(command: str, same_stem: tuple[Path, Path]) -> None:
    result = subprocess.run([sys.executable, "-m", "newsmon", command, *map(str, same_stem), "--format", "jsonl"],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert "doc_id 'convoy'" in result.stderr and "monday" in result.stderr and "tuesday" in result.stderr
    assert "Traceback" not in result.stderr
