"""JSON records of actors, places, events and documents, assembled from the named queries.

Each record is a fixed number of queries whatever the entity's size (aggregates and paged
lists, never a query per row); the REST routes and IRI dereferencing both serve them.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from graph import queries as q
from graph.store import Store

__all__ = ["KINDS", "iri_of", "local_id", "ref", "actor_record", "place_record", "event_record", "document_record",
           "parse_point", "RECORD_LIMIT"]

# URL kind -> the path segment of entity IRIs.
KINDS = {"actors": "actor", "places": "place", "events": "event", "documents": "document"}
RECORD_LIMIT = 100  # events, documents and co-occurring entities listed inside one record
_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)", re.IGNORECASE)
_RELATIONS = {"memberOf": "member_of", "partOf": "part_of", "affiliatedWith": "affiliated_with",
              "supports": "supports", "leads": "leads"}
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


def ref(iri: str | None, name: str | None, kind: str) -> dict[str, Any] | None:
    """Return the short reference ``{id, name, href}`` to an entity of URL kind ``kind``."""
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


def _first(rows: list[dict[str, Any]], key: str) -> Any:
    values = sorted({str(r[key]) for r in rows if key in r})
    if not values:
        return None
    return next(r[key] for r in rows if str(r.get(key)) == values[0])


def _unique(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Keep the first row of each distinct ``keys`` combination (names may differ across documents)."""
    seen: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(tuple(row.get(k) for k in keys), row)
    return list(seen.values())


def _aliases(rows: list[dict[str, Any]], name: str | None) -> list[str]:
    names = {r["name"] for r in rows if "name" in r} | {r["alias"] for r in rows if "alias" in r}
    return sorted(names - {name})


def _documents(store: Store, query: str, binding: dict[str, Any]) -> list[dict[str, Any]]:
    rows = store.select(q.page(query, RECORD_LIMIT, 0), binding)
    return [{**ref(r["document"], r.get("title"), "documents"), "title": r.get("title"),
             "published": r.get("published")} for r in rows]


def actor_record(store: Store, base_iri: str, actor_id: str) -> dict[str, Any] | None:
    """Return everything known about one actor, or None if there is no such actor."""
    iri = iri_of(base_iri, "actor", actor_id)
    rows = store.select(q.ACTOR, {"actor": iri}) if iri else []
    if not rows:
        return None
    binding = {"actor": iri}
    name = _first(rows, "name")
    roles = {_ROLE_NAMES[r["role"].rsplit("#", 1)[-1]]: r for r in store.select(q.ACTOR_ROLES, binding)}
    firsts = [r["first"] for r in roles.values() if r.get("first")]
    lasts = [r["last"] for r in roles.values() if r.get("last")]
    events: dict[str, dict[str, Any]] = {}
    for r in store.select(q.page(q.ACTOR_EVENTS, RECORD_LIMIT * 4, 0), binding):
        event = events.setdefault(r["event"], _event_summary(r))
        role = _ROLE_NAMES[r["role"].rsplit("#", 1)[-1]]
        if role not in event["roles"]:
            event["roles"].append(role)
    return {
        "id": actor_id, "iri": str(iri), "name": name, "kind": _first(rows, "kind"),
        "country": _first(rows, "country"), "aliases": _aliases(rows, name),
        "affiliations": [
            {"relation": _RELATIONS[r["relation"].rsplit("#", 1)[-1]], "direction": r["direction"],
             "actor": ref(r["other"], r.get("other_name"), "actors")}
            for r in store.select(q.ACTOR_AFFILIATIONS, binding)
        ],
        "event_count": _distinct_events(store, binding),
        "roles": {role: roles[role]["events"] if role in roles else 0 for role in _ROLE_NAMES.values()},
        "first_seen": min(firsts, default=None), "last_seen": max(lasts, default=None),
        "events": list(events.values())[:RECORD_LIMIT],
        "co_actors": [{**ref(r["other"], r.get("name"), "actors"), "events": r["events"]}
                      for r in store.select(q.page(q.ACTOR_CO_ACTORS, RECORD_LIMIT, 0), binding)],
        "places": [{**ref(r["place"], r.get("name"), "places"), "events": r["events"]}
                   for r in store.select(q.page(q.ACTOR_PLACES, RECORD_LIMIT, 0), binding)],
        "documents": _documents(store, q.ACTOR_DOCUMENTS, binding),
    }


def _distinct_events(store: Store, binding: dict[str, Any]) -> int:
    rows = store.select(q.ACTOR_SPAN, binding)
    return rows[0]["events"] if rows else 0


def _event_summary(row: dict[str, Any]) -> dict[str, Any]:
    return {**ref(row["event"], None, "events"), "date": row.get("date"), "type": row.get("type"),
            "sub_type": row.get("sub_type"), "place": ref(row.get("place"), row.get("place_name"), "places"),
            "roles": []}


def place_record(store: Store, base_iri: str, place_id: str) -> dict[str, Any] | None:
    """Return everything known about one place, or None if there is no such place."""
    iri = iri_of(base_iri, "place", place_id)
    rows = store.select(q.PLACE, {"place": iri}) if iri else []
    if not rows:
        return None
    binding = {"place": iri}
    name = _first(rows, "name")
    lat, lon = parse_point(_first(rows, "wkt"))
    span = (store.select(q.PLACE_SPAN, binding) or [{}])[0]
    return {
        "id": place_id, "iri": str(iri), "name": name, "kind": _first(rows, "kind"),
        "country": _first(rows, "country"), "admin1": _first(rows, "admin1"),
        "geonames_id": _first(rows, "geonames"), "precision": _first(rows, "precision"),
        "lat": lat, "lon": lon, "aliases": _aliases(rows, name),
        "event_count": span.get("events", 0), "first_seen": span.get("first"), "last_seen": span.get("last"),
        "events": [{**ref(r["event"], None, "events"), "date": r.get("date"), "type": r.get("type"),
                    "sub_type": r.get("sub_type"), "fatalities": r.get("fatalities")}
                   for r in store.select(q.page(q.PLACE_EVENTS, RECORD_LIMIT, 0), binding)],
        "actors": [{**ref(r["actor"], r.get("name"), "actors"), "events": r["events"]}
                   for r in store.select(q.page(q.PLACE_ACTORS, RECORD_LIMIT, 0), binding)],
        "documents": _documents(store, q.PLACE_DOCUMENTS, binding),
    }


def event_record(store: Store, base_iri: str, event_id: str) -> dict[str, Any] | None:
    """Return one event with its actors by role, place, evidence sentences and sources."""
    iri = iri_of(base_iri, "event", event_id)
    rows = store.select(q.EVENT, {"event": iri}) if iri else []
    if not rows:
        return None
    binding = {"event": iri}
    actors: dict[str, list[dict[str, Any]]] = {role: [] for role in _ROLE_NAMES.values()}
    for r in _unique(store.select(q.EVENT_ACTORS, binding), "role", "actor"):
        actors[_ROLE_NAMES[r["role"].rsplit("#", 1)[-1]]].append(
            {**ref(r["actor"], r.get("name"), "actors"), "kind": r.get("kind")})
    reporters: dict[str, dict[str, dict[str, Any]]] = {}
    for r in store.select(q.EVENT_REPORTERS, binding):
        is_iri = "/actor/" in r["reporter"] and "name" in r
        reporters.setdefault(r["evidence"], {}).setdefault(r["reporter"],
            ref(r["reporter"], r["name"], "actors") if is_iri else {"id": None, "name": r["reporter"], "href": None})
    evidence, sources = [], {}
    for r in _unique(store.select(q.EVENT_EVIDENCE, binding), "evidence"):
        document = ref(r.get("document"), r.get("title"), "documents")
        if document:
            document.update(title=r.get("title"), publisher=r.get("publisher"), published=r.get("published"))
            sources[document["id"]] = document
        evidence.append({"text": r.get("text"), "start": r.get("start"), "end": r.get("end"), "date": r.get("date"),
                         "date_precision": r.get("precision"), "fatalities": r.get("fatalities"),
                         "confidence": r.get("confidence"), "document": document,
                         "reported_by": list(reporters.get(r["evidence"], {}).values())})
    first = rows[0]
    dated = sorted((e for e in evidence if e["date"]), key=lambda e: str(e["date"]))
    return {
        "id": event_id, "iri": str(iri), "type": _first(rows, "type"), "sub_type": _first(rows, "sub_type"),
        # the merged event-level date, else the earliest date a source gives
        "date": _first(rows, "date") or (dated[0]["date"] if dated else None),
        "date_precision": first.get("precision") or (dated[0]["date_precision"] if dated else None),
        "source_count": first.get("sources", len(sources)),
        "fatalities": first.get("fatalities"), "fatalities_max": first.get("fatalities_max"),
        "quantity": first.get("quantity"), "confidence": first.get("confidence"),
        "cameo": first.get("cameo"), "plover": first.get("plover"),
        "place": ref(first.get("place"), first.get("place_name"), "places"),
        "actors": actors, "evidence": evidence, "sources": list(sources.values()),
    }


def document_record(store: Store, base_iri: str, document_id: str) -> dict[str, Any] | None:
    """Return one document with the actors, places and events read from it."""
    iri = iri_of(base_iri, "document", document_id)
    rows = store.select(q.DOCUMENT, {"document": iri}) if iri else []
    if not rows:
        return None
    found: dict[str, list[dict[str, Any]]] = {"actors": [], "places": [], "events": []}
    for r in _unique(store.select(q.page(q.DOCUMENT_ENTITIES, 10_000, 0), {"document": iri}), "entity"):
        kind = {"Actor": "actors", "Place": "places", "Event": "events"}[r["class"].rsplit("/", 1)[-1]]
        item = ref(r["entity"], r.get("name"), kind)
        if kind == "events":
            item = {**item, "sub_type": r.get("type"), "date": r.get("date")}
        found[kind].append(item)
    row = rows[0]
    return {
        "id": document_id, "iri": str(iri), "title": _first(rows, "title"), "publisher": row.get("publisher"),
        "published": row.get("published"), "path": row.get("path"), "extractor_version": row.get("version"),
        **found,
    }
