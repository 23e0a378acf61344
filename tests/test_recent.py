"""The newest documents kept per actor and place (graph.link.recent) are those the document graphs give."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef

from api.entities import RECORD_NEWEST, actor_record, place_record
from graph import queries as q
from graph.link import rebuild_current
from graph.link.recent import RECENT, newest
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store, TripleStore
from graph.vocab import CKG, CURRENT_GRAPH
from tests.conftest import write

BASE = "https://conflictkg.org/id/"
MILITIA, TOWN = BASE + "actor/red-hill-militia", BASE + "place/greenford"


@pytest.mark.parametrize("pairs, expected", [
    ([("2020-01-02", "d:b"), ("2020-01-03", "d:a")], [("2020-01-03", "d:a"), ("2020-01-02", "d:b")]),
    ([("2020-01-02", "d:b"), ("2020-01-02", "d:a")], [("2020-01-02", "d:a"), ("2020-01-02", "d:b")]),  # ties by IRI
    ([(None, "d:a"), ("2019-05-01", "d:z")], [("2019-05-01", "d:z"), (None, "d:a")]),  # undated last
    ([(None, "d:b"), (None, "d:a")], [(None, "d:a"), (None, "d:b")]),
    ([("2020-01-01", "d:a"), ("2020-01-01", "d:a")], [("2020-01-01", "d:a")]),  # one document once
])
def test_newest_orders_as_the_documents_query(pairs, expected):
    assert newest(pairs) == expected


def test_each_entity_keeps_as_many_documents_as_its_record_lists():
    assert RECENT >= RECORD_NEWEST


def test_newest_keeps_the_recent_ones():
    pairs = [(f"2020-01-{day:02d}", f"d:{day}") for day in range(1, 29)] * 5
    pairs += [(f"2021-{month:02d}-01", f"d:m{month}") for month in range(1, 13)] * 9
    assert newest(pairs) == sorted(set(pairs), key=lambda pair: pair[0], reverse=True)[:RECENT]


def _report(n: int, published: dt.date | None, militia: bool = True) -> Extraction:
    """Report ``n``: the militia (unless not ``militia``) and the army clash at the town."""
    army = Actor(id="actor/national-army", name="National Army", kind="state_forces")
    actors = (Actor(id="actor/red-hill-militia", name="Red Hill Militia", kind="armed_group"), army) if militia \
        else (army,)
    town = Location(id="place/greenford", name="Greenford", kind="city", country="SY", lat=33.1, lon=36.2)
    event = Event(id=f"event/{n}", event_type="Battles", sub_event_type="Armed clash", actor1="National Army",
                  actor2="Red Hill Militia" if militia else None, location="Greenford", date="2020-03-01",
                  evidence=f"Report {n} of the clash.", start=0, end=20)
    document = Article(id=f"story-{n:03d}", text="...", published=published, title=f"Report {n}")
    return Extraction(document=document, actors=actors, locations=(town,), events=(event,))


def _day(n: int) -> dt.date | None:
    """Publication dates that repeat (ties by IRI) and leave some reports undated."""
    return None if n % 17 == 5 else dt.date(2020, 3, 1) + dt.timedelta(days=n % 40)


def _newest_report() -> int:
    """The report of the first batch (``_writes``) with the latest date (``_day``)."""
    return max(range(RECENT + 4), key=lambda n: _day(n) or dt.date.min)


def _kept_and_read(store: Store, entity: str, role: str) -> tuple[list, list]:
    """The entity's kept documents and those the document graphs give (ACTOR_DOCUMENTS), as the record lists them."""
    bound = {role: URIRef(entity)}
    query = q.ACTOR_DOCUMENTS if role == "actor" else q.PLACE_DOCUMENTS
    kept = [r["document"] for r in store.read(q.page(q.RECENT_DOCUMENTS, RECENT, 0), {"entity": URIRef(entity)})]
    return kept, [r["document"] for r in store.read(q.page(query, RECENT, 0), bound)]


def _writes(store: Store, steps: str) -> None:
    """Write reports by ``steps``: a batch of more than RECENT, then more one by one, or a report replaced."""
    write(store, [_report(n, _day(n)) for n in range(RECENT + 4)], BASE, validate=False)
    if steps in ("one by one", "replaced", "rebuilt"):
        for n in range(RECENT + 4, RECENT + 8):
            write(store, [_report(n, _day(n))], BASE, validate=False)
    if steps in ("replaced", "rebuilt"):  # one of the newest reports, corrected: an older date and no militia
        write(store, [_report(_newest_report(), dt.date(2019, 1, 1), militia=False)], BASE, validate=False)
    if steps == "rebuilt":
        rebuild_current(store)


@pytest.mark.parametrize("steps", ["one batch", "one by one", "replaced", "rebuilt"])
def test_the_kept_documents_are_those_the_reports_give(tmp_path, steps):
    store = Store(str(tmp_path / "store"))
    try:
        _writes(store, steps)
        for entity, role in ((MILITIA, "actor"), (TOWN, "place")):
            kept, read = _kept_and_read(store, entity, role)
            assert len(read) == RECENT and kept == read
        militia = set(_kept_and_read(store, MILITIA, "actor")[0])
        assert (BASE + f"document/story-{_newest_report():03d}" in militia) == (steps not in ("replaced", "rebuilt"))
    finally:
        store.close()


def listed_without_kept(store: TripleStore, reports: int) -> tuple[list[list[str]], list[list[str]]]:
    """Write ``reports`` reports; the documents the militia's and the town's records list, with the lists they keep
    and after those are deleted (a store written before they were kept: the records read the document graphs)."""
    write(store, [_report(n, _day(n)) for n in range(reports)], BASE, validate=False)

    def listed() -> list[list[str]]:
        records = actor_record(store, BASE, "red-hill-militia"), place_record(store, BASE, "greenford")
        return [[d["id"] for d in record["documents"]] for record in records if record is not None]

    kept = listed()
    store.update_raw(f"DELETE WHERE {{ GRAPH <{CURRENT_GRAPH}> {{ ?entity <{CKG.recentDocument}> ?document }} }}")
    assert not store.select(f"SELECT * WHERE {{ ?entity <{CKG.recentDocument}> ?document }}")
    return kept, listed()


def test_a_record_lists_the_same_documents_when_its_entity_keeps_none(tmp_path):
    store = Store(str(tmp_path / "store"))
    try:
        kept, read = listed_without_kept(store, RECENT + 4)
        assert [len(documents) for documents in kept] == [RECORD_NEWEST, RECORD_NEWEST]
        assert read == kept
    finally:
        store.close()


def test_a_record_lists_at_most_its_limit_of_kept_documents_after_a_raw_write(tmp_path):
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_report(n, _day(n)) for n in range(3)], BASE, validate=False)
        links = " ".join(f"<{MILITIA}> <{CKG.recentDocument}> <{BASE}document/raw-{n}> ."
                         for n in range(RECORD_NEWEST + 50))
        store.update_raw(f"INSERT DATA {{ GRAPH <{CURRENT_GRAPH}> {{ {links} }} }}")  # the writer does not rewrite it
        record = actor_record(store, BASE, "red-hill-militia")
        assert record is not None and len(record["documents"]) == RECORD_NEWEST
    finally:
        store.close()


@pytest.mark.parametrize("reports", [2, RECENT + 4])
def test_an_entitys_fields_do_not_grow_with_the_documents_it_keeps(tmp_path, reports):
    """The fields read of an actor and a place (lists and records) leaves their kept documents, readings and event
    summaries out: every other fact of theirs, and a few rows however many reports name them."""
    store = Store(str(tmp_path / "store"))
    left_out = {str(CKG.recentDocument), str(CKG.reading), str(CKG.eventSummary), str(CKG.eventTally)}
    try:
        write(store, [_report(n, _day(n)) for n in range(reports)], BASE, validate=False)
        for entity in (MILITIA, TOWN):
            rows = store.read(q.with_iris(q.FIELDS, [entity]))
            every = store.read(f"SELECT ?p ?value WHERE {{ <{entity}> ?p ?value }}")
            assert sum(str(r["p"]) == str(CKG.recentDocument) for r in every) == min(reports, RECENT)
            facts = {(str(r["p"]), str(r["value"])) for r in rows if ":" in str(r["p"])}  # not the path fields
            assert facts == {(str(r["p"]), str(r["value"])) for r in every if str(r["p"]) not in left_out}
            assert len(rows) <= 20
    finally:
        store.close()
