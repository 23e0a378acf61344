"""SHACL shapes: a well-formed document graph conforms; each broken rule is reported once."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from rdflib import Literal, URIRef

from graph.build import build_graph
from graph.records import Actor, Article, Event, Extraction, Location
from graph.validate import validate
from graph.vocab import CKG, SEM

BASE = "https://example.org/kg/"


def _extraction(event: Event | None = None, place: Location | None = None, actor: Actor | None = None) -> Extraction:
    return Extraction(
        document=Article(id="ukraine-1", text="...", published=dt.date(2022, 5, 3), title="Shelling in Kharkiv",
                         source="Agency"),
        actors=(actor or Actor(id="actor/russian-armed-forces", name="Russian Armed Forces", kind="state_forces",
                               country="RU"),
                Actor(id="actor/civilians-ukraine", name="Civilians (Ukraine)", kind="civilians", country="UA")),
        locations=(place or Location(id="place/kharkiv", name="Kharkiv", kind="city", country="UA", lat=49.99,
                                     lon=36.23, geonames_id=706483, precision=1),),
        events=(event or Event(id="event/u-0", event_type="Explosions/Remote violence",
                               sub_event_type="Shelling/artillery/missile attack", actor1="Russian Armed Forces",
                               actor2="Civilians (Ukraine)", location="Kharkiv", date="2022-05-02", fatalities=3,
                               confidence=0.9, evidence="Russian shelling killed three civilians in Kharkiv.",
                               start=0, end=51),),
    )


GOOD_EVENT = _extraction().events[0]
GOOD_PLACE = _extraction().locations[0]
GOOD_ACTOR = _extraction().actors[0]


def test_a_well_formed_document_graph_conforms():
    _, g = build_graph(_extraction(), BASE)
    assert validate(g) == []


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ({"event": dataclasses.replace(GOOD_EVENT, event_type="Battle")}, "ckg:eventType"),
        ({"event": dataclasses.replace(GOOD_EVENT, sub_event_type="Peaceful protest")}, "sem:eventType"),
        ({"event": dataclasses.replace(GOOD_EVENT, fatalities=-1)}, "ckg:fatalities"),
        ({"event": dataclasses.replace(GOOD_EVENT, start=60, end=10)}, "ckg:start"),
        ({"event": dataclasses.replace(GOOD_EVENT, evidence="")}, "ckg:text"),
        ({"event": dataclasses.replace(GOOD_EVENT, confidence=1.5)}, "ckg:confidence"),
        ({"event": dataclasses.replace(GOOD_EVENT, start="first")}, "ckg:start"),  # not a number: left out
        ({"event": dataclasses.replace(GOOD_EVENT, actor2="Russian Armed Forces")}, "ckg:actor1"),
        ({"event": dataclasses.replace(GOOD_EVENT, date="May 2022", date_precision="month")}, "sem:hasTimeStamp"),
        ({"place": dataclasses.replace(GOOD_PLACE, lat=123.0)}, "schema:latitude"),
        ({"place": dataclasses.replace(GOOD_PLACE, lon=-200.0)}, "schema:longitude"),
        ({"place": dataclasses.replace(GOOD_PLACE, precision=7)}, "ckg:geoPrecision"),
        ({"place": dataclasses.replace(GOOD_PLACE, country="Ukraine")}, "ckg:countryCode"),
        ({"actor": dataclasses.replace(GOOD_ACTOR, name="")}, "schema:name"),
        ({"actor": dataclasses.replace(GOOD_ACTOR, country="rus")}, "ckg:countryCode"),
    ],
)
def test_each_broken_rule_is_reported(broken, expected):
    _, g = build_graph(_extraction(**broken), BASE)
    violations = validate(g)
    assert any(expected in v for v in violations), violations


@pytest.mark.parametrize(
    ("name", "conforms"),
    [
        # ACLED codes two unnamed groups of one category on both sides: crowds that fight each other, clans
        ("Rioters (Ukraine)", True),
        ("Unidentified Clan Militia (Ukraine)", True),
        # a named actor is never on both sides
        ("Kharkiv Defence Brigade", False),
    ],
)
def test_one_actor_on_both_sides_only_for_unnamed_groups(name, conforms):
    actor = Actor(id="actor/x", name=name, kind="militia", country="UA")
    event = dataclasses.replace(GOOD_EVENT, event_type="Battles", sub_event_type="Armed clash", actor1=name,
                                actor2=name)
    _, g = build_graph(_extraction(event=event, actor=actor), BASE)
    violations = validate(g)
    assert (violations == []) is conforms, violations
    assert conforms or any("actor 1 is one actor, not also actor 2" in v for v in violations)


def test_an_event_without_evidence_or_type_is_reported():
    _, g = build_graph(_extraction(), BASE)
    event = g.value(None, CKG.eventType, None)
    g.remove((event, CKG.evidence, None))
    g.remove((event, CKG.eventType, None))
    violations = validate(g)
    assert any("ckg:evidence" in v for v in violations)
    assert any("ckg:eventType" in v for v in violations)


def test_a_merged_event_with_lowest_above_highest_is_reported():
    _, g = build_graph(_extraction(), BASE)
    event = next(g.subjects(predicate=None, object=SEM.Event))
    g.add((event, CKG.fatalities, Literal(9)))
    g.add((event, CKG.fatalitiesMax, Literal(4)))
    assert any("ckg:fatalities" in v for v in validate(g))


def test_an_actor_role_pointing_at_a_non_actor_is_reported():
    _, g = build_graph(_extraction(), BASE)
    event = next(g.subjects(predicate=None, object=SEM.Event))
    g.add((event, CKG.associateActor1, URIRef(f"{BASE}place/geonames-706483")))
    assert any("ckg:associateActor1" in v for v in validate(g))
