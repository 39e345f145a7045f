"""Plain-text files as documents: `newsmon extract` and `newsmon cluster` name each document by its file stem."""

from collections.abc import Iterable
from pathlib import Path


class DuplicateDocIdError(ValueError):
    """Two different files would give one doc_id, so their records could not be told apart."""


def unique_doc_ids(paths: Iterable[Path]) -> list[Path]:
    """The files in order, a file named twice (or inside a directory also given) once; raises when two
    different files share a stem, naming both, instead of printing records nobody can tell apart."""
    files: dict[Path, Path] = {}
    by_stem: dict[str, Path] = {}
    for path in paths:
        real = path.resolve()
        if real in files:
            continue
        other = by_stem.get(path.stem)
        if other is not None:
            raise DuplicateDocIdError(
                f"{other} and {path} would both be doc_id {path.stem!r} (the file stem); rename one of them"
            )
        files[real] = by_stem[path.stem] = path
    return list(files.values())
