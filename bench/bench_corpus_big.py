"""Benchmark the reads of a big store of the realistic corpus against issue 11's 100,000-document targets.

Serves a store built by ``python bench/corpus.py N --store DIR`` with the real service
(``python -m api``, waitress) and measures:

1. Cold, one request at a time: the busiest actor's page (``/actors/<id>``, target 1 s); the
   ``/network`` default view in headless Chromium until interactive (``bench_network.py``'s
   measure), first visit (the server builds the view) and second (kept until the next write),
   target 2 s; then every route once.
2. Warm, ``--clients`` threads sending bench_corpus.py's route mix for ``--seconds`` (the REST
   cache on, as in production; ids drawn from hundreds of entities) plus ``/-/health``, the
   baseline: the same server and load with no graph read at all. p99 per route class against its
   target: entity lookups 100 ms, lists and search 300 ms, entity pages 1 s, ``/-/stats`` 100 ms,
   network 2 s; errors (any answer but 200, the first pass included); the service's peak memory
   with its workers (1.5 GB).
3. The service's CPU per request of each route class (its read workers included), its routes asked
   ``--cpu-requests`` times each one at a time after the load, at URLs the load mostly did not ask:
   under 16 clients on 2 cores every p99, ``/-/health``'s too, is mostly waiting behind the CPU the other
   requests burn, so this says which classes to make cheaper.

Last line: ``BENCH corpus_big ratio=<worst class p99 / its target> health_p99_ms=<baseline> lookups_p99_ms=...
lists_p99_ms=... pages_p99_ms=... stats_p99_ms=... network_p99_ms=... busiest_page_ms=... network_page_s=...
rss_mb=... cpu_ms=<class>:<ms per request>,... met=...`` (``ratio`` <= 1.0: every class and cold measure within its
target).

Usage: python bench/bench_corpus_big.py --store DIR [--seconds 30] [--clients 16] [--cpu-requests 50]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import cpu_seconds, document_count, load, p99, peak_mb, route_ids, routes, serve  # noqa: E402
from bench_network import ARGS, CHROMIUM, READY, time_to_interactive  # noqa: E402

# route class -> (target p99 ms, routes of bench_corpus.routes in it)
CLASSES = {
    "lookups": (100, ("/api/actors/<id>", "busiest actor", "/api/places/<id>", "/api/events/<id>",
                      "/api/documents/<id>", "/id/actor/<id>", "/id/event/<id> turtle")),
    "lists": (300, ("/api/actors", "/api/actors?kind", "/api/actors?q", "/api/places", "/api/events",
                    "/api/events?actor", "/api/events?type&from", "/api/documents", "/api/search",
                    "/events", "/events.json?type&from", "/events?actor_id", "/documents", "/actors",
                    "/places?sort=name")),
    "pages": (1000, ("/actors/<id>", "/places/<id>", "/events/<id>")),
    "stats": (100, ("/-/stats",)),
    "network": (2000, ("/network", "/network/data.json")),
}
BUSIEST_PAGE_MS, NETWORK_PAGE_S, MEMORY_MB = 1000, 2.0, 1500
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")  # /proc counts CPU time in clock ticks (10 ms at 100 Hz)


def cold(url: str, path: str) -> float:
    """Milliseconds of one request; raises when it is not answered with 200."""
    started = time.perf_counter()
    response = requests.get(url + path, timeout=120)
    response.raise_for_status()
    return (time.perf_counter() - started) * 1000


def cpu_per_class(pid: int, url: str, mix: dict, per_route: int) -> tuple[dict[str, tuple[float, float]], int]:
    """The service's CPU milliseconds per request of each route class (and ``/-/health``) with the resolution of
    that figure (one clock tick over the class's requests), its routes asked ``per_route`` times each, one at a
    time, and how many answers were not 200 (none asked: an empty dict)."""
    session, found, errors = requests.Session(), {}, 0
    for name, members in [*((name, members) for name, (_, members) in CLASSES.items()), ("health", ("/-/health",))]:
        before = cpu_seconds(pid)
        for member in members:
            for _ in range(per_route):
                errors += session.get(url + mix[member](), timeout=120).status_code != 200
        if per_route:
            asked = len(members) * per_route
            found[name] = ((cpu_seconds(pid) - before) * 1000 / asked, TICK_MS / asked)
    return found, errors


def network_page(url: str) -> tuple[float, float]:
    """Seconds until ``/network`` is interactive in headless Chromium: first visit, then second."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            first = time_to_interactive(browser, url + "/network", READY["ours"], 60)
            return first, time_to_interactive(browser, url + "/network", READY["ours"], 60)
        finally:
            browser.close()


def main() -> None:
    """Serve the store, time the cold reads, load every route class; print the table and the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store of python bench/corpus.py N --store DIR")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--cpu-requests", type=int, default=50, help="requests per route of the CPU per class pass "
                        "after the load (0: no pass); a class's figure is good to one clock tick over its requests")
    args = parser.parse_args()
    documents, ids = document_count(args.store), route_ids(args.store)
    process, url = serve(args.store)
    try:
        cold(url, f"/api/events/{ids['events'][0]}")  # the service's read workers start on its first read
        busiest_page = cold(url, f"/actors/{ids['actors'][0]}")
        network_first, network_again = network_page(url)
        mix = {**routes(ids, random.Random(5)), "/-/health": lambda: "/-/health"}
        # every route once, as a first visitor would (the network page is then kept); a failure counts as an error
        cold_errors = sum(requests.get(url + path(), timeout=120).status_code != 200 for path in mix.values())
        cpu = cpu_seconds(process.pid)
        timings = load(url, mix, args.clients, args.seconds)
        cpu, rss = cpu_seconds(process.pid) - cpu, peak_mb(process.pid)
        fresh = {**routes(ids, random.Random(11)), "/-/health": mix["/-/health"]}  # new URLs, as the load's first
        per_class, cpu_errors = cpu_per_class(process.pid, url, fresh, args.cpu_requests)
    finally:
        process.terminate()
        process.wait(timeout=30)
    errors = cold_errors + cpu_errors + sum(1 for values in timings.values() for v in values if v < 0)
    done = sum(len(values) for values in timings.values())
    good = {name: [v for v in values if v >= 0] for name, values in timings.items()}
    print(f"{'route':26} {'n':>6} {'p99 ms':>8} {'errors':>6}")
    for name, values in good.items():
        print(f"{name:26} {len(timings[name]):6d} {p99(values):8.1f} {len(timings[name]) - len(values):6d}")
    fields, worst = [], max(busiest_page / BUSIEST_PAGE_MS, network_first / NETWORK_PAGE_S)
    for name, (target, members) in CLASSES.items():
        class_p99 = p99([v for member in members for v in good[member]])
        worst = max(worst, class_p99 / target)
        fields.append(f"{name}_p99_ms={class_p99:.1f}")
    met = worst <= 1.0 and errors == 0 and rss <= MEMORY_MB
    print(f"cold: busiest actor's page {busiest_page:.0f} ms; /network interactive in Chromium {network_first:.2f} s "
          f"(again {network_again:.2f} s); {documents} documents; server CPU {cpu * 1000 / max(1, done):.2f} ms per "
          "request")
    spent = ",".join(f"{name}:{ms:.1f}" for name, (ms, _) in per_class.items())
    print("server CPU per request, one at a time after the load (ms, +- one clock tick over the class's requests): "
          + " ".join(f"{name}:{ms:.1f}+-{tick:.2f}" for name, (ms, tick) in per_class.items()))
    print(f"BENCH corpus_big ratio={worst:.3f} health_p99_ms={p99(good['/-/health']):.1f} {' '.join(fields)} "
          f"busiest_page_ms={busiest_page:.0f} network_page_s={network_first:.2f} docs={documents} requests={done} "
          f"errors={errors} rss_mb={rss:.0f} clients={args.clients} cpu_ms={spent or '-'} met={'yes' if met else 'no'}")


if __name__ == "__main__":
    main()
