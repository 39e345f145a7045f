"""The poller stage alone at N feeds: cold, warm and changed polls against the peer harness's fixture server.

Measures fetch + parse + relevance + outbox/feed-state commit + publish to the embedded broker, without the
dedupe stage (which `newsmon poll-once` also waits for). Prints one line per poll and a Markdown table.

    python bench/poll_stage.py --feeds 1000 [--parse-processes 2] [--port 18090]
"""

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from newsmon.cli.pipeline import open_pipeline, register_catalogue
from newsmon.cli.poll_once import poll_once_settings
from newsmon.logging import configure_logging
from producers.catalogue import load_catalogue

HARNESS = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "poll"
BENCH_POLL = {"per_host_concurrency": 64, "per_host_min_gap_s": 0.0, "concurrency": 64}


async def one_poll(state: Path, urls_file: Path, parse_processes: int) -> dict[str, float]:
    settings = poll_once_settings(None, state, allow_private=True, parse_processes=parse_processes, **BENCH_POLL)
    specs = load_catalogue(urls_file)
    started, cpu = time.perf_counter(), time.process_time()
    async with open_pipeline(settings, stages=()) as pipeline:
        opened = time.perf_counter()
        urls = await register_catalogue(pipeline.store, specs)
        reports = await pipeline.poller.poll_due(urls, everything=True)
        polled = time.perf_counter()
    return {"open_s": opened - started, "poll_s": polled - opened, "total_s": time.perf_counter() - started,
            "main_cpu_s": time.process_time() - cpu, "new": sum(r.items_new for r in reports),
            "errors": sum(r.status == "error" for r in reports),
            "not_modified": sum(r.status == "not_modified" for r in reports)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--parse-processes", type=int, default=2)
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--server-python", default="/tmp/pollbench/venv/bin/python")
    args = parser.parse_args()
    configure_logging("warning")
    base = f"http://127.0.0.1:{args.port}"
    fixture = [
        args.server_python,
        str(HARNESS / "fixture_server.py"),
        "--feeds",
        str(args.feeds),
        "--port",
        str(args.port),
    ]
    server = subprocess.Popen(fixture, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="poll_stage_"))
    try:
        for _ in range(600):
            try:
                (work / "urls.txt").write_bytes(urllib.request.urlopen(f"{base}/urls.txt", timeout=1).read())
                break
            except OSError:
                time.sleep(0.1)
        rows = []
        for phase in ("cold", "warm", "changed"):
            if phase == "changed":
                urllib.request.urlopen(urllib.request.Request(f"{base}/control/advance?fraction=0.1", method="POST"))
            figures = asyncio.run(one_poll(work / "state", work / "urls.txt", args.parse_processes))
            row: dict[str, Any] = {"phase": phase, **figures}
            rows.append(row)
            print({k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}, flush=True)
        print(f"\nN={args.feeds}, parse_processes={args.parse_processes} (main CPU excludes the parse workers)\n")
        print(
            "| phase | poll s | open+close s | main CPU s | new items | 304 | errors |\n|---|---|---|---|---|---|---|"
        )
        for r in rows:
            print(f"| {r['phase']} | {r['poll_s']:.2f} | {r['total_s'] - r['poll_s']:.2f} | {r['main_cpu_s']:.2f} | "
                  f"{r['new']} | {r['not_modified']} | {r['errors']} |")  # fmt: skip
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
