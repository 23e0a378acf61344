"""Load: 16 clients x 500 requests (REST lookups and SPARQL) while articles are ingested over HTTP:
no errors, and answers about the seed are the same before, during and after.

The service answers a SPARQL request 503 with Retry-After when more queries are in flight than it
keeps server threads for (the rest stay free for health, REST and pages); these clients do what
a well-behaved client does and retry after the time it gives, up to ten times."""

from __future__ import annotations

import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conftest import WRITE_TOKEN, _serve
from tests.reliability.articles import write_articles

pytestmark = pytest.mark.slow

CLIENTS, REQUESTS_EACH, INGESTS, RETRIES = 16, 500, 20, 10
ACCEPT = {"Accept": "application/json, application/sparql-results+json"}
SEED_TRIPLES = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                "FILTER(CONTAINS(STR(?g), '000-14ac35c731f5b702')) }")


@pytest.fixture
def writable_server(seeded_data_dir, tmp_path):
    """The real service over a copy of the seeded store, writes enabled."""
    data_dir = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data_dir)
    yield from _serve(data_dir, CONFLICTKG_WRITE_TOKEN=WRITE_TOKEN)


def seed_answers(session: requests.Session, url: str) -> tuple:
    """What the service says about the seed document: its triple count and the actors it lists."""
    count = session.get(f"{url}/sparql", params={"query": SEED_TRIPLES},
                        headers={"Accept": "application/sparql-results+json"}, timeout=60)
    count.raise_for_status()
    actor = session.get(f"{url}/api/actors/islamic-state", timeout=60)
    actor.raise_for_status()
    record = actor.json()
    return count.json()["results"]["bindings"][0]["n"]["value"], record["name"], record["kind"]


def polite_get(session: requests.Session, url: str, params: dict[str, str]) -> requests.Response:
    """GET, retrying a 503 that carries Retry-After (at most RETRIES times)."""
    for _ in range(RETRIES):
        answer = session.get(url, params=params, timeout=60, headers=ACCEPT)
        if answer.status_code != 503 or "Retry-After" not in answer.headers:
            return answer
        time.sleep(float(answer.headers["Retry-After"]))
    return session.get(url, params=params, timeout=60, headers=ACCEPT)


def client(url: str, number: int) -> list[str]:
    """Send REQUESTS_EACH mixed requests; return a description of each failure."""
    paths = [
        ("/api/actors", {"q": "state"}), ("/api/search", {"q": "daraa"}), ("/api/events", {"limit": "5"}),
        ("/api/places", {"limit": "5"}), ("/sparql", {"query": "SELECT ?s WHERE { ?s a ?t } LIMIT 20"}),
        ("/api/actors/islamic-state", {}),
    ]
    failures = []
    with requests.Session() as session:
        for i in range(REQUESTS_EACH):
            path, params = paths[(i + number) % len(paths)]
            try:
                answer = polite_get(session, url + path, params)
                if answer.status_code != 200:
                    failures.append(f"{path} -> {answer.status_code} {answer.text[:160]}")
                else:
                    answer.json()
            except (requests.RequestException, ValueError) as err:
                failures.append(f"{path} -> {err}")
    return failures


def test_concurrent_clients_during_ingest_see_no_errors(writable_server, tmp_path):
    url = writable_server
    with requests.Session() as session:
        before = seed_answers(session, url)
    articles = write_articles(tmp_path / "incoming", INGESTS, seed=11)
    ingest_failures: list[str] = []

    def ingest_all() -> None:
        with requests.Session() as session:
            for path in articles:
                answer = session.post(f"{url}/api/documents", timeout=120,
                                      headers={"Authorization": f"Bearer {WRITE_TOKEN}"},
                                      json={"id": path.stem, "text": path.read_text(), "published": "2024-05-01"})
                if answer.status_code >= 300:
                    ingest_failures.append(f"{path.name} -> {answer.status_code} {answer.text[:200]}")

    writer = threading.Thread(target=ingest_all)
    writer.start()
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(lambda n: client(url, n), range(CLIENTS)))
    writer.join()

    failures = [f for result in results for f in result]
    print(f"LOAD requests={CLIENTS * REQUESTS_EACH} errors={len(failures)} ingested={INGESTS - len(ingest_failures)}")
    assert not failures, failures[:10]
    assert not ingest_failures, ingest_failures
    with requests.Session() as session:
        assert seed_answers(session, url) == before
        stats = session.get(f"{url}/-/stats", timeout=30).json()
    assert stats["documents"] >= INGESTS + 1
