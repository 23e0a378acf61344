"""Cross-article merging at corpus scale: ours (write + relink + merged facts) vs pyoxigraph's bulk load.

A synthetic corpus: ``--incidents`` incidents, each reported by 2-4 documents that differ the way
news reports do (day vs month precision, actor pair reversed or one actor missing, different
tolls). Document graphs are built by graph.build with no store lookup (the batch-ingest path),
bulk-written with ``Store.bulk_replace``, then ``relink_graphs`` and ``rebuild_current`` merge
them. Baseline: pyoxigraph's ``bulk_load`` of the same document quads into a fresh store (no
merging at all). The run also checks the merge: event nodes must equal incidents.

    .venv/bin/python bench/bench_merge.py [--incidents 3000] [--seed 7]

Last line: ``BENCH merge ratio=<ours/baseline seconds> ...``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402

from graph.build import build_graph  # noqa: E402
from graph.link import rebuild_current, relink_graphs  # noqa: E402
from graph.records import Actor, Article, Event, Extraction, Location  # noqa: E402
from graph.store import Store  # noqa: E402

BASE = "https://bench.example/id/"
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def corpus(incidents: int, rng: random.Random) -> list[Extraction]:
    """Reports of ``incidents`` incidents, 2-4 documents each, one event per report."""
    actors = [Actor(id=f"actor/group-{i}", name=f"Group {i}", kind="armed_group") for i in range(200)]
    places = [Location(id=f"place/town-{i}", name=f"Town {i}", kind="town", lat=rng.uniform(-30, 40),
                       lon=rng.uniform(-20, 60), geonames_id=100000 + i) for i in range(500)]
    docs = []
    for n in range(incidents):
        kind, sub = TYPES[n % len(TYPES)]
        a, b = rng.sample(actors, 2)
        place = places[n % len(places)]
        day = f"2020-{1 + n // 500 % 12:02d}-{1 + n % 28:02d}"
        for k in range(rng.randint(2, 4)):
            first, second = (a, b) if k % 2 == 0 else (b, a)
            date, precision = (day, "day") if k != 2 else (day[:7], "month")
            event = Event(id="e", event_type=kind, sub_event_type=sub, actor1=first.name,
                          actor2=second.name if k != 3 else None, location=place.name, date=date,
                          date_precision=precision, fatalities=rng.randint(0, 60), evidence=f"Report {k} of {n}.",
                          start=0, end=14)
            docs.append(Extraction(Article(id=f"doc-{n}-{k}", text="x", source=f"Outlet {k}"), (first, second),
                                   (place,), (event,)))
    rng.shuffle(docs)
    return docs


def main() -> int:
    """Run the benchmark; print the BENCH line last."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    docs = corpus(args.incidents, random.Random(args.seed))
    graphs = [build_graph(d, BASE) for d in docs]
    items = [(iri, g.serialize(format="nt", encoding="utf-8")) for iri, g in graphs]
    quads = b"".join(nt.replace(b" .\n", f" <{iri}> .\n".encode()) for iri, nt in items)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        ox.Store(f"{tmp}/baseline").bulk_load(quads, ox.RdfFormat.N_QUADS)
        baseline = time.perf_counter() - started

        store = Store(f"{tmp}/ours")
        started = time.perf_counter()
        store.bulk_replace(items)
        written = time.perf_counter()
        touched = relink_graphs(store, BASE, [iri for iri, _ in items])
        relinked = time.perf_counter()
        rebuild_current(store)
        ours = time.perf_counter() - started
        events = store.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a "
                              "<http://semanticweb.cs.vu.nl/2009/11/sem/Event> }")[0]["n"]
        store.close()
    lines = quads.count(b"\n")
    print(f"{len(docs)} documents, {args.incidents} incidents, {lines} quads; "
          f"write {written - started:.2f} s, relink {relinked - written:.2f} s ({len(touched)} IRIs), "
          f"merged facts {ours - (relinked - started):.2f} s; event nodes {events}")
    print(f"BENCH merge ratio={ours / baseline:.2f} ours_s={ours:.2f} baseline_s={baseline:.2f} "
          f"event_nodes={events} incidents={args.incidents}")
    return 0 if events == args.incidents else 1


if __name__ == "__main__":
    sys.exit(main())
