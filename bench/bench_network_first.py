"""The ``/network`` default view's first visit after the service starts, on a big store: built ahead or not.

For each sample the real service (``python -m api``) is started on ``--store`` (a store of ``python
bench/corpus.py N --store DIR``), asked what ``bench_corpus_big.py`` asks before its network visit (an event
lookup, the busiest actor's page), then ``/network`` is opened in headless Chromium until interactive
(``bench_network.py``'s measure), a first visit and a second (the view kept); the service is stopped. Samples
alternate the setting ``network_ahead`` (1: the view is built in the background from the start, ``api/ahead.py``;
0: the first visit builds it), so both sides see the same moments of a shared machine. Also printed: the
page's ``start`` mark (the HTML's arrival: mostly the server's build on a first visit) and the two cold
requests before it (the build ahead runs beside them).

    .venv/bin/python bench/bench_network_first.py --store DIR [--samples 3]

Last line: ``BENCH network_first ratio=<ahead median s / not-ahead median s> ahead_s=<median> off_s=<median>
ahead_max_s=... off_max_s=... target_s=2 met=<ahead median <= 2> load1=...``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import route_ids, serve  # noqa: E402
from bench_corpus_big import NETWORK_PAGE_S, cold, network_page  # noqa: E402


def sample(store: Path, ids: dict[str, list[str]], ahead: bool) -> tuple[float, float, float, float]:
    """One start of the service: (event lookup ms, busiest page ms, first visit s, second visit s)."""
    os.environ["CONFLICTKG_NETWORK_AHEAD"] = "1" if ahead else "0"
    process, url = serve(store)
    try:
        lookup = cold(url, f"/api/events/{ids['events'][0]}")
        page = cold(url, f"/actors/{ids['actors'][0]}")
        first, again = network_page(url)
        return lookup, page, first, again
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    """Alternate samples with the view built ahead and not; print each, the medians and the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store of python bench/corpus.py N --store DIR")
    parser.add_argument("--samples", type=int, default=3, help="service starts of each side")
    args = parser.parse_args()
    ids = route_ids(args.store)
    firsts: dict[bool, list[float]] = {True: [], False: []}
    for n in range(args.samples):
        for ahead in (False, True):
            lookup, page, first, again = sample(args.store, ids, ahead)
            firsts[ahead].append(first)
            print(f"sample {n} ahead={int(ahead)}: event lookup {lookup:.0f} ms, busiest page {page:.0f} ms, "
                  f"/network first {first:.2f} s, again {again:.2f} s", flush=True)
    on, off = statistics.median(firsts[True]), statistics.median(firsts[False])
    print(f"BENCH network_first ratio={on / off:.3f} ahead_s={on:.2f} off_s={off:.2f} "
          f"ahead_max_s={max(firsts[True]):.2f} off_max_s={max(firsts[False]):.2f} target_s={NETWORK_PAGE_S:g} "
          f"met={'yes' if on <= NETWORK_PAGE_S else 'no'} load1={os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
