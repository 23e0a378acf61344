"""Crash safety of the server: kill -9 it while it writes a large graph, restart it on the same
store: the store opens, the graph being written is whole or absent, the rest is intact."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest
import requests

from tests.conftest import ROOT, WRITE_TOKEN, free_port, wait_until_up

pytestmark = pytest.mark.slow

TRIPLES = 600_000
TARGET = "https://example.org/crash-test"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }"


def start_server(data_dir, port):
    """Start ``python -m api`` with writes enabled and a body limit that admits the big graph."""
    env = {**os.environ, "CONFLICTKG_DATA_DIR": str(data_dir), "CONFLICTKG_PORT": str(port),
           "CONFLICTKG_WRITE_TOKEN": WRITE_TOKEN, "CONFLICTKG_MAX_REQUEST_BYTES": str(200_000_000)}
    process = subprocess.Popen([sys.executable, "-m", "api"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    wait_until_up(f"http://127.0.0.1:{port}/-/health", process)
    return process


def count(url: str, graph: str) -> int:
    """Triples in ``graph``, as the service reports them."""
    answer = requests.get(f"{url}/sparql", params={"query": COUNT % graph}, timeout=60,
                          headers={"Accept": "application/sparql-results+json"})
    answer.raise_for_status()
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def test_kill_during_a_graph_write_leaves_it_whole_or_absent(seeded_data_dir, tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data_dir)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(data_dir, port)
    seed_graphs = requests.get(f"{url}/-/stats", timeout=30).json()["graphs"]
    seed_graph = next(g for g in requests.get(f"{url}/sparql", timeout=30, params={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a <https://w3id.org/conflictkg/ontology#Document> } }"},
        headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"])["g"]["value"]
    seed_triples = count(url, seed_graph)

    sent = threading.Event()

    def body():
        for start in range(0, TRIPLES, 10_000):
            yield "".join(f"<https://example.org/s{i}> <https://example.org/p> \"{i}\" .\n"
                          for i in range(start, start + 10_000)).encode()
        sent.set()

    outcome = {}

    def write():
        try:
            outcome["status"] = requests.put(f"{url}/store", params={"graph": TARGET}, data=body(), timeout=300,
                                             headers={"Authorization": f"Bearer {WRITE_TOKEN}",
                                                      "Content-Type": "application/n-triples"}).status_code
        except requests.RequestException as err:
            outcome["error"] = err

    writer = threading.Thread(target=write)
    writer.start()
    assert sent.wait(timeout=300)
    time.sleep(0.3)
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=30)
    writer.join(timeout=60)
    assert "error" in outcome, f"the write finished before the kill: {outcome}"

    server = start_server(data_dir, port)
    try:
        assert count(url, TARGET) in (0, TRIPLES)
        assert count(url, seed_graph) == seed_triples
        assert requests.get(f"{url}/-/stats", timeout=30).json()["graphs"] in (seed_graphs, seed_graphs + 1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
