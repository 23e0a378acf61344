"""POST /api/documents checks its body with graph.sources' checks: a real day, valid Unicode (any field)."""

from __future__ import annotations

import pytest
import requests

from tests.conftest import WRITE_TOKEN


@pytest.mark.parametrize(("body", "fix"), [
    ({"text": "Shelling in Kharkiv.", "published": "2020-99-01"}, "'published' must be a date YYYY-MM-DD"),
    ({"text": "Shelling in Kharkiv.", "published": "20210608"}, "'published' must be a date YYYY-MM-DD"),
    ({"text": "Shelling in Kharkiv.", "published": "2021-06-08", "title": "\udfff"}, "'title' is not valid Unicode"),
])
def test_ingest_refuses_bad_dates_and_lone_surrogates(hand_built_server, body, fix):
    answer = requests.post(hand_built_server + "/api/documents", json=body,
                           headers={"Authorization": f"Bearer {WRITE_TOKEN}"}, timeout=30)
    assert answer.status_code == 400
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert fix in answer.json()["detail"]
