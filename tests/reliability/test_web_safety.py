"""Web safety: CORS off unless configured, no secret in error bodies or logs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import requests

from tests.conftest import ROOT, free_port, wait_until_up

SECRET = "s3cret-token-that-must-never-leak"
ALLOWED = "https://analyst.example"


@pytest.fixture(scope="module")
def logged_server(tmp_path_factory):
    """The real service with a write token and CORS for one origin, its log going to a file; yields (url, log)."""
    folder = tmp_path_factory.mktemp("web-safety")
    log = folder / "server.log"
    port = free_port()
    env = {**os.environ, "CONFLICTKG_DATA_DIR": str(folder / "data"), "CONFLICTKG_PORT": str(port),
           "CONFLICTKG_WRITE_TOKEN": SECRET, "CONFLICTKG_CORS_ORIGINS": ALLOWED}
    with open(log, "w") as sink:
        process = subprocess.Popen([sys.executable, "-m", "api"], cwd=ROOT, env=env, stdout=sink, stderr=sink)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/-/health", process)
            yield url, log
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_cors_is_off_by_default(live_server):
    answer = requests.get(f"{live_server}/api/actors", headers={"Origin": ALLOWED}, timeout=30)
    assert answer.status_code == 200
    assert "Access-Control-Allow-Origin" not in answer.headers


@pytest.mark.parametrize("origin,allowed", [(ALLOWED, True), ("https://evil.example", False)])
def test_cors_allows_only_configured_origins(logged_server, origin, allowed):
    url, _log = logged_server
    answer = requests.get(f"{url}/api/actors", headers={"Origin": origin}, timeout=30)
    assert (answer.headers.get("Access-Control-Allow-Origin") == origin) is allowed
    assert answer.headers.get("Access-Control-Allow-Origin") != "*"


def test_no_secret_in_error_bodies_or_logs(logged_server):
    url, log = logged_server
    near_misses = [SECRET[:-1], SECRET + "x", SECRET.upper()]
    answers = [requests.post(f"{url}/sparql", data={"update": "DROP ALL"}, timeout=30,
                             headers={"Authorization": f"Bearer {guess}"}) for guess in near_misses]
    answers.append(requests.post(f"{url}/api/documents", json={"text": 1}, timeout=30,
                                 headers={"Authorization": f"Bearer {SECRET}"}))
    answers.append(requests.get(f"{url}/sparql", params={"query": "SELECT * WHERE {"}, timeout=30))
    for answer in answers:
        assert 400 <= answer.status_code < 500
        assert SECRET not in answer.text and "Traceback" not in answer.text
    logged = log.read_text()
    assert SECRET not in logged
    assert "Traceback" not in logged
