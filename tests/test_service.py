"""The whole path: seed article ingested, served over HTTP, answered."""

import requests


def test_home_links_every_part(live_server):
    page = requests.get(live_server + "/", timeout=10)
    assert page.status_code == 200
    for link in ("/sparql", "/api/actors", "/network"):
        assert f'href="{link}' in page.text


def test_sparql_counts_seed_actors(live_server):
    query = "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT (COUNT(?a) AS ?n) { ?a a sem:Actor }"
    answer = requests.get(live_server + "/sparql", params={"query": query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=10)
    assert answer.status_code == 200
    count = int(answer.json()["results"]["bindings"][0]["n"]["value"])
    assert count >= 5


def test_actor_search_finds_the_observatory(live_server):
    answer = requests.get(live_server + "/api/actors", params={"q": "observatory"}, timeout=10)
    assert answer.status_code == 200
    names = [a["name"] for a in answer.json()["actors"]]
    assert any("Observatory" in name for name in names)


def test_bad_query_is_a_json_400(live_server):
    answer = requests.get(live_server + "/sparql", params={"query": "SELEKT nothing"}, timeout=10)
    assert answer.status_code == 400
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert "parse" in answer.json()["detail"]


def test_network_page_draws_actors(live_server):
    page = requests.get(live_server + "/network", timeout=10)
    assert page.status_code == 200
    assert "Observatory" in page.text
