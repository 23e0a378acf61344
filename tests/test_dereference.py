"""Entity IRIs dereference by content negotiation: JSON record, RDF of the entity, or a page for browsers."""

from __future__ import annotations

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SDO

from graph.vocab import CKG
from tests.rest_records import BASE_IRI

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def fetch(url: str, path: str, accept: str | None = None, **params) -> requests.Response:
    headers = {"Accept": accept} if accept else {}
    return requests.get(url + path, headers=headers, params=params, allow_redirects=False, timeout=30)


@pytest.mark.parametrize(("kind", "entity_id"), [
    ("actor", "syrian-arab-army"), ("place", "idlib"), ("document", "doc-mogadishu")])
@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
def test_json_is_the_rest_record(hand_built_server, kind, entity_id, accept):
    """The same bytes as the REST route's (the kept record as it is)."""
    answer = fetch(hand_built_server, f"/id/{kind}/{entity_id}", accept)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/json")
    assert "Accept" in answer.headers["Vary"]
    rest = requests.get(f"{hand_built_server}/api/{kind}s/{entity_id}", timeout=30)
    assert answer.content == rest.content
    assert rest.json()["iri"] == f"{BASE_IRI}{kind}/{entity_id}"


@pytest.mark.parametrize(("accept", "params", "rdf_format"), [
    ("text/turtle", {}, "turtle"),
    ("application/n-triples", {}, "nt"),
    ("application/ld+json", {}, "json-ld"),
    ("application/rdf+xml", {}, "xml"),
    (BROWSER, {"format": "turtle"}, "turtle"),
])
def test_rdf_describes_the_entity(hand_built_server, accept, params, rdf_format):
    answer = fetch(hand_built_server, "/id/actor/syrian-arab-army", accept, **params)
    assert answer.status_code == 200, answer.text
    graph = Graph().parse(data=answer.content, format=rdf_format)
    actor = URIRef(BASE_IRI + "actor/syrian-arab-army")
    assert (actor, SDO.name, Literal("Syrian Arab Army")) in graph
    assert (actor, SDO.alternateName, Literal("SAA")) in graph
    assert all(s == actor or str(s).startswith(str(actor) + "/") for s in graph.subjects())


def test_event_rdf_includes_its_evidence(hand_built_server):
    listed = requests.get(hand_built_server + "/api/events", params={"place": "aleppo", "type": "Battles"},
                          timeout=30)
    [event] = listed.json()["events"]
    answer = fetch(hand_built_server, f"/id/event/{event['id']}", "text/turtle")
    texts = [str(o) for o in Graph().parse(data=answer.text, format="turtle").objects(predicate=CKG.text)]
    assert texts == ["The army and HTS fought west of Aleppo in late December."]


def test_place_rdf_includes_its_geometry(hand_built_server):
    graph = Graph().parse(data=fetch(hand_built_server, "/id/place/mogadishu", "text/turtle").text, format="turtle")
    wkt = [str(o) for o in graph.objects() if str(o).startswith("POINT")]
    assert wkt == ["POINT(45.3438 2.0371)"]


@pytest.mark.parametrize(("kind", "entity_id"), [("actor", "al-shabaab"), ("place", "aleppo")])
def test_browsers_go_to_the_entity_page(hand_built_server, kind, entity_id):
    answer = fetch(hand_built_server, f"/id/{kind}/{entity_id}", BROWSER)
    if answer.status_code == 303:  # the viz page of the entity exists
        assert answer.headers["Location"].endswith(f"/{kind}s/{entity_id}")
    else:
        assert answer.status_code == 200
        assert answer.headers["Content-Type"].startswith("text/html")


def test_event_page_shows_evidence_and_links(hand_built_server):
    listed = requests.get(hand_built_server + "/api/events", params={"place": "mogadishu", "type": "Battles"},
                          timeout=30)
    [event] = listed.json()["events"]
    answer = fetch(hand_built_server, f"/id/event/{event['id']}", BROWSER)
    assert answer.status_code == 303
    assert answer.headers["Location"].endswith(f"/events/{event['id']}")
    page = requests.get(hand_built_server + f"/events/{event['id']}", timeout=30)
    assert page.status_code == 200
    assert "Al-Shabaab fighters attacked a Somali army base" in page.text
    assert 'href="/actors/al-shabaab"' in page.text
    assert f'href="/documents/doc-mogadishu#event-{event["id"]}"' in page.text


def test_document_page_shows_its_title(hand_built_server):
    page = requests.get(hand_built_server + "/documents/doc-idlib", timeout=30)
    assert page.status_code == 200
    assert "<h1>Clashes in Idlib</h1>" in page.text


@pytest.mark.parametrize(("path", "params", "status"), [
    ("/id/actor/no-such-actor", {}, 404),
    ("/id/event/no-such-event", {}, 404),
    ("/id/weapon/ak-47", {}, 404),
    ("/id/actor/syrian-arab-army", {"format": "yaml"}, 400),
    ("/events/no-such-event", {}, 404),
])
def test_bad_dereference_is_a_problem(hand_built_server, path, params, status):
    answer = fetch(hand_built_server, path, "application/json", **params)
    assert answer.status_code == status
    assert answer.headers["Content-Type"].startswith("application/problem+json")


def test_a_record_kept_for_its_iri_follows_a_write(make_app, tmp_path):
    from graph.store import Store
    from tests.conftest import write
    from tests.test_readings import FIRST

    store = Store(str(tmp_path / "store"))
    write(store, FIRST[:1], BASE_IRI, validate=False)
    store.close()
    app = make_app({"data_dir": str(tmp_path / "store"), "base_iri": BASE_IRI})
    client = app.test_client()
    before = client.get("/id/actor/ras-kamboni?format=json").get_json()
    assert client.get("/id/actor/ras-kamboni?format=json").get_json() == before  # kept
    write(app.extensions["conflictkg.store"], FIRST[1:], BASE_IRI, validate=False)  # a second report of it
    after = client.get("/id/actor/ras-kamboni?format=json").get_json()
    assert (before["source_count"], after["source_count"]) == (1, 2)


def test_one_kept_record_answers_the_rest_route_and_the_iri_until_a_write(make_app, tmp_path):
    from graph.store import Store
    from tests.conftest import write
    from tests.test_readings import FIRST

    store = Store(str(tmp_path / "store"))
    write(store, FIRST[:1], BASE_IRI, validate=False)
    store.close()
    app = make_app({"data_dir": str(tmp_path / "store"), "base_iri": BASE_IRI})
    client, store = app.test_client(), app.extensions["conflictkg.store"]
    reads, read = [], store.read
    store.read = lambda *args, **kwargs: reads.append(args[0]) or read(*args, **kwargs)
    first = client.get("/api/actors/ras-kamboni")
    built = len(reads)
    assert first.status_code == 200 and built > 0
    for path in ("/id/actor/ras-kamboni?format=json", "/id/actor/ras-kamboni", "/api/actors/ras-kamboni"):
        assert client.get(path).get_data() == first.get_data(), path
    assert len(reads) == built  # every route answered from the record the first one built
    write(store, FIRST[1:], BASE_IRI, validate=False)  # a second report of it
    after = client.get("/id/actor/ras-kamboni?format=json").get_json()
    assert len(reads) > built
    assert (first.get_json()["source_count"], after["source_count"]) == (1, 2)
    assert client.get("/api/actors/ras-kamboni").get_json() == after


def test_the_rdf_of_an_event_cut_at_its_evidence_limit_keeps_the_lowest_evidence_iris(make_app, tmp_path, monkeypatch):
    from graph import queries as q
    from graph.store import Store
    from tests.conftest import write
    from tests.test_readings import FIRST, SECOND

    store = Store(str(tmp_path / "store"))
    write(store, FIRST + SECOND, BASE_IRI, validate=False)  # four reports of one shelling
    store.close()
    app = make_app({"data_dir": str(tmp_path / "store"), "base_iri": BASE_IRI})
    client = app.test_client()
    event = client.get("/api/events", query_string={"type": "Explosions/Remote violence"}).get_json()["events"][0]

    def evidence(limit: int) -> list[str]:
        monkeypatch.setattr(q, "DESCRIBE", q.DESCRIBE.replace(f"LIMIT {q.DESCRIBE_EVIDENCE}", f"LIMIT {limit}"))
        app.extensions["conflictkg.reads"].answers.invalidate()  # no kept read: each limit is read afresh
        turtle = client.get(f"/id/event/{event['id']}?format=turtle").get_data(as_text=True)
        return sorted(str(o) for o in Graph().parse(data=turtle, format="turtle").objects(predicate=CKG.evidence))

    every = evidence(q.DESCRIBE_EVIDENCE)
    assert len(every) == 4
    assert evidence(2) == every[:2]


def test_an_entitys_rdf_is_built_in_a_read_worker_and_kept_until_the_next_write(make_app, tmp_path):
    from graph import queries as q
    from graph.store import Store
    from graph.vocab import CURRENT_GRAPH
    from tests.conftest import write
    from tests.test_readings import FIRST

    store = Store(str(tmp_path / "store"))
    write(store, FIRST, BASE_IRI, validate=False)
    store.close()
    app = make_app({"data_dir": str(tmp_path / "store"), "base_iri": BASE_IRI})
    client = app.test_client()
    event = client.get("/api/events").get_json()["events"][0]
    iri, path = f"{BASE_IRI}event/{event['id']}", f"/id/event/{event['id']}?format=ntriples"
    before = client.get(path).get_data(as_text=True)
    kept = app.extensions["conflictkg.reads"].answers.get(f"application/n-triples {q.with_iris(q.DESCRIBE, [iri])}")
    assert kept is not None and kept[1].decode() == before
    app.extensions["conflictkg.store"].update_raw(
        f"INSERT DATA {{ GRAPH <{CURRENT_GRAPH}> {{ <{iri}> <{SDO.alternateName}> 'The Zarnik market shelling' }} }}")
    after = client.get(path).get_data(as_text=True)
    assert "The Zarnik market shelling" not in before
    assert "The Zarnik market shelling" in after
