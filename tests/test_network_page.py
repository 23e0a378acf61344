"""The network page in a real headless Chromium, against the real service.

Checks what a user sees: no request leaves the server, no console error, the seed's actors
are drawn, filters change what is visible, a click opens the panel with evidence, and the
hostile names of the fixture stay inert text. Set CONFLICTKG_SCREENSHOT=1 to (re)write
docs/network.png from the seed network.
"""

from __future__ import annotations

import json
import os
import time
from urllib.parse import urlsplit

import pytest
import requests

from graph.records import Extraction
from tests.conftest import ROOT, _serve, write_data_dir

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIXTURE = ROOT / "tests" / "data" / "viz_extractions.json"
XSS_NAME = "<img src=x onerror=alert(1)>"


def extractions() -> list[Extraction]:
    """The hand-written Yemen and Mali documents of tests/data."""
    return [Extraction.from_json(e) for e in json.loads(FIXTURE.read_text(encoding="utf-8"))["extractions"]]


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    """The real service over the fixture documents (hostile names included); yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("network-page"), extractions()))


class Visit:
    """One page in a fresh browser context, recording every request, console error and dialog."""

    def __init__(self, browser, url: str, bypass_csp: bool = False):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready='1']", timeout=30_000)

    def wait_until(self, expression: str, seconds: float = 15) -> None:
        """Poll a JavaScript expression until it is true (page.wait_for_function would need eval, which CSP forbids)."""
        deadline = time.monotonic() + seconds
        while not self.page.evaluate(expression):
            if time.monotonic() > deadline:
                raise TimeoutError(f"still false after {seconds} s: {expression}")
            time.sleep(0.05)

    def visible_labels(self, layer: str = "actor") -> set[str]:
        """Labels of the nodes the network shows now."""
        return set(self.page.evaluate(
            """layer => [...window.conflictkg.visibleNodes()].map(id => window.conflictkg.nodes.get(id))
                 .filter(n => n.layer === layer).map(n => n.label)""", layer))

    def visible_edge_categories(self) -> list[str]:
        """Categories of the edges the network shows now."""
        return self.page.evaluate(
            "[...window.conflictkg.visibleEdges()].map(id => window.conflictkg.edges.get(id).cat)")

    def click_node(self, label: str) -> None:
        """Click with the mouse where the node labelled ``label`` is drawn."""
        point = self.node_point(label)
        self.page.mouse.click(point["x"], point["y"])

    def settled(self) -> None:
        """Wait until physics has settled the layout on screen and stopped (nodes no longer move)."""
        self.wait_until("!window.conflictkg.network.physics.physicsEnabled")

    def node_point(self, label: str) -> dict[str, float]:
        """Centre the view on the node labelled ``label`` once the layout is still; return where it is drawn."""
        self.settled()
        return self.page.evaluate(
            """label => {
                 const {network, nodes} = window.conflictkg;
                 const node = nodes.get({filter: n => n.label === label})[0];
                 network.moveTo({position: network.getPositions([node.id])[node.id], scale: 1.2});
                 const dom = network.canvasToDOM(network.getPositions([node.id])[node.id]);
                 const box = document.getElementById('network').getBoundingClientRect();
                 return {x: box.left + dom.x, y: box.top + dom.y};
               }""", label)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    """Open pages; each visit is closed after the test."""
    opened: list[Visit] = []

    def open_page(url: str, bypass_csp: bool = False) -> Visit:
        opened.append(Visit(browser, url, bypass_csp))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


def api_actor_names(server: str) -> set[str]:
    """Every actor's name, as the REST API lists them."""
    names, path = set(), "/api/actors?limit=500"
    while path:
        answer = requests.get(server + path, timeout=30).json()
        names |= {a["name"] for a in answer["actors"]}
        path = answer.get("next")
    return names


def test_seed_network_shows_every_actor_offline(live_server, visit):
    seen = visit(live_server + "/network")
    expected = api_actor_names(live_server)
    assert expected and seen.visible_labels() == expected
    assert {urlsplit(u).netloc for u in seen.requests} == {urlsplit(live_server).netloc}
    assert seen.errors == [] and seen.dialogs == []
    if os.environ.get("CONFLICTKG_SCREENSHOT") == "1":
        seen.page.wait_for_timeout(500)
        seen.page.screenshot(path=str(ROOT / "docs" / "network.png"))


def test_physics_settles_on_screen_then_stops_with_every_node_in_view(fixture_server, visit):
    """The page is drawn before physics has settled the layout; once still, physics stops and the view fits it."""
    seen = visit(fixture_server + "/network")
    assert seen.page.evaluate("window.conflictkg.network.physics.options.stabilization.enabled") is False
    seen.settled()
    assert seen.page.evaluate("""(() => {
      const network = window.conflictkg.network, box = document.getElementById("network").getBoundingClientRect();
      return Object.values(network.getPositions()).every((p) => {
        const at = network.canvasToDOM(p);
        return at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
      });
    })()""")


def test_kind_and_place_filters_change_what_is_visible(fixture_server, visit):
    seen = visit(fixture_server + "/network")
    everyone = {a.name for x in extractions() for a in x.actors}
    # kinds as reconciled (a dictionary actor keeps its dictionary kind whatever one report says)
    armed = {a["name"] for a in requests.get(fixture_server + "/api/actors?kind=armed_group&limit=500",
                                             timeout=30).json()["actors"]}
    assert seen.visible_labels() == everyone
    seen.page.uncheck("input[data-kind='armed_group']")
    assert seen.visible_labels() == everyone - armed
    seen.page.check("input[data-kind='armed_group']")
    mopti = seen.page.evaluate(
        "[...document.querySelectorAll('#place-filter option')].find(o => o.text === 'Mopti').value")
    seen.page.select_option("#place-filter", mopti)
    at_mopti = {n for x in extractions() for e in x.events if e.location == "Mopti" for n in (e.actor1, e.actor2)}
    assert seen.visible_labels() == at_mopti
    seen.page.check("#show-places")
    assert seen.visible_labels("place") == {"Mopti"}
    assert "3 of 11 actors" in seen.page.inner_text("#counts")


def test_date_and_type_filters(fixture_server, visit):
    seen = visit(fixture_server + "/network")
    seen.page.fill("#date-to", "2019-12-31")
    seen.page.dispatch_event("#date-to", "change")
    mali = {a.name for a in extractions()[1].actors}
    assert not (seen.visible_labels() & mali)  # every Mali event is from 2020
    assert "Houthi movement" in seen.visible_labels()
    assert "battle" in seen.visible_edge_categories()
    seen.page.uncheck("input[data-category='battle']")
    assert "battle" not in seen.visible_edge_categories() and seen.visible_edge_categories()
    seen.page.click("#reset")
    assert seen.visible_labels() >= mali


def test_click_opens_the_panel_with_evidence_from_the_api(fixture_server, visit):
    seen = visit(fixture_server + "/network")
    seen.click_node("JNIM")
    seen.page.wait_for_selector("#panel:not([hidden]) blockquote")
    assert seen.page.inner_text("#panel h2") == "JNIM"
    seen.wait_until("document.querySelectorAll('#panel blockquote').length >= 2")
    quotes = set(seen.page.eval_on_selector_all("#panel blockquote", "qs => qs.map(q => q.textContent)"))
    assert quotes == {e.evidence for x in extractions() for e in x.events if "JNIM" in (e.actor1, e.actor2)}
    assert "Test Sahel Monitor" in seen.page.inner_text("#panel")  # the source of the sentence
    links = seen.page.eval_on_selector_all("#panel a", "links => links.map(a => a.getAttribute('href'))")
    assert "/actors/jnim" in links and "/api/actors/jnim" in links
    seen.page.wait_for_selector("#panel dd:has-text('Jama')")  # an alias, from /api/actors/jnim
    assert {urlsplit(u).netloc for u in seen.requests} == {urlsplit(fixture_server).netloc}
    assert seen.errors == []


def test_hostile_names_and_sentences_stay_text(fixture_server, visit):
    # Without the Content-Security-Policy: escaping alone must keep the payloads inert.
    seen = visit(fixture_server + "/network", bypass_csp=True)
    seen.page.fill("#search-input", "onerror")
    seen.page.press("#search-input", "Enter")
    seen.page.wait_for_selector("#panel:not([hidden]) blockquote")
    assert seen.page.eval_on_selector("#panel h2", "h => h.textContent") == XSS_NAME
    quotes = seen.page.eval_on_selector_all("#panel blockquote", "qs => qs.map(q => q.textContent)")
    assert any(q.startswith("<script>alert(2)</script>") for q in quotes)
    point = seen.node_point(XSS_NAME)
    seen.page.mouse.move(point["x"] - 30, point["y"] - 30)
    seen.page.mouse.move(point["x"], point["y"], steps=5)  # hover: vis-network shows the node's title
    seen.wait_until("[...document.querySelectorAll('.vis-tooltip')].some(t => t.style.visibility === 'visible')")
    tooltip = seen.page.evaluate("[...document.querySelectorAll('.vis-tooltip')].map(t => t.textContent).join(' ')")
    assert XSS_NAME in tooltip
    assert seen.page.evaluate("document.querySelectorAll('img, script:not([src]):not([type]), [onerror]').length") == 0
    assert seen.dialogs == [] and seen.errors == []


def test_focus_link_from_an_entity_page(fixture_server, visit):
    seen = visit(fixture_server + "/network?focus=actors/houthi-movement")
    seen.page.wait_for_selector("#panel:not([hidden]) h2")
    assert seen.page.inner_text("#panel h2") == "Houthi movement"


def synthetic_graph(actors: int, events: int):
    """A random network of ``actors`` with ``events`` battles and strikes (seeded: the same every run)."""
    import random

    from graph.network import build_network

    rng = random.Random(5)
    rows = {"actors": [{"actor": f"urn:a:{i}", "name": f"Actor {i}", "kind": "militia"} for i in range(actors)],
            "events": [], "roles": []}
    for e in range(events):
        first, second = rng.sample(range(actors), 2)
        rows["events"].append({"event": f"urn:e:{e}", "type": "Battles", "sub_type": "Armed clash",
                               "date": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"})
        rows["roles"] += [{"event": f"urn:e:{e}", "role": "https://w3id.org/conflictkg/ontology#actor1",
                           "actor": f"urn:a:{first}"},
                          {"event": f"urn:e:{e}", "role": "https://w3id.org/conflictkg/ontology#actor2",
                           "actor": f"urn:a:{second}"}]
    return build_network(**rows)


def test_large_network_streams_its_edges_without_physics(browser, tmp_path):
    from viz.render import PageOptions, render_page

    graph = synthetic_graph(1500, 6000)
    path = tmp_path / "large.html"
    path.write_text(render_page(graph, PageOptions(standalone=True, site_url=None)), encoding="utf-8")
    started = time.perf_counter()
    seen = Visit(browser, path.as_uri())
    try:
        seen.wait_until("document.body.dataset.edges === 'complete'", seconds=120)
        print(f"1,500 nodes: drawn after {time.perf_counter() - started:.1f} s (generous bound; see bench/)")
        assert seen.page.evaluate("window.conflictkg.network.physics.physicsEnabled") is False
        assert len(seen.page.evaluate("window.conflictkg.network.body.edgeIndices")) == graph.number_of_edges(
        ) - sum(1 for _, _, k in graph.edges(keys=True) if k == "at")
        assert seen.requests == [path.as_uri()] and seen.errors == []
    finally:
        seen.close()


def test_exported_file_works_offline(browser, tmp_path):
    import subprocess
    import sys

    data_dir = write_data_dir(tmp_path / "store", extractions())
    out = tmp_path / "network.html"
    subprocess.run([sys.executable, "-m", "viz", "--out", str(out), "--data-dir", str(data_dir), "--quiet"],
                   cwd=ROOT, check=True, timeout=120)
    seen = Visit(browser, out.as_uri())
    try:
        assert seen.visible_labels() == {a.name for x in extractions() for a in x.actors}
        seen.click_node("JNIM")
        seen.page.wait_for_selector("#panel:not([hidden]) .event")
        assert "served by the ConflictKG API" in seen.page.inner_text("#panel")
        assert seen.requests == [out.as_uri()] and seen.errors == [] and seen.dialogs == []
    finally:
        seen.close()


def test_edge_panel_shows_the_interaction_and_its_evidence(fixture_server, visit):
    seen = visit(fixture_server + "/network")
    # vis-network's own click event for the JNIM -> MINUSMA strike edge (edges are curved, so no fixed pixel)
    seen.page.evaluate("""() => {
        const {network, nodes, edges} = window.conflictkg;
        const id = name => nodes.get({filter: n => n.label === name})[0].id;
        const edge = edges.get({filter: e => e.from === id('JNIM') && e.to === id('MINUSMA')})[0];
        network.body.emitter.emit('click', {nodes: [], edges: [edge.id], pointer: {DOM: {x: 0, y: 0}}});
    }""")
    seen.page.wait_for_selector("#panel:not([hidden]) blockquote")
    assert seen.page.inner_text("#panel h2") == "JNIM → MINUSMA"
    assert "strikes (hostile)" in seen.page.inner_text("#panel")
    [strike] = [e for x in extractions() for e in x.events if (e.actor1, e.actor2) == ("JNIM", "MINUSMA")]
    assert seen.page.eval_on_selector_all("#panel blockquote", "qs => qs.map(q => q.textContent)") == [strike.evidence]
    assert seen.errors == []


@pytest.mark.parametrize(("query", "found"), [("Ansar Allah", "Houthi movement"), ("fama", "Malian Armed Forces")])
def test_search_finds_actors_by_alias(fixture_server, visit, query, found):
    seen = visit(fixture_server + "/network")
    seen.page.fill("#search-input", query)
    seen.page.press("#search-input", "Enter")
    seen.page.wait_for_selector("#panel:not([hidden]) h2")
    assert seen.page.inner_text("#panel h2") == found
    assert seen.errors == []


def test_search_finds_a_place_that_is_not_drawn(fixture_server, visit):
    seen = visit(fixture_server + "/network")
    assert not seen.page.is_checked("#show-places")
    seen.page.fill("#search-input", "Bandiagara")
    seen.page.press("#search-input", "Enter")
    seen.wait_until("document.getElementById('search-status').textContent === 'Events at Bandiagara'")
    there = {n for x in extractions() for e in x.events if e.location == "Bandiagara" for n in (e.actor1, e.actor2)}
    assert seen.visible_labels() == there


def test_a_date_window_hides_actors_held_only_by_undated_ties(fixture_server, visit):
    seen = visit(fixture_server + "/network")
    assert "Southern Transitional Council" in seen.visible_labels()  # an affiliation, no event of its own
    seen.page.fill("#date-from", "2020-01-01")
    seen.page.dispatch_event("#date-from", "change")
    in_2020 = {n for x in extractions() for e in x.events if e.date >= "2020" for n in (e.actor1, e.actor2)}
    assert seen.visible_labels() == in_2020
    asserted = seen.page.evaluate(
        "[...window.conflictkg.visibleEdges()].filter(id => window.conflictkg.edges.get(id).asserted).length")
    assert asserted == 0  # no undated tie is drawn in a date window


def test_the_panel_lies_over_the_graph_without_resizing_it(fixture_server, visit):
    seen = visit(fixture_server + "/network")
    before = seen.page.evaluate("document.getElementById('network').getBoundingClientRect().width")
    seen.click_node("JNIM")
    seen.page.wait_for_selector("#panel:not([hidden])")
    after = seen.page.evaluate("document.getElementById('network').getBoundingClientRect().width")
    assert after == before


def test_on_a_phone_the_graph_comes_before_the_filters(fixture_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(fixture_server + "/network")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    graph = page.evaluate("document.getElementById('network').getBoundingClientRect().toJSON()")
    filters = page.evaluate("document.getElementById('filters').getBoundingClientRect().top")
    context.close()
    assert graph["top"] < 844 and graph["bottom"] <= filters and graph["height"] >= 400


LABEL_BOXES = """() => {
    const {network} = window.conflictkg;
    const scale = network.getScale();
    const threshold = network.body.nodes[Object.keys(network.body.nodes)[0]].options.scaling.label.drawThreshold;
    return [...window.conflictkg.visibleNodes()].map((id) => network.body.nodes[id])
      .filter((node) => node && node.options.label && node.labelModule.fontOptions.size * scale >= threshold)
      .map((node) => {
        const box = node.labelModule.size;  // canvas units, as drawn
        const corner = network.canvasToDOM({x: box.left, y: box.top});
        return {label: node.options.label, left: corner.x, top: corner.y, width: box.width * scale,
                height: box.height * scale};
      });
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of label boxes that share more than a pixel each way (on-screen pixels)."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            across = min(a["left"] + a["width"], b["left"] + b["width"]) - max(a["left"], b["left"])
            down = min(a["top"] + a["height"], b["top"] + b["height"]) - max(a["top"], b["top"])
            if across > 1 and down > 1:
                pairs.append((a["label"], b["label"]))
    return pairs


def box(label: str, left: float, top: float) -> dict:
    return {"label": label, "left": left, "top": top, "width": 100, "height": 14}


@pytest.mark.parametrize(("boxes", "pairs"), [
    ([box("a", 0, 0), box("b", 50, 7)], [("a", "b")]),       # one over the other's right half
    ([box("a", 0, 0), box("b", 100, 0)], []),                # side by side, touching
    ([box("a", 0, 0), box("b", 0, 13.5)], []),               # half a pixel of descender: not an overlap
    ([box("a", 0, 0), box("b", 99, 5), box("c", 98, 10)], [("a", "c"), ("b", "c")]),
])
def test_overlapping_label_boxes(boxes, pairs):
    assert overlapping(boxes) == pairs


@pytest.mark.parametrize("which", ["seed", "fixture"])
def test_labels_drawn_at_the_default_zoom_do_not_overlap(live_server, fixture_server, visit, which):
    seen = visit((live_server if which == "seed" else fixture_server) + "/network")
    seen.settled()
    seen.page.wait_for_timeout(300)
    boxes = seen.page.evaluate(LABEL_BOXES)
    assert len(boxes) >= 5 and all(box["width"] > 0 for box in boxes)
    assert overlapping(boxes) == []
