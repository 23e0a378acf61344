"""``/store`` (SPARQL 1.1 Graph Store HTTP Protocol) over the real service."""

from __future__ import annotations

import pytest
import requests
from rdflib import Dataset, Graph, Literal, URIRef

from tests.conftest import WRITE_TOKEN, _serve

EX = "http://example.org/"
AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}
TURTLE = f"<{EX}s> <{EX}p> 1 , 2 .\n"
MORE = f'<{EX}s> <{EX}q> "more"@en .\n'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A writable service over an empty store."""
    yield from _serve(tmp_path_factory.mktemp("gsp-store"), CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN)


def put(url: str, graph: str | None, body: str, content_type: str = "text/turtle", method: str = "PUT"):
    params = {"graph": graph} if graph else {"default": ""}
    return requests.request(method, url + "/store", params=params, data=body.encode(), timeout=30,
                            headers={"Content-Type": content_type, **AUTH})


def fetch(url: str, graph: str | None, accept: str = "text/turtle") -> requests.Response:
    params = {"graph": graph} if graph else {"default": ""}
    return requests.get(url + "/store", params=params, headers={"Accept": accept}, timeout=30)


def expected(*turtle: str) -> Graph:
    return Graph().parse(data="".join(turtle), format="turtle")


def test_put_creates_then_replaces_a_named_graph(server):
    graph = f"{EX}g/put"
    assert put(server, graph, TURTLE).status_code == 201
    assert put(server, graph, MORE).status_code == 204
    answer = fetch(server, graph)
    assert answer.headers["Content-Type"].startswith("text/turtle")
    assert Graph().parse(data=answer.text, format="turtle").isomorphic(expected(MORE))


def test_post_adds_to_a_graph(server):
    graph = f"{EX}g/post"
    assert put(server, graph, TURTLE, method="POST").status_code == 201
    assert put(server, graph, MORE, method="POST").status_code == 204
    assert Graph().parse(data=fetch(server, graph).text, format="turtle").isomorphic(expected(TURTLE, MORE))


def test_delete_drops_a_graph(server):
    graph = f"{EX}g/delete"
    put(server, graph, TURTLE)
    assert requests.delete(server + "/store", params={"graph": graph}, headers=AUTH, timeout=30).status_code == 204
    assert fetch(server, graph).status_code == 404
    assert requests.delete(server + "/store", params={"graph": graph}, headers=AUTH, timeout=30).status_code == 404


def test_the_default_graph_is_addressed_with_default(server):
    assert put(server, None, TURTLE).status_code == 204
    assert Graph().parse(data=fetch(server, None).text, format="turtle").isomorphic(expected(TURTLE))
    assert requests.delete(server + "/store", params={"default": ""}, headers=AUTH, timeout=30).status_code == 204
    assert len(Graph().parse(data=fetch(server, None).text, format="turtle")) == 0


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/turtle", TURTLE),
        ("application/n-triples", f'<{EX}s> <{EX}p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                                  f'<{EX}s> <{EX}p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'),
        ("application/rdf+xml", Graph().parse(data=TURTLE, format="turtle").serialize(format="xml")),
        ("application/ld+json", Graph().parse(data=TURTLE, format="turtle").serialize(format="json-ld")),
    ],
)
def test_every_graph_syntax_is_accepted(server, content_type, body):
    graph = f"{EX}g/syntax"
    assert put(server, graph, body, content_type).status_code in (201, 204)
    assert Graph().parse(data=fetch(server, graph).text, format="turtle").isomorphic(expected(TURTLE))


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
     ("application/ld+json", "json-ld"), ("*/*", "turtle")],
)
def test_a_graph_is_read_in_the_accepted_syntax(server, accept, rdflib_format):
    graph = f"{EX}g/read"
    put(server, graph, TURTLE)
    answer = fetch(server, graph, accept)
    assert answer.status_code == 200
    assert Graph().parse(data=answer.content, format=rdflib_format).isomorphic(expected(TURTLE))


def test_the_whole_dataset_is_read_without_a_parameter(server):
    put(server, f"{EX}g/dataset", TURTLE)
    answer = requests.get(server + "/store", headers={"Accept": "application/n-quads"}, timeout=30)
    assert answer.headers["Content-Type"].startswith("application/n-quads")
    dataset = Dataset().parse(data=answer.text, format="nquads")
    assert (URIRef(f"{EX}s"), URIRef(f"{EX}p"), Literal(1), URIRef(f"{EX}g/dataset")) in dataset


def test_written_graphs_are_seen_by_sparql_at_once(server):
    graph = f"{EX}g/fresh"
    for body in (TURTLE, MORE):
        put(server, graph, body)
        answer = requests.get(server + "/sparql", timeout=30, headers={"Accept": "application/sparql-results+json"},
                              params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"})
        assert answer.json()["results"]["bindings"][0]["n"]["value"] == str(len(expected(body)))


@pytest.mark.parametrize(
    ("method", "params", "headers", "body", "status"),
    [
        ("GET", {"graph": "not an iri"}, {}, "", 400),
        ("GET", {"graph": f"{EX}g/a", "default": ""}, {}, "", 400),
        ("GET", {"graph": [f"{EX}g/a", f"{EX}g/b"]}, {}, "", 400),
        ("GET", {"graph": f"{EX}g/never-written"}, {}, "", 404),
        ("GET", {"graph": f"{EX}g/read"}, {"Accept": "text/csv"}, "", 406),
        ("PUT", {"graph": f"{EX}g/x"}, {"Content-Type": "text/csv", **AUTH}, "a,b", 415),
        ("PUT", {"graph": f"{EX}g/x"}, {"Content-Type": "application/n-quads", **AUTH}, "", 415),
        ("PUT", {"graph": f"{EX}g/x"}, {"Content-Type": "text/turtle", **AUTH}, "<broken", 400),
        ("PUT", {}, {"Content-Type": "text/turtle", **AUTH}, TURTLE, 400),
        ("PUT", {"graph": f"{EX}g/x"}, {"Content-Type": "text/turtle"}, TURTLE, 401),
        ("DELETE", {"graph": f"{EX}g/read"}, {"Authorization": "Bearer wrong"}, "", 401),
        ("PATCH", {"graph": f"{EX}g/x"}, AUTH, "", 405),
    ],
)
def test_bad_requests_get_a_problem(server, method, params, headers, body, status):
    answer = requests.request(method, server + "/store", params=params, headers=headers, data=body.encode(),
                              timeout=30)
    assert answer.status_code == status, answer.text
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert answer.json()["detail"]


def test_a_read_only_server_refuses_writes_with_403(live_server):
    answer = requests.put(live_server + "/store", params={"graph": f"{EX}g/x"}, data=TURTLE.encode(), timeout=30,
                          headers={"Content-Type": "text/turtle", **AUTH})
    assert answer.status_code == 403
