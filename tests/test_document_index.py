"""Document lists filtered by words (``/api/documents?q=``, ``/documents?q=``) cut from the kept document index
(``api.document_index``) answer as the engine answers when it matches and orders every document."""

from __future__ import annotations

import pytest
from rdflib import Literal

from api import document_index
from graph.vocab import CKG, CURRENT_GRAPH, RDF, SDO, XSD

DOCUMENT = "https://conflictkg.org/id/document/"
# More documents: two published the same day whose IRIs sort against their titles, one undated, one whose title
# differs from another's by case alone, one of a publisher whose name holds a word of the titles
MORE = [("z-harbour", "Harbour attack repelled", "Coast Post", "2020-05-10"),
        ("a-harbour", "HARBOUR ATTACK REPELLED", "Coast Post", "2020-05-10"),
        ("m-undated", "Night raid on a depot", "Wire A", None),
        ("c-clashes", "More clashes near the river", "Attack Watch", "2019-11-02")]
TERMS = ["attack", "ATTACK", "harbour", "wire", "clashes", "e", "post", "zzz", "Ä"]
URLS = [f"/api/documents?q={term}" for term in TERMS] + [f"/documents.json?q={term}" for term in TERMS] + [
    "/api/documents?q=a&limit=2&offset=1", "/api/documents?q=a&limit=1&offset=3", "/documents.json?q=e&limit=2",
    "/documents.json?q=a&offset=2", "/documents.json?q=a&from=2020", "/api/documents"]


def _triples() -> bytes:
    lines = []
    for local, title, publisher, published in MORE:
        document = f"<{DOCUMENT}{local}>"
        lines += [f"{document} <{RDF.type}> <{CKG.Document}> .", f"{document} <{SDO.headline}> {Literal(title).n3()} .",
                  f"{document} <{SDO.publisher}> {Literal(publisher).n3()} ."]
        if published:
            lines.append(f"{document} <{SDO.datePublished}> {Literal(published, datatype=XSD.date).n3()} .")
    return ("\n".join(lines) + "\n").encode()


def _answers(app, monkeypatch, kept: int) -> list:
    monkeypatch.setattr(document_index, "DOCUMENTS_KEPT", kept)
    app.extensions["conflictkg.cache"].invalidate()
    client = app.test_client()
    return [client.get(url).get_json() for url in URLS]


def test_every_words_filter_of_the_document_lists_answers_as_the_engine(hand_built_app, monkeypatch):
    hand_built_app.extensions["conflictkg.store"].insert(_triples(), str(CURRENT_GRAPH))
    kept = _answers(hand_built_app, monkeypatch, 200_000)
    harbour = [d["id"] for d in kept[URLS.index("/api/documents?q=harbour")]["documents"]]
    assert harbour == ["a-harbour", "z-harbour"]  # one day: by IRI
    assert [d["id"] for d in kept[URLS.index("/api/documents?q=wire")]["documents"]][-1] == "m-undated"
    assert kept[URLS.index("/documents.json?q=attack")]["total"] == 4
    assert _answers(hand_built_app, monkeypatch, 0) == kept


@pytest.mark.parametrize("path", ["/api/documents?q=attack", "/documents.json?q=attack"])
def test_a_words_filter_reads_no_title_in_the_engine_once_the_index_is_kept(hand_built_app, path):
    client, asked = hand_built_app.test_client(), []
    client.get(path)
    store = hand_built_app.extensions["conflictkg.store"]
    read = store.read
    store.read = lambda sparql, bindings=None: asked.append(sparql) or read(sparql, bindings)
    assert client.get(path + "&limit=1").status_code == 200
    assert asked and not any("CONTAINS" in sparql for sparql in asked)
