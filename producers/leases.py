"""Who holds a feed lease, and which holders are known to be gone.

A lease owner is `host@boot:pid-namespace:pid:process-token+poller-token`, where boot starts the kernel's boot id:
hostnames repeat across machines (cloned images, 'localhost') and so do PID namespace numbers (the initial one is
4026531836 on every Linux), the boot id does not, and every container of one machine shares it. Pollers on other
machines can only be waited out (their leases expire after poll.lease_s), but a poller can tell that an owner on its
own machine and in its own PID namespace is dead: its pid no longer exists, or it is this process's own pid with another
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


def _machine() -> str:
    """hostname@boot: the boot id tells machines that share a hostname apart. Without one (no /proc) no owner is
    ever judged, since a hostname alone cannot tell."""
    try:
        with open("/proc/sys/kernel/random/boot_id") as boot_id:
            boot = boot_id.read().strip().replace("-", "")[:8]
    except OSError:
        boot = ""
    return f"{socket.gethostname()[:19].replace(':', '-').replace('@', '-')}@{boot}"


PROCESS_TOKEN = uuid.uuid4().hex[:8]  # tells this process from an earlier one that had the same pid


def poller_id() -> str:
    """A lease owner for one poller of this process (the column holds 64 characters)."""
    return f"{_machine()}:{_pid_namespace()}:{os.getpid()}:{PROCESS_TOKEN}{uuid.uuid4().hex[:4]}"


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def stale_owners(owners: Iterable[str], me: str) -> list[str]:
    """The owners among `owners` that are processes of this machine and PID namespace which no longer run."""
    machine, namespace, pid, _ = me.split(":")
    if machine.endswith("@") or not namespace:
        return []  # no boot id or no PID namespace to be sure an owner is of this machine
    stale = []
    for owner in owners:
        parts = owner.split(":")
        if owner == me or len(parts) != 4 or parts[0] != machine or parts[1] != namespace:
            continue
        if not parts[2].isdigit() or (parts[2] == pid and parts[3][:8] == PROCESS_TOKEN):
            continue  # not ours to judge, or a poller of this very process
        if parts[2] == pid or not _is_running(int(parts[2])):
            stale.append(owner)
    return stale
