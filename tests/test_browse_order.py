"""The browse tables' default order (newest first, read as ``graph.newest`` reads lists) over a real service.

The store holds the hand-built records of tests/rest_records.py and one more document whose events share
dates with them, or are dated by a year or a month alone, or not at all. Every page of the default order,
walked by its ``next`` links, must give the rows the engine gives when it sorts every match (the order of
``ORDER BY DESC(STR(?date)) ?event``: a date's text newest first, so "2020-03-01" before "2020-03" before
"2020", ties by IRI, undated rows last), with the same total, under each filter. The documents table
likewise, newest published first (one more document is published on the day of one of the records').
The map's events (all located here) come in the same order. Sorted by fatalities, the pages are in the engine's order
too (ties by IRI, events without a toll last most deadly first, first least deadly first).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import requests

from graph.records import Article, Event, Extraction, Location
from tests.conftest import _serve, write_data_dir
from tests.rest_records import ARMY, CIVILIANS, HTS, extractions

HAMA = Location(id="place/hama", name="Hama", kind="city", country="SY", lat=35.13, lon=36.75, admin1="Hama")
_DATES = ("2020-03-01", "2020", "2020-03", "2019-12", "2020-03-01", None, "2019")
_TYPES = (("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
          ("Violence against civilians", "Attack"), ("Battles", "Armed clash"),
          ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Battles", "Armed clash"),
          ("Violence against civilians", "Attack"))


def more_dates() -> Extraction:
    """A document with events whose dates tie with the records' or are a year, a month, or none."""
    text = "Fighting went on around Hama for months."
    events = tuple(Event(id=f"event/doc-hama-{n}", event_type=kind[0], sub_event_type=kind[1],
                         actor1="Syrian Arab Army", actor2="Civilians (Syria)" if n % 2 else "Hayat Tahrir al-Sham",
                         location="Hama", date=date, evidence=f"Report {n}: {text}", start=n, end=n + len(text),
                         fatalities=n)
                   for n, (date, kind) in enumerate(zip(_DATES, _TYPES, strict=True)))
    article = Article(id="doc-hama", text=text, published=dt.date(2020, 5, 10), title="Months of fighting",
                      source="Wire E")
    return Extraction(document=article, actors=(ARMY, HTS, CIVILIANS), locations=(HAMA,), events=events)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real service over the records and the document of many dates; yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("order"), [*extractions(), more_dates()]))


def engine_order(server: str, filters: str) -> list[str]:
    """The filtered events' ids in the default order, from every row as the engine sorts them by type."""
    rows = requests.get(f"{server}/events.json?all=1&sort=type&{filters}", timeout=30).json()["rows"]
    by_iri = sorted(rows, key=lambda row: row["id"])
    dated = sorted((row for row in by_iri if row["date"]), key=lambda row: row["date"], reverse=True)  # stable
    return [row["id"] for row in dated] + [row["id"] for row in by_iri if not row["date"]]


def walked(server: str, filters: str, limit: int, table: str = "events") -> tuple[list[str], set[int]]:
    """The ids of every page of the default order by its ``next`` links, and the totals the pages gave."""
    ids, totals, url = [], set(), f"/{table}.json?limit={limit}&{filters}"
    while url:
        answer = requests.get(server + url, timeout=30).json()
        ids += [row["id"] for row in answer["rows"]]
        totals.add(answer["total"])
        url = answer["next"]
    return ids, totals


@pytest.mark.parametrize("filters", ["", "type=Battles", "from=2020&to=2020-03", "from=2020-03", "to=2019",
                                     "country=SY", "actor_id=syrian-arab-army", "actor=army", "place_id=hama",
                                     "sub_type=Armed+clash&from=2020", "admin1=Hama", "text=Hama"])
@pytest.mark.parametrize("limit", [1, 3, 50])
def test_pages_of_the_default_order_are_the_engine_order(server, filters, limit):
    expected = engine_order(server, filters)
    ids, totals = walked(server, filters, limit)
    assert expected and ids == expected and totals == {len(expected)}


def test_dates_of_a_day_a_month_and_a_year_sort_by_their_text(server):
    dates = [row["date"] for row in requests.get(server + "/events.json?place_id=hama", timeout=30).json()["rows"]]
    assert dates == ["2020-03-01", "2020-03-01", "2020-03", "2020", "2019-12", "2019", None]


def test_the_page_and_the_download_keep_the_twin_order(server):
    twin = [row["id"] for row in requests.get(server + "/events.json?limit=4&offset=2", timeout=30).json()["rows"]]
    html = requests.get(server + "/events?limit=4&offset=2", timeout=30).text
    assert sorted(twin, key=lambda event: html.index(f'href="/events/{event}"')) == twin
    every = [row["id"] for row in requests.get(server + "/events.json?all=1", timeout=30).json()["rows"]]
    download = requests.get(server + "/events.csv", timeout=30)
    assert [row["event_id_cnty"].rsplit("/", 1)[-1] for row in csv.DictReader(io.StringIO(download.text))] == every
    assert download.headers["X-Total-Count"] == str(len(every))


def test_a_page_past_the_end_is_empty_with_the_total(server):
    answer = requests.get(server + "/events.json?offset=1000", timeout=30).json()
    assert answer["rows"] == [] and answer["total"] == len(engine_order(server, "")) and answer["next"] is None


@pytest.mark.parametrize("filters", ["", "q=wire", "q=fighting", "from=2020-04&to=2020-05", "from=2020",
                                     "to=2020-05-10"])
@pytest.mark.parametrize("limit", [1, 2, 50])
def test_pages_of_the_documents_newest_first_are_the_engine_order(server, filters, limit):
    rows = requests.get(f"{server}/documents.json?all=1&sort=title&{filters}", timeout=30).json()["rows"]
    by_iri = sorted(rows, key=lambda row: row["id"])
    expected = [row["id"] for row in sorted(by_iri, key=lambda row: row["published"], reverse=True)]
    ids, totals = walked(server, filters, limit, "documents")
    assert expected and ids == expected and totals == {len(expected)}


@pytest.mark.parametrize("filters", ["", "type=Battles", "from=2020&to=2020-03", "actor_id=syrian-arab-army"])
def test_the_map_keeps_the_events_newest_first(server, filters):
    answer = requests.get(f"{server}/map/events.json?{filters}", timeout=30).json()
    ids = [row[answer["columns"].index("id")] for row in answer["rows"]]
    assert ids == engine_order(server, filters) and answer["total"] == len(ids)  # every place has a point


@pytest.mark.parametrize("filters", ["", "type=Battles", "actor_id=syrian-arab-army", "country=SY", "admin1=Hama",
                                     "from=2020", "actor=army&to=2020-03"])
@pytest.mark.parametrize("limit", [1, 3, 50])
@pytest.mark.parametrize("sort", ["-fatalities", "fatalities"])
def test_pages_by_fatalities_are_the_engine_order(server, filters, limit, sort):
    rows = requests.get(f"{server}/events.json?all=1&sort=type&{filters}", timeout=30).json()["rows"]
    by_iri = sorted(rows, key=lambda row: row["id"])
    most = sort.startswith("-")
    tolled = [row["id"] for row in sorted((row for row in by_iri if row["fatalities"] is not None),
                                          key=lambda row: row["fatalities"], reverse=most)]  # stable: ties by IRI
    untolled = [row["id"] for row in by_iri if row["fatalities"] is None]
    expected = tolled + untolled if most else untolled + tolled
    ids, totals = walked(server, f"sort={sort}&{filters}", limit)
    assert expected and ids == expected and totals == {len(expected)}
