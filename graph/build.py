"""The one writer of triples: turns an extraction into the named graph of its document."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef

from graph import __version__
from graph.records import Extraction, slugify
from graph.vocab import CKG, GEO, PROV, RDF, SDO, SEM, XSD

__all__ = ["build_graph", "document_graph_iri"]


def document_graph_iri(base_iri: str, document_id: str) -> str:
    """Return the IRI of the named graph that holds one document's triples."""
    return f"{base_iri}graph/{slugify(document_id)}"


def build_graph(extraction: Extraction, base_iri: str) -> tuple[str, Graph]:
    """Return (named graph IRI, triples) for one extraction; same input, same graph."""
    base = Namespace(base_iri)
    g = Graph()
    doc = extraction.document
    doc_iri = base[f"document/{slugify(doc.id)}"]
    g.add((doc_iri, RDF.type, CKG.Document))
    g.add((doc_iri, RDF.type, PROV.Entity))
    if doc.title:
        g.add((doc_iri, SDO.headline, Literal(doc.title)))
    if doc.source:
        g.add((doc_iri, SDO.publisher, Literal(doc.source)))
    if doc.published:
        g.add((doc_iri, SDO.datePublished, Literal(doc.published, datatype=XSD.date)))
    if doc.path:
        g.add((doc_iri, CKG.sourcePath, Literal(doc.path)))
    names = {}
    for actor in extraction.actors:
        iri = base[actor.id]
        names[actor.name] = iri
        g.add((iri, RDF.type, SEM.Actor))
        g.add((iri, SDO.name, Literal(actor.name)))
        g.add((iri, CKG.kind, Literal(actor.kind)))
        g.add((iri, PROV.wasDerivedFrom, doc_iri))
        for alias in actor.aliases:
            g.add((iri, SDO.alternateName, Literal(alias)))
    for place in extraction.locations:
        iri = base[place.id]
        names.setdefault(place.name, iri)
        g.add((iri, RDF.type, SEM.Place))
        g.add((iri, SDO.name, Literal(place.name)))
        g.add((iri, CKG.kind, Literal(place.kind)))
        g.add((iri, PROV.wasDerivedFrom, doc_iri))
        if place.lat is not None and place.lon is not None:
            geometry = URIRef(f"{iri}/geometry")
            g.add((iri, GEO.hasGeometry, geometry))
            g.add((geometry, GEO.asWKT, Literal(f"POINT({place.lon} {place.lat})", datatype=GEO.wktLiteral)))
    for event in extraction.events:
        iri = base[event.id]
        g.add((iri, RDF.type, SEM.Event))
        g.add((iri, CKG.eventType, Literal(event.event_type)))
        g.add((iri, CKG.subEventType, Literal(event.sub_event_type)))
        g.add((iri, PROV.wasDerivedFrom, doc_iri))
        for role, name in ((CKG.actor1, event.actor1), (CKG.actor2, event.actor2)):
            if name in names:
                g.add((iri, role, names[name]))
                g.add((iri, SEM.hasActor, names[name]))
        if event.location in names:
            g.add((iri, SEM.hasPlace, names[event.location]))
        if event.date:
            g.add((iri, SEM.hasTimeStamp, Literal(event.date)))
        if event.fatalities is not None:
            g.add((iri, CKG.fatalities, Literal(event.fatalities)))
        evidence = URIRef(f"{iri}/evidence")
        g.add((iri, CKG.evidence, evidence))
        g.add((evidence, CKG.text, Literal(event.evidence)))
        g.add((evidence, CKG.document, doc_iri))
    g.add((doc_iri, CKG.extractorVersion, Literal(__version__)))
    return document_graph_iri(base_iri, doc.id), g
