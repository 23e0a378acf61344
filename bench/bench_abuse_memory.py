"""Benchmark the memory of the service with its query workers under the security review's attacks.

One run, on the real service (``python -m api``, default settings, a write token) over ``seeds/``.
A sampler sums the resident memory (RSS) of the server and every process it started, every
20 ms. Baseline: the idle service after one query (workers started). Then the attacks of issue
18, six at a time: 24 runaway queries, query texts just under and over ``max_query_bytes``
(1 MB), a 9 MB string literal, 30 doublings of a string (past the worker heap limit), a 16 MiB
answer value, 20,000 nested brackets after an escaped name, JSON nested 100k deep, a lone
surrogate, a 10 MB URL, an article ingested over HTTP (loads the extractor), then schemathesis
over every operation of ``/openapi.json``. Every answer must be below 500, or a 503 problem.

Last line: ``BENCH abuse_memory ratio=<attack peak / idle peak> peak_mb=... idle_mb=...
ceiling_mb=2048 errors_5xx=<n> answers=<n>`` (target: peak_mb <= ceiling_mb, errors_5xx = 0;
503 is the limits' answer and is counted apart).

Usage: python bench/bench_abuse_memory.py [--examples N]
"""

from __future__ import annotations

import argparse
import secrets
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from seeded_service import seeded_service

TOKEN = secrets.token_hex(16)
CEILING_MB = 2048
JSON = {"Accept": "application/sparql-results+json"}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MiB (Linux /proc).

    A child that still has its parent's command line is a worker being started, between the fork
    (``subprocess`` uses vfork: the parent's own memory) and the exec: its RSS is its parent's pages,
    not memory of its own, so it is not counted. Counted, it added the whole server (264-268 MB) to
    the peak whenever a sample fell in that gap, more often the busier the machine.
    """
    total, todo = 0, [(pid, b"")]
    while todo:
        current, parent_command = todo.pop()
        try:
            command = Path(f"/proc/{current}/cmdline").read_bytes()
            if command == parent_command:
                continue
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend((int(c), command) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return total / 1024


class Sampler:
    """Samples ``tree_rss_mb`` in the background; ``peak`` is the highest seen since ``reset``."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._running = pid, 0.0, True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def reset(self) -> None:
        """Forget the peak so far."""
        self.peak = 0.0

    def stop(self) -> None:
        """Stop sampling."""
        self._running = False
        self._thread.join()

    def _run(self) -> None:
        while self._running:
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            time.sleep(0.02)


def attacks(url: str) -> list[tuple[str, dict]]:
    """(method, requests keyword arguments) of every attack request."""
    doubling = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(30))
    values = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(24))
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    sparql = url + "/sparql"
    found = [("post", {"url": sparql, "data": {"query": runaway}, "headers": JSON})] * 24
    found += [("post", {"url": sparql, "data": {"query": "SELECT * { ?s ?p ?o } #" + "x" * 990_000},
                        "headers": JSON})] * 6
    found += [("post", {"url": sparql, "data": {"query": "SELECT * { ?s ?p '" + "x" * 9_000_000 + "' }"},
                        "headers": JSON})] * 2
    found += [
        ("post", {"url": sparql, "data": {"query": f"SELECT ?v30 {{ BIND('xxxxxxxx' AS ?v0) {doubling} }}"},
                  "headers": JSON}),
        ("post", {"url": sparql, "data": {"query": f"SELECT ?v24 {{ BIND('x' AS ?v0) {values} }}"}, "headers": JSON}),
        ("post", {"url": sparql, "headers": AUTH, "data": {
            "update": "PREFIX ex: <http://e/> INSERT { ex:a ex:b ex:c } WHERE { ex:a\\# \n" + "{" * 20000 + "}" * 20000
            + " }"}}),
        ("post", {"url": url + "/api/documents", "headers": {**AUTH, "Content-Type": "application/json"},
                  "data": ('{"text": ' + "[" * 100_000 + "]" * 100_000 + ', "published": "2024-01-02"}').encode()}),
        ("post", {"url": url + "/api/documents", "headers": {**AUTH, "Content-Type": "application/json"},
                  "data": b'{"text": "Gunmen killed two \\ud800 villagers.", "published": "2024-01-02"}'}),
        ("get", {"url": url + "/api/actors", "params": {"q": "x" * 10_100_000}}),
        ("post", {"url": url + "/api/documents", "headers": AUTH, "json": {
            "id": "bench-abuse", "published": "2024-03-02",
            "text": "Gunmen killed five soldiers in an attack on an army post near Gao, Mali, on Friday, "
                    "the army said."}}),
    ]
    return found


def send(session: requests.Session, method: str, arguments: dict) -> int:
    """Send one request; return its status."""
    return session.request(method, timeout=180, **arguments).status_code


def schemathesis_statuses(url: str, examples: int) -> list[int]:
    """Statuses of schemathesis' generated requests over every operation."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    statuses: list[int] = []
    schema = schemathesis.openapi.from_url(url + "/openapi.json")
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def call(case) -> None:
            statuses.append(case.call(timeout=60).status_code)

        call()
    return statuses


def main(argv: list[str] | None = None) -> int:
    """Measure the idle and the attacked service and print the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=25, help="schemathesis examples per operation")
    args = parser.parse_args(argv)
    with seeded_service(5900 + int(time.time()) % 90, CONFLICTKG_WRITE_TOKEN=TOKEN) as (url, process):
        sampler = Sampler(process.pid)
        requests.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON, timeout=60)
        time.sleep(2)
        idle = sampler.peak
        sampler.reset()
        session = requests.Session()
        with ThreadPoolExecutor(6) as pool:
            statuses = list(pool.map(lambda a: send(session, *a), attacks(url)))
        statuses += schemathesis_statuses(url, args.examples)
        sampler.stop()
        peak = sampler.peak
    errors = sum(s >= 500 and s != 503 for s in statuses)
    limited = sum(s == 503 for s in statuses)
    print(f"idle {idle:.0f} MB; under attack peak {peak:.0f} MB (ceiling {CEILING_MB} MB); "
          f"{len(statuses)} answers, {limited} x 503 (limits), {errors} other 5xx")
    print(f"BENCH abuse_memory ratio={peak / idle:.2f} peak_mb={peak:.0f} idle_mb={idle:.0f} ceiling_mb={CEILING_MB} "
          f"errors_5xx={errors} answers={len(statuses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
