"""SPARQL text and results shared by both stores: binding values, counting, update text, result formats."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from graph.store.base import NotAcceptable, ReadTimeout, StoreError

__all__ = [
    "DEFAULT_RESULTS",
    "DEFAULT_GRAPH",
    "accepted_types",
    "as_bytes",
    "bind",
    "bound_rows",
    "to_term",
    "count_query",
    "serialize_result",
    "solution_rows",
    "to_ntriples",
    "to_python",
    "update_text",
]

# What a bare or */* Accept gets: the SPARQL JSON results for SELECT/ASK, Turtle for graphs.
DEFAULT_RESULTS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"


def as_bytes(serialized: bytes | None) -> bytes:
    """The bytes a pyoxigraph serialiser returns when given no output file (its stubs say ``bytes | None``)."""
    if serialized is None:
        raise TypeError("the serialiser wrote to a file instead of returning bytes")
    return serialized


def count_query(graph_iri: str | None = None) -> str:
    """The SELECT counting the triples of one named graph, or of all named graphs, as ``?n``."""
    where = f"GRAPH <{ox.NamedNode(graph_iri).value}> {{ ?s ?p ?o }}" if graph_iri else "GRAPH ?g { ?s ?p ?o }"
    return f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"


def solution_rows(solutions: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
                  deadline: float | None = None) -> list[dict[str, Any]]:
    """Turn SELECT solutions into rows mapping variable names to Python values (unbound ones left out).

    Past ``deadline`` (``time.monotonic()``), checked every 256 rows, raise ``ReadTimeout``; the
    answer of an ASK or CONSTRUCT query raises ``StoreError``.
    """
    if not isinstance(solutions, ox.QuerySolutions):
        raise StoreError("rows come from a SELECT query, not an ASK or CONSTRUCT")
    columns = list(enumerate(v.value for v in solutions.variables))
    rows = []
    for solution in solutions:
        row = {}
        for index, name in columns:  # by position, IRIs without a call: this loop is most of a read's Python time
            term = solution[index]
            if term is not None:
                row[name] = term.value if type(term) is ox.NamedNode else to_python(term)
        rows.append(row)
        if deadline is not None and not len(rows) % 256 and time.monotonic() > deadline:
            raise ReadTimeout("the read passed its deadline")
    return rows


def serialize_result(result: Any, accept: str | None) -> tuple[bytes, str]:
    """Serialise an engine query result in the best format of ``accept``; return (body, type)."""
    graph_result = isinstance(result, ox.QueryTriples)
    for media_type in accepted_types(accept):
        if media_type in ("*/*", "application/*", "text/*"):
            media_type = DEFAULT_GRAPH if graph_result else DEFAULT_RESULTS
        fmt: ox.RdfFormat | ox.QueryResultsFormat | None
        if graph_result:
            fmt = ox.RdfFormat.from_media_type(media_type)
            if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.N3):
                fmt = None  # not offered for a graph answer
        else:
            fmt = ox.QueryResultsFormat.from_media_type(media_type)
        if fmt is not None:
            return result.serialize(format=fmt), fmt.media_type.split(";")[0]
    kind = "an RDF graph" if graph_result else "query results"
    raise NotAcceptable(f"cannot serialise {kind} as any of: {accept}")


def accepted_types(accept: str | None) -> list[str]:
    """Return the media types of an Accept header, best first (q=0 dropped); none means ``*/*``."""
    ranked = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media_type, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media_type and quality > 0:
            ranked.append((-quality, position, media_type.lower()))
    return [media_type for _, _, media_type in sorted(ranked)]


def to_ntriples(graph: Graph | bytes | str) -> bytes:
    """Return N-Triples bytes for an rdflib graph (or pass N-Triples text through)."""
    if isinstance(graph, Graph):
        return graph.serialize(format="nt", encoding="utf-8")
    return graph.encode() if isinstance(graph, str) else graph


def update_text(items: Iterable[tuple[str, bytes | str]]) -> str:
    """Return one SPARQL Update that drops each named graph and inserts its N-Triples."""
    drops, inserts = [], []
    for graph_iri, triples in items:
        iri = ox.NamedNode(graph_iri).value  # raises ValueError on an invalid IRI
        text = triples.decode() if isinstance(triples, bytes) else triples
        drops.append(f"DROP SILENT GRAPH <{iri}>")
        inserts.append(f"GRAPH <{iri}> {{\n{text}\n}}")
    if not drops:
        return ""
    return " ;\n".join(drops) + " ;\nINSERT DATA {\n" + "\n".join(inserts) + "\n}"


def bind(sparql: str, bindings: dict[str, Any]) -> str:
    """Bind variables of a named query by a ``VALUES`` block at the start of its ``WHERE`` group.

    Values are serialised as RDF terms by the engine (quotes and escapes included), so a
    user's text can never change the query's shape. A tuple binds its variable to any of its
    terms (none: the query matches nothing); ``bound_rows`` gives the block's rows.
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{ox.Variable(name).value}" for name in bindings)
    rows = " ".join(f"({row})" for row in bound_rows(bindings))
    where = sparql.upper().index("WHERE {") + len("WHERE {")
    return f"{sparql[:where]} VALUES ({names}) {{ {rows} }} {sparql[where:]}"


def bound_rows(bindings: dict[str, Any]) -> list[str]:
    """The rows of a ``VALUES`` block of these bindings, as text: one per combination of their terms (a tuple
    value is any of its terms, each other value one term)."""
    rows = [""]
    for value in bindings.values():
        terms = value if isinstance(value, tuple) else (value,)
        rows = [f"{row} {to_term(term)}" for row in rows for term in terms]
    return rows


def to_term(value: Any) -> ox.NamedNode | ox.Literal:
    """The engine's term for a bound value: an IRI for a ``URIRef``, an engine term as it is, else a literal of
    its text."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    return ox.Literal(value) if isinstance(value, str) else ox.Literal(str(value))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {**{_XSD + name: int for name in ("integer", "int", "long")},
            **{_XSD + name: float for name in ("double", "decimal", "float")}}


def to_python(term: Any) -> Any:
    """Turn an engine term into a Python value: numbers for numeric literals, else the lexical form."""
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value)
    return term.value


def literal_value(lexical: str, datatype: str) -> Any:
    """A literal's Python value from its lexical form and datatype IRI: numbers for numeric ones, else the text."""
    convert = _NUMBERS.get(datatype)
    return convert(lexical) if convert is not None else lexical
