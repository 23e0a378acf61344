"""The model's static graphs: the ontology (``ontology.ttl``) and the ACLED taxonomy in SKOS.

The taxonomy is read from the event-typing data files (``graph/data/events/``): ACLED's event
and sub-event types become a ``skos:ConceptScheme`` under ``graph.vocab.TAXONOMY``, each
sub-event type mapped to its CAMEO root code and PLOVER type with ``skos:broadMatch``.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from graph.records import slugify
from graph.vocab import CAMEO, CKG, PLOVER, PREFIXES, RDF, SEM, SKOS, TAXONOMY

__all__ = ["ontology_graph", "taxonomy_graph", "event_concept", "event_codes", "event_types", "disorder_type",
           "ONTOLOGY_FILE"]

ONTOLOGY_FILE = Path(__file__).with_name("ontology.ttl")
_EVENTS_DIR = Path(__file__).with_name("data") / "events"


def _rows(name: str) -> list[dict[str, str]]:
    """Read a tab-separated data file whose header comments start with ``#``."""
    with open(_EVENTS_DIR / name, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


@cache
def _types() -> dict[tuple[str, str], dict[str, str]]:
    rows = {(r["event_type"], r["sub_event_type"]): r for r in _rows("acled_taxonomy.tsv")}
    codes = {r["sub_event_type"]: r for r in _rows("cameo_plover.tsv")}
    for (_, sub), row in rows.items():
        row["cameo"] = codes.get(sub, {}).get("cameo_root", "")
        row["plover"] = codes.get(sub, {}).get("plover", "")
    return rows


def _type_concept(event_type: str) -> URIRef:
    return TAXONOMY[slugify(event_type)]


def event_concept(event_type: str, sub_event_type: str) -> URIRef | None:
    """Return the SKOS concept of an ACLED (type, sub-type) pair, or None if the pair is not ACLED's."""
    if (event_type, sub_event_type) not in _types():
        return None
    return _sub_concept(event_type, sub_event_type)


def _sub_concept(event_type: str, sub_event_type: str) -> URIRef:
    return TAXONOMY[f"{slugify(event_type)}/{slugify(sub_event_type)}"]


def event_codes(event_type: str, sub_event_type: str) -> tuple[str | None, str | None]:
    """Return the (CAMEO root code, PLOVER type) mapped to an ACLED pair; None where none fits."""
    row = _types().get((event_type, sub_event_type), {})
    return row.get("cameo") or None, row.get("plover") or None


def event_types() -> dict[str, list[str]]:
    """Return ACLED's event types, each with its sub-event types, in the taxonomy's order."""
    types: dict[str, list[str]] = {}
    for kind, sub in _types():
        types.setdefault(kind, []).append(sub)
    return types


def disorder_type(event_type: str) -> str | None:
    """Return ACLED's disorder group of an event type ("political violence", ...), or None."""
    for (kind, _), row in _types().items():
        if kind == event_type:
            return row["disorder"] or None
    return None


@cache
def taxonomy_graph() -> Graph:
    """Return the ACLED event taxonomy as a SKOS concept scheme, with CAMEO and PLOVER matches."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    scheme, cameo_scheme, plover_scheme = URIRef(str(TAXONOMY)), URIRef(str(CAMEO)), URIRef(str(PLOVER))
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal("ACLED event types and sub-event types", lang="en")))
    g.add((cameo_scheme, RDF.type, SKOS.ConceptScheme))
    g.add((cameo_scheme, SKOS.prefLabel, Literal("CAMEO root codes", lang="en")))
    g.add((plover_scheme, RDF.type, SKOS.ConceptScheme))
    g.add((plover_scheme, SKOS.prefLabel, Literal("PLOVER event types", lang="en")))
    for (event_type, sub_event_type), row in _types().items():
        top, concept = _type_concept(event_type), _sub_concept(event_type, sub_event_type)
        for node, label in ((top, event_type), (concept, sub_event_type)):
            g.add((node, RDF.type, SKOS.Concept))
            g.add((node, RDF.type, SEM.EventType))
            g.add((node, SKOS.prefLabel, Literal(label, lang="en")))
            g.add((node, SKOS.inScheme, scheme))
        g.add((top, SKOS.topConceptOf, scheme))
        g.add((scheme, SKOS.hasTopConcept, top))
        g.add((concept, SKOS.broader, top))
        g.add((top, SKOS.narrower, concept))
        if row["disorder"]:
            g.add((top, CKG.disorderType, Literal(row["disorder"])))
        if row.get("description"):
            g.add((concept, SKOS.definition, Literal(row["description"], lang="en")))
        matches = ((row["cameo"], CAMEO, cameo_scheme), (row["plover"], PLOVER, plover_scheme))
        for code, namespace, code_scheme in matches:
            if code:
                g.add((concept, SKOS.broadMatch, namespace[code]))
                g.add((namespace[code], RDF.type, SKOS.Concept))
                g.add((namespace[code], SKOS.notation, Literal(code)))
                g.add((namespace[code], SKOS.inScheme, code_scheme))
    return g


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def ontology_graph(with_taxonomy: bool = True) -> Graph:
    """Return a fresh copy of the ontology, with the SKOS taxonomy unless told otherwise."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    g += _ontology()
    if with_taxonomy:
        g += taxonomy_graph()
    return g
