"""Linking a batch: the stored events that can match its reports are read by date window (graph.link.batch)."""

from __future__ import annotations

import datetime as dt

import pytest

from api.current import update_reconciled
from graph import queries
from graph.distributed import build_result
from graph.iris import document_graph_iri
from graph.link.batch import BatchLinker, _windows
from graph.link.tallies import tallies_of
from graph.records import Actor, Article, Event, Evidence, Extraction, Location
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


def _clash(n: int, date: str, precision: str, published: str, later: str | None = None) -> Extraction:
    """Report ``n``: the Ridge Brigade and the army clash at Ridgeway on ``date`` (and, ``later``, a second sentence
    dated then)."""
    brigade = Actor(id="actor/ridge-brigade", name="Ridge Brigade", kind="armed_group")
    army = Actor(id="actor/military-forces-of-kenya", name="Military Forces of Kenya", kind="state_forces")
    town = Location(id="place/ridgeway", name="Ridgeway", kind="town", country="KE", lat=0.5, lon=35.3)
    event = Event(id=f"event/{n}", event_type="Battles", sub_event_type="Armed clash", actor1="Ridge Brigade",
                  actor2="Military Forces of Kenya", location="Ridgeway", date=date, date_precision=precision,
                  evidence=f"The brigade and soldiers fought at Ridgeway, report {n} said.", start=0, end=40,
                  more_evidence=(Evidence("Fighting went on there.", 41, 64, date=later, date_precision="day"),)
                  if later else ())
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


def _window_reads(store: Store) -> list[str]:
    """Start noting the window queries the store is asked (``del store.select`` stops it); return the list."""
    asked: list[str] = []
    select = store.select
    heads = [query.split("VALUES")[0] for query in (queries.EVENTS_IN_WINDOWS, queries.EVENTS_OF_KEYS)]
    store.select = lambda text, *args: (  # type: ignore[method-assign]
        asked.append(text) if any(text.startswith(head) for head in heads) else None) or select(text, *args)
    return asked


def test_a_key_read_once_answers_its_windows_from_the_tallies(tmp_path):
    store = Store(str(tmp_path / "store"))
    try:
        asked = _window_reads(store)
        write(store, [_clash(0, "2016-05-02", "day", "2016-05-03"), _clash(1, "2018-12-31", "week", "2019-01-07")],
              BASE, atomic=False)
        assert len(asked) == 1 and asked[0].startswith(queries.EVENTS_OF_KEYS.split("VALUES")[0])  # the key, once
        asked.clear()
        later = [_clash(2, "2019-01-03", "day", "2019-01-04"), _clash(3, "2021-06-01", "day", "2021-06-02")]
        report = write(store, later, BASE)
        del store.select
        assert asked == []  # 2019 and 2021 (no event yet) too: the key's every year was read with the first batch
        assert report.events == 2 and len(_events(store)) == 3  # the week's event again, and a new one
    finally:
        store.close()


def test_kept_windows_link_as_reading_every_window_from_the_store(tmp_path):
    kept, read = Store(str(tmp_path / "kept")), Store(str(tmp_path / "read"))
    steps = [
        [_clash(0, "2018-07", "month", "2018-08-02")],
        [_clash(1, "2018-07-14", "day", "2018-07-15")],  # relinked into report 0's event, renamed
        [_clash(2, "", "day", "2018-12-20", later="2019-01-02")],  # undated but by its second sentence, of 2019
        [_clash(3, "2019-01-02", "day", "2019-01-03")],  # relinked into report 2's event, found by that sentence
        [_clash(1, "2018-07-16", "day", "2018-07-17")],  # report 1 replaced
        [_clash(4, "2018-07-16", "day", "2018-07-18")],
    ]
    try:
        for step in steps:
            tallies_of(read).forget_windows()
            for store in (kept, read):
                write(store, step, BASE)
            assert set(kept.dump().splitlines()) == set(read.dump().splitlines())
        assert len(_events(kept)) < len(steps)  # some reports were linked
    finally:
        kept.close()
        read.close()


def test_a_raw_update_drops_the_kept_windows(tmp_path):
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_clash(0, "2018-07-31", "day", "2018-08-01")], BASE)
        assert tallies_of(store).window_events([(*KEY, "2018")]) != {}
        update_reconciled(store, f"DROP GRAPH <{document_graph_iri(BASE, 'clash-0')}>")
        assert tallies_of(store).window_events([(*KEY, "2018")]) == {}
    finally:
        store.close()


RAW_WRITES = {
    "bulk_replace": lambda store, g, nt: store.bulk_replace([(g, nt)]),
    "replace_graphs": lambda store, g, nt: store.replace_graphs([(g, nt)]),
    "update_raw": lambda store, g, nt: store.update_raw(f"INSERT DATA {{ GRAPH <{g}> {{ {nt.decode()} }} }}"),
}


@pytest.mark.parametrize("method", sorted(RAW_WRITES))
def test_a_document_written_outside_the_write_path_drops_the_kept_windows(tmp_path, method):
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_clash(0, "2018-07-31", "day", "2018-08-01")], BASE)  # the key's windows are kept
        outside = build_result(_clash(1, "2018-09", "month", "2018-09-20"), BASE, validate=False)
        RAW_WRITES[method](store, outside.graph_iri, outside.ntriples)  # not through write_documents: no linking
        reported = "SELECT DISTINCT ?e WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"
        assert len(store.select(reported)) == 2
        write(store, [_clash(2, "2018-09-10", "day", "2018-09-12")], BASE)  # the same incident as report 1
        assert len(store.select(reported)) == 2  # report 1's event, found in its window, not a third one
    finally:
        store.close()
