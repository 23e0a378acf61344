"""SPARQL abuse: what a hostile client sends gets a 4xx problem, and the service keeps answering."""

from __future__ import annotations

import pytest
import requests

from tests.conftest import WRITE_TOKEN

JSON = {"Accept": "application/sparql-results+json"}
INSIDE = ["http://127.0.0.1:22/", "http://localhost:5000/sparql", "http://169.254.169.254/latest/meta-data/",
          "http://10.0.0.1/", "http://[::1]/", "file:///etc/passwd", "https://example.org/sparql"]


def assert_problem(answer: requests.Response, *statuses: int) -> None:
    """The answer is one of ``statuses`` with a problem+json body."""
    assert answer.status_code in statuses, (answer.status_code, answer.text[:300])
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert answer.json()["status"] == answer.status_code


def assert_still_serving(url: str) -> None:
    """A plain query is still answered."""
    answer = requests.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON, timeout=30)
    assert answer.status_code == 200 and answer.json()["boolean"] is True


@pytest.mark.parametrize("address", INSIDE)
def test_service_to_any_address_is_refused(hand_built_server, address):
    query = f"SELECT * WHERE {{ SERVICE <{address}> {{ ?s ?p ?o }} }}"
    assert_problem(requests.get(f"{hand_built_server}/sparql", params={"query": query}, headers=JSON, timeout=30), 400)


@pytest.mark.parametrize("address", INSIDE)
def test_load_of_any_address_is_refused_even_with_the_token(hand_built_server, address):
    answer = requests.post(f"{hand_built_server}/sparql", data={"update": f"LOAD <{address}>"}, timeout=30,
                           headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert_problem(answer, 400)


@pytest.mark.parametrize("headers,status", [({}, 401), ({"Authorization": "Bearer wrong"}, 401)])
def test_updates_without_the_token_are_refused_and_change_nothing(hand_built_server, headers, status):
    before = requests.get(f"{hand_built_server}/-/stats", timeout=30).json()
    answer = requests.post(f"{hand_built_server}/sparql", data={"update": "DROP ALL"}, headers=headers, timeout=30)
    assert_problem(answer, status)
    assert requests.get(f"{hand_built_server}/-/stats", timeout=30).json() == before


@pytest.mark.parametrize(
    "name,query",
    [
        ("nested groups", "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000),
        ("nested expression", "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }"),
        ("nested subqueries", "SELECT * WHERE { " + "{ SELECT * WHERE " * 2000 + "{ ?s ?p ?o }" + " }" * 4000),
    ],
)
def test_deeply_nested_queries_get_400(hand_built_server, name, query):
    assert_problem(requests.post(f"{hand_built_server}/sparql", data={"query": query}, headers=JSON, timeout=60), 400)
    assert_still_serving(hand_built_server)


def test_an_enormous_query_body_gets_413(hand_built_server):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 11_000_000
    answer = requests.post(f"{hand_built_server}/sparql", data=query.encode(), timeout=60,
                           headers={**JSON, "Content-Type": "application/sparql-query"})
    assert_problem(answer, 413)
    assert_still_serving(hand_built_server)


def test_an_enormous_query_string_gets_a_4xx_problem(hand_built_server):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 300_000
    answer = requests.get(f"{hand_built_server}/sparql", params={"query": query}, headers=JSON, timeout=60)
    assert_problem(answer, 400, 413, 414, 431)
    assert_still_serving(hand_built_server)
