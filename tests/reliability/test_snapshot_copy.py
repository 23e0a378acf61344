"""A query worker copies a small store into memory within its heap limit, up to the size it is allowed to copy."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pyoxigraph as ox

from api.sparql_worker import memory_copy_max_quads

MEMORY_MB = 256
ROOT = __file__.rsplit("/tests/", 1)[0]


def test_the_largest_store_a_worker_may_copy_fits_in_its_heap(tmp_path):
    quads = memory_copy_max_quads(MEMORY_MB)
    store = ox.Store(str(tmp_path / "store"))
    label, graph = ox.NamedNode("https://example.org/label"), "https://example.org/d{}"
    store.bulk_extend(
        ox.Quad(ox.NamedNode(f"https://example.org/e{i}"), label,
                ox.Literal(f"an event label of usual length, number {i}"), ox.NamedNode(graph.format(i % 997)))
        for i in range(quads)
    )
    store.flush()
    del store
    snapshot = tmp_path / "snapshot"
    ox.Store(str(tmp_path / "store")).backup(str(snapshot))
    # The worker's own confinement (heap limit), then its Snapshot class, in a fresh process.
    script = textwrap.dedent(f"""
        import resource, sys, time
        sys.path.insert(0, {ROOT!r})
        from api.sparql_worker import Snapshot, memory_copy_max_quads
        resource.setrlimit(resource.RLIMIT_DATA, ({MEMORY_MB} << 20, {MEMORY_MB} << 20))
        snapshot = Snapshot({str(snapshot)!r}, memory_copy_max_quads({MEMORY_MB}))
        for _ in range(600):
            if snapshot.memory is not None:
                break
            time.sleep(0.1)
        print(len(snapshot.store), snapshot.memory is not None)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"RUST_BACKTRACE": "0", "PATH": ""})
    assert done.returncode == 0, done.stderr[-300:]
    assert done.stdout.split() == [str(quads), "True"]
