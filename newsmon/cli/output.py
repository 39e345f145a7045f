"""Writing a command's output: to stdout, which a reader may close early or a full disk may refuse, or to a file
replaced whole or not at all."""

import errno
import functools
import os
import select
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec

import typer

from newsmon.cli.errors import fail

P = ParamSpec("P")

# What writing stdout can meet that is no bug and no input's fault.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def writes_to_stdout(command: Callable[P, None]) -> Callable[P, None]:
    """A command whose output may go nowhere. A reader that leaves early (`newsmon extract DIR | head`) ends it
    quietly with exit 141, as SIGPIPE ends other tools: the reader got what it wanted. Python ignores SIGPIPE (so
    that sockets raise errors instead of ending the process), which leaves the closed pipe to us. Output that
    cannot be written (a full disk) is one error line and exit 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
            sys.stdout.flush()
        except BrokenPipeError:
            _drop_stdout()
            raise typer.Exit(141) from None
        except OSError as error:
            if error.filename is not None or error.errno not in OUTPUT_ERRNOS:
                raise
            _drop_stdout()
            fail(f"cannot write the output: {error.strerror}", code=1)

    return wrapper


def _drop_stdout() -> None:
    """Point stdout at /dev/null: Python flushes it again at exit, and would fail there a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def replace_file(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all: into a new file beside it, renamed over it once written, so a
    full disk leaves the earlier file as it was. A path that is no regular file (/dev/stdout) is written as is."""
    if path.exists() and not path.is_file():  # following links: /dev/stdout is a pipe or a terminal
        path.write_text(text, encoding="utf-8")
        return
    target = path.resolve() if path.is_symlink() else path  # the file a link names is replaced, not the link
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        if target.exists():
            partial.chmod(stat.S_IMODE(target.stat().st_mode))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def write_all_to_stdout(text: str) -> None:
    """Write all of `text`, or raise. With PYTHONUNBUFFERED set, sys.stdout writes to the file descriptor directly
    and drops the rest of a short write (a pipe whose reader left: no error, exit 0, half a file)."""
    sys.stdout.flush()
    remaining = memoryview(text.encode(sys.stdout.encoding or "utf-8"))
    while remaining:
        written = sys.stdout.buffer.write(remaining)
        if not written:  # a non-blocking stdout that is full: wait until it takes more
            select.select([], [sys.stdout.fileno()], [])
            continue
        remaining = remaining[written:]
    sys.stdout.flush()


def write_output(output: Path | None, text: str) -> None:
    """A command's --output: `text` to stdout when None, else to the file, replaced whole or not at all; a file that
    cannot be written is one error line naming it."""
    if output is None:
        write_all_to_stdout(text)
        return
    try:
        replace_file(output, text)
    except OSError as error:
        fail(f"--output {output}: {error.strerror or error}")
