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
