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
    "ENTITY_PERIODS",
    "EVENT_ACTORS",
    "TIMELINE_LIMIT",
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

TIMELINE_LIMIT = 500  # most recent events an entity page lists (counts and the histogram cover them all)

# The outer query has no WHERE keyword: ``Store.read`` binds ?entity at the inner one, which picks the page.
_TIMELINE = PREFIXES + """SELECT ?event ?role ?type ?sub_type ?date ?fatalities ?place ?place_name ?evidence ?text
  ?document ?title ?publisher ?published {
  { SELECT DISTINCT ?entity ?event ?date WHERE {
      ?event #PATH# ?entity .
      OPTIONAL { ?event sem:hasTimeStamp ?d }
      BIND(STR(?d) AS ?date)
    } ORDER BY DESC(?date) ?event LIMIT """ + str(TIMELINE_LIMIT) + """ }
  OPTIONAL { VALUES ?role { ckg:actor1 ckg:actor2 ckg:associateActor1 ckg:associateActor2 } ?event ?role ?entity }
  OPTIONAL { ?event ckg:eventType ?type }
  OPTIONAL { ?event ckg:subEventType ?sub_type }
  OPTIONAL { ?event ckg:fatalities ?fatalities }
  OPTIONAL { ?event sem:hasPlace ?place . OPTIONAL { ?place schema:name ?place_name } }
  OPTIONAL {
    GRAPH ?report {
      ?event ckg:evidence ?evidence . ?evidence ckg:document ?document . OPTIONAL { ?evidence ckg:text ?text }
    }
    OPTIONAL { ?document schema:headline ?title }
    OPTIONAL { ?document schema:publisher ?publisher }
    OPTIONAL { ?document schema:datePublished ?published }
  }
} LIMIT 5000
"""

# Bound: ?entity (an actor). Its latest events, one row per role and evidence sentence.
ACTOR_TIMELINE = _TIMELINE.replace("#PATH#", "sem:hasActor")

# Bound: ?entity (a place). The latest events that happened there, one row per evidence sentence.
PLACE_TIMELINE = _TIMELINE.replace("#PATH#", "sem:hasPlace")

# Bound: ?entity. How many events it has, and how many per month ("YYYY-MM", or "YYYY" for a year-only date).
ENTITY_PERIODS = PREFIXES + """SELECT ?period (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event sem:hasActor|sem:hasPlace ?entity .
  OPTIONAL { ?event sem:hasTimeStamp ?d }
  BIND(COALESCE(SUBSTR(STR(?d), 1, 7), "") AS ?period)
} GROUP BY ?period
"""

# The actors of the events in #IRIS# (one timeline page), for "with whom".
EVENT_ACTORS = PREFIXES + """SELECT DISTINCT ?event ?role ?actor ?name WHERE {
  VALUES ?event { #IRIS# }
  VALUES ?role { ckg:actor1 ckg:actor2 ckg:associateActor1 ckg:associateActor2 }
  ?event ?role ?actor .
  OPTIONAL { ?actor schema:name ?name }
}
"""
