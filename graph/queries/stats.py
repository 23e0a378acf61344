"""Counts of the whole store (``/-/stats``)."""
from __future__ import annotations

from graph.queries.base import PREFIXES

__all__ = ["GRAPH_COUNT", "STATS"]

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
