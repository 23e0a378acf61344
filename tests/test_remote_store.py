"""The remote store against a real ``oxigraph serve`` process on loopback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from graph.store import NotAcceptable, RemoteStore, Store, StoreError
from tests.conftest import ROOT, free_port, wait_until_up
from tests.test_recent import listed_without_kept

EX = "http://example.org/"
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or "oxigraph"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``oxigraph serve`` with the union of named graphs as its default graph; yields its base URL."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/query?query=ASK%7B%7D", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def remote(server):
    """A remote store over an emptied server."""
    store = RemoteStore.from_spec(f"sparql:{server}/query,{server}/update")
    store.update_raw("DROP ALL")
    yield store
    store.close()


def document(n: int, tag: str) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"{EX}event/{i}"), URIRef(f"{EX}p"), Literal(f"{tag}-{i}")))
    g.add((URIRef(f"{EX}event/0"), URIRef(f"{EX}note"), Literal('a "quoted"\nline \\u0041 in Ḥamāh', lang="en")))
    return g


def quads_of(nquads: bytes) -> set[str]:
    """The quads of an N-Quads dump, as comparable text (the test data has no blank nodes)."""
    return {str(quad) for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}


def test_round_trip_matches_the_embedded_store(remote, tmp_path):
    embedded = Store(str(tmp_path / "embedded"))
    for store in (remote, embedded):
        store.replace_graph(f"{EX}a", document(3, "a"))
        store.bulk_replace([(f"{EX}b", document(2, "b").serialize(format="nt", encoding="utf-8"))])
    assert remote.graph_names() == embedded.graph_names() == [f"{EX}a", f"{EX}b"]
    assert remote.count_triples() == embedded.count_triples() == 7
    assert quads_of(remote.dump()) == quads_of(embedded.dump())
    query = "SELECT ?o WHERE { <http://example.org/event/1> <http://example.org/p> ?o } ORDER BY ?o"
    assert remote.select(query) == embedded.select(query) == [{"o": "a-1"}, {"o": "b-1"}]
    embedded.close()


def test_replacing_is_idempotent(remote):
    for _ in range(3):
        remote.replace_graph(f"{EX}a", document(4, "same"))
    assert remote.graph_names() == [f"{EX}a"]
    assert remote.count_triples() == 5


def test_the_remote_store_never_says_it_holds_a_graph_as_given(remote):
    written = document(2, "same").serialize(format="nt", encoding="utf-8")
    remote.replace_graph(f"{EX}a", written)
    assert remote.has_graph(f"{EX}a") and remote.holds(f"{EX}a", written) is False  # so it is written again


def test_replace_keeps_only_the_new_version(remote):
    remote.replace_graph(f"{EX}a", document(6, "old"))
    replaced = remote.bulk_replace([(f"{EX}a", document(2, "new").serialize(format="nt", encoding="utf-8"))])
    assert replaced == [f"{EX}a"]
    assert remote.count_triples(f"{EX}a") == 3
    assert remote.select("SELECT ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?o") == [
        {"o": "new-0"},
        {"o": "new-1"},
    ]


def test_a_failing_update_leaves_the_old_graph(remote):
    remote.replace_graph(f"{EX}a", document(2, "old"))
    with pytest.raises(SyntaxError):
        remote.replace_graphs([(f"{EX}a", b"<http://example.org/s> broken .\n")])
    assert remote.count_triples(f"{EX}a") == 3


def test_large_batches_are_split_into_several_requests(remote, monkeypatch):
    monkeypatch.setattr("graph.store.remote.MAX_UPDATE_BYTES", 2_000)
    items = [(f"{EX}d{n}", document(20, f"d{n}").serialize(format="nt", encoding="utf-8")) for n in range(5)]
    remote.replace_graphs(items)
    assert len(remote.graph_names()) == 5
    assert remote.count_triples() == 5 * 21


@pytest.mark.parametrize("graph", [None, f"{EX}facts"])
def test_inserts_are_split_between_lines(remote, monkeypatch, graph):
    monkeypatch.setattr("graph.store.remote.MAX_UPDATE_BYTES", 2_000)
    requests = []
    send = remote.update_raw
    monkeypatch.setattr(remote, "update_raw", lambda update: requests.append(update) or send(update))
    remote.insert(document(60, "facts").serialize(format="nt", encoding="utf-8"), graph)
    assert len(requests) > 2
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    assert remote.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"] == 61


def test_select_with_bindings(remote):
    remote.replace_graph(f"{EX}a", document(3, "a"))
    rows = remote.select("SELECT ?s WHERE { ?s <http://example.org/p> ?o }", {"o": "a-2"})
    assert rows == [{"s": f"{EX}event/2"}]


@pytest.mark.parametrize(
    ("query", "accept", "content_type"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json", "application/sparql-results+json"),
        ("SELECT * WHERE { ?s ?p ?o }", "text/csv", "text/csv"),
        ("ASK { ?s ?p ?o }", "application/sparql-results+xml", "application/sparql-results+xml"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples", "application/n-triples"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle", "text/turtle"),
    ],
)
def test_query_raw_passes_formats_through(remote, query, accept, content_type):
    remote.replace_graph(f"{EX}a", document(2, "a"))
    body, media_type = remote.query_raw(query, accept)
    assert media_type == content_type
    assert body


def test_query_raw_named_and_default_graphs(remote):
    remote.replace_graph(f"{EX}a", document(1, "a"))
    remote.replace_graph(f"{EX}b", document(2, "b"))
    body, _ = remote.query_raw(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json", default_graph_uris=[f"{EX}b"]
    )
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"


def test_syntax_errors_come_back_as_syntax_error(remote):
    with pytest.raises(SyntaxError):
        remote.select("SELEKT nothing")


def test_unsupported_format_is_not_acceptable(remote):
    with pytest.raises(NotAcceptable):
        remote.dump("text/turtle")


def test_unreachable_server_is_a_store_error():
    store = RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout_s=2)
    with pytest.raises(StoreError, match="unreachable"):
        store.graph_names()


@pytest.mark.slow
def test_cli_ingest_into_remote_store_is_idempotent(remote, server, tmp_path):
    article = tmp_path / "report.txt"
    article.write_text(
        "Fighting in Mosul\n\nIraqi forces clashed with Islamic State fighters in Mosul on Monday, "
        "killing five civilians, a local official said.\n",
        encoding="utf-8",
    )
    spec = f"sparql:{server}/query,{server}/update"
    command = [sys.executable, "-m", "graph", "ingest", str(article), "--store", spec,
               "--workers", "0", "--quiet", "--no-validate", "--published", "2017-03-06"]
    counts = []
    for _ in range(2):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "ingested 1 documents" in done.stderr.splitlines()[-1]
        counts.append((remote.count_triples(), remote.graph_names()))
    assert counts[0] == counts[1]
    assert "https://conflictkg.org/id/graph/report" in counts[0][1]


def test_cli_refuses_an_unreachable_remote_store(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Clashes in Tripoli.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "graph", "ingest", str(article), "--store", f"sparql:http://127.0.0.1:{free_port()}/q",
         "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error: cannot open the store")
    assert "Traceback" not in done.stderr


def test_remote_dump_is_n_quads(remote):
    remote.replace_graph(f"{EX}a", document(1, "a"))
    quads = list(ox.parse(remote.dump(), format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {f"{EX}a"}


def test_a_write_runs_the_write_listeners(remote):
    seen = []
    remote.on_write.add(lambda: seen.append("written"))
    remote.replace_graph(f"{EX}listened", f"<{EX}a> <{EX}p> <{EX}b> .\n")
    remote.select("SELECT * WHERE { ?s ?p ?o }")
    assert seen and set(seen) == {"written"}


def test_a_record_on_a_remote_store_lists_the_same_documents_when_its_entity_keeps_none(remote):
    kept, read = listed_without_kept(remote, 6)
    assert [len(documents) for documents in kept] == [6, 6]
    assert read == kept
