"""Linking and merged facts for a batch ingest, worked out from the batch's own reports.

A batch ingest bulk-loads document graphs that were built without looking at the store. Before
the first one is loaded, ``BatchLinker`` reads the events the store already holds (one query,
nothing to read in an empty store); as each document is written it keeps what its mentions say
(``graph.build.EventReport``). At the end, relinking is planned in memory and the merged facts
of events that only this batch reports are computed in memory and loaded at once. Only events
the store knew before, or that relinking renamed, are read back (``refresh_events``).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.build import EventReport
from graph.link.merged import merged_ntriples, refresh_events
from graph.link.relink import STORE_EVENTS_QUERY, relink_graphs
from graph.link.write import ensure_ontology

__all__ = ["BatchLinker", "MERGED_EVENTS_QUERY"]

MERGED_EVENTS_QUERY = "SELECT ?event WHERE { ?event <https://w3id.org/conflictkg/ontology#sourceCount> ?n }"


class BatchLinker:
    """Collects the reports of a batch's documents, then links them and writes their merged facts."""

    def __init__(self, store, base_iri: str):
        """Read the events ``store`` holds now, before any document of the batch is loaded."""
        self.store = store
        self.base_iri = base_iri
        self.stored = store.select(STORE_EVENTS_QUERY)
        self.reports: dict[str, Sequence[EventReport]] = {}  # graph IRI -> its document's reports

    def add(self, graph_iri: str, reports: Sequence[EventReport]) -> None:
        """Note one written document (a document written twice keeps its last reports)."""
        self.reports[graph_iri] = reports

    def finish(self, replaced_any: bool) -> None:
        """Load the ontology, relink the batch's events and write the merged facts of every event it touched.

        ``replaced_any``: some document replaced an older version of itself, whose events may
        have gone; then the merged facts of every event are recomputed from the store.
        """
        ensure_ontology(self.store)
        known = {row["event"] for row in self.stored}
        rows = [row for row in self.stored if row["g"] not in self.reports] + [
            _link_row(graph, report) for graph, reports in self.reports.items() for report in reports
            if report.place and report.date
        ]
        renamed = relink_graphs(self.store, self.base_iri, self.reports, rows)
        if replaced_any:
            refresh_events(self.store, self.base_iri)
            return
        # events with merged facts but no stored report: a dropped document's leftovers, recomputed too
        known |= renamed | {row["event"] for row in self.store.select(MERGED_EVENTS_QUERY)}
        touched = {report.event for reports in self.reports.values() for report in reports}
        refresh_events(self.store, self.base_iri, (touched & known) | renamed)
        fresh = [_fact_row(graph, report) for graph, reports in self.reports.items() for report in reports
                 if report.event not in known]
        if fresh:
            self.store.insert_default(merged_ntriples(fresh).encode())


def _link_row(graph_iri: str, report: EventReport) -> dict:
    """A report as a row of ``STORE_EVENTS_QUERY`` (unbound values left out)."""
    row = {"g": graph_iri, "event": report.event, "type": report.event_type, "sub": report.sub_event_type,
           "place": report.place, "date": report.date, "precision": report.precision, "a1": report.actor1,
           "a2": report.actor2}
    return {key: value for key, value in row.items() if value is not None}


def _fact_row(graph_iri: str, report: EventReport) -> dict:
    """A report as a row of ``merged.EVIDENCE_QUERY``; the graph stands for its document (one each)."""
    row = {"event": report.event, "doc": graph_iri, "fatalities": report.fatalities, "date": report.date,
           "precision": report.precision, "confidence": report.confidence}
    return {key: value for key, value in row.items() if value is not None}
