"""When two reports are of one real-world event: the rules relinking (``graph.link.relink``) applies.

Two reports are of one event when they agree on ACLED type and sub-type and on the place, their
dates overlap (2018-07 contains 2018-07-31; a week contains its days), and their actor sets agree
(equal, or one names only some of the other's actors, never none). The actor pair has no
direction, as in ACLED: a report that names the pair the other way round is turned to match.
A report that fits two stored events equally well (a month-precision report of a place with two
clashes that month) is linked to neither: a false merge would hide an event.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

__all__ = [
    "EventLink",
    "choose_link",
    "candidates_from_rows",
    "Candidate",
    "date_interval",
    "dates_compatible",
    "actors_compatible",
    "swapped",
]

@dataclass(frozen=True)
class EventLink:
    """Where a report's event goes: the stored event's IRI, and whether to swap the report's actors to match."""

    iri: URIRef
    swap: bool = False


@dataclass
class Candidate:
    """A stored event as the reports in other documents describe it."""

    iri: str
    dates: set[tuple[str, str | None]] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    roles: tuple[str | None, str | None] = (None, None)


def date_interval(date: str, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day an ISO date at a precision can mean, or None if unreadable."""
    try:
        if len(date) == 4:
            year = int(date)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(date) == 7:
            first = dt.date.fromisoformat(f"{date}-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    if precision == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if precision == "month":
        return date_interval(date[:7], "month")
    if precision == "year":
        return date_interval(date[:4], "year")
    return day, day


def dates_compatible(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """True when two (date, precision) reports can mean the same day."""
    first, second = date_interval(*a), date_interval(*b)
    if first is None or second is None:
        return a[0] == b[0]
    return first[0] <= second[1] and second[0] <= first[1]


def actors_compatible(a: set[str], b: set[str]) -> bool:
    """True when two actor sets can name the same event: equal, or one a non-empty part of the other."""
    if a == b:
        return True
    return bool(a) and bool(b) and (a <= b or b <= a)


def choose_link(
    candidates: Iterable[Candidate], report: tuple[str, str | None], actor1: str | None, actor2: str | None,
    exclude: str | None = None,
) -> EventLink | None:
    """Return the one candidate event this report is of, or None (no fit, or two fit equally well).

    ``exclude`` leaves out an event IRI (the report's own, when the report is already stored).
    """
    ours = {a for a in (actor1, actor2) if a is not None}
    fitting = [
        c for c in candidates
        if c.iri != exclude and actors_compatible(ours, c.actors) and all(dates_compatible(report, d) for d in c.dates)
    ]
    ranked = sorted((c.actors != ours, report not in c.dates, c.iri) for c in fitting)
    if not ranked or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
        return None  # nothing fits, or two distinct events fit equally well: do not guess
    best = next(c for c in fitting if c.iri == ranked[0][2])
    return EventLink(URIRef(best.iri), swapped(actor1, actor2, best.roles))


def candidates_from_rows(rows: Iterable[dict]) -> list[Candidate]:
    """Fold rows (event, date, precision?, a1?, a2?) into one candidate per event IRI."""
    found: dict[str, Candidate] = defaultdict(lambda: Candidate(""))
    for row in rows:
        candidate = found[row["event"]]
        candidate.iri = row["event"]
        candidate.dates.add((str(row["date"]), row.get("precision")))
        for key in ("a1", "a2"):
            if key in row:
                candidate.actors.add(row[key])
        if candidate.roles == (None, None):
            candidate.roles = (row.get("a1"), row.get("a2"))
    return list(found.values())


def swapped(first: str | None, second: str | None, roles: tuple[str | None, str | None]) -> bool:
    """True when this report names the candidate's actor pair the other way round."""
    same = (first is not None and first == roles[0]) + (second is not None and second == roles[1])
    crossed = (first is not None and first == roles[1]) + (second is not None and second == roles[0])
    return crossed > same
