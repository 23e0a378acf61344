"""The actor network as a networkx graph, built from the rows of the network queries.

Nodes are actors (and places, as a second layer); edges are interactions aggregated per pair
and category, each carrying the indices of the events behind it so that the page can filter
them by date, type and place without asking the server again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from viz import legend
from viz import queries as q

__all__ = ["NetworkEvent", "build_network", "read_network", "local_id", "parse_point"]

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


def local_id(iri: str) -> str:
    """Return an entity's id: the last path segment of its IRI."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def parse_point(wkt: str | None) -> tuple[float | None, float | None]:
    """Return (lat, lon) of a WKT ``POINT(lon lat)``, or (None, None)."""
    match = _POINT.search(wkt or "")
    return (float(match.group(2)), float(match.group(1))) if match else (None, None)


def read_network(store: Any) -> nx.MultiDiGraph:
    """Run the network queries on ``store`` and return the network."""
    return build_network(
        actors=store.read(q.NETWORK_ACTORS),
        places=store.read(q.NETWORK_PLACES),
        events=store.read(q.NETWORK_EVENTS),
        roles=store.read(q.NETWORK_ROLES),
        relations=store.read(q.NETWORK_RELATIONS),
    )


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
            _add_edge(graph, row["subject"], row["object"], legend.category_of_relation(relation), None)
    return graph


def _add_actor(graph: nx.MultiDiGraph, iri: str, name: str | None, kind: str | None) -> None:
    if iri not in graph:
        graph.add_node(iri, layer="actor", name=name or local_id(iri), kind=legend.kind_of(kind), events=[])


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
    category = legend.category_of_event(row.get("type"), row.get("sub_type"))
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
        pairs += [(a, b, legend.category_of_relation("associate")) for a in principal for b in associates]
    if not first and not second:  # roles unknown: every pair of participants
        pairs = [(a, b, category) for i, a in enumerate(everyone) for b in everyone[i + 1:]]
    for source, target, pair_category in pairs:
        if source != target:
            _add_edge(graph, source, target, pair_category, index)


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, category: str, event: int | None) -> None:
    known = legend.categories().get(category)
    if known is not None and not known.directed:
        source, target = sorted((source, target))
    if not graph.has_edge(source, target, key=category):
        graph.add_edge(source, target, key=category, category=category, events=[], asserted=False)
    data = graph.edges[source, target, category]
    if event is None:
        data["asserted"] = True  # an affiliation stated in the text, not an event
    elif event not in data["events"]:
        data["events"].append(event)
