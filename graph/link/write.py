"""What every write shares: the ontology in the default graph, and the rebuild after an interrupted ingest.

Documents are written by ``graph.ingest.write_documents``, the one write path.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from graph import queries
from graph.link.current import rebuild_current
from graph.link.merged import run_update
from graph.ontology import ONTOLOGY_FILE, taxonomy_graph
from graph.store import TripleStore

__all__ = ["ensure_ontology", "recover"]


def ensure_ontology(store: TripleStore) -> None:
    """Load the ontology and ACLED taxonomy into the default graph (adding what is there is a no-op)."""
    run_update(store, queries.insert_default(_ontology_ntriples()))


@cache
def _ontology_ntriples() -> str:
    """The ontology (parsed by the engine: rdflib's Turtle parser took 30-50 ms of each ingest process) and the
    ACLED taxonomy (``graph.ontology.taxonomy_graph``), as N-Triples."""
    triples = ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE)
    ontology = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert ontology is not None  # given no output, the engine returns the text
    return ontology.decode() + taxonomy_graph().serialize(format="nt", encoding="utf-8").decode()


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
