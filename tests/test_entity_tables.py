"""The actors and places tables sorted by events or by name, cut from the kept index of the entities
(``api.entity_index``, ``api.tables``), answer as the engine answers when it sorts, filters and counts them."""

from __future__ import annotations

import pytest
from rdflib import Literal

from api import entity_index
from graph.vocab import CURRENT_GRAPH, RDF, SDO, SEM
from tests.conftest import counted_reads

ACTOR = "https://conflictkg.org/id/actor/"
# Actors with no event whose names sort against their IRIs, two of one name but for case (ties of either sort), one
# known by an alias alone and one by no label at all (a table lists them, unnamed: first by name, last descending)
TIED = [("a-zeta", "Zeta Brigade", None), ("z-alpha", "alpha watch", None), ("m-delta", "Delta Front", None),
        ("b-delta", "DELTA FRONT", None), ("n-anon", None, "Anon Band"), ("k-bare", None, None)]

SORTS = ["", "sort=events", "sort=-events", "sort=name", "sort=-name"]
FILTERS = {"actors": ["", "q=a", "q=ARMY", "kind=armed_group", "country=SO", "country=SY&q=syr", "q=zzz", "q=anon"],
           "places": ["", "q=a", "q=ALEP", "kind=city", "country=so", "country=Syria&q=i", "q=zzz"]}
URLS = [f"/{table}.json?{sort}&{term}" for table, chosen in FILTERS.items() for sort in SORTS for term in chosen] \
    + ["/actors.json?limit=2&offset=3", "/actors.json?sort=-name&limit=3&offset=2", "/places.json?limit=1&offset=1",
       "/actors.json?sort=kind", "/places.json?admin1=Banaadir"]


def _answers(app, monkeypatch, labels_kept: int) -> list[dict]:
    monkeypatch.setattr(entity_index, "LABELS_KEPT", labels_kept)
    app.extensions["conflictkg.cache"].invalidate()
    client = app.test_client()
    return [client.get(url).get_json() for url in URLS]


def test_every_sort_and_filter_of_an_entity_table_answers_as_the_engine(hand_built_app, monkeypatch):
    lines = []
    for local, name, alias in TIED:
        lines.append(f"<{ACTOR}{local}> <{RDF.type}> <{SEM.Actor}> .")
        lines += [f"<{ACTOR}{local}> <{SDO.name}> {Literal(name).n3()} ."] if name else []
        lines += [f"<{ACTOR}{local}> <{SDO.alternateName}> {Literal(alias).n3()} ."] if alias else []
    hand_built_app.extensions["conflictkg.store"].insert(("\n".join(lines) + "\n").encode(), str(CURRENT_GRAPH))
    kept = _answers(hand_built_app, monkeypatch, 60_000)
    events = [row["events"] for row in kept[URLS.index("/actors.json?sort=-events&")]["rows"]]
    assert len(events) > 3 and len(set(events)) > 1 and len(set(events)) < len(events)  # counts that tie
    assert all(answer["rows"] for url, answer in zip(URLS, kept, strict=True) if "zzz" not in url)
    by_name = [row["id"] for row in kept[URLS.index("/actors.json?sort=name&")]["rows"]]
    assert by_name[:2] == ["k-bare", "n-anon"] and "n-anon" in str(kept[URLS.index("/actors.json?&q=anon")])
    assert _answers(hand_built_app, monkeypatch, 0) == kept


def test_a_table_sorted_by_events_reads_no_aggregate_of_the_events_for_its_pages(hand_built_app):
    asked = counted_reads(hand_built_app.extensions["conflictkg.store"])
    client = hand_built_app.test_client()
    for offset in range(3):
        assert client.get(f"/actors.json?limit=1&offset={offset}").status_code == 200
    assert sum("GROUP BY ?entity" in sparql for sparql in asked) == 1
    assert not any("ORDER BY" in sparql for sparql in asked)


@pytest.mark.parametrize("path", ["/actors?sort=-events", "/places?sort=name&q=a"])
def test_the_page_shows_the_total_and_rows_of_its_twin(hand_built_app, path):
    client = hand_built_app.test_client()
    twin = client.get(path.replace("?", ".json?")).get_json()
    html = client.get(path).get_data(as_text=True)
    assert twin["rows"] and all(f'href="{row["href"]}"' in html for row in twin["rows"])
    assert str(twin["total"]) in html


@pytest.mark.parametrize(("local", "names", "listed"), [
    ("k-two", ["Zulu Column", "aardvark column"], ["k-two", "syrian-arab-army"]),  # past every other name
    ("b-two", ["Abbot Unit", "Mountain Unit"], ["b-two", "hayat-tahrir-al-sham"]),  # between two others
    ("zz-two", ["Al-Shabaab", "Aaron Band"], ["al-shabaab", "zz-two"]),  # tied with another's: by IRI
    ("a-two", ["al-shabaab", "Aaron Band"], ["a-two", "al-shabaab"]),  # tied but for case: by IRI
])
def test_descending_by_name_lists_an_entity_of_two_names_at_the_last_as_the_engine(hand_built_app, monkeypatch, local,
                                                                                   names, listed):
    # ``listed``: the entity and its neighbour among the hand-built actors (the session's other tests may write more
    # into them, which come between: the place is checked against every row listed)
    """An entity of two names (only a raw write makes one) is listed at the last of them by ``sort=-name``, and shown
    with it, as the engine lists it (it has a row at each name; the first is kept); ``sort=name`` at the first."""
    lines = [f"<{ACTOR}{local}> <{RDF.type}> <{SEM.Actor}> ."]
    lines += [f"<{ACTOR}{local}> <{SDO.name}> {Literal(name).n3()} ." for name in names]
    hand_built_app.extensions["conflictkg.store"].insert(("\n".join(lines) + "\n").encode(), str(CURRENT_GRAPH))
    urls = ["/actors.json?sort=-name", "/actors.json?sort=-name&q=a", "/actors.json?sort=name"]
    monkeypatch.setattr(entity_index, "LABELS_KEPT", 0)
    engine = [hand_built_app.test_client().get(url).get_json() for url in urls]
    monkeypatch.setattr(entity_index, "LABELS_KEPT", 60_000)
    hand_built_app.extensions["conflictkg.cache"].invalidate()
    kept = [hand_built_app.test_client().get(url).get_json() for url in urls]
    assert kept == engine
    descending = [row["id"] for row in kept[0]["rows"]]
    assert set(listed) <= set(descending) and descending.index(listed[0]) < descending.index(listed[1])
    last = max(names, key=str.lower).lower()
    assert kept[0]["total"] == len(descending)  # one page holds them all
    before = [row for row in kept[0]["rows"]
              if row["id"] != local and ((row["name"] or "").lower(), local) > (last, row["id"])]
    assert descending.index(local) == len(before)  # after every greater name, and the same name of a smaller IRI
    shown = {url: next(row["name"] for row in answer["rows"] if row["id"] == local)
             for url, answer in zip(urls, kept, strict=True)}
    last, first = max(names, key=str.lower), min(names, key=str.lower)
    assert shown == {urls[0]: last, urls[1]: last, urls[2]: first}
