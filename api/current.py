"""Raw writes keep the current graph current: a SPARQL Update or Graph Store write that names
document graphs has the facts of what those graphs mentioned before and mention after reconciled.

Ingest reconciles by itself (``graph.link``); this covers writes made through ``/sparql`` and
``/store``. An update that names no graph (or only the current one) reconciles nothing; after
such writes ``python -m graph reconcile`` rebuilds the current graph. Every raw write that runs
drops the reading tallies (``graph.link.tallies``); one that may write the current graph itself
(``writes_current``) drops the event summaries too (``graph.link.summaries.drop_all``).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from graph.link import mentioned, reconcile
from graph.link.summaries import drop_all
from graph.link.tallies import changing
from graph.store import TripleStore
from graph.vocab import CURRENT_GRAPH

__all__ = ["update_reconciled", "named_graphs", "writes_current"]

_GRAPH = re.compile(r"\bGRAPH\s*<([^>\s]*)>", re.IGNORECASE)
# An update's tokens: texts and comments (skipped), IRIs, variables, words and prefixed names, other characters.
_TOKEN = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                    r"|#[^\n]*|<[^<>\s]*>|[?$]\w+|[\w:.-]+|\S")
_TARGETS = {"GRAPH", "WITH", "INTO", "TO", "MOVE"}  # the words a graph an update may write follows
_SKIPPED = {"SILENT", "GRAPH"}  # between such a word and its graph (MOVE SILENT GRAPH <g>, TO GRAPH <g>)


def named_graphs(update: str) -> set[str]:
    """The document graphs an update names by absolute IRI (``GRAPH <iri>``), the current graph left out."""
    return {iri for iri in _GRAPH.findall(update) if ":" in iri and _valid(iri)} - {str(CURRENT_GRAPH)}


def writes_current(update: str) -> bool:
    """Whether an update may write the current graph: it names it, names a graph by anything but an absolute
    IRI (a variable, a prefixed or escaped name), or clears or drops ALL or NAMED graphs. Unsure is True."""
    words = [t for t in _TOKEN.findall(update) if t[0] not in "\"'#"]
    for n, word in enumerate(words):
        upper = word.upper()
        if upper in ("ALL", "NAMED") and (n == 0 or words[n - 1].upper() != "USING"):  # USING NAMED only reads
            return True
        if upper not in _TARGETS:
            continue
        rest = words[n + 1:]
        while rest and rest[0].upper() in _SKIPPED and upper != "GRAPH":
            rest = rest[1:]
        target = rest[0] if rest else ""
        if target.upper() != "DEFAULT" and not _document_iri(target):
            return True
    return False


def _document_iri(token: str) -> bool:
    """Whether a token is an absolute IRI, with no escape, that is not the current graph's."""
    iri = token[1:-1]
    return token.startswith("<") and ":" in iri and "\\" not in iri and iri != str(CURRENT_GRAPH) and _valid(iri)


def _valid(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def update_reconciled(store: TripleStore, text: str) -> None:
    """Run a raw SPARQL Update, then reconcile what the graphs it names mentioned before it and mention after.

    An update may change any graph (``GRAPH ?g``), so every reading tally is dropped once it has run
    (``graph.link.tallies``): the next ingest reads the store once for each entity it touches. One that
    may write the current graph (``writes_current``) left the event summaries unlike their events: they
    are dropped before reconciling (which counts the entities it changes whole from their events). An
    update that fails (it does not parse, or the engine refuses it) was one transaction that wrote
    nothing, so the tallies stay.
    """
    graphs = named_graphs(text)
    before: set[str] = set().union(*mentioned(store, graphs).values()) if graphs else set()
    refused: Exception | None = None
    with changing(store) as tallies:
        try:
            store.update_raw(text)
        except Exception as error:  # raised below, once the tallies' block has ended as unchanged
            refused = error
        else:
            if tallies is not None:
                tallies.clear()
            if writes_current(text):
                drop_all(store)
            if graphs:
                reconcile(store, before | set().union(*mentioned(store, graphs).values()))
    if refused is not None:
        raise refused
