"""api/search.py and api/entity_index.py: names and aliases are matched and ranked, and lists ordered, as the engine's
text functions would, and a write is seen."""

from __future__ import annotations

import inspect
import shutil

import pytest

from api import close_app, create_app, entity_index, search
from api.entity_index import index_of
from graph import queries as q
from graph.store import Store
from graph.vocab import CURRENT_GRAPH

BASE = "https://conflictkg.org/id/actor/"
TYPE, SEM_ACTOR = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "http://semanticweb.cs.vu.nl/2009/11/sem/Actor"
# name, aliases: upper and lower case, accents, letters whose lower case is longer or depends on the place in a word
ACTORS = [("Northern Army", ["NA"]), ("NORTHERN ARMY OF THE HILLS", []), ("army", []),
          ("Army of the North", ["Ärmy"]), ("Straße Guard", ["Strasse Watch"]), ("İvora Brigade", []),
          ("ΟΔΟΣ Front", ["Οδός"]), ("Café Lumo Front", ["LUMO CAFÉ"]), ("armyless band", ["The Army"])]
# What the engine ranked before (SPARQL LCASE, STRSTARTS and CONTAINS on each label, the best rank, then the IRI).
ENGINE = q.PREFIXES + """SELECT ?actor (MIN(?r) AS ?rank) {
  { SELECT ?actor ?r WHERE {
      ?actor schema:name|schema:alternateName ?label .
      FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?q)))
      BIND(IF(LCASE(STR(?label)) = LCASE(?q), 0, IF(STRSTARTS(LCASE(STR(?label)), LCASE(?q)), 1, 2)) AS ?r)
  } }
  ?actor a sem:Actor .
} GROUP BY ?actor ORDER BY ?rank ?actor
"""


@pytest.fixture(scope="module")
def store():
    opened = Store(None)
    lines = []
    for n, (name, aliases) in enumerate(ACTORS):
        actor = f"<{BASE}a{n}>"
        lines += [f"{actor} {TYPE} <{SEM_ACTOR}> .",
                  f'{actor} <https://schema.org/name> "{name}" .']
        lines += [f'{actor} <https://schema.org/alternateName> "{alias}" .' for alias in aliases]
    opened.insert(("\n".join(lines) + "\n").encode(), str(CURRENT_GRAPH))
    yield opened
    opened.close()


@pytest.mark.parametrize("term", ["army", "ARMY", "north", "na", "strasse", "straße", "i̇vora", "ivora", "οδος", "οδός",
                                  "café", "É", "e", "y", "the", "zzz"])
def test_labels_are_ranked_as_the_engine_ranked_them(store, term):
    expected = [row["actor"] for row in store.read(ENGINE, {"q": term})]
    assert index_of(store.read(q.ACTOR_INDEX)).ranked(term) == expected


def test_a_name_equal_to_the_term_ranks_before_one_starting_with_it_and_one_containing_it(store):
    assert index_of(store.read(q.ACTOR_INDEX)).ranked("Army")[:4] == [f"{BASE}a{n}" for n in (2, 3, 8, 0)]


def test_the_kept_order_is_the_engines_order_by_name(store):
    engine = [row["actor"] for row in store.read(q.page(q.actor_list([]), 100, 0))]
    kept = index_of(store.read(q.ACTOR_INDEX)).entries
    assert len(engine) == len(ACTORS) and [entry.iri for entry in kept] == engine


def test_a_search_sees_a_name_written_after_the_labels_were_kept(hand_built_data_dir, tmp_path):
    shutil.copytree(hand_built_data_dir, tmp_path / "data")
    app = create_app({"data_dir": str(tmp_path / "data")})
    try:
        client = app.test_client()
        assert client.get("/api/search?q=lakeside").get_json()["actors"] == []
        app.extensions["conflictkg.store"].insert(
            f'<{BASE}lakeside-watch> {TYPE} <{SEM_ACTOR}> .\n'
            f'<{BASE}lakeside-watch> <https://schema.org/name> "Lakeside Watch" .\n'.encode(), str(CURRENT_GRAPH))
        assert [a["id"] for a in client.get("/api/search?q=lakeside").get_json()["actors"]] == ["lakeside-watch"]
    finally:
        close_app(app)


@pytest.fixture(scope="module")
def hand_built_app(hand_built_data_dir, tmp_path_factory):
    """The app over a copy of the hand-built records."""
    data = tmp_path_factory.mktemp("search") / "data"
    shutil.copytree(hand_built_data_dir, data)
    app = create_app({"data_dir": str(data)})
    yield app
    close_app(app)


URLS = [f"/api/{route}?q={term}" for route in ("search", "actors", "places") for term in ("a", "E", "ar", "zzz")] \
    + ["/api/search?q=a&limit=2&offset=1", "/api/actors?q=a&limit=2&offset=1", "/api/places?q=e&kind=city",
       "/api/actors", "/api/actors?kind=armed_group&limit=2&offset=1", "/api/places?country=so",
       "/api/places?country=SO&q=a", "/api/places?limit=3&offset=2"]


def _answers(app, monkeypatch, labels_kept):
    monkeypatch.setattr(entity_index, "LABELS_KEPT", labels_kept)
    app.extensions["conflictkg.cache"].invalidate()
    return [app.test_client().get(url).get_json() for url in URLS]


def test_the_engine_path_answers_as_the_kept_index_does(hand_built_app, monkeypatch):
    kept = _answers(hand_built_app, monkeypatch, 60_000)
    assert any(answer["actors"] for answer in kept[4:8]) and any(answer["places"] for answer in kept[8:12])
    assert kept[15]["actors"] and kept[16]["actors"] and kept[17]["places"] and kept[18]["places"]
    assert _answers(hand_built_app, monkeypatch, 2) == kept


def test_the_index_is_kept_read_only_and_not_past_the_bound(hand_built_app, monkeypatch):
    with hand_built_app.test_request_context():
        hand_built_app.extensions["conflictkg.cache"].invalidate()
        index = entity_index.kept_index("place")
        assert isinstance(index, tuple) and isinstance(index.entries, tuple) and index.entries
        with pytest.raises(AttributeError):
            index.entries[0].name = "changed"  # type: ignore[misc]
        labels = len(index.labels.owners)
        monkeypatch.setattr(entity_index, "LABELS_KEPT", labels)
        assert entity_index.kept_index("place") is not None
        monkeypatch.setattr(entity_index, "LABELS_KEPT", labels - 1)
        assert entity_index.kept_index("place") is None


@pytest.mark.parametrize("function", [search.search_results, search.matching, entity_index.kept_index,
                                      entity_index.page_by_name])
def test_a_search_reads_the_apps_store_only(function):
    """The index is kept in the app's cache and emptied by the app's writes: no search or list is given another
    store, whose answer would then depend on which side of ``LABELS_KEPT`` its labels are."""
    assert "store" not in inspect.signature(function).parameters
