"""Every named SPARQL query the code runs: REST, pages, the network, exports, linking and the current graph
(the last two kept in ``graph.link.queries`` and re-exported here).

Values from users only ever arrive as bindings (a ``VALUES`` block the store builds from
RDF terms), never as query text. The only text assembled here is constant fragments chosen
by *which* filters are present, ``LIMIT``/``OFFSET`` from validated integers, and
``VALUES`` lists of IRIs that Oxigraph has parsed (:func:`with_iris`, for IRIs read from
the store). Prefixes come from ``graph.vocab``.

Why the queries look the way they do: reads (``Store.read``) have the current graph as their
default graph, one reconciled set of facts per entity (``graph.link.current``), so one-valued
facts come back once and OPTIONALs over them do not multiply; document graphs are reached with
``GRAPH ?report`` only for what one report says (evidence, sources). The engine joins patterns
in the order written, so a query starts from its bound variable. Sorting by IRIs or names makes
the engine fetch texts at every comparison, so newest-first lists count matches per date first
(:class:`NewestFirst`). Paged queries put their filters in an inner ``SELECT ... WHERE {`` and
write the outer query without the ``WHERE`` keyword: ``Store.select`` binds at the first
``WHERE {``. Every lookup is a fixed number of queries (aggregates, no query per row).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import pyoxigraph as ox

from graph.vocab import PREFIXES as PREFIX_IRIS
from graph.vocab import sparql_prefixes

__all__ = [
    "PREFIXES", "page", "with_iris", "actor_list", "place_list", "event_list", "document_list", "FIELD_NAMES",
    "FIELDS", "LABELS", "ACTOR_AFFILIATIONS", "ACTOR_ROLES", "ACTOR_CO_ACTORS",
    "ACTOR_PLACES", "ACTOR_DOCUMENTS", "PLACE_ACTORS", "PLACE_DOCUMENTS",
    "EVENT_ACTORS", "EVENT_EVIDENCE", "EVENT_REPORTERS", "DOCUMENT_ENTITIES", "SEARCH_ACTORS", "SEARCH_PLACES",
    "search_events", "STATS", "DESCRIBE", "READINGS", "NETWORK_ACTORS", "NETWORK_PLACES", "NETWORK_EVENTS",
    "NETWORK_ROLES", "NETWORK_RELATIONS", "network_top_actors", "network_view_events", "NETWORK_EVENT_ROLES",
    "NETWORK_ANY_ACTORS", "NETWORK_ACTORS_AMONG", "NETWORK_PLACES_AMONG", "NETWORK_RELATIONS_AMONG", "ENTITY",
    "timeline", "TIMELINE_DOCUMENTS", "TIMELINE_LIMIT", "TIMELINE_ROWS",
    "DESCRIBE_EVIDENCE",
    "EXPORT_EVENTS",
    "EXPORT_ASSOCIATES", "EXPORT_EVIDENCE", "EXPORT_ACTORS", "EXPORT_PLACES", "BROWSE_FILTERS", "BROWSE_SORTS",
    "browse", "browse_event_list", "browse_document_list", "browse_event_ids", "browse_count", "browse_months",
    "MONTH_GROUPS", "map_events", "map_event_list",
    "BROWSE_REGIONS",
    "EXPORT_EVENTS_AMONG",
    "EXPORT_ASSOCIATES_AMONG", "EXPORT_EVIDENCE_AMONG", "DOCUMENT_TEXT", "DOCUMENT_EVIDENCE", "NewestFirst",
    "PLACE_LIST_FIELDS",
    "READING_SKIPPED", "READINGS_OF", "LATEST_READINGS", "GRAPH_SUBJECTS", "ALL_SUBJECTS", "WITH_CURRENT_FACTS",
    "ANY_CURRENT_FACTS", "EVENT_GRAPHS", "DROP_CURRENT", "replace_current", "delete_current", "insert_default",
    "EVIDENCE_FIGURES", "STORE_EVENTS", "EVENTS_IN_WINDOWS", "EVENTS_OF_KEYS", "MENTIONS_OF", "with_windows",
    "RENAME_EVENTS", "GRAPH_COUNT", "RECENT_DOCUMENTS", "DOCUMENTS_OF", "KEPT_DOCUMENTS", "SUMMARY", "EVENT_FACTS",
    "TALLIES_OF", "ENTITY_EVENTS", "delete_summaries", "replace_summaries",
    "TALLIES_WHOLE", "MARK_TALLIES_WHOLE",
]

PREFIXES = sparql_prefixes("rdf", "schema", "sem", "ckg", "prov", "geo")

# The builder states sem:hasActor beside every role (actor1, actor2, associates), so it alone finds them all.
_ROLE_PATH = "sem:hasActor"
# The roles of bound events or of a bound actor: a UNION of one pattern per role is one lookup per event and role,
# where VALUES ?role joined with ``?event ?role ?actor`` made the engine scan every role triple (16x slower at
# 5,000 documents; an actor's roles 2x at 100,000).
_ROLES_OF_EVENTS = "\n  UNION ".join(f"{{ ?event {role} ?actor BIND({role} AS ?role) }}" for role in (
    "ckg:actor1", "ckg:actor2", "ckg:associateActor1", "ckg:associateActor2"))
_PAGE = "#PAGE#"
_IRIS = "#IRIS#"


def page(query: str, limit: int, offset: int) -> str:
    """Return ``query`` with its ``#PAGE#`` mark replaced by ``LIMIT``/``OFFSET`` of two integers."""
    if type(limit) is not int or type(offset) is not int or limit < 0 or offset < 0:
        raise ValueError("limit and offset must be non-negative integers")
    return query.replace(_PAGE, f"LIMIT {limit} OFFSET {offset}")


def with_iris(query: str, iris: Iterable[str]) -> str:
    """Return ``query`` with its ``#IRIS#`` mark replaced by the IRIs, each parsed by Oxigraph (ValueError if bad)."""
    return query.replace(_IRIS, " ".join(str(ox.NamedNode(str(iri))) for iri in iris))


def _with(fragments: dict[str, str], present: Iterable[str]) -> str:
    return "\n".join(fragments[name] for name in fragments if name in set(present))


# ---------------------------------------------------------------- fields and names of entities (#IRIS#)

_FIELD_PATHS = {
    "type": "rdf:type", "name": "schema:name", "alias": "schema:alternateName", "kind": "ckg:kind",
    "country": "ckg:countryCode", "admin1": "ckg:admin1", "admin1_name": "ckg:admin1/schema:name",
    "geonames": "ckg:geonamesId", "precision": "ckg:geoPrecision", "wkt": "geo:hasGeometry/geo:asWKT",
    "lat": "schema:latitude", "lon": "schema:longitude", "event_type": "ckg:eventType",
    "sub_type": "ckg:subEventType", "date": "sem:hasTimeStamp", "date_precision": "ckg:datePrecision",
    "fatalities": "ckg:fatalities", "fatalities_max": "ckg:fatalitiesMax", "quantity": "ckg:quantity",
    "confidence": "ckg:confidence", "sources": "ckg:sourceCount", "cameo": "ckg:cameoCode",
    "plover": "ckg:ploverType", "place": "sem:hasPlace", "title": "schema:headline", "publisher": "schema:publisher",
    "published": "schema:datePublished", "path": "ckg:sourcePath|schema:url", "version": "ckg:extractorVersion",
    "author": "schema:author", "url": "schema:url",
}

# Every fact of the entities in #IRIS#, one row per (entity, predicate, value): one index range per entity,
# named by FIELD_NAMES in Python (a VALUES join of predicate names costs the engine twice as much).
# The two fields that are paths come back under their field name as ?p. The links that are no field are left
# out in the engine: an actor keeps its 100 newest documents (ckg:recentDocument), ten times its fields, and
# returning them made this query for a list page of 50 actors (/api/actors) 5,509 rows and 43 ms in the engine;
# 506 rows, 7.8 ms without (22f5f67, a store of `python bench/corpus.py 100000 --store DIR`).
FIELDS = PREFIXES + """SELECT ?entity ?p ?value WHERE {
  VALUES ?entity { """ + _IRIS + """ }
  { ?entity ?p ?value FILTER(?p NOT IN (ckg:recentDocument, ckg:reading, ckg:eventSummary, ckg:eventTally)) }
  UNION { ?entity ckg:admin1/schema:name ?value BIND("admin1_name" AS ?p) }
  UNION { ?entity geo:hasGeometry/geo:asWKT ?value BIND("wkt" AS ?p) }
}
"""


def _field_names() -> dict[str, tuple[str, ...]]:
    """Predicate IRI (or path field name) -> the field names it fills (``schema:url`` is both url and path)."""
    found: dict[str, tuple[str, ...]] = {}
    for name, path in _FIELD_PATHS.items():
        for step in path.split("|"):
            key = name if "/" in step else _expand(step)
            found[key] = (*found.get(key, ()), name)
    return found


def _expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIX_IRIS[prefix] + local


FIELD_NAMES = _field_names()

# The name (or headline) and kind of each entity in #IRIS#.
# (MIN would be unbound for a group with an unbound value, so rows are pivoted by the caller.)
LABELS = PREFIXES + """SELECT DISTINCT ?entity ?name ?kind WHERE {
  VALUES ?entity { """ + _IRIS + """ }
  { ?entity schema:name|schema:headline ?name } UNION { ?entity ckg:kind ?kind }
}
"""

# ---------------------------------------------------------------- lists

_TEXT_MATCH = "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q)))"

_ACTOR_FILTERS = {
    "q": "?actor schema:name|schema:alternateName ?label . " + _TEXT_MATCH,
    "kind": "?actor ckg:kind ?kind .",
}

# The current graph holds one name per entity. Without filters, no subquery: the class and name are one join.
_ENTITY_LIST = PREFIXES + """SELECT ?#E# ?name {
  #MATCHES#
  ?#E# a #CLASS# ; schema:name ?name .
} ORDER BY LCASE(STR(?name)) ?#E# #PAGE#
"""


def _entity_list(entity: str, cls: str, fragments: dict[str, str], filters: Iterable[str]) -> str:
    chosen = _with(fragments, filters)
    matches = "{ SELECT DISTINCT ?#E# WHERE {\n      " + chosen + "\n  } }" if chosen else ""
    return _ENTITY_LIST.replace("#MATCHES#", matches).replace("#CLASS#", cls).replace("#E#", entity)


def actor_list(filters: Iterable[str]) -> str:
    """Actors ordered by name (ids and names), filtered by any of ``q`` (name or alias contains) and ``kind``."""
    return _entity_list("actor", "sem:Actor", _ACTOR_FILTERS, filters)


_PLACE_FILTERS = {
    "q": "?place schema:name|schema:alternateName ?label . " + _TEXT_MATCH,
    "kind": "?place ckg:kind ?kind .",
    "country": "?place ckg:countryCode ?cc . FILTER(UCASE(STR(?cc)) = UCASE(?country))",
}


# What a place list shows of each place of the page (#IRIS#): one row each (one value per fact in the current graph).
PLACE_LIST_FIELDS = PREFIXES + """SELECT * WHERE {
  VALUES ?place { """ + _IRIS + """ }
  OPTIONAL { ?place ckg:kind ?kind }
  OPTIONAL { ?place ckg:countryCode ?country }
  OPTIONAL { ?place ckg:admin1 ?admin1 OPTIONAL { ?admin1 schema:name ?admin1_name } }
  OPTIONAL { ?place geo:hasGeometry/geo:asWKT ?wkt }
}
"""


def place_list(filters: Iterable[str]) -> str:
    """Places ordered by name (ids and names), filtered by any of ``q``, ``kind`` and ``country`` (alpha-2)."""
    return _entity_list("place", "sem:Place", _PLACE_FILTERS, filters)


# Date filters compare ISO texts truncated to the shorter of the two, so an event dated
# "2018-07" overlaps from=2018-07-15, and to=2018 keeps "2018-12-31".
_EVENT_FILTERS = {
    "actor": f"?event {_ROLE_PATH} ?actor .",
    "place": "?event sem:hasPlace ?place .",
    "type": "?event ckg:eventType ?type .",
    "sub_type": "?event ckg:subEventType ?sub_type .",
    "document": "GRAPH ?report { ?event prov:wasDerivedFrom ?document }",
    "from": "FILTER(SUBSTR(STR(?date), 1, IF(STRLEN(STR(?date)) < STRLEN(?from), STRLEN(STR(?date)), STRLEN(?from)))"
    " >= SUBSTR(?from, 1, STRLEN(STR(?date))))",
    "to": "FILTER(SUBSTR(STR(?date), 1, STRLEN(?to)) <= SUBSTR(?to, 1, STRLEN(STR(?date))))",
}

# ---------------------------------------------------------------- newest-first lists (graph.newest)
# Sorting every match by date and IRI made the engine fetch each IRI's text at every comparison (the
# tie-break) and look each match's date up; counting matches per date reads dates alone (stored inline),
# then only the few dates a page spans are read with their IRIs.


class NewestFirst(NamedTuple):
    """The reads of one newest-first list (``graph.newest``); each binds the list's filters at its first ``WHERE {``."""

    # every date of the matches, newest first, with how many matches have it (?day ?datatype ?n); a window
    # (``from``, ``to``) is not in it but checked on its rows (``graph.newest``), so all windows share one read
    dates: str
    total: str | None  # how many matches there are, dated or not (?n); None when a date filter drops undated ones
    of_dates: str  # the matches (?item ?day ?datatype), of the dates in #DAYS# (a VALUES block or none), unordered
    undated: str  # the undated matches (?item) by IRI, paged (#PAGE#)
    rows: str  # the fields of the page's items (#IRIS#), one row per item (?item and the item's own name)
    dates_first: bool  # of_dates starts from the dates, bound with the filters in one VALUES block


# Filters that name one entity: the engine best starts from it (an actor's few hundred events), and the page's
# dates are a VALUES block of their own. Other filters (an event type) match thousands: as a block of their own
# the engine joined it first, so the dates go first, in one block with them (type=Battles: 150 -> 4 ms).
# The events table's actor_id and place_id name one too; its actor and place match names (a few actors each).
_ONE_ENTITY = {"actor", "place", "document", "actor_id", "place_id"}
# Event filters through sem:hasActor or sem:hasPlace, which the builder states of events alone (graph.build): a list
# with one of them counts its matches without checking each one's class (a lookup per event: a busy actor's
# total took 8.9 ms with it, 0.6 ms without, at 100,000 documents).
_OF_EVENTS_ALONE = {"actor", "place", "actor_id", "place_id", "named"}


def _newest_first(item: str, stamp: str, cls: str, fragments: dict[str, str], filters: set[str],
                  fields: str) -> NewestFirst:
    dates = {"from", "to"} & filters
    chosen = _with(fragments, filters - dates)
    where_dated = f"{chosen}\n  ?{item} {stamp} ?date ."
    dates_first = not filters & _ONE_ENTITY
    dates_then_filters = f"?{item} {stamp} ?date .\n  {chosen}"
    typed = "" if cls == "sem:Event" and filters & _OF_EVENTS_ALONE else f"\n  ?{item} a {cls} ."
    return NewestFirst(
        dates=PREFIXES + f"""SELECT (STR(?date) AS ?day) (DATATYPE(?date) AS ?datatype) (COUNT(DISTINCT ?{item}) AS ?n)
WHERE {{
  {where_dated}
}} GROUP BY ?date ORDER BY DESC(?date)
""",
        total=None if dates else PREFIXES + f"""SELECT (COUNT(DISTINCT ?{item}) AS ?n) WHERE {{
  {chosen}{typed}
}}
""",
        of_dates=PREFIXES + f"""SELECT DISTINCT (?{item} AS ?item) (STR(?date) AS ?day) (DATATYPE(?date) AS ?datatype)
WHERE {{
  #DAYS#
  {dates_then_filters if dates_first else where_dated}
}}
""",
        undated=PREFIXES + f"""SELECT DISTINCT (?{item} AS ?item) WHERE {{
  {chosen}
  ?{item} a {cls} .
  FILTER NOT EXISTS {{ ?{item} {stamp} ?date }}
}} ORDER BY ?{item} #PAGE#
""",
        rows=PREFIXES + f"""SELECT * WHERE {{
  VALUES ?{item} {{ {_IRIS} }}
  BIND(?{item} AS ?item)
  {fields}
}}
""",
        dates_first=dates_first)


_EVENT_FIELDS = """OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasPlace ?place }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
  OPTIONAL { ?event ckg:actor1 ?actor1 }
  OPTIONAL { ?event ckg:actor2 ?actor2 }"""


def event_list(filters: Iterable[str]) -> NewestFirst:
    """Events newest first, filtered by any of actor, place, type, sub_type, document, from, to (names: LABELS)."""
    return _newest_first("event", "sem:hasTimeStamp", "sem:Event", _EVENT_FILTERS, set(filters), _EVENT_FIELDS)


_DOCUMENT_FILTERS = {
    "q": "?document schema:headline|schema:publisher ?label . " + _TEXT_MATCH,
}

_DOCUMENT_FIELDS = """OPTIONAL { ?document schema:datePublished ?published }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }"""


def document_list(filters: Iterable[str]) -> NewestFirst:
    """Documents newest first, filtered by ``q`` (title or publisher contains)."""
    return _newest_first("document", "schema:datePublished", "ckg:Document", _DOCUMENT_FILTERS, set(filters),
                         _DOCUMENT_FIELDS)


# ---------------------------------------------------------------- actors (bound: ?actor)

# One pattern per relation and direction: with the relations a VALUES outside the UNION, the engine read every triple
# that names the actor (10.5 ms for the busiest actor at 100,000 documents, its events' roles among them; 0.4 ms so).
ACTOR_AFFILIATIONS = PREFIXES + """SELECT DISTINCT ?relation ?direction ?other WHERE {
  """ + "\n  UNION ".join(
    f'{{ ?actor {r} ?other BIND({r} AS ?relation) BIND("out" AS ?direction) }}\n'
    f'  UNION {{ ?other {r} ?actor BIND({r} AS ?relation) BIND("in" AS ?direction) }}'
    for r in ("ckg:memberOf", "ckg:partOf", "ckg:affiliatedWith", "ckg:supports", "ckg:leads")) + """
} ORDER BY ?relation ?direction ?other
"""

# An actor's (and a place's) event count and first and last dates come from the reads of its event list
# (graph.newest.newest_span): here, a date looked up for every event of the actor was nine tenths of the read at
# 100,000 documents.
ACTOR_ROLES = PREFIXES + """SELECT ?role (COUNT(DISTINCT ?event) AS ?events) WHERE {
  """ + _ROLES_OF_EVENTS + """
} GROUP BY ?role
"""

# Counting distinct (event, other) pairs first is several times faster than COUNT(DISTINCT) per group.
ACTOR_CO_ACTORS = PREFIXES + """SELECT ?other (COUNT(?event) AS ?events) {
  { SELECT DISTINCT ?event ?other WHERE {
      ?event sem:hasActor ?actor .
      ?event sem:hasActor ?other .
      FILTER(?other != ?actor)
  } }
} GROUP BY ?other ORDER BY DESC(?events) ?other #PAGE#
"""

ACTOR_PLACES = PREFIXES + """SELECT ?place (COUNT(?event) AS ?events) {
  { SELECT DISTINCT ?event ?place WHERE {
      ?event sem:hasActor ?actor .
      ?event sem:hasPlace ?place .
  } }
} GROUP BY ?place ORDER BY DESC(?events) ?place #PAGE#
"""

# The page of documents is chosen by date alone, then titled (the outer query has no WHERE keyword, so ?actor is
# bound in the inner one): sorting every document with its title cost 2-2.5x more at 100,000 documents. The
# outer DISTINCT is for a remote store, which reads this on its union default graph, where a document's headline
# is both in its report's graph and in the current graph.
ACTOR_DOCUMENTS = PREFIXES + """SELECT DISTINCT ?document ?title ?published {
  { SELECT DISTINCT ?document ?published WHERE {
      GRAPH ?report { ?actor prov:wasDerivedFrom ?document }
      OPTIONAL { ?document schema:datePublished ?published }
  } ORDER BY DESC(?published) ?document #PAGE# }
  OPTIONAL { ?document schema:headline ?title }
} ORDER BY DESC(?published) ?document
"""

# ---------------------------------------------------------------- places (bound: ?place)

PLACE_ACTORS = PREFIXES + """SELECT ?actor (COUNT(?event) AS ?events) {
  { SELECT DISTINCT ?event ?actor WHERE {
      ?event sem:hasPlace ?place .
      ?event sem:hasActor ?actor .
  } }
} GROUP BY ?actor ORDER BY DESC(?events) ?actor #PAGE#
"""

PLACE_DOCUMENTS = ACTOR_DOCUMENTS.replace("?actor prov:wasDerivedFrom", "?place prov:wasDerivedFrom")

# The newest documents an actor or place keeps (bound: ?entity; graph.link.recent): ACTOR_DOCUMENTS's first page,
# written with its current facts (ACTOR_DOCUMENTS took 590 ms for the busiest actor at 100,000 documents, this 24 ms).
RECENT_DOCUMENTS = PREFIXES + """SELECT ?document ?title ?published WHERE {
  ?entity ckg:recentDocument ?document .
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:datePublished ?published }
} ORDER BY DESC(?published) ?document #PAGE#
"""

# What an actor's or place's record shows of its events, kept by the writer (bound: ?entity; graph.link.summaries).
SUMMARY = PREFIXES + """SELECT ?summary WHERE { ?entity ckg:eventSummary ?summary }
"""

# ---------------------------------------------------------------- events (bound: ?event)

EVENT_ACTORS = PREFIXES + """SELECT DISTINCT ?role ?actor WHERE {
  """ + _ROLES_OF_EVENTS + """
}
"""

# Each report's evidence node is in its own document graph, with one value per field: no OPTIONAL multiplies.
EVENT_EVIDENCE = PREFIXES + """SELECT DISTINCT ?evidence ?text ?start ?end ?date ?precision ?fatalities ?confidence
  ?document ?title ?publisher ?published WHERE {
  GRAPH ?report {
    ?event ckg:evidence ?evidence .
    ?evidence ckg:document ?document .
    OPTIONAL { ?evidence ckg:text ?text }
    OPTIONAL { ?evidence sem:hasTimeStamp ?date }
    OPTIONAL { ?evidence ckg:datePrecision ?precision }
    OPTIONAL { ?evidence ckg:fatalities ?fatalities }
    OPTIONAL { ?evidence ckg:confidence ?confidence }
    OPTIONAL { ?evidence ckg:start ?start }
    OPTIONAL { ?evidence ckg:end ?end }
  }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document schema:datePublished ?published }
} ORDER BY DESC(?published) ?evidence #PAGE#
"""

# Who reported each evidence node of #IRIS# (one page of EVENT_EVIDENCE).
EVENT_REPORTERS = PREFIXES + """SELECT DISTINCT ?evidence ?reporter WHERE {
  VALUES ?evidence { """ + _IRIS + """ }
  GRAPH ?report { ?evidence ckg:reportedBy ?reporter }
}
"""

# Where reports disagree on a one-valued fact of the entity: each value and how many reports give it.
READINGS = PREFIXES + """SELECT ?predicate ?value ?reports WHERE {
  ?entity ckg:reading ?reading .
  ?reading rdf:predicate ?predicate ; rdf:value ?value ; ckg:sourceCount ?reports .
} ORDER BY ?predicate DESC(?reports) ?value
"""

# ---------------------------------------------------------------- documents (bound: ?document)

DOCUMENT_ENTITIES = PREFIXES + """SELECT DISTINCT ?entity ?class WHERE {
  GRAPH ?report { ?entity prov:wasDerivedFrom ?document }
  VALUES (?class ?type) { ("actors" sem:Actor) ("places" sem:Place) ("events" sem:Event) }
  FILTER EXISTS { ?entity a ?type }
} ORDER BY ?class ?entity #PAGE#
"""

# ---------------------------------------------------------------- search (bound: ?q)

# Rank: 0 exact name or alias, 1 starts with q, 2 contains q.
_RANK = """BIND(IF(LCASE(STR(?label)) = LCASE(?q), 0, IF(STRSTARTS(LCASE(STR(?label)), LCASE(?q)), 1, 2)) AS ?r)"""

# The labels are matched first (the outer query has no WHERE keyword, so ?q is bound in the inner one), then
# the class: the other way round, the engine looked up every actor's labels.
SEARCH_ACTORS = PREFIXES + """SELECT ?actor (MIN(?r) AS ?rank) {
  { SELECT ?actor ?r WHERE {
      ?actor schema:name|schema:alternateName ?label .
      """ + _TEXT_MATCH + """
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
    fragments = {"named": with_iris("VALUES ?named { #IRIS# } ?event " + _ROLE_PATH + "|sem:hasPlace ?named .", named)}
    return _newest_first("event", "sem:hasTimeStamp", "sem:Event", fragments, {"named"}, _EVENT_FIELDS)


# ---------------------------------------------------------------- service

# Read with the current graph as the default graph, where each entity's class is one triple: COUNT(*) counts each
# once without the set of every IRI that DISTINCT keeps (half the read at 100,000 documents: 320-540 ms, was 630-930).
STATS = PREFIXES + """SELECT ?documents ?events ?actors ?places WHERE {
  { SELECT (COUNT(*) AS ?documents) { ?d a ckg:Document } }
  { SELECT (COUNT(*) AS ?events) { ?e a sem:Event } }
  { SELECT (COUNT(*) AS ?actors) { ?a a sem:Actor } }
  { SELECT (COUNT(*) AS ?places) { ?p a sem:Place } }
}
"""

# How many named graphs the store holds (counted by the engine: listing them cost 15x more at 10,000 documents).
GRAPH_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { } }"

# The entity #IRIS# (one IRI)'s current facts, those of the nodes it owns ("<iri>/...": geometry, time, readings)
# and up to DESCRIBE_EVIDENCE of its evidence nodes, lowest by IRI (run with the current graph as default graph).
# Each branch binds the entity itself: with one VALUES outside the UNION the engine read the whole current graph
# for ``?entity ?p ?o`` first (11 s for any entity at 100,000 documents; 1-2 ms this way, the same triples).
DESCRIBE_EVIDENCE = 100
DESCRIBE = PREFIXES + """CONSTRUCT { ?entity ?p ?o . ?part ?pp ?po . ?entity ckg:evidence ?evidence .
  ?evidence ?ep ?eo . } WHERE {
  { VALUES ?entity { """ + _IRIS + """ } ?entity ?p ?o . FILTER(?p NOT IN (ckg:eventSummary, ckg:eventTally)) }
  UNION { VALUES ?entity { """ + _IRIS + """ } ?entity ?link ?part . ?part ?pp ?po .
          FILTER(STRSTARTS(STR(?part), CONCAT(STR(?entity), "/"))) }
  UNION { VALUES ?entity { """ + _IRIS + """ }
          { SELECT ?evidence WHERE { GRAPH ?report { """ + _IRIS + """ ckg:evidence ?evidence } } ORDER BY ?evidence
            LIMIT """ + str(DESCRIBE_EVIDENCE) + """ }
          GRAPH ?source { ?evidence ?ep ?eo } }
}
"""

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

# ---------------------------------------------------------------- entity pages (viz.pages)

# Bound: ?entity. Name, kind, aliases, class and coordinates of one actor or place.
ENTITY = PREFIXES + """SELECT ?class ?name ?kind ?alias ?country ?wkt WHERE {
  VALUES ?class { sem:Actor sem:Place }
  ?entity a ?class .
  OPTIONAL { ?entity schema:name ?name }
  OPTIONAL { ?entity ckg:kind ?kind }
  OPTIONAL { ?entity schema:alternateName ?alias }
  OPTIONAL { ?entity ckg:countryCode ?country }
  OPTIONAL { ?entity geo:hasGeometry/geo:asWKT ?wkt }
}
"""

TIMELINE_LIMIT = 100  # most recent events an entity page lists (counts and the histogram cover them all)
# Rows of a timeline at most (events x roles x sentences): past it the oldest events' rows are left out, newest
# kept whole (``timeline(rows, newest=True)``, ordered as the page lists them, so the cut is the same on every run).
TIMELINE_ROWS = 5000

# Bound: ?entity (an actor or a place); #IRIS#: its latest events (graph.newest, TIMELINE_LIMIT of them).
# One row per role and evidence sentence; the documents' fields and the places' names are read once per document
# and place (TIMELINE_DOCUMENTS, LABELS: here, once per sentence, they were half the read at 100,000 documents),
# and the date's text is taken in Python (STR here cost a tenth of the read). In no order, one row past the cut:
# the page orders its events itself, and sorting the rows cost a fifth of the read at 100,000 documents.
_TIMELINE = PREFIXES + """SELECT ?event ?role ?type ?sub_type ?date ?fatalities ?place ?evidence ?text ?document WHERE {
  VALUES ?event { """ + _IRIS + """ }
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { VALUES ?role { ckg:actor1 ckg:actor2 ckg:associateActor1 ckg:associateActor2 } ?event ?role ?entity }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
  OPTIONAL { ?event sem:hasPlace ?place }
  OPTIONAL {
    GRAPH ?report {
      ?event ckg:evidence ?evidence . ?evidence ckg:document ?document . OPTIONAL { ?evidence ckg:text ?text }
    }
  }
}"""


def timeline(rows: int, newest: bool = False) -> str:
    """The timeline read (above): in no order, one row past ``rows`` (whether the timeline passes the cut); ``newest``:
    cut at ``rows``, newest events first, ties by IRI, then sentence and role (read when the first passes it)."""
    if newest:
        return _TIMELINE + f" ORDER BY DESC(?date) ?event ?evidence ?role LIMIT {rows}\n"
    return _TIMELINE + f" LIMIT {rows + 1}\n"


# #IRIS#: the documents of a timeline's sentences.
TIMELINE_DOCUMENTS = PREFIXES + """SELECT ?document ?title ?publisher ?published WHERE {
  VALUES ?document { """ + _IRIS + """ }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document schema:datePublished ?published }
}
"""

# The bounded view (graph.network.NetworkView): the most active actors in a window ...
_WINDOW = {"type": "?event ckg:eventType ?type .", "from": _EVENT_FILTERS["from"], "to": _EVENT_FILTERS["to"]}

_TOP_ACTORS = PREFIXES + """SELECT ?actor (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event sem:hasActor ?actor .
  #WINDOW#
} GROUP BY ?actor ORDER BY DESC(?events) ?actor #PAGE#
"""


def network_top_actors(filters: Iterable[str]) -> str:
    """The actors with most events, filtered by any of ``type``, ``from``, ``to`` (bindings)."""
    filters = set(filters)
    dated = "OPTIONAL { ?event sem:hasTimeStamp ?date }\n  " if filters & {"from", "to"} else ""  # only to filter
    return _TOP_ACTORS.replace("#WINDOW#", dated + _with(_WINDOW, filters))


# Actors in IRI order (to fill a view that has room left once every active actor is in).
NETWORK_ANY_ACTORS = PREFIXES + """SELECT ?actor WHERE { ?actor a sem:Actor } ORDER BY ?actor #PAGE#
"""

# ... their latest events in the window, newest first (graph.newest) ...
_VIEW_FIELDS = """OPTIONAL { ?event sem:hasTimeStamp ?date }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasPlace ?place }
  OPTIONAL { ?event ckg:fatalities ?fatalities }"""


def network_view_events(filters: Iterable[str], actors: Iterable[str]) -> NewestFirst:
    """The latest events of ``actors`` (IRIs from the store), filtered by any of ``type``, ``from``, ``to``.

    Read by ``graph.newest.newest_of_superset``: the dates are those of every event in the window; the
    actors are a FILTER checked on the events of the dates read (a VALUES of them, joined first, made the
    engine read all their events: 2.5 s at 100,000 documents).
    """
    filters = set(filters)
    among = ", ".join(str(ox.NamedNode(str(iri))) for iri in actors)
    fragments = {"actors": f"?event sem:hasActor ?actor . FILTER(?actor IN ({among}))", **_WINDOW}
    window = _newest_first("event", "sem:hasTimeStamp", "sem:Event", _WINDOW, filters, _VIEW_FIELDS)
    chosen = _newest_first("event", "sem:hasTimeStamp", "sem:Event", fragments, {"actors", *filters}, _VIEW_FIELDS)
    return chosen._replace(dates=window.dates)


# ... and what the network needs of them (#IRIS#: events, actors or places of the view; the roles also for an entity
# page's "with whom").
NETWORK_EVENT_ROLES = PREFIXES + """SELECT DISTINCT ?event ?role ?actor WHERE {
  VALUES ?event { """ + _IRIS + """ }
  """ + _ROLES_OF_EVENTS + """
}
"""
NETWORK_ACTORS_AMONG = NETWORK_ACTORS.replace("?actor a sem:Actor .",
                                              "VALUES ?actor { " + _IRIS + " } ?actor a sem:Actor .")
NETWORK_PLACES_AMONG = NETWORK_PLACES.replace("?place a sem:Place .",
                                              "VALUES ?place { " + _IRIS + " } ?place a sem:Place .")
NETWORK_RELATIONS_AMONG = NETWORK_RELATIONS.replace(
    "?subject ?relation ?object .", "VALUES ?subject { " + _IRIS + " } VALUES ?object { " + _IRIS + " } "
    "?subject ?relation ?object .")

# ---------------------------------------------------------------- exports (graph.export), over the current graph

# One row per event: the current graph holds one value of each (the lowest toll, ACLED's rule).
EXPORT_EVENTS = PREFIXES + """SELECT ?event ?event_type ?sub_event_type ?event_date ?date_precision ?lowest ?actor1
  ?actor2 ?place WHERE {
  ?event a sem:Event ; ckg:eventType ?event_type ; ckg:subEventType ?sub_event_type .
  OPTIONAL { ?event sem:hasTimeStamp ?event_date }
  OPTIONAL { ?event ckg:datePrecision ?date_precision }
  OPTIONAL { ?event ckg:fatalities ?lowest }
  OPTIONAL { ?event ckg:actor1 ?actor1 }
  OPTIONAL { ?event ckg:actor2 ?actor2 }
  OPTIONAL { ?event sem:hasPlace ?place }
} ORDER BY ?event
"""

EXPORT_ASSOCIATES = PREFIXES + """SELECT DISTINCT ?event ?role ?actor WHERE {
  VALUES ?role { ckg:associateActor1 ckg:associateActor2 } ?event ?role ?actor .
}
"""

EXPORT_EVIDENCE = PREFIXES + """SELECT DISTINCT ?event ?text ?publisher WHERE {
  GRAPH ?report { ?event ckg:evidence ?ev . ?ev ckg:text ?text ; ckg:document ?document }
  OPTIONAL { ?document schema:publisher ?publisher }
}
"""

EXPORT_ACTORS = PREFIXES + """SELECT ?actor ?name ?kind ?inter ?country WHERE {
  ?actor a sem:Actor .
  OPTIONAL { ?actor schema:name ?name } OPTIONAL { ?actor ckg:kind ?kind } OPTIONAL { ?actor ckg:interCode ?inter }
  OPTIONAL { ?actor ckg:countryCode ?country }
}
"""

EXPORT_PLACES = PREFIXES + """SELECT ?place ?name ?country ?admin1 ?lat ?lon ?precision WHERE {
  ?place a sem:Place .
  OPTIONAL { ?place schema:name ?name } OPTIONAL { ?place ckg:countryCode ?country }
  OPTIONAL { ?place ckg:admin1 ?admin1 } OPTIONAL { ?place schema:latitude ?lat }
  OPTIONAL { ?place schema:longitude ?lon } OPTIONAL { ?place ckg:geoPrecision ?precision }
}
"""

# ---------------------------------------------------------------- browse pages (api.browse)

# Filter values arrive as bindings named ``f_<filter>``, so they never collide with a column's variable.
# Text filters match names and aliases ("contains", any case); country and admin1 match whole values.
_NAME_MATCH = ("?#V# schema:name|schema:alternateName ?#V#_label . "
               "FILTER(CONTAINS(LCASE(STR(?#V#_label)), LCASE(?f_#P#)))")


def _name_match(variable: str, parameter: str) -> str:
    return _NAME_MATCH.replace("#V#", variable).replace("#P#", parameter)


_BROWSE_EVENT_FILTERS = {
    "country": "?event sem:hasPlace ?in_country . ?in_country ckg:countryCode ?cc . "
    "FILTER(UCASE(STR(?cc)) = UCASE(?f_country))",
    "admin1": "?event sem:hasPlace ?in_admin1 . ?in_admin1 ckg:admin1 ?a1 . FILTER(LCASE(STR(?a1)) = LCASE(?f_admin1))",
    "type": "?event ckg:eventType ?f_type .",
    "sub_type": "?event ckg:subEventType ?f_sub_type .",
    "actor": "?event sem:hasActor ?named_actor . " + _name_match("named_actor", "actor"),
    "place": "?event sem:hasPlace ?named_place . " + _name_match("named_place", "place"),
    "text": "FILTER EXISTS { GRAPH ?report { ?event ckg:evidence ?said . ?said ckg:text ?said_text } "
    "FILTER(CONTAINS(LCASE(STR(?said_text)), LCASE(?f_text))) }",
    "from": _EVENT_FILTERS["from"].replace("?from", "?f_from"),
    "to": _EVENT_FILTERS["to"].replace("?to", "?f_to"),
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
    return _newest_first("event", "sem:hasTimeStamp", "sem:Event", _BROWSE_EVENT_FILTERS, set(filters),
                         _EVENT_FIELDS)


def browse_document_list(filters: Iterable[str]) -> NewestFirst:
    """The documents table in its default order (newest published first) as a newest-first list, bound as
    ``browse_event_list``'s."""
    return _newest_first("document", "schema:datePublished", "ckg:Document", _DOCUMENT_BROWSE_FILTERS, set(filters),
                         _DOCUMENT_FIELDS)


def browse(kind: str, filters: Iterable[str], sort: str, descending: bool) -> str:
    """One page of the ``kind`` table ("events"...), filtered by ``filters`` (bound as ``f_<name>``), sorted."""
    query, _, fragments, sorts = _BROWSE[kind]
    order = f"DESC({sorts[sort]})" if descending else sorts[sort]
    return query.replace("#FILTERS#", _with(fragments, filters)).replace("#SORT#", order)


def browse_event_ids(filters: Iterable[str], sort: str, descending: bool) -> str:
    """Like ``browse("events", ...)`` but the events alone (``?event``), for downloads of many."""
    order = f"DESC({_BROWSE['events'][3][sort]})" if descending else _BROWSE["events"][3][sort]
    return _BROWSE_EVENT_IDS.replace("#FILTERS#", _with(_BROWSE_EVENT_FILTERS, filters)).replace("#SORT#", order)


def browse_count(kind: str, filters: Iterable[str]) -> str:
    """How many rows of the ``kind`` table ``filters`` keep (``?count``)."""
    _, query, fragments, _ = _BROWSE[kind]
    return query.replace("#FILTERS#", _with(fragments, filters))


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
    return _BROWSE_MONTHS.replace("#FILTERS#", _with(_BROWSE_EVENT_FILTERS, filters)).replace(
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
    return _MAP_EVENTS.replace("#FILTERS#", _with(_BROWSE_EVENT_FILTERS, filters))


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
    return _newest_first("event", "sem:hasTimeStamp", "sem:Event", {**_BROWSE_EVENT_FILTERS, **_LOCATED},
                         {*filters, *_LOCATED}, _MAP_FIELDS)


# The admin1 of each place in #IRIS# that has one (the map's places: read once per place, not per event).
PLACE_ADMIN1 = PREFIXES + """SELECT ?place ?admin1 WHERE {
  VALUES ?place { """ + _IRIS + """ } ?place ckg:admin1 ?admin1
}
"""

# Distinct countries and first-level divisions of the places that have events (the filters' choices).
BROWSE_REGIONS = PREFIXES + """SELECT DISTINCT ?country ?admin1 WHERE {
  ?place a sem:Place ; ckg:countryCode ?country .
  OPTIONAL { ?place ckg:admin1 ?admin1 }
  FILTER EXISTS { ?event sem:hasPlace ?place }
} ORDER BY ?country ?admin1
"""

# The ACLED export (graph.export.acled_rows) of the events in #IRIS# only.
EXPORT_EVENTS_AMONG = EXPORT_EVENTS.replace("?event a sem:Event ;",
                                            "VALUES ?event { " + _IRIS + " } ?event a sem:Event ;")
EXPORT_ASSOCIATES_AMONG = EXPORT_ASSOCIATES.replace("?event ?role ?actor .",
                                                    "VALUES ?event { " + _IRIS + " } ?event ?role ?actor .")
EXPORT_EVIDENCE_AMONG = EXPORT_EVIDENCE.replace("GRAPH ?report {", "VALUES ?event { " + _IRIS + " } GRAPH ?report {")

# ---------------------------------------------------------------- the document page (bound: ?document)

# The article's text, kept in its own graph only (never copied to the current graph).
DOCUMENT_TEXT = PREFIXES + """SELECT ?text WHERE { GRAPH ?report { ?document schema:text ?text } } LIMIT 1
"""

# Every evidence sentence read from the document: which event, where in the text, what it says.
# The bound ?document comes first: the engine joins in the order written (the other way: every evidence link).
DOCUMENT_EVIDENCE = PREFIXES + """SELECT DISTINCT ?event ?evidence ?text ?start ?end ?fatalities ?date WHERE {
  GRAPH ?report {
    ?evidence ckg:document ?document .
    ?event ckg:evidence ?evidence .
    OPTIONAL { ?evidence ckg:text ?text }
    OPTIONAL { ?evidence ckg:start ?start }
    OPTIONAL { ?evidence ckg:end ?end }
    OPTIONAL { ?evidence ckg:fatalities ?fatalities }
    OPTIONAL { ?evidence sem:hasTimeStamp ?date }
  }
} ORDER BY ?start ?event #PAGE#
"""


# The queries of linking and the current graph live beside their code; imported last, as they use with_iris.
from graph.link.queries import (  # noqa: E402
    ALL_SUBJECTS,
    ANY_CURRENT_FACTS,
    DOCUMENTS_OF,
    DROP_CURRENT,
    ENTITY_EVENTS,
    EVENT_FACTS,
    EVENT_GRAPHS,
    EVENTS_IN_WINDOWS,
    EVENTS_OF_KEYS,
    EVIDENCE_FIGURES,
    GRAPH_SUBJECTS,
    KEPT_DOCUMENTS,
    LATEST_READINGS,
    MARK_TALLIES_WHOLE,
    MENTIONS_OF,
    READING_SKIPPED,
    READINGS_OF,
    RENAME_EVENTS,
    STORE_EVENTS,
    TALLIES_OF,
    TALLIES_WHOLE,
    WITH_CURRENT_FACTS,
    delete_current,
    delete_summaries,
    insert_default,
    replace_current,
    replace_summaries,
    with_windows,
)
