"""Which lease owners a poller may declare dead: only processes of this very machine (its kernel's boot) and PID
namespace. Two machines can share a hostname (cloned images, 'localhost') and the PID namespace number too: the
initial namespace is 4026531836 on every Linux, so pollers run outside containers on both named each other dead and
released each other's live leases at every round."""

import socket
import subprocess

import pytest

from producers.leases import poller_id, stale_owners


@pytest.fixture(scope="module")
def dead_pid() -> int:
    finished = subprocess.Popen(["true"])  # a process of this host that has exited, like a killed poller
    finished.wait()
    return finished.pid


def test_a_dead_poller_of_this_machine_is_stale(dead_pid):
    machine, namespace, _, _ = poller_id().split(":")
    owner = f"{machine}:{namespace}:{dead_pid}:0123456789ab"
    assert stale_owners([owner], poller_id()) == [owner]


def test_a_poller_of_another_machine_with_this_hostname_and_pid_namespace_is_not(dead_pid):
    _, namespace, _, _ = poller_id().split(":")
    other_boot = f"{socket.gethostname()[:19]}@00000000:{namespace}:{dead_pid}:0123456789ab"
    by_hostname_only = f"{socket.gethostname()[:28]}:{namespace}:{dead_pid}:0123456789ab"  # cannot tell machines apart
    assert stale_owners([other_boot, by_hostname_only], poller_id()) == []
