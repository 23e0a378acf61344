"""Limits that hold whatever is asked: text size, busy workers, worker memory, answer size, odd bodies,
security headers on every page, HEAD, and a clean exit on SIGTERM. Each test is one finding of the
security review (issue 18), on the real service."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
import requests

from tests.conftest import ROOT, WRITE_TOKEN, _serve, free_port, wait_until_up, write_data_dir
from tests.rest_records import extractions

T = TypeVar("T")

JSON = {"Accept": "application/sparql-results+json"}
AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}
TIMEOUT_MS = 3000
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"


@pytest.fixture(scope="module")
def small_data_dir(tmp_path_factory):
    """The store that ``small_server`` serves."""
    return write_data_dir(tmp_path_factory.mktemp("limits"), extractions())


@pytest.fixture(scope="module")
def small_server(small_data_dir):
    """The service with small limits: 4 threads (2 query workers), 3 s per query, 100 kB texts."""
    yield from _serve(small_data_dir, CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN, CONFLICTKG_THREADS="4",
                      CONFLICTKG_QUERY_TIMEOUT_MS=str(TIMEOUT_MS), CONFLICTKG_MAX_QUERY_BYTES="100000")


def assert_problem(answer: requests.Response, *statuses: int) -> dict:
    """The answer is one of ``statuses`` with a problem+json body; return the body."""
    assert answer.status_code in statuses, (answer.status_code, answer.text[:300])
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    return answer.json()


def query(url: str, text: str) -> requests.Response:
    """POST a query."""
    return requests.post(f"{url}/sparql", data={"query": text}, headers=JSON, timeout=120)


def test_a_query_text_past_max_query_bytes_gets_413(small_server):
    text = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 100_001
    assert "max_query_bytes" in assert_problem(query(small_server, text), 413)["detail"]
    update = requests.post(f"{small_server}/sparql", data={"update": "CLEAR ALL # " + "x" * 100_001}, headers=AUTH,
                           timeout=60)
    assert_problem(update, 413)


def burst(url: str, count: int, send: Callable[[int], T]) -> tuple[list[T], requests.Response]:
    """Send ``count`` requests at once (``send(n)`` sends the n-th) and, while they run, ask ``/-/health``; return
    the requests' answers and the health answer."""
    answers: list[T] = []
    senders = [threading.Thread(target=lambda n=n: answers.append(send(n))) for n in range(count)]
    for sender in senders:
        sender.start()
    time.sleep(0.5)
    health = requests.get(f"{url}/-/health", timeout=30)
    for sender in senders:
        sender.join()
    return answers, health


def test_runaways_past_capacity_get_503_with_retry_after_at_once_and_health_answers(small_server):
    answers, health = burst(small_server, 6, lambda _: query(small_server, RUNAWAY))
    assert health.status_code == 200
    assert [a.status_code for a in answers] == [503] * 6
    assert sum("Retry-After" in a.headers for a in answers) >= 4  # 2 workers run; the rest are refused at once


@pytest.fixture(scope="module")
def many_threads_server(small_data_dir, tmp_path_factory):
    """The service with many more server threads than query workers (32 threads, 4 workers), 3 s per query, over
    a copy of ``small_server``'s store (one process opens a store)."""
    data_dir = tmp_path_factory.mktemp("threads") / "data"
    shutil.copytree(small_data_dir, data_dir)
    yield from _serve(data_dir, CONFLICTKG_THREADS="32", CONFLICTKG_QUERY_TIMEOUT_MS=str(TIMEOUT_MS))


def test_with_many_threads_runaways_still_hold_only_the_workers_and_two_more(many_threads_server):
    answers, health = burst(many_threads_server, 10, lambda _: query(many_threads_server, RUNAWAY))
    assert health.status_code == 200
    assert [a.status_code for a in answers] == [503] * 10
    assert sum("Retry-After" in a.headers for a in answers) >= 4  # 4 workers run, 2 wait; the rest refused at once


# a list page's reads and a lookup's (which have their own capacity, api.sparql_runner) are refused alike
@pytest.mark.parametrize("path", ["/api/events?limit={}", "/api/actors/no-such-actor-{}"])
def test_with_many_threads_rest_reads_past_the_read_capacity_get_503_with_retry_after_at_once(small_data_dir,
                                                                                             tmp_path, path):
    from graph.config import load_settings

    data_dir = tmp_path / "data"
    shutil.copytree(small_data_dir, data_dir)
    # every read is a client's: no network view built ahead holds a read slot meanwhile (api/ahead.py); all 32
    # threads may serve reads at once (by default as many as the read workers do, api/priority.py)
    server = _serve(data_dir, CONFLICTKG_THREADS="32", CONFLICTKG_READ_TIMEOUT_MS=str(TIMEOUT_MS),
                    CONFLICTKG_NETWORK_AHEAD="0", CONFLICTKG_READ_THREADS="32")
    url = next(server)
    workers: list[int] = []
    try:
        assert requests.get(f"{url}/api/events?limit=1", timeout=30).status_code == 200  # the read workers are up
        workers = children(serving(data_dir))  # no /sparql query yet: every child is a read worker
        assert workers
        for pid in workers:  # every read now waits for its deadline, as a burst of slow reads would
            os.kill(pid, signal.SIGSTOP)

        def ask(n: int) -> tuple[requests.Response, float]:
            started = time.monotonic()
            answer = requests.get(url + path.format(100 + n), timeout=60)
            return answer, time.monotonic() - started

        answers, health = burst(url, 24, ask)
        assert health.status_code == 200
        refused = [(a, seconds) for a, seconds in answers if a.status_code == 503]
        assert len(refused) == 24 - load_settings({"threads": 32}).read_capacity  # 16 run or wait; the rest, no
        assert all("Retry-After" in a.headers and seconds < TIMEOUT_MS / 1000 for a, seconds in refused)
        assert "busy" in assert_problem(refused[0][0], 503)["detail"]
        assert {a.status_code for a, _ in answers} <= {200, 404, 503, 504}
    finally:
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        server.close()


def test_an_update_that_runs_away_on_the_real_data_gets_503_in_its_limit_and_changes_nothing(small_server):
    # Instant on an empty store (nothing to join), a cross product of every triple on the real one.
    runaway = ("INSERT { <urn:x:never> <urn:x:p> ?c } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l "
               "FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), STR(?l), 'no such value')) }")
    before = requests.get(f"{small_server}/-/stats", timeout=30).json()
    started = time.monotonic()
    answer = requests.post(f"{small_server}/sparql", data={"update": runaway}, headers=AUTH, timeout=120)
    assert "update ran past" in assert_problem(answer, 503)["detail"]
    assert time.monotonic() - started < TIMEOUT_MS / 1000 + 5
    assert requests.get(f"{small_server}/-/stats", timeout=30).json() == before
    assert query(small_server, "ASK { <urn:x:never> ?p ?o }").json()["boolean"] is False


def test_an_update_is_tried_on_a_copy_then_applied_and_the_copy_is_removed(small_server, small_data_dir):
    from api.sparql_runner import snapshot_root

    insert = "INSERT DATA { GRAPH <urn:x:trial> { <urn:x:a> <urn:x:b> 'tried' } }"
    assert requests.post(f"{small_server}/sparql", data={"update": insert}, headers=AUTH, timeout=60).status_code == 204
    assert query(small_server, "ASK { GRAPH <urn:x:trial> { <urn:x:a> <urn:x:b> 'tried' } }").json()["boolean"]
    drop = requests.post(f"{small_server}/sparql", data={"update": "DROP GRAPH <urn:x:trial>"}, headers=AUTH,
                         timeout=60)
    assert drop.status_code == 204
    root = snapshot_root(Path(small_data_dir).resolve())
    assert not [entry for entry in root.iterdir() if entry.name.startswith("trial-")]


def test_a_query_past_the_worker_memory_limit_gets_503_and_the_next_query_is_answered(small_server):
    doubling = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(30))
    text = f"SELECT (STRLEN(?v30) AS ?n) WHERE {{ BIND('xxxxxxxx' AS ?v0) {doubling} }}"
    assert_problem(query(small_server, text), 503)
    assert query(small_server, "ASK { ?s ?p ?o }").json()["boolean"] is True


def test_an_answer_value_past_16_mib_gets_400(hand_built_server):
    doubling = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(24))
    text = f"SELECT ?v24 WHERE {{ BIND('x' AS ?v0) {doubling} }}"
    assert "too large" in assert_problem(query(hand_built_server, text), 400)["detail"]


def test_a_lone_surrogate_in_a_posted_text_gets_400_and_stores_nothing(small_server):
    before = requests.get(f"{small_server}/-/stats", timeout=30).json()
    body = '{"text": "Gunmen killed two \\ud800 villagers.", "published": "2024-01-02"}'
    answer = requests.post(f"{small_server}/api/documents", data=body.encode(), timeout=60,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert "surrogate" in assert_problem(answer, 400)["detail"]
    assert requests.get(f"{small_server}/-/stats", timeout=30).json() == before


def test_json_nested_100k_deep_gets_400(small_server):
    body = '{"text": ' + "[" * 100_000 + "]" * 100_000 + ', "published": "2024-01-02"}'
    answer = requests.post(f"{small_server}/api/documents", data=body.encode(), timeout=60,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert_problem(answer, 400)


def test_headers_past_waitress_limit_get_a_problem_document(small_server):
    answer = requests.get(f"{small_server}/api/actors", params={"q": "x" * 10_100_000}, timeout=60)
    assert_problem(answer, 431)


@pytest.mark.parametrize("path", ["/", "/sparql", "/docs", "/network", "/actors/islamic-state"])
def test_every_html_answer_carries_the_security_headers(small_server, path):
    answer = requests.get(small_server + path, headers={"Accept": "text/html"}, timeout=60)
    assert answer.headers["Content-Type"].startswith("text/html")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    policy = answer.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "connect-src 'self'" in policy


def test_json_answers_are_not_sniffed_either(small_server):
    answer = requests.get(f"{small_server}/nowhere", timeout=30)
    assert answer.status_code == 404 and answer.headers["X-Content-Type-Options"] == "nosniff"


def test_the_query_editor_does_not_take_its_endpoint_from_the_host_header(small_server):
    page = requests.get(f"{small_server}/sparql", headers={"Accept": "text/html", "Host": "evil.example"}, timeout=60)
    assert page.status_code == 200 and "evil.example" not in page.text


def test_head_answers_like_get_without_a_body(small_server):
    found = query(small_server, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1").json()
    graph = found["results"]["bindings"][0]["g"]["value"]
    for path, params in (("/store", {"graph": graph}), ("/sparql", {"query": "ASK { ?s ?p ?o }"})):
        get = requests.get(small_server + path, params=params, headers=JSON, timeout=30)
        head = requests.head(small_server + path, params=params, headers=JSON, timeout=30)
        assert (head.status_code, head.content) == (get.status_code, b""), path
        assert head.headers["Content-Type"] == get.headers["Content-Type"]


def test_sigterm_stops_the_workers_and_removes_the_query_snapshots(tmp_path):
    from api.sparql_runner import snapshot_root

    data_dir = write_data_dir(tmp_path / "data", extractions())
    port = free_port()
    env = {**os.environ, "CONFLICTKG_DATA_DIR": str(data_dir), "CONFLICTKG_PORT": str(port)}
    log = (tmp_path / "server.log").open("w+")
    process = subprocess.Popen([sys.executable, "-m", "api"], cwd=ROOT, env=env, stderr=log,
                               stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/-/health", process, log=log)
    assert query(url, "ASK { ?s ?p ?o }").status_code == 200
    snapshots = snapshot_root(Path(data_dir).resolve())
    assert snapshots.exists()
    workers = children(process.pid)
    assert workers
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not snapshots.exists()
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists() and not zombie(pid)]


def children(pid: int) -> list[int]:
    """The ids of the processes any thread of ``pid`` started (Linux)."""
    tasks = Path(f"/proc/{pid}/task").iterdir()
    return [int(child) for task in tasks for child in (task / "children").read_text().split()]


def zombie(pid: int) -> bool:
    """Whether ``pid`` has exited and only waits to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True


def test_a_query_whose_client_left_is_stopped_at_once(tmp_path):
    data_dir = write_data_dir(tmp_path / "data", extractions())
    server = _serve(data_dir, CONFLICTKG_THREADS="4", CONFLICTKG_QUERY_TIMEOUT_MS="120000")
    url = next(server)
    try:
        assert query(url, "ASK { ?s ?p ?o }").status_code == 200  # the workers are up
        server_pid = serving(data_dir)
        workers = set(children(server_pid))
        with pytest.raises(requests.exceptions.ReadTimeout):  # the client gives up after 1 s and closes
            requests.post(f"{url}/sparql", data={"query": RUNAWAY}, headers=JSON, timeout=1)
        deadline = time.monotonic() + 20
        while set(children(server_pid)) >= workers and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not set(children(server_pid)) >= workers, "the abandoned query's worker still runs"
        assert query(url, "ASK { ?s ?p ?o }").status_code == 200
    finally:
        server.close()


def serving(data_dir: Path) -> int:
    """The id of this test's server process over ``data_dir``."""
    setting = f"CONFLICTKG_DATA_DIR={data_dir}".encode()
    return next(pid for pid in children(os.getpid())
                if setting in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"))
