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


def test_stats_count_what_sparql_counts(live_server):
    stats = requests.get(live_server + "/-/stats", timeout=10).json()
    query = ("PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
             "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a sem:Actor }")
    answer = requests.get(live_server + "/sparql", params={"query": query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=10)
    assert stats["actors"] == int(answer.json()["results"]["bindings"][0]["n"]["value"])
    graphs = requests.get(live_server + "/sparql", params={"query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=10)
    assert stats["graphs"] == len(graphs.json()["results"]["bindings"]) >= 2  # the document's and the current one
    assert stats["documents"] == 1
    assert stats["store"] == "oxigraph-embedded"
    assert stats["version"]


def test_every_listed_actor_resolves(live_server):
    actors = requests.get(live_server + "/api/actors", params={"limit": 500}, timeout=10).json()["actors"]
    assert actors
    for actor in actors[:20]:
        record = requests.get(live_server + actor["href"], timeout=10)
        assert record.status_code == 200
        assert record.json()["name"] == actor["name"]


def test_seed_document_links_its_entities(live_server):
    [document] = requests.get(live_server + "/api/documents", timeout=10).json()["documents"]
    assert document["published"] == "2018-07-31"
    record = requests.get(live_server + document["href"], timeout=10).json()
    assert len(record["actors"]) >= 5
    for kind in ("actors", "places", "events"):
        for item in record[kind][:5]:
            assert requests.get(live_server + item["href"], timeout=10).status_code == 200, item


def test_seed_events_carry_their_evidence(live_server):
    events = requests.get(live_server + "/api/events", timeout=10).json()["events"]
    for summary in events[:10]:
        event = requests.get(live_server + summary["href"], timeout=10).json()
        assert event["evidence"], summary
        assert all(e["text"] and e["document"]["published"] == "2018-07-31" for e in event["evidence"])


def test_search_finds_the_observatory(live_server):
    found = requests.get(live_server + "/api/search", params={"q": "observatory"}, timeout=10).json()
    assert any("Observatory" in actor["name"] for actor in found["actors"])


def test_home_links_the_api_docs_and_stats(live_server):
    page = requests.get(live_server + "/", timeout=10).text
    for link in ("/docs", "/openapi.json", "/-/stats", "/api/events"):
        assert f'href="{link}' in page


def test_entity_iri_dereferences_as_turtle(live_server):
    actor = requests.get(live_server + "/api/actors", params={"limit": 1}, timeout=10).json()["actors"][0]
    answer = requests.get(live_server + f"/id/actor/{actor['id']}", headers={"Accept": "text/turtle"}, timeout=10)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/turtle")
    assert f"actor/{actor['id']}" in answer.text
