"""Benchmark a daily batch ingest into a store that already holds many reports on the same actors and places.

One run: the realistic corpus (``bench/corpus.py``: real texts extracted once, replicated as
stories of 1-4 reports with new ids and dates, so actors and places recur as they do in news)
is written, untimed, into two stores through the one write path: the baseline, a small store of
the corpus's first ``--small`` documents (default 500), and a big store of its first
``--small`` x ``--factor`` documents (default 10x). Then the next ``--batch`` documents of the
corpus (default 200: new stories on the same actors and places) are written as one batch
(``graph.ingest.write_documents``, as ``python -m graph ingest`` writes them) into a fresh copy of
each store, ``--rounds`` times, alternating the stores so a noisy spell hits both; the least
wall time and the least CPU time of each count, taken separately (noise on a shared machine only
adds). A batch should cost what it touches, not what the store holds: the ratio stays near 1.

Last line: ``BENCH ingest_grow ratio=<batch s into big store / batch s into small store>
cpu_ratio=<same, process CPU> big_s=... small_s=... big_cpu_s=... small_cpu_s=... small_docs=... big_docs=...
batch=...``

Usage: python bench/bench_ingest_grow.py [--small 500] [--factor 10] [--batch 200] [--rounds 5]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import BASE, extractions, replicate  # noqa: E402

from graph.distributed import DocumentResult, build_result  # noqa: E402
from graph.ingest import write_documents  # noqa: E402
from graph.store import Store  # noqa: E402


def written(path: str, results: list[DocumentResult]) -> tuple[float, float]:
    """Write ``results`` into the store at ``path`` as one batch; return (wall s, process CPU s) of the write."""
    store = Store(path)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        write_documents(store, iter(results), BASE, atomic=False)
        store.flush()
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        store.close()


def main() -> int:
    """Build both stores, time the batch into copies of each; print the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=500, help="documents in the baseline store (default 500)")
    parser.add_argument("--factor", type=int, default=10, help="the big store holds this many times more (default 10)")
    parser.add_argument("--batch", type=int, default=200, help="documents in the timed batch (default 200)")
    parser.add_argument("--rounds", type=int, default=5, help="timed writes into each store (default 5)")
    args = parser.parse_args()
    if min(args.small, args.batch, args.rounds) < 1 or args.factor < 2:
        sys.exit("error: --small, --batch and --rounds must be at least 1, --factor at least 2")
    big = args.small * args.factor
    documents = [build_result(e, BASE, validate=False) for e in replicate(extractions(), big + args.batch)]
    batch = documents[big:]
    best: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-grow-") as tmp:
        for name, size in (("small", args.small), ("big", big)):
            written(f"{tmp}/{name}", documents[:size])
        for _, name in itertools.product(range(args.rounds), ("small", "big")):
            shutil.copytree(f"{tmp}/{name}", f"{tmp}/copy")
            wall, cpu = written(f"{tmp}/copy", batch)
            shutil.rmtree(f"{tmp}/copy")
            print(f"{name:5} store: batch of {len(batch)} written in {wall:.2f} s ({cpu:.2f} s CPU)", flush=True)
            least_wall, least_cpu = best.get(name, (wall, cpu))
            best[name] = (min(least_wall, wall), min(least_cpu, cpu))
    (big_s, big_cpu), (small_s, small_cpu) = best["big"], best["small"]
    print(f"BENCH ingest_grow ratio={big_s / small_s:.3f} cpu_ratio={big_cpu / small_cpu:.3f} big_s={big_s:.2f} "
          f"small_s={small_s:.2f} big_cpu_s={big_cpu:.2f} small_cpu_s={small_cpu:.2f} small_docs={args.small} "
          f"big_docs={big} batch={len(batch)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
