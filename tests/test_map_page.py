"""The map page in headless Chromium against the real service: its points are the filtered events.

Data: the hand-built records of tests/rest_records.py and the hostile Kidal document of the browse
tests. Checks: points match /events.json for the same filters, the time slider narrows them, a click
opens the event with its evidence (hostile text stays text), nothing leaves the server.
"""

from __future__ import annotations

import os

import pytest
import requests

from graph.vocab import CURRENT_GRAPH
from tests.browsing import OfflinePage
from tests.conftest import ROOT, WRITE_TOKEN, _serve, write_data_dir
from tests.rest_records import extractions
from tests.test_browse_pages import HOSTILE_SENTENCE, hostile

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real service over the hand-built records and the hostile document (writes allowed); yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("map"), [*extractions(), hostile()]),
                      CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN)


def open_map(offline_page, server: str, query: str = "", **options) -> OfflinePage:
    seen = offline_page(server, "/map" + query, **options)
    seen.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    return seen


def table_ids(server: str, query: str) -> set[str]:
    answer = requests.get(f"{server}/events.json?all=1&{query.lstrip('?')}", timeout=30).json()
    return {row["id"] for row in answer["rows"]}


@pytest.mark.parametrize("query", ["", "?country=SY", "?type=Battles&from=2020-03", "?actor=shabaab"])
def test_points_are_the_filtered_events(server, offline_page, query):
    seen = open_map(offline_page, server, query)
    shown = set(seen.page.evaluate("window.conflictkg.shown()"))
    assert shown == table_ids(server, query) and shown  # every event of the fixture has a located place
    seen.assert_clean()


def test_time_slider_narrows_the_points(server, offline_page):
    seen = open_map(offline_page, server, "?country=SY")
    seen.page.evaluate("""() => {
        const to = document.getElementById('month-to');
        to.value = 3;  // 2019-12, 2020-01, 2020-02, 2020-03
        to.dispatchEvent(new Event('input'));
    }""")
    assert seen.page.inner_text("#month-to-label") == "2020-03"
    shown = set(seen.page.evaluate("window.conflictkg.shown()"))
    assert shown == table_ids(server, "country=SY&to=2020-03") and len(shown) == 3
    assert seen.page.inner_text("#map-status").startswith("3 of 4 located events shown")
    seen.assert_clean()


def click_first_event(seen: OfflinePage) -> None:
    """Click where the first loaded event is drawn and wait for its evidence in the popup."""
    point = seen.page.evaluate("""() => {
        const {map} = window.conflictkg;
        const event = window.conflictkg.events()[0];
        const at = map.latLngToContainerPoint([event.lat, event.lon]);
        const box = document.getElementById('map').getBoundingClientRect();
        return {x: box.left + at.x, y: box.top + at.y};
    }""")
    seen.page.mouse.click(point["x"], point["y"])
    seen.page.wait_for_selector(".event-popup blockquote")


def test_a_click_opens_the_event_with_its_evidence(server, offline_page):
    seen = open_map(offline_page, server, "?country=ML", bypass_csp=True)  # escaping alone keeps it inert
    click_first_event(seen)
    assert seen.page.inner_text(".event-popup blockquote") == HOSTILE_SENTENCE
    assert seen.page.inner_text(".event-popup .popup-title") == "Attack"
    assert seen.page.evaluate("document.querySelectorAll('.event-popup img, [onerror]').length") == 0
    seen.assert_clean()


def update(server: str, text: str) -> None:
    answer = requests.post(server + "/sparql", data={"update": text},
                           headers={"Authorization": f"Bearer {WRITE_TOKEN}"}, timeout=30)
    assert answer.status_code in (200, 204), answer.text


def test_the_map_data_is_kept_until_a_write(server):
    path = server + "/map/events.json?country=SO"
    first = requests.get(path, timeout=30).json()
    assert requests.get(path, timeout=30).json() == first
    event = "https://conflictkg.org/id/event/test-kept-map"
    triples = (f"<{event}> a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; "
               "<http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace> <https://conflictkg.org/id/place/mogadishu> .")
    update(server, f"INSERT DATA {{ GRAPH <{CURRENT_GRAPH}> {{ {triples} }} }}")
    after = requests.get(path, timeout=30).json()
    assert after["located"] == first["located"] + 1 and "test-kept-map" in {row[0] for row in after["rows"]}
    update(server, f"DELETE DATA {{ GRAPH <{CURRENT_GRAPH}> {{ {triples} }} }}")
    assert requests.get(path, timeout=30).json() == first


def test_the_popup_names_the_admin1(server, offline_page):
    seen = open_map(offline_page, server, "?country=SO&type=Battles")  # one event: a point, not a cluster
    click_first_event(seen)
    assert "Mogadishu, Banaadir" in seen.page.inner_text(".event-popup .popup-where")
    seen.assert_clean()


def test_the_keyboard_reaches_a_point_and_opens_it(server, offline_page):
    seen = open_map(offline_page, server, "?country=SO&type=Battles")
    for _ in range(60):  # Tab through the page's controls to the first point of the map
        seen.page.keyboard.press("Tab")
        if seen.page.evaluate("document.activeElement.classList.contains('point')"):
            break
    label = seen.page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label == "Armed clash in Mogadishu, 2021-01-15"
    seen.page.keyboard.press("Enter")
    seen.page.wait_for_selector(".event-popup blockquote")
    assert seen.page.evaluate("document.activeElement.className") == "popup-title"
    seen.page.keyboard.press("Escape")
    seen.page.wait_for_selector(".event-popup", state="detached")
    assert seen.page.evaluate("document.activeElement.getAttribute('aria-label')") == label
    seen.assert_clean()


ADMIN1_DRAWN = """async () => {
    const layer = await window.conflictkg.admin1;
    return window.conflictkg.map.hasLayer(layer) ? layer.getLayers().map((line) => line.feature.id) : [];
}"""


def test_admin1_lines_are_drawn_close_up_only(server, offline_page):
    seen = open_map(offline_page, server, "?country=SY")  # fitted to two Syrian cities: zoom 7
    drawn = seen.page.evaluate(ADMIN1_DRAWN)
    assert "SYR" in drawn and "SOM" in drawn  # every country's lines, from the vendored file
    seen.page.evaluate("void window.conflictkg.map.setZoom(2, {animate: false})")
    assert seen.page.evaluate(ADMIN1_DRAWN) == []
    seen.assert_clean()


def test_seed_pages_work_offline(live_server, offline_page):
    """The seed's events on the map, in the table and on an event page; CONFLICTKG_SCREENSHOT=1 writes docs/."""
    shots = os.environ.get("CONFLICTKG_SCREENSHOT") == "1"
    seen = open_map(offline_page, live_server)
    assert set(seen.page.evaluate("window.conflictkg.shown()")) == table_ids(live_server, "")
    if shots:
        seen.page.screenshot(path=str(ROOT / "docs" / "map.png"))
    table = offline_page(live_server, "/events")
    table.page.wait_for_selector("figure.chart[data-ready='1']")
    links = table.row_links()
    assert len(links) == len(table_ids(live_server, ""))
    if shots:
        table.page.screenshot(path=str(ROOT / "docs" / "events.png"), full_page=True)
    event = offline_page(live_server, links[0])
    event.page.wait_for_selector("blockquote")
    if shots:
        event.page.wait_for_timeout(500)
        event.page.screenshot(path=str(ROOT / "docs" / "event.png"), full_page=True)
    for page in (seen, table, event):
        page.assert_clean()
