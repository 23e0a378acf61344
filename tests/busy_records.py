"""Hand-built reports of one long war: an army in more events than an actor's summary keeps (``SHOWN``), two groups
and two towns in fewer, an actor and a town named by a report but in no event, days, months, years and no date."""

from __future__ import annotations

import datetime as dt

from graph.link.summaries import SHOWN
from graph.records import Actor, Article, Event, Extraction, Location

BASE = "https://conflictkg.org/id/"
REPORTS = SHOWN + 30
ARMY, MILITIA, FRONT, IDLE = (BASE + f"actor/{name}" for name in (
    "northern-army", "copper-hill-militia", "west-lake-front", "quiet-valley-guard"))
TOWNS = (BASE + "place/ashford", BASE + "place/millbrook")
EMPTY_TOWN = BASE + "place/oakridge"
_NAMES = {ARMY: "Northern Army", MILITIA: "Copper Hill Militia", FRONT: "West Lake Front", IDLE: "Quiet Valley Guard"}


def _date(n: int) -> tuple[str | None, str | None]:
    """Report ``n``'s event date and precision: days (each twice: two towns a day), some months and years, a few
    undated."""
    day = (dt.date(2019, 1, 1) + dt.timedelta(days=n // 2 * 3)).isoformat()
    precision = None if n % 17 == 0 else "month" if n % 7 == 0 else "year" if n % 11 == 0 else "day"
    cut = {None: 0, "year": 4, "month": 7, "day": 10}[precision]
    return day[:cut] or None, precision


def report(n: int) -> Extraction:
    """Report ``n``: the army against the militia (two reports in three) or the front, at one of two towns."""
    actors = tuple(Actor(id=iri[len(BASE):], name=name, kind="armed_group") for iri, name in _NAMES.items())
    towns = [Location(id=iri[len(BASE):], name=iri.rsplit("/", 1)[1].title(), kind="city", country="SY",
                      lat=33.1 + k, lon=36.2) for k, iri in enumerate((*TOWNS, EMPTY_TOWN))]
    other = _NAMES[MILITIA] if n % 3 else _NAMES[FRONT]
    date, precision = _date(n)
    event = Event(id=f"event/{n}", event_type="Battles", sub_event_type="Armed clash", actor1=_NAMES[ARMY],
                  actor2=other, location=towns[n % 2].name, date=date, date_precision=precision,
                  evidence=f"Report {n} of the fighting.", start=0, end=20)
    document = Article(id=f"war-report-{n:03d}", text="...", published=dt.date(2020, 1, 1) + dt.timedelta(days=n),
                       title=f"War report {n}")
    return Extraction(document=document, actors=actors, locations=tuple(towns), events=(event,))


def extractions() -> list[Extraction]:
    """Every report."""
    return [report(n) for n in range(REPORTS)]
