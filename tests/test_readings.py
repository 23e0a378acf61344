"""A batch's current facts worked out from its own triples (graph.link.readings) equal those read from the store."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyoxigraph as ox
import pytest

import graph.link.batch
from graph.build import build_document
from graph.link import rebuild_current
from graph.link.facts import current_lines
from graph.link.readings import BatchReadings
from graph.link.recent import from_store
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from tests.conftest import write

BASE = "https://conflictkg.org/id/"


def _report(n: int, published: str, spelling: str, kind: str, date: str, precision: str = "day") -> Extraction:
    """A report of a shelling near Kismayo: its own spelling and kind of the militia, date and toll."""
    militia = Actor(id="actor/ras-kamboni", name=spelling, kind=kind, aliases=("Ras Kamboni",))
    army = Actor(id="actor/somali-national-army", name="Somali National Army", kind="state_forces", country="SO")
    group = Actor(id="actor/al-shabaab", name="Al-Shabaab", kind="militia" if n % 2 else "armed_group")
    town = Location(id="place/kismayo", name="Kismayo", kind="city", country="SO", lat=-0.36, lon=42.55)
    shelling = Event(id=f"event/r{n}", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/"
                     "missile attack", actor1="Somali National Army", actor2=spelling, location="Kismayo", date=date,
                     date_precision=precision, evidence=f"Shells fell on Kismayo, report {n} said.", start=0, end=30,
                     fatalities=2 * n + 1, confidence=0.5 + n / 20)
    other = Event(id=f"event/q{n}", event_type="Battles", sub_event_type="Armed clash", actor1="Al-Shabaab",
                  actor2="Somali National Army", location="Kismayo", date=f"2019-0{n % 3 + 1}-1{n}",
                  evidence=f"A clash of report {n}.", start=31, end=50)
    document = Article(id=f"kismayo-{n}", text="...", published=dt.date.fromisoformat(published), title=f"Report {n}")
    return Extraction(document=document, actors=(militia, army, group), locations=(town,), events=(shelling, other))


FIRST = [_report(0, "2019-03-02", "Ras Kamboni Brigade", "militia", "2019-03-01"),
         _report(1, "2019-03-03", "Ras Kamboni Brigades", "armed_group", "2019-03", "month")]
SECOND = [_report(2, "2019-03-03", "Ras Kamboni Brigades", "militia", "2019-03-01"),
          _report(3, "2019-03-05", "Ras Kamboni Brigade", "armed_group", "2019-03-01")]


def _current(store: Store) -> set:
    return set(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(CURRENT_GRAPH))))


@pytest.mark.parametrize("max_triples", [None, 1], ids=["from the batch", "from the store"])
def test_a_batch_reconciles_as_a_rebuild_from_every_document(tmp_path, monkeypatch, max_triples):
    if max_triples is not None:  # too big a batch: everything is read back from the store
        monkeypatch.setattr(graph.link.batch, "BatchReadings", lambda: BatchReadings(max_triples))
    store = Store(str(tmp_path / "store"))
    try:
        first = write(store, FIRST, BASE, validate=False, atomic=False)
        second = write(store, SECOND, BASE, validate=False, atomic=False)  # meets the first batch's actors and events
        assert (first.actors, first.places, second.actors, second.places) == (3, 1, 3, 1)
        assert second.events <= first.events == 3  # the month-precision report was linked to the day's event
        batched = _current(store)
        assert len(batched) > 50
        rebuild_current(store)
        assert _current(store) == batched
    finally:
        store.close()


def test_the_readings_of_a_batch_count_documents_and_keep_the_latest_date():
    batch = BatchReadings()
    for extraction in FIRST + SECOND:
        built = build_document(extraction, BASE)
        batch.add(built.graph_iri, built.ntriples, built.triples)
    batch.parse()
    rows = batch.readings([f"{BASE}actor/ras-kamboni"])
    names = {row["o"]: (row["n"], row["latest"]) for row in rows if row["p"] == "https://schema.org/name"}
    assert names == {"Ras Kamboni Brigade": (2, "2019-03-05"), "Ras Kamboni Brigades": (2, "2019-03-03")}
    assert {f"{BASE}actor/al-shabaab", f"{BASE}place/kismayo"} <= set().union(*batch.mentioned().values())


@pytest.mark.parametrize("name", ['The "Lions" of\nthe \\ Valley', "Sheikh Aweys\r", "Ahlu Sunna Wal Jama'a"])
def test_a_name_with_quotes_backslashes_and_line_breaks_is_read_as_the_store_reads_it(tmp_path, name):
    extraction = _report(0, "2019-03-02", name, "militia", "2019-03-01")
    batch = BatchReadings()
    built = build_document(extraction, BASE)
    batch.add(built.graph_iri, built.ntriples, built.triples)
    batch.parse()
    store = Store(str(tmp_path / "store"))
    try:
        store.bulk_replace([(built.graph_iri, built.ntriples)])
        stored = store.select(f'SELECT ?o WHERE {{ <{BASE}actor/ras-kamboni> <https://schema.org/name> ?o }}')
    finally:
        store.close()
    rows = [row for row in batch.readings([f"{BASE}actor/ras-kamboni"]) if row["p"] == "https://schema.org/name"]
    assert [row["o"] for row in rows] == [row["o"] for row in stored] == [name]
    assert rows[0]["term"] == str(ox.Literal(name))


def test_n_triples_in_another_layout_are_read_as_the_builders():
    built = build_document(FIRST[0], BASE)
    read = {}
    for layout, text in (("builder", built.ntriples), ("tabs", built.ntriples.replace(b"> <", b">\t<"))):
        batch = BatchReadings()
        batch.add(built.graph_iri, text, built.triples)
        batch.parse()
        subjects = set().union(*batch.mentioned().values())
        read[layout] = sorted((r["s"], r["p"], r["term"], r["n"], r["latest"]) for r in batch.readings(subjects))
        read[layout].append(sorted(map(str, batch.evidence(subjects))))
    assert len(read["builder"]) > 20
    assert read["tabs"] == read["builder"]


@pytest.mark.parametrize("asked", [["al-shabaab"], ["ras-kamboni", "somali-national-army"], ["not-mentioned"]])
def test_the_documents_mentioning_each_subject_are_those_the_store_gives_after_each_parse(tmp_path, asked):
    subjects = {f"{BASE}actor/{name}" for name in asked} | {f"{BASE}place/kismayo"}
    batch, written = BatchReadings(), []
    store = Store(str(tmp_path / "store"))
    try:
        for reports in (FIRST, SECOND):  # asked after each parse: the index must take in the later graphs
            for extraction in reports:
                built = build_document(extraction, BASE)
                batch.add(built.graph_iri, built.ntriples, built.triples)
                written.append((built.graph_iri, built.ntriples))
            batch.parse()
            store.bulk_replace(written)
            mentioning = batch.documents_mentioning(subjects)
            assert {s: sorted(pairs) for s, pairs in mentioning.items()} == \
                {s: sorted(pairs) for s, pairs in from_store(store, subjects).items()}
            assert len(mentioning[f"{BASE}place/kismayo"]) == len(written)
    finally:
        store.close()


@pytest.mark.parametrize("title, source, path", [
    ('The "Lions" of\nthe \\ Valley', "Wire A", "https://news.example.org/a?id=1"),
    ("Clashes near Kismayo", None, "reports/kismayo.txt"),
    (None, "Radio D", None),
])
def test_a_documents_own_lines_are_its_current_facts_from_its_readings(title, source, path):
    extraction = _report(4, "2019-03-06", "Ras Kamboni Brigade", "militia", "2019-03-04")
    document = dataclasses.replace(extraction.document, title=title, source=source, path=path, author="A. Writer")
    batch = BatchReadings()
    for report in (dataclasses.replace(extraction, document=document), *FIRST):
        built = build_document(report, BASE)
        batch.add(built.graph_iri, built.ntriples, built.triples)
    batch.parse()
    documents = batch.mentioned()["https://w3id.org/conflictkg/ontology#Document"]
    assert len(documents) == 3
    own = batch.own_lines(documents)
    from_rows = current_lines(batch.readings(documents))
    assert {s: sorted(lines) for s, lines in own.items()} == {s: sorted(lines) for s, lines in from_rows.items()}
