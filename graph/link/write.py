"""Write documents into the store: link their events, build, replace, reconcile the current facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from graph import __version__, queries
from graph.build import build_document
from graph.link.current import mentioned, rebuild_current, reconcile
from graph.link.events import link_events
from graph.link.merged import run_update
from graph.ontology import ontology_graph
from graph.records import Extraction
from graph.store import TripleStore

__all__ = ["Written", "write_extractions", "ensure_ontology"]


@dataclass
class Written:
    """What writing one document did."""

    graph_iri: str
    events: list[str] = field(default_factory=list)  # event IRIs of the document
    previous: list[str] = field(default_factory=list)  # actors, places, events its old graph had
    violations: list[str] = field(default_factory=list)  # SHACL messages; empty = valid


def _graph_subjects(store: TripleStore, graph_iri: str) -> set[str]:
    """The actors, places, events and document a document graph holds."""
    return set().union(*mentioned(store, [graph_iri]).values())


def ensure_ontology(store: TripleStore) -> None:
    """Load the ontology and ACLED taxonomy into the default graph (adding what is there is a no-op)."""
    run_update(store, queries.insert_default(_ontology_ntriples()))


@cache
def _ontology_ntriples() -> str:
    return ontology_graph().serialize(format="nt", encoding="utf-8").decode()


def _write_one(store: TripleStore, extraction: Extraction, base_iri: str, validate: bool, version: str) -> Written:
    links = link_events(store, extraction, base_iri)
    built = build_document(extraction, base_iri, links, extractor_version=version)
    previous = sorted(_graph_subjects(store, built.graph_iri))
    store.replace_graph(built.graph_iri, built.ntriples)
    written = Written(built.graph_iri, built.event_iris(), previous)
    if validate:
        from graph.validate import validate_ntriples

        written.violations = validate_ntriples(built.ntriples)
    return written


def write_extractions(
    store: TripleStore, extractions: Iterable[Extraction], base_iri: str, validate: bool = True,
    extractor_version: str = __version__, progress=None,
) -> list[Written]:
    """Write documents in order, each linked to the stored events before it is built; reconcile what they touched once.

    Each document's graph replaces its old one (the service's path, one document at a time); a batch
    ingest builds apart and links after loading instead (``graph.ingest.write_results``).
    """
    ensure_ontology(store)
    results, touched = [], set()
    for extraction in extractions:
        written = _write_one(store, extraction, base_iri, validate, extractor_version)
        touched.update(written.previous)
        results.append(written)
        if progress is not None:
            progress.update(1)
    for written in results:
        touched.update(_graph_subjects(store, written.graph_iri))
    reconcile(store, touched)
    return results


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
