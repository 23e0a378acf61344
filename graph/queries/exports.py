"""The whole-graph exports (``graph.export``), over the current graph, and the ACLED export of chosen events."""
from __future__ import annotations

from graph.queries.base import IRIS, PREFIXES

__all__ = ["EXPORT_ACTORS", "EXPORT_ASSOCIATES", "EXPORT_ASSOCIATES_AMONG", "EXPORT_EVENTS", "EXPORT_EVENTS_AMONG",
    "EXPORT_EVIDENCE", "EXPORT_EVIDENCE_AMONG", "EXPORT_PLACES"]

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

# The ACLED export (graph.export.acled_rows) of the events in #IRIS# only.
EXPORT_EVENTS_AMONG = EXPORT_EVENTS.replace("?event a sem:Event ;",
                                            "VALUES ?event { " + IRIS + " } ?event a sem:Event ;")
EXPORT_ASSOCIATES_AMONG = EXPORT_ASSOCIATES.replace("?event ?role ?actor .",
                                                    "VALUES ?event { " + IRIS + " } ?event ?role ?actor .")
EXPORT_EVIDENCE_AMONG = EXPORT_EVIDENCE.replace("GRAPH ?report {", "VALUES ?event { " + IRIS + " } GRAPH ?report {")
