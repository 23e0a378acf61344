"""The one writer of triples: turns an extraction into the named graph of its document.

The document graph says what the document says. Facts that several documents may state
differently about one event (its lowest and highest death toll, its best date) are per
evidence here; ``graph.link.refresh_events`` merges them into the events graph.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from graph import __version__
from graph.iris import (
    actor_iri,
    date_precision,
    document_graph_iri,
    document_iri,
    event_iri,
    evidence_iri,
    place_iri,
    run_iri,
)
from graph.ontology import event_codes, event_concept
from graph.records import Actor, Event, Extraction, Location, slugify
from graph.vocab import CKG, GEO, PREFIXES, PROV, RDF, SDO, SEM, XSD

__all__ = ["build_graph", "document_graph_iri", "EventLink", "RELATIONS", "timestamp_literal", "timestamp_datatype",
           "resolve"]

RELATIONS = {
    "part_of": CKG.partOf,
    "member_of": CKG.memberOf,
    "affiliated_with": CKG.affiliatedWith,
    "supports": CKG.supports,
    "leads": CKG.leads,
}
_DATATYPES = {
    "day": (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    "week": (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    "month": (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    "year": (re.compile(r"\d{4}"), XSD.gYear),
}


@dataclass(frozen=True)
class EventLink:
    """Where an event of this document goes: an existing event's IRI, and whether to swap its actors."""

    iri: URIRef
    swap: bool = False


class _Names:
    """Resolve the names an event uses (canonical name, id, alias) to actor and place IRIs."""

    def __init__(self, extraction: Extraction, base_iri: str):
        self.base = base_iri
        self.actors: dict[str, URIRef] = {}
        self.places: dict[str, URIRef] = {}
        for actor in extraction.actors:
            iri = actor_iri(base_iri, actor.id)
            for name in (actor.id, actor.name, *actor.aliases):
                self.actors.setdefault(_fold(name), iri)
        for place in extraction.locations:
            iri = place_iri(base_iri, place)
            for name in (place.id, place.name, *place.aliases):
                self.places.setdefault(_fold(name), iri)
        self.stubs: dict[URIRef, tuple[str, str]] = {}  # names used by events but missing from the lists

    def actor(self, name: str | None) -> URIRef | None:
        if not name:
            return None
        iri = self.actors.get(_fold(name))
        if iri is None:
            iri = actor_iri(self.base, name)
            self.stubs.setdefault(iri, (name, "actor"))
        return iri

    def place(self, name: str | None) -> URIRef | None:
        if not name:
            return None
        iri = self.places.get(_fold(name))
        if iri is None:
            iri = URIRef(f"{self.base}place/{slugify(name.removeprefix('place/'))}")
            self.stubs.setdefault(iri, (name, "place"))
        return iri


def _fold(name: str) -> str:
    return slugify(name)


def resolve(extraction: Extraction, base_iri: str, event: Event) -> tuple[URIRef | None, URIRef | None, URIRef | None]:
    """Return the (place, actor1, actor2) IRIs of an event, as build_graph names them; None where blank."""
    names = _Names(extraction, base_iri)
    return names.place(event.location), names.actor(event.actor1), names.actor(event.actor2)


def timestamp_datatype(date: str, precision: str | None) -> URIRef | None:
    """Return the XSD datatype of an ISO date at a precision, or None when the text is not such a date."""
    pattern, datatype = _DATATYPES.get(precision or "", (None, None))
    return datatype if pattern is not None and pattern.fullmatch(date) else None


def timestamp_literal(date: str, precision: str | None) -> Literal:
    """Return an ISO date as a literal typed by its precision (xsd:date, xsd:gYearMonth, xsd:gYear)."""
    return Literal(date, datatype=timestamp_datatype(date, precision))


def build_graph(
    extraction: Extraction,
    base_iri: str,
    links: Mapping[int, EventLink] | None = None,
    extractor_version: str = __version__,
) -> tuple[str, Graph]:
    """Return (named graph IRI, triples) for one extraction; same input, same graph.

    Args:
        extraction: what was read from one document.
        base_iri: the base every IRI is minted under.
        links: for the events at these indexes of ``extraction.events``, the IRI of the same event
            already in the store (``graph.link.link_events``); others get their own key's IRI.
        extractor_version: recorded on the extraction run.
    """
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    doc = extraction.document
    doc_iri = document_iri(base_iri, doc.id)
    run = run_iri(base_iri, doc.id, extractor_version)
    _add_document(g, extraction, doc_iri, run, base_iri, extractor_version)
    names = _Names(extraction, base_iri)
    for actor in extraction.actors:
        _add_actor(g, actor, actor_iri(base_iri, actor.id), doc_iri, run)
    for place in extraction.locations:
        _add_place(g, place, place_iri(base_iri, place), doc_iri, run)
    roles: dict[URIRef, tuple[URIRef | None, URIRef | None]] = {}
    for index, event in enumerate(extraction.events):
        _add_event(g, extraction, index, event, names, (links or {}).get(index), roles, doc_iri, run)
    for relation in extraction.relations:
        predicate = RELATIONS.get(relation.relation)
        subject, obj = names.actor(relation.subject), names.actor(relation.object)
        if predicate is not None and subject is not None and obj is not None and subject != obj:
            g.add((subject, predicate, obj))
    for iri, (name, kind) in names.stubs.items():
        _add_stub(g, iri, name, kind, doc_iri, run)
    return document_graph_iri(base_iri, doc.id), g


def _add_document(g: Graph, extraction: Extraction, doc_iri: URIRef, run: URIRef, base_iri: str, version: str) -> None:
    doc = extraction.document
    g.add((doc_iri, RDF.type, CKG.Document))
    g.add((doc_iri, RDF.type, PROV.Entity))
    if doc.title:
        g.add((doc_iri, SDO.headline, Literal(doc.title)))
    if doc.source:
        g.add((doc_iri, SDO.publisher, Literal(doc.source)))
    if doc.published:
        g.add((doc_iri, SDO.datePublished, _date_literal(doc.published)))
    if doc.path:
        g.add((doc_iri, CKG.sourcePath, Literal(doc.path)))
        if re.match(r"https?://", doc.path):
            g.add((doc_iri, SDO.url, Literal(doc.path, datatype=XSD.anyURI)))
    g.add((doc_iri, CKG.extractorVersion, Literal(version)))
    agent = URIRef(f"{base_iri}agent/conflictkg-extractor")
    g.add((run, RDF.type, CKG.ExtractionRun))
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, PROV.used, doc_iri))
    g.add((run, PROV.wasAssociatedWith, agent))
    g.add((run, CKG.extractorVersion, Literal(version)))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, SDO.name, Literal("ConflictKG extractor")))


def _number(value, kind: type) -> int | float | None:
    """Return ``value`` as an int or float, or None when it is missing or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return kind(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _date_literal(text: str) -> Literal:
    try:
        return Literal(dt.date.fromisoformat(text).isoformat(), datatype=XSD.date)
    except ValueError:
        return Literal(text)


def _provenance(g: Graph, iri: URIRef, doc_iri: URIRef, run: URIRef) -> None:
    g.add((iri, PROV.wasDerivedFrom, doc_iri))
    g.add((iri, PROV.wasGeneratedBy, run))


def _add_actor(g: Graph, actor: Actor, iri: URIRef, doc_iri: URIRef, run: URIRef) -> None:
    g.add((iri, RDF.type, SEM.Actor))
    g.add((iri, RDF.type, CKG.Actor))
    g.add((iri, SDO.name, Literal(actor.name)))
    if actor.kind:
        g.add((iri, CKG.kind, Literal(actor.kind)))
    if actor.country:
        g.add((iri, CKG.countryCode, Literal(actor.country)))
    for alias in actor.aliases:
        if alias != actor.name:
            g.add((iri, SDO.alternateName, Literal(alias)))
    _provenance(g, iri, doc_iri, run)


def _add_place(g: Graph, place: Location, iri: URIRef, doc_iri: URIRef, run: URIRef) -> None:
    g.add((iri, RDF.type, SEM.Place))
    g.add((iri, RDF.type, CKG.Place))
    g.add((iri, RDF.type, GEO.Feature))
    g.add((iri, SDO.name, Literal(place.name)))
    if place.kind:
        g.add((iri, CKG.kind, Literal(place.kind)))
    for alias in place.aliases:
        if alias != place.name:
            g.add((iri, SDO.alternateName, Literal(alias)))
    optional = (
        (CKG.countryCode, place.country, None),
        (CKG.admin1, place.admin1, None),
        (CKG.geonamesId, place.geonames_id, XSD.integer),
        (CKG.geoPrecision, place.precision, XSD.integer),
    )
    for predicate, value, datatype in optional:
        if value is not None and value != "":
            g.add((iri, predicate, Literal(value, datatype=datatype)))
    lat, lon = _number(place.lat, float), _number(place.lon, float)
    if lat is not None and lon is not None:
        g.add((iri, SDO.latitude, Literal(lat, datatype=XSD.double)))
        g.add((iri, SDO.longitude, Literal(lon, datatype=XSD.double)))
        geometry = URIRef(f"{iri}/geometry")
        g.add((iri, GEO.hasGeometry, geometry))
        g.add((geometry, RDF.type, GEO.Geometry))
        wkt = f"POINT({lon} {lat})"
        g.add((geometry, GEO.asWKT, Literal(wkt, datatype=GEO.wktLiteral)))
    _provenance(g, iri, doc_iri, run)


def _add_stub(g: Graph, iri: URIRef, name: str, kind: str, doc_iri: URIRef, run: URIRef) -> None:
    """An actor or place an event names but the extraction did not list: keep it with its name only."""
    types = (SEM.Actor, CKG.Actor) if kind == "actor" else (SEM.Place, CKG.Place, GEO.Feature)
    for rdf_type in types:
        g.add((iri, RDF.type, rdf_type))
    g.add((iri, SDO.name, Literal(name.removeprefix(f"{kind}/"))))
    _provenance(g, iri, doc_iri, run)


def _add_event(g, extraction, index, event, names, link, roles, doc_iri, run) -> None:
    base = names.base
    place = names.place(event.location)
    actor1, actor2 = names.actor(event.actor1), names.actor(event.actor2)
    iri = link.iri if link else event_iri(
        base, extraction.document.id, event, place, [a for a in (actor1, actor2) if a is not None]
    )
    swap = link.swap if link else False
    if iri in roles and not swap:  # a second mention in this document: keep the first one's roles
        swap = roles[iri] == (actor2, actor1) and actor1 != actor2
    assoc1 = [names.actor(n) for n in event.assoc_actor_1]
    assoc2 = [names.actor(n) for n in event.assoc_actor_2]
    if swap:
        actor1, actor2, assoc1, assoc2 = actor2, actor1, assoc2, assoc1
    roles.setdefault(iri, (actor1, actor2))
    g.add((iri, RDF.type, SEM.Event))
    g.add((iri, RDF.type, CKG.Event))
    g.add((iri, CKG.eventType, Literal(event.event_type)))
    g.add((iri, CKG.subEventType, Literal(event.sub_event_type)))
    concept = event_concept(event.event_type, event.sub_event_type)
    if concept is not None:
        g.add((iri, SEM.eventType, concept))
    cameo, plover = event_codes(event.event_type, event.sub_event_type)
    for predicate, value in ((CKG.cameoCode, event.cameo or cameo), (CKG.ploverType, event.plover or plover)):
        if value:
            g.add((iri, predicate, Literal(value)))
    for predicate, actors in ((CKG.actor1, [actor1]), (CKG.actor2, [actor2]),
                              (CKG.associateActor1, assoc1), (CKG.associateActor2, assoc2)):
        for actor in actors:
            if actor is not None:
                g.add((iri, predicate, actor))
                g.add((iri, SEM.hasActor, actor))
    if place is not None:
        g.add((iri, SEM.hasPlace, place))
    _provenance(g, iri, doc_iri, run)
    evidence = evidence_iri(base, extraction.document.id, event)
    g.add((iri, CKG.evidence, evidence))
    _add_evidence(g, evidence, event, names, doc_iri, run)


def _add_evidence(g: Graph, evidence: URIRef, event: Event, names: _Names, doc_iri: URIRef, run: URIRef) -> None:
    g.add((evidence, RDF.type, CKG.Evidence))
    g.add((evidence, RDF.type, PROV.Entity))
    g.add((evidence, CKG.text, Literal(event.evidence)))
    g.add((evidence, CKG.document, doc_iri))
    _provenance(g, evidence, doc_iri, run)
    # A value that is not a number is left out; the SHACL shapes then report what is missing.
    for predicate, value, kind in ((CKG.start, event.start, int), (CKG.end, event.end, int),
                                   (CKG.fatalities, event.fatalities, int), (CKG.quantity, event.quantity, int),
                                   (CKG.confidence, event.confidence, float)):
        number = _number(value, kind)
        if number is not None:
            g.add((evidence, predicate, Literal(number, datatype=XSD.double if kind is float else None)))
    if event.date:
        precision = date_precision(event)
        g.add((evidence, SEM.hasTimeStamp, timestamp_literal(event.date, precision)))
        if precision:
            g.add((evidence, CKG.datePrecision, Literal(precision)))
    for source in event.reported_by:
        reporter = names.actor(source)
        if reporter is not None:
            g.add((evidence, CKG.reportedBy, reporter))
