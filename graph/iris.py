"""Stable IRIs minted from canonical ids: the same record always gets the same IRI.

Every IRI is ``{base_iri}<kind>/<one path segment>`` so that it dereferences as
``/id/<kind>/<id>``. Places with a GeoNames id are named by it, so two articles that spell a
town differently still meet on one node; events are named by what makes them the same
real-world event (type, place, date, actors), so two reports of one incident meet on one IRI.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from graph.records import Event, Location, slugify

__all__ = [
    "document_iri",
    "document_graph_iri",
    "actor_iri",
    "place_iri",
    "event_iri",
    "event_key",
    "evidence_iri",
    "run_iri",
    "date_precision",
    "geometry_of",
    "owner_of",
]

GEOMETRY = "/geometry"  # a place's geometry node is ``<place>/geometry``

_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}


def _local(record_id: str, kind: str) -> str:
    """Return the slug of a record id, without its ``kind/`` prefix."""
    prefix = f"{kind}/"
    return slugify(record_id[len(prefix):] if record_id.startswith(prefix) else record_id)


def document_iri(base_iri: str, document_id: str) -> URIRef:
    """Return the IRI of a source document."""
    return URIRef(f"{base_iri}document/{slugify(document_id)}")


def document_graph_iri(base_iri: str, document_id: str) -> str:
    """Return the IRI of the named graph that holds one document's triples."""
    return f"{base_iri}graph/{slugify(document_id)}"


# ACLED's state-force categories named without their state ("Police Forces" of a text that names no country):
# whose forces they are differs from one document to the next, so each document's are a node of their own
_STATELESS_FORCES = frozenset(["military-forces", "police-forces"])


def actor_iri(base_iri: str, actor_id: str, document_id: str | None = None) -> URIRef:
    """Return the IRI of an actor from its canonical id (``actor/<slug>`` or a bare name); a state force of no
    known state is ``document_id``'s own."""
    local = _local(actor_id, "actor")
    if document_id is not None and local in _STATELESS_FORCES:
        local = f"{local}-in-{slugify(document_id)}"
    return URIRef(f"{base_iri}actor/{local}")


def place_iri(base_iri: str, place: Location) -> URIRef:
    """Return the IRI of a place: by GeoNames id when known, else by its canonical id."""
    if isinstance(place.geonames_id, int) or str(place.geonames_id or "").isdigit():  # digits: read from JSON
        return URIRef(f"{base_iri}place/geonames-{int(str(place.geonames_id))}")
    return URIRef(f"{base_iri}place/{_local(place.id, 'place')}")


def geometry_of(place: str) -> str:
    """Return the IRI (text) of a place's geometry node."""
    return place + GEOMETRY


def owner_of(subject: str) -> str:
    """Return the entity a subject belongs to: the place of a geometry node, else the subject itself."""
    return subject.removesuffix(GEOMETRY)


def date_precision(event: Event) -> str | None:
    """Return the event's date precision, read off the ISO date when the record leaves it empty."""
    if event.date_precision:
        return event.date_precision
    return _PRECISION_BY_LENGTH.get(len(event.date or ""))


def event_key(event: Event, place: str | None, actors: list[str]) -> str | None:
    """Return the cross-document key of an event, or None when it lacks a place or a date.

    ``place`` and ``actors`` are IRIs; the actor pair has no direction (as in ACLED), so it is sorted.
    """
    if not (place and event.date and event.event_type and event.sub_event_type):
        return None
    parts = [event.event_type, event.sub_event_type, place, event.date, date_precision(event) or "",
             ",".join(sorted(set(actors)))]
    digest = hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    return f"{slugify(event.date)}-{slugify(event.sub_event_type)}-{digest}"


def event_iri(base_iri: str, document_id: str, event: Event, place: str | None, actors: list[str]) -> URIRef:
    """Return an event's IRI: from its cross-document key, else from its document and offset."""
    relative = [iri.removeprefix(base_iri) for iri in actors]  # the key does not change with the base
    key = event_key(event, place.removeprefix(base_iri) if place else None, relative)
    if key is None:
        key = f"{slugify(document_id)}-{slugify(str(event.start))}-{_mention_digest(event)}"
    return URIRef(f"{base_iri}event/{key}")


def evidence_iri(base_iri: str, document_id: str, event: Event) -> URIRef:
    """Return the IRI of one mention of an event: its document and character span."""
    span = f"{slugify(str(event.start))}-{slugify(str(event.end))}"
    return URIRef(f"{base_iri}evidence/{slugify(document_id)}-{span}-{_mention_digest(event)}")


def _mention_digest(event: Event) -> str:
    """Tell apart two events read from one sentence (a clash and an air strike, say)."""
    parts = [event.event_type, event.sub_event_type, event.actor1 or "", event.actor2 or "", event.location or ""]
    return hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()[:6]


def run_iri(base_iri: str, document_id: str, version: str) -> URIRef:
    """Return the IRI of the extraction run (a prov:Activity) that read one document."""
    return URIRef(f"{base_iri}run/{slugify(document_id)}-v{slugify(version)}")
