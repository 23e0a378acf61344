"""Benchmark the memory of the service with its query workers under the security review's attacks.

One run, on the real service (``python -m api``, default settings, a write token) over ``seeds/``.
A sampler sums the resident memory of the server and every process it started (an anonymous page
shared after a fork split among its sharers), every 20 ms. Baseline: the idle service after one
query (workers started). Then the attacks of issue 18, six at a time: 24 runaway queries, query
texts just under and over ``max_query_bytes`` (1 MB), a 9 MB string literal, 30 doublings of a
string (past the worker heap limit), a 16 MiB answer value, 20,000 nested brackets after an escaped
name, JSON nested 100k deep, a lone surrogate, a 10 MB URL, an article ingested over HTTP (loads
the extractor), then schemathesis over every operation of ``/openapi.json``. Every answer must be
below 500, or a 503 problem.

Last line: ``BENCH abuse_memory ratio=<attack peak / idle peak> peak_mb=... idle_mb=...
ceiling_mb=2048 errors_5xx=<n> answers=<n>`` (target: peak_mb <= ceiling_mb, errors_5xx = 0;
503 is the limits' answer and is counted apart).

Usage: python bench/bench_abuse_memory.py [--examples N]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import platform
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


KCMP_VM = 1
SYS_KCMP = {"x86_64": 312, "aarch64": 272}  # kcmp(2) has no wrapper in glibc nor in ``os``
KCMP = SYS_KCMP.get(platform.machine())  # None elsewhere: the check is skipped (``kcmp_note``)
LIBC = ctypes.CDLL(None, use_errno=True)


def shares_memory(pid: int, other: int, kcmp: int | None = KCMP) -> bool:
    """Whether two processes have one address space (kcmp(2)), as a vfork child has before its exec.

    Without kcmp's syscall number for this machine (``kcmp`` None), False: every process counts.
    """
    if kcmp is None:
        return False
    found = LIBC.syscall(kcmp, pid, other, KCMP_VM, 0, 0)
    if found < 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number))
    return found == 0


def kcmp_note(machine: str = platform.machine()) -> str:
    """The line that says the kcmp check is skipped on ``machine`` (no syscall number known), else ''."""
    if machine in SYS_KCMP:
        return ""
    return (f"kcmp check skipped: no kcmp(2) syscall number for {machine!r} (known: {', '.join(SYS_KCMP)}); "
            "a vfork child caught before its exec counts its parent's memory a second time")


def children(pid: int) -> list[int]:
    """The processes that ``pid``'s threads started (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # a thread that just ended
            found += map(int, (task / "children").read_text().split())
    return found


def own_kb(pid: int) -> int:
    """Resident memory of ``pid`` in KiB, each anonymous page split among the processes sharing it.

    A forked child shares its parent's anonymous pages until either writes them: Pss_Anon gives each
    its share, so they count once. File pages (libraries) stay counted in full: their Pss would fall
    with every other program on the machine that maps the same library, not with the service.
    """
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":")
        fields[name] = int(value.split()[0])
    return fields.get("Rss", 0) - fields.get("Anonymous", 0) + fields.get("Pss_Anon", 0)  # none for a zombie


def tree_mb(pid: int) -> float:
    """Memory of ``pid`` and all its descendants, in MiB (``own_kb`` of each, Linux /proc).

    Every process is walked and counted, a fork that never execs and everything under it too, but
    for a vfork child before its exec (``subprocess``'s way of starting a program): it runs in its
    parent's address space and shows all of it, parent's own anonymous pages included, so counting
    it would put the parent in twice.
    """
    total, todo = 0, [(pid, 0)]
    while todo:
        current, parent = todo.pop()
        try:
            todo.extend((child, current) for child in children(current))
        except (FileNotFoundError, ProcessLookupError):
            continue  # ended since its parent listed it; its children went to init
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            if not (parent and shares_memory(current, parent)):
                total += own_kb(current)
    return total / 1024


class Sampler:
    """Samples ``tree_mb`` in the background; ``peak`` is the highest seen since ``reset``."""

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
            self.peak = max(self.peak, tree_mb(self.pid))
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
    if note := kcmp_note():
        print(note, flush=True)
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
          f"errors_5xx={errors} answers={len(statuses)}" + ("" if KCMP else " kcmp=skipped"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
