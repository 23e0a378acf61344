"""N-Triples text written straight from Python strings: the fast path from records to the bulk loader.

Building an rdflib ``Graph`` costs tens of microseconds a triple (term objects, indexes, then a
serializer); a document graph only has to reach the engine's loader as N-Triples, so it is
written as text here, each line once, in the order it was added. ``iri`` refuses text that is
not a valid IRI reference, so a bad record fails alone instead of failing a whole bulk load.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

import pyoxigraph as ox

__all__ = ["TripleLines", "Terms", "iri", "checked_iri", "known_iri", "literal", "typed", "integer", "double",
           "XSD"]

XSD = "http://www.w3.org/2001/XMLSchema#"
# What RFC 3987 and the N-Triples grammar forbid inside <...>: spaces, controls and these signs.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER = f"<{XSD}integer>"
_DOUBLE = f"<{XSD}double>"


def iri(text: str) -> str:
    """Return ``<text>``, or raise ValueError when ``text`` is not an absolute IRI N-Triples can carry."""
    if _NOT_IRI.search(text) or ":" not in text:
        raise ValueError(f"not an IRI: {text!r}")
    return f"<{text}>"


def checked_iri(text: str) -> str:
    """``iri(text)`` for text from outside (a document's URL), also refused where the engine would refuse it.

    A bad percent-encoding, host or port passes ``iri`` but fails the engine's parse, and with it
    a whole bulk load; the engine's own check costs too much for the IRIs the code mints itself.
    """
    ox.NamedNode(text)  # ValueError when the engine would not take it
    return iri(text)


@cache
def known_iri(text: str) -> str:
    """``iri(text)`` for the few IRIs that recur on every line (vocabulary terms, predicates), made once each."""
    return iri(text)


class Terms:
    """A vocabulary's terms as N-Triples IRIs, each made once: ``Terms(SDO).name`` is ``<https://schema.org/name>``.

    The builder writes a vocabulary term on every line; ``known_iri(SDO.name)`` hashes an rdflib term on each
    call (rdflib's hash is Python code), a quarter of the build's time. A term not in the vocabulary raises.
    """

    def __init__(self, namespace: Any):
        """Terms of ``namespace`` (a ``graph.vocab`` namespace)."""
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        """The N-Triples IRI of the term ``name``, kept as an attribute from the first use on."""
        if name.startswith("_"):  # not a term: what copy, pickle or a test's introspection look for
            raise AttributeError(name)
        term = known_iri(getattr(self._namespace, name))
        setattr(self, name, term)
        return term


def literal(text: str) -> str:
    """Return a plain string literal, quotes, backslashes and line breaks escaped."""
    return f'"{_escaped(text)}"'


def typed(lexical: str, datatype: str) -> str:
    """Return a literal of ``datatype`` (an IRI) with the lexical form ``lexical``."""
    return f'"{_escaped(lexical)}"^^{iri(datatype)}'


def _escaped(text: str) -> str:
    # Four C-level scans (backslashes first): a str.translate table looks every character up, a fifth of the
    # build's time with an article's text in each document graph.
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def integer(value: int) -> str:
    """Return an ``xsd:integer`` literal."""
    return f'"{int(value)}"^^{_INTEGER}'


def double(value: float) -> str:
    """Return an ``xsd:double`` literal (Python's shortest round-trip form; INF, -INF and NaN as XSD spells them)."""
    number = float(value)
    lexical = repr(number) if math.isfinite(number) else {"inf": "INF", "-inf": "-INF"}.get(repr(number), "NaN")
    return f'"{lexical}"^^{_DOUBLE}'


class TripleLines:
    """The N-Triples lines of one graph, in the order they were added, each once."""

    __slots__ = ("_lines",)

    def __init__(self):
        """Start an empty graph."""
        self._lines: dict[str, None] = {}

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """Add one triple of N-Triples terms (``iri``, ``literal``...)."""
        self._lines[f"{subject} {predicate} {obj} ."] = None

    def __len__(self) -> int:
        """The number of distinct triples."""
        return len(self._lines)

    def encode(self) -> bytes:
        """Return the graph as N-Triples bytes (UTF-8, one triple a line)."""
        return ("\n".join(self._lines) + "\n").encode("utf-8") if self._lines else b""
