"""Every route that reads the graph answers within its time limit or with a 504 problem; heavy pages take a slot."""

from __future__ import annotations

import shutil
import time

import pytest
import requests

from api.limits import ClientGone
from tests.conftest import _serve

ROUTES = [
    "/", "/-/stats", "/api/actors", "/api/actors?kind=state_forces", "/api/actors/syrian-arab-army", "/api/places",
    "/api/places/idlib", "/api/events", "/api/events?actor=syrian-arab-army&from=2020", "/api/documents",
    "/api/documents/doc-idlib", "/api/search?q=army", "/api/export?format=csv", "/api/export?format=graphml",
    "/id/actor/syrian-arab-army", "/actors/syrian-arab-army", "/places/idlib", "/documents/doc-idlib",
    "/network", "/network/data.json",
]


@pytest.fixture(scope="module")
def impatient_server(hand_built_data_dir, tmp_path_factory):
    """The service over a copy of the hand-built records with a 1 ms budget per request: most reads run out of time."""
    data_dir = tmp_path_factory.mktemp("impatient") / "data"
    shutil.copytree(hand_built_data_dir, data_dir)  # the hand-built server may hold the original's lock
    yield from _serve(data_dir, CONFLICTKG_READ_TIMEOUT_MS="1")


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_answers_within_its_limit_or_with_a_problem(impatient_server, route):
    started = time.monotonic()
    response = requests.get(impatient_server + route, timeout=30)
    elapsed = time.monotonic() - started
    assert response.status_code in (200, 504), response.text[:300]
    if response.status_code == 504:
        assert response.headers["Content-Type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["status"] == 504 and "narrow" in problem["detail"] and "Traceback" not in response.text
    assert elapsed < 5, f"{route} took {elapsed:.1f} s with a 1 ms limit"


def test_a_slow_read_gets_the_problem_and_the_next_request_is_answered(impatient_server, live_server):
    # distinct (uncached) reads; on a quiet machine one may finish inside 1 ms, not all five
    statuses = [requests.get(impatient_server + f"/api/events?limit={500 - n}", timeout=30).status_code
                for n in range(5)]
    assert 504 in statuses and set(statuses) <= {200, 504}, statuses
    assert requests.get(impatient_server + "/-/health", timeout=30).status_code == 200
    assert requests.get(live_server + "/api/events?limit=5", timeout=30).status_code == 200  # default limit: answers


@pytest.mark.parametrize("route", ["/network", "/network/data.json"])
def test_the_network_of_an_empty_store_is_empty(tmp_path, route):
    server = _serve(tmp_path / "empty")
    url = next(server)
    try:
        response = requests.get(url + route, timeout=60)
        assert response.status_code == 200, response.text[:300]
        if route.endswith(".json"):
            assert response.json()["nodes"] == [] and response.json()["edges"] == []
    finally:
        server.close()


def test_heavy_pages_beyond_their_slots_answer_503_at_once(make_app, hand_built_data_dir, tmp_path):
    data_dir = tmp_path / "copy"
    shutil.copytree(hand_built_data_dir, data_dir)
    app = make_app({"data_dir": str(data_dir)})
    slots = app.extensions["conflictkg.heavy"]
    taken = 0
    while slots.acquire(blocking=False):  # every slot busy, as if other clients were building networks
        taken += 1
    try:
        response = app.test_client().get("/network/data.json")
        assert response.status_code == 503 and response.headers["Retry-After"] == "5"
        assert response.mimetype == "application/problem+json"
    finally:
        for _ in range(taken):
            slots.release()
    assert app.test_client().get("/network/data.json").status_code == 200


def _actors(data: dict) -> list[dict]:
    return [n for n in data["nodes"] if n["layer"] == "actor"]


def test_the_network_view_is_bounded_to_the_most_active_actors(live_server):
    everyone = _actors(requests.get(live_server + "/network/data.json?actors=500", timeout=60).json())
    busiest = sorted(everyone, key=lambda n: (-len(n["ev"]), n["iri"]))
    three = requests.get(live_server + "/network/data.json?actors=3", timeout=60).json()
    assert {n["iri"] for n in _actors(three)} == {n["iri"] for n in busiest[:3]}
    assert three["view"]["actors"] == 3
    quiet = busiest[-1]
    focused = requests.get(f"{live_server}/network/data.json?actors=1&focus=actors/{quiet['eid']}", timeout=60).json()
    assert [n["iri"] for n in _actors(focused)] == [quiet["iri"]]
    assert requests.get(live_server + "/network/data.json?actors=0", timeout=60).status_code == 400


def test_a_read_whose_client_left_stops_waiting_at_once(make_app, hand_built_data_dir, tmp_path):
    data_dir = tmp_path / "copy"
    shutil.copytree(hand_built_data_dir, data_dir)
    app = make_app({"data_dir": str(data_dir), "read_timeout_ms": 60_000})
    twenty = " ".join(str(n) for n in range(20))  # a cross product of seconds, then done
    slow = f"SELECT (COUNT(*) AS ?n) {{ VALUES ?k {{ {twenty} }} GRAPH ?g {{ ?a ?b ?c }} GRAPH ?h {{ ?d ?e ?f }} }}"
    with app.test_request_context("/api/events", environ_base={"waitress.client_disconnected": lambda: True}):
        app.preprocess_request()  # starts the request's clock
        started = time.monotonic()
        with pytest.raises(ClientGone):
            app.extensions["conflictkg.store"].read(slow)
        assert time.monotonic() - started < 1
