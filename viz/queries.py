"""The named SPARQL queries of the network page and the entity pages.

Values from users only reach a query as ``Store.select`` bindings (a ``VALUES`` block built
from RDF terms), never as query text. Every query is a fixed number per page, whatever the
graph's size: the network is four queries, an entity page three.
"""

from __future__ import annotations

__all__ = [
    "NETWORK_ACTORS",
    "NETWORK_PLACES",
    "NETWORK_EVENTS",
    "NETWORK_ROLES",
    "NETWORK_RELATIONS",
    "ENTITY",
    "ACTOR_TIMELINE",
    "PLACE_TIMELINE",
    "EVENT_ACTORS",
]

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""

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

# One row per event: a merged event keeps one type, date and place (the lowest), and the lowest figure.
# Dates and tolls are the event's merged ones, else those of its evidence (documents not merged yet).
NETWORK_EVENTS = PREFIXES + """SELECT ?event (MIN(STR(?t)) AS ?type) (MIN(STR(?s)) AS ?sub_type)
  (MIN(STR(?d)) AS ?date) (MIN(?p) AS ?place) (MIN(?f) AS ?fatalities) WHERE {
  ?event a sem:Event .
  OPTIONAL { ?event ckg:eventType ?t }
  OPTIONAL { ?event ckg:subEventType ?s }
  OPTIONAL { ?event sem:hasTimeStamp ?event_date }
  OPTIONAL { ?event ckg:evidence/sem:hasTimeStamp ?evidence_date }
  OPTIONAL { ?event sem:hasPlace ?p }
  OPTIONAL { ?event ckg:fatalities ?event_toll }
  OPTIONAL { ?event ckg:evidence/ckg:fatalities ?evidence_toll }
  BIND(COALESCE(?event_date, ?evidence_date) AS ?d)
  BIND(COALESCE(?event_toll, ?evidence_toll) AS ?f)
} GROUP BY ?event
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

_TIMELINE_BODY = """
  ?event a sem:Event .
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event sem:hasTimeStamp ?event_date }
  OPTIONAL { ?event ckg:fatalities ?event_toll }
  OPTIONAL { ?event sem:hasPlace ?place . OPTIONAL { ?place schema:name ?place_name } }
  OPTIONAL {
    ?event ckg:evidence ?evidence .
    OPTIONAL { ?evidence ckg:text ?text }
    OPTIONAL { ?evidence sem:hasTimeStamp ?evidence_date }
    OPTIONAL { ?evidence ckg:fatalities ?evidence_toll }
    OPTIONAL { ?evidence ckg:document ?document .
      OPTIONAL { ?document schema:headline ?title }
      OPTIONAL { ?document schema:publisher ?publisher }
      OPTIONAL { ?document schema:datePublished ?published } }
  }
  BIND(STR(COALESCE(?event_date, ?evidence_date)) AS ?date)
  BIND(COALESCE(?event_toll, ?evidence_toll) AS ?fatalities)
} ORDER BY ?date ?event ?evidence LIMIT 5000
"""

_TIMELINE_VARS = """SELECT ?event ?role ?type ?sub_type ?date ?fatalities ?place ?place_name ?evidence ?text ?document
  ?title ?publisher ?published WHERE {"""

# Bound: ?entity (an actor). Every event it takes part in, one row per evidence sentence.
ACTOR_TIMELINE = PREFIXES + _TIMELINE_VARS + """
  VALUES ?role { ckg:actor1 ckg:actor2 ckg:associateActor1 ckg:associateActor2 sem:hasActor }
  ?event ?role ?entity .""" + _TIMELINE_BODY

# Bound: ?entity (a place). Every event that happened there, one row per evidence sentence.
PLACE_TIMELINE = PREFIXES + _TIMELINE_VARS + """
  ?event sem:hasPlace ?entity .""" + _TIMELINE_BODY

# Bound: ?entity. The actors of the entity's events (for "with whom" on the timeline).
EVENT_ACTORS = PREFIXES + """SELECT DISTINCT ?event ?role ?actor ?name WHERE {
  { ?event sem:hasActor|ckg:actor1|ckg:actor2 ?entity } UNION { ?event sem:hasPlace ?entity }
  VALUES ?role { ckg:actor1 ckg:actor2 ckg:associateActor1 ckg:associateActor2 }
  ?event ?role ?actor .
  OPTIONAL { ?actor schema:name ?name }
}
"""
