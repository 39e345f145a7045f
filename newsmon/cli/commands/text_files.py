"""The commands on plain-text files, no store or Kafka: extract (claims) and cluster (duplicates and stories)."""

import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from newsmon.cli.errors import fail, warn
from newsmon.cli.output import writes_to_stdout


@writes_to_stdout
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text files or directories of *.txt")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl")] = "jsonl",
) -> None:
    """Extract claims from plain-text files (doc_id = file stem); one JSON object per claim."""
    from consumers.claims.files import extract_paths, iter_text_files

    _print_jsonl(fmt, _given_paths(paths), extract_paths, iter_text_files)


@writes_to_stdout
def cluster(
    paths: Annotated[list[str], typer.Argument(help="Text files (first line title) or directories of *.txt")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl")] = "jsonl",
) -> None:
    """Dedupe and cluster plain-text articles; one JSON object per document."""
    from consumers.dedupe.files import article_paths, cluster_paths

    _print_jsonl(fmt, _given_paths(paths), cluster_paths, article_paths)


def _given_paths(arguments: list[str]) -> list[Path]:
    """The path arguments, taken as strings first: typer's Path("") is ".", so `newsmon extract "$UNSET"` read
    every *.txt under the working directory."""
    if any(argument == "" for argument in arguments):
        fail("an empty path argument (an unset shell variable?); name a file or directory, '.' for this one")
    return [Path(argument) for argument in arguments]


def _print_jsonl(fmt: str, paths: list[Path], produce: Callable[[list[Path]], Any],
                 list_files: Callable[[list[Path]], Iterable[Path]]) -> None:  # fmt: skip
    """Print what `produce` makes of the files `list_files` finds in `paths`, one JSON object a line."""
    if fmt != "jsonl":
        fail(f"unknown format {fmt!r}; expected 'jsonl'")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}")
    for path in paths:
        if path.is_dir() and not any(True for _ in list_files([path])):
            fail(f"{path}: a directory with no *.txt files in it")
    for file in list_files(paths):
        _warn_unless_text(file)
    from consumers.doc_ids import DuplicateDocIdError
    from newsmon.report.json_text import json_line

    try:
        for record in produce(paths):
            sys.stdout.write(json_line(record) + "\n")
    except DuplicateDocIdError as error:
        fail(str(error))
    except OSError as error:
        if error.filename is None:  # writing stdout, not reading an input file: see writes_to_stdout
            raise
        fail(f"{error.filename}: {error.strerror or error}")


def _warn_unless_text(file: Path) -> None:
    """Warn about a file read as text that is not UTF-8 text (its undecodable bytes become U+FFFD), or exit
    on one that cannot be read. Only regular files: a pipe such as /dev/stdin can be read once only."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return
        data = file.read_bytes()
    except OSError as error:
        fail(f"{file}: {error.strerror or error}")
        raise
    nul = data.find(b"\0")
    if nul >= 0:
        warn(f"{file}: has NUL bytes (the first at offset {nul}), so it is probably not text; read as text anyway")
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        warn(f"{file}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); every undecodable "
             "byte is read as U+FFFD")  # fmt: skip
