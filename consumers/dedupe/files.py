"""`newsmon cluster`: the dedupe and story decisions over plain-text files, without Kafka or a store."""

from collections.abc import Iterable, Iterator
from pathlib import Path

from consumers.dedupe.article import dedupe
from consumers.dedupe.index import DedupeIndex, MemoryIndex
from consumers.doc_ids import unique_doc_ids


def article_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, plus every *.txt under given directories, in arrival order.

    Arrival order is the sorted file name (then the full path), because plain files carry no time:
    name files by arrival (a timestamp or sequence prefix) to control which copy counts as the origin.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            found.update(dict.fromkeys(p for p in path.rglob("*.txt") if p.is_file()))
        else:
            found[path] = None
    return sorted(found, key=lambda p: (p.name, str(p)))


def read_article(path: Path) -> tuple[str, str]:
    """(title, body): the first line is the title, the rest the body; undecodable bytes are replaced."""
    text = path.read_text(encoding="utf-8", errors="replace")
    title, _, body = text.partition("\n")
    return title.strip(), body


def cluster_paths(paths: list[Path], index: DedupeIndex | None = None) -> Iterator[dict[str, object]]:
    """One dict per article file: doc_id (file stem), duplicate_of, similarity, story_id.

    Raises DuplicateDocIdError before any record when two files share a stem.

    `index` defaults to a fresh in-memory one; pass a filled one to cluster against earlier articles.
    """
    index = MemoryIndex() if index is None else index
    start = float(len(index)) if isinstance(index, MemoryIndex) else 0.0
    decisions = []
    for position, path in enumerate(unique_doc_ids(article_paths(paths))):
        title, body = read_article(path)
        decisions.append(dedupe(index, path.stem, title, body, start + position))
    # A later article may merge an earlier one's story into another (merge.merge_bridged): every doc is printed
    # with its story as it stands once all are decided.
    stories = {doc.doc_id: doc.story_id for doc in index.story_docs(list({d.story_id for d in decisions}))}
    for decision in decisions:
        yield {
            "doc_id": decision.doc_id,
            "duplicate_of": decision.duplicate_of,
            "similarity": decision.similarity,
            "story_id": stories.get(decision.doc_id, decision.story_id),
        }
