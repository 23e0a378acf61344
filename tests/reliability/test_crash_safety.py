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
batch.BatchLinker.finish = lambda self: os._exit(9)  # killed once its documents are written
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
