"""Cross-article merging: one node per real-world actor, place and event across documents.

Actors and places meet by IRI (canonical ids, GeoNames ids). Events meet by a deterministic key
(type, place, date, actor pair) or, when reports differ in date precision or in how many actors
they name, by ``link_events`` looking up compatible events already in the store before a
document is built, or by ``relink_graphs`` renaming events of documents already written (bulk path). Figures stay
per source; ``refresh_events`` keeps each event's lowest and highest toll in the default graph.
"""

from graph.link.events import actors_compatible, date_interval, dates_compatible, link_events
from graph.link.merged import refresh_events
from graph.link.relink import relink_graphs
from graph.link.write import Written, ensure_ontology, write_extraction, write_extractions

__all__ = [
    "link_events",
    "refresh_events",
    "relink_graphs",
    "write_extraction",
    "write_extractions",
    "ensure_ontology",
    "Written",
    "actors_compatible",
    "dates_compatible",
    "date_interval",
]
