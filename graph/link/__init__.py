"""Cross-article merging: one node per real-world actor, place and event across documents.

Actors and places meet by IRI (canonical ids, GeoNames ids). Events meet by a deterministic key
(type, place, date, actor pair) or, when reports differ in date precision or in how many actors
they name, by ``relink_graphs`` renaming the events of documents just written to the stored events
they report (``graph.link.batch``, called by ``graph.ingest.write_documents``). Figures
and readings stay per source; ``reconcile`` writes each entity's one current set of facts (one name, one
kind, merged figures) into the current graph, by the rules of ``graph.link.facts``.
"""

from graph.link.current import mentioned, rebuild_current, reconcile, reconcile_graphs
from graph.link.events import actors_compatible, date_interval, dates_compatible
from graph.link.relink import relink_graphs
from graph.link.write import ensure_ontology, recover

__all__ = [
    "reconcile",
    "mentioned",
    "rebuild_current",
    "recover",
    "reconcile_graphs",
    "relink_graphs",
    "ensure_ontology",
    "actors_compatible",
    "dates_compatible",
    "date_interval",
]
