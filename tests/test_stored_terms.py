"""The events table's country and first-level division filters, bound to the stored terms they match.

The store holds places whose codes and divisions are spelt in several cases (as a store loaded from
elsewhere may spell them), so a filter must keep every event the any-case comparison keeps: the events
table (newest first and sorted by the engine), its total, the map and the monthly chart agree on them.
"""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
import requests

from graph import queries as q
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from graph.store.sparql import bind
from tests.conftest import _serve, write_data_dir

MILITIA = Actor(id="actor/ridge-militia", name="Ridge Militia", kind="armed_group")
POLICE = Actor(id="actor/savanna-police", name="Savanna Police", kind="state_forces")
# the same country and division in other cases; a place of another country with a division of the same name
PLACES = {
    "kolo": Location(id="place/kolo-crossing", name="Kolo Crossing", kind="town", country="gh", lat=9.4,
                     lon=-0.85, admin1="northern"),
    "banda": Location(id="place/banda-flats", name="Banda Flats", kind="town", country="GH", lat=5.6, lon=-0.2,
                      admin1="Greater Accra"),
    "sefa": Location(id="place/sefa-hill", name="Sefa Hill", kind="village", country="Gh", lat=10.8, lon=-0.9,
                     admin1="NORTHERN"),
    "mweru": Location(id="place/mweru-bend", name="Mweru Bend", kind="village", country="KE", lat=3.1, lon=36.0,
                      admin1="Northern"),
}
# event key -> (place, date, sentence); no two share a place and a date
EVENTS = {
    "kolo-1": ("kolo", "2021-02-03", "Ridge Militia gunmen raided a market at Kolo Crossing on Wednesday."),
    "kolo-2": ("kolo", "2021-04", "Savanna Police fought Ridge Militia near Kolo Crossing in April."),
    "banda-1": ("banda", "2021-02-03", "Police dispersed Ridge Militia supporters at Banda Flats."),
    "sefa-1": ("sefa", "2020-11-20", "Ridge Militia burned two granaries at Sefa Hill."),
    "mweru-1": ("mweru", "2021-03-15", "Savanna Police clashed with Ridge Militia at Mweru Bend."),
}
GHANA = {"kolo-1", "kolo-2", "banda-1", "sefa-1"}
NORTHERN_GHANA = {"kolo-1", "kolo-2", "sefa-1"}


def extractions() -> list[Extraction]:
    """One document per place, each with its events."""
    found = []
    for key, place in PLACES.items():
        ours = {event_id: spec for event_id, spec in EVENTS.items() if spec[0] == key}
        text = " ".join(sentence for _, _, sentence in ours.values())
        article = Article(id=f"doc-{key}", text=text, published=dt.date(2021, 5, 1), title=f"Report from {place.name}",
                          source="Wire K")
        events = tuple(Event(id=f"event/{event_id}", event_type="Battles", sub_event_type="Armed clash",
                             actor1="Ridge Militia", actor2="Savanna Police", location=place.name, date=date,
                             evidence=sentence, start=0, end=len(sentence), fatalities=2)
                       for event_id, (_, date, sentence) in ours.items())
        found.append(Extraction(document=article, actors=(MILITIA, POLICE), locations=(place,), events=events))
    return found


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """The store of the four places' documents."""
    return write_data_dir(tmp_path_factory.mktemp("spellings"), extractions())


@pytest.fixture(scope="module")
def server(data_dir):
    """The real service over the store; yields its URL."""
    yield from _serve(data_dir)


@pytest.mark.parametrize(("name", "value", "stored"), [
    ("country", "GH", {"gh", "GH", "Gh"}),
    ("country", "gh", {"gh", "GH", "Gh"}),
    ("country", "KE", {"KE"}),
    ("country", "FI", set()),
    ("admin1", "Northern", {"northern", "NORTHERN", "Northern"}),
    ("admin1", "greater accra", {"Greater Accra"}),
    ("admin1", "Accra", set()),  # whole values only
])
def test_the_stored_terms_of_a_value_are_those_it_matches_in_any_case(data_dir, name, value, stored):
    store = Store(str(data_dir))
    try:
        found = {row["text"] for row in store.read(q.STORED_TERMS[name], {f"f_{name}": value})}
    finally:
        store.close()
    assert found == stored


@pytest.mark.parametrize(("terms", "expected"), [
    (("a", "c"), {"x", "z"}),
    (("b",), {"y"}),
    ((), set()),  # none: the query matches nothing
])
def test_a_tuple_binds_its_variable_to_any_of_its_terms(terms, expected):
    engine = ox.Store()
    for subject, value in (("x", "a"), ("y", "b"), ("z", "c")):
        engine.add(ox.Quad(ox.NamedNode(f"urn:t:{subject}"), ox.NamedNode("urn:t:p"), ox.Literal(value)))
    sparql = "SELECT ?s WHERE { ?s <urn:t:p> ?o }"
    found = {solution["s"].value[len("urn:t:"):] for solution in engine.query(bind(sparql, {"o": terms}))}
    assert found == expected


@pytest.mark.parametrize(("filters", "expected"), [
    ("country=GH", GHANA),
    ("country=gh", GHANA),
    ("country=Ghana", GHANA),
    ("country=KE", {"mweru-1"}),
    ("country=FI", set()),
    ("admin1=northern", NORTHERN_GHANA | {"mweru-1"}),
    ("admin1=Northern&country=GH", NORTHERN_GHANA),
    ("admin1=NORTHERN&country=KE", {"mweru-1"}),
    ("admin1=Greater+Accra&from=2021-02", {"banda-1"}),
    ("country=GH&from=2021-01&to=2021-03", {"kolo-1", "banda-1"}),
    ("admin1=Nowhere", set()),
])
def test_a_country_or_division_keeps_the_events_of_every_spelling(server, filters, expected):
    wanted = {(PLACES[EVENTS[key][0]].name, EVENTS[key][1]) for key in expected}  # events by place and date
    for sort in ("-date", "type", "-fatalities"):  # newest first (graph.newest) and sorted by the engine
        answer = requests.get(f"{server}/events.json?all=1&sort={sort}&{filters}", timeout=30).json()
        assert {(row["place"]["name"], row["date"]) for row in answer["rows"]} == wanted
        assert answer["total"] == len(expected)
    located = requests.get(f"{server}/map/events.json?{filters}", timeout=30).json()
    assert {(row[7], row[1]) for row in located["rows"]} == wanted
    chart = requests.get(f"{server}/charts/months.json?{filters}", timeout=30).json()
    assert sum(sum(series["events"]) for series in chart["series"]) == len(expected)
