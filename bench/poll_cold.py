"""Cold `newsmon poll-once` polls (a fresh state directory each), interleaved across source trees, with the CPU
of each process: the poller parent, the stage child (dedupe), the parse pool and the embedded broker.

The per-process figures come from /proc, read every 0.1 s while the poll runs (the last tenth of a second of a
process can be missed); cpu_s is wait4's user+sys of the poll and every child it reaped, as `/usr/bin/time`
counts it, and rss_mib the largest of their peak RSS. A warm poll on the same state follows each cold one
and must find nothing new.

    python bench/poll_cold.py --trees /tmp/wt-old,/work/main [--reps 2] [--port 18500 --fixture-running]

A tree is a source checkout run with this venv's Python (PYTHONPATH=tree). Needs the peer harness's venv for the
fixture server (bench/README.md, Poller).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from poll_phases import BENCH_ENV, control, fetch_urls, start_fixture

TICK_S = 1 / os.sysconf("SC_CLK_TCK")


def processes() -> dict[int, tuple[int, float, str]]:
    """pid: (parent pid, user+sys CPU seconds, role) of every process now."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) * TICK_S, command)
    return found


def role(pid: int, root: int, command: str) -> str:
    if pid == root:
        return "parent"
    if "forkserver" in command:
        return "parse pool"
    if "broker" in command:
        return "broker"
    return "stage child" if "poll-once" in command else "other"


def poll(tree: Path, state: Path, urls: Path) -> dict[str, float]:
    env = {**os.environ, **BENCH_ENV, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "newsmon", "poll-once", "--feeds", str(urls), "--state-dir", str(state),
               "--allow-private"]  # fmt: skip
    load, started = os.getloadavg()[0], time.perf_counter()
    with (state / "poll.log").open("w") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=state)
    cpu: dict[int, tuple[str, float]] = {}
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        table, tree_pids = processes(), {child.pid}
        for pid in sorted(table):  # children have larger pids than their parents here (no pid wrap in a poll)
            if table[pid][0] in tree_pids:
                tree_pids.add(pid)
        for pid in tree_pids & table.keys():  # the role as first seen: an exiting process's cmdline is empty
            name = cpu[pid][0] if pid in cpu else role(pid, child.pid, table[pid][2])
            cpu[pid] = (name, table[pid][1])
        time.sleep(0.1)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    lines = (state / "poll.log").read_text().strip().splitlines()
    summary = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    row: dict[str, float] = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "load": load,
                             "rss_mib": usage.ru_maxrss / 1024, "new_items": summary.get("new_items", -1)}  # fmt: skip
    for name, seconds in cpu.values():
        row[name] = row.get(name, 0.0) + seconds
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trees", required=True, help="comma-separated source checkouts")
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18092)
    parser.add_argument("--server-python", default="/tmp/pollbench/venv/bin/python")
    parser.add_argument("--fixture-running", action="store_true", help="use the fixture server already on --port")
    args = parser.parse_args()
    trees = [Path(t).resolve() for t in args.trees.split(",")]
    base = f"http://127.0.0.1:{args.port}"
    server = start_fixture(args)
    work = Path(tempfile.mkdtemp(prefix="poll_cold_"))
    try:
        urls = work / "urls.txt"
        fetch_urls(base, urls)
        control(base, "/control/reset")
        for rep in range(args.reps):
            for index in range(len(trees)) if rep % 2 == 0 else reversed(range(len(trees))):
                state = work / f"state-{index}"
                shutil.rmtree(state, ignore_errors=True)
                state.mkdir()
                cold = poll(trees[index], state, urls)
                warm = poll(trees[index], state, urls)
                cells = " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in cold.items())
                print(f"tree={index} rep={rep} {cells} | warm new_items={warm['new_items']} "
                      f"wall_s={warm['wall_s']:.2f}", flush=True)  # fmt: skip
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
