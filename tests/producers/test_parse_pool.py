"""The parse pool starts its processes at the first job, not when it is opened (a warm poll parses nothing)."""

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from newsmon.config import PollSettings
from producers.pool import open_parse_pool

ROOT = Path(__file__).resolve().parent.parent.parent

# Run in a fresh interpreter: the resource tracker and the forkserver are per-process singletons that an earlier
# test in this process may have started already.
PROBE = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path

    from newsmon.config import PollSettings
    from producers.pool import open_parse_pool

    def children():
        me = str(os.getpid())
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and (entry / "stat").read_text().rsplit(")", 1)[1].split()[1] == me:
                    found.append(int(entry.name))
            except (OSError, IndexError):
                continue
        return found

    with open_parse_pool(PollSettings(parse_processes=2)) as pool:
        opened = {"children": children(), "multiprocessing": "multiprocessing" in sys.modules}
        result = pool.submit(sum, [1, 2, 3]).result(timeout=60)
        used = {"children": len(children()), "result": result}
    print(json.dumps({"opened": opened, "used": used}))
""")


def test_an_opened_parse_pool_starts_no_process_until_its_first_job():
    probe = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout.strip().splitlines()[-1])
    assert report["opened"] == {"children": [], "multiprocessing": False}
    assert report["used"]["result"] == 6
    assert report["used"]["children"] >= 1  # the pool's processes (and the forkserver) once a job came


def test_a_parse_pool_whose_worker_died_starts_a_new_one_for_the_next_job():
    # A parse worker killed (the OOM killer, a crash in the parser's C code) broke the pool for good: every later
    # job raised BrokenProcessPool, so every poll counted as a feed failure until the poller was restarted.
    with open_parse_pool(PollSettings(parse_processes=1)) as pool:
        assert pool is not None
        assert pool.submit(sum, [1, 2]).result(timeout=60) == 3
        with pytest.raises(BrokenProcessPool):
            pool.submit(os._exit, 1).result(timeout=60)  # the job in flight when its worker dies fails
        assert pool.submit(sum, [3, 4]).result(timeout=60) == 7
        assert pool.submit(sum, [5, 6]).result(timeout=60) == 11
