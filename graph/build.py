"""The one writer of triples: turns an extraction into the named graph of its document.

The document graph says what the document says. Facts that several documents may state
differently about one event (its lowest and highest death toll, its best date) are per
evidence here; ``graph.link.reconcile`` merges them into the current graph.

``build_document`` writes N-Triples text directly (``graph.ntriples``), which is what the bulk
loader takes; ``build_graph`` gives the same triples as an rdflib ``Graph`` for SHACL and callers
that want one.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple, TypeVar

from rdflib import Graph, URIRef

from graph import __version__
from graph.inputs.known import content_hash
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
from graph.ntriples import Terms, TripleLines, checked_iri, double, integer, iri, known_iri, literal, typed
from graph.ontology import event_codes, event_concept
from graph.records import Actor, Event, Extraction, Location, slugify
from graph.vocab import CKG, GEO, PREFIXES, PROV, RDF, SDO, SEM, XSD

__all__ = ["build_document", "build_graph", "DocumentTriples", "EventReport", "document_graph_iri", "RELATIONS",
           "timestamp_datatype"]

_N = TypeVar("_N", int, float)
# the vocabulary's terms as the lines write them (``graph.ntriples.Terms``)
_CKG, _GEO, _PROV, _RDF, _SDO, _SEM = (Terms(n) for n in (CKG, GEO, PROV, RDF, SDO, SEM))


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


class _Names:
    """Resolve the names an event uses (canonical name, id, alias) to actor and place IRIs."""

    def __init__(self, extraction: Extraction, base_iri: str):
        self.base = base_iri
        self.document = extraction.document.id
        self.actors: dict[str, URIRef] = {}
        self.places: dict[str, URIRef] = {}
        for actor in extraction.actors:
            iri = actor_iri(base_iri, actor.id, self.document)
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
            iri = actor_iri(self.base, name, self.document)
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


def timestamp_datatype(date: str, precision: str | None) -> URIRef | None:
    """Return the XSD datatype of an ISO date at a precision, or None when the text is not such a date."""
    pattern, datatype = _DATATYPES.get(precision or "", (None, None))
    return datatype if pattern is not None and pattern.fullmatch(date) else None


class EventReport(NamedTuple):
    """What one mention in a document says of its event: what linking and merged facts read, as written."""

    event: str  # IRIs as text
    event_type: str
    sub_event_type: str
    place: str | None
    date: str | None
    precision: str | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    confidence: float | None


@dataclass(frozen=True)
class DocumentTriples:
    """One document's named graph as N-Triples, with what the writers need to know about it."""

    graph_iri: str
    ntriples: bytes
    triples: int
    reports: tuple[EventReport, ...]  # one per event mention, in the document's order

    def event_iris(self) -> list[str]:
        """The IRIs of the document's events, sorted."""
        return sorted({report.event for report in self.reports})


def build_document(extraction: Extraction, base_iri: str, extractor_version: str = __version__) -> DocumentTriples:
    """Return one extraction's named graph as N-Triples; same input, same text.

    Each event gets its own key's IRI (``graph.iris.event_iri``); events that other documents
    report under another IRI are merged after writing (``graph.link.relink``).

    Args:
        extraction: what was read from one document.
        base_iri: the base every IRI is minted under.
        extractor_version: recorded on the extraction run.
    """
    g = TripleLines()
    doc = extraction.document
    doc_iri = iri(document_iri(base_iri, doc.id))
    run = iri(run_iri(base_iri, doc.id, extractor_version))
    _add_document(g, extraction, doc_iri, run, base_iri, extractor_version)
    names = _Names(extraction, base_iri)
    for actor in extraction.actors:
        _add_actor(g, actor, iri(actor_iri(base_iri, actor.id, doc.id)), doc_iri, run)
    for place in extraction.locations:
        _add_place(g, place, iri(place_iri(base_iri, place)), doc_iri, run)
    roles: dict[URIRef, tuple[URIRef | None, URIRef | None]] = {}
    reports = [
        _add_event(g, extraction, event, names, roles, doc_iri, run) for event in extraction.events
    ]
    for relation in extraction.relations:
        predicate = RELATIONS.get(relation.relation)
        subject, obj = names.actor(relation.subject), names.actor(relation.object)
        if predicate is not None and subject is not None and obj is not None and subject != obj:
            g.add(iri(subject), known_iri(predicate), iri(obj))
    for stub, (name, kind) in names.stubs.items():
        _add_stub(g, iri(stub), name, kind, doc_iri, run)
    return DocumentTriples(document_graph_iri(base_iri, doc.id), g.encode(), len(g), tuple(reports))


def build_graph(extraction: Extraction, base_iri: str, extractor_version: str = __version__) -> tuple[str, Graph]:
    """Return (named graph IRI, rdflib graph) of ``build_document``'s triples, with the project's prefixes."""
    built = build_document(extraction, base_iri, extractor_version)
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    g.parse(data=built.ntriples, format="nt")
    return built.graph_iri, g


def _add_document(g: TripleLines, extraction: Extraction, doc_iri: str, run: str, base_iri: str, version: str) -> None:
    doc = extraction.document
    g.add(doc_iri, _RDF.type, _CKG.Document)
    g.add(doc_iri, _RDF.type, _PROV.Entity)
    if doc.title:
        g.add(doc_iri, _SDO.headline, literal(doc.title))
    if doc.source:
        g.add(doc_iri, _SDO.publisher, literal(doc.source))
    if doc.published:
        g.add(doc_iri, _SDO.datePublished, typed(doc.published.isoformat(), XSD.date))
    if doc.author:
        g.add(doc_iri, _SDO.author, literal(doc.author))
    if doc.path:
        g.add(doc_iri, _CKG.sourcePath, literal(doc.path))
        if re.match(r"https?://", doc.path):
            g.add(doc_iri, _SDO.url, typed(doc.path, XSD.anyURI))
            with contextlib.suppress(ValueError):  # a URL the engine cannot take as an IRI stays a literal
                g.add(doc_iri, _PROV.hadPrimarySource, checked_iri(doc.path))
    g.add(doc_iri, _SDO.sha256, literal(content_hash(doc.text)))  # feeds skip stored texts by it
    if doc.text:  # the document page shows it, each evidence sentence marked (never copied to the current graph)
        g.add(doc_iri, _SDO.text, literal(doc.text))
    g.add(doc_iri, _CKG.extractorVersion, literal(version))
    agent = iri(f"{base_iri}agent/conflictkg-extractor")
    g.add(run, _RDF.type, _CKG.ExtractionRun)
    g.add(run, _RDF.type, _PROV.Activity)
    g.add(run, _PROV.used, doc_iri)
    g.add(run, _PROV.wasAssociatedWith, agent)
    g.add(run, _CKG.extractorVersion, literal(version))
    g.add(agent, _RDF.type, _PROV.SoftwareAgent)
    g.add(agent, _SDO.name, literal("ConflictKG extractor"))


def _number(value: Any, kind: type[_N]) -> _N | None:
    """Return ``value`` as an int or float, or None when it is missing or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return kind(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _provenance(g: TripleLines, subject: str, doc_iri: str, run: str) -> None:
    g.add(subject, _PROV.wasDerivedFrom, doc_iri)
    g.add(subject, _PROV.wasGeneratedBy, run)


def _add_names(g: TripleLines, subject: str, name: str, aliases: tuple[str, ...]) -> None:
    g.add(subject, _SDO.name, literal(name))
    for alias in aliases:
        if alias != name:
            g.add(subject, _SDO.alternateName, literal(alias))


def _add_actor(g: TripleLines, actor: Actor, subject: str, doc_iri: str, run: str) -> None:
    g.add(subject, _RDF.type, _SEM.Actor)
    g.add(subject, _RDF.type, _CKG.Actor)
    _add_names(g, subject, actor.name, actor.aliases)
    if actor.kind:
        g.add(subject, _CKG.kind, literal(actor.kind))
    if actor.inter:
        g.add(subject, _CKG.interCode, integer(actor.inter))
    if actor.country:
        g.add(subject, _CKG.countryCode, literal(actor.country))
    _provenance(g, subject, doc_iri, run)


def _add_place(g: TripleLines, place: Location, subject: str, doc_iri: str, run: str) -> None:
    for rdf_type in (_SEM.Place, _CKG.Place, _GEO.Feature):
        g.add(subject, _RDF.type, rdf_type)
    _add_names(g, subject, place.name, place.aliases)
    if place.kind:
        g.add(subject, _CKG.kind, literal(place.kind))
    for predicate, value in ((_CKG.countryCode, place.country), (_CKG.admin1, place.admin1)):
        if value:
            g.add(subject, predicate, literal(str(value)))
    for predicate, code in ((_CKG.geonamesId, place.geonames_id), (_CKG.geoPrecision, place.precision)):
        number = _number(code, int)
        if number is not None:
            g.add(subject, predicate, integer(number))
    lat, lon = _number(place.lat, float), _number(place.lon, float)
    if lat is not None and lon is not None:
        g.add(subject, _SDO.latitude, double(lat))
        g.add(subject, _SDO.longitude, double(lon))
        geometry = f"{subject[:-1]}/geometry>"
        g.add(subject, _GEO.hasGeometry, geometry)
        g.add(geometry, _RDF.type, _GEO.Geometry)
        g.add(geometry, _GEO.asWKT, typed(f"POINT({lon} {lat})", GEO.wktLiteral))
    _provenance(g, subject, doc_iri, run)


def _add_stub(g: TripleLines, subject: str, name: str, kind: str, doc_iri: str, run: str) -> None:
    """An actor or place an event names but the extraction did not list: keep it with its name only."""
    types = (_SEM.Actor, _CKG.Actor) if kind == "actor" else (_SEM.Place, _CKG.Place, _GEO.Feature)
    for rdf_type in types:
        g.add(subject, _RDF.type, rdf_type)
    g.add(subject, _SDO.name, literal(name.removeprefix(f"{kind}/")))
    _provenance(g, subject, doc_iri, run)


@cache
def _event_kind(event_type: str, sub_event_type: str) -> tuple[tuple[str, str], ...]:
    """The (predicate, object) terms every event of an ACLED type and sub-type carries."""
    terms = [(_RDF.type, _SEM.Event), (_RDF.type, _CKG.Event),
             (_CKG.eventType, literal(event_type)), (_CKG.subEventType, literal(sub_event_type))]
    concept = event_concept(event_type, sub_event_type)
    if concept is not None:
        terms.append((_SEM.eventType, known_iri(concept)))
    return tuple(terms)


def _add_event(g, extraction, event, names, roles, doc_iri, run) -> EventReport:
    base = names.base
    place = names.place(event.location)
    actor1, actor2 = names.actor(event.actor1), names.actor(event.actor2)
    event_ref = event_iri(base, extraction.document.id, event, place, [a for a in (actor1, actor2) if a is not None])
    # a second mention in this document: keep the first one's roles
    swap = event_ref in roles and roles[event_ref] == (actor2, actor1) and actor1 != actor2
    assoc1 = [names.actor(n) for n in event.assoc_actor_1]
    assoc2 = [names.actor(n) for n in event.assoc_actor_2]
    if swap:
        actor1, actor2, assoc1, assoc2 = actor2, actor1, assoc2, assoc1
    roles.setdefault(event_ref, (actor1, actor2))
    subject = iri(event_ref)
    for predicate, obj in _event_kind(event.event_type, event.sub_event_type):
        g.add(subject, predicate, obj)
    cameo, plover = event_codes(event.event_type, event.sub_event_type)
    for predicate, value in ((_CKG.cameoCode, event.cameo or cameo), (_CKG.ploverType, event.plover or plover)):
        if value:
            g.add(subject, predicate, literal(value))
    for predicate, actors in ((_CKG.actor1, [actor1]), (_CKG.actor2, [actor2]),
                              (_CKG.associateActor1, assoc1), (_CKG.associateActor2, assoc2)):
        for actor in actors:
            if actor is not None:
                g.add(subject, predicate, iri(actor))
                g.add(subject, _SEM.hasActor, iri(actor))
    if place is not None:
        g.add(subject, _SEM.hasPlace, iri(place))
    _provenance(g, subject, doc_iri, run)
    for mention in (event, *_more_mentions(event)):  # every sentence that tells it, each with its own figures
        evidence = iri(evidence_iri(base, extraction.document.id, mention))
        g.add(subject, _CKG.evidence, evidence)
        _add_evidence(g, evidence, mention, names, doc_iri, run)
    return EventReport(str(event_ref), event.event_type, event.sub_event_type, place and str(place), event.date or None,
                       date_precision(event) if event.date else None, actor1 and str(actor1), actor2 and str(actor2),
                       _number(event.fatalities, int), _number(event.confidence, float))


def _more_mentions(event: Event) -> list[Event]:
    """The event as each of its other sentences tells it: that sentence, its toll, date and confidence (the
    event's for a sentence that only counts its dead), no sources of its own."""
    return [replace(event, evidence=more.text, start=more.start, end=more.end, fatalities=more.fatalities,
                    quantity=None, date=more.date, date_precision=more.date_precision, reported_by=(),
                    confidence=event.confidence if more.confidence is None else more.confidence,
                    more_evidence=()) for more in event.more_evidence]


def _add_evidence(g: TripleLines, evidence: str, event: Event, names: _Names, doc_iri: str, run: str) -> None:
    g.add(evidence, _RDF.type, _CKG.Evidence)
    g.add(evidence, _RDF.type, _PROV.Entity)
    g.add(evidence, _CKG.text, literal(event.evidence))
    g.add(evidence, _CKG.document, doc_iri)
    _provenance(g, evidence, doc_iri, run)
    # A value that is not a number is left out; the SHACL shapes then report what is missing.
    for predicate, value in ((_CKG.start, event.start), (_CKG.end, event.end), (_CKG.fatalities, event.fatalities),
                             (_CKG.quantity, event.quantity)):
        count = _number(value, int)
        if count is not None:
            g.add(evidence, predicate, integer(count))
    confidence = _number(event.confidence, float)
    if confidence is not None:
        g.add(evidence, _CKG.confidence, double(confidence))
    if event.date:
        precision = date_precision(event)
        datatype = timestamp_datatype(event.date, precision)
        g.add(evidence, _SEM.hasTimeStamp, typed(event.date, datatype) if datatype else literal(event.date))
        if precision:
            g.add(evidence, _CKG.datePrecision, literal(precision))
    for source in event.reported_by:
        reporter = names.actor(source)
        if reporter is not None:
            g.add(evidence, _CKG.reportedBy, iri(reporter))
