"""Crash safety: kill -9 an ingest mid-batch; the store opens, each document is whole or absent,
and running the batch again completes it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from graph.vocab import CURRENT_GRAPH, SEM
from tests.conftest import ROOT
from tests.reliability.articles import write_articles

pytestmark = pytest.mark.slow

COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def ingest_command(folder, data_dir, *extra):
    """The CLI ingest of ``folder`` into ``data_dir``."""
    return [sys.executable, "-m", "graph", "ingest", str(folder), "--data-dir", str(data_dir),
            "--published", "2024-05-01", *extra]


def triples_per_graph(data_dir) -> dict[str, int]:
    """Open the store as a fresh process would and count the triples of each named graph."""
    store = ox.Store(str(data_dir))
    try:
        return {row["g"].value: int(row["n"].value) for row in store.query(COUNT_PER_GRAPH)}
    finally:
        del store


def document_graphs(counts: dict[str, int]) -> dict[str, int]:
    """Only the per-document graphs (not the ontology or the merged-event facts)."""
    return {graph: n for graph, n in counts.items() if "/graph/" in graph}


def test_kill_during_ingest_loses_nothing_and_rerun_completes(tmp_path):
    articles = tmp_path / "articles"
    write_articles(articles, 120)
    subprocess.run(ingest_command(articles, tmp_path / "reference", "--quiet"), check=True, cwd=ROOT)
    reference = triples_per_graph(tmp_path / "reference")
    assert len(document_graphs(reference)) == 120

    victim = subprocess.Popen(ingest_command(articles, tmp_path / "crashed"), cwd=ROOT, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    progress, deadline = "", time.monotonic() + 120
    while time.monotonic() < deadline:
        progress += os.read(victim.stderr.fileno(), 4096).decode(errors="replace")
        done = [int(n) for n in re.findall(r"(\d+)/120", progress)]
        if done and max(done) >= 10:
            break
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert victim.returncode == -signal.SIGKILL

    survived = document_graphs(triples_per_graph(tmp_path / "crashed"))
    assert len(survived) < 120, "the ingest finished before it could be killed"
    for graph, count in survived.items():
        assert count == reference[graph], f"{graph} is half written: {count} of {reference[graph]} triples"

    subprocess.run(ingest_command(articles, tmp_path / "crashed", "--quiet"), check=True, cwd=ROOT)
    assert triples_per_graph(tmp_path / "crashed") == reference


KILLED_BEFORE_SETTLING = """
import os, sys
from graph.link import batch
from graph.cli import main
def finish(self, loaded=lambda: None, early=False):  # killed once its documents are written
    loaded()
    os._exit(9)
batch.BatchLinker.finish = finish
main(sys.argv[1:])
"""


def test_kill_after_the_documents_are_written_but_before_their_facts_undoes_the_run(tmp_path):
    first, second = write_articles(tmp_path / "first", 6, seed=1), write_articles(tmp_path / "second", 6, seed=2)
    second_folder = tmp_path / "second-only"
    second_folder.mkdir()
    for number, path in enumerate(second):
        (second_folder / f"later-{number}.txt").write_text(path.read_text())
    for data_dir in ("reference", "crashed"):
        subprocess.run(ingest_command(first[0].parent, tmp_path / data_dir, "--quiet", "--workers", "0"),
                       check=True, cwd=ROOT)
    before = triples_per_graph(tmp_path / "crashed")
    subprocess.run(ingest_command(second_folder, tmp_path / "reference", "--quiet", "--workers", "0"),
                   check=True, cwd=ROOT)

    killed = subprocess.run([sys.executable, "-c", KILLED_BEFORE_SETTLING,
                             *ingest_command(second_folder, tmp_path / "crashed", "--quiet", "--workers", "0")[3:]],
                            cwd=ROOT, capture_output=True, text=True)
    assert killed.returncode == 9, killed.stderr
    assert len(document_graphs(triples_per_graph(tmp_path / "crashed"))) == 12  # written, facts not

    from graph.link import recover
    from graph.store import Store

    store = Store(str(tmp_path / "crashed"))
    assert len(store.recovered) == 6 and recover(store)
    store.close()
    assert triples_per_graph(tmp_path / "crashed") == before  # as if the run had not happened

    subprocess.run(ingest_command(second_folder, tmp_path / "crashed", "--quiet", "--workers", "0"),
                   check=True, cwd=ROOT)
    assert triples_per_graph(tmp_path / "crashed") == triples_per_graph(tmp_path / "reference")


KILLED_BESIDE_THE_LAST_LOAD = """
import functools, os, signal, sys, threading
import pyoxigraph as ox
from graph import ingest
from graph.cli import main
from graph.store import embedded
from graph.vocab import CURRENT_GRAPH
ingest.write_documents = functools.partial(ingest.write_documents, batch_bytes=1)  # one document per batch
bulk_load, insert, left, half_loaded = embedded._bulk_load, embedded.Store.insert, [#BATCHES#], threading.Event()

def load(engine, parts, fmt, *rest):  # the last batch's documents stop half loaded
    left[0] -= fmt == ox.RdfFormat.N_QUADS
    if fmt == ox.RdfFormat.N_QUADS and not left[0]:
        lines = b"".join(parts).splitlines(keepends=True)
        bulk_load(engine, [b"".join(lines[: len(lines) // 2])], fmt, *rest)
        half_loaded.set()
        threading.Event().wait(120)
    return bulk_load(engine, parts, fmt, *rest)

def add(store, ntriples, graph_iri=None, **options):  # current facts committed beside them, then kill -9
    current = graph_iri == str(CURRENT_GRAPH)
    if current:
        half_loaded.wait(120)
    insert(store, ntriples, graph_iri, **options)
    if current:
        os.kill(os.getpid(), signal.SIGKILL)

embedded._bulk_load, embedded.Store.insert = load, add
main(sys.argv[1:])
"""


def mentions(data_dir, iris: set[str]) -> list[tuple[str, str]]:
    """The (graph, IRI) pairs of a store whose quads name any of ``iris``, as subject or object."""
    store = ox.Store(str(data_dir))
    try:
        return [(quad.graph_name.value, term.value) for quad in store for term in (quad.subject, quad.object)
                if isinstance(term, ox.NamedNode) and term.value in iris]
    finally:
        del store


def test_kill_while_current_facts_go_in_beside_the_last_load_leaves_no_fact_of_a_dropped_document(tmp_path):
    articles = write_articles(tmp_path / "articles", 6, seed=3)[0].parent
    run = ingest_command(articles, tmp_path / "reference", "--quiet", "--workers", "0")
    subprocess.run(run, check=True, cwd=ROOT)
    reference = triples_per_graph(tmp_path / "reference")
    store = ox.Store(str(tmp_path / "reference"))
    found = store.query(f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e a <{SEM.Event}> }} }}")
    events = {row["e"].value for row in found}
    del store

    script = KILLED_BESIDE_THE_LAST_LOAD.replace("#BATCHES#", str(len(document_graphs(reference))))
    killed = subprocess.run([sys.executable, "-c", script,
                             *ingest_command(articles, tmp_path / "crashed", "--quiet", "--workers", "0")[3:]],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    crashed = triples_per_graph(tmp_path / "crashed")
    assert crashed.get(str(CURRENT_GRAPH)), "killed before any current fact was committed"
    assert len(document_graphs(crashed)) == len(document_graphs(reference))
    assert document_graphs(crashed) != document_graphs(reference), "the last document was not half loaded"

    from graph.link import recover
    from graph.store import Store

    reopened = Store(str(tmp_path / "crashed"))
    assert reopened.needs_rebuild and recover(reopened)
    reopened.close()
    assert not document_graphs(triples_per_graph(tmp_path / "crashed"))  # the run is undone
    assert mentions(tmp_path / "crashed", events) == []  # and no record holds an event of its documents

    subprocess.run(ingest_command(articles, tmp_path / "crashed", "--quiet", "--workers", "0"), check=True, cwd=ROOT)
    assert triples_per_graph(tmp_path / "crashed") == reference
