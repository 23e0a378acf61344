"""Fuzzed API: schemathesis generates requests from our own /openapi.json; no answer is a 5xx and
every error has the one problem+json shape."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.slow

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def check_answer(case) -> None:
    """Send one generated request; fail on a 5xx or an error outside the problem+json shape."""
    response = case.call(timeout=60)
    where = case.as_curl_command()
    assert response.status_code < 500, f"{where} -> {response.status_code}: {response.text[:300]}"
    if response.status_code >= 400:
        headers = {name.lower(): values for name, values in response.headers.items()}
        assert headers["content-type"][0].startswith("application/problem+json"), f"{where}: {headers}"
        body = response.json()
        assert body.keys() >= PROBLEM_KEYS, where
        assert body["status"] == response.status_code, where


def test_no_route_fails_or_breaks_the_error_shape(live_server):
    schema = schemathesis.openapi.from_url(live_server + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8, "the OpenAPI document lists too few operations"
    for operation in operations:
        fuzz = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
            given(case=operation.as_strategy())(check_answer)
        )
        fuzz()
