"""bench/bench_abuse_memory.py's sampler: every process of the tree is counted; a page shared by a fork once."""

from __future__ import annotations

import mmap
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_abuse_memory import KCMP, children, kcmp_note, shares_memory, tree_mb  # noqa: E402

# A parent holding 100 MiB of its own; each case below then starts its children.
PARENT = """
import os, subprocess, sys, time
def hold(mib):
    block = bytearray(mib * 2**20)
    for i in range(0, len(block), 4096):
        block[i] = 1
    return block
ballast = hold(100)
"""
# A forked child that never execs runs {}, then tells its parent it is done.
FORKED = """
reader, writer = os.pipe()
if os.fork() == 0:
    {}
    os.write(writer, b"x")
    time.sleep(120)
    os._exit(0)
os.read(reader, 1)
print("ready", flush=True)
time.sleep(120)
"""
HOLDER = "import time; block = bytearray(60 * 2**20); block[::4096] = b'x' * len(block[::4096]); " \
         "print('held', flush=True); time.sleep(120)"
# posix_spawn clones with the parent's address space (as vfork); opening the FIFO blocks it before its exec.
VFORKED = """
print("ready", flush=True)
os.posix_spawn(sys.executable, [sys.executable, "-c", "pass"], os.environ,
               file_actions=[(os.POSIX_SPAWN_OPEN, 3, sys.argv[1], os.O_RDONLY, 0)])
"""
# 40 MiB of a file that this test maps too: another program on the machine sharing a library's pages.
MAPPED = """
import mmap
pages = mmap.mmap(os.open(sys.argv[2], os.O_RDONLY), 0, prot=mmap.PROT_READ)
sum(pages[i] for i in range(0, len(pages), 4096))
print("ready", flush=True)
time.sleep(120)
"""
EXECED = """
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
print("ready", flush=True)
time.sleep(120)
"""

CASES = [  # (the children, lowest and highest MiB of the whole tree)
    pytest.param(EXECED, 100, 140, id="another program: its few MiB"),
    pytest.param(FORKED.format("pass"), 100, 140, id="a forked copy: the parent's pages, once"),
    pytest.param(FORKED.format("mine = hold(60)"), 160, 200, id="a forked child's own 60 MiB"),
    pytest.param(FORKED.format(f"grandchild = subprocess.Popen([sys.executable, '-c', {HOLDER!r}], "
                               "stdout=subprocess.PIPE); grandchild.stdout.readline()"),
                 160, 210, id="the 60 MiB of a forked child's child"),
    pytest.param(MAPPED, 140, 170, id="file pages in full, whoever else maps them"),
    pytest.param(VFORKED, 100, 140, id="vfork before exec: the parent's own address space, once"),
]


@pytest.mark.parametrize(("program", "low", "high"), CASES)
def test_the_tree_counts_every_process(program, low, high, tmp_path):
    fifo, library = tmp_path / "fifo", tmp_path / "library"
    os.mkfifo(fifo)
    library.write_bytes(b"x" * 40 * 2**20)
    with library.open("rb") as file:
        ours = mmap.mmap(file.fileno(), 0, prot=mmap.PROT_READ)
    assert sum(ours[i] for i in range(0, len(ours), 4096))
    parent = subprocess.Popen([sys.executable, "-c", PARENT + program, str(fifo), str(library)],
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 10
        while program == VFORKED and not children(parent.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert low < tree_mb(parent.pid) < high
    finally:
        os.killpg(parent.pid, signal.SIGKILL)
        parent.wait()
        ours.close()


@pytest.mark.parametrize(("machine", "skipped"), [("x86_64", False), ("aarch64", False), ("riscv64", True),
                                                  ("ppc64le", True)])
def test_the_kcmp_check_is_skipped_with_a_note_where_its_number_is_not_known(machine, skipped):
    note = kcmp_note(machine)
    assert bool(note) is skipped
    if skipped:
        assert note.startswith("kcmp check skipped") and repr(machine) in note


@pytest.mark.parametrize("kcmp", [KCMP, None])
def test_a_process_shares_its_memory_with_itself_only_where_kcmp_tells(kcmp):
    assert shares_memory(os.getpid(), os.getpid(), kcmp) is (kcmp is not None)
