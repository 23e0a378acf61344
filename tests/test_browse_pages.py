"""The browse pages (/events, /actors, /places, /documents, /search) in headless Chromium and over HTTP.

The service is the real one over the hand-built records of tests/rest_records.py plus one document
whose actor and sentence are hostile HTML. Checks: filters change the rows and the downloads, columns
sort, pages page, the URL holds the filters, nothing leaves the server, hostile text stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from flask import template_rendered

from api import browse, close_app, create_app, tables
from api.limits import HEAVY_SLOTS
from graph import queries as q
from graph.records import Actor, Article, Event, Extraction, Location
from tests.browsing import OfflinePage
from tests.conftest import _serve, write_data_dir
from tests.rest_records import extractions as rest_extractions

HOSTILE_ACTOR = "<script>alert(1)</script>"
HOSTILE_SENTENCE = '<img src="http://example.org/x.png" onerror="alert(2)"> gunmen raided a market in Kidal.'


def hostile() -> Extraction:
    """A document whose actor name and evidence sentence are HTML that must never run."""
    actor = Actor(id="actor/hostile", name=HOSTILE_ACTOR, kind="armed_group")
    kidal = Location(id="place/kidal", name="Kidal", kind="city", country="ML", lat=18.44, lon=1.41, admin1="Kidal")
    event = Event(id="event/doc-hostile-0", event_type="Violence against civilians", sub_event_type="Attack",
                  actor1=HOSTILE_ACTOR, actor2=None, location="Kidal", date="2022-06-02", evidence=HOSTILE_SENTENCE,
                  start=0, end=len(HOSTILE_SENTENCE), fatalities=3)
    article = Article(id="doc-hostile", text=HOSTILE_SENTENCE, published=dt.date(2022, 6, 3),
                      title="<b>Raid</b> in Kidal", source="Wire D")
    return Extraction(document=article, actors=(actor,), locations=(kidal,), events=(event,))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real service over the hand-built records and the hostile document; yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("browse"), [*rest_extractions(), hostile()]))


def event_ids(links: list[str]) -> set[str]:
    return {link.rsplit("/", 1)[-1] for link in links}


def download_text(seen: OfflinePage, link_id: str) -> str:
    """Click a download link and return what was saved."""
    with seen.page.expect_download() as download:
        seen.page.click(f"#{link_id}")
    return open(download.value.path(), encoding="utf-8").read()


def test_every_filter_has_a_form_field():
    for kind, names in q.BROWSE_FILTERS.items():
        assert {name for name, _, _ in tables.FORM[kind]} == set(names), kind


@pytest.mark.browser
@pytest.mark.slow
def test_a_country_filter_changes_the_rows_the_url_and_both_downloads(server, offline_page):
    seen = offline_page(server, "/events")
    assert len(seen.row_links()) == 7
    seen.page.select_option("select[name=country]", label="Syria")
    seen.page.click("form.filters button[type=submit]")
    seen.page.wait_for_url("**/events?*country=SY*")
    shown = event_ids(seen.row_links())
    assert len(shown) == 4 and set(seen.column("country")) == {"Syria"}
    assert seen.page.inner_text("#total") == "4"
    rows = list(csv.DictReader(io.StringIO(download_text(seen, "download-csv"))))
    assert {r["event_id_cnty"].rsplit("/", 1)[-1] for r in rows} == shown
    assert {r["country"] for r in rows} == {"Syrian Arab Republic"} and "notes" in rows[0]
    answer = requests.get(server + seen.page.get_attribute("#download-json", "href"), timeout=30).json()
    assert {r["id"] for r in answer["rows"]} == shown and answer["total"] == 4
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("fields", "expected"), [
    ({"input[name=actor]": "hts"}, 3),  # alias of Hayat Tahrir al-Sham
    ({"input[name=text]": "SHELLING"}, 1),
    ({"input[name=from]": "2020-03", "input[name=to]": "2020-05"}, 3),
    ({"input[name=admin1]": "Banaadir"}, 2),
])
def test_text_and_date_filters(server, offline_page, fields, expected):
    seen = offline_page(server, "/events")
    for selector, value in fields.items():
        seen.page.fill(selector, value)
    seen.page.press("input[name=text]", "Enter")
    seen.page.wait_for_url("**/events?*")
    assert len(seen.row_links()) == expected
    args = parse_qs(urlsplit(seen.page.url).query)
    assert all(args[s.split("'")[0].split("=")[1].rstrip("]")] == [v] for s, v in fields.items())
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_columns_sort_both_ways(server, offline_page):
    seen = offline_page(server, "/events")
    seen.page.click("#rows th a:has-text('Fatalities')")
    seen.page.wait_for_url("**sort=-fatalities*")
    tolls = [int(t) for t in seen.column("fatalities") if t.strip().isdigit()]
    assert tolls == sorted(tolls, reverse=True) and tolls[0] == 7
    seen.page.click("#rows th a:has-text('Fatalities')")
    seen.page.wait_for_url("**sort=fatalities*")
    tolls = [int(t) for t in seen.column("fatalities") if t.strip().isdigit()]
    assert tolls == sorted(tolls)
    assert seen.page.get_attribute("#rows th[aria-sort]", "aria-sort") == "ascending"
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_paging_walks_every_row_once(server, offline_page):
    seen = offline_page(server, "/events?limit=3")
    pages = [event_ids(seen.row_links())]
    while seen.page.query_selector("a[rel=next]"):
        seen.page.click("a[rel=next]")
        seen.page.wait_for_load_state()
        pages.append(event_ids(seen.row_links()))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert len(set().union(*pages)) == 7
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("path", "first"), [
    ("/actors?q=army", "Somali National Army"), ("/places?country=SO", "Mogadishu"),
    ("/documents?q=aleppo", "Shelling near Aleppo"), ("/actors?kind=state_forces&sort=name", "Somali National Army"),
])
def test_entity_tables_filter_and_link_to_pages(server, offline_page, path, first):
    seen = offline_page(server, path)
    names = seen.page.eval_on_selector_all("#rows tbody tr td:first-child", "cells => cells.map(c => c.innerText)")
    assert first in names
    seen.page.click(f"#rows a:text-is('{first}')")
    seen.page.wait_for_load_state()
    assert first in seen.page.inner_text("h1")
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_home_search_opens_a_results_page(server, offline_page):
    seen = offline_page(server, "/")
    seen.page.fill("input[name=q]", "army")
    seen.page.press("input[name=q]", "Enter")
    seen.page.wait_for_url("**/search?q=army")
    actors = seen.page.eval_on_selector_all("#found-actors a", "links => links.map(a => a.innerText)")
    assert {"Syrian Arab Army", "Somali National Army"} <= set(actors)
    assert seen.page.query_selector_all("#found-events li")
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", ["/events?country=ML", "/actors?q=script", "/documents?q=raid", "/search?q=script"])
def test_hostile_text_stays_text(server, offline_page, path):
    seen = offline_page(server, path, bypass_csp=True)  # escaping alone must keep it inert
    body = seen.page.inner_text("main")
    assert HOSTILE_ACTOR in body or "<b>Raid</b>" in body
    assert seen.page.evaluate("document.querySelectorAll('main script, main img, main b, [onerror]').length") == 0
    seen.assert_clean()


@pytest.mark.parametrize(("path", "detail"), [
    ("/events?sort=colour", "'sort' must be one of"), ("/events.json?country=Atlantis", "'country' must be"),
    ("/actors.csv?q=" + "x" * 300, "at most 200"), ("/documents?from=last+week", "ISO date"),
    ("/events.json?limit=0", "'limit' must be"),
])
def test_bad_filters_are_problems(server, path, detail):
    answer = requests.get(server + path, timeout=30)
    assert answer.status_code == 400
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert detail in answer.json()["detail"]


def test_json_twin_matches_the_page_and_links_the_next_one(server):
    first = requests.get(server + "/events.json?type=Battles&limit=2", timeout=30).json()
    assert first["total"] == 4 and len(first["rows"]) == 2 and first["filters"] == {"type": "Battles"}
    second = requests.get(server + first["next"], timeout=30).json()
    assert second["next"] is None and len(second["rows"]) == 2
    assert {r["type"] for r in first["rows"] + second["rows"]} == {"Battles"}
    html = requests.get(server + "/events?type=Battles&limit=2", timeout=30).text
    assert all(f'href="/events/{r["id"]}"' in html for r in first["rows"])


def test_csv_download_of_actors_holds_every_filtered_row(server):
    answer = requests.get(server + "/actors.csv?country=SY", timeout=30)
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    names = {r["name"] for r in rows}
    assert {"Syrian Arab Army", "Civilians (Syria)"} <= names and "Al-Shabaab" not in names
    assert {r["country"] for r in rows} == {"Syria"}
    assert answer.headers["X-Total-Count"] == str(len(rows)) and "attachment" in answer.headers["Content-Disposition"]
    twin = requests.get(server + "/actors.json?country=SY&all=1", timeout=30).json()
    assert {r["name"] for r in twin["rows"]} == names


def test_streamed_event_downloads_give_their_slot_back(server):
    """More event downloads one after the other than there are heavy slots: none is refused (503)."""
    total = requests.get(server + "/events.json", timeout=30).json()["total"]
    for _ in range(HEAVY_SLOTS + 2):
        answer = requests.get(server + "/events.csv", timeout=30)
        assert answer.status_code == 200 and len(list(csv.DictReader(io.StringIO(answer.text)))) == total


def chart(seen: OfflinePage) -> dict:
    """What the page's chart draws now: dataset labels and sums, axis titles, legend shown."""
    seen.page.wait_for_selector("figure.chart[data-ready='1']", timeout=15_000)
    return seen.page.evaluate("""() => {
        const chart = window.Chart.getChart(document.querySelector('figure.chart canvas'));
        return {labels: chart.data.datasets.map(d => d.label),
                sums: chart.data.datasets.map(d => d.data.reduce((a, b) => a + b, 0)),
                months: chart.data.labels, x: chart.options.scales.x.title.text,
                y: chart.options.scales.y.title.text, legend: chart.options.plugins.legend.position};
    }""")


@pytest.mark.browser
@pytest.mark.slow
def test_events_chart_follows_the_filters(server, offline_page):
    seen = offline_page(server, "/events?country=SY")
    drawn = chart(seen)
    assert sum(drawn["sums"]) == 4 and set(drawn["labels"]) == set(seen.column("type"))
    assert (drawn["x"], drawn["y"], drawn["legend"]) == ("Month", "Events", "bottom")
    assert drawn["months"][0] == "2019-12" and drawn["months"][-1] == "2020-05" and len(drawn["months"]) == 6
    seen.page.select_option("figure.chart select[name=measure]", "fatalities")
    drawn = chart(seen)
    assert sum(drawn["sums"]) == 6 and drawn["y"].startswith("Fatalities")
    seen.page.select_option("figure.chart select[name=by]", "country")
    seen.page.wait_for_selector("figure.chart .chart-numbers th:text-is('Syria')", state="attached")
    assert chart(seen)["labels"] == ["Syria"]
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("path", "events"), [("/", 6), ("/actors/syrian-arab-army", 4), ("/places/mogadishu", 1)])
def test_home_actor_and_place_pages_chart_their_dated_events(server, offline_page, path, events):
    seen = offline_page(server, path)
    drawn = chart(seen)
    assert sum(drawn["sums"]) == events and drawn["x"] == "Month"
    assert "in all" in seen.page.inner_text("figure.chart .chart-status")
    if path.startswith("/places/"):
        seen.page.wait_for_selector("#place-map[data-ready='1']")  # a small offline map of the place
    seen.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", ["/events", "/actors", "/places", "/documents", "/map", "/", "/search?q=army"])
def test_every_control_has_a_label(server, offline_page, path):
    seen = offline_page(server, path)
    seen.page.wait_for_load_state("load")
    unlabelled = seen.page.evaluate("""() => [...document.querySelectorAll('input, select, button, textarea')]
        .filter(c => c.type !== 'hidden' && !c.closest('.leaflet-control'))
        .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.textContent.trim())
        .map(c => c.outerHTML)""")
    assert unlabelled == []
    seen.assert_clean()


SITE_NAV = re.compile(r'<nav aria-label="Site">.*?</nav>', re.S)


@pytest.mark.parametrize("path", ["/actors/syrian-arab-army", "/places/mogadishu", "/network", "/map",
                                  "/documents/doc-hostile", "/search?q=army", "/"])
def test_every_page_has_the_site_navigation_of_the_tables(server, path):
    tables = SITE_NAV.findall(requests.get(server + "/events", timeout=30).text)
    assert len(tables) == 1 and 'href="/places"' in tables[0]
    assert SITE_NAV.findall(requests.get(server + path, timeout=30).text) == tables


def test_pages_and_twins_are_kept_until_a_write_and_downloads_never(hand_built_data_dir, tmp_path):
    """A table page and its JSON twin are answered again from the cache until the next write, which adds its
    row to the next answer; a CSV download is read every time. A kept page has no inline script (its nonce
    would not be the next answer's)."""
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data"), "write_token": "cache-test-token"})
    client = app.test_client()
    try:
        for path in ("/events?sort=-fatalities", "/events.json?sort=-fatalities", "/actors", "/search?q=somali"):
            first, again = client.get(path), client.get(path)
            assert (first.status_code, first.headers["X-Cache"], again.headers["X-Cache"]) == (200, "miss", "hit")
            assert again.get_data() == first.get_data() and again.mimetype == first.mimetype
            assert b"nonce=" not in first.get_data()
        assert "X-Cache" not in client.get("/events.csv").headers
        update = ("PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> INSERT DATA { GRAPH "
                  "<https://conflictkg.org/id/graph/test-kept> { <https://conflictkg.org/id/actor/kept-test-militia> "
                  'a sem:Actor ; <https://schema.org/name> "Kept Test Militia" } }')
        written = client.post("/sparql", data={"update": update},
                              headers={"Authorization": "Bearer cache-test-token"})
        assert written.status_code in (200, 204), written.get_data(as_text=True)
        after = client.get("/actors")
        assert after.headers["X-Cache"] == "miss" and b"Kept Test Militia" in after.get_data()
    finally:
        close_app(app)


@pytest.mark.parametrize(("value", "html"), [
    ({"name": "Town <b>", "href": "/places/town?a=1&b=2"}, '<a href="/places/town?a=1&amp;b=2">Town &lt;b&gt;</a>'),
    ({"name": None, "href": "/actors/x"}, '<a href="/actors/x">x</a>'),
    ({"href": "/places/some-town"}, '<a href="/places/some-town">some-town</a>'),
    ({"name": "No <link>"}, "No &lt;link&gt;"), ({"href": None, "name": None}, '<span class="none">–</span>'),
    (None, '<span class="none">–</span>'),
    (3, "3"), (0, "0"), ("<img onerror=alert(1)>", "&lt;img onerror=alert(1)&gt;"), ('"quoted"', "&#34;quoted&#34;"),
])
def test_a_cell_is_a_link_a_dash_or_escaped_text(value, html):
    assert str(browse.cell(value)) == html


_EVENT_COLUMNS = (("date", "Date"), ("type", "Event type"), ("actor1", "Actor 1"))


@pytest.mark.parametrize(("row", "html"), [
    ({"href": "/events/e1", "id": "e1", "date": "2021-04-03", "type": "Battles",
      "actor1": {"name": "Ridge Brigade", "href": "/actors/ridge-brigade"}},
     '\n  <td data-column="date"><a href="/events/e1">2021-04-03</a></td>\n'
     '\n  <td data-column="type">Battles</td>\n'
     '\n  <td data-column="actor1"><a href="/actors/ridge-brigade">Ridge Brigade</a></td>\n'),
    ({"href": "/events/e2", "id": "e2", "date": None, "type": None, "actor1": None},
     '\n  <td data-column="date"><a href="/events/e2">undated</a></td>\n'
     '\n  <td data-column="type"><span class="none">–</span></td>\n'
     '\n  <td data-column="actor1"><span class="none">–</span></td>\n'),
    ({"href": "/events/e3?x=1&y=2", "id": "e3", "date": "<i>2020</i>", "type": "<b>", "actor1": {"name": None,
                                                                                                  "href": "/actors/q"}},
     '\n  <td data-column="date"><a href="/events/e3?x=1&amp;y=2">&lt;i&gt;2020&lt;/i&gt;</a></td>\n'
     '\n  <td data-column="type">&lt;b&gt;</td>\n'
     '\n  <td data-column="actor1"><a href="/actors/q">q</a></td>\n'),
])
def test_a_row_is_its_linked_first_cell_and_its_other_cells(row, html):
    assert str(browse.cells(row, _EVENT_COLUMNS)) == html


@pytest.mark.parametrize(("row", "html"), [
    ({"href": "/actors/delta-front", "id": "delta-front", "name": "", "kind": "armed_group"},
     '\n  <td data-column="name"><a href="/actors/delta-front">delta-front</a></td>\n'
     '\n  <td data-column="kind">armed_group</td>\n'),
    ({"href": "/actors/x", "id": "x", "name": '"Quoted" Front', "kind": 0},
     '\n  <td data-column="name"><a href="/actors/x">&#34;Quoted&#34; Front</a></td>\n'
     '\n  <td data-column="kind">0</td>\n'),
])
def test_a_row_without_a_first_value_shows_its_id(row, html):
    assert str(browse.cells(row, (("name", "Name"), ("kind", "Kind")))) == html


@pytest.mark.parametrize("path", ["/events", "/actors", "/places", "/documents", "/events?country=SO&sort=date"])
def test_a_filter_form_is_built_once_for_every_page_of_a_view_until_a_write(hand_built_data_dir, tmp_path, path):
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    built = []

    def rendered(sender, template, context, **extra):
        if template.name == "pages/filters.html":
            built.append(context["query"].offset)

    template_rendered.connect(rendered, app)
    try:
        client, joiner = app.test_client(), "&" if "?" in path else "?"
        pages = [client.get(f"{path}{joiner}offset={offset}").get_data(as_text=True) for offset in (0, 1, 2)]
        form = re.search(r'<form class="filters".*?</form>', pages[0], re.DOTALL)
        assert form and all(form.group(0) in page for page in pages) and built == [0]
        app.extensions["conflictkg.store"].insert(  # a write: every kept answer goes
            b'<https://conflictkg.org/id/actor/form-test> <https://schema.org/name> "Form Test Front" .\n',
            "https://conflictkg.org/id/graph/form-test")
        client.get(f"{path}{joiner}offset=1")
        assert built == [0, 1]
    finally:
        template_rendered.disconnect(rendered, app)
        close_app(app)
