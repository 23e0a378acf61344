"""Every route of the app, given bad input, answers one error shape: RFC 9457 problem+json, never a 500.

The routes come from the app's own ``url_map`` (so routes added by anyone are walked too);
the requests go to the real service.
"""

from __future__ import annotations

import pytest
import requests
from werkzeug.routing import Rule

from api import close_app, create_app
from tests.conftest import _serve

BAD_PARAMS = {"limit": "-1", "offset": "many", "from": "yesterday", "to": "2020-13-45", "q": "x" * 5000,
              "format": "no-such-format", "query": "SELEKT nothing", "actor": "a b", "graph": "not an iri",
              "kind": "\x00"}
METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")


@pytest.fixture(scope="module")
def rules(tmp_path_factory) -> list[Rule]:
    app = create_app({"data_dir": str(tmp_path_factory.mktemp("empty-store"))})
    close_app(app)  # its rules alone are walked, on a server
    return list(app.url_map.iter_rules())


def fill(rule: Rule, value: str) -> str:
    """The rule's path with every variable set to ``value`` (``kind`` variables to a real kind)."""
    path = rule.rule
    for name in rule.arguments:
        path = path.replace(f"<{name}>", "actor" if name == "kind" else value)
        for converter in ("path", "string", "int", "any"):
            path = path.replace(f"<{converter}:{name}>", "1" if converter == "int" else value)
    return path


def assert_problem(answer: requests.Response, where: str) -> None:
    assert answer.status_code < 500, f"{where}: {answer.status_code} {answer.text[:300]}"
    if answer.status_code >= 400:
        assert answer.headers["Content-Type"].startswith("application/problem+json"), where
        body = answer.json()
        assert {"type", "title", "status", "detail"} <= set(body), where
        assert body["status"] == answer.status_code, where
        assert isinstance(body["detail"], str) and body["detail"], where
        assert "Traceback" not in answer.text, where


def test_the_walk_covers_every_part(rules):
    paths = {rule.rule for rule in rules}
    assert {"/api/actors", "/api/events", "/api/documents", "/-/stats", "/openapi.json"} <= paths


def test_every_route_answers_bad_parameters_with_a_problem(rules, live_server):
    for rule in rules:
        for method in sorted(rule.methods & {"GET", "POST"}):
            url = live_server + fill(rule, "no-such-id")
            answer = requests.request(method, url, params=BAD_PARAMS, data=b"\xff\xfe not json", timeout=30,
                                      headers={"Content-Type": "application/json"})
            assert_problem(answer, f"{method} {rule.rule}")


def test_every_route_answers_unknown_ids_with_a_problem(rules, live_server):
    for rule in rules:
        if rule.arguments and "GET" in rule.methods:
            answer = requests.get(live_server + fill(rule, "zz-no-such-entity-zz"), timeout=30)
            assert_problem(answer, f"GET {rule.rule}")
            if rule.rule.startswith(("/api/", "/id/")):
                assert answer.status_code == 404, rule.rule


def test_every_route_answers_a_wrong_method_with_405(rules, live_server):
    allowed: dict[str, set[str]] = {}
    for rule in rules:  # one path may have a rule per method
        allowed.setdefault(rule.rule, set()).update(rule.methods)
    for rule in rules:
        wrong = next(m for m in METHODS if m not in allowed[rule.rule])
        answer = requests.request(wrong, live_server + fill(rule, "no-such-id"), timeout=30)
        assert answer.status_code == 405, f"{wrong} {rule.rule}"
        assert_problem(answer, f"{wrong} {rule.rule}")


def test_unknown_routes_are_problems(live_server):
    answer = requests.get(live_server + "/no/such/page", timeout=30)
    assert answer.status_code == 404
    assert_problem(answer, "/no/such/page")


@pytest.fixture(scope="module")
def small_body_server(tmp_path_factory):
    """The real service with a 1 kB body limit and writes enabled."""
    yield from _serve(tmp_path_factory.mktemp("small-bodies"), CONFLICTKG_MAX_REQUEST_BYTES="1000",
                      CONFLICTKG_WRITE_TOKEN="t")


def test_every_writable_route_refuses_a_large_body_with_413(rules, small_body_server):
    writable = [rule for rule in rules if rule.methods & {"POST", "PUT"}]
    assert writable
    for rule in writable:
        for method in sorted(rule.methods & {"POST", "PUT"}):
            answer = requests.request(method, small_body_server + fill(rule, "no-such-id"), data=b"x" * 5000,
                                      headers={"Authorization": "Bearer t", "Content-Type": "application/json"},
                                      timeout=30)
            assert answer.status_code == 413, f"{method} {rule.rule}: {answer.status_code}"
            assert_problem(answer, f"{method} {rule.rule}")
