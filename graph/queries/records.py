"""The records of one entity: its fields and names, an actor's, place's, event's and document's links, what
reports say of it (evidence, readings), ``/id`` descriptions and the document page."""
from __future__ import annotations

from graph.queries.base import IRIS, PREFIXES, ROLES_OF_BOUND_EVENTS, ROLES_OF_EVENTS, evidence_fields
from graph.vocab import PREFIXES as PREFIX_IRIS

__all__ = ["ACTOR_AFFILIATIONS", "ACTOR_CO_ACTORS", "ACTOR_DOCUMENTS", "ACTOR_NEWEST_EVENTS", "ACTOR_PLACES",
    "ACTOR_ROLES", "ACTOR_TIMELINE_EVENTS", "DESCRIBE", "DESCRIBE_EVIDENCE", "DOCUMENT_ENTITIES", "DOCUMENT_EVIDENCE",
    "DOCUMENT_TEXT", "EVENT_ACTORS", "EVENT_EVIDENCE", "EVENT_REPORTERS", "FIELDS", "FIELD_NAMES", "LABELS",
    "PLACE_ACTORS", "PLACE_DOCUMENTS", "PLACE_NEWEST_EVENTS", "READINGS", "RECENT_DOCUMENTS", "SUMMARY"]

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
  VALUES ?entity { """ + IRIS + """ }
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
  VALUES ?entity { """ + IRIS + """ }
  { ?entity schema:name|schema:headline ?name } UNION { ?entity ckg:kind ?kind }
}
"""

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
  """ + ROLES_OF_EVENTS + """
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

# The fields an actor's or a place's record (and a place's page, viz.pages, of a page of them) shows of its newest
# events (#IRIS#, at most its RECORD_LIMIT), one row an event since each is one value in the current graph; an actor's
# (bound: ?actor) with the roles it has in them, one row a role. For a busy actor's 100 events at 100,000 documents,
# the list pages' rows (lists.event_list: three OPTIONALs more) and the roles of every actor of the events
# (network.NETWORK_EVENT_ROLES) took twice the engine time of this one read (11 ms and 5.3 ms of CPU).
def _newest_events(columns: str, optionals: str) -> str:
    return PREFIXES + f"""SELECT ?event ?date ?type ?sub_type {columns} WHERE {{
  VALUES ?event {{ {IRIS} }}
  OPTIONAL {{ ?event sem:hasTimeStamp ?date }}
  OPTIONAL {{ ?event ckg:eventType ?type }}
  OPTIONAL {{ ?event ckg:subEventType ?sub_type }}
  {optionals}
}}
"""


ACTOR_NEWEST_EVENTS = _newest_events("?place ?role", "OPTIONAL { ?event sem:hasPlace ?place }\n  OPTIONAL { "
                                     + ROLES_OF_BOUND_EVENTS + " }")
# An actor's page's (viz.pages): its record's, with the events' fatalities (a tenth more of the read, which the record
# does not show).
ACTOR_TIMELINE_EVENTS = _newest_events("?place ?fatalities ?role", "OPTIONAL { ?event sem:hasPlace ?place }\n  "
                                       "OPTIONAL { ?event ckg:fatalities ?fatalities }\n  OPTIONAL { "
                                       + ROLES_OF_BOUND_EVENTS + " }")
PLACE_NEWEST_EVENTS = _newest_events("?fatalities", "OPTIONAL { ?event ckg:fatalities ?fatalities }")

# ---------------------------------------------------------------- events (bound: ?event)

EVENT_ACTORS = PREFIXES + """SELECT DISTINCT ?role ?actor WHERE {
  """ + ROLES_OF_BOUND_EVENTS + """
}
"""

# Each report's evidence node is in its own document graph, with one value per field: no OPTIONAL multiplies.
EVENT_EVIDENCE = PREFIXES + """SELECT DISTINCT ?evidence ?text ?start ?end ?date ?precision ?fatalities ?confidence
  ?document ?title ?publisher ?published WHERE {
  GRAPH ?report {
    ?event ckg:evidence ?evidence .
    ?evidence ckg:document ?document .
    """ + evidence_fields("evidence", ("text", "date", "precision", "fatalities", "confidence", "start", "end")) + """
  }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document schema:datePublished ?published }
} ORDER BY DESC(?published) ?evidence #PAGE#
"""

# Who reported each evidence node of #IRIS# (one page of EVENT_EVIDENCE).
EVENT_REPORTERS = PREFIXES + """SELECT DISTINCT ?evidence ?reporter WHERE {
  VALUES ?evidence { """ + IRIS + """ }
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

# The entity #IRIS# (one IRI)'s current facts, those of the nodes it owns ("<iri>/...": geometry, time, readings)
# and up to DESCRIBE_EVIDENCE of its evidence nodes, lowest by IRI (run with the current graph as default graph).
# Each branch binds the entity itself: with one VALUES outside the UNION the engine read the whole current graph
# for ``?entity ?p ?o`` first (11 s for any entity at 100,000 documents; 1-2 ms this way, the same triples).
DESCRIBE_EVIDENCE = 100
DESCRIBE = PREFIXES + """CONSTRUCT { ?entity ?p ?o . ?part ?pp ?po . ?entity ckg:evidence ?evidence .
  ?evidence ?ep ?eo . } WHERE {
  { VALUES ?entity { """ + IRIS + """ } ?entity ?p ?o . FILTER(?p NOT IN (ckg:eventSummary, ckg:eventTally)) }
  UNION { VALUES ?entity { """ + IRIS + """ } ?entity ?link ?part . ?part ?pp ?po .
          FILTER(STRSTARTS(STR(?part), CONCAT(STR(?entity), "/"))) }
  UNION { VALUES ?entity { """ + IRIS + """ }
          { SELECT ?evidence WHERE { GRAPH ?report { """ + IRIS + """ ckg:evidence ?evidence } } ORDER BY ?evidence
            LIMIT """ + str(DESCRIBE_EVIDENCE) + """ }
          GRAPH ?source { ?evidence ?ep ?eo } }
}
"""

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
    """ + evidence_fields("evidence", ("text", "start", "end", "fatalities", "date")) + """
  }
} ORDER BY ?start ?event #PAGE#
"""
