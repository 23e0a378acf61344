"""One page of a list newest first (ties by IRI, undated items last), read without sorting every match.

The reads are a ``graph.queries.NewestFirst``: how many matches each date has (dates are stored
inline, so no text is fetched), then the matches of the few dates the page spans, sorted by the
engine as ``ORDER BY DESC(?date) ?item`` would sort the whole list, then, when the page reaches past
the dated matches, the undated ones by IRI. The page is the same as one ``ORDER BY ... LIMIT OFFSET``
over every match, at a cost that grows with the number of dates, not of matches.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from graph import queries as q
from graph.store import TripleStore

__all__ = ["newest_first"]


def newest_first(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], limit: int,
                 offset: int) -> list[dict[str, Any]]:
    """Return the rows (``reads.rows``) of the items at ``offset`` .. ``offset + limit`` of the list, in order."""
    days = store.read(reads.dates, bindings)
    items = _dated(store, reads, bindings, days, limit, offset)
    dated = sum(day["n"] for day in days)
    if len(items) < limit and reads.total is not None and store.read(reads.total, bindings)[0]["n"] > dated:
        undated = q.page(reads.undated, limit - len(items), max(0, offset - dated))
        items += [row["item"] for row in store.read(undated, bindings)]
    if not items:
        return []
    found = {row["item"]: row for row in store.read(q.with_iris(reads.rows, items))}
    return [found[item] for item in items if item in found]


def _dated(store: TripleStore, reads: q.NewestFirst, bindings: dict[str, Any], days: list[dict[str, Any]], limit: int,
           offset: int) -> list[str]:
    """The dated items of the page: those of the dates it spans, cut to the page."""
    wanted, position, before = [], 0, 0
    for day in days:
        if position >= offset + limit:
            break
        if position + day["n"] <= offset:
            before = position + day["n"]
        else:
            wanted.append(day)
        position += day["n"]
    if not wanted:
        return []
    terms = " ".join(str(ox.Literal(day["day"], datatype=ox.NamedNode(day["datatype"]))) for day in wanted)
    rows = store.read(reads.of_dates.replace("#TERMS#", terms), bindings)
    return [row["item"] for row in rows][offset - before:offset - before + limit]

