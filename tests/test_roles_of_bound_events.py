"""The roles of bound events, one filtered lookup of each event's triples (bba40a1), give the rows the former
UNION of one pattern per role gave, on a real store's events."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef

from graph.queries import EVENT_ACTORS, NETWORK_EVENT_ROLES
from graph.queries.base import ROLES_OF_BOUND_EVENTS, ROLES_OF_EVENTS, with_iris
from graph.records import Actor, Article, Event, Extraction, Location
from graph.store import Store
from tests.conftest import write_data_dir
from tests.rest_records import BASE_IRI, CLASH, extractions

CKG = "https://w3id.org/conflictkg/ontology#"
ROLES = {CKG + role for role in ("actor1", "actor2", "associateActor1", "associateActor2")}
ALL_EVENTS = "SELECT ?event WHERE { ?event a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"


def _both_sides_allied() -> Extraction:
    """An invented clash with an associate on each side, so the store has a triple of every role."""
    actors = (Actor(id="actor/kora-militia", name="Kora Militia", kind="armed_group"),
              Actor(id="actor/kora-volunteers", name="Kora Volunteers", kind="armed_group"),
              Actor(id="actor/mali-army", name="Military Forces of Mali", kind="state_forces", country="ML"),
              Actor(id="actor/wagner", name="Wagner Group", kind="armed_group"))
    place = Location(id="place/bamako", name="Bamako", kind="city", country="ML", lat=12.6392, lon=-8.0029,
                     admin1="Bamako")
    evidence = "Kora Militia and its allies fought soldiers and foreign fighters near Bamako."
    event = Event(id="event/doc-bamako-0", event_type=CLASH[0], sub_event_type=CLASH[1], actor1="Kora Militia",
                  actor2="Military Forces of Mali", location="Bamako", date="2022-04-02", evidence=evidence, start=0,
                  end=len(evidence), assoc_actor_1=("Kora Volunteers",), assoc_actor_2=("Wagner Group",))
    article = Article(id="doc-bamako", text="...", published=dt.date(2022, 4, 3), title="Clash near Bamako")
    return Extraction(document=article, actors=actors, locations=(place,), events=(event,))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The REST tests' hand-built records plus the clash above, written to a real on-disk store."""
    data_dir = write_data_dir(tmp_path_factory.mktemp("roles"), [*extractions(), _both_sides_allied()], BASE_IRI)
    opened = Store(str(data_dir))
    yield opened
    opened.close()


def _rows(store: Store, query: str) -> list[tuple]:
    """Every event's rows of ``query`` (read on the current graph, as the service reads), sorted."""
    events = sorted(str(row["event"]) for row in store.read(ALL_EVENTS))
    if "#IRIS#" in query:  # the network's: all the events at once
        rows = store.read(with_iris(query, events))
    else:  # a record's: one event bound
        rows = [{"event": e, **row} for e in events for row in store.read(query, {"event": URIRef(e)})]
    return sorted(tuple(sorted((key, str(value)) for key, value in row.items())) for row in rows)


def _as_union(query: str) -> str:
    """``query`` as it was before bba40a1: the UNION of one pattern per role."""
    assert ROLES_OF_BOUND_EVENTS in query
    return query.replace(ROLES_OF_BOUND_EVENTS, ROLES_OF_EVENTS)


@pytest.mark.parametrize("query", [NETWORK_EVENT_ROLES, EVENT_ACTORS], ids=["network", "record"])
def test_filtered_roles_give_the_union_rows(store, query):
    union = _rows(store, _as_union(query))
    assert {dict(row)["role"] for row in union} == ROLES  # every role is there to be missed
    assert _rows(store, query) == union


@pytest.mark.parametrize("wrong", [
    "?event ?role ?actor . FILTER(?role IN (ckg:actor1, ckg:actor2, ckg:associateActor2))",  # a role left out
    "?event ?role ?actor . FILTER(?role IN (ckg:actor1, ckg:actor2))",  # the associates left out
    "?event ?role ?actor . FILTER(isIRI(?actor))",  # any link of the event (place, type, sem:hasActor)
], ids=["one-role-missing", "no-associates", "no-role-filter"])
def test_a_wrong_filter_would_be_caught(store, wrong):
    """The comparison above can fail: a filter that reads other roles than the UNION gives other rows."""
    query = NETWORK_EVENT_ROLES.replace(ROLES_OF_BOUND_EVENTS, wrong)
    assert _rows(store, query) != _rows(store, _as_union(NETWORK_EVENT_ROLES))
