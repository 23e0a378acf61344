"""Linking and current facts for a batch ingest, worked out from the batch's own reports.

A batch ingest bulk-loads document graphs that were built without looking at the store. Before
the first one is loaded, ``BatchLinker`` reads the events the store already holds (one query,
nothing to read in an empty store); as each document is written it keeps what its mentions say
(``graph.build.EventReport``). At the end, relinking is planned in memory, then the current facts
of everything the batch's documents mention, and of the events relinking renamed, are
reconciled (``graph.link.current``).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph import queries as q
from graph.build import EventReport
from graph.link.current import reconcile_batch, reconcile_graphs
from graph.link.readings import BatchReadings
from graph.link.relink import relink_graphs
from graph.link.write import ensure_ontology
from graph.store import TripleStore

__all__ = ["BatchLinker"]


class BatchLinker:
    """Collects the reports of a batch's documents, then links them and reconciles their current facts."""

    def __init__(self, store: TripleStore, base_iri: str):
        """Read the events ``store`` holds now, before any document of the batch is loaded."""
        self.store = store
        self.base_iri = base_iri
        self.stored = store.select(q.STORE_EVENTS)
        self.reports: dict[str, Sequence[EventReport]] = {}  # graph IRI -> its document's reports
        self.readings = BatchReadings()

    def add(self, graph_iri: str, reports: Sequence[EventReport], ntriples: bytes, triples: int) -> None:
        """Note one written document: its reports and its graph (a document written twice keeps its last)."""
        self.reports[graph_iri] = reports
        self.readings.add(graph_iri, ntriples, triples)

    def finish(self, replaced_any: bool) -> dict[str, set[str]]:
        """Load the ontology, relink the batch's events and reconcile the current facts of everything it touched.

        ``replaced_any``: some document replaced an older version of itself, whose entities may
        have gone; then the whole current graph is rebuilt from the store. Returns the distinct
        actors, places, events and documents the batch mentions, by class IRI.
        """
        ensure_ontology(self.store)
        rows = [row for row in self.stored if row["g"] not in self.reports] + [
            _link_row(graph, report) for graph, reports in self.reports.items() for report in reports
            if report.place and report.date
        ]
        renamed = relink_graphs(self.store, self.base_iri, self.reports, rows)
        self.readings.parse()
        if replaced_any or not self.readings.complete:
            return reconcile_graphs(self.store, self.reports, also=renamed, rebuild=replaced_any)
        return reconcile_batch(self.store, self.readings, renamed)


def _link_row(graph_iri: str, report: EventReport) -> dict:
    """A report as a row of ``graph.queries.STORE_EVENTS`` (unbound values left out)."""
    row = {"g": graph_iri, "event": report.event, "type": report.event_type, "sub": report.sub_event_type,
           "place": report.place, "date": report.date, "precision": report.precision, "a1": report.actor1,
           "a2": report.actor2}
    return {key: value for key, value in row.items() if value is not None}
