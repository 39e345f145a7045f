"""Run the peer feed-poller benchmark (shared/bench/poll/run_peers.py) with newsmon plugged in.

Prints the harness's table. newsmon runs as its peers do: one `newsmon poll-once` process per poll, state in
the harness's state directory. All fixture feeds share one host (127.0.0.1), so the per-host politeness
limits are lifted through the environment for this run only (a real catalogue spans many hosts).

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--reps", default="1")
    parser.add_argument("--peers", default="none", help="built-in peers to run beside newsmon (default none)")
    parser.add_argument("--harness", type=Path, default=HARNESS)
    parser.add_argument("--python", default="/tmp/pollbench/venv/bin/python", help="the harness's venv")
    parser.add_argument("--timeout", default="900")
    args, rest = parser.parse_known_args()
    peer = f"newsmon={NEWSMON} poll-once --feeds {{urls}} --state-dir {{state}} --allow-private"
    command = [args.python, str(args.harness / "run_peers.py"), "--sizes", args.sizes, "--reps", args.reps,
               "--peers", args.peers, "--timeout", args.timeout, "--peer", peer, *rest]  # fmt: skip
    print(" ".join(command), flush=True)
    return subprocess.call(command, cwd=args.harness, env={**os.environ, **BENCH_ENV})


if __name__ == "__main__":
    sys.exit(main())
