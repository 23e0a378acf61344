"""JSON records of actors, places, events and documents, assembled from the named queries.

Each record is a fixed number of queries whatever the entity's size (aggregates and paged
lists, never a query per row); the REST routes and IRI dereferencing both serve them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, overload

import pyoxigraph as ox
from rdflib import URIRef

from api.labels import labels, labels_read
from api.limits import prefetch
from graph import queries as q
from graph.link.current import disagreements
from graph.newest import entity_events
from graph.store import TripleStore

__all__ = ["KINDS", "iri_of", "local_id", "ref", "existing", "actor_record", "place_record", "event_record",
           "document_record", "parse_point", "fields", "first_value", "RECORD_LIMIT"]

_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
_CLASSES = {"actor": _SEM + "Actor", "place": _SEM + "Place", "event": _SEM + "Event",
            "document": "https://w3id.org/conflictkg/ontology#Document"}
# URL kind -> the path segment of entity IRIs.
KINDS = {"actors": "actor", "places": "place", "events": "event", "documents": "document"}
RECORD_LIMIT = 100  # co-occurring entities and evidence listed inside one record
# newest events and documents an actor's or place's record lists, as many as a page of its events (viz.pages): its
# other events are its event list's (``events_href``: /api/events?actor=<id>, paged). At 100,000 documents the
# fields of 100 events and 100 documents were two thirds of a cold record's CPU (11 of 16 ms).
RECORD_NEWEST = 50
_DOCUMENT_QUERIES = {"actor": q.ACTOR_DOCUMENTS, "place": q.PLACE_DOCUMENTS}  # by the variable each binds
_NEWEST_EVENTS = {"actor": q.ACTOR_NEWEST_EVENTS, "place": q.PLACE_NEWEST_EVENTS}
_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)", re.IGNORECASE)
_RELATIONS = {"memberOf": "member_of", "partOf": "part_of", "affiliatedWith": "affiliated_with",
              "supports": "supports", "leads": "leads"}
Read = tuple[str, "dict[str, Any] | None"]  # a SELECT and its bindings, as ``store.read`` takes them
_ROLE_NAMES = {"actor1": "actor1", "actor2": "actor2", "associateActor1": "assoc_actor_1",
               "associateActor2": "assoc_actor_2"}


def iri_of(base_iri: str, segment: str, entity_id: str) -> URIRef | None:
    """Return the IRI of entity ``entity_id`` of kind ``segment`` ("actor"...), or None if it cannot be one."""
    iri = f"{base_iri}{segment}/{entity_id}"
    try:
        ox.NamedNode(iri)
    except ValueError:
        return None
    return URIRef(iri)


def local_id(iri: str) -> str:
    """Return an entity's id: the IRI's last path segment."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


@overload
def ref(iri: str, name: str | None, kind: str) -> dict[str, Any]: ...
@overload
def ref(iri: None, name: str | None, kind: str) -> None: ...
@overload
def ref(iri: str | None, name: str | None, kind: str) -> dict[str, Any] | None: ...
def ref(iri: str | None, name: str | None, kind: str) -> dict[str, Any] | None:
    """Return the short reference ``{id, name, href}`` to an entity of URL kind ``kind`` (None for no entity)."""
    if iri is None:
        return None
    entity_id = local_id(iri)
    return {"id": entity_id, "name": name, "href": f"/api/{kind}/{entity_id}"}


def parse_point(wkt: str | None) -> tuple[float | None, float | None]:
    """Return (lat, lon) of a WKT ``POINT(lon lat)``, or (None, None)."""
    match = _POINT.search(wkt or "")
    if not match:
        return None, None
    return float(match.group(2)), float(match.group(1))


def fields(store: TripleStore, iris: list[str]) -> dict[str, dict[str, list[Any]]]:
    """Return every field of each entity in ``iris``: ``{iri: {field: [values, sorted]}}``."""
    found: dict[str, dict[str, set[Any]]] = {}
    read = _fields_read(iris)
    if read is not None:
        for row in store.read(*read):
            for field in q.FIELD_NAMES.get(row["p"], ()):
                found.setdefault(row["entity"], {}).setdefault(field, set()).add(row["value"])
    return {entity: {field: sorted(values, key=str) for field, values in entity_fields.items()}
            for entity, entity_fields in found.items()}


def _fields_read(iris: Iterable[str]) -> Read | None:
    """The read of ``fields`` (None: no entity)."""
    found = sorted(set(iris))
    return (q.with_iris(q.FIELDS, found), None) if found else None


def _some(*reads: Read | None) -> list[Read]:
    """The reads given (None: none to make)."""
    return [read for read in reads if read is not None]


def _known(iri: URIRef) -> list[Read]:
    """The reads every actor's and place's record makes, whatever it finds: the summary of its events
    (``graph.link.summaries``), where reports disagree on it (``disagreements``) and its newest documents."""
    entity = {"entity": iri}
    return [(q.SUMMARY, entity), (q.READINGS, entity), (q.page(q.RECENT_DOCUMENTS, RECORD_NEWEST, 0), entity)]


def _newest_read(role: str, newest: list[str], binding: dict[str, Any] | None = None) -> Read | None:
    """The read of the fields of a record's ``newest`` events (at most ``RECORD_NEWEST``: one read), an actor's
    (``binding``) with its roles in them; None: no event."""
    return (q.with_iris(_NEWEST_EVENTS[role], newest), binding) if newest else None


def _newest_rows(store: TripleStore, read: Read | None, newest: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``read`` (``_newest_read``) of each of the ``newest`` events that has one, in that order."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in store.read(*read) if read is not None else []:
        found.setdefault(row["event"], []).append(row)
    return {event: found[event] for event in newest if event in found}


def first_value(entity: dict[str, list[Any]], field: str) -> Any:
    """The first of an entity's values of ``field`` (``fields`` and ``tables.list_fields`` sort them), None when it
    has none."""
    values = entity.get(field)
    return values[0] if values else None


def _entity(store: TripleStore, kind: str, base_iri: str, entity_id: str, reads: Callable[[URIRef], list[Read]]
            ) -> tuple[URIRef, dict[str, list[Any]]] | None:
    """The entity's IRI and fields, or None if there is no such entity; its fields' read and its ``reads(iri)``
    (the reads of its record that need nothing else) go to a read worker together (``api.limits.prefetch``)."""
    iri = iri_of(base_iri, kind, entity_id)
    if iri is None:
        return None
    prefetch(_some(_fields_read([str(iri)]), *reads(iri)))
    found = fields(store, [str(iri)]).get(str(iri), {})
    if _CLASSES[kind] not in found.get("type", []):
        return None
    return iri, found


def existing(store: TripleStore, base_iri: str, kind: str, entity_id: str) -> URIRef | None:
    """The IRI of the ``kind`` ("actor"...) ``entity_id``, or None if there is none: the entity its record is of, found
    by the record's first read alone (its fields)."""
    found = _entity(store, kind, base_iri, entity_id, lambda iri: [])
    return None if found is None else found[0]


def _aliases(entity: dict[str, list[Any]], name: str | None) -> list[str]:
    return sorted((set(entity.get("name", [])) | set(entity.get("alias", []))) - {name})


@overload
def _named(names: dict[str, dict[str, Any]], iri: str, kind: str) -> dict[str, Any]: ...
@overload
def _named(names: dict[str, dict[str, Any]], iri: str | None, kind: str) -> dict[str, Any] | None: ...
def _named(names: dict[str, dict[str, Any]], iri: str | None, kind: str) -> dict[str, Any] | None:
    return ref(iri, names.get(iri, {}).get("name") if iri else None, kind)


def _documents(store: TripleStore, role: str, entity: URIRef) -> list[dict[str, Any]]:
    """The newest documents of the actor or place (``role``): those it keeps (``graph.link.recent``), else (a store
    written before they were kept) read from the document graphs."""
    rows = store.read(q.page(q.RECENT_DOCUMENTS, RECORD_NEWEST, 0), {"entity": entity}) \
        or store.read(q.page(_DOCUMENT_QUERIES[role], RECORD_NEWEST, 0), {role: entity})
    return [{**ref(r["document"], r.get("title"), "documents"), "title": r.get("title"),
             "published": r.get("published")} for r in rows]


def actor_record(store: TripleStore, base_iri: str, actor_id: str) -> dict[str, Any] | None:
    """Return everything known about one actor, or None if there is no such actor."""
    found = _entity(store, "actor", base_iri, actor_id,
                    lambda iri: [(q.ACTOR_AFFILIATIONS, {"actor": iri}), *_known(iri)])
    if found is None:
        return None
    iri, entity = found
    binding = {"actor": iri}
    name = first_value(entity, "name")
    affiliations = store.read(q.ACTOR_AFFILIATIONS, binding)
    side = entity_events(store, "actor", str(iri), RECORD_NEWEST)
    roles, co_actors, places = _actor_counts(store, side.kept, binding)
    # the names of its events' places come with the others': they are almost always among its places already
    known = {r["other"] for r in affiliations} | {r["other"] for r in co_actors} | {r["place"] for r in places}
    newest = _newest_read("actor", side.newest, binding)
    prefetch(_some(newest, labels_read(known)))
    events = _actor_events(store, newest, side.newest)
    names = labels(store, known)
    names.update(labels(store, {e["row"].get("place") for e in events.values()} - known))
    return {
        "id": actor_id, "iri": str(iri), "name": name, "kind": first_value(entity, "kind"),
        "country": first_value(entity, "country"), "aliases": _aliases(entity, name),
        "source_count": _int(first_value(entity, "sources")), "disagreements": disagreements(store, str(iri)),
        "affiliations": [{"relation": _RELATIONS[r["relation"].rsplit("#", 1)[-1]], "direction": r["direction"],
                          "actor": _named(names, r["other"], "actors")} for r in affiliations],
        "event_count": side.span.count, "events_href": f"/api/events?actor={actor_id}",
        "roles": {name: roles.get(role, 0) for role, name in _ROLE_NAMES.items()},
        "first_seen": side.span.first, "last_seen": side.span.last,
        "events": [{**ref(e, None, "events"), "date": v["row"].get("date"), "type": v["row"].get("type"),
                    "sub_type": v["row"].get("sub_type"), "place": _named(names, v["row"].get("place"), "places"),
                    "roles": v["roles"]} for e, v in events.items()],
        "co_actors": [{**_named(names, r["other"], "actors"), "events": r["events"]} for r in co_actors],
        "places": [{**_named(names, r["place"], "places"), "events": r["events"]} for r in places],
        "documents": _documents(store, "actor", iri),
    }


def _actor_counts(store: TripleStore, kept: dict[str, Any] | None, binding: dict[str, Any]
                  ) -> tuple[dict[str, int], list[dict[str, Any]], list[dict[str, Any]]]:
    """An actor's events per role (by the role's local name), its co-actors and its places (``RECORD_LIMIT`` each,
    most events first): from the summary its writer keeps, else read from its events."""
    if kept is not None:
        return (kept["roles"], [{"other": other, "events": n} for other, n in kept["with"][:RECORD_LIMIT]],
                [{"place": place, "events": n} for place, n in kept["places"][:RECORD_LIMIT]])
    roles = {r["role"].rsplit("#", 1)[-1]: r["events"] for r in store.read(q.ACTOR_ROLES, binding)}
    return (roles, store.read(q.page(q.ACTOR_CO_ACTORS, RECORD_LIMIT, 0), binding),
            store.read(q.page(q.ACTOR_PLACES, RECORD_LIMIT, 0), binding))


def _actor_events(store: TripleStore, read: Read | None, newest: list[str]) -> dict[str, dict[str, Any]]:
    """The fields and the actor's roles of its ``newest`` events (``read``: their ``_newest_read``):
    ``{event: {"row": fields, "roles": [...]}}``."""
    events = {}
    for event, rows in _newest_rows(store, read, newest).items():
        roles = {r["role"].rsplit("#", 1)[-1] for r in rows if "role" in r}
        events[event] = {"row": rows[-1], "roles": [name for role, name in _ROLE_NAMES.items() if role in roles]}
    return events


def place_record(store: TripleStore, base_iri: str, place_id: str) -> dict[str, Any] | None:
    """Return everything known about one place, or None if there is no such place."""
    found = _entity(store, "place", base_iri, place_id, _known)
    if found is None:
        return None
    iri, entity = found
    binding = {"place": iri}
    name = first_value(entity, "name")
    lat, lon = parse_point(first_value(entity, "wkt"))
    if lat is None and entity.get("lat") and entity.get("lon"):
        lat, lon = float(first_value(entity, "lat")), float(first_value(entity, "lon"))
    side = entity_events(store, "place", str(iri), RECORD_NEWEST)
    actors = [{"actor": actor, "events": n} for actor, n in side.kept["with"][:RECORD_LIMIT]] if side.kept \
        else store.read(q.page(q.PLACE_ACTORS, RECORD_LIMIT, 0), binding)
    newest = _newest_read("place", side.newest)
    prefetch(_some(newest, labels_read(r["actor"] for r in actors)))
    names = labels(store, {r["actor"] for r in actors})
    return {
        "id": place_id, "iri": str(iri), "name": name, "kind": first_value(entity, "kind"),
        "country": first_value(entity, "country"),
        "admin1": first_value(entity, "admin1_name") or first_value(entity, "admin1"),
        "geonames_id": _int(first_value(entity, "geonames")), "precision": _int(first_value(entity, "precision")),
        "lat": lat, "lon": lon, "aliases": _aliases(entity, name),
        "source_count": _int(first_value(entity, "sources")), "disagreements": disagreements(store, str(iri)),
        "event_count": side.span.count, "events_href": f"/api/events?place={place_id}",
        "first_seen": side.span.first, "last_seen": side.span.last,
        "events": [{**ref(r["event"], None, "events"), "date": r.get("date"), "type": r.get("type"),
                    "sub_type": r.get("sub_type"), "fatalities": r.get("fatalities")}
                   for *_, r in _newest_rows(store, newest, side.newest).values()],
        "actors": [{**_named(names, r["actor"], "actors"), "events": r["events"]} for r in actors],
        "documents": _documents(store, "place", iri),
    }


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _unique(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Keep the first row of each distinct ``keys`` combination."""
    seen: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(tuple(row.get(k) for k in keys), row)
    return list(seen.values())


def event_record(store: TripleStore, base_iri: str, event_id: str) -> dict[str, Any] | None:
    """Return one event with its actors by role, place, evidence sentences and sources."""
    found = _entity(store, "event", base_iri, event_id, lambda iri: [
        (q.EVENT_ACTORS, {"event": iri}), (q.page(q.EVENT_EVIDENCE, RECORD_LIMIT, 0), {"event": iri}),
        (q.READINGS, {"entity": iri})])
    if found is None:
        return None
    iri, entity = found
    binding = {"event": iri}
    roles = store.read(q.EVENT_ACTORS, binding)
    evidence_rows = _unique(store.read(q.page(q.EVENT_EVIDENCE, RECORD_LIMIT, 0), binding), "evidence")
    # the names of its actors and place go with its reporters' read: those of its reporters (most evidence has none)
    # are read after it only for the reporters not among them
    place = first_value(entity, "place")
    named = {r["actor"] for r in roles} | {place}
    reporters_read = (q.with_iris(q.EVENT_REPORTERS, [r["evidence"] for r in evidence_rows]), None) \
        if evidence_rows else None
    # the place's fields go with them, unread here: the event's page shows them beside this record (a job of their own
    # after it, when the page built it)
    prefetch(_some(reporters_read, labels_read(named), _fields_read([place] if place else [])))
    reporters = store.read(*reporters_read) if reporters_read is not None else []
    names = labels(store, named)
    names.update(labels(store, {r["reporter"] for r in reporters} - named))
    actors: dict[str, list[dict[str, Any]]] = {role: [] for role in _ROLE_NAMES.values()}
    for r in roles:
        actors[_ROLE_NAMES[r["role"].rsplit("#", 1)[-1]]].append(
            {**_named(names, r["actor"], "actors"), "kind": names.get(r["actor"], {}).get("kind")})
    reported: dict[str, list[dict[str, Any]]] = {}
    for r in reporters:
        is_entity = r["reporter"] in names
        reported.setdefault(r["evidence"], []).append(
            _named(names, r["reporter"], "actors") if is_entity else {"id": None, "name": r["reporter"], "href": None})
    evidence, sources = [], {}
    for r in evidence_rows:
        document = ref(r.get("document"), r.get("title"), "documents")
        if document:
            document.update(title=r.get("title"), publisher=r.get("publisher"), published=r.get("published"))
            sources[document["id"]] = document
        evidence.append({"text": r.get("text"), "start": r.get("start"), "end": r.get("end"), "date": r.get("date"),
                         "date_precision": r.get("precision"), "fatalities": r.get("fatalities"),
                         "confidence": r.get("confidence"), "document": document,
                         "reported_by": reported.get(r["evidence"], [])})
    dated = sorted((e for e in evidence if e["date"]), key=lambda e: str(e["date"]))
    fatalities = [v for v in entity.get("fatalities", []) if isinstance(v, int)]
    return {
        "id": event_id, "iri": str(iri), "type": first_value(entity, "event_type"),
        "sub_type": first_value(entity, "sub_type"),
        # the merged event-level date, else the earliest date a source gives
        "date": first_value(entity, "date") or (dated[0]["date"] if dated else None),
        "date_precision": first_value(entity, "date_precision") or (dated[0]["date_precision"] if dated else None),
        "source_count": _int(first_value(entity, "sources")) or len(sources),
        "fatalities": min(fatalities, default=None), "fatalities_max": _int(first_value(entity, "fatalities_max")),
        "quantity": _int(first_value(entity, "quantity")), "confidence": first_value(entity, "confidence"),
        "cameo": first_value(entity, "cameo"), "plover": first_value(entity, "plover"),
        "place": _named(names, first_value(entity, "place"), "places"),
        "actors": actors, "disagreements": disagreements(store, str(iri)), "evidence": evidence,
        "sources": list(sources.values()),
    }


def document_record(store: TripleStore, base_iri: str, document_id: str) -> dict[str, Any] | None:
    """Return one document with the actors, places and events read from it."""
    found = _entity(store, "document", base_iri, document_id, lambda iri: [
        (q.page(q.DOCUMENT_ENTITIES, 10_000, 0), {"document": iri}), (q.DOCUMENT_TEXT, {"document": iri}),
        (q.page(q.DOCUMENT_EVIDENCE, 10_000, 0), {"document": iri})])
    if found is None:
        return None
    iri, entity = found
    rows = store.read(q.page(q.DOCUMENT_ENTITIES, 10_000, 0), {"document": iri})
    named, event_iris = [r["entity"] for r in rows if r["class"] != "events"], [r["entity"] for r in rows
                                                                             if r["class"] == "events"]
    prefetch(_some(labels_read(named), _fields_read(event_iris)))
    names, events = labels(store, named), fields(store, event_iris)
    found_entities: dict[str, list[dict[str, Any]]] = {"actors": [], "places": [], "events": []}
    for r in rows:
        if r["class"] == "events":
            event = events.get(r["entity"], {})
            item = {**ref(r["entity"], None, "events"), "sub_type": first_value(event, "sub_type"),
                    "date": first_value(event, "date")}
        else:
            item = _named(names, r["entity"], r["class"])
        found_entities[r["class"]].append(item)
    text = store.read(q.DOCUMENT_TEXT, {"document": iri})
    evidence = [{"event": ref(r["event"], None, "events"),
                 "sub_type": first_value(events.get(r["event"], {}), "sub_type"),
                 "text": r.get("text"), "start": r.get("start"), "end": r.get("end"),
                 "fatalities": r.get("fatalities"), "date": r.get("date")}
                for r in store.read(q.page(q.DOCUMENT_EVIDENCE, 10_000, 0), {"document": iri})]
    return {
        "id": document_id, "iri": str(iri), "title": first_value(entity, "title"),
        "publisher": first_value(entity, "publisher"), "published": first_value(entity, "published"),
        "author": first_value(entity, "author"), "url": first_value(entity, "url"),
        "path": first_value(entity, "path"),
        "extractor_version": first_value(entity, "version"), **found_entities,
        "text": text[0]["text"] if text else None, "evidence": evidence,
    }
