"""The current graph: one reconciled set of facts per actor, place, event and document.

Each document graph keeps what its report says, with its provenance. Reads (REST, pages, the
network, exports) go to ``CURRENT_GRAPH`` instead, which holds every entity's facts once,
reconciled across all the reports that mention it by the rules of ``graph.link.facts``, so no
read grows with the number of reports.

Per-report links (``prov:wasDerivedFrom``, ``ckg:evidence``) are not copied: each is stated once,
in its document graph, where queries read it with ``GRAPH ?g``. ``reconcile`` recomputes the
facts of the entities it is given from the document graphs and replaces theirs in one update per
chunk; ``reconcile_graphs`` does it for everything some document graphs mention; ``reconcile_batch``
works out the facts of what only a batch ingest mentions from the batch's own triples
(``graph.link.readings``), the same rows the store would give, and reads the rest from the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import URIRef

from graph import queries
from graph.iris import geometry_of, owner_of
from graph.link.facts import ONE_VALUE, current_lines, current_ntriples, joined, term
from graph.link.merged import insert_current, merged_ntriples, run_update
from graph.link.readings import BatchReadings
from graph.link.recent import from_batch, from_store, recent_lines
from graph.link.summaries import EventChanges, facts_of_lines, mark_whole
from graph.link.tallies import Tallies, changing, tallies_of
from graph.store import TripleStore
from graph.vocab import CKG, RDF, SDO, SEM

__all__ = ["reconcile", "prepare_batch", "reconcile_batch", "BatchFacts", "reconcile_graphs", "rebuild_current",
           "mentioned", "disagreements"]

_ACTOR, _PLACE, _EVENT, _DOCUMENT = str(SEM.Actor), str(SEM.Place), str(SEM.Event), str(CKG.Document)
_TYPE = str(RDF.type)  # as the text rows hold it (a URIRef never equals a str)
_COUNTED = frozenset({_ACTOR, _PLACE})
_CHUNK = 300


def reconcile(store: TripleStore, subjects: Iterable[str], journaled: bool = False,
              known: dict[str, list[dict]] | None = None, batch: BatchReadings | None = None,
              changes: EventChanges | None = None) -> None:
    """Recompute the current facts of these actors, places, events and documents from every document graph.

    A subject no document mentions any more loses its current facts. One read and one update
    (delete the old facts, insert the new) per chunk of subjects. ``journaled``: a batch ingest's
    journal is open (a crash has the current graph rebuilt), so the new facts go in by the bulk
    loader after the delete, rather than as INSERT DATA text in the same transaction (half the time).
    ``known``: the complete readings of more subjects (their tallies plus a batch's), not read again; their
    newest documents (``graph.link.recent``) are those they kept plus ``batch``'s, the others' are read.
    The readings of actors and places are their tallies from now on (``graph.link.tallies``). The events'
    facts before and after go to ``changes`` (the caller applies them), else their actors' and places' event
    summaries are moved here (``graph.link.summaries``).
    """
    known = known or {}
    tallies = tallies_of(store)
    moved = EventChanges() if changes is None else changes
    ordered = sorted({str(s) for s in subjects} | set(known))
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start:start + _CHUNK]
        unread = [s for s in chunk if s not in known]
        owned = [geometry_of(s) for s in unread]
        read = store.select(queries.with_iris(queries.READINGS_OF, unread + owned)) if unread else []
        readings = _with_latest(store, read + [row for s in chunk if s in known for row in known[s]])
        entities = _entities(readings)
        added = entities & set(known) if batch is not None else set()
        lists = from_store(store, entities - added)
        if batch is not None:
            lists.update(from_batch(store, batch, added))
        moved.read_before(store, chunk)
        _replace_facts(store, chunk, readings, journaled, recent_lines(lists))
        moved.read_after(store, chunk)
        if tallies is not None:
            counted = _counted(readings)
            tallies.forget(set(chunk) - set(counted))
            tallies.put(counted)
    if changes is None:
        moved.apply(store, journaled)


def _replace_facts(store: TripleStore, chunk: list[str], readings: list[dict], journaled: bool, recent: str) -> None:
    """Replace the current facts of ``chunk`` with those of their readings and their events' evidence, and with
    ``recent`` (the newest documents of its actors and places)."""
    evidence = store.select(queries.with_iris(queries.EVIDENCE_FIGURES, chunk))
    facts = current_ntriples(readings) + merged_ntriples(evidence) + recent
    had_facts = bool(store.select(queries.with_iris(queries.ANY_CURRENT_FACTS, chunk)))
    if had_facts and not journaled:  # replace them in one update
        run_update(store, queries.replace_current(chunk, facts))
        return
    if had_facts:
        run_update(store, queries.delete_current(chunk))
    insert_current(store, facts, journaled)  # the engine's loader: no SPARQL parse


def _entities(rows: Iterable[dict]) -> set[str]:
    """The actors and places among the subjects of these readings."""
    return {row["s"] for row in rows if row["p"] == _TYPE and row.get("text", str(row.get("o"))) in _COUNTED}


def _counted(rows: Iterable[dict]) -> dict[str, list[dict]]:
    """The readings of the actors and places among ``rows`` (their geometry's with them), as tally rows, by subject."""
    by_subject: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        s = row["s"]
        by_subject[owner_of(s)].append(_tally_row(row))
    return {s: group for s, group in by_subject.items()
            if any(r["p"] == _TYPE and r["text"] in _COUNTED for r in group)}


def _tally_row(row: dict) -> dict:
    """A reading row with its value's text and N-Triples term worked out (a batch's rows have them already)."""
    if "term" in row:
        return row
    found = {"s": row["s"], "p": row["p"], "term": term(row["o"], row.get("dt", "")), "text": str(row["o"]),
             "n": int(row["n"])}
    if "latest" in row:
        found["latest"] = row["latest"]
    return found


class BatchFacts(NamedTuple):
    """What ``prepare_batch`` works out of a batch while it loads, for ``reconcile_batch`` once it has."""

    found: dict[str, set[str]]  # what the batch's graphs mention, by class IRI
    stored: set[str]  # the mentioned subjects that have current facts already
    lines: dict[str, list[str]]  # the current facts of the others, by subject, from the batch's own triples
    counted: dict[str, list[dict]]  # the batch's readings of the actors and places it mentions, as tally rows


def prepare_batch(store: TripleStore, batch: BatchReadings) -> BatchFacts:
    """Work out the current facts of what only this batch mentions (no current facts yet), from its own triples.

    Reads only the current graph, so it can run while the batch's document graphs load.
    """
    found = batch.mentioned()
    subjects = sorted(set().union(*found.values()))
    stored: set[str] = set()
    for start in range(0, len(subjects), _CHUNK):
        chunk = queries.with_iris(queries.WITH_CURRENT_FACTS, subjects[start:start + _CHUNK])
        stored.update(row["s"] for row in store.select(chunk))
    fresh: list[dict] = []
    counted: dict[str, list[dict]] = defaultdict(list)
    tallied = found[_ACTOR] | found[_PLACE] if tallies_of(store) is not None else set()
    documents = found[_DOCUMENT] - stored  # a third of the rows, whose facts are their own: no row is made
    for row in batch.readings(s for s in subjects if s not in documents):
        owner = owner_of(row["s"])
        if owner not in stored:
            fresh.append(row)
        if owner in tallied:
            counted[owner].append(row)
    return BatchFacts(found, stored, {**current_lines(fresh), **batch.own_lines(documents)}, counted)


def reconcile_batch(store: TripleStore, batch: BatchReadings, prepared: BatchFacts,
                    touched: set[str]) -> dict[str, set[str]]:
    """Reconcile everything a batch's graphs mention; return what they mention, by class IRI.

    The entities only this batch mentions (no current facts yet, not renamed by relinking nor
    mentioned by a replaced document) get the facts ``prepare_batch`` worked out, loaded at once;
    the actors and places with complete tallies get theirs plus the batch's readings; the others
    are read from the store (``reconcile``), as they have readings in other documents too.
    """
    found, stored = prepared.found, prepared.stored | touched
    fresh = set(prepared.lines) - stored
    journaled = getattr(store, "journal_open", False)  # the embedded store's bulk run
    tallies = tallies_of(store)
    changes = EventChanges()
    pending = ""  # the new entities' facts, loaded with the event summaries under a journal (one bulk load)
    if fresh:
        recent = recent_lines(from_batch(store, batch, (), fresh=fresh & (found[_ACTOR] | found[_PLACE])))
        merged = merged_ntriples(batch.evidence(fresh))
        pending = joined(prepared.lines[s] for s in fresh) + merged + recent
        events = fresh & found[_EVENT]  # their facts as written, not read back
        written, unread = facts_of_lines([*(line for s in events for line in prepared.lines[s]),
                                          *merged.splitlines()], events)
        changes.written(events - unread, written)
        if unread or not journaled:  # read back once loaded; without a journal, in their own transaction now
            insert_current(store, pending, journaled=True)  # the batch's journal, if any, covers it
            pending = ""
            changes.read_after(store, unread)
        if tallies is not None:
            tallies.put({s: rows for s, rows in prepared.counted.items() if s in fresh})
    tallied = _tallied(tallies, prepared.counted, prepared.stored - touched) if tallies is not None else {}
    # reads and writes only the facts of entities that had some (not the new ones): ``pending`` can wait
    reconcile(store, stored - set(tallied), journaled=journaled, known=tallied, batch=batch, changes=changes)
    changes.apply(store, journaled, pending)
    if touched:  # relinking may have renamed some of the batch's events in the store
        events = found[_EVENT]
        events -= touched
        events |= {row["s"] for row in store.select(queries.with_iris(queries.EVENT_GRAPHS, touched))
                   if row["g"] in batch.graphs}
    return found


def _tallied(tallies: Tallies, counted: dict[str, list[dict]], subjects: set[str]) -> dict[str, list[dict]]:
    """The readings of the actors and places of ``subjects`` that have complete tallies: those plus the batch's.

    Every other document that states their facts is counted in the tallies, so no report is read back.
    """
    known = tallies.rows(s for s in subjects if s in counted)
    return {s: _added(rows, counted[s]) for s, rows in known.items()}


def _added(stored: list[dict], batch: list[dict]) -> list[dict]:
    """Tally rows plus a batch's rows of the same subject: counts add, the latest date is known if both know it."""
    total = {(r["s"], r["p"], r["term"]): dict(r) for r in stored}
    for row in batch:
        mine = total.get((row["s"], row["p"], row["term"]))
        if mine is None:
            total[row["s"], row["p"], row["term"]] = dict(row)
            continue
        mine["n"] += row["n"]
        if "latest" in mine:
            mine["latest"] = max(mine["latest"] or "", row["latest"] or "") or None  # a batch's row knows it
    return list(total.values())


def _with_latest(store: TripleStore, rows: list[dict]) -> list[dict]:
    """Add the latest publication date to the rows of one-valued facts whose top values tie (rule 1).

    Only the pairs where a tied value's latest date is not known yet (a tally row may know it) are read.
    """
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        if row["p"] in ONE_VALUE:
            groups[(row["s"], row["p"])].append(row)
    tied = set()
    for pair, group in groups.items():
        most = max(int(r["n"]) for r in group)
        top = [r for r in group if int(r["n"]) == most]
        if len(top) > 1 and any("latest" not in r for r in top):
            tied.add(pair)
    if not tied:
        return rows
    pairs = " ".join(f"({ox.NamedNode(s)} {ox.NamedNode(p)})" for s, p in sorted(tied))
    latest = {(r["s"], r["p"], str(r["o"])): r.get("latest") for r in
              store.select(queries.LATEST_READINGS.replace("#PAIRS#", pairs))}
    return [{**row, "latest": latest.get((row["s"], row["p"], row["text"] if "text" in row else str(row["o"])))}
            if (row["s"], row["p"]) in tied else row for row in rows]


def mentioned(store: TripleStore, graph_iris: Iterable[str]) -> dict[str, set[str]]:
    """Return the actors, places, events and documents these document graphs mention, by class IRI."""
    graphs, found = sorted(set(graph_iris)), defaultdict(set)
    for start in range(0, len(graphs), _CHUNK):
        for row in store.select(queries.with_iris(queries.GRAPH_SUBJECTS, graphs[start:start + _CHUNK])):
            found[row["t"]].add(row["s"])
    return found


def reconcile_graphs(store: TripleStore, graph_iris: Iterable[str], also: Iterable[str] = ()) -> dict[str, set[str]]:
    """Reconcile everything these document graphs mention, and ``also`` these subjects; return what they mention."""
    found = mentioned(store, graph_iris)
    reconcile(store, set().union(*found.values()) | set(also))
    return found


def rebuild_current(store: TripleStore) -> None:
    """Rebuild the whole current graph and the tallies from every document graph (after raw writes, or new rules)."""
    with changing(store) as tallies:
        if tallies is not None:
            tallies.clear()
        run_update(store, queries.DROP_CURRENT)
        mark_whole(store)
        reconcile(store, {row["s"] for row in store.select(queries.ALL_SUBJECTS)})


_READING_FIELDS = {str(p): name for p, name in (
    (SDO.name, "name"), (CKG.kind, "kind"), (CKG.interCode, "inter"), (CKG.countryCode, "country"),
    (CKG.admin1, "admin1"), (CKG.geonamesId, "geonames_id"), (CKG.geoPrecision, "precision"), (CKG.eventType, "type"),
    (CKG.subEventType, "sub_type"), (CKG.cameoCode, "cameo"), (CKG.ploverType, "plover"), (SEM.hasPlace, "place"),
    (CKG.actor1, "actor1"), (CKG.actor2, "actor2"), (SEM.eventType, "concept"))}


def disagreements(store: TripleStore, iri: str) -> dict[str, list[dict[str, Any]]]:
    """Where reports disagree on a one-valued fact of an entity: ``{field: [{value, reports}]}``, most reports first.

    The entity's own value is the reconciled one (rule 1); this shows every reading (rule 5).
    """
    found: dict[str, list[dict[str, Any]]] = {}
    for r in store.read(queries.READINGS, {"entity": URIRef(iri)}):
        field = _READING_FIELDS.get(r["predicate"], r["predicate"])
        found.setdefault(field, []).append({"value": r["value"], "reports": r["reports"]})
    return found
