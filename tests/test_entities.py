"""Records of actors and places: the fields and roles of their newest events, read in one query each."""

from __future__ import annotations

import datetime as dt

import pytest

from api import entities
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from tests.conftest import write_data_dir

BASE_IRI = "https://conflictkg.org/id/"
RANGERS = Actor(id="actor/northfield-rangers", name="Northfield Rangers", kind="armed_group")
GUARD = Actor(id="actor/eastmoor-guard", name="Eastmoor Guard", kind="state_forces")
MONITOR = Actor(id="actor/lowbridge-monitor", name="Lowbridge Monitor", kind="organization")
TOWN = Location(id="place/lowbridge", name="Lowbridge", kind="town", country="XX", lat=1.5, lon=2.5)
OTHER_TOWN = Location(id="place/highford", name="Highford", kind="town", country="XX", lat=3.5, lon=4.5)
CLASH = ("Battles", "Armed clash")


def _event(start: int, actor1: str, actor2: str | None, place: str, date: str, **extra) -> Event:
    text = "The rangers and the guard fought near the bridge."
    return Event(id=f"event/doc-rangers-{start}", event_type=CLASH[0], sub_event_type=CLASH[1], actor1=actor1,
                 actor2=actor2, location=place, date=date, evidence=text, start=start, end=start + len(text), **extra)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    article = Article(id="doc-rangers", text="...", published=dt.date(2022, 6, 2), title="Fighting near Lowbridge",
                      source="Wire X")
    extraction = Extraction(document=article, actors=(RANGERS, GUARD, MONITOR), locations=(TOWN, OTHER_TOWN), events=(
        _event(0, "Northfield Rangers", "Eastmoor Guard", "Lowbridge", "2022-06-01", fatalities=3,
               reported_by=("Lowbridge Monitor",)),
        _event(100, "Eastmoor Guard", None, "Highford", "2022-05-20", assoc_actor_1=("Northfield Rangers",),
               reported_by=("Eastmoor Guard",)),
        _event(200, "Eastmoor Guard", "Northfield Rangers", "Lowbridge", "2022-05-02",
               assoc_actor_2=("Northfield Rangers",)),
    ))
    opened = Store(str(write_data_dir(tmp_path_factory.mktemp("rangers"), [extraction])))
    yield opened
    opened.close()


@pytest.mark.parametrize(("actor_id", "expected"), [
    ("northfield-rangers", [("2022-06-01", "lowbridge", ["actor1"]), ("2022-05-20", "highford", ["assoc_actor_1"]),
                            ("2022-05-02", "lowbridge", ["actor2", "assoc_actor_2"])]),
    ("eastmoor-guard", [("2022-06-01", "lowbridge", ["actor2"]), ("2022-05-20", "highford", ["actor1"]),
                        ("2022-05-02", "lowbridge", ["actor1"])]),
])
def test_an_actors_newest_events_carry_their_fields_and_each_role_it_has_in_them(store, actor_id, expected):
    record = entities.actor_record(store, BASE_IRI, actor_id)
    assert record is not None
    assert [(e["date"], e["place"]["id"], e["roles"]) for e in record["events"]] == expected
    assert all(e["type"] == CLASH[0] and e["sub_type"] == CLASH[1] for e in record["events"])


@pytest.mark.parametrize(("place_id", "expected"), [
    ("lowbridge", [("2022-06-01", 3), ("2022-05-02", None)]),
    ("highford", [("2022-05-20", None)]),
])
def test_a_places_newest_events_carry_their_date_type_and_fatalities(store, place_id, expected):
    record = entities.place_record(store, BASE_IRI, place_id)
    assert record is not None
    assert [(e["date"], e["fatalities"]) for e in record["events"]] == expected
    assert {(e["type"], e["sub_type"]) for e in record["events"]} == {CLASH}


@pytest.mark.parametrize(("date", "actors", "reporters"), [
    ("2022-06-01", {"actor1": ["Northfield Rangers"], "actor2": ["Eastmoor Guard"]}, ["Lowbridge Monitor"]),
    ("2022-05-20", {"actor1": ["Eastmoor Guard"], "assoc_actor_1": ["Northfield Rangers"]}, ["Eastmoor Guard"]),
    ("2022-05-02", {"actor1": ["Eastmoor Guard"], "actor2": ["Northfield Rangers"],
                    "assoc_actor_2": ["Northfield Rangers"]}, []),
])
def test_an_events_actors_and_reporters_are_named_whether_or_not_a_reporter_is_one_of_its_actors(
        store, date, actors, reporters):
    guard = entities.actor_record(store, BASE_IRI, "eastmoor-guard")
    assert guard is not None
    record = entities.event_record(store, BASE_IRI, next(e["id"] for e in guard["events"] if e["date"] == date))
    assert record is not None
    assert {role: [a["name"] for a in named] for role, named in record["actors"].items() if named} == actors
    assert [who["name"] for e in record["evidence"] for who in e["reported_by"]] == reporters
    assert all(who["href"] == f"/api/actors/{who['id']}" for e in record["evidence"] for who in e["reported_by"])
