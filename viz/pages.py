"""The entity pages: an actor's or a place's timeline of events, rendered on the server.

Names and sentences are untrusted; the Jinja environment autoescapes every value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import URIRef

from graph import queries as q
from graph.link.current import disagreements
from graph.network import local_id, parse_point
from graph.newest import entity_events, read_among
from graph.store import TripleStore
from viz import legend

__all__ = ["SEGMENTS", "entity_page", "timeline", "EntityTimeline", "PageReads"]

SEGMENTS = {"actors": "actor", "places": "place"}  # URL segment -> IRI path segment
STATIC_URL = "/viz/static/"  # where the served page finds viz/static/ (api.network)
# Sentences a page quotes of one event, the first by IRI; the event's page (/events/<id>) quotes every one. Many
# reports of one event (a wire story many outlets print) would otherwise fill a page with the same quote and read
# each report's document.
QUOTES_PER_EVENT = 3
_CLASSES = {"actors": "http://semanticweb.cs.vu.nl/2009/11/sem/Actor", "places": "http://semanticweb.cs.vu.nl/2009/11/sem/Place"}
_ROLE_LABELS = {"actor1": "actor 1", "actor2": "actor 2", "associateActor1": "associate of actor 1",
                "associateActor2": "associate of actor 2"}
Prefetch = Callable[[list[tuple[str, "dict[str, Any] | None"]]], None]  # reads sent ahead as one job (api.limits)
# The rows of a ``#IRIS#`` read (store, the read's name, its query, the IRIs, the rows' key) by IRI, and the read that
# will give them (the read's name, its query, the IRIs; None: none)
RowsByEntity = Callable[[TripleStore, str, str, Sequence[str], str], dict[str, list[dict[str, Any]]]]
RowsRead = Callable[[str, str, Sequence[str]], "tuple[str, None] | None"]
_ENV = Environment(
    loader=FileSystemLoader(str(Path(__file__).resolve().parent / "templates")),
    autoescape=select_autoescape(default=True),
)


def _read_by_entity(store: TripleStore, name: str, sparql: str, iris: Sequence[str], key: str
                    ) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``sparql`` (a ``#IRIS#`` read, each row's entity in its ``key``) of each of the ``iris``, read
    now (``PageReads.rows_by_entity`` without the service)."""
    found: dict[str, list[dict[str, Any]]] = {iri: [] for iri in iris}
    for row in read_among(store, sparql, iris):
        found[row[key]].append(row)
    return found


@dataclass(frozen=True)
class PageReads:
    """How a page's reads are made: ``prefetch`` sends a round of them ahead as one job (the service: to a read
    worker, ``api.limits.prefetch``); ``rows_by_entity`` gives the rows of a ``#IRIS#`` read by IRI and ``rows_read``
    the read it will make (the service keeps the rows per entity until the next write and reads only those not kept,
    ``api.entity_rows``). The defaults: every read made when needed, none sent ahead."""

    prefetch: Prefetch = lambda reads: None
    rows_by_entity: RowsByEntity = _read_by_entity
    rows_read: RowsRead = lambda name, sparql, iris: None


@dataclass
class EntityTimeline:
    """What an entity page shows."""

    segment: str  # "actors" or "places"
    id: str
    iri: str
    name: str
    kind: str | None
    aliases: list[str]
    country: str | None
    lat: float | None
    lon: float | None
    events: list[dict[str, Any]] = field(default_factory=list)  # a page of TIMELINE_LIMIT, oldest first, undated last
    event_count: int = 0  # every event, however many are listed
    page: int = 1  # which page of its events, newest first: page 1 the latest TIMELINE_LIMIT
    pages: int = 1  # how many pages its events fill
    first_seen: str | None = None
    last_seen: str | None = None
    disagreements: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # where reports disagree


def entity_page(
    store: TripleStore, base_iri: str, segment: str, entity_id: str, reads: PageReads = PageReads(), page: int = 1,
) -> str | None:
    """Return the HTML timeline page of an actor or place, or None when there is no such entity (``reads``, ``page``:
    see ``timeline``)."""
    found = timeline(store, base_iri, segment, entity_id, reads, page)
    if found is None:
        return None
    kinds = legend.kinds()
    kind_label = kinds[found.kind].label if segment == "actors" and found.kind in kinds else found.kind
    return _ENV.get_template("entity.html").render(entity=found, kind_label=kind_label, static_url=STATIC_URL,
                                                   limit=q.TIMELINE_LIMIT)


def timeline(store: TripleStore, base_iri: str, segment: str, entity_id: str,
             reads: PageReads = PageReads(), page: int = 1) -> EntityTimeline | None:
    """Return the entity's details and its events in date order, or None when there is no such entity.

    It lists ``TIMELINE_LIMIT`` events at once: the ``page``-th of them, newest first (page 1: the latest), so that a
    page's reads and its size do not grow with the entity (the rest are a link away).

    Its reads go in three rounds, each of the reads that need only the rounds before: its fields, the summary of its
    events and where reports disagree on it; its events' sentences and roles; their documents and names.
    ``reads.prefetch`` sends each round's reads ahead as one job (the service: one wait for a worker instead of one
    per read: 3 jobs, not 6). The last round's documents and names are read through ``reads.rows_by_entity``: the
    service reads only those it does not keep (the same few hundred recur on every page: most often no job)."""
    if segment not in SEGMENTS:
        return None
    iri = f"{base_iri}{SEGMENTS[segment]}/{entity_id}"
    try:
        ox.NamedNode(iri)
    except ValueError:
        return None
    binding = {"entity": URIRef(iri)}
    reads.prefetch([(q.ENTITY, binding), (q.SUMMARY, binding), (q.READINGS, binding)])
    rows = [r for r in store.read(q.ENTITY, binding) if r.get("class") == _CLASSES[segment]]
    if not rows:
        return None
    name = min((r["name"] for r in rows if "name" in r), default=entity_id)
    lat, lon = parse_point(min((r["wkt"] for r in rows if "wkt" in r), default=None))
    found = EntityTimeline(
        segment=segment, id=entity_id, iri=iri, name=name,
        kind=min((r["kind"] for r in rows if "kind" in r), default=None),
        aliases=sorted({r["alias"] for r in rows if "alias" in r} - {name}),
        country=min((r["country"] for r in rows if "country" in r), default=None), lat=lat, lon=lon,
    )
    role = "actor" if segment == "actors" else "place"  # the event list's filter: sem:hasActor or sem:hasPlace
    side = entity_events(store, role, iri, q.TIMELINE_LIMIT, (page - 1) * q.TIMELINE_LIMIT)  # the record's read
    # the roles of every listed event, read with their sentences: those of events the sentences leave out are unused
    roles_read = q.with_iris(q.NETWORK_EVENT_ROLES, sorted(set(side.newest))) if side.newest else None
    fields_read = _fields_read(role, side.newest, iri)
    if roles_read is not None and fields_read is not None:
        reads.prefetch([fields_read, (q.with_iris(q.timeline(q.TIMELINE_ROWS), side.newest), None), (roles_read, None)])
    fields = store.read(*fields_read) if fields_read is not None else []
    timeline_rows, cut = _timeline_rows(store, side.newest)
    rows, more = _quoted(timeline_rows)
    roles = store.read(roles_read) if roles_read is not None else []
    found.events = _events(rows, _by_event(fields), roles, iri, _looked_up(store, rows, fields, roles, reads))
    for event in found.events:
        event["more"] = more.get(event["iri"], 0)
        event["cut"] = event["iri"] == cut  # it has more sentences than were read: how many more is not known
    span = side.span
    found.event_count, found.page, found.pages = span.count, page, max(1, -(-span.count // q.TIMELINE_LIMIT))
    found.first_seen, found.last_seen = (span.first[:7], span.last[:7]) if span.first and span.last else (None, None)
    found.disagreements = disagreements(store, iri)
    return found


def _fields_read(role: str, latest: list[str], iri: str) -> tuple[str, dict[str, Any] | None] | None:
    """The read of the fields of the events ``latest`` of the actor or place ``iri`` (``role``), an actor's with its
    roles in them: the query its record reads its newest events with (``graph.queries.PLACE_NEWEST_EVENTS``; an
    actor's, with their fatalities: ``ACTOR_TIMELINE_EVENTS``); None: no event."""
    if not latest:
        return None
    if role == "actor":
        return q.with_iris(q.ACTOR_TIMELINE_EVENTS, latest), {"actor": URIRef(iri)}
    return q.with_iris(q.PLACE_NEWEST_EVENTS, latest), None


def _by_event(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The fields of each event (its rows of ``_fields_read``, one a role), with the set of the entity's roles."""
    found: dict[str, dict[str, Any]] = {}
    for r in fields:
        event = found.setdefault(r["event"], {**r, "roles": set()})
        role = r["role"].rsplit("#", 1)[-1] if r.get("role") else None
        if role in _ROLE_LABELS:
            event["roles"].add(_ROLE_LABELS[role])
    return found


def _timeline_rows(store: TripleStore, latest: list[str]) -> tuple[list[dict[str, Any]], str | None]:
    """The ``q.timeline`` rows of the events ``latest``, each event's sentences in IRI order; past ``TIMELINE_ROWS``
    the rows of the newest events (``newest=True``), as the page lists them, and the last of these events when the cut
    leaves out some of its sentences (else None): its count of sentences past those quoted would be too low."""
    if not latest:
        return [], None
    rows = store.read(q.with_iris(q.timeline(q.TIMELINE_ROWS), latest))
    if len(rows) <= q.TIMELINE_ROWS:
        return sorted(rows, key=lambda row: row.get("evidence") or ""), None
    newest = store.read(q.with_iris(q.timeline(q.TIMELINE_ROWS, newest=True), latest))
    kept, past = newest[:q.TIMELINE_ROWS], newest[q.TIMELINE_ROWS:]
    return kept, past[0]["event"] if past and past[0]["event"] == kept[-1]["event"] else None


def _quoted(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The timeline's ``rows`` of the first ``QUOTES_PER_EVENT`` sentences of each event (and those of events with
    none), in their order, and how many sentences each event has past them."""
    quoted: dict[str, set[str]] = {}
    more: dict[str, int] = {}
    kept = []
    for r in rows:
        sentences = quoted.setdefault(r["event"], set())
        if r.get("evidence") in sentences:
            continue
        if len(sentences) < QUOTES_PER_EVENT:
            if r.get("evidence"):
                sentences.add(r["evidence"])
            kept.append(r)
        else:
            more[r["event"]] = more.get(r["event"], 0) + 1
            sentences.add(r["evidence"])  # counted once
    return kept, more


def _looked_up(store: TripleStore, rows: list[dict[str, Any]], fields: list[dict[str, Any]],
               roles: list[dict[str, Any]], reads: PageReads) -> dict[str, dict[str, Any]]:
    """The title, publisher and date of the documents of the timeline's ``rows``, and the names of its events' places
    (``fields``) and actors (``roles``), by IRI: read once each (per sentence or role they cost twice as much), and
    only those the service does not keep (``PageReads``)."""
    rows_by_entity, rows_read = reads.rows_by_entity, reads.rows_read
    documents = sorted({r["document"] for r in rows if r.get("document")})
    named = sorted({r["place"] for r in fields if r.get("place")} | {r["actor"] for r in roles})
    reads.prefetch([read for read in (rows_read("timeline documents", q.TIMELINE_DOCUMENTS, documents),
                                      rows_read("labels", q.LABELS, named)) if read is not None])
    found = {document: read[-1] for document, read in rows_by_entity(
        store, "timeline documents", q.TIMELINE_DOCUMENTS, documents, "document").items() if read}
    for entity, read in rows_by_entity(store, "labels", q.LABELS, named, "entity").items():
        name = next((r for r in read if "name" in r), None)
        if name is not None:
            found.setdefault(entity, name)
    return found


def _events(rows: list[dict[str, Any]], fields: dict[str, dict[str, Any]], roles: list[dict[str, Any]],
            entity_iri: str, found: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    events: dict[str, dict[str, Any]] = {}
    for r in rows:
        event = events.get(r["event"])
        if event is None:
            event = events[r["event"]] = _event(r["event"], fields.get(r["event"], {}), found)
        if r.get("evidence") and r["evidence"] not in event["evidence"]:
            source = found.get(r.get("document") or "", {})
            event["evidence"][r["evidence"]] = {
                "text": r.get("text") or "", "title": source.get("title"), "publisher": source.get("publisher"),
                "published": source.get("published"),
                "document": local_id(r["document"]) if r.get("document") else None,
            }
    for r in roles:
        acted = events.get(r["event"])
        if acted is not None and r["actor"] != entity_iri:
            role = _ROLE_LABELS.get(r["role"].rsplit("#", 1)[-1], "")
            acted["actors"].setdefault(r["actor"], {"id": local_id(r["actor"]), "name": found.get(
                r["actor"], {}).get("name") or local_id(r["actor"]), "role": role})
    ordered = sorted(events.values(), key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    for event in ordered:
        event["roles"] = sorted(event["roles"])
        event["evidence"] = list(event["evidence"].values())
        event["actors"] = sorted(event["actors"].values(), key=lambda a: (a["role"], a["name"]))
        event["color"] = (legend.categories().get(event["category"]) or legend.categories()["other"]).color
    return ordered


def _event(iri: str, fields: dict[str, Any], found: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the timeline shows of one event, from its ``fields`` (``_by_event``), before its sentences and actors."""
    date, place = fields.get("date"), fields.get("place")
    return {
        "id": local_id(iri), "iri": iri, "date": None if date is None else str(date), "type": fields.get("type"),
        "sub_type": fields.get("sub_type"), "category": legend.category_of_event(fields.get("type"),
                                                                               fields.get("sub_type")),
        "fatalities": fields.get("fatalities"),
        "place": {"id": local_id(place), "name": found.get(place, {}).get("name") or local_id(place)}
        if place else None,
        "roles": fields.get("roles", set()), "evidence": {}, "actors": {},
    }
