"""Reading tallies: a batch adds to the stored counts of recurring actors and places (graph.link.tallies)."""

from __future__ import annotations

import datetime as dt

import pytest

from api.current import update_reconciled
from graph import queries
from graph.iris import document_graph_iri
from graph.link import rebuild_current
from graph.link.tallies import FILE, Tallies, tallies_of
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from tests.conftest import write

BASE = "https://conflictkg.org/id/"
RANGER = f"{BASE}actor/river-rangers"
NAME = "https://schema.org/name"


def _report(n: int, name: str, published: str = "2021-03-01", town: str = "Lakeside") -> Extraction:
    """Report ``n``: the River Rangers (spelt ``name``) raid a town on the day it was published."""
    rangers = Actor(id="actor/river-rangers", name=name, kind="militia")
    police = Actor(id="actor/police-of-freedonia", name="Police of Freedonia", kind="state_forces")
    place = Location(id=f"place/{town.lower()}", name=town, kind="town", country="KE", lat=1.5 + n / 100, lon=37.0)
    event = Event(id=f"event/{n}", event_type="Violence against civilians", sub_event_type="Attack",
                  actor1=name, actor2="Police of Freedonia", location=town, date=published,
                  evidence=f"Gunmen of the rangers raided {town} in report {n}.", start=0, end=30, fatalities=n)
    document = Article(id=f"raid-{n}", text="...", published=dt.date.fromisoformat(published), title=f"Raid {n}")
    return Extraction(document=document, actors=(rangers, police), locations=(place,), events=(event,))


def _names(store: Store) -> dict[str, int]:
    """The tallied documents per spelling of the River Rangers' name."""
    rows = tallies_of(store).rows([RANGER]).get(RANGER, [])
    return {row["text"]: row["n"] for row in rows if row["p"] == NAME}


def _same_as_rebuilt(store: Store) -> bool:
    """Whether the store equals what a rebuild of the current graph from every report gives."""
    written = set(store.oxigraph.quads_for_pattern(None, None, None, None))
    rebuild_current(store)
    return set(store.oxigraph.quads_for_pattern(None, None, None, None)) == written


@pytest.fixture()
def store(tmp_path):
    opened = Store(str(tmp_path / "store"))
    yield opened
    opened.close()


def test_counts_follow_added_replaced_and_deleted_reports(store):
    write(store, [_report(0, "River Rangers"), _report(1, "Rangers of the River")], BASE, atomic=False)
    assert _names(store) == {"River Rangers": 1, "Rangers of the River": 1}
    write(store, [_report(2, "River Rangers", "2021-03-05")], BASE)  # one more report, the service's way
    assert _names(store) == {"River Rangers": 2, "Rangers of the River": 1}
    assert _same_as_rebuilt(store)
    write(store, [_report(0, "Rangers of the River")], BASE)  # report 0 replaced: its old reading is gone
    assert _names(store) == {"River Rangers": 1, "Rangers of the River": 2}
    assert _same_as_rebuilt(store)
    update_reconciled(store, f"DROP GRAPH <{document_graph_iri(BASE, 'raid-1')}>")  # read again from the store
    assert _names(store) == {"River Rangers": 1, "Rangers of the River": 1}
    write(store, [_report(3, "River Rangers", "2021-03-09", town="Hillview")], BASE)
    assert _names(store) == {"River Rangers": 2, "Rangers of the River": 1}
    assert _same_as_rebuilt(store)


def test_a_report_of_a_tallied_actor_reads_none_of_its_other_reports(store):
    write(store, [_report(n, "River Rangers") for n in range(4)], BASE, atomic=False)
    asked: list[str] = []
    select = store.select
    store.select = lambda text, *args: asked.append(text) or select(text, *args)  # type: ignore[method-assign]
    write(store, [_report(4, "Rangers of the River", "2021-02-01")], BASE, atomic=False)
    del store.select
    readings = [text for text in asked if text.startswith(queries.READINGS_OF.split("VALUES")[0])]
    assert not any(f"<{RANGER}>" in text for text in readings)
    assert _names(store) == {"River Rangers": 4, "Rangers of the River": 1}
    assert _same_as_rebuilt(store)


def test_a_tie_is_broken_by_the_latest_report_when_the_tallies_do_not_know_it(store):
    reports = [_report(0, "River Rangers", "2021-03-01"), _report(1, "River Rangers", "2021-03-02"),
               _report(2, "Rangers of the River", "2021-03-03")]
    write(store, reports, BASE, atomic=False)
    update_reconciled(store, f"DROP SILENT GRAPH <{document_graph_iri(BASE, 'nothing')}>")  # tallies dropped
    write(store, [_report(3, "Hill Rangers", "2021-03-04", town="Hillview")], BASE)  # read back: no tie, no dates
    write(store, [_report(4, "Rangers of the River", "2021-02-01")], BASE)  # 2 and 2: report 2 is the latest
    name = store.read(f"SELECT ?name WHERE {{ <{RANGER}> <{NAME}> ?name }}")
    assert name == [{"name": "Rangers of the River"}]
    assert _same_as_rebuilt(store)


def test_a_store_without_tallies_fills_them_in_as_it_is_written(tmp_path):
    data_dir = tmp_path / "store"
    store = Store(str(data_dir))
    write(store, [_report(n, "River Rangers") for n in range(3)], BASE, atomic=False)
    store.close()
    (data_dir / FILE).unlink()  # as an older version left the store
    store = Store(str(data_dir))
    try:
        assert _names(store) == {}
        write(store, [_report(3, "Rangers of the River")], BASE)
        assert _names(store) == {"River Rangers": 3, "Rangers of the River": 1}
        assert _same_as_rebuilt(store)
    finally:
        store.close()


def test_tallies_a_run_left_unfinished_are_dropped_when_opened(tmp_path):
    path = str(tmp_path / FILE)
    row = {"s": RANGER, "p": NAME, "term": '"River Rangers"', "text": "River Rangers", "n": 1}
    tallies = Tallies(path)
    tallies.begin()
    tallies.put({RANGER: [row]})
    tallies.end()
    assert Tallies(path).rows([RANGER])[RANGER][0]["n"] == 1  # a run that ended
    tallies.begin()
    tallies.put({RANGER: [{**row, "n": 2}]})
    tallies.db.commit()  # on disk, but the run never ended (the process died)
    assert Tallies(path).rows([RANGER]) == {}


def test_an_inner_block_that_fails_keeps_the_outer_blocks_mark(tmp_path):
    path = str(tmp_path / FILE)
    row = {"s": RANGER, "p": NAME, "term": '"River Rangers"', "text": "River Rangers", "n": 1}
    tallies = Tallies(path)
    tallies.begin()  # an ingest's block ...
    tallies.begin()  # ... and a raw update's reconcile inside it, which fails and is caught
    tallies.abandon()
    tallies.put({RANGER: [row]})
    tallies.db.commit()  # the outer block goes on, then the process dies before it ends
    assert Tallies(path).rows([RANGER]) == {}
    tallies.end()
    tallies.begin()  # the next run marks the file again
    tallies.put({RANGER: [row]})
    tallies.db.commit()
    assert Tallies(path).rows([RANGER]) == {}


def test_a_failed_write_drops_the_tallies(store):
    write(store, [_report(n, "River Rangers") for n in range(2)], BASE, atomic=False)
    assert _names(store) == {"River Rangers": 2}

    def failing():
        yield from []
        raise RuntimeError("extraction died")

    from graph.ingest import write_documents

    with pytest.raises(RuntimeError):
        write_documents(store, failing(), BASE)
    assert _names(store) == {}


def test_a_raw_update_that_fails_keeps_the_tallies_and_one_that_runs_drops_them(store):
    write(store, [_report(n, "River Rangers") for n in range(2)], BASE, atomic=False)
    with pytest.raises(SyntaxError):
        update_reconciled(store, "DROP GRAPH <this update does not parse")
    assert _names(store) == {"River Rangers": 2}  # nothing was written: nothing to read again
    update_reconciled(store, f"DROP SILENT GRAPH <{document_graph_iri(BASE, 'nothing')}>")
    assert _names(store) == {}


def test_closing_the_store_closes_its_tallies(tmp_path):
    import sqlite3

    store = Store(str(tmp_path / "store"))
    write(store, [_report(0, "River Rangers")], BASE, atomic=False)
    tallies = tallies_of(store)
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):  # "Cannot operate on a closed database"
        tallies.rows([RANGER])
    reopened = Store(str(tmp_path / "store"))
    try:
        assert _names(reopened) == {"River Rangers": 1}
    finally:
        reopened.close()
