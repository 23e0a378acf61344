"""Cross-article merging: several reports of one incident become one event with every source."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build_graph
from graph.distributed import build_results
from graph.ingest import write_documents
from graph.link import (
    actors_compatible,
    dates_compatible,
    rebuild_current,
    relink_graphs,
)
from graph.ontology import ontology_graph
from graph.records import Extraction
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from tests.conftest import write

BASE = "https://example.org/kg/"

FIXTURE = Path(__file__).parent / "data" / "graph_incident_reports.json"
SCENARIOS = json.loads(FIXTURE.read_text(encoding="utf-8"))["scenarios"]
PREFIX = "PREFIX ckg: <https://w3id.org/conflictkg/ontology#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
MENTIONS = PREFIX + """SELECT DISTINCT ?event ?start ?doc ?f WHERE {
  ?event ckg:evidence ?ev . ?ev ckg:start ?start ; ckg:document ?doc . OPTIONAL { ?ev ckg:fatalities ?f } }"""
MERGED = PREFIX + """SELECT DISTINCT ?event ?low ?high ?sources ?date WHERE { ?event a sem:Event .
  OPTIONAL { ?event ckg:fatalities ?low } OPTIONAL { ?event ckg:fatalitiesMax ?high }
  OPTIONAL { ?event ckg:sourceCount ?sources } OPTIONAL { ?event sem:hasTimeStamp ?date } }"""


def _reports(name: str) -> list[Extraction]:
    return [Extraction.from_json(item) for item in SCENARIOS[name]]


def _incidents(name: str) -> dict[str, list[tuple[str, int, int | None]]]:
    """incident label -> [(document id, start offset, fatalities)] as the fixture labels them."""
    found = defaultdict(list)
    for item in SCENARIOS[name]:
        for event in item["events"]:
            found[event["incident"]].append((item["document"]["id"], event["start"], event.get("fatalities")))
    return found


def _event_of_mention(store: Store) -> dict[tuple[str, int], str]:
    return {(row["doc"].rsplit("/", 1)[-1], row["start"]): row["event"] for row in store.select(MENTIONS)}


def _partition(groups) -> set[frozenset]:
    return {frozenset(group) for group in groups}


@pytest.fixture(params=[(name, order) for name in SCENARIOS for order in ("forward", "reversed", "batch", "batches")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def merged_store(request, tmp_path):
    """A store with one scenario's reports written one by one in the given order, or as ingest batches.

    ``batch``: one ingest of every report; ``batches``: one ingest of every other report, then a
    second of the rest, whose events partly are in the store already.
    """
    name, order = request.param
    reports = _reports(name)
    store = Store(str(tmp_path / "store"))
    if order.startswith("batch"):  # the bulk path of `python -m graph ingest`: build apart, write, then link
        for part in [reports] if order == "batch" else [reports[::2], reports[1::2]]:
            summary = write_documents(store, build_results(part, BASE), BASE, atomic=False)
            assert summary.documents == len(part) and not summary.errors
        return name, store
    for report in reports if order == "forward" else reversed(reports):
        assert write(store, [report], BASE).violations == []
    return name, store


def test_reports_of_one_incident_become_one_event(merged_store):
    name, store = merged_store
    incidents = _incidents(name)
    event_of = _event_of_mention(store)
    events = {row["e"] for row in store.select(PREFIX + "SELECT DISTINCT ?e WHERE { ?e a sem:Event }")}
    print(f"{name}: {sum(len(m) for m in incidents.values())} mentions, {len(incidents)} incidents, "
          f"{len(events)} event nodes")
    assert len(events) == len(incidents)
    expected = _partition([(doc, start) for doc, start, _ in mentions] for mentions in incidents.values())
    grouped = defaultdict(set)
    for mention, event in event_of.items():
        grouped[event].add(mention)
    assert _partition(grouped.values()) == expected


def test_merged_event_keeps_lowest_highest_and_every_figure(merged_store):
    name, store = merged_store
    event_of = _event_of_mention(store)
    merged = {row["event"]: row for row in store.select(MERGED)}
    figures = defaultdict(set)
    for row in store.select(MENTIONS):
        if "f" in row:
            figures[row["event"]].add(row["f"])
    for mentions in _incidents(name).values():
        event = event_of[(mentions[0][0], mentions[0][1])]
        reported = {f for _, _, f in mentions if f is not None}
        assert figures[event] == reported  # no source's figure is overwritten
        if reported:
            assert (merged[event]["low"], merged[event]["high"]) == (min(reported), max(reported))
        assert merged[event]["sources"] == len({doc for doc, _, _ in mentions})


def test_merged_facts_equal_a_recount_from_the_store(merged_store):
    """However they were written (batch facts come from memory), they are what the evidence in the store says."""
    _, store = merged_store
    written = _current_graph(store)
    rebuild_current(store)
    assert _current_graph(store) == written
    assert any("sourceCount" in triple for triple in written)


def _current_graph(store: Store) -> set[str]:
    current = ox.NamedNode(CURRENT_GRAPH)
    return {str(quad.triple) for quad in store.oxigraph.quads_for_pattern(None, None, None, current)}


def test_actors_and_places_from_different_articles_are_one_node(merged_store):
    name, store = merged_store
    actor_ids = {a["id"] for item in SCENARIOS[name] for a in item["actors"]}
    geonames = {p["geonames_id"] for item in SCENARIOS[name] for p in item["locations"]}
    actors = store.select(PREFIX + "SELECT DISTINCT ?a WHERE { ?a a sem:Actor }")
    places = store.select(PREFIX + "SELECT DISTINCT ?p WHERE { ?p a sem:Place }")
    assert len(actors) == len(actor_ids)
    assert len(places) == len(geonames)


def test_merged_event_has_the_most_precise_date(tmp_path):
    store = Store(str(tmp_path / "store"))
    reports = _reports("mali")
    write(store, [reports[2]], BASE)  # month precision first
    write(store, [reports[0]], BASE)
    event = _event_of_mention(store)[("mali-local-c", 10)]
    dates = {row["event"]: row.get("date") for row in store.select(MERGED)}
    assert dates[event] == "2019-09-30"


def test_replacing_a_document_recomputes_the_merged_figures(tmp_path):
    store = Store(str(tmp_path / "store"))
    reports = _reports("mali")
    write(store, reports, BASE)
    event = _event_of_mention(store)[("mali-wire-a", 0)]
    corrected = Extraction.from_json({**SCENARIOS["mali"][2], "events": [
        {**SCENARIOS["mali"][2]["events"][0], "fatalities": 61}]})
    write(store, [corrected], BASE)
    merged = {row["event"]: row for row in store.select(MERGED)}
    assert merged[event]["high"] == 61
    emptied = Extraction.from_json({**SCENARIOS["mali"][2], "events": []})
    write(store, [emptied], BASE)
    merged = {row["event"]: row for row in store.select(MERGED)}
    assert merged[event]["high"] == 38
    assert merged[event]["sources"] == 2


def test_identical_reports_merge_without_the_store_lookup(tmp_path):
    """The bulk path: graphs built without links still meet on the deterministic event IRI."""
    store = Store(str(tmp_path / "store"))
    one = SCENARIOS["mali"][0]
    copy = {**one, "document": {**one["document"], "id": "mali-wire-a-copy", "source": "Syndicated"}}
    for item in (one, copy):
        graph_iri, graph = build_graph(Extraction.from_json(item), BASE)
        store.replace_graph(graph_iri, graph)
    rebuild_current(store)
    events = store.select(PREFIX + "SELECT DISTINCT ?e WHERE { ?e a sem:Event }")
    assert len(events) == len(one["events"])
    merged = store.select(PREFIX + "SELECT DISTINCT ?e ?n WHERE { ?e ckg:sourceCount ?n }")
    assert {row["n"] for row in merged} == {2}


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (("2019-09-30", "day"), ("2019-09-30", "day"), True),
        (("2019-09-30", "day"), ("2019-09-29", "day"), False),
        (("2019-09-30", "day"), ("2019-09", "month"), True),
        (("2019-10-01", "day"), ("2019-09", "month"), False),
        (("2019-09-30", "day"), ("2019", "year"), True),
        (("2018-08-09", "day"), ("2018-08-12", "week"), True),  # same ISO week (Mon 6 - Sun 12 Aug)
        (("2018-08-13", "day"), ("2018-08-12", "week"), False),
        (("2024-02", "month"), ("2024-02-29", "day"), True),
        (("2019-12", "month"), ("2020", "year"), False),
    ],
)
def test_dates_are_compatible_when_their_ranges_overlap(a, b, compatible):
    assert dates_compatible(a, b) is compatible
    assert dates_compatible(b, a) is compatible


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ({"x", "y"}, {"y", "x"}, True),
        ({"x"}, {"x", "y"}, True),
        (set(), set(), True),
        (set(), {"x"}, False),
        ({"x", "z"}, {"x", "y"}, False),
    ],
)
def test_actor_sets_are_compatible_when_equal_or_one_names_part_of_the_other(a, b, compatible):
    assert actors_compatible(a, b) is compatible


def test_a_report_that_fits_two_events_equally_is_not_merged(tmp_path):
    """A month-precision report of a place with two clashes that month could be either: keep it apart."""
    store = Store(str(tmp_path / "store"))
    wire_a, _, local = SCENARIOS["mali"]
    earlier = {**wire_a, "document": {**wire_a["document"], "id": "mali-wire-d"},
               "events": [{**wire_a["events"][0], "date": "2019-09-12", "fatalities": 3}]}
    for item in (wire_a, earlier, local):
        write(store, [Extraction.from_json(item)], BASE)
    event_of = _event_of_mention(store)
    assert event_of[("mali-local-c", 10)] not in {event_of[("mali-wire-a", 0)], event_of[("mali-wire-d", 0)]}


@pytest.mark.parametrize("order", ["forward", "reversed"])
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_bulk_path_relinks_written_documents(tmp_path, name, order):
    """Graphs built with no store lookup (as batch ingest does), then relinked: one event per incident."""
    store = Store(str(tmp_path / "store"))
    reports = _reports(name) if order == "forward" else list(reversed(_reports(name)))
    graph_iris = []
    for report in reports:
        graph_iri, graph = build_graph(report, BASE)
        store.replace_graph(graph_iri, graph)
        graph_iris.append(graph_iri)
    affected = relink_graphs(store, BASE, graph_iris)
    rebuild_current(store)
    grouped = defaultdict(set)
    for mention, event in _event_of_mention(store).items():
        grouped[event].add(mention)
    expected = _partition([(d, s) for d, s, _ in m] for m in _incidents(name).values())
    assert _partition(grouped.values()) == expected
    assert relink_graphs(store, BASE, graph_iris) == set()  # a second pass finds nothing more to do
    for role in ("actor1", "actor2"):  # reports naming the pair the other way round were turned to match
        counts = store.select(PREFIX + f"SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?e ckg:{role} ?a }} GROUP BY ?e")
        assert {row["n"] for row in counts} == {1}
    assert affected or len(expected) == sum(len(item["events"]) for item in SCENARIOS[name])


@pytest.mark.parametrize(
    ("date", "precision", "unit", "xsd_property"),
    [("2019-09-30", "day", "unitDay", "inXSDDate"), ("2019-09", "month", "unitMonth", "inXSDgYearMonth"),
     ("2019", "year", "unitYear", "inXSDgYear"), ("2019-09-30", "week", "unitWeek", "inXSDDate")],
)
def test_merged_event_date_is_an_owl_time_instant_with_its_granularity(tmp_path, date, precision, unit, xsd_property):
    store = Store(str(tmp_path / "store"))
    item = SCENARIOS["mali"][2]
    report = {**item, "events": [{**item["events"][0], "date": date, "date_precision": precision}]}
    write(store, [Extraction.from_json(report)], BASE)
    rows = store.select(PREFIX + """PREFIX time: <http://www.w3.org/2006/time#>
        SELECT ?unit ?p ?value WHERE { ?e ckg:evidence ?ev ; time:hasTime ?t . ?t a time:Instant ;
        time:unitType ?unit ; ?p ?value . FILTER(STRSTARTS(STR(?p), STR(time:inXSD))) }""")
    assert [(r["unit"].rsplit("#", 1)[-1], r["p"].rsplit("#", 1)[-1], r["value"]) for r in rows] == [
        (unit, xsd_property, date)]


def test_bulk_path_turns_a_report_with_two_mentions_once(tmp_path):
    """A document that mentions the event twice flips its roles once, not twice, to match the first report."""
    wire_a, wire_b, _ = SCENARIOS["mali"]
    first = wire_b["events"][0]
    again = {**first, "start": 105, "end": 105 + len(first["evidence"])}
    twice = {**wire_b, "events": [first, again]}
    store = Store(str(tmp_path / "store"))
    graph_iris = []
    for item in (wire_a, twice):
        graph_iri, graph = build_graph(Extraction.from_json(item), BASE)
        store.replace_graph(graph_iri, graph)
        graph_iris.append(graph_iri)
    relink_graphs(store, BASE, graph_iris[1:])
    rows = store.select(PREFIX + """SELECT DISTINCT ?a1 ?a2 WHERE { ?e ckg:evidence ?ev ; ckg:actor1 ?a1 ;
        ckg:actor2 ?a2 . ?ev ckg:start 0 }""")
    assert len(rows) == 1


def test_named_graphs_stay_one_per_document(merged_store):
    """The ontology lives in the default graph; named graphs are the documents and the current facts."""
    name, store = merged_store
    expected = sorted([f"{BASE}graph/{item['document']['id']}" for item in SCENARIOS[name]] + [str(CURRENT_GRAPH)])
    assert store.graph_names() == expected
    rows = store.select(PREFIX + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                        "SELECT ?c WHERE { ?e sem:eventType ?c . ?c skos:broader ?t } LIMIT 1")
    assert rows, "the taxonomy is not in the store"


def test_the_default_graph_is_the_ontology_and_taxonomy(merged_store):
    """The writer loads the ontology and taxonomy as ``graph.ontology.ontology_graph`` gives them, no more, no less."""
    _, store = merged_store
    stored = {str(q.triple) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    expected = ontology_graph().serialize(format="nt", encoding="utf-8")
    assert stored == {str(t) for t in ox.parse(expected, format=ox.RdfFormat.N_TRIPLES)} and len(stored) > 500
