"""Run the peer feed-poller benchmark (shared/bench/poll/run_peers.py) with newsmon plugged in.

Prints the harness's table. newsmon runs as its peers do: one `newsmon poll-once` process per poll, state in
the harness's state directory. All fixture feeds share one host (127.0.0.1), so the per-host politeness
limits are lifted through the environment for this run only (a real catalogue spans many hosts).

The harness's `summarize` divides by the max RSS of every row, which a poll killed at --timeout does not
have (its /usr/bin/time output never gets written), so one timed-out poll used to lose the whole table.
This script runs the harness through itself (`--inner`) and gives such rows zero CPU and RSS, which the
table then shows beside the "(rc!=0 in N)" flag; the shared harness stays as it is.

    python bench/poll_peers.py --sizes 1000 --reps 1 [--peers newsboat-t16,rss2email] [--harness DIR]
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT.parent / "shared" / "bench" / "poll"
NEWSMON = ROOT / ".venv" / "bin" / "newsmon"
BENCH_ENV = {"NEWSMON_POLL__PER_HOST_CONCURRENCY": "64", "NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0",
             "NEWSMON_POLL__CONCURRENCY": "64", "NEWSMON_LOG_LEVEL": "warning"}  # fmt: skip


def run_harness_inner(harness: Path, argv: list[str]) -> None:
    """Run the harness's main() in this process with timed-out rows made summarizable."""
    sys.path.insert(0, str(harness))
    import run_peers  # type: ignore[import-not-found]

    measured_poll = run_peers.run_poll

    def run_poll(*args: object, **kwargs: object) -> dict:
        row = measured_poll(*args, **kwargs)
        for key in ("user_s", "sys_s", "maxrss_kb"):
            row.setdefault(key, 0)
        return row  # type: ignore[no-any-return]

    run_peers.run_poll = run_poll
    sys.argv = [str(harness / "run_peers.py"), *argv]
    run_peers.main()


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--inner":
        run_harness_inner(Path(sys.argv[2]), sys.argv[3:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--reps", default="1")
    parser.add_argument("--peers", default="none", help="built-in peers to run beside newsmon (default none)")
    parser.add_argument("--harness", type=Path, default=HARNESS)
    parser.add_argument("--python", default="/tmp/pollbench/venv/bin/python", help="the harness's venv")
    parser.add_argument("--timeout", default="900")
    args, rest = parser.parse_known_args()
    peer = f"newsmon={NEWSMON} poll-once --feeds {{urls}} --state-dir {{state}} --allow-private"
    command = [args.python, __file__, "--inner", str(args.harness), "--sizes", args.sizes, "--reps", args.reps,
               "--peers", args.peers, "--timeout", args.timeout, "--peer", peer, *rest]  # fmt: skip
    print(" ".join(command), flush=True)
    return subprocess.call(command, cwd=args.harness, env={**os.environ, **BENCH_ENV})


if __name__ == "__main__":
    sys.exit(main())
