"""SHACL validation of document graphs against ``graph/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

from graph.vocab import PREFIXES, RDF

__all__ = ["validate", "validate_ntriples", "SHAPES_FILE", "shapes_graph"]

SHAPES_FILE = Path(__file__).with_name("shapes.ttl")


@cache
def shapes_graph() -> Graph:
    """Return the SHACL shapes (parsed once)."""
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate_ntriples(ntriples: bytes) -> list[str]:
    """``validate`` a graph given as N-Triples (what the builder writes)."""
    return validate(Graph().parse(data=ntriples, format="nt"))


def validate(graph: Graph) -> list[str]:
    """Return one line per SHACL violation of ``graph`` (sorted); an empty list means it conforms."""
    conforms, report, _ = shacl_validate(graph, shacl_graph=shapes_graph(), inference="none", abort_on_first=False)
    if conforms:
        return []
    names = Graph().namespace_manager
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace, override=True)
    lines = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        where = f"{focus.n3(names)} {path.n3(names) if path is not None else ''}".strip()
        detail = f" (value {value.n3(names)})" if value is not None else ""
        lines.add(f"{where}: {message}{detail}")
    return sorted(lines)
