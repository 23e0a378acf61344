"""The actor network: one projection of the graph, used by ``/network``, ``python -m viz`` and the exports.

Nodes are actors (and places, as a second layer); edges are typed interactions aggregated per
(source, target, category) with a direction where the category has one (``graph.interactions``),
each carrying the indices of the events behind it, so the page can filter them by date, type and
place, and the exports can give event counts and first/last dates (:func:`edge_summary`).
Everything is read from the current graph (``Store.read``). ``read_network`` projects the whole
graph, or a bounded view (:class:`NetworkView`): the most active actors in a window, their latest
events and the ties among them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph import queries as q
from graph.interactions import categories, category_of_event, category_of_relation
from graph.newest import newest_of_superset, of_window_dates, read_among
from graph.store import TripleStore

__all__ = ["NetworkEvent", "NetworkView", "build_network", "read_network", "most_active", "edge_summary", "local_id",
           "parse_point"]

_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)", re.IGNORECASE)
_RELATION_NAMES = {"partOf": "part_of", "memberOf": "member_of", "affiliatedWith": "affiliated_with",
                   "supports": "supports", "leads": "leads"}


@dataclass(frozen=True)
class NetworkEvent:
    """One event as the network page needs it."""

    id: str  # IRI
    type: str | None
    sub_type: str | None
    category: str
    date: str | None
    place: str | None  # IRI
    fatalities: int | None


@dataclass(frozen=True)
class NetworkView:
    """A bounded part of the network: the ``actors`` most active actors with events in the window,
    their latest ``events`` events there, and the ties among them; ``focus`` (an actor IRI) is always in."""

    actors: int = 150
    events: int = 5000
    start: str | None = None  # ISO date (or prefix) the events end on or after
    end: str | None = None
    event_type: str | None = None  # ACLED event type
    focus: str | None = None


def local_id(iri: str) -> str:
    """Return an entity's id: the last path segment of its IRI."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def parse_point(wkt: str | None) -> tuple[float | None, float | None]:
    """Return (lat, lon) of a WKT ``POINT(lon lat)``, or (None, None)."""
    match = _POINT.search(wkt or "")
    return (float(match.group(2)), float(match.group(1))) if match else (None, None)


def read_network(store: TripleStore, view: NetworkView | None = None) -> nx.MultiDiGraph:
    """Project the store's current graph into the network: all of it, or the bounded ``view``."""
    if view is None:
        return build_network(actors=store.read(q.NETWORK_ACTORS), places=store.read(q.NETWORK_PLACES),
                             events=store.read(q.NETWORK_EVENTS), roles=store.read(q.NETWORK_ROLES),
                             relations=store.read(q.NETWORK_RELATIONS))
    bindings = {"type": view.event_type, "from": view.start, "to": view.end}
    bindings = {k: v for k, v in bindings.items() if v is not None}
    top = q.network_top_actors(bindings)
    counts = (of_window_dates(store, q.network_window_events(bindings), bindings, top) if {"from", "to"} & set(bindings)
              else store.read(top, bindings))
    chosen = most_active(counts, view.actors)
    if len(chosen) < view.actors and not bindings:  # room left: actors with no events (affiliations only)
        quiet = store.read(q.page(q.NETWORK_ANY_ACTORS, view.actors, 0))
        chosen += [a for a in (r["actor"] for r in quiet) if a not in set(chosen)][:view.actors - len(chosen)]
    if view.focus and view.focus not in chosen:
        chosen = [view.focus, *chosen[:max(0, view.actors - 1)]]
    if not chosen:
        graph = build_network([])
    else:
        events = newest_of_superset(store, q.network_view_events(bindings, chosen), bindings, view.events)
        iris = [r["event"] for r in events]
        members = set(chosen)
        roles = [r for r in read_among(store, q.NETWORK_EVENT_ROLES, iris) if r["actor"] in members]
        places = sorted({r["place"] for r in events if r.get("place")})
        graph = build_network(
            actors=store.read(q.with_iris(q.NETWORK_ACTORS_AMONG, chosen)),
            places=store.read(q.with_iris(q.NETWORK_PLACES_AMONG, places)) if places else [],
            events=events, roles=roles, relations=store.read(q.with_iris(q.NETWORK_RELATIONS_AMONG, chosen)))
    graph.graph["view"] = {"actors": view.actors, "events": view.events, "start": view.start, "end": view.end,
                           "type": view.event_type, "focus": view.focus}
    return graph


def most_active(counts: Iterable[dict[str, Any]], most: int) -> list[str]:
    """The ``most`` actors (IRIs) of ``counts`` (rows of ``queries.network_top_actors``) with most events, ties by
    IRI: the order ``ORDER BY DESC(?events) ?actor`` gives (IRIs compare by code point here and in the engine)."""
    return [row["actor"] for row in sorted(counts, key=lambda row: (-int(row["events"]), row["actor"]))[:most]]


def edge_summary(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The actor-to-actor part of the network with what each edge stands for, for GraphML and GEXF.

    Node attributes: label, kind, events (count). Edge attributes (one edge per source, target and
    category): category, stance, directed, events (count), first, last (dates), fatalities (sum of
    the lowest tolls) and asserted (an affiliation the text states).
    """
    events = graph.graph.get("events", [])
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        if data["layer"] == "actor":
            out.add_node(node, label=data["name"], kind=data["kind"] or "", events=len(data["events"]))
    for source, target, key, data in graph.edges(keys=True, data=True):
        if key == "at":
            continue
        found = [events[i] for i in data["events"]]
        dates = sorted(e.date for e in found if e.date)
        category = categories().get(key)
        out.add_edge(source, target, key=key, category=key, stance=category.stance if category else "other",
                     directed=bool(category and category.directed), events=len(found),
                     first=dates[0] if dates else "", last=dates[-1] if dates else "",
                     fatalities=sum(e.fatalities or 0 for e in found), asserted=bool(data["asserted"]))
    return out


def build_network(
    actors: Iterable[dict[str, Any]],
    places: Iterable[dict[str, Any]] = (),
    events: Iterable[dict[str, Any]] = (),
    roles: Iterable[dict[str, Any]] = (),
    relations: Iterable[dict[str, Any]] = (),
) -> nx.MultiDiGraph:
    """Return the network of query rows: actor and place nodes, edges keyed by category.

    ``graph.graph["events"]`` lists the events; nodes and edges refer to them by index.
    """
    graph = nx.MultiDiGraph(events=[])
    for row in actors:
        _add_actor(graph, row["actor"], row.get("name"), row.get("kind"))
    for row in places:
        lat, lon = parse_point(row.get("wkt"))
        graph.add_node(row["place"], layer="place", name=row.get("name") or local_id(row["place"]),
                       kind=row.get("kind") or "place", lat=lat, lon=lon, events=[])
    sides = _event_sides(roles)
    for row in sorted(events, key=lambda r: (not r.get("date"), r.get("date") or "", r["event"])):
        _add_event(graph, row, sides.get(row["event"], {}))
    for row in relations:
        relation = _RELATION_NAMES.get(row["relation"].rsplit("#", 1)[-1])
        if relation and row["subject"] != row["object"]:
            _add_edge(graph, row["subject"], row["object"], category_of_relation(relation), None)
    return graph


def _add_actor(graph: nx.MultiDiGraph, iri: str, name: str | None, kind: str | None) -> None:
    if iri not in graph:
        graph.add_node(iri, layer="actor", name=name or local_id(iri), kind=kind, events=[])


def _event_sides(roles: Iterable[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    sides: dict[str, dict[str, list[str]]] = {}
    for row in roles:
        role = row["role"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        members = sides.setdefault(row["event"], {}).setdefault(role, [])
        if row["actor"] not in members:
            members.append(row["actor"])
    for found in sides.values():
        for members in found.values():
            members.sort()
    return sides


def _add_event(graph: nx.MultiDiGraph, row: dict[str, Any], sides: dict[str, list[str]]) -> None:
    category = category_of_event(row.get("type"), row.get("sub_type"))
    place = row.get("place")
    event = NetworkEvent(row["event"], row.get("type"), row.get("sub_type"), category, row.get("date"),
                         place if place in graph else None, row.get("fatalities"))
    index = len(graph.graph["events"])
    graph.graph["events"].append(event)
    first, second = sides.get("actor1", []), sides.get("actor2", [])
    everyone = sorted(set().union(*sides.values())) if sides else []
    for actor in everyone:
        _add_actor(graph, actor, None, None)
        graph.nodes[actor]["events"].append(index)
        if event.place:
            _add_edge(graph, actor, event.place, "at", index)
    if event.place:
        graph.nodes[event.place]["events"].append(index)
    pairs = [(a, b, category) for a in first for b in second]
    allies = ((first, sides.get("associateActor1", [])), (second, sides.get("associateActor2", [])))
    for principal, associates in allies:
        pairs += [(a, b, category_of_relation("associate")) for a in principal for b in associates]
    if not first and not second:  # roles unknown: every pair of participants
        pairs = [(a, b, category) for i, a in enumerate(everyone) for b in everyone[i + 1:]]
    for source, target, pair_category in pairs:
        if source != target:
            _add_edge(graph, source, target, pair_category, index)


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, category: str, event: int | None) -> None:
    known = categories().get(category)
    if known is not None and not known.directed:
        source, target = sorted((source, target))
    if not graph.has_edge(source, target, key=category):
        graph.add_edge(source, target, key=category, category=category, events=[], asserted=False)
    data = graph.edges[source, target, category]
    if event is None:
        data["asserted"] = True  # an affiliation stated in the text, not an event
    elif event not in data["events"]:
        data["events"].append(event)
