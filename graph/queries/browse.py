"""The browse pages (``api.browse``): tables of events, actors, places and documents, months and the map."""
from __future__ import annotations

from collections.abc import Iterable

from graph.queries.base import (
    DOCUMENT_FIELDS,
    EVENT_FIELDS,
    EVENT_FILTERS,
    IRIS,
    PREFIXES,
    NewestFirst,
    newest_first,
    with_fragments,
)

__all__ = ["BROWSE_FILTERS", "BROWSE_REGIONS", "BROWSE_SORTS", "EVENT_COUNTS", "MONTH_GROUPS", "PLACE_ADMIN1",
    "STORED_TERMS", "browse", "browse_count", "browse_document_list", "browse_fatalities_list", "browse_event_ids",
    "browse_event_list", "browse_months", "map_event_list", "map_events"]

# ---------------------------------------------------------------- browse pages (api.browse)

# Filter values arrive as bindings named ``f_<filter>``, so they never collide with a column's variable.
# Text filters match names and aliases ("contains", any case); country and admin1 match whole values.
_NAME_MATCH = ("?#V# schema:name|schema:alternateName ?#V#_label . "
               "FILTER(CONTAINS(LCASE(STR(?#V#_label)), LCASE(?f_#P#)))")


def _name_match(variable: str, parameter: str) -> str:
    return _NAME_MATCH.replace("#V#", variable).replace("#P#", parameter)


_BROWSE_EVENT_FILTERS = {
    # bound to the stored terms the value matches (STORED_TERMS): read through the index, not compared on every event
    "country": "?event sem:hasPlace ?in_country . ?in_country ckg:countryCode ?f_country .",
    "admin1": "?event sem:hasPlace ?in_admin1 . ?in_admin1 ckg:admin1 ?f_admin1 .",
    "type": "?event ckg:eventType ?f_type .",
    "sub_type": "?event ckg:subEventType ?f_sub_type .",
    "actor": "?event sem:hasActor ?named_actor . " + _name_match("named_actor", "actor"),
    "place": "?event sem:hasPlace ?named_place . " + _name_match("named_place", "place"),
    "text": "FILTER EXISTS { GRAPH ?report { ?event ckg:evidence ?said . ?said ckg:text ?said_text } "
    "FILTER(CONTAINS(LCASE(STR(?said_text)), LCASE(?f_text))) }",
    "from": EVENT_FILTERS["from"].replace("?from", "?f_from"),
    "to": EVENT_FILTERS["to"].replace("?to", "?f_to"),
    "actor_id": "?event sem:hasActor ?f_actor_id .",  # bound to the actor's IRI
    "place_id": "?event sem:hasPlace ?f_place_id .",  # bound to the place's IRI
}

# The inner query picks one page of events (filtered, sorted); the outer one adds their place and actors.
# One page of events, filtered and sorted; the page query adds their place and actors, downloads take the ids.
_BROWSE_EVENT_PAGE = """SELECT DISTINCT ?event ?date ?type ?sub_type ?fatalities WHERE {
      #FILTERS#
      ?event a sem:Event .
      OPTIONAL { ?event sem:hasTimeStamp ?stamp }
      BIND(STR(?stamp) AS ?date)
      OPTIONAL { ?event ckg:eventType ?type }
      OPTIONAL { ?event ckg:subEventType ?sub_type }
      OPTIONAL { ?event ckg:fatalities ?fatalities }
    } ORDER BY #SORT# ?event #PAGE#"""
_BROWSE_EVENT_IDS = PREFIXES + _BROWSE_EVENT_PAGE
_BROWSE_EVENTS = PREFIXES + """SELECT ?event ?date ?type ?sub_type ?fatalities ?place ?actor1 ?actor2 {
  { """ + _BROWSE_EVENT_PAGE + """ }
  OPTIONAL { ?event sem:hasPlace ?place }
  OPTIONAL { ?event ckg:actor1 ?actor1 }
  OPTIONAL { ?event ckg:actor2 ?actor2 }
} ORDER BY #SORT# ?event
"""

_BROWSE_EVENT_COUNT = PREFIXES + """SELECT (COUNT(DISTINCT ?event) AS ?count) WHERE {
  #FILTERS#
  ?event a sem:Event .
  OPTIONAL { ?event sem:hasTimeStamp ?stamp }
  BIND(STR(?stamp) AS ?date)
}
"""

# The stored terms (``?text``, ``?datatype``, ``?lang``; no datatype: an IRI) that a country or first-level division
# named in the events table's filters matches, any case: the events' filters bind them, so the engine finds the
# places by the term (the engine compared every event's place's code: 800 ms at 100,000 documents, 15 ms so).
STORED_TERMS = {name: PREFIXES + f"""SELECT DISTINCT (STR(?term) AS ?text) (DATATYPE(?term) AS ?datatype)
  (LANG(?term) AS ?lang) WHERE {{
  ?any {predicate} ?term . FILTER({case}(STR(?term)) = {case}(?f_{name}))
}}
""" for name, predicate, case in (("country", "ckg:countryCode", "UCASE"), ("admin1", "ckg:admin1", "LCASE"))}

_ENTITY_FILTERS = {
    "q": _name_match("#E#", "q"),
    "kind": "?#E# ckg:kind ?f_kind .",
    "country": "?#E# ckg:countryCode ?f_cc . FILTER(UCASE(STR(?f_cc)) = UCASE(?f_country))",
    "admin1": "?#E# ckg:admin1 ?f_a1 . FILTER(LCASE(STR(?f_a1)) = LCASE(?f_admin1))",
}

_BROWSE_ENTITIES = PREFIXES + """SELECT ?#E# ?name ?kind ?country ?admin1 ?wkt (COUNT(DISTINCT ?event) AS ?events)
WHERE {
  #FILTERS#
  ?#E# a #CLASS# .
  OPTIONAL { ?#E# schema:name ?name }
  OPTIONAL { ?#E# ckg:kind ?kind }
  OPTIONAL { ?#E# ckg:countryCode ?country }
  OPTIONAL { ?#E# ckg:admin1 ?admin1 }
  OPTIONAL { ?#E# geo:hasGeometry/geo:asWKT ?wkt }
  OPTIONAL { ?event #PATH# ?#E# }
} GROUP BY ?#E# ?name ?kind ?country ?admin1 ?wkt ORDER BY #SORT# ?#E# #PAGE#
"""

_BROWSE_ENTITY_COUNT = PREFIXES + """SELECT (COUNT(DISTINCT ?#E#) AS ?count) WHERE {
  #FILTERS#
  ?#E# a #CLASS# .
}
"""

_DOCUMENT_BROWSE_FILTERS = {
    "q": "FILTER EXISTS { ?document schema:headline|schema:publisher ?label . "
    "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?f_q))) }",
    "from": "FILTER(SUBSTR(STR(?published), 1, 10) >= ?f_from)",
    "to": "FILTER(SUBSTR(STR(?published), 1, STRLEN(?f_to)) <= ?f_to)",
}

_BROWSE_DOCUMENTS = PREFIXES + """SELECT ?document ?title ?publisher ?published WHERE {
  #FILTERS#
  ?document a ckg:Document .
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document schema:datePublished ?published }
} ORDER BY #SORT# ?document #PAGE#
"""

_BROWSE_DOCUMENT_COUNT = PREFIXES + """SELECT (COUNT(DISTINCT ?document) AS ?count) WHERE {
  #FILTERS#
  ?document a ckg:Document .
  OPTIONAL { ?document schema:datePublished ?published }
}
"""


# How many events each actor or place (by table) has, as the table counts them: the tables sorted by events or by name
# cut their pages from the kept index of the entities (api.tables) with these counts, read once a write.
EVENT_COUNTS = {table: PREFIXES + f"SELECT ?entity (COUNT(DISTINCT ?event) AS ?n) {{ ?event {path} ?entity }} "
                "GROUP BY ?entity\n" for table, path in (("actors", "sem:hasActor"), ("places", "sem:hasPlace"))}


def _entity_table(entity: str, rdf_class: str, path: str, filters: tuple[str, ...]) -> tuple[str, str, dict[str, str]]:
    fragments = {name: _ENTITY_FILTERS[name].replace("#E#", entity) for name in filters}
    return (_BROWSE_ENTITIES.replace("#E#", entity).replace("#CLASS#", rdf_class).replace("#PATH#", path),
            _BROWSE_ENTITY_COUNT.replace("#E#", entity).replace("#CLASS#", rdf_class), fragments)


# kind -> (page query, count query, filter fragments, sortable columns -> sort keys)
_BROWSE = {
    "events": (_BROWSE_EVENTS, _BROWSE_EVENT_COUNT, _BROWSE_EVENT_FILTERS,
               {"date": "?date", "type": "?type", "sub_type": "?sub_type", "fatalities": "?fatalities"}),
    "actors": (*_entity_table("actor", "sem:Actor", "sem:hasActor", ("q", "kind", "country")),
               {"name": "LCASE(STR(?name))", "kind": "?kind", "country": "?country", "events": "?events"}),
    "places": (*_entity_table("place", "sem:Place", "sem:hasPlace", ("q", "kind", "country", "admin1")),
               {"name": "LCASE(STR(?name))", "admin1": "?admin1", "country": "?country", "events": "?events"}),
    "documents": (_BROWSE_DOCUMENTS, _BROWSE_DOCUMENT_COUNT, _DOCUMENT_BROWSE_FILTERS,
                  {"published": "?published", "title": "LCASE(STR(?title))", "publisher": "?publisher"}),
}
BROWSE_FILTERS = {kind: tuple(spec[2]) for kind, spec in _BROWSE.items()}  # the filters each table takes
BROWSE_SORTS = {kind: tuple(spec[3]) for kind, spec in _BROWSE.items()}  # the columns each table sorts by


def browse_event_list(filters: Iterable[str]) -> NewestFirst:
    """The events table in its default order (newest first) as a newest-first list (``graph.newest``): the
    table's filters bound as ``f_<name>``, but its date window as ``from`` and ``to``."""
    return newest_first("event", "sem:hasTimeStamp", "sem:Event", _BROWSE_EVENT_FILTERS, set(filters),
                        EVENT_FIELDS)


def browse_fatalities_list(filters: Iterable[str], descending: bool) -> NewestFirst:
    """The events table sorted by fatalities (``descending``: most first) as a list ordered like a newest-first one
    (``graph.newest``: the matches counted per toll, then those of the page's tolls, ties by IRI), bound as
    ``browse_event_list``'s but without a date window (its filters compare the events' dates, not their tolls).
    The engine sorted every match: 60,355 events at 100,000 documents, past the 5 s read limit. An event of two tolls
    (a raw write) is listed at each (``newest_first``)."""
    return newest_first("event", "ckg:fatalities", "sem:Event", _BROWSE_EVENT_FILTERS, set(filters), EVENT_FIELDS,
                        key="toll", descending=descending)


def browse_document_list(filters: Iterable[str]) -> NewestFirst:
    """The documents table in its default order (newest published first) as a newest-first list, bound as
    ``browse_event_list``'s."""
    return newest_first("document", "schema:datePublished", "ckg:Document", _DOCUMENT_BROWSE_FILTERS, set(filters),
                        DOCUMENT_FIELDS)


def browse(kind: str, filters: Iterable[str], sort: str, descending: bool) -> str:
    """One page of the ``kind`` table ("events"...), filtered by ``filters`` (bound as ``f_<name>``), sorted."""
    query, _, fragments, sorts = _BROWSE[kind]
    order = f"DESC({sorts[sort]})" if descending else sorts[sort]
    return query.replace("#FILTERS#", with_fragments(fragments, filters)).replace("#SORT#", order)


def browse_event_ids(filters: Iterable[str], sort: str, descending: bool) -> str:
    """Like ``browse("events", ...)`` but the events alone (``?event``), for downloads of many."""
    order = f"DESC({_BROWSE['events'][3][sort]})" if descending else _BROWSE["events"][3][sort]
    chosen = with_fragments(_BROWSE_EVENT_FILTERS, filters)
    return _BROWSE_EVENT_IDS.replace("#FILTERS#", chosen).replace("#SORT#", order)


def browse_count(kind: str, filters: Iterable[str]) -> str:
    """How many rows of the ``kind`` table ``filters`` keep (``?count``)."""
    _, query, fragments, _ = _BROWSE[kind]
    return query.replace("#FILTERS#", with_fragments(fragments, filters))


# Events and their lowest tolls per month ("YYYY-MM"; year-only dates left out) and per group (#GROUP#).
_BROWSE_MONTHS = PREFIXES + """SELECT ?month ?group (COUNT(?event) AS ?events) (SUM(?toll) AS ?fatalities) {
  { SELECT DISTINCT ?event ?month ?group ?toll WHERE {
      #FILTERS#
      ?event a sem:Event ; sem:hasTimeStamp ?stamp .
      BIND(STR(?stamp) AS ?date)
      FILTER(STRLEN(?date) >= 7)
      BIND(SUBSTR(?date, 1, 7) AS ?month)
      OPTIONAL { #GROUP# }
      OPTIONAL { ?event ckg:fatalities ?lowest }
      BIND(COALESCE(?lowest, 0) AS ?toll)
  } }
} GROUP BY ?month ?group ORDER BY ?month ?group
"""
MONTH_GROUPS = {"type": "?event ckg:eventType ?group", "country": "?event sem:hasPlace/ckg:countryCode ?group"}


def browse_months(filters: Iterable[str], group: str) -> str:
    """Events and fatalities per month and per ``group`` ("type" or "country") of the filtered events."""
    return _BROWSE_MONTHS.replace("#FILTERS#", with_fragments(_BROWSE_EVENT_FILTERS, filters)).replace(
        "#GROUP#", MONTH_GROUPS[group])


# The filtered events that have a located place, with its point, newest first (the map).
_MAP_EVENTS = PREFIXES + """SELECT DISTINCT ?event ?date ?type ?sub_type ?fatalities ?place ?wkt WHERE {
  #FILTERS#
  ?event a sem:Event ; sem:hasPlace ?place .
  ?place geo:hasGeometry/geo:asWKT ?wkt .
  OPTIONAL { ?event sem:hasTimeStamp ?stamp }
  BIND(STR(?stamp) AS ?date)
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
} ORDER BY DESC(?date) ?event #PAGE#
"""


def map_events(filters: Iterable[str]) -> str:
    """The events the events table's ``filters`` keep that have a point, with it (``?wkt``)."""
    return _MAP_EVENTS.replace("#FILTERS#", with_fragments(_BROWSE_EVENT_FILTERS, filters))


# The map's events newest first (graph.newest): the events table's filters and a located place.
_LOCATED = {"located": "?event sem:hasPlace ?located . ?located geo:hasGeometry ?located_point . "
            "?located_point geo:asWKT ?located_wkt ."}
_MAP_FIELDS = """OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
  ?event sem:hasPlace ?place .
  ?place geo:hasGeometry/geo:asWKT ?wkt ."""


def map_event_list(filters: Iterable[str]) -> NewestFirst:
    """``map_events`` as a newest-first list (``graph.newest``), bound as ``browse_event_list``'s."""
    return newest_first("event", "sem:hasTimeStamp", "sem:Event", {**_BROWSE_EVENT_FILTERS, **_LOCATED},
                        {*filters, *_LOCATED}, _MAP_FIELDS)


# The admin1 of each place in #IRIS# that has one (the map's places: read once per place, not per event).
PLACE_ADMIN1 = PREFIXES + """SELECT ?place ?admin1 WHERE {
  VALUES ?place { """ + IRIS + """ } ?place ckg:admin1 ?admin1
}
"""

# Distinct countries and first-level divisions of the places that have events (the filters' choices).
BROWSE_REGIONS = PREFIXES + """SELECT DISTINCT ?country ?admin1 WHERE {
  ?place a sem:Place ; ckg:countryCode ?country .
  OPTIONAL { ?place ckg:admin1 ?admin1 }
  FILTER EXISTS { ?event sem:hasPlace ?place }
} ORDER BY ?country ?admin1
"""
