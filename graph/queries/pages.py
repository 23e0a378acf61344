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

# Events an entity page lists at once, newest first by page (``?page=``; counts and the histogram cover them all). At
# 100 a busy actor's page was 150-170 KB of HTML and 58 ms of CPU at 100,000 documents, its reads growing with its
# events' sentences and documents.
TIMELINE_LIMIT = 50
# Rows of a timeline at most (events x sentences): past it the oldest events' rows are left out, newest kept whole
# (``timeline(rows, newest=True)``, ordered as the page lists them, so the cut is the same on every run), but the
# last one read, which may be cut inside its sentences (the row past the cut tells).
TIMELINE_ROWS = 5000

# #IRIS#: an entity page's events (graph.newest, TIMELINE_LIMIT of them). One row per evidence sentence (an event
# with none: one row). The events' own fields are read with the record's query (records.ACTOR_NEWEST_EVENTS,
# PLACE_NEWEST_EVENTS: one row an event) and the entity's roles come with the roles of every actor of the events
# (network.NETWORK_EVENT_ROLES): each row here repeated an event's type, place and role, and every IRI or long text a
# row gives is one more look-up in the store (with them, this read was 22 ms of CPU for a busy actor's 100 events at
# 100,000 documents; 14 ms without). The documents' fields and the places' names are read once per document and place
# (TIMELINE_DOCUMENTS, LABELS). In no order, one row past the cut: the page orders its events itself, and sorting the
# rows cost a fifth of the read at 100,000 documents.
_TIMELINE = PREFIXES + """SELECT ?event ?evidence ?text ?document WHERE {
  VALUES ?event { """ + IRIS + """ }
  #DATE#
  OPTIONAL {
    GRAPH ?report {
      ?event ckg:evidence ?evidence . ?evidence ckg:document ?document . OPTIONAL { ?evidence ckg:text ?text }
    }
  }
}"""


def timeline(rows: int, newest: bool = False) -> str:
    """The timeline read (above), one row past ``rows`` (whether the timeline passes the cut): in no order; ``newest``:
    newest events first, ties by IRI, then sentence (read when the first passes the cut; the row past it tells whether
    the last event read is cut inside its sentences)."""
    if newest:
        return (_TIMELINE.replace("#DATE#", "OPTIONAL { ?event sem:hasTimeStamp ?date }")
                + f" ORDER BY DESC(?date) ?event ?evidence LIMIT {rows + 1}\n")
    return _TIMELINE.replace("#DATE#", "") + f" LIMIT {rows + 1}\n"


# #IRIS#: the documents of a timeline's sentences.
TIMELINE_DOCUMENTS = PREFIXES + """SELECT ?document ?title ?publisher ?published WHERE {
  VALUES ?document { """ + IRIS + """ }
  OPTIONAL { ?document schema:headline ?title }
  OPTIONAL { ?document schema:publisher ?publisher }
  OPTIONAL { ?document schema:datePublished ?published }
}
"""
