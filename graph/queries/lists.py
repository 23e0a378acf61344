"""Lists of entities (REST) and search: by name, or newest first (``graph.newest``)."""
from __future__ import annotations

from collections.abc import Iterable

from graph.queries.base import (
    DOCUMENT_FIELDS,
    EVENT_FIELDS,
    EVENT_FILTERS,
    IRIS,
    PREFIXES,
    ROLE_PATH,
    TEXT_MATCH,
    NewestFirst,
    newest_first,
    with_fragments,
    with_iris,
)

__all__ = ["ACTOR_LIST_FIELDS", "PLACE_LIST_FIELDS", "SEARCH_ACTORS", "SEARCH_PLACES", "SUMMARIES", "actor_list",
    "document_list", "event_list", "events_among", "place_list", "search_events"]

_ACTOR_FILTERS = {
    "q": "?actor schema:name|schema:alternateName ?label . " + TEXT_MATCH,
    "kind": "?actor ckg:kind ?kind .",
}

# The current graph holds one name per entity. Without filters, no subquery: the class and name are one join.
_ENTITY_LIST = PREFIXES + """SELECT ?#E# ?name {
  #MATCHES#
  ?#E# a #CLASS# ; schema:name ?name .
} ORDER BY LCASE(STR(?name)) ?#E# #PAGE#
"""


def _entity_list(entity: str, cls: str, fragments: dict[str, str], filters: Iterable[str]) -> str:
    chosen = with_fragments(fragments, filters)
    matches = "{ SELECT DISTINCT ?#E# WHERE {\n      " + chosen + "\n  } }" if chosen else ""
    return _ENTITY_LIST.replace("#MATCHES#", matches).replace("#CLASS#", cls).replace("#E#", entity)


# What an actor list shows of each actor of the page (#IRIS#): a row per value of each of its four fields. Each is one
# lookup; reading every fact of an actor (``FIELDS``) scanned its tallies, documents and readings too.
ACTOR_LIST_FIELDS = PREFIXES + """SELECT ?actor ?field ?value WHERE {
  VALUES ?actor { """ + IRIS + """ }
  { ?actor schema:name ?value BIND("name" AS ?field) }
  UNION { ?actor schema:alternateName ?value BIND("alias" AS ?field) }
  UNION { ?actor ckg:kind ?value BIND("kind" AS ?field) }
  UNION { ?actor ckg:countryCode ?value BIND("country" AS ?field) }
}
"""


def actor_list(filters: Iterable[str]) -> str:
    """Actors ordered by name (ids and names), filtered by any of ``q`` (name or alias contains) and ``kind``."""
    return _entity_list("actor", "sem:Actor", _ACTOR_FILTERS, filters)


_PLACE_FILTERS = {
    "q": "?place schema:name|schema:alternateName ?label . " + TEXT_MATCH,
    "kind": "?place ckg:kind ?kind .",
    "country": "?place ckg:countryCode ?cc . FILTER(UCASE(STR(?cc)) = UCASE(?country))",
}


# What a place list shows of each place of the page (#IRIS#): one row each (one value per fact in the current graph).
PLACE_LIST_FIELDS = PREFIXES + """SELECT * WHERE {
  VALUES ?place { """ + IRIS + """ }
  OPTIONAL { ?place ckg:kind ?kind }
  OPTIONAL { ?place ckg:countryCode ?country }
  OPTIONAL { ?place ckg:admin1 ?admin1 OPTIONAL { ?admin1 schema:name ?admin1_name } }
  OPTIONAL { ?place geo:hasGeometry/geo:asWKT ?wkt }
}
"""


def place_list(filters: Iterable[str]) -> str:
    """Places ordered by name (ids and names), filtered by any of ``q``, ``kind`` and ``country`` (alpha-2)."""
    return _entity_list("place", "sem:Place", _PLACE_FILTERS, filters)

def event_list(filters: Iterable[str]) -> NewestFirst:
    """Events newest first, filtered by any of actor, place, type, sub_type, document, from, to (names: LABELS)."""
    return newest_first("event", "sem:hasTimeStamp", "sem:Event", EVENT_FILTERS, set(filters), EVENT_FIELDS)


_DOCUMENT_FILTERS = {
    "q": "?document schema:headline|schema:publisher ?label . " + TEXT_MATCH,
}

def document_list(filters: Iterable[str]) -> NewestFirst:
    """Documents newest first, filtered by ``q`` (title or publisher contains)."""
    return newest_first("document", "schema:datePublished", "ckg:Document", _DOCUMENT_FILTERS, set(filters),
                        DOCUMENT_FIELDS)

# ---------------------------------------------------------------- search (bound: ?q)

# Rank: 0 exact name or alias, 1 starts with q, 2 contains q.
_RANK = """BIND(IF(LCASE(STR(?label)) = LCASE(?q), 0, IF(STRSTARTS(LCASE(STR(?label)), LCASE(?q)), 1, 2)) AS ?r)"""

# The labels are matched first (the outer query has no WHERE keyword, so ?q is bound in the inner one), then
# the class: the other way round, the engine looked up every actor's labels.
SEARCH_ACTORS = PREFIXES + """SELECT ?actor (MIN(?r) AS ?rank) {
  { SELECT ?actor ?r WHERE {
      ?actor schema:name|schema:alternateName ?label .
      """ + TEXT_MATCH + """
      """ + _RANK + """
  } }
  ?actor a sem:Actor .
} GROUP BY ?actor ORDER BY ?rank ?actor #PAGE#
"""

SEARCH_PLACES = SEARCH_ACTORS.replace("?actor", "?place").replace("sem:Actor", "sem:Place")

def search_events(named: Iterable[str]) -> NewestFirst:
    """Events of the actors and places a search found (IRIs from the store), newest first (``graph.newest``).

    Sorting every event of the matches (``ORDER BY`` over a GROUP BY) cost 3-4x more at 100,000
    documents (a search for 'milit': 450 ms, now 110 ms).
    """
    fragments = {"named": with_iris("VALUES ?named { #IRIS# } ?event " + ROLE_PATH + "|sem:hasPlace ?named .", named)}
    return newest_first("event", "sem:hasTimeStamp", "sem:Event", fragments, {"named"}, EVENT_FIELDS)


def events_among(events: Iterable[str]) -> NewestFirst:
    """These events (IRIs from the store) newest first (``graph.newest``): a few hundred a search's entities' summaries
    name, so their order costs a read of them alone."""
    fragments = {"among": with_iris("VALUES ?event { #IRIS# }", events)}
    return newest_first("event", "sem:hasTimeStamp", "sem:Event", fragments, {"among"}, EVENT_FIELDS)


# The event summary the writer keeps (graph.link.summaries) of each actor and place in #IRIS# that has events.
SUMMARIES = PREFIXES + """SELECT ?entity ?summary WHERE {
  VALUES ?entity { """ + IRIS + """ }
  ?entity ckg:eventSummary ?summary .
}
"""
