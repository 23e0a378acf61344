"""What every write shares: the ontology in the default graph, and the rebuild after an interrupted ingest.

Documents are written by ``graph.ingest.write_documents``, the one write path.
"""

from __future__ import annotations

from functools import cache

from graph import queries
from graph.link.current import rebuild_current
from graph.link.merged import run_update
from graph.ontology import ontology_graph
from graph.store import TripleStore

__all__ = ["ensure_ontology", "recover"]


def ensure_ontology(store: TripleStore) -> None:
    """Load the ontology and ACLED taxonomy into the default graph (adding what is there is a no-op)."""
    run_update(store, queries.insert_default(_ontology_ntriples()))


@cache
def _ontology_ntriples() -> str:
    return ontology_graph().serialize(format="nt", encoding="utf-8").decode()


def recover(store: TripleStore) -> bool:
    """Rebuild the ontology and the current facts after an interrupted ingest was undone at open.

    ``Store`` drops the documents of a run that did not settle and sets ``needs_rebuild``; the
    current graph may hold facts of what was dropped, or lack the run's replaced documents'.
    Returns whether anything was rebuilt.
    """
    if not store.needs_rebuild:
        return False
    ensure_ontology(store)
    rebuild_current(store)
    store.needs_rebuild = False
    return True
