"""One page of a list newest first (ties by IRI, undated items last), read without sorting every match.

The reads are a ``graph.queries.NewestFirst``: how many matches each date has (dates are stored
inline, so no text is fetched; a date window, ``from`` and ``to``, is checked here on those dates as
the events' date filters compare them, so every window of a list shares that read), then the matches
of the few dates the page spans, sorted as ``ORDER BY DESC(?date) ?item`` would sort the whole list
(the dates in the engine's order, ties by IRI in Python: IRIs compare by code point in both), then,
when the page reaches past the dated matches, the undated ones by IRI. The page is the same as one
``ORDER BY ... LIMIT OFFSET`` over every match, at a cost that grows with the number of dates, not of matches.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from graph import queries as q
from graph.link.summaries import summary_of
from graph.store import TripleStore
from graph.store.sparql import bound_rows

__all__ = [
    "newest_first", "newest_count", "newest_span", "Span", "newest_items", "newest_of_superset", "of_window_dates",
    "read_among",
    "among_reads",
    "in_window", "rows_of", "EntityEvents", "entity_events", "kept_first", "newest_of_entities",
]

WINDOW = ("from", "to")  # bindings of a list's date window: checked on the dates read (in_window)

IRIS_PER_READ = 1000  # a read worker given the roles of the network's 5,000 events at once failed (100,000 documents)

# One date of a VALUES block costs the engine about as much as reading 16 matches (measured at 10,000 documents).
_VALUES_PER_MATCH = 16

# The most matches of a page's dates, per item of the page, whose rows are read with them (``_dated``): past it the
# rows of the few items wanted are read alone.
ROWS_WITH_DATES = 2

# The most kept events a page of entities' events is read among: a search of 500 actors and 500 places could
# otherwise send ~100,000 event IRIs (MBs of query text, each also a key of the read cache); past it, one
# VALUES of the entities reads their events, as before the summaries.
MOST_AMONG = 5 * IRIS_PER_READ


Counts = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


def newest_first(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], limit: int,
                 offset: int, counts: Counts | None = None) -> list[dict[str, Any]]:
    """Return the rows (``reads.rows``) of the items at ``offset`` .. ``offset + limit`` of the list, in order.

    ``counts`` reads the counts (per date, and in all), the part that grows with the list; the same for
    every page of a list until the next write, so the service keeps them (default: ``store.read``).
    The rows of the page's dated items come with them when its dates hold few more matches than it
    (``_dated``); the others' are read after.
    """
    page = _page(store, reads, bindings, slice(offset, offset + limit), counts, with_rows=True)
    unread = [item for item, row in page if row is None]
    found = {row["item"]: row for row in read_among(store, reads.rows, unread)} if unread else {}
    return [row if row is not None else found[item] for item, row in page if row is not None or item in found]


def newest_items(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], limit: int,
                 offset: int, counts: Counts | None = None) -> list[str]:
    """Return the items (IRIs) at ``offset`` .. ``offset + limit`` of the list, in order, without their rows."""
    return [item for item, _ in _page(store, reads, bindings, slice(offset, offset + limit), counts, with_rows=False)]


def _page(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], page: slice, counts: Counts | None,
          with_rows: bool) -> list[tuple[str, dict[str, Any] | None]]:
    """The items of the list's ``page`` (offset to end), in order, each with its row when ``with_rows`` and it came
    with its date's matches (``_dated``), else None."""
    counts = counts or store.read
    every = counts(reads.dates, _without_window(bindings))
    offset, limit = page.start, page.stop - page.start
    dated = sum(day["n"] for day in _in_window(every, bindings))
    if reads.undated_first:  # the undated ones, then the dated from where they end
        undated = _undated(counts, reads, bindings) if reads.total is not None else []  # a window drops them
        first = [(item, None) for item in undated[offset:offset + limit]]
        start = max(0, offset - len(undated))
        wanted = slice(start, start + limit - len(first))
        return first + (_dated(store, reads, bindings, every, wanted, with_rows) if wanted.stop > start else [])
    items = _dated(store, reads, bindings, every, page, with_rows)
    if len(items) < limit and reads.total is not None and counts(reads.total, bindings)[0]["n"] > dated:
        start = max(0, offset - dated)
        items += [(item, None) for item in _undated(counts, reads, bindings)[start:start + limit - len(items)]]
    return items


def _undated(counts: Counts, reads: q.NewestFirst, bindings: dict[str, Any]) -> list[str]:
    """Every undated match of the list, by IRI (code points, as the engine's ``ORDER BY ?item``)."""
    return sorted(row["item"] for row in counts(reads.undated, bindings))


def newest_count(reads: q.NewestFirst, bindings: dict[str, Any], counts: Counts) -> int:
    """How many items the list has: ``reads.total`` when it keeps undated ones, else the sum of the window's
    per-date counts (the read its pages share)."""
    if reads.total is not None:
        found = counts(reads.total, bindings)
        return int(found[0]["n"]) if found else 0
    return sum(int(day["n"]) for day in _days(counts, reads, bindings))


@dataclass(frozen=True)
class Span:
    """How many items a list has, and the first and last of their dates (as text; None when none is dated)."""

    count: int
    first: str | None
    last: str | None


def newest_span(reads: q.NewestFirst, bindings: dict[str, Any], counts: Counts) -> Span:
    """The ``Span`` of a list, from the reads its pages share (``newest_count``): an actor's or a place's record and
    page read their event count and dates so, and the read workers keep them (a query of its own scanned every
    event of the entity again: at 100,000 documents, a tenth of a busy actor's page)."""
    days = [day["day"] for day in _days(counts, reads, bindings)]
    return Span(newest_count(reads, bindings, counts), min(days, default=None), max(days, default=None))


@dataclass(frozen=True)
class EntityEvents:
    """An actor's or place's event count and dates, its newest events (IRIs), and the summary they came from."""

    span: Span
    newest: list[str]
    kept: dict[str, Any] | None  # the summary the writer keeps (graph.link.summaries); None: read from its events


def entity_events(store: TripleStore, role: str, entity: str, limit: int, offset: int = 0) -> EntityEvents:
    """The ``EntityEvents`` of the actor or place ``entity`` (``role``: the event list's filter, "actor" or "place"),
    its ``limit`` newest events from ``offset`` on: the one read of the summary its writer keeps, else (none kept, or
    a page past the newest it keeps: an entity page's older events) its event list's. A record and the entity's page
    read them so."""
    kept = summary_of(store, entity)
    first = kept_first(kept, offset + limit)
    reads, bound = q.event_list([role]), {role: URIRef(entity)}
    span = Span(kept["count"], kept["first"], kept["last"]) if kept is not None else newest_span(reads, bound,
                                                                                                  store.read)
    newest = first[offset:] if first is not None else newest_items(store, reads, bound, limit, offset)
    return EntityEvents(span, newest, kept)


def kept_first(kept: dict[str, Any] | None, wanted: int) -> list[str] | None:
    """The first ``wanted`` events (IRIs) of an actor's or place's event list, newest first, from the summary its
    writer keeps (``graph.link.summaries``: the first ``SHOWN`` of them, in this module's order); None when it keeps
    none or fewer than ``wanted`` of more."""
    if kept is None:
        return None
    newest = kept["newest"]
    return newest[:wanted] if wanted <= len(newest) or len(newest) >= kept["count"] else None


def newest_of_entities(store: TripleStore, named: list[str], limit: int, offset: int) -> list[dict[str, Any]]:
    """The rows of the events at ``offset`` .. ``offset + limit`` of every event of these actors and places, newest
    first: the page of ``queries.search_events(named)``, read among the first ``offset + limit`` events of each.

    Those are in its summary (``kept_first``) when it keeps them; the others' are read from their events (an entity
    with none keeps no summary). Counting every event of a search's entities per date cost 80-300 ms at 100,000
    documents (a search for 'civil': the dates of 7,000 events); a page of the few hundred named so, a few ms.
    Past ``MOST_AMONG`` events to read among, the page is read from every event of the entities, as before.
    """
    wanted = offset + limit
    summaries = {row["entity"]: json.loads(row["summary"]) for row in read_among(store, q.SUMMARIES, named)}
    among: list[str] = []
    unkept = []
    for entity in named:
        first = kept_first(summaries.get(entity), wanted)
        if first is None:
            unkept.append(entity)
        else:
            among += first
    if len(among) + len(unkept) * wanted > MOST_AMONG:
        return newest_first(store, q.search_events(named), {}, limit, offset)
    if unkept:
        among += newest_items(store, q.search_events(unkept), {}, wanted, 0)
    if not among:
        return []
    return newest_first(store, q.events_among(dict.fromkeys(among)), {}, limit, offset)


def rows_of(store: TripleStore, reads: q.NewestFirst, items: list[str]) -> list[dict[str, Any]]:
    """The rows (``reads.rows``) of these items, in their order."""
    return _rows(store, reads, items)


def newest_of_superset(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], limit: int
                       ) -> list[dict[str, Any]]:
    """Return the rows of the first ``limit`` items of a list whose ``reads.dates`` count a superset of its matches.

    For a filter the engine can only check match by match (the network view's 150 actors: joined
    first, they made it read every event of theirs before any date), the dates are counted without
    it, and the matches of the newest dates are read a few dates at a time, the filter checked on
    each: as many dates as the page needs at the share of matches seen so far, until it is full.
    Same rows as ``newest_first`` at offset 0.
    """
    days = _days(store.read, reads, bindings)
    rank = {(day["day"], day["datatype"]): n for n, day in enumerate(days)}
    found: list[tuple[int, str]] = []
    start, wanted, seen = 0, limit, 0
    while start < len(days) and len(found) < limit:
        end, covered = start, 0
        while end < len(days) and covered < wanted:
            covered, end = covered + days[end]["n"], end + 1
        rows = _of_dates(store, reads, bindings, days[start:end], reads.of_dates)
        found += [(rank[(row["day"], row["datatype"])], row["item"]) for row in rows
                  if (row["day"], row["datatype"]) in rank]
        start, seen = end, seen + covered
        # the rest of the page at the share seen (a quarter more), at least twice as many dates when none matched
        wanted = int((limit - len(found)) * seen / len(found) * 1.25) + 1 if found else wanted * 2
    items = [item for _, item in sorted(found)][:limit]  # whole dates were read: the newest matches are all in
    if len(items) < limit and reads.total is not None:
        items += _undated(store.read, reads, bindings)[:limit - len(items)]
    return _rows(store, reads, items)


def of_window_dates(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], query: str
                    ) -> list[dict[str, Any]]:
    """The rows of ``query`` (``#DAYS#`` where it binds the list's dates, as ``reads.of_dates`` does) over the dates
    of the list's matches in the bindings' window (``from``, ``to``): a read over a window starts from its dates,
    which the list's dates read gives, instead of checking the window on each match's date; none when the window
    has no date."""
    days = _days(store.read, reads, bindings)
    return _of_dates(store, reads, bindings, days, query) if days else []


def _days(read: Counts, reads: q.NewestFirst, bindings: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of ``reads.dates`` (read without the window's bindings) whose dates are in the window."""
    return _in_window(read(reads.dates, _without_window(bindings)), bindings)


def _without_window(bindings: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in bindings.items() if name not in WINDOW}


def _in_window(days: list[dict[str, Any]], bindings: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of ``reads.dates`` whose dates are in the bindings' window (``from``, ``to``)."""
    start, end = bindings.get("from"), bindings.get("to")
    if start is None and end is None:
        return days
    return [day for day in days if in_window(day["day"], start, end)]


def in_window(day: str, start: str | None, end: str | None) -> bool:
    """Whether the date ``day`` (ISO text: year, month or day) overlaps ``start`` .. ``end``, as the events'
    ``from`` and ``to`` filters compare them (``graph.queries``): each text cut to the shorter of the two."""
    return (start is None or day[:len(start)] >= start[:len(day)]) and (end is None or day[:len(end)] <= end[:len(day)])


def _of_dates(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], days: list[dict[str, Any]],
              query: str) -> list[dict[str, Any]]:
    """The matches of these dates (rows of ``reads.dates``; none: of every date), each with its date: the rows of
    ``query``, ``reads.of_dates`` or ``reads.dated_rows``.

    Unless the list names one entity (``reads.dates_first``), the dates and the list's filters are
    one VALUES block, a row per date: as two, the engine joined the filters' block first
    (``type=Battles``: every battle read for 3 dates, 150 ms at 100,000 documents, 4 ms so).
    """
    if not days or not reads.dates_first:
        return store.read(query.replace("#DAYS#", _values(reads.key, days) if days else ""), bindings)
    names = " ".join(f"?{ox.Variable(name).value}" for name in [*bindings, reads.key])
    rows = " ".join(f"({bound} {_date(day)})" for bound in bound_rows(bindings) for day in days)
    return store.read(query.replace("#DAYS#", f"VALUES ({names}) {{ {rows} }}"))


def _values(key: str, days: list[dict[str, Any]]) -> str:
    """A VALUES block of these dates alone (``key``: their variable)."""
    return f"VALUES ?{key} {{ {' '.join(str(_date(day)) for day in days)} }}"


def _date(day: dict[str, Any]) -> ox.Literal:
    """The engine's term of a date (a row of ``reads.dates``)."""
    return ox.Literal(day["day"], datatype=ox.NamedNode(day["datatype"]))


def _rows(store: TripleStore, reads: q.NewestFirst, items: list[str]) -> list[dict[str, Any]]:
    """The rows (``reads.rows``) of these items, in their order."""
    found = {row["item"]: row for row in read_among(store, reads.rows, items)}
    return [found[item] for item in items if item in found]


def _dated(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], every: list[dict[str, Any]],
           page: slice, with_rows: bool) -> list[tuple[str, dict[str, Any] | None]]:
    """The dated items of the page (``page``: offset to end): those of the dates it spans, cut to the page, each with
    its row (``reads.rows``) or None.

    ``every`` is the rows of ``reads.dates``, window or not: how many matches each date has (the bindings' window
    keeps some); reading every match costs as many as they have in all.
    ``with_rows``: when the dates the page spans hold at most ``ROWS_WITH_DATES`` times its matches, their matches
    are read with their rows (``reads.dated_rows``), so the page's rows need no read of their own: one wait for a
    read worker instead of two (a page of 50 events spans 2-3 dates of a few dozen events each).
    """
    offset, limit = page.start, page.stop - page.start
    wanted, position, before = [], 0, 0
    for day in _in_window(every, bindings):
        if position >= offset + limit:
            break
        if position + day["n"] <= offset:
            before = position + day["n"]
        else:
            wanted.append(day)
        position += day["n"]
    if not wanted:
        return []
    # a page spanning many dates reads every match of every date: the engine joins a long VALUES slowly (but a
    # window's page of 180 dates read that way read all 38,766 located events at 100,000 documents, 4.5 s)
    read_days = wanted if len(wanted) * _VALUES_PER_MATCH < sum(day["n"] for day in every) else []
    with_rows = with_rows and bool(read_days) and sum(day["n"] for day in wanted) <= ROWS_WITH_DATES * limit
    rank = {(day["day"], day["datatype"]): n for n, day in enumerate(wanted)}  # the engine's order of the dates
    rows = [row for row in _of_dates(store, reads, bindings, read_days, reads.dated_rows if with_rows
                                     else reads.of_dates) if (row["day"], row["datatype"]) in rank]
    if with_rows:  # one match a date, as of_dates' DISTINCT gives them; its last row, as rows_of keeps
        rows = list({(row["item"], row["day"], row["datatype"]): row for row in rows}.values())
    # ties by IRI, sorted here: the engine would fetch each IRI's text at every comparison
    rows.sort(key=lambda row: (rank[(row["day"], row["datatype"])], row["item"]))
    return [(row["item"], _fields(row) if with_rows else None) for row in rows][offset - before:offset - before + limit]


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    """A ``reads.dated_rows`` row as ``reads.rows`` gives it: without the date's text and datatype."""
    return {name: value for name, value in row.items() if name not in ("day", "datatype")}


def read_among(store: TripleStore, query: str, iris: Sequence[str]) -> list[dict[str, Any]]:
    """The rows of ``query`` (a ``#IRIS#`` query whose rows each belong to one of the IRIs) for these IRIs,
    ``IRIS_PER_READ`` at a time."""
    return [row for read in among_reads(query, iris) for row in store.read(read)]


def among_reads(query: str, iris: Sequence[str]) -> list[str]:
    """The reads ``read_among`` makes of ``query`` for these IRIs (a caller may send them ahead with others)."""
    return [q.with_iris(query, iris[start:start + IRIS_PER_READ]) for start in range(0, len(iris), IRIS_PER_READ)]
