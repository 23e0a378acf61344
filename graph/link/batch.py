"""Linking and current facts for a batch of written documents, one document or a million.

Document graphs are built without looking at the store (in parallel, on Dask workers). As each
one is queued for writing, ``BatchLinker`` keeps what its mentions say (``graph.build.EventReport``).
Before each load it reads what the stored versions of those documents mention and the stored
events that can match theirs, and only those: the events of the same ACLED type, sub-type and
place (the groups ``relink_graphs`` merges within), so one document costs what it touches and
no document of the batch is read back. While the last batch loads, the current facts of what
only the batch mentions are worked out from its own triples (``prepare``). At the end relinking
is planned in memory, then the current facts of everything the batch's documents mention, of
what their replaced versions mentioned and of the events relinking renamed are reconciled
(``graph.link.current``).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph import queries as q
from graph.build import EventReport
from graph.link.current import BatchFacts, mentioned, prepare_batch, reconcile_batch, reconcile_graphs
from graph.link.readings import BatchReadings
from graph.link.relink import relink_graphs
from graph.link.write import ensure_ontology
from graph.store import TripleStore

__all__ = ["BatchLinker"]

_KEYS_PER_READ = 500  # (type, sub-type, place) keys per query: one look-up each


class BatchLinker:
    """Collects the reports of a batch's documents, then links them and reconciles their current facts."""

    def __init__(self, store: TripleStore, base_iri: str):
        """Link into ``store``, whose IRIs are minted under ``base_iri``."""
        self.store = store
        self.base_iri = base_iri
        self.reports: dict[str, Sequence[EventReport]] = {}  # graph IRI -> its document's reports
        self.readings = BatchReadings()
        self.previous: set[str] = set()  # what the stored versions of the batch's documents mentioned
        self._stored: list[dict] = []  # stored mentions of the batch's keys, as STORE_EVENTS rows
        self._keys: set[tuple[str, str, str]] = set()  # the (type, sub-type, place) keys read so far
        self._prepared: BatchFacts | None = None

    def add(self, graph_iri: str, reports: Sequence[EventReport], ntriples: bytes, triples: int) -> None:
        """Note one document queued for writing: its reports and its graph (written twice: its last counts)."""
        self.reports[graph_iri] = reports
        self.readings.add(graph_iri, ntriples, triples)

    def before_write(self, graph_iris: Sequence[str]) -> None:
        """Read, before these added documents are written, what their stored versions and their events' keys hold."""
        for graph_iri in graph_iris:
            if self.store.has_graph(graph_iri):  # one graph per query: with a list the engine scans every type
                self.previous.update(*mentioned(self.store, [graph_iri]).values())
        keys = sorted({(r.event_type, r.sub_event_type, r.place) for graph_iri in graph_iris
                       for r in self.reports[graph_iri] if r.place and r.date} - self._keys)
        self._keys.update(keys)
        for start in range(0, len(keys), _KEYS_PER_READ):
            self._stored += self.store.select(q.with_keys(q.EVENTS_AT, keys[start:start + _KEYS_PER_READ]))

    def prepare(self) -> None:
        """Read the batch's graphs and work out the current facts of what only it mentions (as the last one loads)."""
        self.readings.parse()
        if self.readings.complete:
            self._prepared = prepare_batch(self.store, self.readings)

    def finish(self) -> dict[str, set[str]]:
        """Load the ontology, relink the batch's events and reconcile the current facts of everything it touched.

        Returns the distinct actors, places, events and documents the batch mentions, by class IRI.
        """
        ensure_ontology(self.store)
        renamed = relink_graphs(self.store, self.base_iri, self.reports, self.rows())
        if self._prepared is None or self.readings.pending:
            self.prepare()
        touched = renamed | self.previous
        if self._prepared is None:  # too big a batch to hold: everything is read from the store
            return reconcile_graphs(self.store, self.reports, also=touched)
        return reconcile_batch(self.store, self.readings, self._prepared, touched)

    def rows(self) -> list[dict]:
        """The batch's reports and the other stored mentions of their (type, place) groups, as ``STORE_EVENTS`` rows."""
        ours = [_link_row(graph, report) for graph, reports in self.reports.items() for report in reports
                if report.place and report.date]
        return [row for row in self._stored if row["g"] not in self.reports] + ours


def _link_row(graph_iri: str, report: EventReport) -> dict:
    """A report as a row of ``graph.queries.STORE_EVENTS`` (unbound values left out)."""
    row = {"g": graph_iri, "event": report.event, "type": report.event_type, "sub": report.sub_event_type,
           "place": report.place, "date": report.date, "precision": report.precision, "a1": report.actor1,
           "a2": report.actor2}
    return {key: value for key, value in row.items() if value is not None}
