"""The actor network (``graph.network``): the whole graph's actors, places, events and relations, and the
bounded view (the most active actors in a window and their latest events)."""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.queries.base import (
    EVENT_FILTERS,
    IRIS,
    PREFIXES,
    ROLES_OF_BOUND_EVENTS,
    NewestFirst,
    newest_first,
    with_fragments,
)

__all__ = ["NETWORK_ACTORS", "NETWORK_ACTORS_AMONG", "NETWORK_ANY_ACTORS", "NETWORK_EVENTS", "NETWORK_EVENT_ROLES",
    "NETWORK_PLACES", "NETWORK_PLACES_AMONG", "NETWORK_RELATIONS", "NETWORK_RELATIONS_AMONG", "NETWORK_ROLES",
    "NETWORK_WINDOW", "network_top_actors", "network_view_events", "network_window_events"]

# ---------------------------------------------------------------- the network (graph.network)

# One row per actor; MIN picks one name and kind deterministically when merged documents disagree.
NETWORK_ACTORS = PREFIXES + """SELECT ?actor (MIN(STR(?n)) AS ?name) (MIN(STR(?k)) AS ?kind) WHERE {
  ?actor a sem:Actor .
  OPTIONAL { ?actor schema:name ?n }
  OPTIONAL { ?actor ckg:kind ?k }
} GROUP BY ?actor
"""

NETWORK_PLACES = PREFIXES + """SELECT ?place (MIN(STR(?n)) AS ?name) (MIN(STR(?k)) AS ?kind) (MIN(STR(?w)) AS ?wkt)
WHERE {
  ?place a sem:Place .
  OPTIONAL { ?place schema:name ?n }
  OPTIONAL { ?place ckg:kind ?k }
  OPTIONAL { ?place geo:hasGeometry/geo:asWKT ?w }
} GROUP BY ?place
"""

# One row per event, from the current graph: one type, date, place and (lowest) toll each.
NETWORK_EVENTS = PREFIXES + """SELECT ?event ?type ?sub_type (STR(?d) AS ?date) ?place ?fatalities WHERE {
  ?event a sem:Event .
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasTimeStamp ?d }
  OPTIONAL { ?event sem:hasPlace ?place }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
}
"""

NETWORK_ROLES = PREFIXES + """SELECT DISTINCT ?event ?role ?actor WHERE {
  VALUES ?role { ckg:actor1 ckg:actor2 ckg:associateActor1 ckg:associateActor2 sem:hasActor }
  ?event ?role ?actor .
  ?event a sem:Event .
}
"""

NETWORK_RELATIONS = PREFIXES + """SELECT DISTINCT ?subject ?relation ?object WHERE {
  VALUES ?relation { ckg:partOf ckg:memberOf ckg:affiliatedWith ckg:supports ckg:leads }
  ?subject ?relation ?object .
  ?subject a sem:Actor .
  ?object a sem:Actor .
}
"""

# The bounded view (graph.network.NetworkView): the most active actors in a window ...
NETWORK_WINDOW = {"type": "?event ckg:eventType ?type .", "from": EVENT_FILTERS["from"], "to": EVENT_FILTERS["to"]}

# Unordered: the view sorts them (graph.network). The engine's ORDER BY DESC(?events) ?actor compared the IRIs of
# ties by their text, which it fetches at every comparison: 530-760 ms of the 7,425 active actors at 100,000
# documents, against 80-120 ms for the counts alone. A date window starts from its dates (#DAYS#, a VALUES block
# of them: graph.newest.of_window_dates), not from every event's actors with the window checked on each date's
# text: a 6-month window 1,468 -> 34 ms, from=2019 1,423 -> 406 ms (100,000 documents).
_TOP_ACTORS = PREFIXES + """SELECT ?actor (COUNT(DISTINCT ?event) AS ?events) WHERE {
  #NETWORK_WINDOW#
  ?event sem:hasActor ?actor .
} GROUP BY ?actor
"""


def network_top_actors(filters: Iterable[str]) -> str:
    """Every actor with events and its event count, filtered by ``type`` (a binding) and, with ``from`` or ``to``,
    by the dates of a ``#DAYS#`` block: read through ``graph.newest.of_window_dates``."""
    filters = set(filters)
    dated = "#DAYS#\n  ?event sem:hasTimeStamp ?date .\n  " if filters & {"from", "to"} else ""
    return _TOP_ACTORS.replace("#NETWORK_WINDOW#", dated + with_fragments(NETWORK_WINDOW, filters - {"from", "to"}))


# Actors in IRI order (to fill a view that has room left once every active actor is in).
NETWORK_ANY_ACTORS = PREFIXES + """SELECT ?actor WHERE { ?actor a sem:Actor } ORDER BY ?actor #PAGE#
"""

# ... their latest events in the window, newest first (graph.newest) ...
_VIEW_FIELDS = """OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasPlace ?place }
  OPTIONAL { ?event ckg:fatalities ?fatalities }"""


def network_window_events(filters: Iterable[str]) -> NewestFirst:
    """Every event of the window (``type``, ``from``, ``to``), newest first: whose dates the view's reads use."""
    return newest_first("event", "sem:hasTimeStamp", "sem:Event", NETWORK_WINDOW, set(filters), _VIEW_FIELDS)


def network_view_events(filters: Iterable[str], actors: Iterable[str]) -> NewestFirst:
    """The latest events of ``actors`` (IRIs from the store), filtered by any of ``type``, ``from``, ``to``.

    Read by ``graph.newest.newest_of_superset``: the dates are those of every event in the window; the
    actors are a FILTER checked on the events of the dates read (a VALUES of them, joined first, made the
    engine read all their events: 2.5 s at 100,000 documents).
    """
    filters = set(filters)
    among = ", ".join(str(ox.NamedNode(str(iri))) for iri in actors)
    fragments = {"actors": f"?event sem:hasActor ?actor . FILTER(?actor IN ({among}))", **NETWORK_WINDOW}
    window = network_window_events(filters)
    chosen = newest_first("event", "sem:hasTimeStamp", "sem:Event", fragments, {"actors", *filters}, _VIEW_FIELDS)
    return chosen._replace(dates=window.dates)


# ... and what the network needs of them (#IRIS#: events, actors or places of the view; the roles also for an entity
# page's "with whom").
NETWORK_EVENT_ROLES = PREFIXES + """SELECT DISTINCT ?event ?role ?actor WHERE {
  VALUES ?event { """ + IRIS + """ }
  """ + ROLES_OF_BOUND_EVENTS + """
}
"""
NETWORK_ACTORS_AMONG = NETWORK_ACTORS.replace("?actor a sem:Actor .",
                                              "VALUES ?actor { " + IRIS + " } ?actor a sem:Actor .")
NETWORK_PLACES_AMONG = NETWORK_PLACES.replace("?place a sem:Place .",
                                              "VALUES ?place { " + IRIS + " } ?place a sem:Place .")
NETWORK_RELATIONS_AMONG = NETWORK_RELATIONS.replace(
    "?subject ?relation ?object .", "VALUES ?subject { " + IRIS + " } VALUES ?object { " + IRIS + " } "
    "?subject ?relation ?object .")
