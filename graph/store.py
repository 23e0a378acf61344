"""The triple store: embedded Oxigraph on disk, seen through rdflib.

rdflib gives the Python-side API (``dataset``); the hot paths (bulk loads, SPARQL
queries) go straight to the engine (``oxigraph``) so no triple is moved by a Python loop.
Writes always name their graph: oxrdflib would otherwise put them in a generated one.
"""

from __future__ import annotations

import os
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef

__all__ = ["Store", "bind", "open_store"]


class Store:
    """An embedded, on-disk Oxigraph store with one named graph per document."""

    def __init__(self, path: str | None):
        """Open (or create) the store in directory ``path``; ``None`` keeps it in memory."""
        if path is not None:
            os.makedirs(path, exist_ok=True)
        self.path = path
        self.oxigraph = ox.Store(path) if path is not None else ox.Store()
        self.dataset = Dataset(store=OxigraphStore(store=self.oxigraph), default_union=True)

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        """Atomically replace the named graph ``graph_iri`` with the triples of ``graph``."""
        triples = graph.serialize(format="nt", encoding="utf-8").decode()
        iri = ox.NamedNode(graph_iri)  # raises ValueError on an invalid IRI
        # One update is one transaction: readers see the old graph or the new one, never half.
        self.oxigraph.update(f"DROP SILENT GRAPH <{iri.value}> ; INSERT DATA {{ GRAPH <{iri.value}> {{ {triples} }} }}")

    def graph_names(self) -> list[str]:
        """Return the IRIs of every named graph."""
        return [n.value for n in self.oxigraph.named_graphs()]

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the union of all graphs; rows map variable names to Python values."""
        solutions = self.oxigraph.query(bind(sparql, bindings or {}), use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        return [{n: _to_python(row[n]) for n in names if row[n] is not None} for row in solutions]

    def flush(self) -> None:
        """Write pending data to disk."""
        self.oxigraph.flush()


def bind(sparql: str, bindings: dict[str, Any]) -> str:
    """Bind variables of a named query by a ``VALUES`` block at the start of its ``WHERE`` group.

    Values are serialised as RDF terms by the engine (quotes and escapes included), so a
    user's text can never change the query's shape.
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{ox.Variable(name).value}" for name in bindings)
    terms = " ".join(str(_to_term(value)) for value in bindings.values())
    where = sparql.upper().index("WHERE {") + len("WHERE {")
    return f"{sparql[:where]} VALUES ({names}) {{ ({terms}) }} {sparql[where:]}"


def _to_term(value: Any) -> ox.NamedNode | ox.Literal:
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    return ox.Literal(value) if isinstance(value, str) else ox.Literal(str(value))


def _to_python(term: Any) -> Any:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if datatype.endswith(("#double", "#decimal", "#float")):
            return float(term.value)
        return term.value
    return term.value


def open_store(settings: Any) -> Store:
    """Open the store that ``settings`` names (``settings.store`` empty = embedded in data_dir)."""
    if settings.store:
        raise ValueError(f"unsupported store {settings.store!r}; only the embedded store exists yet")
    return Store(settings.data_dir)
