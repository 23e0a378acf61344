"""SHACL validation of document graphs against ``graph/shapes.ttl`` (pyshacl), and the one rule SHACL core
cannot say: an actor on both sides of an event."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH
from rdflib.term import Node

from graph.sides import both_sides_allowed
from graph.vocab import CKG, PREFIXES, RDF, SDO

__all__ = ["validate", "validate_ntriples", "SHAPES_FILE", "shapes_graph"]

SHAPES_FILE = Path(__file__).with_name("shapes.ttl")


@cache
def shapes_graph() -> Graph:
    """Return the SHACL shapes (parsed once)."""
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate_ntriples(ntriples: bytes) -> list[str]:
    """``validate`` a graph given as N-Triples (what the builder writes)."""
    return validate(Graph().parse(data=ntriples, format="nt"))


def _both_sides(graph: Graph) -> list[tuple[Node, Node]]:
    """(event, actor) where one actor that is no unnamed group is actor 1 and actor 2 of the event."""
    return [(event, actor) for event, actor in graph.subject_objects(CKG.actor1)
            if (event, CKG.actor2, actor) in graph
            and not any(both_sides_allowed(str(name)) for name in graph.objects(actor, SDO.name))]


def validate(graph: Graph) -> list[str]:
    """Return one line per SHACL violation of ``graph`` (sorted); an empty list means it conforms."""
    conforms, report, _ = shacl_validate(graph, shacl_graph=shapes_graph(), inference="none", abort_on_first=False)
    names = Graph().namespace_manager
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace, override=True)
    lines = {f"{event.n3(names)} ckg:actor1: actor 1 is one actor, not also actor 2 (value {actor.n3(names)})"
             for event, actor in _both_sides(graph)}
    if conforms:
        return sorted(lines)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        where = f"{focus.n3(names)} {path.n3(names) if path is not None else ''}".strip()
        detail = f" (value {value.n3(names)})" if value is not None else ""
        lines.add(f"{where}: {message}{detail}")
    return sorted(lines)
