"""Entity pages (``viz.pages``): an actor's or place's facts and its timeline."""
from __future__ import annotations

from graph.queries.base import IRIS, PREFIXES

__all__ = ["ENTITY", "TIMELINE_DOCUMENTS", "TIMELINE_LIMIT", "TIMELINE_ROWS", "timeline"]

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
  VALUES ?event { """ + IRIS + """ }
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
  VALUES ?document { """ + IRIS + """ }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document schema:datePublished ?published }
}
"""
