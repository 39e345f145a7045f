"""Warm and changed `newsmon poll-once` polls, repeated and interleaved across source trees (A/B), with CPU.

A cold and a warm poll fill a template state directory; every measured poll then runs on a fresh copy of it,
so each warm poll finds nothing new and each changed poll the same 10 % of feeds changed (the fixture is reset
and advanced before it). Trees with the same migrations share one template (made with the first of them);
a tree whose migrations differ gets its own, since a store upgraded by newer migrations cannot be opened by
older code, and older migrations would be upgraded (Alembic, ~0.4 s) by every newer poll. The template's warm
poll leaves poll-once's schema mark, so no measured poll runs Alembic (in the harness, the changed poll does
not either). Trees run in alternating order within each repetition. CPU is user+sys of the poll and the
children it waited for (as /usr/bin/time reports it, the figure the peer harness shows); the 1-minute load
average is printed beside every poll.

    python bench/poll_phases.py --trees /tmp/wt-old,/work/main [--reps 5] [--phases warm,changed]

A tree is a source checkout run with this venv's Python (PYTHONPATH=tree). Needs the peer harness's venv for the
fixture server (bench/README.md).
"""

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT.parent / "shared" / "bench" / "poll"
BENCH_ENV = {"NEWSMON_POLL__PER_HOST_CONCURRENCY": "64", "NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0",
             "NEWSMON_POLL__CONCURRENCY": "64", "NEWSMON_LOG_LEVEL": "warning"}  # fmt: skip
EXPECTED = {"warm": 0, "changed": 309}  # at N=1000 (the harness's figures)


def control(base: str, path: str) -> None:
    urllib.request.urlopen(urllib.request.Request(base + path, method="POST"), timeout=60).read()


def poll(tree: Path, state: Path, urls: Path, log: Path, extra_env: dict[str, str]) -> dict[str, float | int]:
    """One `poll-once`; wall from this clock, CPU and max RSS from wait4 (the poll and its reaped children)."""
    home = state / "home"
    env = {**os.environ, **BENCH_ENV, "PYTHONPATH": str(tree), "HOME": str(home), **extra_env}
    command = [sys.executable, "-m", "newsmon", "poll-once", "--feeds", str(urls), "--state-dir", str(state),
               "--allow-private"]  # fmt: skip
    load = os.getloadavg()[0]
    started = time.perf_counter()
    with log.open("w") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=state)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    lines = log.read_text().strip().splitlines()
    summary = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
            "load": load, "rc": child.returncode, "new_items": summary.get("new_items", -1)}  # fmt: skip


def fresh_copy(template: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target, symlinks=True)
    # poll-once skips Alembic when its mark names the same database file (by inode) and migrations: the copy
    # is a new inode, so the mark is rewritten as the cold poll would have left it for this file. The mark is
    # "PATH:INODE:REVISION:DIGEST" (since a2f69d0; until this parsed it as "PATH:INODE\nREST", every copy's mark
    # was wrong and every measured poll ran Alembic, ~0.3 CPU-s). A mark of another form is dropped (that poll
    # runs Alembic), and so counted in its figures rather than passed off as a warm poll's.
    mark = target / "run" / "schema-checked"
    if mark.is_file():
        fields = mark.read_text().rsplit(":", 3)
        database = target / "newsmon.db"
        if len(fields) == 4:
            mark.write_text(f"{database.resolve()}:{database.stat().st_ino}:{fields[2]}:{fields[3]}")
        else:
            mark.unlink()


def start_fixture(args: argparse.Namespace) -> "subprocess.Popen[bytes] | None":
    """The harness's fixture server on args.port (None with --fixture-running: it is already there)."""
    if args.fixture_running:
        return None
    fixture = [args.server_python, str(HARNESS / "fixture_server.py"), "--feeds", str(args.feeds), "--port",
               str(args.port)]  # fmt: skip
    return subprocess.Popen(fixture, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fetch_urls(base: str, urls: Path) -> None:
    """The fixture's feed list into `urls`, waiting up to a minute for the server to come up."""
    for _ in range(600):
        try:
            urls.write_bytes(urllib.request.urlopen(f"{base}/urls.txt", timeout=1).read())
            return
        except OSError:
            time.sleep(0.1)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trees", required=True, help="comma-separated source checkouts (first: the cold poll)")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--phases", default="warm,changed")
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--server-python", default="/tmp/pollbench/venv/bin/python")
    parser.add_argument("--fixture-running", action="store_true", help="use the fixture server already on --port")
    parser.add_argument("--work", type=Path, default=None, help="keep the template and logs here")
    parser.add_argument("--env", action="append", default=[], help="TREE_INDEX:NAME=VALUE for one tree's polls")
    return parser.parse_args()


def environments(assignments: list[str], tree_count: int) -> list[dict[str, str]]:
    """Each tree's extra environment, from --env TREE_INDEX:NAME=VALUE."""
    tree_env: list[dict[str, str]] = [{} for _ in range(tree_count)]
    for item in assignments:
        index, _, assignment = item.partition(":")
        name, _, value = assignment.partition("=")
        tree_env[int(index)][name] = value
    return tree_env


def migrations_digest(tree: Path) -> str:
    """What a tree's store schema depends on: its migration files, names and contents."""
    digest = hashlib.sha256()
    for path in sorted((tree / "migrations" / "versions").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def make_templates(args: argparse.Namespace, trees: list[Path], tree_env: list[dict[str, str]], work: Path,
                   urls: Path) -> list[Path]:  # fmt: skip
    """Each tree's template state directory: one a distinct set of migrations, its cold and warm polls run (once,
    kept in --work) with the first tree that has them."""
    base = f"http://127.0.0.1:{args.port}"
    templates: list[Path] = []
    for index, tree in enumerate(trees):
        template = work / f"template-{migrations_digest(tree)}"
        templates.append(template)
        (template / "home").mkdir(parents=True, exist_ok=True)
        for phase, is_done in (("cold", (template / "newsmon.db").is_file()),
                               ("warm", (template / "run" / "schema-checked").is_file())):  # fmt: skip
            if not is_done:
                control(base, "/control/reset")
                result = poll(tree, template, urls, work / f"{template.name}-{phase}.log", tree_env[index])
                print(f"{phase} ({template.name}, tree {index}) {result}", flush=True)
    return templates


def run_phases(args: argparse.Namespace, trees: list[Path], tree_env: list[dict[str, str]], work: Path) -> list[dict]:
    """The templates' cold and warm polls (once), then each rep's phases for every tree, from copies of its
    template."""
    base = f"http://127.0.0.1:{args.port}"
    rows: list[dict] = []
    urls = work / "urls.txt"
    fetch_urls(base, urls)
    templates = make_templates(args, trees, tree_env, work, urls)
    for rep in range(args.reps):
        # Interleaved, and the order flips every rep, so a drift of the machine's load hits every tree alike.
        order = list(range(len(trees))) if rep % 2 == 0 else list(reversed(range(len(trees))))
        for index in order:
            for phase in args.phases.split(","):
                state = work / f"state-{index}"
                fresh_copy(templates[index], state)
                control(base, "/control/reset")
                if phase == "changed":
                    control(base, "/control/advance?fraction=0.1")
                log = work / f"{phase}-{index}-{rep}.log"
                mark = state / "run" / "schema-checked"
                marked_ns = mark.stat().st_mtime_ns if mark.is_file() else None
                row = {"tree": index, "phase": phase, "rep": rep,
                       **poll(trees[index], state, urls, log, tree_env[index])}  # fmt: skip
                # poll-once rewrites its mark only after an Alembic upgrade: a measured poll should not run one.
                row["alembic"] = int(not mark.is_file() or mark.stat().st_mtime_ns != marked_ns)
                rows.append(row)
                print(" ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()),
                      flush=True)  # fmt: skip
    return rows


def print_table(rows: list[dict], trees: list[Path], phases: list[str]) -> None:
    print("\n| tree | phase | polls | wall s (min / median / max) | CPU s (min / median / max) | load | new items "
          "| ran Alembic |")
    print("|---|---|---|---|---|---|---|---|")
    for index, tree in enumerate(trees):
        for phase in phases:
            mine = [r for r in rows if r["tree"] == index and r["phase"] == phase]
            if not mine:
                continue
            walls, cpus = [r["wall_s"] for r in mine], [r["cpu_s"] for r in mine]
            loads = [r["load"] for r in mine]
            counts = sorted({r["new_items"] for r in mine})
            print(f"| {tree} | {phase} | {len(mine)} | {min(walls):.2f} / {statistics.median(walls):.2f} / "
                  f"{max(walls):.2f} | {min(cpus):.2f} / {statistics.median(cpus):.2f} / {max(cpus):.2f} | "
                  f"{min(loads):.1f}-{max(loads):.1f} | {counts} (expected {EXPECTED.get(phase)}) | "
                  f"{sum(r['alembic'] for r in mine)} |")  # fmt: skip


def main() -> int:
    args = parse_args()
    trees = [Path(t).resolve() for t in args.trees.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="poll_phases_"))
    work.mkdir(parents=True, exist_ok=True)
    # The feed URLs carry the port, so a template only serves polls against a fixture on the same port.
    server = start_fixture(args)
    try:
        rows = run_phases(args, trees, environments(args.env, len(trees)), work)
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    print_table(rows, trees, args.phases.split(","))
    print(f"\nwork dir: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
