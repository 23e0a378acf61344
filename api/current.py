"""Raw writes keep the current graph current: a SPARQL Update or Graph Store write that names
document graphs has the facts of what those graphs mentioned before and mention after reconciled.

Ingest reconciles by itself (``graph.link``); this covers writes made through ``/sparql`` and
``/store``. An update that names no graph (or only the current one) reconciles nothing; after
such writes ``python -m graph reconcile`` rebuilds the current graph. Every raw write that runs
drops the reading tallies (``graph.link.tallies``).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from graph.link import mentioned, reconcile
from graph.link.tallies import changing
from graph.store import TripleStore
from graph.vocab import CURRENT_GRAPH

__all__ = ["update_reconciled", "named_graphs"]

_GRAPH = re.compile(r"\bGRAPH\s*<([^>\s]*)>", re.IGNORECASE)


def named_graphs(update: str) -> set[str]:
    """The document graphs an update names by absolute IRI (``GRAPH <iri>``), the current graph left out."""
    return {iri for iri in _GRAPH.findall(update) if ":" in iri and _valid(iri)} - {str(CURRENT_GRAPH)}


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def update_reconciled(store: TripleStore, text: str) -> None:
    """Run a raw SPARQL Update, then reconcile what the graphs it names mentioned before it and mention after.

    An update may change any graph (``GRAPH ?g``), so every reading tally is dropped once it has run
    (``graph.link.tallies``): the next ingest reads the store once for each entity it touches. An
    update that fails (it does not parse, or the engine refuses it) was one transaction that wrote
    nothing, so the tallies stay.
    """
    graphs = named_graphs(text)
    before: set[str] = set().union(*mentioned(store, graphs).values()) if graphs else set()
    refused: Exception | None = None
    with changing(store) as tallies:
        try:
            store.update_raw(text)
        except Exception as error:  # raised below, once the tallies' block has ended as unchanged
            refused = error
        else:
            if tallies is not None:
                tallies.clear()
            if graphs:
                reconcile(store, before | set().union(*mentioned(store, graphs).values()))
    if refused is not None:
        raise refused
