"""The run directory of a service: its embedded broker's working directory and address file, one process at a time."""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = "service.lock"


class RunDirError(Exception):
    """The run directory cannot be used: it is no directory, or another newsmon process holds it."""


@contextmanager
def run_dir_lock(run_dir: Path) -> Iterator[None]:
    """Hold `run_dir` for this process (an advisory lock the kernel drops when the process ends, also on a crash).

    A second service on one run directory would start a second embedded broker, so the stages would split
    between two brokers, and whichever stopped first removed the address file `alerts tail` needs."""
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a file of that name, no permission
        raise RunDirError(f"run_dir {run_dir}: {error.strerror or error}") from None
    with open(run_dir / LOCK_FILE, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "unknown"
            raise RunDirError(f"run_dir {run_dir} is in use by another newsmon process (pid {holder}) and its "
                                  "embedded broker; stop it, or give this one another run_dir (NEWSMON_RUN_DIR) or "
                                  "an external kafka.bootstrap_servers") from None  # fmt: skip
        lock.truncate(0)
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        yield
