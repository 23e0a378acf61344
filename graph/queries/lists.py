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

__all__ = ["ACTOR_LIST_FIELDS", "EVENT_PLACE_FIELDS", "PLACE_TABLE_FIELDS", "PLACE_LIST_FIELDS", "ACTOR_INDEX",
    "PLACE_INDEX", "ACTOR_LABEL_COUNT", "PLACE_LABEL_COUNT", "DOCUMENT_ORDER", "DOCUMENT_LABELS",
    "DOCUMENT_COUNT", "SEARCH_ACTORS", "SEARCH_PLACES",
    "SUMMARIES", "actor_list", "document_list", "event_list", "events_among", "list_fields", "place_list",
    "search_events"]

_ACTOR_FILTERS = {
    "q": "?actor schema:name|schema:alternateName ?label . " + TEXT_MATCH,  # a name or alias holds ``q``
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


# Every actor or place with each of its names and aliases and the fields their lists filter by, in no order: the kept
# index of api.entity_index (a row a label, one for an entity of none, more for an entity of two kinds or countries).
ACTOR_INDEX = PREFIXES + """SELECT ?entity ?name ?alias ?kind ?country WHERE {
  ?entity a sem:Actor .
  OPTIONAL { { ?entity schema:name ?name } UNION { ?entity schema:alternateName ?alias } }
  OPTIONAL { ?entity ckg:kind ?kind }
  OPTIONAL { ?entity ckg:countryCode ?country }
}
"""
PLACE_INDEX = ACTOR_INDEX.replace("sem:Actor", "sem:Place")
# How many labels each class has, an entity of none counted as one: whether they fit to be kept (api.entity_index)
ACTOR_LABEL_COUNT = PREFIXES + """SELECT (COUNT(*) AS ?n) WHERE {
  ?entity a sem:Actor .
  OPTIONAL { ?entity schema:name|schema:alternateName ?label }
}
"""
PLACE_LABEL_COUNT = ACTOR_LABEL_COUNT.replace("sem:Actor", "sem:Place")


# Fields a list shows of the entities of its page, each one lookup (a UNION branch) per entity: reading every fact of
# each (``FIELDS``) scanned its kept documents, tallies and readings too (50 actors at 100,000 documents: 19-26 ms,
# their four fields alone 8 ms).
_LIST_FIELD_PATHS = {"name": "schema:name", "alias": "schema:alternateName", "kind": "ckg:kind",
                     "country": "ckg:countryCode", "admin1": "ckg:admin1", "wkt": "geo:hasGeometry/geo:asWKT"}


def list_fields(*fields: str) -> str:
    """A read of these fields of the entities in #IRIS#: a row (?entity ?field ?value) per value."""
    union = "\n  UNION ".join(f'{{ ?entity {_LIST_FIELD_PATHS[field]} ?value BIND("{field}" AS ?field) }}'
                              for field in fields)
    return PREFIXES + f"SELECT ?entity ?field ?value WHERE {{\n  VALUES ?entity {{ {IRIS} }}\n  {union}\n}}\n"


ACTOR_LIST_FIELDS = list_fields("name", "alias", "kind", "country")  # an actor list's actors
EVENT_PLACE_FIELDS = list_fields("name", "admin1", "country")  # the events table's places
PLACE_TABLE_FIELDS = list_fields("kind", "country", "admin1", "wkt")  # the places table's places


def actor_list(filters: Iterable[str]) -> str:
    """Actors ordered by name (ids and names), filtered by any of ``q`` (a name or alias contains it) and ``kind``:
    the engine's list, for a store whose actors are too many to keep in name order (``api.entity_index``)."""
    return _entity_list("actor", "sem:Actor", _ACTOR_FILTERS, filters)


_PLACE_FILTERS = {
    "q": "?place schema:name|schema:alternateName ?label . " + TEXT_MATCH,  # a name or alias holds ``q``
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
    """Places ordered by name (ids and names), filtered by any of ``q`` (a name or alias contains it), ``kind`` and
    ``country`` (alpha-2): the engine's list, for a store whose places are too many to keep in name order."""
    return _entity_list("place", "sem:Place", _PLACE_FILTERS, filters)

def event_list(filters: Iterable[str]) -> NewestFirst:
    """Events newest first, filtered by any of actor, place, type, sub_type, document, from, to (names: LABELS)."""
    return newest_first("event", "sem:hasTimeStamp", "sem:Event", EVENT_FILTERS, set(filters), EVENT_FIELDS)


_DOCUMENT_FILTERS = {
    "q": "?document schema:headline|schema:publisher ?label . " + TEXT_MATCH,
}

# Every document in the lists' order (newest published first, undated last, ties by IRI), their titles and
# publishers, and how many documents there are: the kept index of api.document_index.
DOCUMENT_ORDER = PREFIXES + """SELECT ?document WHERE {
  ?document a ckg:Document .
  OPTIONAL { ?document schema:datePublished ?published }
} ORDER BY DESC(?published) ?document
"""
DOCUMENT_LABELS = PREFIXES + """SELECT ?document ?label WHERE {
  ?document a ckg:Document ; schema:headline|schema:publisher ?label .
}
"""
DOCUMENT_COUNT = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?document a ckg:Document }\n"


def document_list(filters: Iterable[str]) -> NewestFirst:
    """Documents newest first, filtered by ``q`` (title or publisher contains)."""
    return newest_first("document", "schema:datePublished", "ckg:Document", _DOCUMENT_FILTERS, set(filters),
                        DOCUMENT_FIELDS)

# ---------------------------------------------------------------- search

# Every name and alias of every actor, and of every place: what a search matches (api.search), read once a write.
# The same ranking in the engine (0 a label equal to ?q, 1 starting with it, 2 containing it; then the IRI), for a
# store whose labels are too many to keep: the labels are matched first, then the class.
SEARCH_ACTORS = PREFIXES + """SELECT ?entity (MIN(?r) AS ?rank) {
  { SELECT ?entity ?r WHERE {
      ?entity schema:name|schema:alternateName ?label .
      """ + TEXT_MATCH + """
      BIND(IF(LCASE(STR(?label)) = LCASE(?q), 0, IF(STRSTARTS(LCASE(STR(?label)), LCASE(?q)), 1, 2)) AS ?r)
  } }
  ?entity a sem:Actor .
} GROUP BY ?entity ORDER BY ?rank ?entity #PAGE#
"""
SEARCH_PLACES = SEARCH_ACTORS.replace("sem:Actor", "sem:Place")

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
