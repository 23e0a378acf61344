"""Linking and current facts for a batch of written documents, one document or a million.

Document graphs are built without looking at the store (in parallel, on Dask workers). As each
one is queued for writing, ``BatchLinker`` keeps what its mentions say (``graph.build.EventReport``).
Before each load it reads what the stored versions of those documents mention and the stored
events that can match theirs, and only those: the events of the same ACLED type, sub-type and
place (the groups ``relink_graphs`` merges within) that some document reports in a year the
batch's dates can reach (``_windows``), with all their mentions, so one document costs what it
touches, not every event its place ever had, and no document of the batch is read back. The
events of a window come from the tallies (``graph.link.tallies``), which read each (type,
sub-type, place) key from the store once and add what each batch writes (``_keep_windows``). While
the last batch loads, the current facts of what only the batch mentions are worked out from its
own triples (``prepare``). At the end relinking is planned in memory, then the current facts of
everything the batch's documents mention, of what their replaced versions mentioned and of the
events relinking renamed are reconciled (``graph.link.current``). An ingest under the store's
journal does it while its last batch loads (``finish(early=True)``) and waits for the load only
before it reads or changes a document graph: a batch whose every entity is new never does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from graph import queries as q
from graph.build import EventReport
from graph.link.current import BatchFacts, mentioned, prepare_batch, reconcile_batch, reconcile_graphs
from graph.link.events import date_interval
from graph.link.readings import BatchReadings
from graph.link.relink import plan_relinks, run_relinks
from graph.link.summaries import mark_whole
from graph.link.tallies import Window, tallies_of
from graph.link.write import ensure_ontology
from graph.store import TripleStore

__all__ = ["BatchLinker"]

_KEYS_PER_READ = 500  # (type, sub-type, place, year) windows or events per query: one look-up each


def _loaded() -> None:
    """Nothing to wait for: the documents were written before ``finish``."""


class BatchLinker:
    """Collects the reports of a batch's documents, then links them and reconciles their current facts."""

    def __init__(self, store: TripleStore, base_iri: str):
        """Link into ``store``, whose IRIs are minted under ``base_iri``."""
        self.store = store
        self.base_iri = base_iri
        self.reports: dict[str, Sequence[EventReport]] = {}  # graph IRI -> its document's reports
        self.readings = BatchReadings()
        self.previous: set[str] = set()  # what the stored versions of the batch's documents mentioned
        self._stored: list[dict] = []  # stored mentions of the events that can match the batch's, as STORE_EVENTS rows
        self._windows: set[Window] = set()  # the (type, sub-type, place, year) windows read so far
        self._events: set[str] = set()  # the events whose mentions are read
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
        reports = [r for graph_iri in graph_iris for r in self.reports[graph_iri] if r.place and r.date]
        own = self._read_events({r.event for r in reports})  # a report's own event may hold an older mention
        windows = {window for r in reports for window in _windows(r.event_type, r.sub_event_type, str(r.place),
                                                                     str(r.date), r.precision)}
        windows |= {window for row in own for window in _windows(row["type"], row["sub"], row["place"],
                                                                 str(row["date"]), row.get("precision"))}
        ordered = sorted(windows - self._windows)
        self._windows.update(ordered)
        self._read_events(self._window_events(ordered))

    def _window_events(self, windows: list[Window]) -> set[str]:
        """The stored events with a mention in these windows: kept by the tallies (their keys read once), else read."""
        tallies = tallies_of(self.store)
        years = [w for w in windows if _is_year(w[3])] if tallies is not None else []
        found = self._read_windows(sorted(set(windows) - set(years)))
        if tallies is not None and years:
            kept = tallies.window_events(years)
            keys = sorted({w[:3] for w in years if w not in kept})
            for start in range(0, len(keys), _KEYS_PER_READ):
                chunk = keys[start:start + _KEYS_PER_READ]
                rows = self.store.select(q.with_windows(q.EVENTS_OF_KEYS, chunk))
                tallies.add_window_events(((r["type"], r["sub"], r["place"], r["year"], r["event"]) for r in rows),
                                          keys=chunk)
            kept.update(tallies.window_events(w for w in years if w not in kept))
            found.update(*kept.values())
        return found

    def _read_windows(self, windows: list[Window]) -> set[str]:
        """The stored events with a mention in these windows, read from the store."""
        found: set[str] = set()
        for start in range(0, len(windows), _KEYS_PER_READ):
            rows = self.store.select(q.with_windows(q.EVENTS_IN_WINDOWS, windows[start:start + _KEYS_PER_READ]))
            found.update(row["event"] for row in rows)
        return found

    def _read_events(self, events: Iterable[str]) -> list[dict]:
        """Read every stored mention of these events (those not read yet); return the rows read."""
        ordered = sorted(set(events) - self._events)
        self._events.update(ordered)
        rows = []
        for start in range(0, len(ordered), _KEYS_PER_READ):
            rows += self.store.select(q.with_iris(q.MENTIONS_OF, ordered[start:start + _KEYS_PER_READ]))
        self._stored += rows
        return rows

    def prepare(self) -> None:
        """Read the batch's graphs and work out the current facts of what only it mentions (as the last one loads)."""
        self.readings.parse()
        if self.readings.complete:
            self._prepared = prepare_batch(self.store, self.readings)

    def finish(self, loaded: Callable[[], object] = _loaded, early: bool = False) -> dict[str, set[str]]:
        """Load the ontology, relink the batch's events and reconcile the current facts of everything it touched.

        ``loaded`` waits until the batch's documents are in the store. ``early`` (a bulk run, once the
        store's journal is open: a crash rebuilds what this writes): while they load, on the other core,
        what needs none of them is worked out and written, which is everything for a batch whose every
        entity is new (none has current facts, none is renamed by relinking nor was mentioned by a replaced
        document): the stored mentions it links against were read before the load. Otherwise ``loaded``
        is called before anything reads or changes a document graph.
        Returns the distinct actors, places, events and documents the batch mentions, by class IRI.
        """
        if not (early and getattr(self.store, "journal_open", False)):
            loaded()
        ensure_ontology(self.store)
        mark_whole(self.store)  # a store's first write begins its current graph with every event summary
        rows = self.rows()
        moves, renamed = plan_relinks(self.reports, rows)
        if self._prepared is None or self.readings.pending:
            self.prepare()
        touched = renamed | self.previous
        if moves or touched or self._prepared is None or self._prepared.stored:
            loaded()
        run_relinks(self.store, moves)
        self._keep_windows(rows)
        if self._prepared is None:  # too big a batch to hold: everything is read from the store
            return reconcile_graphs(self.store, self.reports, also=touched)
        found = reconcile_batch(self.store, self.readings, self._prepared, touched)
        loaded()
        return found

    def _keep_windows(self, rows: list[dict]) -> None:
        """Add the events of the batch's mentions and of those relinking renamed to the windows the tallies keep.

        ``rows`` are the mentions relinking read, as it left them (``orig``: the IRI before, ``event``: after).
        A batch's event also has the dates of its other sentences' evidence, read from its graph; a batch too
        big to hold has them read from nowhere, so the windows are dropped.
        """
        tallies = tallies_of(self.store)
        if tallies is None:
            return
        if not self.readings.complete:
            tallies.forget_windows()
            return
        now = {(r["g"], r["orig"]): r["event"] for r in rows}
        keys = {(g, r.event): (r.event_type, r.sub_event_type, str(r.place))
                for g, reports in self.reports.items() for r in reports if r.place}
        found = {(r["type"], r["sub"], r["place"], str(r["date"])[:4], r["event"]) for r in rows}
        found |= {(*keys[g, e["event"]], str(e["date"])[:4], now.get((g, e["event"]), e["event"]))
                  for g, graph in self.readings.graphs.items() for e in graph.evidence
                  if "date" in e and (g, e["event"]) in keys}
        tallies.add_window_events(row for row in found if _is_year(row[3]))

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


def _is_year(prefix: str) -> bool:
    """Whether a window's date prefix is a year (the tallies keep those; a date the linker cannot read is read)."""
    return len(prefix) == 4 and prefix.isdigit()


def _windows(event_type: str, sub_type: str, place: str, date: str,
             precision: str | None) -> set[tuple[str, str, str, str]]:
    """The (type, sub-type, place, date prefix) windows of the mentions a report on ``date`` can be of one event with.

    Two mentions can be of one event only if their dates' intervals overlap (``dates_compatible``);
    a mention's date lies in its interval, or within the 6 days of its week, so it starts with one
    of the years the report's interval reaches 6 days beyond. A date that is not read as one is only
    compatible with the same text.
    """
    interval = date_interval(date, precision)
    if interval is None:
        return {(event_type, sub_type, place, date)}
    return {(event_type, sub_type, place, f"{year:04d}") for year in _years(*interval)}


def _years(first: dt.date, last: dt.date) -> range:
    """The years of the days from 6 days before ``first`` to 6 days after ``last``."""
    return range(first.year - (first.month == 1 and first.day <= 6), last.year + (last.month == 12 and last.day >= 26)
                 + 1)
