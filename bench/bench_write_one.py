"""Benchmark writing one document into a large store, as the service's ``POST /api/documents`` does after extraction.

One run: the synthetic corpus of ``bench_ingest.py`` (actors, places and incidents that recur
across documents) is written into two stores through the one write path as an ingest writes it
(untimed): a large store (``--docs`` documents, default 10,000) and the baseline, a small store of
the corpus's first 100 documents. Then each of the next ``--writes`` documents of the corpus is
written into both, one document per call, as the service writes it
(``graph.ingest.write_documents``, atomic: one transaction, then linked to the stored events that
can match and reconciled), alternating between the stores so a noisy spell hits both. A write
should cost what its document touches, not what the store holds: the ratio stays near 1.

Last line: ``BENCH write_one ratio=<median ms, large store / median ms, small store> large_ms=... small_ms=...
docs=...``

Usage: python bench/bench_write_one.py [--docs 10000] [--writes 30]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ingest import BASE, corpus  # noqa: E402

from graph.distributed import build_result  # noqa: E402
from graph.ingest import write_documents  # noqa: E402
from graph.store import Store  # noqa: E402

SMALL = 100  # documents in the baseline store


def filled(path: str, documents: int) -> Store:
    """A store holding the corpus's first ``documents`` documents, written as an ingest writes them."""
    store = Store(path)
    write_documents(store, (build_result(e, BASE, validate=False) for e in itertools.islice(corpus(), documents)),
                    BASE, atomic=False)
    return store


def main() -> int:
    """Run the benchmark; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the large store (default 10,000)")
    parser.add_argument("--writes", type=int, default=30, help="documents written one by one into each (default 30)")
    args = parser.parse_args()
    if args.docs <= SMALL:
        sys.exit(f"error: --docs must be more than the baseline's {SMALL} documents")
    with tempfile.TemporaryDirectory(prefix="bench-write-one-") as tmp:
        stores = {"large": filled(f"{tmp}/large", args.docs), "small": filled(f"{tmp}/small", SMALL)}
        times: dict[str, list[float]] = {name: [] for name in stores}
        for extraction in itertools.islice(corpus(), args.docs, args.docs + args.writes):
            result = build_result(extraction, BASE, validate=False)
            for name, store in stores.items():
                started = time.perf_counter()
                write_documents(store, [result], BASE)
                times[name].append((time.perf_counter() - started) * 1000)
        for store in stores.values():
            store.close()
    large, small = (statistics.median(times[name]) for name in ("large", "small"))
    for name in ("large", "small"):
        print(f"{name}: median {statistics.median(times[name]):.1f} ms, max {max(times[name]):.1f} ms "
              f"over {len(times[name])} writes", file=sys.stderr)
    print(f"BENCH write_one ratio={large / small:.2f} large_ms={large:.1f} small_ms={small:.1f} docs={args.docs} "
          f"writes={args.writes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
