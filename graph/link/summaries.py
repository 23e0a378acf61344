"""What an actor's or place's record shows of its events, kept by the writer: one small read per record.

A record (and the entity's page) shows the entity's event count, first and last date, its events per
role, the actors it acts with (a place: the actors acting there) and the places it acts at, most
events first, and its newest events. Read from the events, each of those touches every event of the
entity: 40-50 ms of server CPU for a busy actor at 100,000 documents (events per date 11 ms,
co-actors 10, places 9, newest events 3). Kept, it is one literal (``graph.queries.SUMMARY``).

Every change of an event's current facts goes through ``graph.link.current`` (a batch's new events,
``reconcile``, the rebuild), which reads the facts its actors and places count (``EVENT_FACTS``)
before and after writing them (``EventChanges``); ``EventChanges.apply`` then moves each entity's
counts by what each changed event stopped and started to give it, and writes two literals:

- ``ckg:eventTally``: the counts (events, per role, per date, per co-actor or actor, per place: the last three
  cut short, ``graph.link.capped``) and the ``KEEP`` newest events: what the next change starts from. An
  entity left with no event loses it; one whose bounded counts can no longer tell what it shows is counted
  whole again from its events.
- ``ckg:eventSummary``: what the record reads: the count, first and last date, roles, the ``SHOWN``
  top co-actors (or actors) and places, the ``SHOWN`` newest events.

The newest events are in the order ``graph.newest`` lists an entity's events: the engine's order of
dates, newest first (``_ordered``), ties by IRI, undated last by IRI. When events leave them and fewer
than ``SHOWN`` are left of more, they are read again from the store (``graph.newest.newest_items``).
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from rdflib import URIRef

from graph import queries
from graph.link import capped
from graph.link.merged import insert_current, run_update
from graph.link.queries import DROP_SUMMARIES
from graph.ntriples import iri, literal
from graph.store import TripleStore
from graph.vocab import CKG, SEM, XSD

__all__ = ["EventChanges", "summary_of", "mark_whole", "drop_all", "KEEP", "SHOWN"]

# co-actors and places a record lists (api.entities.RECORD_LIMIT), and newest events: a record's (RECORD_NEWEST) and
# an entity page's first pages of events (graph.queries.TIMELINE_LIMIT each) are among them
SHOWN = 100
KEEP = 2 * SHOWN  # newest events kept: an event that leaves them seldom leaves fewer than SHOWN of more
_CHUNK = 300
_HAS_ACTOR, _HAS_PLACE, _STAMP = str(SEM.hasActor), str(SEM.hasPlace), str(SEM.hasTimeStamp)
_COUNTED = frozenset({_HAS_ACTOR, _HAS_PLACE, _STAMP, *(str(role) for role in (
    CKG.actor1, CKG.actor2, CKG.associateActor1, CKG.associateActor2))})  # the predicates of EVENT_FACTS
_STRING = str(XSD.string)
_EVENTS = ("n", "")  # the (field, key) of the event count
_SUMMARY, _TALLY = iri(str(CKG.eventSummary)), iri(str(CKG.eventTally))
log = logging.getLogger(__name__)
Date = tuple[str, str]  # (text, datatype IRI)


class Facts(NamedTuple):
    """The current facts of one event that its actors' and places' summaries count."""

    date: Date | None
    places: frozenset[str]
    actors: frozenset[str]  # sem:hasActor: every actor of the event, as its actors' event lists find them
    roles: frozenset[tuple[str, str]]  # (role's local name, actor)


def read_facts(store: TripleStore, events: Iterable[str]) -> dict[str, Facts]:
    """The current facts of these events (those that have some), by event IRI."""
    found: dict[str, dict[str, Any]] = {}
    ordered = sorted(set(events))
    for start in range(0, len(ordered), _CHUNK):
        for row in store.select(queries.with_iris(queries.EVENT_FACTS, ordered[start:start + _CHUNK])):
            facts = found.setdefault(row["event"], {"date": None, "places": set(), "actors": set(), "roles": set()})
            _add(facts, row["p"], str(row["o"]), row.get("datatype"))
    return _folded(found)


def facts_of_lines(lines: Iterable[str], events: set[str]) -> tuple[dict[str, Facts], set[str]]:
    """The facts of these events in N-Triples lines the writer made (one space between terms), without a read;
    and the events whose date has an escape in it (rare: read them from the store instead)."""
    found: dict[str, dict[str, Any]] = {}
    unread: set[str] = set()
    for line in lines:
        parts = line.split(" ", 2)
        if len(parts) < 3:
            continue
        subject, predicate, rest = parts[0], parts[1][1:-1], parts[2]
        if predicate not in _COUNTED or subject[1:-1] not in events:
            continue
        event, value = subject[1:-1], rest[:-2]
        facts = found.setdefault(event, {"date": None, "places": set(), "actors": set(), "roles": set()})
        if predicate != _STAMP:
            _add(facts, predicate, value[1:-1], None)
        elif "\\" in value:
            unread.add(event)
        else:
            text, _, datatype = value[1:].rpartition('"')
            _add(facts, predicate, text, datatype[3:-1] if datatype else _STRING)
    return _folded(found), unread


def _add(facts: dict[str, Any], predicate: str, value: str, datatype: str | None) -> None:
    """Add one (predicate, value) of an event to the facts being read."""
    if predicate == _STAMP:  # two dates (never written so): the smallest, so the choice is always the same
        date = (value, str(datatype))
        facts["date"] = min(date, facts["date"] or date)
    elif predicate == _HAS_PLACE:
        facts["places"].add(value)
    elif predicate == _HAS_ACTOR:
        facts["actors"].add(value)
    else:
        facts["roles"].add((predicate.rsplit("#", 1)[-1], value))


def _folded(found: dict[str, dict[str, Any]]) -> dict[str, Facts]:
    return {event: Facts(f["date"], frozenset(f["places"]), frozenset(f["actors"]), frozenset(f["roles"]))
            for event, f in found.items()}


def _give(facts: Facts | None, sign: int, counts: dict[str, Counter[tuple[str, str]]]) -> None:
    """Add ``sign`` (1 or -1) times what an event with these facts counts for each of its actors and places
    ((field, key) -> 1) to ``counts``: in place, as a batch moves thousands of events."""
    if facts is None:
        return
    date = ("dates", "\t".join(facts.date)) if facts.date else None
    for actor in facts.actors:
        mine = counts[actor]
        mine[_EVENTS] += sign
        if date:
            mine[date] += sign
        for other in facts.actors:
            if other != actor:
                mine["with", other] += sign
        for place in facts.places:
            mine["places", place] += sign
    for role, actor in facts.roles:
        counts[actor]["roles", role] += sign
    for place in facts.places:
        mine = counts[place]
        mine[_EVENTS] += sign
        if date:
            mine[date] += sign
        for actor in facts.actors:
            mine["with", actor] += sign


def _kinds(facts: Facts | None) -> dict[str, str]:
    """The actors and places of an event with these facts, with the filter of their event lists."""
    if facts is None:
        return {}
    return {**{actor: "actor" for _, actor in facts.roles}, **dict.fromkeys(facts.actors, "actor"),
            **dict.fromkeys(facts.places, "place")}


def _listed(facts: Facts | None) -> set[str]:
    """The actors and places whose event lists hold an event with these facts."""
    return set() if facts is None else set(facts.actors | facts.places)


class EventChanges:
    """The facts of the events a write reconciles, before and after, and what they change for actors and places."""

    def __init__(self) -> None:
        """No event read yet."""
        self.before: dict[str, Facts | None] = {}
        self.after: dict[str, Facts | None] = {}

    def read_before(self, store: TripleStore, subjects: Iterable[str]) -> None:
        """Read the facts of these subjects' events before they are written (the first reading of each is kept)."""
        subjects = [s for s in subjects if s not in self.before]
        found = read_facts(store, subjects)
        self.before.update({s: found.get(s) for s in subjects})

    def read_after(self, store: TripleStore, subjects: Iterable[str]) -> None:
        """Read the facts of these subjects' events once they are written."""
        subjects = list(subjects)
        self.written(subjects, read_facts(store, subjects))

    def written(self, subjects: Iterable[str], found: dict[str, Facts]) -> None:
        """Note the facts of these subjects' events once they are written (``found``: those that have some)."""
        subjects = list(subjects)
        self.after.update({s: found.get(s) for s in subjects})
        self.before.update({s: None for s in subjects if s not in self.before})  # had none: written fresh

    def apply(self, store: TripleStore, journaled: bool = False, pending: str = "") -> None:
        """Move the tallies of the actors and places whose events changed, and write them and their summaries.

        In a current graph begun with tallies (``mark_whole``), an entity without one had no event; in one
        written before they were kept (or whose tallies a raw write dropped, ``drop_all``), it is counted whole
        from its events in the store. So a tally is either exact or absent.

        A read-modify-write over several store calls: the caller must be the store's one writer (the ingest
        thread, or a holder of ``api.sparql.write_lock``), or two writers move a tally from the same reading.

        ``pending`` (``journaled`` only): current facts of entities that had none, not loaded yet (a batch's
        new entities, whose events' facts are in ``after``). They go in with the tallies and summaries, in one
        bulk load (each costs its files and flush), or before, if an entity's events must be read from the store.
        """
        moves = _Moves()
        for event, old in self.before.items():
            new = self.after.get(event, old)
            if new != old:
                moves.add(event, old, new)
        changed = moves.entities()
        tallies = _read_tallies(store, changed)
        had = set(tallies)
        if store.select(queries.TALLIES_WHOLE):  # every entity with an event has a tally: the others had none
            tallies.update({e: _empty(moves.kinds[e]) for e in changed - set(tallies)})
        stale = set()  # those whose bounded counts no longer tell what their summary shows
        for entity in sorted(changed & set(tallies)):
            tally = tallies[entity]
            complete = len(tally["newest"]) == tally["n"]  # it keeps every event of the entity
            if not capped.count(tally, moves.counts[entity], SHOWN):
                stale.add(entity)
                continue
            kept = [e for e in tally["newest"] if e[2] not in moves.left[entity]]
            tally["newest"] = _merged(kept, moves.joined[entity], complete)
            if len(tally["newest"]) < min(SHOWN, tally["n"]):
                pending = _loaded(store, pending)
                tally["newest"] = _read_newest(store, entity, tally["kind"])
        recount = (changed - set(tallies)) | stale
        if recount:
            pending = _loaded(store, pending)
        recounted = _recount(store, recount)
        log.info("event tallies: %d moved, %d counted whole again (%d could no longer tell)", len(changed),
                 len(recounted), len(stale))
        _write(store, {e: recounted[e] if e in recounted else tallies[e] for e in sorted(changed)}, had, journaled,
               pending)


class _Moves:
    """What changed events stopped and started to give each actor and place."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self.left: dict[str, set[str]] = defaultdict(set)  # entity -> events that leave its list
        self.joined: dict[str, list[list[Any]]] = defaultdict(list)  # entity -> [day, datatype, event] joining it
        self.kinds: dict[str, str] = {}  # entity -> its event list's filter ("actor" or "place")

    def add(self, event: str, old: Facts | None, new: Facts | None) -> None:
        """Note that ``event``'s facts went from ``old`` to ``new`` (None: no facts)."""
        _give(old, -1, self.counts)
        _give(new, 1, self.counts)
        self.kinds.update({**_kinds(old), **_kinds(new)})
        was, now = _listed(old), _listed(new)
        old_date, new_date = old.date if old else None, new.date if new else None
        stays = was & now if old_date == new_date else set()  # in both lists at the same place
        for entity in was - stays:
            self.left[entity].add(event)
        for entity in now - stays:
            self.joined[entity].append([*(new_date or (None, None)), event])

    def entities(self) -> set[str]:
        """The actors and places whose counts or lists change."""
        return {e for e, c in self.counts.items() if any(c.values())} | set(self.left) | set(self.joined)


def _recount(store: TripleStore, entities: Iterable[str]) -> dict[str, dict[str, Any] | None]:
    """The tallies of these actors and places counted from all their events in the store (None: no event)."""
    ordered, events = sorted(entities), defaultdict(set)
    for start in range(0, len(ordered), _CHUNK):
        for row in store.select(queries.with_iris(queries.ENTITY_EVENTS, ordered[start:start + _CHUNK])):
            events[row["entity"]].add(row["event"])
    facts = read_facts(store, set().union(*events.values()))
    found: dict[str, dict[str, Any] | None] = dict.fromkeys(ordered)
    for entity, theirs in events.items():
        moves = _Moves()
        for event in theirs & facts.keys():
            moves.add(event, None, facts[event])
        tally = found[entity] = _empty(moves.kinds.get(entity, "actor"))
        capped.count(tally, moves.counts[entity], SHOWN)  # exact, then cut: it shows right
        tally["newest"] = _ordered(moves.joined[entity])[:KEEP]
    return found


def _empty(kind: str) -> dict[str, Any]:
    return {"kind": kind, "n": 0, "dates": {}, "roles": {}, "with": {}, "places": {}, "newest": []}


def _ordered(newest: list[list[Any]]) -> list[list[Any]]:
    """[day, datatype, event] entries newest first, ties by IRI, undated last by IRI (as ``graph.newest`` lists)."""
    by_iri = sorted(newest, key=lambda entry: entry[2])
    # the engine orders these dates (ISO texts, or texts it could not read as one) as their texts, then datatypes
    return sorted(by_iri, key=lambda entry: (entry[0] is not None, entry[0] or "", entry[1] or ""), reverse=True)


def _merged(kept: list[list[Any]], joined: list[list[Any]], complete: bool) -> list[list[Any]]:
    """The ``KEEP`` newest of the events kept (the newest of the entity's, or all of them if ``complete``) and
    those that join; an event that ranks after the last one kept may rank after events not kept: left out."""
    merged = _ordered(kept + joined)
    if not complete:
        merged = merged[:merged.index(kept[-1]) + 1] if kept else []
    return merged[:KEEP]


def _read_newest(store: TripleStore, entity: str, kind: str) -> list[list[Any]]:
    """The ``KEEP`` newest events of an actor or place, read from the store as its event list reads them."""
    from graph.newest import newest_items  # graph.newest reads; the writer only when its kept events run short

    items = newest_items(store, queries.event_list([kind]), {kind: URIRef(entity)}, KEEP, 0)
    dates = {event: facts.date for event, facts in read_facts(store, items).items()}
    return [[*(dates.get(event) or (None, None)), event] for event in items]


def _read_tallies(store: TripleStore, entities: Iterable[str]) -> dict[str, dict[str, Any]]:
    ordered, found = sorted(entities), {}
    for start in range(0, len(ordered), _CHUNK):
        for row in store.select(queries.with_iris(queries.TALLIES_OF, ordered[start:start + _CHUNK])):
            found[row["s"]] = json.loads(row["tally"])
    return found


def _summary(tally: dict[str, Any]) -> dict[str, Any]:
    """What a record reads of a tally."""
    days = [key.split("\t", 1)[0] for key in tally["dates"]]
    return {"count": tally["n"], "first": min(days, default=None), "last": max(days, default=None),
            "roles": tally["roles"], "with": _top(tally["with"]), "places": _top(tally["places"]),
            "newest": [entry[2] for entry in tally["newest"][:SHOWN]]}


def _top(counts: dict[str, int]) -> list[list[Any]]:
    """The ``SHOWN`` keys with the highest counts, ties by IRI, as [IRI, count]."""
    return [[key, n] for key, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:SHOWN]]


def _loaded(store: TripleStore, pending: str) -> str:
    """Load ``pending`` current facts (under a batch's journal) before a read that needs them; nothing is left."""
    insert_current(store, pending, journaled=True)
    return ""


def _write(store: TripleStore, tallies: dict[str, dict[str, Any] | None], had: set[str], journaled: bool,
           pending: str = "") -> None:
    """Replace the tallies and summaries of these entities (None, or no event left: none); ``had``: those that
    have them now (the others have nothing to delete). ``pending``: more current facts to load with them."""
    entities = list(tallies)
    if not journaled:  # one update per chunk: neither a reader nor a crash finds an entity without them
        assert not pending, "without a journal, reconcile_batch loads the new entities' facts itself"
        for start in range(0, len(entities), _CHUNK):
            chunk = entities[start:start + _CHUNK]
            lines = "".join(_lines(entity, tallies[entity]) for entity in chunk)
            run_update(store, queries.replace_summaries(sorted(had.intersection(chunk)), lines))
        return
    stale = sorted(had & set(entities))
    for start in range(0, len(stale), _CHUNK):  # the batch's journal covers the gap: a crash rebuilds them
        run_update(store, queries.delete_summaries(stale[start:start + _CHUNK]))
    # the engine's loader: tens of times faster than INSERT DATA
    insert_current(store, pending + "".join(_lines(entity, tally) for entity, tally in tallies.items()),
                   journaled=True)


def _lines(entity: str, tally: dict[str, Any] | None) -> str:
    """The N-Triples of an entity's tally and summary (none when it has no event)."""
    if tally is None or not (tally["n"] or tally["roles"]):
        return ""
    subject = iri(entity)
    return (f"{subject} {_TALLY} {literal(json.dumps(tally, separators=(',', ':'), sort_keys=True))} .\n"
            f"{subject} {_SUMMARY} {literal(json.dumps(_summary(tally), separators=(',', ':'), sort_keys=True))} .\n")


def mark_whole(store: TripleStore) -> None:
    """Mark the current graph as having every entity's tally if it is empty (a store's first write, a rebuild)."""
    run_update(store, queries.MARK_TALLIES_WHOLE)


def drop_all(store: TripleStore) -> None:
    """Drop every tally and summary and the whole-mark, in one update: after a raw write to the current graph,
    records read their events, and an entity a later write changes is counted whole, until the next rebuild."""
    run_update(store, DROP_SUMMARIES)


def summary_of(store: TripleStore, entity: str) -> dict[str, Any] | None:
    """The summary of an actor's or place's events the writer keeps (see the module), or None when it keeps none
    (no event, or a store written before summaries were kept: the record reads its events)."""
    rows = store.read(queries.SUMMARY, {"entity": URIRef(entity)})
    return json.loads(rows[0]["summary"]) if rows else None
