"""graph.newest: a page read through counts per date is the page one ORDER BY over every match gives."""

from __future__ import annotations

import random

import pytest
from rdflib import URIRef

import graph.newest
from graph import queries as q
from graph.newest import Span, kept_first, newest_first, newest_of_entities, newest_of_superset, newest_span
from graph.queries.base import EVENT_FILTERS, with_fragments
from graph.queries.network import NETWORK_WINDOW
from graph.store import Store
from graph.vocab import CURRENT_GRAPH
from tests import busy_records as war_records
from tests.conftest import write

BASE = "https://conflictkg.org/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
CKG = "https://w3id.org/conflictkg/ontology#"
# Dates of three precisions, several events on one day, and events with no date at all.
DATES = [("2019-03-02", "date"), ("2019-03", "gYearMonth"), ("2019", "gYear"), ("2018-12-31", "date"),
         ("2019-03-02", "date"), ("2020-01-15", "date"), ("2018-12", "gYearMonth"), (None, None)]
# The plain query the pages must equal: every match sorted by date (newest first, undated last) and IRI.
EVERY_MATCH = q.PREFIXES + """SELECT ?event WHERE {
  #FILTERS#
  ?event a sem:Event .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  #DATES#
} ORDER BY DESC(?date) ?event #PAGE#
"""


def _events(count: int) -> bytes:
    rng = random.Random(3)
    lines = []
    for n in range(count):
        event, (date, datatype) = f"<{BASE}event/e{n:03d}>", rng.choice(DATES)
        lines += [f"{event} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SEM}Event> .",
                  f'{event} <{CKG}eventType> "{rng.choice(["Battles", "Riots"])}" .',
                  f"{event} <{SEM}hasActor> <{BASE}actor/a{n % 3}> ."]
        if date:
            lines.append(f'{event} <{SEM}hasTimeStamp> "{date}"^^<{XSD}{datatype}> .')
        if n % 4:  # tolls that tie (0 to 12), every fourth event without one
            lines.append(f'{event} <{CKG}fatalities> "{n * 7 % 13}"^^<{XSD}integer> .')
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = Store(str(tmp_path_factory.mktemp("newest")))
    opened.insert(_events(60), str(CURRENT_GRAPH))
    yield opened
    opened.close()


FILTERS = [{}, {"type": "Battles"}, {"actor": URIRef(f"{BASE}actor/a1")}, {"from": "2019-03"},
           {"type": "Riots", "to": "2019"}, {"from": "2019-03-02", "to": "2019-03"},
           {"actor": URIRef(f"{BASE}actor/a2"), "from": "2018-12-15", "to": "2020"}]


@pytest.mark.parametrize("values_per_match", [0, 10_000], ids=["dates as VALUES", "every match read"])
@pytest.mark.parametrize("bindings", FILTERS, ids=lambda b: ",".join(b) or "none")
def test_every_page_is_the_page_of_one_sort_over_every_match(store, bindings, values_per_match, monkeypatch):
    monkeypatch.setattr(graph.newest, "_VALUES_PER_MATCH", values_per_match)
    dates = {"from", "to"} & set(bindings)
    fragments = EVENT_FILTERS
    plain = EVERY_MATCH.replace("#FILTERS#", with_fragments(fragments, set(bindings) - dates)).replace(
        "#DATES#", with_fragments(fragments, dates))
    everything = [row["event"] for row in store.read(q.page(plain, 1000, 0), bindings)]
    assert len(everything) > 5
    for limit in (1, 4, 7, 60):
        for offset in range(0, len(everything) + 3):
            expected = everything[offset:offset + limit]
            page = [row["item"] for row in newest_first(store, q.event_list(bindings), bindings, limit, offset)]
            assert page == expected, (limit, offset)


# The events table's order by fatalities, as the engine sorts every match (no toll: last most first, first least
# first), and its filters.
BY_TOLL = q.PREFIXES + """SELECT ?event WHERE {
  #FILTERS#
  ?event a sem:Event .
  OPTIONAL { ?event ckg:fatalities ?toll }
} ORDER BY #ORDER# ?event #PAGE#
"""
TABLE_FILTERS = {"type": "?event ckg:eventType ?f_type .", "actor_id": "?event sem:hasActor ?f_actor_id ."}


@pytest.mark.parametrize("descending", [True, False], ids=["most first", "least first"])
@pytest.mark.parametrize("values_per_match", [0, 10_000], ids=["tolls as VALUES", "every match read"])
@pytest.mark.parametrize("bindings", [{}, {"f_type": "Riots"}, {"f_actor_id": URIRef(f"{BASE}actor/a2")}],
                         ids=lambda b: ",".join(b) or "none")
def test_every_page_by_toll_is_the_page_of_one_sort(store, bindings, values_per_match, descending, monkeypatch):
    monkeypatch.setattr(graph.newest, "_VALUES_PER_MATCH", values_per_match)
    names = {name.removeprefix("f_") for name in bindings}
    plain = BY_TOLL.replace("#FILTERS#", with_fragments(TABLE_FILTERS, names)).replace(
        "#ORDER#", "DESC(?toll)" if descending else "?toll")
    everything = [row["event"] for row in store.read(q.page(plain, 1000, 0), bindings)]
    assert len(everything) > 5
    for limit in (1, 4, 7, 60):
        for offset in range(0, len(everything) + 3):
            page = newest_first(store, q.browse_fatalities_list(names, descending), bindings, limit, offset)
            assert [row["item"] for row in page] == everything[offset:offset + limit], (limit, offset)


def test_a_page_holds_the_fields_of_its_items(store):
    rows = newest_first(store, q.event_list([]), {}, 5, 0)
    assert [row["item"] for row in rows] == [row["event"] for row in rows]
    assert all(row["type"] in ("Battles", "Riots") for row in rows)
    assert rows[0]["date"] == "2020-01-15"


@pytest.mark.parametrize("actors", [["a0"], ["a1", "a2"], ["a0", "a1", "a2"], ["none"]])
@pytest.mark.parametrize("bindings", [{}, {"type": "Riots"}, {"from": "2019-03"}], ids=lambda b: ",".join(b) or "none")
def test_the_latest_of_a_superset_are_the_first_page_of_the_list(store, actors, bindings):
    iris = [f"{BASE}actor/{a}" for a in actors]
    among = "VALUES ?actor { " + " ".join(f"<{i}>" for i in iris) + " } ?event sem:hasActor ?actor . "
    plain = EVERY_MATCH.replace("#FILTERS#", among + with_fragments(NETWORK_WINDOW, set(bindings) - {"from"})
                                ).replace("#DATES#", with_fragments(NETWORK_WINDOW, {"from"} & set(bindings)))
    plain = plain.replace("SELECT ?event", "SELECT DISTINCT ?event")
    everything = [row["event"] for row in store.read(q.page(plain, 1000, 0), bindings)]
    for limit in (1, 3, 9, 100):
        rows = newest_of_superset(store, q.network_view_events(bindings, iris), bindings, limit)
        assert [row["item"] for row in rows] == everything[:limit], limit


def test_rows_read_a_few_items_at_a_time_are_the_rows_read_at_once(store, monkeypatch):
    everything = newest_first(store, q.event_list([]), {}, 20, 0)
    monkeypatch.setattr(graph.newest, "IRIS_PER_READ", 3)
    assert newest_first(store, q.event_list([]), {}, 20, 0) == everything
    assert len(everything) == 20


def test_every_date_window_of_a_list_shares_one_read_of_its_dates(store):
    asked = []

    def counts(sparql, bindings):
        asked.append((sparql, bindings))
        return store.read(sparql, bindings)

    for window in ({}, {"from": "2019"}, {"from": "2018-12", "to": "2019-03-02"}):
        bindings = {"type": "Battles", **window}
        newest_first(store, q.event_list(bindings), bindings, 5, 0, counts=counts)
    dates = {(sparql, tuple(sorted(bindings.items()))) for sparql, bindings in asked if "GROUP BY ?date" in sparql}
    assert len(dates) == 1


@pytest.mark.parametrize("bindings", FILTERS, ids=lambda b: ",".join(b) or "none")
def test_a_lists_span_is_its_count_and_dates_read_as_its_pages_read_them(store, bindings):
    """The count and first and last dates of a list are those of its whole page, from reads its pages made."""
    asked = []

    def counts(sparql, bound):
        asked.append((sparql, tuple(sorted(bound.items()))))
        return store.read(sparql, bound)

    whole = newest_first(store, q.event_list(bindings), bindings, 1000, 0, counts=counts)
    pages_read, asked[:] = set(asked), []
    dates = [row["date"] for row in whole if row.get("date")]
    assert dates
    span = newest_span(q.event_list(bindings), bindings, counts)
    assert span == Span(len(whole), min(dates), max(dates))
    assert asked and set(asked) <= pages_read


@pytest.mark.parametrize("by_dates", [True, False], ids=["window's dates", "every match"])
def test_a_window_page_reads_every_match_only_when_every_match_costs_less_than_its_dates(store, by_dates, monkeypatch):
    """Reading every match costs every date's matches, not the window's: a window's page spanning its three
    dates is read by them when they cost less than every match, though more than the window's matches."""
    bindings = {"from": "2019-03-02", "to": "2019-03"}  # 2019-03-02, 2019-03 and 2019 overlap it
    window = newest_first(store, q.event_list(bindings), bindings, 1000, 0)
    every = newest_first(store, q.event_list([]), {}, 1000, 0)
    dated = sum(1 for row in every if row.get("date"))
    assert {row["date"] for row in window} == {"2019-03-02", "2019-03", "2019"} and len(window) < dated
    monkeypatch.setattr(graph.newest, "_VALUES_PER_MATCH", (len(window) + dated) // 6 if by_dates else dated)
    read, asked = store.read, []
    monkeypatch.setattr(store, "read", lambda sparql, bound=None: asked.append(sparql) or read(sparql, bound))
    assert newest_first(store, q.event_list(bindings), bindings, 1000, 0) == window
    matches = [sparql for sparql in asked if "(?event AS ?item) (STR(?date)" in sparql]  # with their rows or not
    assert len(matches) == 1 and ("VALUES" in matches[0]) is by_dates


@pytest.mark.parametrize("bindings", FILTERS, ids=lambda b: ",".join(b) or "none")
def test_a_page_whose_dates_hold_few_matches_reads_its_rows_with_them(store, bindings, monkeypatch):
    """The same rows as read after the page's items (``ROWS_WITH_DATES`` 0), in one read fewer."""
    monkeypatch.setattr(graph.newest, "_VALUES_PER_MATCH", 0)  # the page's dates as VALUES
    read, asked = store.read, []
    monkeypatch.setattr(store, "read", lambda sparql, bound=None: asked.append(sparql) or read(sparql, bound))
    found = {}
    for with_them in (0, 1000):
        monkeypatch.setattr(graph.newest, "ROWS_WITH_DATES", with_them)
        asked.clear()
        first = newest_first(store, q.event_list(bindings), bindings, 4, 0)
        found[with_them] = (first, len(asked), [newest_first(store, q.event_list(bindings), bindings, limit, offset)
                                                for limit in (1, 3, 7, 60) for offset in range(0, 62, 5)])
    (alone, alone_reads, pages), (together, together_reads, together_pages) = found[0], found[1000]
    assert together == alone and together_pages == pages and len(alone) == 4
    assert together_reads == alone_reads - 1


@pytest.mark.parametrize(("kept", "wanted", "expected"), [
    (None, 5, None),  # no summary kept: the list is read from the events
    ({"count": 3, "newest": ["e1", "e2", "e3"]}, 5, ["e1", "e2", "e3"]),  # every event kept
    ({"count": 150, "newest": ["e1", "e2", "e3", "e4"]}, 3, ["e1", "e2", "e3"]),
    ({"count": 150, "newest": ["e1", "e2", "e3", "e4"]}, 4, ["e1", "e2", "e3", "e4"]),
    ({"count": 150, "newest": ["e1", "e2", "e3", "e4"]}, 5, None),  # past the kept events of more
])
def test_the_first_events_of_a_summary_are_given_only_when_it_keeps_them(kept, wanted, expected):
    assert kept_first(kept, wanted) == expected


@pytest.fixture(scope="module")
def war():
    """A store written as the service writes, so each actor and place with events keeps its summary."""
    opened = Store(None)
    write(opened, war_records.extractions(), war_records.BASE)
    yield opened
    opened.close()


NAMED = {"army": [war_records.ARMY], "militia+town": [war_records.MILITIA, war_records.TOWNS[0]],
         "with no events": [war_records.FRONT, war_records.TOWNS[1], war_records.IDLE, war_records.EMPTY_TOWN],
         "none with events": [war_records.IDLE, war_records.EMPTY_TOWN],
         "all": [war_records.ARMY, war_records.MILITIA, war_records.FRONT, *war_records.TOWNS]}


@pytest.mark.parametrize(("limit", "offset"), [(10, 0), (7, 93), (20, 95), (5, 112), (50, 100), (30, 140), (200, 0)])
@pytest.mark.parametrize("named", NAMED.values(), ids=NAMED)
def test_a_page_of_entities_events_read_among_their_kept_ones_is_the_page_of_all_their_events(war, named, limit,
                                                                                             offset):
    """The army is in more events than its summary keeps: pages past them read its events."""
    assert newest_of_entities(war, named, limit, offset) == newest_first(war, q.search_events(named), {}, limit, offset)


def test_a_page_of_kept_events_counts_none_of_the_entities_events(war, monkeypatch):
    read, asked = war.read, []
    monkeypatch.setattr(war, "read", lambda sparql, bound=None: asked.append(sparql) or read(sparql, bound))
    named = [war_records.ARMY, war_records.TOWNS[0]]
    rows = newest_of_entities(war, named, 20, 30)
    assert len(rows) == 20
    assert not [sparql for sparql in asked if "VALUES ?named" in sparql]


@pytest.mark.parametrize(("most", "limit", "offset"), [(50, 20, 100), (50, 10, 0), (0, 20, 30), (100, 5, 95)])
def test_a_page_of_many_entities_events_sends_no_more_event_iris_than_the_bound(war, monkeypatch, most, limit,
                                                                               offset):
    """Past ``MOST_AMONG`` kept events to read among, the entities' events are read as before: same page, and no
    read names more events than the bound or the page."""
    named = NAMED["all"]
    expected = newest_first(war, q.search_events(named), {}, limit, offset)
    read, asked = war.read, []
    monkeypatch.setattr(war, "read", lambda sparql, bound=None: asked.append(sparql) or read(sparql, bound))
    monkeypatch.setattr(graph.newest, "MOST_AMONG", most)
    assert newest_of_entities(war, named, limit, offset) == expected
    assert max(sparql.count(war_records.BASE + "event/") for sparql in asked) <= max(most, limit)
