"""bench/bench_abuse_memory.py's sampler: a child that has not exec'd yet is its parent's memory, not counted twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_abuse_memory import tree_rss_mb  # noqa: E402

# A parent holding 100 MiB, with a child that ran another program and a forked copy that never execs.
PARENT = """
import os, subprocess, sys, time
ballast = bytearray(100 * 2**20)
for i in range(0, len(ballast), 4096):
    ballast[i] = 1
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
if FORK and os.fork() == 0:
    time.sleep(120)
    os._exit(0)
time.sleep(1)
print("ready", flush=True)
time.sleep(120)
"""


def own_rss_mb(pid: int) -> float:
    """Resident memory of one process, in MiB."""
    line = next(x for x in Path(f"/proc/{pid}/status").read_text().splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


@pytest.mark.parametrize("fork", [True, False])
def test_the_tree_counts_each_program_once(fork):
    parent = subprocess.Popen([sys.executable, "-c", f"FORK = {fork}\n{PARENT}"], stdout=subprocess.PIPE,
                              text=True, start_new_session=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        own, total = own_rss_mb(parent.pid), tree_rss_mb(parent.pid)
        assert own > 100
        assert own + 3 < total < own + 50  # the other program's few MB; the forked copy's 100 MiB are the parent's
    finally:
        os.killpg(parent.pid, signal.SIGKILL)
        parent.wait()
