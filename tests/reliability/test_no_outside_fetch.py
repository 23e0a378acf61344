"""No query or update makes the service fetch a URL: SERVICE and LOAD in every position, against a trap.

The text check refuses them with a 400; behind it, the engine runs where it cannot open a
network socket (tests/test_no_network.py). Here the real service is attacked the way the
security review did, then by a grammar-aware fuzzer, while a loopback trap counts contacts.
"""

from __future__ import annotations

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import WRITE_TOKEN
from tests.trap import Trap

JSON = {"Accept": "application/sparql-results+json"}
AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}
PREFIX_EX = "PREFIX ex: <http://example.org/> "


@pytest.fixture(scope="module")
def trap():
    """A loopback trap standing in for an internal service."""
    with Trap() as running:
        yield running


def ask(server: str, kind: str, text: str) -> requests.Response:
    """POST ``text`` as a query or (with the token) an update."""
    headers = {**JSON, **(AUTH if kind == "update" else {})}
    return requests.post(f"{server}/sparql", data={kind: text}, headers=headers, timeout=60)


# The review's findings, each once: they all passed the old lexer.
@pytest.mark.parametrize(
    "kind,template",
    [
        ("query", "SELECT ?o WHERE {{ ?x ?y ?z .SERVICE <{url}> {{ ?s ?p ?o }} }}"),
        ("query", PREFIX_EX + "SELECT * WHERE {{ ex:a ex:b ex:c\\# .\nSERVICE <{url}> {{ ?s ?p ?o }} }}"),
        ("query", PREFIX_EX + "SELECT * WHERE {{ ex:a\\' ex:b ex:c . SERVICE <{url}> {{ ?s ?p ?o }} }}"),
        ("update", PREFIX_EX + "INSERT DATA {{ ex:a ex:b ex:c\\# }} ; LOAD <{url}>"),
        ("update", "INSERT {{ ?s ?p ?o }} WHERE {{ ?x ?y ?z .SERVICE <{url}> {{ ?s ?p ?o }} }}"),
    ],
)
def test_the_reviewed_bypasses_are_refused_and_fetch_nothing(hand_built_server, trap, kind, template):
    answer = ask(hand_built_server, kind, template.format(url=trap.url))
    assert answer.status_code == 400, answer.text[:300]
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert trap.contacts == 0


@pytest.mark.parametrize("kind", ["query", "update"])
def test_deep_nesting_after_an_escaped_name_is_refused_and_the_service_survives(hand_built_server, kind):
    body = "PREFIX ex: <http://example.org/> SELECT * WHERE { ex:a ex:b ex:c\\# \n" + "{" * 20000 + "}" * 20000 + " }"
    if kind == "update":
        body = body.replace("SELECT * WHERE", "INSERT { ex:a ex:b ex:c } WHERE")
    assert ask(hand_built_server, kind, body).status_code == 400
    health = requests.get(f"{hand_built_server}/-/health", timeout=30)
    assert health.status_code == 200


# -- the fuzzer ---------------------------------------------------------------------------------
PREFIXES = "PREFIX ex: <http://example.org/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
NOISE = st.sampled_from([
    "", "?s ?p ?o .", "ex:a\\# ex:b ex:c .", "ex:a ex:b ex:c\\# .", "ex:a\\' ex:b 'x' .", "ex:a\\. ex:b ex:c .",
    "?s ?p 'a # not a comment' .", '?s ?p """long \n "quoted" SERVICE""" .', "?s ?p \"x\"@en .", "# a comment\n",
    "?s ?p \"1\"^^xsd:integer .", "?s ?p 1.5e3 .", "?s ?p .5 .", "_:b ?p ?o .", "?s <http://example.org/SERVICE> ?o .",
    "?s ?p ?o FILTER(?o != 'LOAD')", "BIND(1 AS ?one)", "VALUES ?v { 1 2 }", "ex:a%41 ex:b ex:c .",
])
SEPARATORS = st.sampled_from(["", " ", ".", " . ", "\n", "\t", "#c\n", ";"])
KEYWORD = st.sampled_from(["SERVICE", "service", "Service", "sErViCe"])
SILENT = st.sampled_from(["", "SILENT ", "silent "])


def targets(url: str, port: int) -> st.SearchStrategy[tuple[str, str]]:
    """(declarations, the service's term): every way to name the trap."""
    return st.sampled_from([
        ("", f"<{url}>"),
        ("", f"<http://localhost:{port}/>"),
        ("", f"<http://2130706433:{port}/>"),
        (f"PREFIX trap: <http://127.0.0.1:{port}/>\n", "trap:sparql"),
        (f"BASE <http://127.0.0.1:{port}/>\n", "<sparql>"),
        ("", "?svc"),
    ])


def contexts(inner: str) -> st.SearchStrategy[str]:
    """``inner`` placed in every kind of group the grammar allows."""
    return st.sampled_from([
        inner,
        f"OPTIONAL {{ {inner} }}",
        f"{{ ?a ?b ?c }} UNION {{ {inner} }}",
        f"?a ?b ?c MINUS {{ {inner} }}",
        f"GRAPH ?g {{ {inner} }}",
        f"{{ SELECT * WHERE {{ {inner} }} }}",
        f"FILTER EXISTS {{ {inner} }}",
    ])


@st.composite
def attacks(draw, url: str, port: int) -> tuple[str, str]:
    """A query or update that names SERVICE or LOAD somewhere, with noise around it."""
    declarations, term = draw(targets(url, port))
    values = f"VALUES ?svc {{ <{url}> }} " if term == "?svc" else ""
    before, after, separator = draw(NOISE), draw(NOISE), draw(SEPARATORS)
    service = f"{draw(KEYWORD)} {draw(SILENT)}{term} {{ ?s ?p ?o }}"
    group = draw(contexts(f"{values}{before}{separator}{service} {after}"))
    form = draw(st.sampled_from(["select", "ask", "construct", "insert", "load"]))
    head = PREFIXES + declarations
    if form == "select":
        return "query", f"{head}SELECT * WHERE {{ {group} }}"
    if form == "ask":
        return "query", f"{head}ASK {{ {group} }}"
    if form == "construct":
        return "query", f"{head}CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {group} }}"
    if form == "insert":
        return "update", f"{head}INSERT {{ ?s ?p ?o }} WHERE {{ {group} }}"
    load = draw(st.sampled_from(["LOAD", "load", "Load"]))
    return "update", f"{head}INSERT DATA {{ {before.rstrip(' .') if before.startswith('ex:') else ''} }} ;{separator}" \
                     f"{load} {draw(SILENT)}{term if term != '?svc' else f'<{url}>'}"


@pytest.mark.slow
def test_fuzzed_service_and_load_never_reach_the_trap(hand_built_server, trap):
    session = requests.Session()
    statuses: dict[int, int] = {}

    @settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(attacks(trap.url, trap.port))
    def attack(case):
        kind, text = case
        headers = {**JSON, **(AUTH if kind == "update" else {})}
        answer = session.post(f"{hand_built_server}/sparql", data={kind: text}, headers=headers, timeout=60)
        statuses[answer.status_code] = statuses.get(answer.status_code, 0) + 1
        assert answer.status_code < 500, (text, answer.text[:300])
        assert trap.contacts == 0, text

    attack()
    assert sum(statuses.values()) >= 10_000
    assert trap.contacts == 0
