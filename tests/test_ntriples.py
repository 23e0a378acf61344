"""N-Triples written from Python strings read back as the same values (graph.ntriples)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import ntriples, vocab
from graph.ntriples import XSD, Terms, TripleLines, iri, literal, typed

TEXTS = [
    "Plain words",
    'He said "enough" and left',
    "a path C:\\dir\\file",
    'a backslash before a quote \\" and after one "\\',
    "ends in a backslash \\",
    "two lines\nand a Windows break\r\nand a lone \r",
    "\\n is not a line break here",
    "Ünïcödé, 東京 and an emoji 🙂",
    "",
]


def _object(line: str) -> ox.Literal:
    """The object of the one triple of an N-Triples line, as the engine parses it."""
    return next(iter(ox.parse(line.encode(), ox.RdfFormat.N_TRIPLES))).object


@pytest.mark.parametrize("text", TEXTS)
def test_a_literal_reads_back_as_its_text(text):
    found = _object(f"<x:s> <x:p> {literal(text)} .\n")
    assert (found.value, found.datatype.value) == (text, f"{XSD}string")


@pytest.mark.parametrize("text", TEXTS)
def test_a_typed_literal_reads_back_as_its_lexical_form(text):
    found = _object(f"<x:s> <x:p> {typed(text, 'https://example.org/type')} .\n")
    assert (found.value, found.datatype.value) == (text, "https://example.org/type")


def test_a_literal_stays_on_one_line():
    assert "\n" not in literal("one\ntwo\r\nthree") and "\r" not in literal("one\rtwo")


@pytest.mark.parametrize("text", ["no scheme", "https://example.org/a b", 'https://example.org/"q"', ""])
def test_text_that_is_not_an_iri_is_refused(text):
    with pytest.raises(ValueError):
        iri(text)


def test_terms_are_the_vocabularys_iris_and_a_misspelt_one_raises():
    schema = Terms(vocab.SDO)
    assert schema.name == "<https://schema.org/name>"
    assert Terms(vocab.CKG).kind == "<https://w3id.org/conflictkg/ontology#kind>"
    with pytest.raises(AttributeError):
        Terms(vocab.CKG).kindd  # noqa: B018


def test_a_term_is_made_once_then_kept(monkeypatch):
    made: list[object] = []
    known_iri = ntriples.known_iri
    monkeypatch.setattr(ntriples, "known_iri", lambda term: made.append(term) or known_iri(term))
    schema = Terms(vocab.SDO)
    names = [schema.name for _ in range(3)]
    assert names == ["<https://schema.org/name>"] * 3 and made == [vocab.SDO.name]


def test_a_graph_is_one_line_a_distinct_triple_in_the_order_added():
    assert TripleLines().encode() == b""
    g = TripleLines()
    for obj in ('"b"', '"a"', '"b"'):
        g.add("<x:s>", "<x:p>", obj)
    assert (len(g), g.encode()) == (2, b'<x:s> <x:p> "b" .\n<x:s> <x:p> "a" .\n')
