"""The OpenAPI document describes every REST route, and the live service keeps to it (schemathesis)."""

from __future__ import annotations

import re

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

from api import close_app, create_app
from api.params import is_entity_id

DESCRIBED = ("/api/", "/-/", "/id/")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = create_app({"data_dir": str(tmp_path_factory.mktemp("openapi-store"))})
    yield app
    close_app(app)


def test_every_rest_route_is_described_with_its_methods(app):
    paths = app.test_client().get("/openapi.json").get_json()["paths"]
    routes: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(DESCRIBED) and not rule.endpoint.endswith("static"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            routes.setdefault(path, set()).update(m.lower() for m in rule.methods - {"HEAD", "OPTIONS"})
    assert routes, "no REST routes found"
    for path, methods in routes.items():
        assert path in paths, f"{path} is not in /openapi.json"
        assert set(paths[path]) == methods, path
    assert set(paths) - set(routes) <= {"/openapi.json"}


def test_every_operation_documents_its_errors_as_problems(app):
    document = app.test_client().get("/openapi.json").get_json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path}"
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert "application/problem+json" in response["content"], f"{method} {path} {status}"


# ECMAScript's \s, which OpenAPI clients (and schemathesis) apply to the document's patterns.
ECMA_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def test_entity_id_pattern_reads_the_same_in_both_regex_dialects(app):
    """An id the document's pattern allows is never refused by the server, and the other way round."""
    document = app.test_client().get("/openapi.json").get_json()
    (parameter,) = document["paths"]["/api/actors/{actor_id}"]["get"]["parameters"][:1]
    as_clients_read_it = re.compile(parameter["schema"]["pattern"].replace(r"\s", ECMA_SPACE))
    for code in range(0x3100):  # Latin to CJK symbols: every whitespace and control character
        value = f"a{chr(code)}b"
        assert bool(as_clients_read_it.match(value)) == is_entity_id(value), hex(code)


def test_docs_page_uses_only_local_assets(hand_built_server):
    page = requests.get(hand_built_server + "/docs", timeout=30)
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/") for a in assets)
    for asset in assets:
        assert requests.get(hand_built_server + asset, timeout=30).status_code == 200, asset


def operations(url: str) -> list:
    """The operations of the live service's OpenAPI document, as schemathesis loads them."""
    return [result.ok() for result in schemathesis.openapi.from_url(url + "/openapi.json").get_all_operations()]


@pytest.mark.slow
def test_service_keeps_to_its_openapi_document(hand_built_server):
    # schemathesis's pytest plugin does not run under pytest 9, so each operation is driven by hypothesis here;
    # call_and_validate runs schemathesis's checks (no 500, status codes, content types, response schemas).
    found = operations(hand_built_server)
    assert len(found) >= 12
    for operation in found:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def conforms(case):
            case.call_and_validate()

        conforms()
