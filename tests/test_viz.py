"""The network behind the page: legend data, aggregation, layout, rendering, escaping, CLI."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser

import networkx as nx
import pytest

from graph import queries as q
from graph.interactions import interactions
from graph.network import NetworkView, build_network, most_active, read_network
from graph.records import Extraction
from graph.store import Store
from tests.conftest import ROOT, write_data_dir
from viz import layout, legend
from viz.render import PageOptions, render_page

XSS_NAME = "<img src=x onerror=alert(1)>"
FIXTURE = ROOT / "tests" / "data" / "viz_extractions.json"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
CKG = "https://w3id.org/conflictkg/ontology#"


def fixture_extractions() -> list[Extraction]:
    """The hand-written Yemen and Mali documents (with hostile names) of tests/data."""
    return [Extraction.from_json(e) for e in json.loads(FIXTURE.read_text(encoding="utf-8"))["extractions"]]


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory) -> Iterator[Store]:
    """A real on-disk store holding the fixture documents, written by the ingest path; closed after the module."""
    store = Store(str(write_data_dir(tmp_path_factory.mktemp("viz-store"), fixture_extractions())))
    yield store
    store.close()


# ------------------------------------------------------------------ legend data


def acled_pairs() -> list[tuple[str, str]]:
    """Every (event type, sub-event type) of the graph's ACLED taxonomy file."""
    path = ROOT / "graph" / "data" / "events" / "acled_taxonomy.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [(row["event_type"], row["sub_event_type"]) for row in csv.DictReader(lines, delimiter="\t")]


@pytest.mark.parametrize(("event_type", "sub_type"), acled_pairs())
def test_every_acled_sub_event_type_has_its_own_row(event_type, sub_type):
    table = interactions()
    assert (event_type.lower(), sub_type.lower()) in table
    assert table[(event_type.lower(), sub_type.lower())] in legend.categories()


@pytest.mark.parametrize(
    ("event_type", "sub_type", "category", "stance"),
    [
        ("Battles", "Armed clash", "battle", "hostile"),
        ("Explosions/Remote violence", "Air/drone strike", "strike", "hostile"),
        ("Violence against civilians", "Abduction/forced disappearance", "attack", "hostile"),
        ("Strategic developments", "Agreement", "agreement", "cooperative"),
        ("Protests", "Peaceful protest", "protest", "contentious"),
        ("battles", "ARMED CLASH", "battle", "hostile"),  # case does not matter
        ("Battles", "A sub-type from a later codebook", "battle", "hostile"),  # falls back on the event type
        ("Not an ACLED type", None, "other", "other"),
    ],
)
def test_events_map_to_categories(event_type, sub_type, category, stance):
    assert legend.category_of_event(event_type, sub_type) == category
    assert legend.categories()[category].stance == stance


@pytest.mark.parametrize("relation", ["part_of", "member_of", "affiliated_with", "supports", "leads"])
def test_affiliations_are_cooperative(relation):
    assert legend.categories()[legend.category_of_relation(relation)].stance == "cooperative"


def test_legend_colours_are_hex_and_distinct():
    colours = [c.color for c in legend.categories().values()] + [k.color for k in legend.kinds().values()]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len({c.color for c in legend.categories().values()}) == len(legend.categories())
    assert len({k.color for k in legend.kinds().values()}) == len(legend.kinds())


@pytest.mark.parametrize(
    ("kind", "expected"), [("armed_group", "armed_group"), ("warlord", "unknown"), (None, "unknown")]
)
def test_unknown_kinds_fall_back(kind, expected):
    assert legend.kind_of(kind) == expected


# ------------------------------------------------------------------ aggregation


def actor_rows(*names_kinds):
    return [{"actor": f"urn:a:{n}", "name": n, "kind": k} for n, k in names_kinds]


def event_row(n, event_type, sub_type, date=None, place=None):
    row = {"event": f"urn:e:{n}", "type": event_type, "sub_type": sub_type}
    return {**row, **({"date": date} if date else {}), **({"place": place} if place else {})}


def role(n, role_name, actor):
    return {"event": f"urn:e:{n}", "role": f"{CKG}{role_name}", "actor": f"urn:a:{actor}"}


def test_interactions_are_aggregated_per_pair_and_category():
    graph = build_network(
        actors=actor_rows(("A", "state_forces"), ("B", "armed_group"), ("C", "civilians")),
        places=[{"place": "urn:p:x", "name": "X", "kind": "city", "wkt": "POINT(36.1 32.6)"}],
        events=[event_row(1, "Battles", "Armed clash", "2020-01-02", "urn:p:x"),
                event_row(2, "Battles", "Armed clash", "2020-02"),
                event_row(3, "Explosions/Remote violence", "Air/drone strike", "2020-03-01"),
                event_row(4, "Explosions/Remote violence", "Air/drone strike"),
                event_row(5, "Violence against civilians", "Attack", "2020-04-01")],
        roles=[role(1, "actor1", "A"), role(1, "actor2", "B"), role(2, "actor1", "B"), role(2, "actor2", "A"),
               role(3, "actor1", "A"), role(3, "actor2", "B"), role(4, "actor1", "B"), role(4, "actor2", "A"),
               role(5, "actor1", "B"), role(5, "actor2", "C"), role(5, "associateActor1", "A")],
        relations=[{"subject": "urn:a:A", "relation": f"{CKG}supports", "object": "urn:a:C"}],
    )
    edges = {(u[-1], v[-1], k): d for u, v, k, d in graph.edges(keys=True, data=True) if k != "at"}
    assert len(edges[("A", "B", "battle")]["events"]) == 2  # battles have no direction: one edge both ways
    assert len(edges[("A", "B", "strike")]["events"]) == 1 and len(edges[("B", "A", "strike")]["events"]) == 1
    assert ("B", "C", "attack") in edges and ("A", "B", "allied") in edges  # associate of actor1 sides with it
    assert edges[("A", "C", "supports")]["asserted"] and edges[("A", "C", "supports")]["events"] == []
    assert len(graph.nodes["urn:a:A"]["events"]) == 5 and len(graph.nodes["urn:a:C"]["events"]) == 1
    assert graph.nodes["urn:p:x"]["lat"] == pytest.approx(32.6) and graph.has_edge("urn:a:A", "urn:p:x", key="at")
    assert [e.date for e in graph.graph["events"]] == ["2020-01-02", "2020-02", "2020-03-01", "2020-04-01", None]


def test_events_without_roles_link_every_participant():
    hosts = [{"event": "urn:e:1", "role": f"{SEM}hasActor", "actor": f"urn:a:{n}"} for n in "ABC"]
    graph = build_network(actor_rows(("A", "militia"), ("B", "militia"), ("C", "militia")),
                          events=[event_row(1, "Riots", "Mob violence")], roles=hosts)
    assert sorted((u[-1], v[-1]) for u, v in graph.edges()) == [("A", "B"), ("A", "C"), ("B", "C")]


def test_network_from_a_real_store(fixture_store):
    graph = read_network(fixture_store)
    actors = {d["name"]: iri for iri, d in graph.nodes(data=True) if d["layer"] == "actor"}
    expected = {a.name for e in fixture_extractions() for a in e.actors}
    assert expected <= set(actors)
    assert len(graph.graph["events"]) == sum(len(e.events) for e in fixture_extractions())
    assert all(e.date for e in graph.graph["events"])  # every fixture event is dated
    pair = {k for u, v, k in graph.edges(keys=True)
            if {u, v} == {actors["Houthi movement"], actors["Yemeni government forces"]}}
    assert pair == {"battle", "agreement"}
    stc, coalition = actors["Southern Transitional Council"], actors["Saudi-led coalition"]
    assert graph.has_edge(*sorted((stc, coalition)), key="affiliated_with")  # no direction: stored in name order


@pytest.mark.parametrize(("counts", "most", "chosen"), [
    ([("urn:b", 2), ("urn:a", 5), ("urn:c", 3)], 2, ["urn:a", "urn:c"]),
    ([("urn:b", 3), ("urn:c", 3), ("urn:a", 3)], 2, ["urn:a", "urn:b"]),  # ties by IRI
    ([("urn:z", 1), ("urn:a", 10)], 5, ["urn:a", "urn:z"]),  # fewer than asked: all of them
    ([("urn:Z", 2), ("urn:a", 2)], 1, ["urn:Z"]),  # IRIs by code point, as the engine orders them
    ([("urn:x", "12"), ("urn:y", "9")], 1, ["urn:x"]),  # counts compare as numbers
])
def test_most_active_actors_in_the_engine_order(counts, most, chosen):
    assert most_active([{"actor": a, "events": n} for a, n in counts], most) == chosen


# The most active actors as the engine orders them, the window checked on each event's date (#W#: its filters).
ENGINE_TOP = q.PREFIXES + """SELECT ?actor (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event sem:hasActor ?actor .
  OPTIONAL { ?event sem:hasTimeStamp ?date }
  #W#
} GROUP BY ?actor ORDER BY DESC(?events) ?actor LIMIT #N#
"""
# the window's checks as the event lists' filters make them (graph/queries/base.py EVENT_FILTERS): a date of a month
# is in a window from or to any day of it
WINDOW_CHECKS = {"type": "?event ckg:eventType ?type .",
                 "from": "FILTER(SUBSTR(STR(?date), 1, IF(STRLEN(STR(?date)) < STRLEN(?from), STRLEN(STR(?date)), "
                         "STRLEN(?from))) >= SUBSTR(?from, 1, STRLEN(STR(?date))))",
                 "to": "FILTER(SUBSTR(STR(?date), 1, STRLEN(?to)) <= SUBSTR(?to, 1, STRLEN(STR(?date))))"}


@pytest.mark.parametrize("most", [1, 2, 3, 5, 8])
@pytest.mark.parametrize("window", [{}, {"type": "Battles"}, {"from": "2019-03-06"}, {"to": "2019-03-05"},
                                    {"from": "2019-02-10", "to": "2020-05-30"}, {"type": "Battles", "from": "2019-03"},
                                    {"from": "2030-01-01"}, {"to": "2018-12-01"}])
def test_the_view_takes_the_actors_the_engine_orders_first(fixture_store, most, window):
    checks = " ".join(WINDOW_CHECKS[name] for name in window)
    expected = fixture_store.read(ENGINE_TOP.replace("#W#", checks).replace("#N#", str(most)), window)
    view = NetworkView(actors=most, event_type=window.get("type"), start=window.get("from"), end=window.get("to"))
    graph = read_network(fixture_store, view)
    assert {n for n, d in graph.nodes(data=True) if d["layer"] == "actor"} == {row["actor"] for row in expected}


@pytest.mark.parametrize(("window", "counted"), [({"from": "2030-01-01"}, 0), ({"to": "2001-12-31"}, 0),
                                               ({"from": "2019-03-06"}, 1), ({}, 1)])
def test_a_window_counts_actors_over_its_dates_only(fixture_store, window, counted):
    """The most active actors of a date window are counted from its dates (none: no count at all), not by checking
    the window on every event's date."""
    read, asked = fixture_store.read, []
    fixture_store.read = lambda sparql, bindings=None: asked.append(sparql) or read(sparql, bindings)
    try:
        read_network(fixture_store, NetworkView(start=window.get("from"), end=window.get("to")))
    finally:
        fixture_store.read = read
    counts = [text for text in asked if "AS ?events" in text]
    assert len(counts) == counted and not any("STRLEN(?" in text for text in counts)  # no check of the window


# ------------------------------------------------------------------ layout


@pytest.mark.parametrize(
    "graph",
    [nx.star_graph(150), nx.barabasi_albert_graph(900, 2, seed=3),
     nx.disjoint_union(nx.path_graph(40), nx.empty_graph(25))],
    ids=["star", "large-hub-graph", "components-and-isolates"],
)
def test_layout_places_every_node_apart_and_repeats(graph):
    graph = nx.relabel_nodes(graph, {n: f"n{n}" for n in graph})
    layout._CACHE.clear()
    first = layout.compute_layout(graph)
    layout._CACHE.clear()
    assert layout.compute_layout(graph) == first
    assert set(first) == set(graph)
    assert len(set(first.values())) == graph.number_of_nodes()  # no two nodes on one spot


# Builds a graph in the order of a set of strings (which follows PYTHONHASHSEED) and prints its layout.
_LAYOUT_IN_SET_ORDER = """
import json, sys
import networkx as nx
from viz.layout import compute_layout
seed = nx.barabasi_albert_graph(int(sys.argv[1]), 2, seed=5)
edges = {(f"actor/{u}", f"actor/{v}") for u, v in seed.edges}
graph = nx.Graph()
graph.add_edges_from(edges)
graph.add_nodes_from({f"actor/alone-{n}" for n in range(6)})
print(json.dumps(compute_layout(graph), sort_keys=True))
"""


@pytest.mark.parametrize("size", [60, 400], ids=["spring", "pivot-mds"])
def test_layout_is_the_same_in_processes_with_different_hash_seeds(size):
    def positions(hash_seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", _LAYOUT_IN_SET_ORDER, str(size)], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)
        return done.stdout

    first = positions("1")
    assert len(json.loads(first)) == size + 6
    assert positions("2") == first
    assert positions("3") == first


# ------------------------------------------------------------------ rendering


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.scripts, self.tags = [], {}, []
        self._script = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        self.urls += [attrs[a] for a in ("src", "href") if a in attrs]
        self._script = attrs.get("id") if tag == "script" else None

    def handle_data(self, data):
        if self._script:
            self.scripts[self._script] = data

    def handle_endtag(self, tag):
        self._script = None


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def small_graph(name: str = XSS_NAME) -> nx.MultiDiGraph:
    return build_network(actor_rows((name, "armed_group"), ("B", "state_forces")),
                         events=[event_row(1, "Battles", "Armed clash", "2021-05-01")],
                         roles=[role(1, "actor1", name), role(1, "actor2", "B")])


@pytest.mark.parametrize("standalone", [False, True], ids=["served", "standalone"])
def test_untrusted_names_reach_the_page_only_as_escaped_json(standalone):
    html = render_page(small_graph(), PageOptions(standalone=standalone, site_url=None if standalone else ""))
    page = parse(html)
    assert XSS_NAME not in html and "<img" not in page.tags
    labels = [n["label"] for n in json.loads(page.scripts["network-nodes"])]
    assert XSS_NAME in labels  # intact after JSON decoding, for the script to show as text
    assert any(XSS_NAME in n["title"] for n in json.loads(page.scripts["network-nodes"]))
    edges = json.loads(page.scripts["network-edges"])
    assert edges and all(set(e) == {"id", "from", "to", "cat", "ev", "asserted"} for e in edges)  # no text in edges


def test_served_page_links_only_to_this_server():
    page = parse(render_page(small_graph("Al-Shabaab"), PageOptions()))
    assert page.urls and all(url.startswith(("/", "data:", "#")) and not url.startswith("//") for url in page.urls)
    assert "/viz/static/vendor/vis-network/vis-network.min.js" in page.urls


def test_standalone_page_inlines_everything_and_forbids_requests():
    html = render_page(small_graph("Al-Shabaab"), PageOptions(standalone=True, site_url=None))
    page = parse(html)
    assert [u for u in page.urls if not u.startswith("data:")] == []
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "default-src 'none'" in unescape(policy) and "connect-src 'none'" in unescape(policy)
    assert "vis.Network" in html and "sourceMappingURL" not in html


@pytest.mark.parametrize(("nodes", "physics"), [(10, True), (2000, False)])
def test_physics_only_below_the_threshold(nodes, physics):
    graph = build_network(actor_rows(*[(f"actor {i}", "militia") for i in range(nodes)]))
    scripts = parse(render_page(graph, PageOptions(physics_threshold=500))).scripts
    options = json.loads(scripts["network-options"])["physics"]
    assert options["enabled"] is physics
    assert options.get("stabilization", {"enabled": False})["enabled"] is False  # drawn at once, settled on screen
    positioned = json.loads(scripts["network-nodes"])
    assert len(positioned) == nodes and all("x" in n and "y" in n for n in positioned)


def test_node_colour_survives_without_groups():
    nodes = json.loads(parse(render_page(small_graph("Al-Shabaab"))).scripts["network-nodes"])
    assert all("group" not in n for n in nodes)
    assert {n["color"]["background"] for n in nodes} == {legend.kinds()["armed_group"].color,
                                                         legend.kinds()["state_forces"].color}


# ------------------------------------------------------------------ command line


def test_cli_writes_a_standalone_file(tmp_path):
    out = tmp_path / "network.html"
    data_dir = tmp_path / "copy"
    write_data_dir(data_dir, fixture_extractions())
    done = subprocess.run([sys.executable, "-m", "viz", "--out", str(out), "--data-dir", str(data_dir)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert re.search(r"wrote .*: 11 actors", done.stderr)
    nodes = json.loads(parse(out.read_text(encoding="utf-8")).scripts["network-nodes"])
    assert XSS_NAME in {n["label"] for n in nodes}


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--out", "x.html", "--data-dir", "/nonexistent/store"], "no store"),
     (["--out", "/nonexistent/dir/x.html"], "error:"),
     (["--out", "x.html", "--site-url", "ftp://host"], "--site-url")],
)
def test_cli_bad_input_is_one_line(tmp_path, args, message):
    data_dir = tmp_path / "store"
    write_data_dir(data_dir, [])
    args = [str(tmp_path / a) if a == "x.html" else a for a in args]
    if "--data-dir" not in args:
        args = [*args, "--data-dir", str(data_dir)]
    done = subprocess.run([sys.executable, "-m", "viz", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_cli_help_reads_well():
    done = subprocess.run([sys.executable, "-m", "viz", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "--out" in done.stdout and "offline" in done.stdout


