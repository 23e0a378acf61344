"""Benchmark batch ingest: our path (records -> build -> one writer -> store) against pyoxigraph's bulk load.

One run, two child processes so each one's peak memory (``ru_maxrss``) is its own:

1. ``ours``: a synthetic corpus of extraction records (fixed random seed; actors, places and
   events drawn from pools spanning many theatres, several events per document; three documents
   in ten also report an earlier document's incident, by day or by month, actors reversed, so
   events merge across documents) is built into document graphs
   (``graph.distributed.build_result``, SHACL off) and written through the ingest writer
   (``graph.ingest.write_documents``: batched ``Store.bulk_replace`` on the bulk loader, then
   ontology, cross-document linking and merged event facts), exactly as ``python -m graph
   ingest`` does minus spaCy. Documents are generated until the store holds at least
   ``--triples`` triples.
2. ``oxigraph``: the same quads (our store dumped to N-Quads, untimed) loaded into a fresh
   store with ``pyoxigraph.Store.bulk_load``.

Both run ``--runs`` times, alternately; the median run's figures are reported, since one noisy
spell on a shared machine can double a time. Last line:
``BENCH ingest ratio=<ours/oxigraph time> mem_ratio=<ours/oxigraph peak RSS> ...``

With ``--workers N`` the graphs are built on a Dask LocalCluster of N processes (the default of
``python -m graph ingest``); peak memory is then the main process's only.

Usage: python bench/bench_ingest.py [--triples N] [--workers N] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = "https://conflictkg.org/id/"
SEED = 20181
THEATRES = ["SY", "IQ", "YE", "LY", "ML", "BF", "SO", "AF", "UA", "MM", "MX", "NG", "CD", "SD", "ET"]
EVENT_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Looting/property destruction"),
]
KINDS = ["state_forces", "armed_group", "militia", "civilians", "government"]


def _name(rng: random.Random, syllables: int) -> str:
    parts = ["al", "bar", "dar", "kan", "mos", "ul", "tri", "po", "sir", "te", "ma", "ri", "bak", "hmut", "go", "ma"]
    return "".join(rng.choice(parts) for _ in range(syllables)).title()


def corpus(seed: int = SEED):
    """Yield synthetic extractions forever, the same sequence for the same seed."""
    from graph.records import Actor, Article, Event, Extraction, Location

    rng = random.Random(seed)
    actors = [
        Actor(id=f"actor/a{n}", name=f"{_name(rng, 3)} Brigade {n}", kind=rng.choice(KINDS),
              aliases=(f"{_name(rng, 2)} {n}",), country=rng.choice(THEATRES))
        for n in range(5_000)
    ]
    places = [
        Location(id=f"place/p{n}", name=f"{_name(rng, 3)} {n}", kind=rng.choice(["town", "village", "city"]),
                 country=rng.choice(THEATRES), lat=round(rng.uniform(-10, 45), 4), lon=round(rng.uniform(-20, 100), 4),
                 geonames_id=100_000 + n, precision=1)
        for n in range(2_000)
    ]
    number, earlier = 0, []
    while True:
        cast = rng.sample(actors, rng.randint(2, 6))
        where = rng.sample(places, rng.randint(1, 3))
        day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events, text = [], f"Report {number}\n\n"
        for _ in range(rng.randint(3, 12)):
            a1, a2 = rng.sample(cast, 2)
            place = rng.choice(where)
            event_type, sub_type = rng.choice(EVENT_TYPES)
            events.append((a1, a2, place, event_type, sub_type, day, "day"))
        if earlier and rng.random() < 0.3:  # another outlet's report of an earlier incident: merged across documents
            a1, a2, place, event_type, sub_type, when, _ = rng.choice(earlier)
            events.append((a2, a1, place, event_type, sub_type, *rng.choice([(when, "day"), (when[:7], "month")])))
            cast = list({a.id: a for a in (*cast, a1, a2)}.values())
            where = list({p.id: p for p in (*where, place)}.values())
        records = []
        for a1, a2, place, event_type, sub_type, when, precision in events:
            sentence = f"{a1.name} fought {a2.name} near {place.name} on {when}, killing {rng.randint(0, 40)} people."
            start = len(text)
            text += sentence + " "
            records.append(Event(
                id=f"event/r{number}-{start}", event_type=event_type, sub_event_type=sub_type, actor1=a1.name,
                actor2=a2.name, location=place.name, date=when, date_precision=precision,
                fatalities=rng.randint(0, 40), confidence=0.75, evidence=sentence, start=start,
                end=start + len(sentence),
            ))
        earlier = (earlier + events[:2])[-400:]
        document = Article(id=f"r{number}", text=text, published=dt.date.fromisoformat(day), title=f"Report {number}",
                           source="Wire")
        yield Extraction(document=document, actors=tuple(cast), locations=tuple(where), events=tuple(records))
        number += 1


def run_ours(store_dir: str, target: int, workers: int) -> dict:
    """Build and write documents until the store holds ``target`` triples; time it all."""
    from graph.distributed import build_result
    from graph.ingest import write_documents
    from graph.store import Store

    if workers:
        return run_ours_on_dask(store_dir, target, workers)
    store = Store(store_dir)
    built, build_seconds = 0, 0.0

    def results():
        nonlocal built, build_seconds
        for extraction in corpus():
            started = time.perf_counter()
            result = build_result(extraction, BASE, validate=False)
            build_seconds += time.perf_counter() - started
            built += result.triples
            yield result
            if built >= target:
                return

    started = time.perf_counter()
    summary = write_documents(store, results(), BASE, atomic=False)
    store.flush()
    seconds = time.perf_counter() - started
    triples = store.count_triples()
    store.close()
    return {"seconds": seconds, "documents": summary.documents, "triples": triples, "build_s": build_seconds,
            "write_s": summary.write_seconds, "merge_s": summary.merge_seconds}


def run_ours_on_dask(store_dir: str, target: int, workers: int) -> dict:
    """As ``run_ours``, but graphs are built on a LocalCluster of ``workers`` processes, as ingest does."""
    from graph.distributed import build_result, build_results, run_batch
    from graph.ingest import write_documents
    from graph.store import Store

    sample = list(itertools.islice(corpus(), 50))
    per_document = sum(build_result(e, BASE, validate=False).triples for e in sample) / len(sample)
    extractions = list(itertools.islice(corpus(), math.ceil(target / per_document)))
    store = Store(store_dir)
    started = time.perf_counter()
    results = run_batch(extractions, BASE, workers=workers, validate=False, task=build_results)
    summary = write_documents(store, results, BASE, atomic=False)
    store.flush()
    seconds = time.perf_counter() - started
    triples = store.count_triples()
    store.close()
    return {"seconds": seconds, "documents": summary.documents, "triples": triples, "build_s": None,
            "write_s": summary.write_seconds, "merge_s": summary.merge_seconds}


def run_oxigraph(store_dir: str, nquads: str) -> dict:
    """Bulk-load the N-Quads file into a fresh store with the engine's own loader."""
    import pyoxigraph as ox

    store = ox.Store(store_dir)
    started = time.perf_counter()
    store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    triples = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)
    del store
    return {"seconds": seconds, "triples": triples}


def dump(store_dir: str, nquads: str) -> None:
    """Write every quad of the store to an N-Quads file (untimed)."""
    import pyoxigraph as ox

    ox.Store.read_only(store_dir).dump(nquads, format=ox.RdfFormat.N_QUADS)


def child(variant: str, args: list[str]) -> dict:
    """Run one variant in a fresh interpreter; return its numbers plus its own peak RSS."""
    done = subprocess.run([sys.executable, __file__, "--child", variant, *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        sys.exit(f"{variant} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _report(run: int, ours: dict, oxigraph: dict) -> None:
    """Print one run's times, rates and peak memory (stderr)."""
    for name, numbers in (("ours", ours), ("oxigraph bulk_load", oxigraph)):
        rate = numbers["triples"] / numbers["seconds"]
        print(f"run {run + 1}: {name:20} {numbers['seconds']:8.1f} s  {rate:10.0f} triples/s  "
              f"peak {numbers['maxrss_mb']:7.0f} MB", file=sys.stderr)
    built = "on the workers, beside writing" if ours["build_s"] is None else f"{ours['build_s']:.1f} s"
    print(f"  ours: building graphs {built}, writing {ours['write_s']:.1f} s overlapping "
          f"(bulk loads {ours['write_s'] - ours['merge_s']:.1f} s, linking and current facts "
          f"{ours['merge_s']:.1f} s beside the last load: the sum can exceed the wall time)", file=sys.stderr)


def main() -> int:
    """Run the ingest benchmark; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples (default 1M)")
    parser.add_argument("--workers", type=int, default=0,
                        help="build graphs on a Dask LocalCluster of N processes, as ingest does (0: in-process)")
    parser.add_argument("--runs", type=int, default=3, help="pairs of runs; the median ratio is reported (default 3)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        variant, *rest = args.child
        numbers = {
            "ours": lambda: run_ours(rest[0], int(rest[1]), int(rest[2])),
            "oxigraph": lambda: run_oxigraph(*rest),
            "dump": lambda: dump(*rest) or {},
        }[variant]()
        numbers["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(numbers))
        return 0
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        for run in range(args.runs):  # alternate the two, so a noisy spell hits both
            ours = child("ours", [f"{tmp}/ours{run}", str(args.triples), str(args.workers)])
            if run == 0:
                child("dump", [f"{tmp}/ours0", f"{tmp}/corpus.nq"])
                size_mb = Path(f"{tmp}/corpus.nq").stat().st_size / 1e6
            oxigraph = child("oxigraph", [f"{tmp}/oxigraph{run}", f"{tmp}/corpus.nq"])
            if ours["triples"] != oxigraph["triples"]:
                sys.exit(f"stores differ: ours {ours['triples']} triples, oxigraph {oxigraph['triples']}")
            runs.append((ours["seconds"] / oxigraph["seconds"], ours, oxigraph))
            _report(run, ours, oxigraph)
    ratio, ours, oxigraph = sorted(runs, key=lambda r: r[0])[len(runs) // 2]  # the median run
    print(f"corpus: {ours['documents']} documents, {ours['triples']} quads, {size_mb:.0f} MB of N-Quads; "
          f"ratios {', '.join(f'{r[0]:.2f}' for r in runs)}", file=sys.stderr)
    write_ratio = ours["write_s"] / oxigraph["seconds"]  # of overlapping busy times (IngestSummary), not wall time
    mem_ratio = ours["maxrss_mb"] / oxigraph["maxrss_mb"]
    build = "" if ours["build_s"] is None else f"build_s={ours['build_s']:.1f} "
    print(f"BENCH ingest ratio={ratio:.2f} mem_ratio={mem_ratio:.2f} ours_s={ours['seconds']:.1f} "
          f"oxigraph_s={oxigraph['seconds']:.1f} write_ratio={write_ratio:.2f} {build}"
          f"merge_s={ours['merge_s']:.1f} ours_mb={ours['maxrss_mb']:.0f} oxigraph_mb={oxigraph['maxrss_mb']:.0f} "
          f"triples={ours['triples']} runs={len(runs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
