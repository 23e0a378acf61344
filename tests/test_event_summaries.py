"""The event summaries kept per actor and place (graph.link.summaries) are what their events give, after any write."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from api import close_app, create_app
from api.current import update_reconciled, writes_current
from api.entities import RECORD_NEWEST, actor_record, local_id, place_record
from graph import queries as q
from graph.iris import document_graph_iri, document_iri
from graph.link import capped, rebuild_current, summaries
from graph.link.summaries import KEEP, SHOWN, _ordered, _read_tallies, summary_of
from graph.newest import newest_items, newest_span
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from graph.vocab import CKG, CURRENT_GRAPH, SEM
from tests.conftest import write

BASE = "https://conflictkg.org/id/"
ARMY, MILITIA, FRONT = (BASE + f"actor/{name}" for name in ("national-army", "red-hill-militia", "east-river-front"))
TOWNS = (BASE + "place/greenford", BASE + "place/stonebridge")
ENTITIES = ((ARMY, "actor"), (MILITIA, "actor"), (FRONT, "actor"), (TOWNS[0], "place"), (TOWNS[1], "place"))
REPORTS = KEEP + 60  # more events than an actor keeps


def _date(n: int, shift: int) -> tuple[str | None, str | None]:
    """Report ``n``'s event date and precision: days (some repeat), some months and years, a few undated."""
    if n % 13 == 0:
        return None, None
    if n % 7 == 0:
        return f"{2019 + n % 3}-{1 + n % 12:02d}", "month"
    if n % 11 == 0:
        return str(2018 + n % 4), "year"
    return (dt.date(2019, 1, 1) + dt.timedelta(days=(n * 3) % 500 + shift)).isoformat(), "day"


def _report(n: int, shift: int = 0, militia: bool = True) -> Extraction:
    """Report ``n``: the army against the militia or the front at one of two towns, the other group at times
    an associate; ``shift`` moves its date, ``militia=False`` leaves the militia out."""
    names = {ARMY: "National Army", MILITIA: "Red Hill Militia", FRONT: "East River Front"}
    actors = tuple(Actor(id=iri[len(BASE):], name=name, kind="armed_group") for iri, name in names.items()
                   if militia or iri != MILITIA)
    town = TOWNS[n % 2][len(BASE):]
    place = Location(id=town, name=town.split("/")[1].title(), kind="city", country="SY", lat=33.1 + n % 2,
                     lon=36.2)
    second = "Red Hill Militia" if militia and n % 3 else "East River Front"
    date, precision = _date(n, shift)
    event = Event(id=f"event/{n}", event_type="Battles", sub_event_type="Armed clash", actor1="National Army",
                  actor2=second, assoc_actor_2=("East River Front",) if militia and n % 5 == 0 else (),
                  location=place.name, date=date, date_precision=precision, evidence=f"Report {n} of the clash.",
                  start=0, end=20)
    document = Article(id=f"story-{n:03d}", text="...", published=dt.date(2020, 1, 1) + dt.timedelta(days=n),
                       title=f"Report {n}")
    return Extraction(document=document, actors=actors, locations=(place,), events=(event,))


def _read(store: Store, entity: str, role: str) -> dict:
    """What the entity's summary should say, read from its events as records read them without one."""
    reads, bound = q.event_list([role]), {role: URIRef(entity)}
    span = newest_span(reads, bound, store.read)
    counts = q.ACTOR_CO_ACTORS if role == "actor" else q.PLACE_ACTORS
    key = "other" if role == "actor" else "actor"
    places = store.read(q.page(q.ACTOR_PLACES, SHOWN, 0), bound) if role == "actor" else []
    roles = {r["role"].rsplit("#", 1)[-1]: r["events"] for r in store.read(q.ACTOR_ROLES, bound)} \
        if role == "actor" else {}
    return {"count": span.count, "first": span.first, "last": span.last, "roles": roles,
            "with": [[r[key], r["events"]] for r in store.read(q.page(counts, SHOWN, 0), bound)],
            "places": [[r["place"], r["events"]] for r in places],
            "newest": newest_items(store, reads, bound, SHOWN, 0)}


def _remove(store: Store, n: int) -> None:
    update_reconciled(store, f"DROP GRAPH <{document_graph_iri(BASE, f'story-{n:03d}')}>")


def _writes(store: Store, steps: str) -> None:
    """Write the reports by ``steps``."""
    write(store, [_report(n) for n in range(REPORTS)], BASE, validate=False, atomic=steps != "one by one")
    if steps == "one by one":
        for n in range(REPORTS, REPORTS + 6):
            write(store, [_report(n)], BASE, validate=False)
    if steps == "replaced":  # most reports corrected at once: a year earlier, no militia; the busy lists run short
        write(store, [_report(n, shift=-365, militia=False) for n in range(0, REPORTS, 2)], BASE, validate=False)
    if steps == "one replaced":
        write(store, [_report(REPORTS - 1, shift=30, militia=False)], BASE, validate=False)
    if steps == "removed":
        for n in (REPORTS - 1, REPORTS - 2, 5):
            _remove(store, n)
    if steps == "many stories":  # the same stories again, from new reports that date them by the month
        again = [_report(n) for n in range(0, 40)]
        write(store, [Extraction(document=Article(id=f"again-{n}", text="...", title=f"Again {n}"),
                                 actors=r.actors, locations=r.locations,
                                 events=tuple(dataclasses.replace(e, date=e.date and e.date[:7],
                                                                  date_precision=e.date and "month")
                                              for e in r.events))
                      for n, r in enumerate(again)], BASE, validate=False)
    if steps == "rebuilt":
        rebuild_current(store)
    if steps == "kept none":  # a store written before summaries were kept: the next write counts them whole
        for kept in (CKG.eventTally, CKG.eventSummary):
            store.update_raw(f"DELETE WHERE {{ GRAPH <{CURRENT_GRAPH}> {{ ?s <{kept}> ?t }} }}")
        write(store, [_report(REPORTS), _report(REPORTS + 1)], BASE, validate=False)  # all five entities


@pytest.mark.parametrize("steps", ["one batch", "one by one", "replaced", "one replaced", "removed", "many stories",
                                   "rebuilt", "kept none"])
def test_each_summary_is_what_the_events_give(tmp_path, steps):
    store = Store(str(tmp_path / "store"))
    try:
        _writes(store, steps)
        for entity, role in ENTITIES:
            expected = _read(store, entity, role)
            assert expected["count"] > 0 and (summary_of(store, entity) or {}) == expected, entity
        assert _read(store, ARMY, "actor")["count"] > SHOWN
    finally:
        store.close()


@pytest.mark.parametrize("kept, together", [
    (True, True),  # the tallies are kept: the new entities' facts go in with the summaries, in one load
    (False, False),  # none kept: the entities are counted from their events, so the new facts go in first
])
def test_a_batch_loads_its_new_facts_with_the_summaries_unless_events_are_read(tmp_path, monkeypatch, kept,
                                                                               together):
    loads: list[bytes] = []  # what each load into the current graph held
    insert = Store.insert

    def noted(self: Store, ntriples: bytes, graph_iri: str | None = None, **options) -> None:
        loads.extend([ntriples] if graph_iri == str(CURRENT_GRAPH) else [])
        insert(self, ntriples, graph_iri, **options)

    monkeypatch.setattr(Store, "insert", noted)
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_report(n) for n in range(REPORTS)], BASE, validate=False, atomic=False)
        if not kept:  # a store written before summaries were kept
            for predicate in (CKG.eventTally, CKG.eventSummary):
                store.update_raw(f"DELETE WHERE {{ GRAPH <{CURRENT_GRAPH}> {{ ?s <{predicate}> ?t }} }}")
        loads.clear()
        write(store, [_report(n) for n in range(REPORTS, REPORTS + 4)], BASE, validate=False, atomic=False)
        new_document = f"<{document_iri(BASE, f'story-{REPORTS:03d}')}> ".encode()
        summary = f"<{CKG.eventSummary}>".encode()
        assert any(new_document in load and summary in load for load in loads) is together
        for entity, role in ENTITIES:
            assert summary_of(store, entity) == _read(store, entity, role), entity
    finally:
        store.close()


@pytest.mark.parametrize("steps", ["one batch", "one by one", "replaced", "one replaced", "removed", "many stories",
                                   "rebuilt", "kept none"])
def test_a_tally_cut_short_still_gives_each_summary_exactly(tmp_path, monkeypatch, steps):
    """With one co-actor and place shown and kept, and two dates kept at each end, every write still gives the
    summary the events give (a tally that can no longer tell is counted again), and the tallies stay that small."""
    monkeypatch.setattr(summaries, "SHOWN", 1)
    monkeypatch.setattr(capped, "TOP_KEPT", 1)
    monkeypatch.setattr(capped, "DATES_KEPT", 2)
    store = Store(str(tmp_path / "store"))
    try:
        _writes(store, steps)
        tallies = _read_tallies(store, [entity for entity, _ in ENTITIES])
        for entity, role in ENTITIES:
            expected = _read(store, entity, role)
            expected.update({key: expected[key][:1] for key in ("with", "places", "newest")})
            assert expected["count"] > 0 and (summary_of(store, entity) or {}) == expected, entity
            assert len(tallies[entity]["with"]) <= 1 and len(tallies[entity]["places"]) <= 1
            assert len(tallies[entity]["dates"]) <= 8
        assert set(tallies[ARMY]["cut"]) == {"with", "places", "dates", "dropped"}
    finally:
        store.close()


def _spread(n: int, name: str = "village") -> Extraction:
    """Report ``n``: the army against the militia at a village of its own (``<name>-<n>``)."""
    report = _report(n)
    village = Location(id=f"place/{name}-{n:03d}", name=f"{name.title()} {n}", kind="village", country="SY",
                       lat=33.0, lon=36.0)
    event = dataclasses.replace(report.events[0], location=village.name, assoc_actor_2=())
    return dataclasses.replace(report, locations=(village,), events=(event,))


@pytest.mark.parametrize("name", ["hamlet", "village"], ids=["each new one shown", "none shown"])
def test_a_tally_of_thinly_spread_places_is_not_counted_again_when_one_is_added(tmp_path, monkeypatch, caplog, name):
    """Twelve villages of one event each, four kept and two shown: each of 20 writes that adds a new place (its
    IRI first or last of the ties) keeps the army's tally (none counted whole again), and its summary is exact."""
    monkeypatch.setattr(summaries, "SHOWN", 2)
    monkeypatch.setattr(capped, "TOP_KEPT", 4)
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_spread(n) for n in range(12)], BASE, validate=False)
        assert "dropped" in _read_tallies(store, [ARMY])[ARMY]["cut"]
        caplog.set_level("INFO", logger=summaries.__name__)
        for n in range(20):
            write(store, [_spread(200 - n, name)], BASE, validate=False)
            expected = _read(store, ARMY, "actor")
            expected.update({key: expected[key][:2] for key in ("with", "places", "newest")})
            assert summary_of(store, ARMY) == expected
        moves = [r.getMessage() for r in caplog.records if r.name == summaries.__name__]
        assert len(moves) == 20 and all(" 0 counted whole again" in line for line in moves)
    finally:
        store.close()


def test_an_entity_whose_events_are_all_removed_keeps_no_summary(tmp_path):
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_report(n) for n in (1, 2, 4)], BASE, validate=False)  # the militia in each
        assert summary_of(store, MILITIA) is not None
        write(store, [_report(n, militia=False) for n in (1, 2, 4)], BASE, validate=False)
        assert summary_of(store, MILITIA) is None and _read(store, MILITIA, "actor")["count"] == 0
    finally:
        store.close()


@pytest.mark.parametrize("kept", [True, False])
def test_records_are_the_same_with_and_without_summaries(tmp_path, kept):
    """A record reads the summary when its entity keeps one, else its events: the same answer."""
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_report(n) for n in range(150)], BASE, validate=False)
        records = [actor_record(store, BASE, "national-army"), place_record(store, BASE, "greenford")]
        if not kept:
            store.update_raw(f"DELETE WHERE {{ GRAPH <{CURRENT_GRAPH}> {{ ?s <{CKG.eventSummary}> ?t }} }}")
        assert [actor_record(store, BASE, "national-army"), place_record(store, BASE, "greenford")] == records
        assert records[0] is not None and len(records[0]["events"]) == RECORD_NEWEST
    finally:
        store.close()


@pytest.mark.parametrize("path, role, entity", [("/api/actors/national-army", "actor", ARMY),
                                                ("/api/places/greenford", "place", TOWNS[0])])
def test_a_records_event_count_is_what_its_events_route_pages_through(tmp_path, path, role, entity):
    """The count and newest events a record reads from the summary are those of the /api/events pages its
    ``events_href`` links to."""
    store = Store(str(tmp_path / "data"))
    write(store, [_report(n) for n in range(REPORTS)], BASE, validate=False)
    assert summary_of(store, entity) is not None
    store.close()
    app = create_app({"data_dir": str(tmp_path / "data")})
    try:
        client = app.test_client()
        record = client.get(path).get_json()
        pages: list[str] = []
        assert record["events_href"] == f"/api/events?{role}={entity[len(BASE):].split('/', 1)[1]}"
        following = record["events_href"] + "&limit=90"
        while following:
            answer = client.get(following).get_json()
            pages, following = pages + [event["id"] for event in answer["events"]], answer["next"]
        assert record["event_count"] == len(pages) == len(set(pages)) > SHOWN
        assert [event["id"] for event in record["events"]] == pages[:RECORD_NEWEST]
    finally:
        close_app(app)


@pytest.mark.parametrize("graph", [f"<{CURRENT_GRAPH}>", "?g"], ids=["the current graph", "every graph"])
def test_a_raw_update_of_the_current_graph_leaves_no_stale_record(tmp_path, graph):
    """A raw DELETE of the militia from its events of its first and last dates moves its record (count, dates, newest
    events) as the events do; the next write counts it whole again."""
    store = Store(str(tmp_path / "store"))
    try:
        write(store, [_report(n) for n in range(1, 25)], BASE, validate=False)
        before = _read(store, MILITIA, "actor")
        assert summary_of(store, MILITIA) == before
        update_reconciled(store, f"DELETE {{ GRAPH {graph} {{ ?e ?p <{MILITIA}> }} }} WHERE {{ "
                                 f"GRAPH <{CURRENT_GRAPH}> {{ ?e <{SEM.hasTimeStamp}> ?day }} "
                                 f"FILTER(STR(?day) IN ('{before['first']}', '{before['last']}')) "
                                 f"GRAPH {graph} {{ ?e ?p <{MILITIA}> }} }}")
        after, record = _read(store, MILITIA, "actor"), actor_record(store, BASE, "red-hill-militia")
        assert record is not None and 0 < after["count"] < before["count"]
        assert after["first"] > before["first"] and after["last"] < before["last"]
        assert (record["event_count"], record["first_seen"], record["last_seen"]) == \
            (after["count"], after["first"], after["last"])
        assert [event["id"] for event in record["events"]] == [local_id(event) for event in after["newest"]]
        write(store, [_report(25)], BASE, validate=False)
        assert summary_of(store, MILITIA) == _read(store, MILITIA, "actor")
    finally:
        store.close()


@pytest.mark.parametrize("update, writes", [
    (f"DROP GRAPH <{BASE}graph/story-001>", False),
    (f"INSERT DATA {{ GRAPH <{BASE}graph/a> {{ <{BASE}x> <{BASE}p> \"to GRAPH ?g, with ALL\" }} }}", False),
    (f"DELETE {{ GRAPH <{BASE}graph/a> {{ ?s ?p ?o }} }} USING NAMED <{BASE}graph/b> WHERE {{ ?s ?p ?o }}", False),
    (f"MOVE SILENT GRAPH <{BASE}graph/a> TO DEFAULT", False),
    (f"WITH <{BASE}graph/a> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }} # not GRAPH ?g", False),
    (f"DROP GRAPH <{CURRENT_GRAPH}>", True),
    (f"INSERT DATA {{ GRAPH <{CURRENT_GRAPH}> {{ <{BASE}x> <{BASE}p> 1 }} }}", True),
    ("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("PREFIX c: <https://w3id.org/conflictkg/> CLEAR GRAPH c:current", True),
    ("CLEAR ALL", True),
    ("drop named", True),
    (f"ADD DEFAULT TO GRAPH <{CURRENT_GRAPH}>", True),
    (f"MOVE <{CURRENT_GRAPH}> TO <{BASE}graph/a>", True),
    (f"WITH <{CURRENT_GRAPH}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}", True),
    ("LOAD <https://example.org/data.nt> INTO GRAPH <https://w3id.org/conflictkg/\\u0063urrent>", True),
    ("BASE <https://w3id.org/conflictkg/> DROP GRAPH <current>", True),
])
def test_an_update_that_may_write_the_current_graph_is_told(update, writes):
    """Unsure is "may": only graphs named by absolute IRIs other than the current graph's are known not to be it."""
    assert writes_current(update) is writes


@pytest.mark.parametrize("dates", [
    [("2021", "gYear"), ("2021-03", "gYearMonth"), ("2021-03-01", "date"), ("2020-12-31", "date")],
    [("2021", "string"), ("2021", "gYear"), ("2021-03", "string"), ("2021-03", "gYearMonth")],  # text, then type
    [("2021-3", "string"), ("abc", "string"), ("2022", "gYear"), ("2021-03-01x", "string"), (None, None)],
])
def test_kept_events_are_in_the_engines_order_of_dates(dates):
    """The newest events kept are ordered as the engine orders their dates (graph.newest lists them so)."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    entries = [[day, xsd + kind if kind else None, f"{BASE}event/{n}"] for n, (day, kind) in enumerate(dates)]
    engine = ox.Store()
    for day, kind, event in entries:
        if day is not None:
            date = ox.Literal(day, datatype=ox.NamedNode(kind))
            engine.add(ox.Quad(ox.NamedNode(event), ox.NamedNode(xsd + "p"), date))
    solutions = engine.query(f"SELECT ?event WHERE {{ ?event <{xsd}p> ?date }} ORDER BY DESC(?date) ?event")
    assert isinstance(solutions, ox.QuerySolutions)
    ordered = [str(r["event"].value) for r in solutions]
    assert [entry[2] for entry in _ordered(entries)] == ordered + [e[2] for e in entries if e[0] is None]
