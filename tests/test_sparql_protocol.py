"""``/sparql`` over the real service: protocol, formats, datasets, auth, limits, clients.

Two live servers: the seeded one of conftest (read-only, no token) and a writable one with a
short time limit and a small row cap over generated data loaded through ``/store``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from api.sparql import examples
from api.sparql_text import add_using, analyse
from tests.conftest import WRITE_TOKEN, _serve

EX = "http://example.org/"
ITEMS, LABELS, MAX_ROWS, TIMEOUT_MS = 40, 10, 25, 2000
AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}
COUNT_ITEMS = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}value> ?v }}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A writable service with a 2 s limit and a 25-row cap, holding two generated graphs."""
    settings = {"CONFLICTKG_WRITE_TOKEN": WRITE_TOKEN, "CONFLICTKG_QUERY_TIMEOUT_MS": str(TIMEOUT_MS),
                "CONFLICTKG_MAX_ROWS": str(MAX_ROWS)}  # fmt: skip
    for url in _serve(tmp_path_factory.mktemp("sparql-store"), **settings):
        items = "".join(f"<{EX}item/{i}> <{EX}value> {i} .\n" for i in range(ITEMS))
        labels = "".join(f'<{EX}label/{i}> <{EX}label> "label {i}"@en .\n' for i in range(LABELS))
        for graph, body in ((f"{EX}graph/items", items), (f"{EX}graph/labels", labels)):
            put = requests.put(url + "/store", params={"graph": graph}, data=body.encode(), timeout=30,
                               headers={"Content-Type": "text/turtle", **AUTH})
            assert put.status_code == 201, put.text
        yield url


def select_json(url: str, query: str, **params) -> dict:
    answer = requests.get(url + "/sparql", params={"query": query, **params}, timeout=30,
                          headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def count(url: str, query: str = COUNT_ITEMS, **params) -> int:
    return int(select_json(url, query, **params)["results"]["bindings"][0]["n"]["value"])


# --- query transport ---------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["get", "post-form", "post-direct"])
def test_every_query_transport_gives_the_same_answer(server, how):
    accept = {"Accept": "application/sparql-results+json"}
    if how == "get":
        answer = requests.get(server + "/sparql", params={"query": COUNT_ITEMS}, headers=accept, timeout=30)
    elif how == "post-form":
        answer = requests.post(server + "/sparql", data={"query": COUNT_ITEMS}, headers=accept, timeout=30)
    else:
        answer = requests.post(server + "/sparql", data=COUNT_ITEMS.encode(), timeout=30,
                               headers={"Content-Type": "application/sparql-query", **accept})
    assert answer.status_code == 200
    assert answer.json()["results"]["bindings"][0]["n"]["value"] == str(ITEMS)


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("GET", {"params": {"query": ["ASK {}", "ASK {}"]}}, 400),
        ("GET", {"params": {"update": "CLEAR ALL"}}, 400),
        ("GET", {"params": {"query": "SELEKT * {}"}}, 400),
        ("GET", {"params": {"query": "   "}}, 400),
        ("POST", {"data": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ("POST", {"data": b"ASK {}"}, 400),
        ("POST", {"data": "ASK {}".encode("utf-16"),
                  "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415),
        ("POST", {"data": b"\xff\xfe", "headers": {"Content-Type": "application/sparql-query"}}, 400),
        ("POST", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
        ("POST", {"data": {"nothing": "here"}}, 400),
        ("PUT", {"params": {"query": "ASK {}"}}, 405),
        ("GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400),
        ("POST", {"data": {"query": "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000}}, 400),
        ("POST", {"data": {"query": "ASK { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }"}}, 400),
        ("POST", {"data": {"update": "INSERT { ?s ?p ?o } WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000},
                  "headers": AUTH}, 400),
    ],
)
def test_malformed_requests_get_a_problem(server, method, kwargs, status):
    answer = requests.request(method, server + "/sparql", timeout=30, **kwargs)
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert answer.json()["status"] == status and answer.json()["detail"]
    assert count(server) == ITEMS  # and the service goes on answering


def test_nesting_up_to_the_limit_is_fine(server):
    from api.sparql_text import MAX_NESTING

    depth = MAX_NESTING - 1
    query = "SELECT (COUNT(*) AS ?n) WHERE " + "{" * depth + f" ?s <{EX}value> ?v " + "}" * depth
    assert count(server, query) == ITEMS


# --- content negotiation ----------------------------------------------------------------------

def parse_rows(media_type: str, body: bytes) -> list[str]:
    """The ``?v`` values of a SELECT answer in any of the four result formats."""
    if media_type == "application/sparql-results+json":
        return [b["v"]["value"] for b in json.loads(body)["results"]["bindings"]]
    if media_type == "application/sparql-results+xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        root = ET.fromstring(body)  # noqa: S314 -- our own test server's answer
        return [r.find(f"{ns}binding/{ns}literal").text for r in root.iter(f"{ns}result")]
    if media_type == "text/csv":
        return [row["v"] for row in csv.DictReader(io.StringIO(body.decode()))]
    assert body.decode().splitlines()[0] == "?v"
    return [row["v"].value for row in ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_results_follow_the_accept_header(server, accept, media_type):
    query = f"SELECT ?v WHERE {{ ?s <{EX}value> ?v FILTER(?v < 3) }} ORDER BY ?v"
    answer = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].split(";")[0] == media_type
    assert parse_rows(media_type, answer.content) == ["0", "1", "2"]


def test_a_long_accept_header_is_negotiated_as_a_short_one(server):
    # past the length whose negotiation is kept, and sent twice, as a client sends its own every time
    accept = ", ".join(f"text/x-unknown-{i};q=0.2" for i in range(60)) + ", text/csv"
    for _ in range(2):
        answer = requests.get(server + "/sparql", params={"query": COUNT_ITEMS}, headers={"Accept": accept}, timeout=30)
        assert answer.headers["Content-Type"].split(";")[0] == "text/csv"


def test_relative_iris_resolve_against_the_host_each_request_names(server):
    query = "SELECT ?x WHERE { BIND(<item> AS ?x) }"
    for host in ("one.example", "two.example:8080", "one.example"):
        answer = requests.get(server + "/sparql", params={"query": query}, timeout=30,
                              headers={"Accept": "application/sparql-results+json", "Host": host})
        assert answer.json()["results"]["bindings"][0]["x"]["value"] == f"http://{host}/item"


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("*/*", "text/turtle", "turtle"),
    ],
)
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_graph_results_follow_the_accept_header(server, accept, media_type, rdflib_format, form):
    if form == "CONSTRUCT":
        query = f"CONSTRUCT {{ ?s <{EX}value> ?v }} WHERE {{ ?s <{EX}value> ?v FILTER(?v < 5) }}"
    else:
        query = f"DESCRIBE <{EX}item/3>"
    answer = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"].split(";")[0] == media_type
    graph = Graph().parse(data=answer.content, format=rdflib_format)
    expected = Graph()
    for i in range(5) if form == "CONSTRUCT" else [3]:
        expected.add((URIRef(f"{EX}item/{i}"), URIRef(f"{EX}value"), Literal(i)))
    assert graph.isomorphic(expected), graph.serialize(format="nt")


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
@pytest.mark.parametrize(("query", "expected"), [(f"ASK {{ <{EX}item/1> ?p ?o }}", True),
                                                ("ASK { <urn:x> ?p ?o }", False)])
def test_ask_answers_a_boolean(server, accept, query, expected):
    answer = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    assert answer.status_code == 200
    parsed = ox.parse_query_results(answer.content, format=ox.QueryResultsFormat.from_media_type(accept))
    assert bool(parsed) is expected


@pytest.mark.parametrize(("name", "media_type"), [("csv", "text/csv"), ("xml", "application/sparql-results+xml"),
                                                  ("tsv", "text/tab-separated-values")])
def test_the_format_parameter_overrides_accept(server, name, media_type):
    answer = requests.get(server + "/sparql", params={"query": COUNT_ITEMS, "format": name}, timeout=30,
                          headers={"Accept": "application/sparql-results+json"})
    assert answer.headers["Content-Type"].split(";")[0] == media_type


@pytest.mark.parametrize(("query", "accept"), [(COUNT_ITEMS, "text/turtle"),
                                               (f"CONSTRUCT WHERE {{ ?s <{EX}value> ?v }}", "text/csv")])
def test_an_unservable_accept_header_gets_406(server, query, accept):
    answer = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    assert answer.status_code == 406
    assert answer.headers["Content-Type"].startswith("application/problem+json")


# --- datasets -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "params", "expected"),
    [
        (COUNT_ITEMS, {}, ITEMS),  # default graph = union of the named graphs
        ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {}, ITEMS + LABELS),
        ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {"default-graph-uri": f"{EX}graph/labels"}, LABELS),
        ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
         {"default-graph-uri": [f"{EX}graph/labels", f"{EX}graph/items"]}, ITEMS + LABELS),
        ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {"named-graph-uri": f"{EX}graph/labels"}, 0),
        ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"named-graph-uri": f"{EX}graph/labels"}, LABELS),
        (f"SELECT (COUNT(*) AS ?n) FROM <{EX}graph/labels> WHERE {{ ?s ?p ?o }}", {}, LABELS),
        (f"SELECT (COUNT(*) AS ?n) FROM <{EX}graph/labels> WHERE {{ ?s ?p ?o }}",
         {"default-graph-uri": f"{EX}graph/items"}, ITEMS),  # the protocol dataset wins over FROM
    ],
)
def test_the_dataset_comes_from_the_protocol_then_the_query_then_the_union(server, query, params, expected):
    assert count(server, query, **params) == expected


# --- service description and editor ------------------------------------------------------------

@pytest.mark.parametrize(("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                                                       ("application/n-triples", "nt"), ("*/*", "turtle")])
def test_a_bare_get_describes_the_service(server, accept, rdflib_format):
    answer = requests.get(server + "/sparql", headers={"Accept": accept}, timeout=30)
    assert answer.status_code == 200
    graph = Graph().parse(data=answer.content, format=rdflib_format)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(server + "/sparql")) in graph
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Update")) in graph


def test_browsers_get_the_query_editor_with_local_assets(server):
    answer = requests.get(server + "/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
                          timeout=30)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/html")
    page = answer.text
    for example in examples():
        assert example["name"] in page
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links and all(link.startswith(("/", "data:", "#")) for link in links), links  # nothing from elsewhere
    for asset in ("/static/yasgui/yasgui.min.js", "/static/yasgui/yasgui.min.css"):
        assert asset in page
        assert requests.get(server + asset, timeout=30).status_code == 200


@pytest.mark.slow
@pytest.mark.browser
def test_the_editor_runs_an_example_offline_in_a_real_browser(live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(live_server + "/sparql")
        page.click("#examples button >> nth=1")  # events by type
        page.wait_for_selector(".yasr table tbody tr", timeout=20000)
        first_row = page.inner_text(".yasr table tbody tr >> nth=0")
        browser.close()
    assert any(name in first_row for name in ("Battles", "Explosions", "Violence", "Protests", "Riots", "Strategic"))
    outside = [url for url in requested if not url.startswith((live_server, "data:"))]
    assert outside == []
    assert any(url.endswith("/static/yasgui/yasgui.min.js") for url in requested)


@pytest.mark.slow
@pytest.mark.browser
def test_a_shared_link_brings_its_query_but_never_its_endpoint(live_server):
    from playwright.sync_api import sync_playwright

    from tests.trap import Trap

    query = "SELECT ?type (COUNT(*) AS ?n) WHERE { ?e a ?type } GROUP BY ?type"
    with Trap() as trap, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(live_server + "/sparql#" + urlencode({"endpoint": trap.url, "query": query}))
        page.wait_for_load_state("networkidle")
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table tbody tr", timeout=20000)
        browser.close()
        assert trap.contacts == 0
    assert [url for url in requested if not url.startswith((live_server, "data:"))] == []
    assert f"{live_server}/sparql" in requested


@pytest.mark.parametrize("index", range(len(examples())))
def test_every_example_query_finds_something_in_the_seed_graph(live_server, index):
    rows = select_json(live_server, examples()[index]["query"])["results"]["bindings"]
    assert rows, examples()[index]["name"]


# --- writes and auth -------------------------------------------------------------------------------

def update(url: str, text: str, headers: dict[str, str] | None = None, form: bool = False) -> requests.Response:
    if form:
        return requests.post(url + "/sparql", data={"update": text}, headers=headers or {}, timeout=30)
    return requests.post(url + "/sparql", data=text.encode(), timeout=30,
                         headers={"Content-Type": "application/sparql-update", **(headers or {})})


@pytest.mark.parametrize("form", [False, True])
def test_an_update_with_the_token_is_applied_and_read_back(server, form):
    graph = f"{EX}graph/scratch-{int(form)}"
    answer = update(server, f"INSERT DATA {{ GRAPH <{graph}> {{ <{EX}a> <{EX}b> <{EX}c> }} }}", AUTH, form)
    assert answer.status_code == 204, answer.text
    assert count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}") == 1
    assert update(server, f"DROP GRAPH <{graph}>", AUTH, form).status_code == 204
    assert count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}") == 0


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": f"Basic {WRITE_TOKEN}"}, 401),
     ({"Authorization": "Bearer "}, 401)],
)
def test_an_update_without_the_right_token_gets_401(server, headers, status):
    answer = update(server, "CLEAR ALL", headers)
    assert answer.status_code == status
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert count(server) == ITEMS  # nothing was cleared


def test_a_read_only_server_refuses_updates_with_403(live_server):
    answer = update(live_server, "CLEAR ALL", AUTH)
    assert answer.status_code == 403
    assert "CONFLICTKG_WRITE_TOKEN" in answer.json()["detail"]


@pytest.mark.parametrize(
    "text",
    [f"SELECT * WHERE {{ SERVICE <{EX}sparql> {{ ?s ?p ?o }} }}",
     f"select * where {{ service silent <{EX}sparql> {{ ?s ?p ?o }} }}",
     "SELECT * WHERE { ?x ?y ?z . SERVICE ?x { ?s ?p ?o } }"],
)
def test_service_is_refused(server, text):
    answer = requests.get(server + "/sparql", params={"query": text}, timeout=30)
    assert answer.status_code == 400 and "SERVICE" in answer.json()["detail"]


@pytest.mark.parametrize("text", [f"LOAD <{EX}data.ttl>", f"load silent <{EX}data.ttl> INTO GRAPH <{EX}g>"])
def test_load_is_refused(server, text):
    answer = update(server, text, AUTH)
    assert answer.status_code == 400 and "LOAD" in answer.json()["detail"]


@pytest.mark.parametrize(
    "query",
    ['SELECT ?service WHERE { BIND("SERVICE <http://x/> {}" AS ?service) }',
     "PREFIX load: <http://example.org/load#> SELECT * WHERE { ?s load:service ?o } # SERVICE",
     "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }"],
)
def test_the_words_service_and_load_elsewhere_are_fine(server, query):
    answer = requests.get(server + "/sparql", params={"query": query}, timeout=30)
    assert answer.status_code == 200, answer.text


# --- limits -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/tab-separated-values"])
def test_long_results_are_cut_at_max_rows_and_flagged(server, accept):
    query = f"SELECT ?s WHERE {{ ?s <{EX}value> ?v }}"
    answer = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    assert answer.headers["X-SPARQL-Truncated"] == "true"
    assert answer.headers["X-SPARQL-Max-Rows"] == str(MAX_ROWS)
    parsed = list(ox.parse_query_results(answer.content, format=ox.QueryResultsFormat.from_media_type(accept)))
    assert len(parsed) == MAX_ROWS
    if accept.endswith("json"):
        assert answer.json()["truncated"] is True


def test_short_results_are_not_flagged(server):
    query = f"SELECT ?s WHERE {{ ?s <{EX}label> ?v }}"
    answer = requests.get(server + "/sparql", params={"query": query}, timeout=30)
    assert "X-SPARQL-Truncated" not in answer.headers
    assert len(answer.json()["results"]["bindings"]) == LABELS and "truncated" not in answer.json()


def test_long_graphs_are_cut_too(server):
    answer = requests.get(server + "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, timeout=30,
                          headers={"Accept": "application/n-triples"})
    assert answer.headers["X-SPARQL-Truncated"] == "true"
    assert len(answer.text.strip().splitlines()) == MAX_ROWS


@pytest.mark.slow
def test_a_runaway_query_is_stopped_while_other_clients_are_served(server):
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"
    finished: dict[str, tuple[float, requests.Response]] = {}

    def run(name: str, query: str) -> None:
        answer = requests.get(server + "/sparql", params={"query": query}, timeout=60)
        finished[name] = (time.monotonic(), answer)

    slow = threading.Thread(target=run, args=("slow", cartesian))
    started = time.monotonic()
    slow.start()
    time.sleep(0.5)  # the cartesian product is running now
    run("quick", COUNT_ITEMS)
    slow.join()
    quick_at, quick = finished["quick"]
    slow_at, stopped = finished["slow"]
    assert quick.status_code == 200 and quick_at < slow_at  # answered while the product ran
    assert stopped.status_code == 503
    assert stopped.headers["Content-Type"].startswith("application/problem+json")
    assert "time limit" in stopped.json()["detail"]
    assert slow_at - started >= TIMEOUT_MS / 1000
    assert count(server) == ITEMS  # and the server goes on answering


# --- standard clients ----------------------------------------------------------------------------

def test_sparqlwrapper_selects_asks_and_constructs(server):
    client = SPARQLWrapper(server + "/sparql")
    client.setReturnFormat(JSON)
    client.setQuery(COUNT_ITEMS)
    assert client.query().convert()["results"]["bindings"][0]["n"]["value"] == str(ITEMS)
    client.setQuery(f"ASK {{ <{EX}item/7> <{EX}value> 7 }}")
    assert client.query().convert()["boolean"] is True
    client.setQuery(f"CONSTRUCT WHERE {{ <{EX}item/7> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert (URIRef(f"{EX}item/7"), URIRef(f"{EX}value"), Literal(7)) in graph


def test_sparqlwrapper_updates_with_the_token(server):
    client = SPARQLWrapper(server + "/sparql")
    client.setMethod(POST)
    client.addCustomHttpHeader("Authorization", f"Bearer {WRITE_TOKEN}")
    client.setQuery(f"INSERT DATA {{ GRAPH <{EX}graph/wrapper> {{ <{EX}w> <{EX}p> 1 }} }}")
    client.query()
    assert count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}graph/wrapper> {{ ?s ?p ?o }} }}") == 1
    assert update(server, f"DROP GRAPH <{EX}graph/wrapper>", AUTH).status_code == 204


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_rdflib_sparqlstore_reads_the_graph(server, method):
    graph = Graph(store=SPARQLStore(server + "/sparql", method=method, returnFormat="json"))
    rows = list(graph.query(f"SELECT ?v WHERE {{ <{EX}item/5> <{EX}value> ?v }}"))
    assert [row.v.toPython() for row in rows] == [5]
    assert (URIRef(f"{EX}item/6"), URIRef(f"{EX}value"), Literal(6)) in graph


def test_rdflib_sparqlupdatestore_writes_with_the_token(server):
    store = SPARQLUpdateStore(server + "/sparql", server + "/sparql", headers=dict(AUTH))
    graph = Graph(store=store, identifier=URIRef(f"{EX}graph/rdflib"))
    graph.add((URIRef(f"{EX}r"), URIRef(f"{EX}p"), Literal("from rdflib")))
    assert count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}graph/rdflib> {{ ?s ?p ?o }} }}") == 1
    assert update(server, f"DROP GRAPH <{EX}graph/rdflib>", AUTH).status_code == 204


# --- the lexer, on its own ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "forbidden", "has_from", "has_using"),
    [
        ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE", False, False),
        ("LOAD <http://x/data.ttl>", "LOAD", False, False),
        ("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }", None, True, False),
        ("SELECT * WHERE { ?s ?p 'SERVICE FROM LOAD' }", None, False, False),
        ('SELECT * WHERE { ?s ?p """multi\nline SERVICE""" }', None, False, False),
        ("SELECT ?from ?service WHERE { ?s ex:from ?service }", None, False, False),
        ("SELECT * WHERE { ?s ?p ?o } # SERVICE in a comment", None, False, False),
        ('SELECT * WHERE { ?s ?p "x"@load }', None, False, False),
        ("WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", None, False, True),
        ("DELETE { ?s ?p ?o } USING <http://x/g> WHERE { ?s ?p ?o }", None, False, True),
    ],
)
def test_the_lexer_sees_keywords_only_where_they_are(text, forbidden, has_from, has_using):
    analysis = analyse(text)
    assert (analysis.forbidden, analysis.has_from, analysis.has_using_or_with) == (forbidden, has_from, has_using)


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", 1),
        ("SELECT * WHERE { { ?s ?p ?o FILTER((?o > 1)) } }", 4),
        ("SELECT * WHERE { ?s ?p [ ?q ( 1 2 ) ] }", 3),
        ("SELECT * WHERE { << ?s ?p ?o >> ?q ?r }", 2),
        ("SELECT * WHERE { ?s ?p '{{{ ((( [[[' } # }}} )))", 1),
        ("SELECT * WHERE { ?s <http://x/((a)> ?o }", 1),
    ],
)
def test_the_lexer_counts_only_brackets_that_nest(text, depth):
    assert analyse(text).depth == depth


@pytest.mark.parametrize(
    ("update_text", "expected"),
    [
        # INSERT ... WHERE reads the using-graph as its default graph
        (f"INSERT {{ GRAPH <{EX}out> {{ ?s a <{EX}Seen> }} }} WHERE {{ ?s ?p ?o }}", {"a"}),
        # DELETE WHERE is rewritten to its long form, so only the using-graph's triples go
        (f"DELETE WHERE {{ GRAPH <{EX}g2> {{ ?s ?p ?o }} }} ; INSERT {{ GRAPH <{EX}out> {{ ?s a <{EX}Seen> }} }} "
         f"WHERE {{ ?s ?p ?o }}", {"a"}),
        # INSERT DATA has no WHERE and is left alone
        (f"INSERT DATA {{ GRAPH <{EX}out> {{ <{EX}c> a <{EX}Seen> }} }}", {"c"}),
    ],
)
def test_using_graph_uri_becomes_using_clauses(update_text, expected):
    store = ox.Store()
    for name, graph in (("a", "g1"), ("b", "g2")):
        store.add(ox.Quad(ox.NamedNode(f"{EX}{name}"), ox.NamedNode(f"{EX}p"), ox.Literal(1), ox.NamedNode(EX + graph)))
    store.update(add_using(update_text, [f"{EX}g1"], []))
    out = store.quads_for_pattern(None, None, None, ox.NamedNode(f"{EX}out"))
    seen = {q.subject.value.removeprefix(EX) for q in out}
    assert seen == expected


# --- a remote store (our own server, seen through another one) -------------------------------

@pytest.fixture(scope="module")
def remote_server(server, tmp_path_factory):
    """A second service whose store is the first one, reached over the SPARQL protocol."""
    spec = f"sparql:{server}/sparql,{server}/sparql"
    yield from _serve(tmp_path_factory.mktemp("unused"), CONFLICTKG_STORE=spec)


@pytest.mark.slow
@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_queries_are_forwarded_to_a_remote_store(remote_server, accept):
    answer = requests.get(remote_server + "/sparql", params={"query": COUNT_ITEMS}, headers={"Accept": accept},
                          timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"].split(";")[0] == accept
    assert str(ITEMS) in answer.text


@pytest.mark.slow
def test_a_remote_store_graph_is_read_through_the_graph_store(remote_server):
    answer = requests.get(remote_server + "/store", params={"graph": f"{EX}graph/labels"}, timeout=30,
                          headers={"Accept": "application/n-triples"})
    assert answer.status_code == 200, answer.text
    assert len(Graph().parse(data=answer.text, format="nt")) == LABELS


@pytest.mark.slow
def test_a_remote_store_passes_on_syntax_errors_as_400(remote_server):
    answer = requests.get(remote_server + "/sparql", params={"query": "SELEKT"}, timeout=30)
    assert answer.status_code == 400
    assert answer.headers["Content-Type"].startswith("application/problem+json")


# --- the worker's in-memory copy of a snapshot ---------------------------------------------------

def snapshot_of(tmp_path, quads: list[ox.Quad]) -> str:
    store = ox.Store(str(tmp_path / "primary"))
    store.extend(quads)
    store.backup(str(tmp_path / "snapshot"))
    return str(tmp_path / "snapshot")


def wait_for(predicate, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


MIXED_QUADS = [
    ox.Quad(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"), ox.Literal("chat", language="fr"), ox.DefaultGraph()),
    ox.Quad(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"), ox.BlankNode("b1"), ox.NamedNode(f"{EX}g1")),
    ox.Quad(ox.BlankNode("b1"), ox.NamedNode(f"{EX}q"), ox.Literal("2.5", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#decimal")), ox.NamedNode(f"{EX}g1")),
    ox.Quad(ox.NamedNode(f"{EX}t"), ox.NamedNode(f"{EX}p"), ox.Literal("line\nbreak \"quoted\""),
            ox.NamedNode(f"{EX}g2")),
]


@pytest.mark.parametrize(
    "query",
    ["SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o",
     "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
     "SELECT ?v WHERE { ?s ?p [ ?q ?v ] }"],
)
def test_the_in_memory_copy_answers_like_the_disk_snapshot(tmp_path, query):
    from api.sparql_execute import execute
    from api.sparql_worker import Snapshot

    snapshot = Snapshot(snapshot_of(tmp_path, MIXED_QUADS), max_copied_quads=len(MIXED_QUADS))
    assert wait_for(lambda: snapshot.memory is not None)
    job = {"query": query, "union": True, "results_format": "text/tab-separated-values", "max_rows": 100}
    on_disk, in_memory = execute(snapshot.disk, job), execute(snapshot.memory, job)
    assert on_disk[0]["status"] == 200 and on_disk == in_memory
    assert len(snapshot.memory) == len(MIXED_QUADS)


def test_a_large_store_is_not_copied_into_memory(tmp_path, monkeypatch):
    from api import sparql_worker

    monkeypatch.setattr(sparql_worker, "SETTLE_SECONDS", 0.0)
    snapshot = sparql_worker.Snapshot(snapshot_of(tmp_path, MIXED_QUADS), max_copied_quads=len(MIXED_QUADS) - 1)
    assert not wait_for(lambda: snapshot.memory is not None, seconds=2)
    assert snapshot.store is snapshot.disk


def test_a_burst_of_snapshots_keeps_no_pile_of_copy_threads(tmp_path):
    """Each superseded snapshot's copy thread ends at once (they used to sleep, each holding its store)."""
    import threading

    from api import sparql_worker

    path = snapshot_of(tmp_path, MIXED_QUADS)
    before = threading.active_count()
    current = None
    for _ in range(30):
        if current is not None:
            current.superseded = True
        current = sparql_worker.Snapshot(path, max_copied_quads=len(MIXED_QUADS))
    assert wait_for(lambda: threading.active_count() <= before + 1, seconds=sparql_worker.SETTLE_SECONDS / 2)


def test_a_superseded_snapshot_is_not_copied(tmp_path, monkeypatch):
    from api import sparql_worker

    monkeypatch.setattr(sparql_worker, "SETTLE_SECONDS", 0.5)
    snapshot = sparql_worker.Snapshot(snapshot_of(tmp_path, MIXED_QUADS), max_copied_quads=len(MIXED_QUADS))
    snapshot.superseded = True  # a write came in: a newer snapshot replaced this one
    assert not wait_for(lambda: snapshot.memory is not None, seconds=2)
