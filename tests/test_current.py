"""One current set of facts per entity, however many reports repeat or contradict it (graph.link.current)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from graph.link import rebuild_current
from graph.queries import STATS
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from tests.conftest import ROOT, SEEDS, _serve, write

BASE = "https://conflictkg.org/id/"
COPIES = 20
PREFIX = "PREFIX schema: <https://schema.org/> PREFIX ckg: <https://w3id.org/conflictkg/ontology#> "
# Subjects of the current graph with more than one value of a one-valued fact.
MULTI_VALUED = PREFIX + """SELECT ?s ?p (COUNT(?o) AS ?n) WHERE {
  VALUES ?p { schema:name ckg:kind ckg:countryCode ckg:eventType ckg:actor1 ckg:actor2 }
  ?s ?p ?o } GROUP BY ?s ?p HAVING (COUNT(?o) > 1)"""


@pytest.fixture(scope="module")
def seed() -> Extraction:
    """The seed article as the extractor reads it (published 2018-07-31)."""
    seed_file = next(SEEDS.glob("*.txt"))
    out = subprocess.run([sys.executable, "-m", "graph", "extract", str(seed_file), "--published", "2018-07-31",
                          "--format", "json"], check=True, cwd=ROOT, capture_output=True, text=True).stdout
    data = json.loads(out)
    return Extraction.from_json(data[0] if isinstance(data, list) else data)


def _copy(extraction: Extraction, n: int, published: dt.date | None = None) -> Extraction:
    document = dataclasses.replace(extraction.document, id=f"copy-{n}",
                                   published=published or extraction.document.published)
    return dataclasses.replace(extraction, document=document)


@pytest.fixture(scope="module")
def seeded_twenty(seed, tmp_path_factory):
    """One store with the seed once, one with it 20 times under new ids; their ingest summaries."""
    once_dir, many_dir = tmp_path_factory.mktemp("once"), tmp_path_factory.mktemp("twenty")
    summaries = []
    for data_dir, copies in ((once_dir, 1), (many_dir, COPIES)):
        store = Store(str(data_dir))
        summaries.append(write(store, [_copy(seed, n) for n in range(copies)], BASE, validate=False, atomic=False))
        store.close()
    return once_dir, many_dir, summaries


@pytest.mark.slow
def test_the_seed_twenty_times_has_one_name_and_kind_per_node(seeded_twenty):
    once_dir, many_dir, (once, many) = seeded_twenty
    store = Store(str(many_dir))
    try:
        assert store.read(MULTI_VALUED) == []
        assert (many.events, many.actors, many.places) == (once.events, once.actors, once.places)
        assert many.documents == COPIES and many.triples == COPIES * once.triples
        assert f"{once.actors} actors" in many.line()
        sources = store.read(PREFIX + "SELECT ?n WHERE { <" + BASE + "actor/islamic-state> ckg:sourceCount ?n }")
        assert sources == [{"n": COPIES}]
    finally:
        store.close()


@pytest.mark.slow
def test_the_service_answers_the_same_for_one_report_and_twenty(seeded_twenty):
    once_dir, many_dir, _ = seeded_twenty
    answers = []
    for data_dir in (once_dir, many_dir):
        server = _serve(data_dir)
        url = next(server)
        try:
            stats = requests.get(f"{url}/-/stats", timeout=30).json()
            actor = requests.get(f"{url}/api/actors/islamic-state", timeout=30).json()
            events = requests.get(f"{url}/api/events?limit=5", timeout=30).json()
            page = requests.get(f"{url}/actors/islamic-state", timeout=30)
            network = requests.get(f"{url}/network/data.json", timeout=60).json()
            answers.append((stats, actor, events, page, network))
        finally:
            server.close()
    (stats1, actor1, events1, _, network1), (stats20, actor20, events20, page20, network20) = answers
    assert stats20["documents"] == COPIES
    assert {k: stats20[k] for k in ("events", "actors", "places")} == {k: stats1[k] for k in ("events", "actors",
                                                                                               "places")}
    assert actor20["name"] == actor1["name"] == "Islamic State" and actor20["kind"] == "armed_group"
    assert actor20["event_count"] == actor1["event_count"]
    assert [e["id"] for e in actor20["events"]] == [e["id"] for e in actor1["events"]]
    assert len(actor20["documents"]) == COPIES and actor20["disagreements"] == {}
    assert [e["id"] for e in events20["events"]] == [e["id"] for e in events1["events"]]
    assert page20.status_code == 200 and page20.text.count('class="event"') == actor1["event_count"]
    assert len(network20["nodes"]) == len(network1["nodes"]) and len(network20["edges"]) == len(network1["edges"])


def _report(n: int, published: str, name: str, kind: str, aliases: tuple[str, ...] = ()) -> Extraction:
    """One report naming the same commander (actor/abu-omar) with its own spelling and kind."""
    commander = Actor(id="actor/abu-omar", name=name, kind=kind, aliases=aliases)
    army = Actor(id="actor/syrian-arab-army", name="Syrian Arab Army", kind="state_forces", country="SY")
    # a dictionary actor (actors.tsv): two reports call it a person, its entry says armed group
    group = Actor(id="actor/islamic-state", name="Islamic State", kind="person" if n < 2 else "armed_group")
    town = Location(id="place/deraa", name="Deraa", kind="city", country="SY", lat=32.62, lon=36.10)
    event = Event(id=f"event/{n}", event_type="Battles", sub_event_type="Armed clash", actor1="Syrian Arab Army",
                  actor2=name, location="Deraa", date="2018-07-30", evidence=f"Report {n} of the clash.", start=0,
                  end=20, fatalities=n + 1)
    document = Article(id=f"report-{n}", text="...", published=dt.date.fromisoformat(published),
                       title=f"Report {n}")
    return Extraction(document=document, actors=(commander, army, group), locations=(town,), events=(event,))


REPORTS = [  # two say person "Abu Omar", one armed group "Abu Umar": the person and "Abu Omar" win
    ("2018-07-31", "Abu Omar", "person"),
    ("2018-08-01", "Abu Umar", "armed_group"),
    ("2018-08-02", "Abu Omar", "person"),
]


@pytest.fixture(scope="module")
def contradicting_dir(tmp_path_factory) -> Path:
    """Three reports that disagree on an actor's name and kind, written one by one."""
    data_dir = tmp_path_factory.mktemp("contradicting")
    store = Store(str(data_dir))
    for n, (published, name, kind) in enumerate(REPORTS):
        write(store, [_report(n, published, name, kind)], BASE)
    store.close()
    return data_dir


def test_reports_that_disagree_give_one_name_and_kind_by_the_rules(contradicting_dir):
    store = Store(str(contradicting_dir))
    try:
        assert store.read(MULTI_VALUED) == []
        facts = store.read(PREFIX + "SELECT ?name ?kind WHERE { <" + BASE + "actor/abu-omar> schema:name ?name ; "
                                    "ckg:kind ?kind }")
        assert facts == [{"name": "Abu Omar", "kind": "person"}]  # the reading of most reports
        dictionary = store.read(PREFIX + "SELECT ?kind WHERE { <" + BASE + "actor/islamic-state> ckg:kind ?kind }")
        assert dictionary == [{"kind": "armed_group"}]  # the dictionary entry beats two reports' guess
        written = set(store.oxigraph.quads_for_pattern(None, None, None, None))
        rebuild_current(store)  # the order of writes does not matter: a rebuild gives the same graph
        assert set(store.oxigraph.quads_for_pattern(None, None, None, None)) == written
    finally:
        store.close()


def test_stats_count_each_entity_once_however_many_reports_name_it(contradicting_dir):
    store = Store(str(contradicting_dir))
    try:
        # every report names the same commander, army, group and town: each is counted once, as in the union
        distinct = store.select(PREFIX + "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT "
                                "(COUNT(DISTINCT ?e) AS ?events) WHERE { ?e a sem:Event }")[0]["events"]
        assert store.read(STATS) == [{"documents": len(REPORTS), "events": distinct, "actors": 3, "places": 1}]
    finally:
        store.close()


def test_a_tie_goes_to_the_latest_report(tmp_path):
    store = Store(str(tmp_path / "store"))
    try:
        for n, (published, name, kind) in enumerate(REPORTS[:2]):
            write(store, [_report(n, published, name, kind)], BASE)
        facts = store.read(PREFIX + "SELECT ?name ?kind WHERE { <" + BASE + "actor/abu-omar> schema:name ?name ; "
                                    "ckg:kind ?kind }")
        assert facts == [{"name": "Abu Umar", "kind": "armed_group"}]  # 1 report each: published 2018-08-01 wins
    finally:
        store.close()


def test_the_api_and_the_page_show_where_reports_disagree(contradicting_dir):
    server = _serve(contradicting_dir)
    url = next(server)
    try:
        actor = requests.get(f"{url}/api/actors/abu-omar", timeout=30).json()
        assert (actor["name"], actor["kind"], actor["aliases"]) == ("Abu Omar", "person", ["Abu Umar"])
        assert actor["disagreements"]["kind"] == [{"value": "person", "reports": 2},
                                                  {"value": "armed_group", "reports": 1}]
        assert actor["disagreements"]["name"] == [{"value": "Abu Omar", "reports": 2},
                                                  {"value": "Abu Umar", "reports": 1}]
        assert actor["source_count"] == 3
        group = requests.get(f"{url}/api/actors/islamic-state", timeout=30).json()
        assert group["kind"] == "armed_group"  # the dictionary's, shown beside what the reports said
        assert group["disagreements"]["kind"] == [{"value": "person", "reports": 2},
                                                  {"value": "armed_group", "reports": 1}]
        people = requests.get(f"{url}/api/actors?kind=person", timeout=30).json()["actors"]
        groups = requests.get(f"{url}/api/actors?kind=armed_group", timeout=30).json()["actors"]
        assert "abu-omar" in {a["id"] for a in people} and "abu-omar" not in {a["id"] for a in groups}
        assert "islamic-state" not in {a["id"] for a in people}
        event = requests.get(f"{url}/api/events?actor=abu-omar", timeout=30).json()["events"]
        assert len(event) == 1
        record = requests.get(f"{url}/api/events/{event[0]['id']}", timeout=30).json()
        assert (record["source_count"], record["fatalities"], record["fatalities_max"]) == (3, 1, 3)
        assert len(record["evidence"]) == 3
        page = requests.get(f"{url}/actors/abu-omar", timeout=30).text
        assert 'id="disagreements"' in page and "armed_group (1 report)" in page and "person (2 reports)" in page
    finally:
        server.close()


def test_the_reconciler_reads_the_same_dictionary_as_the_extractor():
    from graph.extract.actors.lexicon import dictionary as extractor_dictionary
    from graph.link.facts import dictionary

    ours = dictionary()
    theirs = {key.removeprefix("actor/"): (e.name, e.kind, e.country) for key, e in extractor_dictionary().items()}
    # actors.tsv and the state forces of state_forces.tsv, named alike
    assert {key: tuple(entry) for key, entry in ours.items()} == theirs and len(ours) > 100
