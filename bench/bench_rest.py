"""Benchmark the REST lookups over a graph of 100k events: latency per lookup, then 16 concurrent clients.

One run: a synthetic graph in ConflictKG's shape (the predicates graph/build.py and graph/link
write: typed actors/places/events, roles + sem:hasActor, places, event-level dates and
fatalities, evidence nodes, prov:wasDerivedFrom to documents; one named graph per document)
from a fixed random seed, with actor activity skewed (a few actors are in tens of thousands of
events, as state forces are in ACLED) so the per-actor aggregates meet their worst case.

Phase 1, latency: each lookup is timed (a) through HTTP on the real service (``python -m api``,
waitress), first call (cold) and repeats (answered from the REST cache, emptied by writes), and
(b) in-process, first call through Flask's test client on a copy of the store (the baseline:
what the queries and JSON alone cost). Phase 2, load: 16 client threads send the lookup mix for
a fixed time; errors (any non-200), throughput and p99 are reported.

Last line: ``BENCH rest ratio=<HTTP cold mean / in-process cold mean> ... errors=<n> rps=<n> p99_ms=<n>``

Usage: python bench/bench_rest.py [--events N] [--seconds S] [--clients C]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = "https://conflictkg.org/id/"
CKG, SEM, SDO = "https://w3id.org/conflictkg/ontology#", "http://semanticweb.cs.vu.nl/2009/11/sem/", "https://schema.org/"
PROV, RDF_TYPE = "http://www.w3.org/ns/prov#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
GEO = "http://www.opengis.net/ont/geosparql#"
TYPES = {"Battles": ["Armed clash", "Government regains territory"],
         "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack"],
         "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
         "Protests": ["Peaceful protest"], "Riots": ["Mob violence"]}
EVENTS_PER_DOCUMENT = 8


def generate(events: int, seed: int = 11) -> list[ox.Quad]:
    """The synthetic graph: ``events`` events over ``events/8`` documents, 2,000 actors, 1,000 places."""
    rng = random.Random(seed)
    actors = [f"{BASE}actor/actor-{i}" for i in range(2000)]
    weights = [1 / (i + 1) for i in range(len(actors))]  # Zipf: actor-0 is in ~15% of events
    places = [f"{BASE}place/place-{i}" for i in range(1000)]
    quads: list[ox.Quad] = []
    meta = ox.NamedNode(f"{BASE}meta/events")
    for d in range(events // EVENTS_PER_DOCUMENT):
        graph, doc = ox.NamedNode(f"{BASE}graph/doc-{d}"), ox.NamedNode(f"{BASE}document/doc-{d}")

        def add(s, p, o, g=graph):
            quads.append(ox.Quad(ox.NamedNode(s) if isinstance(s, str) else s, ox.NamedNode(p), o, g))

        add(doc, RDF_TYPE, ox.NamedNode(CKG + "Document"))
        add(doc, SDO + "headline", ox.Literal(f"Report {d}"))
        add(doc, SDO + "datePublished", ox.Literal(f"{2010 + d % 15}-{1 + d % 12:02d}-{1 + d % 28:02d}"))
        seen = set()
        for e in range(EVENTS_PER_DOCUMENT):
            event = f"{BASE}event/doc-{d}-{e}"
            kind = rng.choice(list(TYPES))
            add(event, RDF_TYPE, ox.NamedNode(SEM + "Event"))
            add(event, CKG + "eventType", ox.Literal(kind))
            add(event, CKG + "subEventType", ox.Literal(rng.choice(TYPES[kind])))
            add(event, PROV + "wasDerivedFrom", doc)
            date = f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            add(event, SEM + "hasTimeStamp", ox.Literal(date), meta)
            add(event, CKG + "fatalities", ox.Literal(rng.randint(0, 30)), meta)
            place = rng.choice(places)
            add(event, SEM + "hasPlace", ox.NamedNode(place))
            seen.add(("place", place))
            for role, actor in zip(("actor1", "actor2"), rng.choices(actors, weights, k=2), strict=True):
                add(event, CKG + role, ox.NamedNode(actor))
                add(event, SEM + "hasActor", ox.NamedNode(actor))
                seen.add(("actor", actor))
            evidence = f"{event}/evidence"
            add(event, CKG + "evidence", ox.NamedNode(evidence))
            add(evidence, CKG + "text", ox.Literal(f"Sentence {e} of report {d} about {kind.lower()}."))
            add(evidence, CKG + "document", doc)
        for what, iri in sorted(seen):
            number = iri.rsplit("-", 1)[-1]
            add(iri, RDF_TYPE, ox.NamedNode(SEM + ("Actor" if what == "actor" else "Place")))
            add(iri, SDO + "name", ox.Literal(f"{what.title()} {number}"))
            add(iri, CKG + "kind", ox.Literal("armed_group" if what == "actor" else "town"))
            add(iri, PROV + "wasDerivedFrom", doc)
            if what == "place":
                add(iri, GEO + "hasGeometry", ox.NamedNode(iri + "/geometry"))
                add(iri + "/geometry", GEO + "asWKT", ox.Literal(f"POINT(36.{number} 35.{number})"))
    return quads


LOOKUPS = [
    "/api/actors/actor-0", "/api/actors/actor-1500", "/api/places/place-7", "/api/events/doc-42-3",
    "/api/documents/doc-99", "/api/actors?q=actor 12&limit=20", "/api/places?limit=50&offset=500",
    "/api/events?limit=50", "/api/events?actor=actor-3&limit=50", "/api/events?from=2015-03&to=2015-04&limit=50",
    "/api/events?type=Battles&place=place-9", "/api/search?q=place 12", "/-/stats",
]


def serve(data_dir: str) -> tuple[subprocess.Popen, str]:
    """Start ``python -m api`` over ``data_dir``; return the process and its URL."""
    from tests.conftest import free_port, wait_until_up

    port = free_port()
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - lives as long as the server; not a pipe, which would block it once full
    process = subprocess.Popen([sys.executable, "-m", "api", "--data-dir", data_dir, "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=log, text=True)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/-/health", process, seconds=120, log=log)
    return process, url


def timed(call) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def latency(url: str, client, rounds: int) -> dict[str, tuple[float, float, float]]:
    """Per lookup: the first (cold) HTTP answer, the mean of ``rounds`` repeats (cached), and the first
    in-process answer (Flask test client over a copy of the store: no network, no waitress), in ms."""
    session, result = requests.Session(), {}
    for path in LOOKUPS:
        cold = timed(lambda p=path: _ok(session.get(url + p, timeout=600), p))
        warm = statistics.mean(timed(lambda p=path: _ok(session.get(url + p, timeout=600), p))
                               for _ in range(rounds))
        local = timed(lambda p=path: _ok(client.get(p), p))
        result[path] = (cold, warm, local)
    return result


def _ok(answer, path: str) -> None:
    assert answer.status_code == 200, f"{path}: {answer.status_code}"


def load(url: str, clients: int, seconds: float) -> tuple[int, int, list[float]]:
    """``clients`` threads send the lookup mix for ``seconds``; return (requests, errors, latencies ms)."""
    stop, lock = time.monotonic() + seconds, threading.Lock()
    totals, latencies = {"n": 0, "errors": 0}, []

    def client(number: int) -> None:
        session, rng = requests.Session(), random.Random(number)
        while time.monotonic() < stop:
            path = rng.choice(LOOKUPS)
            started = time.perf_counter()
            try:
                ok = session.get(url + path, timeout=60).status_code == 200
            except requests.RequestException:
                ok = False
            spent = (time.perf_counter() - started) * 1000
            with lock:
                totals["n"] += 1
                totals["errors"] += not ok
                latencies.append(spent)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return totals["n"], totals["errors"], latencies


def main(argv: list[str] | None = None) -> int:
    """Generate, load, serve, measure, print the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-rest-") as work:
        started = time.perf_counter()
        quads = generate(args.events)
        store = ox.Store(work + "/data")
        store.bulk_extend(quads)
        store.flush()
        store.backup(work + "/copy")  # the in-process app needs its own copy: the server holds data/'s lock
        print(f"loaded {len(quads)} quads ({args.events} events) in {time.perf_counter() - started:.1f} s", flush=True)
        del store, quads
        process, url = serve(work + "/data")
        try:
            from api import create_app

            client = create_app({"data_dir": work + "/copy"}).test_client()
            means = latency(url, client, args.rounds)
            for path, (cold, warm, local) in means.items():
                print(f"{path:50s} http cold {cold:8.1f} ms  cached {warm:6.1f} ms  in-process cold {local:8.1f} ms")
            requests_sent, errors, latencies = load(url, args.clients, args.seconds)
        finally:
            process.terminate()
            process.wait(timeout=30)
    cold = statistics.mean(c for c, _, _ in means.values())
    warm = statistics.mean(w for _, w, _ in means.values())
    local = statistics.mean(v for _, _, v in means.values())
    p99 = statistics.quantiles(latencies, n=100)[98] if len(latencies) >= 100 else max(latencies)
    slowest = max(means, key=lambda p: means[p][0])
    print(f"load: {args.clients} clients x {args.seconds:.0f} s: {requests_sent} requests, {errors} errors, "
          f"{requests_sent / args.seconds:.1f} req/s, p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms")
    print(f"BENCH rest ratio={cold / local:.2f} http_cold_mean_ms={cold:.1f} inprocess_cold_mean_ms={local:.1f} "
          f"http_cached_mean_ms={warm:.1f} slowest={slowest} slowest_cold_ms={means[slowest][0]:.1f} "
          f"events={args.events} clients={args.clients} errors={errors} rps={requests_sent / args.seconds:.1f} "
          f"p99_ms={p99:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
