"""Who holds a feed lease, and which holders are known to be gone.

A lease owner is `host:pid-namespace:pid:process-token+poller-token`. Pollers on other hosts can only be
waited out (their leases expire after poll.lease_s), but a poller can tell that an owner on its own host and
in its own PID namespace is dead: its pid no longer exists, or it is this process's own pid with another
process token (a restarted container is often pid 1 again). Several pollers of one process share the
process token, so they never take each other for dead. Those leases are released at once, so a killed single poller
that is started again resumes its feeds immediately; a live poller's leases are never touched.
"""

import os
import socket
import uuid
from collections.abc import Iterable


def _pid_namespace() -> str:
    # Two containers can share a hostname (network_mode: host) while each has its own pid 1; the PID
    # namespace's inode tells them apart. Empty where /proc is not there: then pids are not compared.
    try:
        return os.readlink("/proc/self/ns/pid").removeprefix("pid:[").removesuffix("]")
    except OSError:
        return ""


PROCESS_TOKEN = uuid.uuid4().hex[:8]  # tells this process from an earlier one that had the same pid


def poller_id() -> str:
    """A lease owner for one poller of this process (the column holds 64 characters)."""
    return f"{socket.gethostname()[:28]}:{_pid_namespace()}:{os.getpid()}:{PROCESS_TOKEN}{uuid.uuid4().hex[:4]}"


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def stale_owners(owners: Iterable[str], me: str) -> list[str]:
    """The owners among `owners` that are processes of this host and PID namespace which no longer run."""
    host, namespace, pid, _ = me.split(":")
    stale = []
    for owner in owners:
        parts = owner.split(":")
        if owner == me or len(parts) != 4 or parts[0] != host or not namespace or parts[1] != namespace:
            continue
        if not parts[2].isdigit() or (parts[2] == pid and parts[3][:8] == PROCESS_TOKEN):
            continue  # not ours to judge, or a poller of this very process
        if parts[2] == pid or not _is_running(int(parts[2])):
            stale.append(owner)
    return stale
