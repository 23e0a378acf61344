"""Benchmark the service under 24 concurrent runaway SPARQL queries: does everything else still answer?

One run, on the real service (``python -m api``, default settings) over ``seeds/``:

1. Baseline: the idle service. Two client threads poll ``/-/health`` and REST lookups
   (``/api/actors/<id>``, ``/api/places/<id>``) for ``--seconds``; their p99 latencies.
2. Overload: the same polling while 24 clients each send one runaway query (a four-way
   cartesian product with COUNT, which no worker finishes) at once. Every runaway must get a 503
   problem: the 4 that find a worker at the time limit (``query_timeout_ms``), the rest at once
   (no free worker).

Last line: ``BENCH overload ratio=<health p99 loaded / idle> health_p99_ms=... rest_p99_ms=...
runaways_503=<n>/24 runaway_max_s=... limit_s=...`` (targets: health p99 <= 100 ms, REST p99 <=
500 ms, 24/24 runaways answered 503 within the limit).

Usage: python bench/bench_overload.py [--seconds S] [--runaways N]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time

import requests
from seeded_service import seeded_service

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT_MS = 10_000  # the service's default query_timeout_ms


def p99(values: list[float]) -> float:
    """The 99th percentile (nearest rank) of ``values``, in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def poll(url: str, paths: list[str], seconds: float) -> tuple[list[float], int]:
    """GET ``paths`` in turn for ``seconds``; return the latencies and the count of non-200 answers."""
    session, latencies, errors = requests.Session(), [], 0
    deadline, i = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        started = time.perf_counter()
        answer = session.get(url + paths[i % len(paths)], timeout=60)
        latencies.append(time.perf_counter() - started)
        errors += answer.status_code != 200
        i += 1
    return latencies, errors


def measure(url: str, rest_paths: list[str], seconds: float) -> dict[str, tuple[list[float], int]]:
    """Poll health and REST on two threads at once for ``seconds``."""
    results: dict[str, tuple[list[float], int]] = {}
    threads = [threading.Thread(target=lambda n=name, p=paths: results.__setitem__(n, poll(url, p, seconds)))
               for name, paths in (("health", ["/-/health"]), ("rest", rest_paths))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def runaway(url: str, outcomes: list[tuple[int, float, str]]) -> None:
    """Send one runaway query; record (status, seconds, Retry-After)."""
    started = time.perf_counter()
    answer = requests.post(url + "/sparql", data={"query": RUNAWAY}, timeout=120,
                           headers={"Accept": "application/sparql-results+json"})
    outcomes.append((answer.status_code, time.perf_counter() - started, answer.headers.get("Retry-After", "")))


def main(argv: list[str] | None = None) -> int:
    """Run both phases and print the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12.0, help="polling time of each phase")
    parser.add_argument("--runaways", type=int, default=24, help="concurrent runaway queries")
    args = parser.parse_args(argv)
    with seeded_service(5400 + int(time.time()) % 500) as (url, _):
        actors = requests.get(url + "/api/actors", params={"limit": 3}, timeout=60).json()["actors"]
        places = requests.get(url + "/api/places", params={"limit": 3}, timeout=60).json()["places"]
        rest = [f"/api/actors/{a['id']}" for a in actors] + [f"/api/places/{p['id']}" for p in places]
        requests.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)  # workers up
        idle = measure(url, rest, args.seconds / 2)
        outcomes: list[tuple[int, float, str]] = []
        senders = [threading.Thread(target=runaway, args=(url, outcomes)) for _ in range(args.runaways)]
        for sender in senders:
            sender.start()
        loaded = measure(url, rest, args.seconds)
        for sender in senders:
            sender.join()
    refused = sum(status == 503 for status, _, _ in outcomes)
    longest = max(seconds for _, seconds, _ in outcomes)
    errors = loaded["health"][1] + loaded["rest"][1]
    print(f"idle: health p99 {p99(idle['health'][0]):.1f} ms, REST p99 {p99(idle['rest'][0]):.1f} ms")
    print(f"loaded: health p99 {p99(loaded['health'][0]):.1f} ms over {len(loaded['health'][0])} calls, "
          f"REST p99 {p99(loaded['rest'][0]):.1f} ms over {len(loaded['rest'][0])} calls, {errors} errors")
    print(f"runaways: {refused}/{len(outcomes)} answered 503, "
          f"{sum(bool(r) for _, _, r in outcomes)} with Retry-After, slowest {longest:.2f} s")
    print(f"BENCH overload ratio={p99(loaded['health'][0]) / p99(idle['health'][0]):.2f} "
          f"health_p99_ms={p99(loaded['health'][0]):.1f} rest_p99_ms={p99(loaded['rest'][0]):.1f} "
          f"errors={errors} runaways_503={refused}/{len(outcomes)} runaway_max_s={longest:.2f} "
          f"limit_s={TIMEOUT_MS / 1000:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
