"""Linking a batch: the stored events that can match its reports are read by date window (graph.link.batch)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.distributed import build_result
from graph.link.batch import BatchLinker, _windows
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from tests.conftest import write

BASE = "https://conflictkg.org/id/"
KEY = ("Battles", "Armed clash", f"{BASE}place/ridgeway")


@pytest.mark.parametrize("date, precision, prefixes", [
    ("2018-07-31", "day", {"2018"}),
    ("2018-07", "month", {"2018"}),
    ("2019-01-03", "day", {"2018", "2019"}),  # a week dated Monday 2018-12-31 reaches it
    ("2018-12-27", "week", {"2018", "2019"}),  # its week and the weeks that reach it run into 2019
    ("2018", "year", {"2017", "2018", "2019"}),
    ("around the holidays", None, {"around the holidays"}),  # no interval: only the same text matches
])
def test_a_report_reads_the_years_its_interval_reaches_a_week_beyond(date, precision, prefixes):
    assert _windows(*KEY, date, precision) == {(*KEY, prefix) for prefix in prefixes}


def _clash(n: int, date: str, precision: str, published: str) -> Extraction:
    """Report ``n``: the Ridge Brigade and the army clash at Ridgeway on ``date``."""
    brigade = Actor(id="actor/ridge-brigade", name="Ridge Brigade", kind="armed_group")
    army = Actor(id="actor/military-forces-of-kenya", name="Military Forces of Kenya", kind="state_forces")
    town = Location(id="place/ridgeway", name="Ridgeway", kind="town", country="KE", lat=0.5, lon=35.3)
    event = Event(id=f"event/{n}", event_type="Battles", sub_event_type="Armed clash", actor1="Ridge Brigade",
                  actor2="Military Forces of Kenya", location="Ridgeway", date=date, date_precision=precision,
                  evidence=f"The brigade and soldiers fought at Ridgeway, report {n} said.", start=0, end=40)
    document = Article(id=f"clash-{n}", text="...", published=dt.date.fromisoformat(published), title=f"Clash {n}")
    return Extraction(document=document, actors=(brigade, army), locations=(town,), events=(event,))


def _events(store: Store) -> set[str]:
    return {row["e"] for row in store.read("SELECT ?e WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }")}


def test_a_report_early_in_january_links_to_last_years_week_and_reads_no_older_year(tmp_path):
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_clash(0, "2016-05-02", "day", "2016-05-03"), _clash(1, "2018-12-31", "week", "2019-01-07")],
              BASE, atomic=False)
        assert len(_events(store)) == 2
        report = write(store, [_clash(2, "2019-01-03", "day", "2019-01-04")], BASE)
        assert report.events == 1 and len(_events(store)) == 2  # the week's event, reported again
        linker = BatchLinker(store, BASE)
        result = build_result(_clash(3, "2019-01-03", "day", "2019-01-05"), BASE, validate=False)
        linker.add(result.graph_iri, result.reports, result.ntriples, result.triples)
        linker.before_write([result.graph_iri])
        dates = sorted(str(row["date"]) for row in linker.rows())
        assert dates == ["2018-12-31", "2019-01-03", "2019-01-03"]  # the event's two mentions and ours: not 2016's
    finally:
        store.close()
