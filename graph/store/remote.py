"""A remote SPARQL 1.1 server as the store: the SPARQL Protocol for queries, SPARQL Update for writes.

Works with any server that speaks the standard protocols (Oxigraph server, Fuseki, Virtuoso,
GraphDB, Neptune). Two things depend on the server, not on us:

- ``select`` reads the default graph; the server must expose the union of its named graphs there
  (``oxigraph serve --union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``; Virtuoso,
  GraphDB and Neptune do it by default).
- ``replace_graphs`` sends DROP GRAPH + INSERT DATA as one request; it is atomic where the server
  runs one request as one transaction (Oxigraph, Fuseki/TDB2, GraphDB, Neptune do).

Thread safety: each thread gets its own HTTP session, so one ``RemoteStore`` can serve every
thread of the Flask app.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pyoxigraph as ox
import requests
from rdflib import Graph

from graph.store.base import Listeners, NotAcceptable, StoreError, writes
from graph.store.sparql import as_bytes, bind, count_query, solution_rows, to_ntriples, update_text
from graph.vocab import CURRENT_GRAPH

__all__ = ["RemoteStore"]

MAX_UPDATE_BYTES = 8_000_000  # one INSERT DATA request stays below common server body limits


class RemoteStore:
    """The store interface (``graph.store.TripleStore``) over HTTP."""

    kind = "sparql"

    def __init__(self, query_url: str, update_url: str | None = None, timeout_s: float = 60.0):
        """Talk to ``query_url`` for queries and ``update_url`` (default: the same URL) for updates."""
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.timeout_s = timeout_s
        self._local = threading.local()
        self.on_write = Listeners()  # run after every write (graph.store.base.writes)

    @classmethod
    def from_spec(cls, spec: str) -> RemoteStore:
        """Build from ``sparql:QUERY_URL[,UPDATE_URL]``; raise ValueError on anything else."""
        if not spec.startswith("sparql:"):
            raise ValueError(f"a remote store is written sparql:QUERY_URL[,UPDATE_URL], got {spec!r}")
        urls = [u.strip() for u in spec[len("sparql:") :].split(",")]
        if not 1 <= len(urls) <= 2 or not all(u.startswith(("http://", "https://")) for u in urls):
            raise ValueError(f"a remote store is sparql:QUERY_URL[,UPDATE_URL] with http(s) URLs, got {spec!r}")
        return cls(urls[0], urls[1] if len(urls) == 2 else None)

    @property
    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

    def _post(self, url: str, timeout_s: float | None = None, **kwargs: Any) -> requests.Response:
        try:
            response = self._session.post(url, timeout=timeout_s or self.timeout_s, **kwargs)
        except requests.RequestException as err:
            raise StoreError(f"SPARQL server {url} is unreachable: {err.__class__.__name__}") from None
        if response.status_code == 400:
            raise SyntaxError(_first_line(response.text) or "the SPARQL server rejected the request")
        if response.status_code == 406:
            raise NotAcceptable(_first_line(response.text) or "the SPARQL server cannot produce that format")
        if response.status_code >= 300:
            raise StoreError(f"SPARQL server {url} answered {response.status_code}: {_first_line(response.text)}")
        return response

    # -- writes -----------------------------------------------------------------------------
    @writes
    def replace_graph(self, graph_iri: str, graph: Graph | bytes | str) -> None:
        """Replace the named graph ``graph_iri`` with ``graph`` (rdflib or N-Triples) in one request."""
        self.replace_graphs([(graph_iri, to_ntriples(graph))])

    @writes
    def replace_graphs(self, items: Iterable[tuple[str, bytes | str]]) -> None:
        """Replace several named graphs, one update request per ~8 MB of N-Triples."""
        batch: list[tuple[str, bytes | str]] = []
        size = 0
        for graph_iri, triples in items:
            if batch and size + len(triples) > MAX_UPDATE_BYTES:
                self.update_raw(update_text(batch))
                batch, size = [], 0
            batch.append((graph_iri, triples))
            size += len(triples)
        if batch:
            self.update_raw(update_text(batch))

    needs_rebuild = False  # a remote server's transactions leave no half-written run to undo

    def settle(self) -> None:
        """Nothing to forget: each batch was one transaction on the server."""

    @writes
    def bulk_replace(self, items: Sequence[tuple[str, bytes]], atomic: bool = True,
                     lenient: bool = False, begun: Callable[[], object] | None = None) -> list[str]:
        """Replace many document graphs; return the IRIs that existed.

        The server's transactions are the fast path: the request is atomic wherever the server's
        updates are, whatever ``atomic`` says; the server checks every term, whatever ``lenient`` says
        (both are there for the embedded store's signature); ``begun`` is called once the graphs are written.
        """
        latest = dict(items)
        body, _ = self.query_raw(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?g { "
            + " ".join(f"<{ox.NamedNode(iri).value}>" for iri in latest)
            + " } }",
            "application/sparql-results+json",
        )
        found = solution_rows(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
        existed = sorted(row["g"] for row in found)
        self.replace_graphs(latest.items())
        if begun is not None:
            begun()
        return existed

    @writes
    def insert(self, ntriples: bytes, graph_iri: str | None = None, atomic: bool = True,
               lenient: bool = False) -> None:
        """Add N-Triples to graph ``graph_iri`` (None: the default graph), one INSERT DATA per ~8 MB of lines.

        ``atomic`` and ``lenient`` are for the embedded store's loaders; a remote store has one way to write.
        """
        opening, closing = (f"GRAPH {ox.NamedNode(graph_iri)} {{", "}") if graph_iri else ("", "")
        start = 0
        while start < len(ntriples):
            end = len(ntriples)
            if end - start > MAX_UPDATE_BYTES:  # cut after the window's last line, or after an overlong line
                last_line_end = ntriples.rfind(b"\n", start, start + MAX_UPDATE_BYTES) + 1
                end = last_line_end or ntriples.find(b"\n", start) + 1 or end
            self.update_raw(f"INSERT DATA {{ {opening}\n{ntriples[start:end].decode()}\n{closing} }}")
            start = end

    @writes
    def drop_graph(self, graph_iri: str) -> bool:
        """Remove the named graph ``graph_iri``; return whether it existed."""
        existed = self.has_graph(graph_iri)
        self.update_raw(f"DROP SILENT GRAPH <{ox.NamedNode(graph_iri).value}>")
        return existed

    @writes
    def update_raw(self, update: str) -> None:
        """Send a SPARQL 1.1 Update; raises SyntaxError when the server rejects it as malformed."""
        self._post(self.update_url, data=update.encode(), headers={"Content-Type": "application/sparql-update"})

    def flush(self) -> None:
        """Nothing to do: the server persists each update before answering."""

    def close(self) -> None:
        """Close this thread's HTTP session."""
        session = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None

    # -- reads ------------------------------------------------------------------------------
    def graph_names(self) -> list[str]:
        """Return the IRIs of every named graph, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"] for row in rows)

    def has_graph(self, graph_iri: str) -> bool:
        """Return whether the named graph ``graph_iri`` holds any triple."""
        body, _ = self.query_raw(f"ASK {{ GRAPH <{ox.NamedNode(graph_iri).value}> {{ ?s ?p ?o }} }}")
        return bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def holds(self, graph_iri: str, ntriples: bytes) -> bool:
        """Never said here (it would read the whole graph back over HTTP): a document is always written again."""
        return False

    def count_triples(self, graph_iri: str | None = None) -> int:
        """Count the triples of one named graph, or of all named graphs."""
        return self.select(count_query(graph_iri))[0]["n"]

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT on the server's default graph; rows map variable names to Python values."""
        body, _ = self.query_raw(bind(sparql, bindings or {}), "application/sparql-results+json")
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        return solution_rows(solutions)

    def read(self, sparql: str, bindings: dict[str, Any] | None = None,
             deadline: float | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the current graph (``default-graph-uri``), as ``Store.read`` does.

        The protocol cannot name a default graph and keep every named graph visible, so a query
        that reads reports' own data (``GRAPH ?var``) runs on the server's union default graph
        instead; those queries are DISTINCT over facts each report states once. ``deadline`` bounds
        the HTTP request.
        """
        dataset = [] if re.search(r"GRAPH\s+\?", sparql) else [str(CURRENT_GRAPH)]
        timeout = None if deadline is None else max(0.001, deadline - time.monotonic())
        body, _ = self.query_raw(bind(sparql, bindings or {}), "application/sparql-results+json",
                                 default_graph_uris=dataset, timeout_s=timeout)
        return solution_rows(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def query_raw(
        self,
        query: str,
        accept: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout_s: float | None = None,
    ) -> tuple[bytes, str]:
        """Forward a SPARQL query over the protocol; return (body, content type) as the server sends them."""
        form = [("query", query)]
        form += [("default-graph-uri", iri) for iri in default_graph_uris]
        form += [("named-graph-uri", iri) for iri in named_graph_uris]
        headers = {"Accept": accept or "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"}
        response = self._post(self.query_url, timeout_s=timeout_s, data=form, headers=headers)
        return response.content, response.headers.get("Content-Type", "application/octet-stream").split(";")[0]

    def dump(self, media_type: str = "application/n-quads") -> bytes:
        """Serialise every named graph as N-Quads (one SELECT over all quads)."""
        if ox.RdfFormat.from_media_type(media_type) != ox.RdfFormat.N_QUADS:
            raise NotAcceptable(f"a remote store dumps only application/n-quads, not {media_type!r}")
        query = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        body, _ = self.query_raw(query, "application/sparql-results+json")
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError(f"SPARQL server {self.query_url} answered a SELECT with a boolean")
        quads = (ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in solutions)
        return as_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
