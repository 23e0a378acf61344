"""REST lookups over the real service: exact values on hand-built records, shapes on the seed."""

from __future__ import annotations

import shutil

import pytest
import requests

from api import close_app, create_app, entity_index
from graph import queries as q
from tests import busy_records as war_records
from tests.conftest import WRITE_TOKEN, _serve, write_data_dir


def get(url: str, path: str, **params) -> dict:
    answer = requests.get(url + path, params=params, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"].startswith("application/json")
    return answer.json()


def dates(items: list[dict]) -> list[str]:
    return [item["date"] for item in items]


# ---------------------------------------------------------------- hand-built records: exact values

def test_actor_record_counts_roles_co_actors_and_places(hand_built_server):
    actor = get(hand_built_server, "/api/actors/syrian-arab-army")
    assert actor["name"] == "Syrian Arab Army"
    assert actor["kind"] == "state_forces"
    assert actor["aliases"] == ["SAA"]
    assert actor["event_count"] == 4
    assert actor["roles"] == {"actor1": 3, "actor2": 1, "assoc_actor_1": 0, "assoc_actor_2": 0}
    assert {c["id"]: c["events"] for c in actor["co_actors"]} == {"hayat-tahrir-al-sham": 3, "civilians-syria": 1}
    assert {p["id"]: p["events"] for p in actor["places"]} == {"idlib": 2, "aleppo": 2}
    assert actor["first_seen"] == "2019-12-30"
    assert actor["last_seen"] == "2020-05-09"
    assert {d["id"] for d in actor["documents"]} == {"doc-idlib", "doc-aleppo"}
    assert dates(actor["events"]) == ["2020-05-09", "2020-03-01", "2020-03", "2019-12-30"]


def test_actor_record_shows_affiliations_and_associate_roles(hand_built_server):
    shabaab = get(hand_built_server, "/api/actors/al-shabaab")
    assert [(a["relation"], a["direction"], a["actor"]["id"]) for a in shabaab["affiliations"]] == [
        ("member_of", "out", "al-qaeda")]
    qaeda = get(hand_built_server, "/api/actors/al-qaeda")
    assert [(a["relation"], a["direction"], a["actor"]["id"]) for a in qaeda["affiliations"]] == [
        ("member_of", "in", "al-shabaab")]
    amisom = get(hand_built_server, "/api/actors/amisom")
    assert amisom["roles"]["assoc_actor_2"] == 1
    assert amisom["events"][0]["roles"] == ["assoc_actor_2"]
    assert {c["id"] for c in amisom["co_actors"]} == {"al-shabaab", "somali-national-army"}


def test_undated_events_count_but_give_no_dates(hand_built_server):
    shabaab = get(hand_built_server, "/api/actors/al-shabaab")
    assert shabaab["event_count"] == 2
    assert shabaab["roles"]["actor1"] == 2
    assert (shabaab["first_seen"], shabaab["last_seen"]) == ("2021-01-15", "2021-01-15")
    place = get(hand_built_server, "/api/places/mogadishu")
    assert (place["event_count"], place["first_seen"], place["last_seen"]) == (2, "2021-01-15", "2021-01-15")
    assert place["admin1"] == "Banaadir"


def test_place_record_has_coordinates_and_actors_there(hand_built_server):
    place = get(hand_built_server, "/api/places/idlib")
    assert (place["name"], place["country"], place["admin1"]) == ("Idlib", "SY", "Idlib")
    assert place["lat"] == pytest.approx(35.9306)
    assert place["lon"] == pytest.approx(36.6339)
    assert place["event_count"] == 2
    assert {a["id"]: a["events"] for a in place["actors"]} == {"syrian-arab-army": 2, "hayat-tahrir-al-sham": 2}
    assert sorted(dates(place["events"])) == ["2020-03", "2020-03-01"]


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["2021-01-15", "2020-05-09", "2020-03-01", "2020-03", "2019-12-30", None]),
    ({"actor": "syrian-arab-army"}, ["2020-05-09", "2020-03-01", "2020-03", "2019-12-30"]),
    ({"actor": "amisom"}, ["2021-01-15"]),
    ({"place": "aleppo"}, ["2020-05-09", "2019-12-30"]),
    ({"type": "Explosions/Remote violence"}, ["2020-05-09"]),
    ({"sub_type": "Armed clash", "place": "idlib"}, ["2020-03-01", "2020-03"]),
    ({"from": "2020-03-15"}, ["2021-01-15", "2020-05-09", "2020-03"]),  # the month-precise event overlaps
    ({"from": "2020", "to": "2020"}, ["2020-05-09", "2020-03-01", "2020-03"]),
    ({"to": "2020-02-29"}, ["2019-12-30"]),
    ({"from": "2020-03", "to": "2020-03"}, ["2020-03-01", "2020-03"]),
    ({"document": "doc-mogadishu"}, ["2021-01-15", None]),
    ({"actor": "al-shabaab", "from": "2000"}, ["2021-01-15"]),  # a date filter leaves undated events out
    ({"actor": "nobody-at-all"}, []),
    ({"from": "2021", "to": "2020"}, []),
    ({"to": "2020-02-30"}, ["2019-12-30"]),  # not a calendar day, but a well-formed bound
])
def test_event_filters(hand_built_server, params, expected):
    assert dates(get(hand_built_server, "/api/events", **params)["events"]) == expected


def test_event_list_pages_follow_next(hand_built_server):
    seen, path = [], "/api/events?limit=2"
    while path:
        page = get(hand_built_server, path)
        assert len(page["events"]) <= 2
        seen += dates(page["events"])
        path = page["next"]
    assert seen == ["2021-01-15", "2020-05-09", "2020-03-01", "2020-03", "2019-12-30", None]


def test_event_record_has_roles_evidence_and_sources(hand_built_server):
    [summary] = get(hand_built_server, "/api/events", place="mogadishu", type="Battles")["events"]
    event = get(hand_built_server, summary["href"])
    assert (event["type"], event["sub_type"], event["date"]) == ("Battles", "Armed clash", "2021-01-15")
    assert event["place"]["id"] == "mogadishu"
    assert [a["id"] for a in event["actors"]["actor1"]] == ["al-shabaab"]
    assert [a["id"] for a in event["actors"]["actor2"]] == ["somali-national-army"]
    assert [a["id"] for a in event["actors"]["assoc_actor_2"]] == ["amisom"]
    assert event["fatalities"] == 7
    [evidence] = event["evidence"]
    assert evidence["text"].startswith("Al-Shabaab fighters attacked")
    assert evidence["document"]["id"] == "doc-mogadishu"
    assert [s["publisher"] for s in event["sources"]] == ["Wire C"]


def test_document_record_lists_what_was_read(hand_built_server):
    document = get(hand_built_server, "/api/documents/doc-aleppo")
    assert (document["title"], document["publisher"], document["published"]) == (
        "Shelling near Aleppo", "Wire B", "2020-05-10")
    assert {a["id"] for a in document["actors"]} >= {"syrian-arab-army", "civilians-syria"}
    assert [p["id"] for p in document["places"]] == ["aleppo"]
    assert sorted(dates(document["events"])) == ["2019-12-30", "2020-05-09"]


@pytest.mark.parametrize(("path", "params", "key", "expected"), [
    ("/api/actors", {"q": "saa"}, "actors", ["syrian-arab-army"]),  # by alias
    ("/api/actors", {"kind": "state_forces"}, "actors", ["somali-national-army", "syrian-arab-army"]),
    ("/api/places", {"country": "so"}, "places", ["mogadishu"]),
    ("/api/places", {"q": "ALEP"}, "places", ["aleppo"]),
    ("/api/documents", {}, "documents", ["doc-mogadishu", "doc-aleppo", "doc-idlib"]),
    ("/api/documents", {"q": "wire b"}, "documents", ["doc-aleppo"]),
])
def test_list_filters(hand_built_server, path, params, key, expected):
    assert [item["id"] for item in get(hand_built_server, path, **params)[key]] == expected


def test_search_ranks_exact_names_first(hand_built_server):
    found = get(hand_built_server, "/api/search", q="al-qaeda")
    assert [a["id"] for a in found["actors"]] == ["al-qaeda"]
    found = get(hand_built_server, "/api/search", q="al")
    assert found["actors"][0]["id"] == "al-qaeda" or found["actors"][0]["name"].lower().startswith("al")
    assert "aleppo" in [p["id"] for p in found["places"]]
    events = get(hand_built_server, "/api/search", q="mogadishu")["events"]
    assert [e["date"] for e in events] == ["2021-01-15", None]


@pytest.mark.parametrize(("path", "status"), [
    ("/api/actors/no-such-actor", 404),
    ("/api/places/no-such-place", 404),
    ("/api/events/no-such-event", 404),
    ("/api/documents/no-such-document", 404),
    ("/api/actors?limit=0", 400),
    ("/api/actors?limit=501", 400),
    ("/api/places?offset=-1", 400),
    ("/api/events?limit=ten", 400),
    ("/api/events?from=2020-13-01", 400),
    ("/api/events?to=2020-02-32", 400),
    ("/api/events?from=March", 400),
    ("/api/events?actor=two%20words", 400),
    ("/api/actors?kind=%01", 400),
    ("/api/search", 400),
    ("/api/search?q=" + "x" * 201, 400),
])
def test_bad_input_is_a_problem(hand_built_server, path, status):
    answer = requests.get(hand_built_server + path, timeout=30)
    assert answer.status_code == status
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    body = answer.json()
    assert body["status"] == status and body["detail"]


# ---------------------------------------------------------------- ingest over HTTP

ARTICLE = {
    "text": "Militants of the Islamic State attacked a Nigerian army base in Borno on Monday, "
    "killing three soldiers, the military said.",
    "published": "2021-06-08", "title": "Attack on army base in Borno", "source": "Wire D", "id": "test-borno-1",
}


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Bearer wrong-token"}, 401),
    ({"Authorization": "Basic " + WRITE_TOKEN}, 401),
])
def test_ingest_needs_the_token(hand_built_server, headers, status):
    answer = requests.post(hand_built_server + "/api/documents", json=ARTICLE, headers=headers, timeout=30)
    assert answer.status_code == status
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert "Bearer" in answer.headers.get("WWW-Authenticate", "")


def test_ingest_is_refused_when_the_service_is_read_only(live_server):
    answer = requests.post(live_server + "/api/documents", json=ARTICLE,
                           headers={"Authorization": "Bearer anything"}, timeout=30)
    assert answer.status_code == 403
    assert "read-only" in answer.json()["detail"]


@pytest.mark.parametrize(("body", "fix"), [
    ({"published": "2021-06-08"}, "'text'"),
    ({"text": "  ", "published": "2021-06-08"}, "'text'"),
    ({"text": "Shelling in Kharkiv.", "published": "8 June 2021"}, "YYYY-MM-DD"),
    ({"text": "Shelling in Kharkiv.", "published": "2021-02-30"}, "YYYY-MM-DD"),
    ({"text": "Shelling in Kharkiv.", "published": "2021-06-08", "byline": "x"}, "byline"),
    ({"text": "Shelling in Kharkiv.", "html": "<p>Shelling in Kharkiv.</p>"}, "not both"),
    ({"url": "http://example.org/a"}, "CONFLICTKG_FETCH_URLS=0"),
    ({"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, "no article text found in the page"),
    (["not", "an", "object"], "JSON object"),
])
def test_ingest_says_what_to_fix(hand_built_server, body, fix):
    answer = requests.post(hand_built_server + "/api/documents", json=body,
                           headers={"Authorization": f"Bearer {WRITE_TOKEN}"}, timeout=30)
    assert answer.status_code == 400
    assert fix in answer.json()["detail"]


@pytest.mark.slow
def test_ingest_extracts_and_serves_the_document(hand_built_server):
    headers = {"Authorization": f"Bearer {WRITE_TOKEN}"}
    answer = requests.post(hand_built_server + "/api/documents", json=ARTICLE, headers=headers, timeout=120)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["id"] == "test-borno-1"
    assert answer.headers["Location"] == "/api/documents/test-borno-1"
    assert body["counts"]["actors"] == len(body["extraction"]["actors"])
    assert "text" not in body["extraction"]["document"]
    document = get(hand_built_server, "/api/documents/test-borno-1")
    assert (document["title"], document["publisher"], document["published"]) == (
        "Attack on army base in Borno", "Wire D", "2021-06-08")
    assert {a["name"] for a in document["actors"]} == {a["name"] for a in body["extraction"]["actors"]}
    again = requests.post(hand_built_server + "/api/documents", json=ARTICLE, headers=headers, timeout=120)
    assert again.status_code == 201  # same id: the document's graph is replaced, not duplicated
    listed = [d["id"] for d in get(hand_built_server, "/api/documents", limit=500)["documents"]]
    assert listed.count("test-borno-1") == 1


# ---------------------------------------------------------------- cache of answers

def test_repeated_lookups_are_cached_until_a_write(hand_built_server):
    path = hand_built_server + "/api/actors?q=somali"
    first = requests.get(path, timeout=30)
    again = requests.get(path, timeout=30)
    assert again.headers["X-Cache"] == "hit"
    assert again.json() == first.json()
    update = ("PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
              "INSERT DATA { GRAPH <https://conflictkg.org/id/graph/test-cache> { "
              "<https://conflictkg.org/id/actor/somali-police-force> a sem:Actor ; "
              '<https://schema.org/name> "Somali Police Force" } }')
    written = requests.post(hand_built_server + "/sparql", data={"update": update},
                            headers={"Authorization": f"Bearer {WRITE_TOKEN}"}, timeout=30)
    assert written.status_code in (200, 204), written.text
    after = requests.get(path, timeout=30)
    assert after.headers["X-Cache"] == "miss"
    assert [a["id"] for a in after.json()["actors"]] == ["somali-national-army", "somali-police-force"]
    removed = requests.post(hand_built_server + "/sparql",
                            data={"update": "DROP GRAPH <https://conflictkg.org/id/graph/test-cache>"},
                            headers={"Authorization": f"Bearer {WRITE_TOKEN}"}, timeout=30)
    assert removed.status_code in (200, 204)
    assert [a["id"] for a in requests.get(path, timeout=30).json()["actors"]] == ["somali-national-army"]


@pytest.mark.parametrize("labels_kept", [60_000, 3], ids=["cut from the kept index", "read by page"])
@pytest.mark.parametrize("path", ["/api/actors", "/api/places", "/api/actors?kind=armed_group", "/api/actors?q=a"])
def test_every_page_of_an_entity_list_is_a_slice_of_one_order(hand_built_data_dir, tmp_path, monkeypatch, path,
                                                               labels_kept):
    monkeypatch.setattr(entity_index, "LABELS_KEPT", labels_kept)
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    try:
        client, key = app.test_client(), path.split("?")[0].rsplit("/", 1)[-1]
        every = client.get(path + ("&" if "?" in path else "?") + "limit=500").get_json()[key]
        names = [item["name"] for item in every]
        assert len(every) >= 3 and names == sorted(names, key=str.lower)
        for limit in (1, 2, 5):
            pages = []
            for offset in range(0, len(every) + 2, limit):
                answer = client.get(f"{path}{'&' if '?' in path else '?'}limit={limit}&offset={offset}").get_json()
                pages += answer[key]
                assert (answer["next"] is None) == (offset + limit >= len(every))
            assert pages == every
    finally:
        close_app(app)


@pytest.mark.parametrize("path", ["/api/actors", "/api/places", "/api/actors?kind=armed_group"])
def test_an_entity_lists_rows_are_read_once_for_all_its_pages(hand_built_data_dir, tmp_path, path):
    """Its pages are cut from the kept index of the entities, read (and decoded) once until the next write with the
    count of their labels: each later page reads only its own fields."""
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    store = app.extensions["conflictkg.store"]
    read, asked = store.read, []
    store.read = lambda sparql, bindings=None: asked.append(sparql) or read(sparql, bindings)
    try:
        client, joiner = app.test_client(), "&" if "?" in path else "?"
        for offset in range(3):
            assert client.get(f"{path}{joiner}limit=1&offset={offset}").status_code == 200
        orders = [sparql for sparql in asked if sparql in (q.ACTOR_INDEX, q.PLACE_INDEX)]
        assert len(orders) == 1 and len(asked) == 5 and not any("ORDER BY" in sparql for sparql in asked)
    finally:
        close_app(app)


@pytest.mark.parametrize("query", [{}, {"q": "a"}, {"kind": "armed_group"}], ids=["all", "q", "kind"])
def test_an_actor_list_says_of_each_actor_what_its_record_says(hand_built_server, query):
    listed = get(hand_built_server, "/api/actors", limit=500, **query)["actors"]
    assert listed and any(actor["aliases"] for actor in listed) and any(actor["country"] for actor in listed)
    for actor in listed:
        record = get(hand_built_server, f"/api/actors/{actor['id']}")
        assert {key: actor[key] for key in ("name", "kind", "country", "aliases")} == {
            key: record[key] for key in ("name", "kind", "country", "aliases")}


# ---------------------------------------------------------------- lists read from the summaries the writer keeps

@pytest.fixture(scope="module")
def war_server(tmp_path_factory):
    """The real service over reports of one long war (tests/busy_records.py); yields its URL."""
    yield from _serve(write_data_dir(tmp_path_factory.mktemp("war"), war_records.extractions()))


ENTITIES = [("actor", "northern-army"), ("actor", "copper-hill-militia"), ("place", "ashford"),
            ("actor", "quiet-valley-guard"), ("place", "oakridge"), ("actor", "nobody-known")]


@pytest.mark.parametrize(("limit", "offset"), [(20, 0), (30, 70), (10, 99), (10, 100), (50, 90), (5, 200)])
@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e[1])
def test_an_event_list_of_one_actor_or_place_is_the_list_read_from_every_event(war_server, entity, limit, offset):
    """Every event is a battle: with the type too, the list is read from the events, without it from the entity's
    summary where that keeps the page (the army is in more events than its summary keeps)."""
    key, value = entity
    kept = get(war_server, "/api/events", **{key: value}, limit=limit, offset=offset)
    read = get(war_server, "/api/events", **{key: value}, type="Battles", limit=limit, offset=offset)
    assert kept["events"] == read["events"]
    assert (kept["next"] is None) == (read["next"] is None)


def test_a_search_lists_the_events_of_what_it_found_newest_first(war_server):
    found = get(war_server, "/api/search", q="copper", limit=15)
    militia = get(war_server, "/api/events", actor="copper-hill-militia", type="Battles", limit=15)
    assert [a["id"] for a in found["actors"]] == ["copper-hill-militia"]
    assert [e["id"] for e in found["events"]] == [e["id"] for e in militia["events"]]
    assert len(found["events"]) == 15
