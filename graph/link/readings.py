"""What a batch's own document graphs say, gathered from their N-Triples as they are written.

A batch ingest holds every triple it writes. For the actors, places, events and documents that
only this batch mentions (no current facts before it, not renamed by relinking), the rows that
the reconciler would read back from the store are worked out here instead, exactly as the store
queries give them: ``READINGS_OF`` (with ``LATEST_READINGS`` for ties), ``EVIDENCE_FIGURES`` and
``GRAPH_SUBJECTS`` of ``graph.queries``. Past ``MAX_TRIPLES`` the
batch stops gathering (memory) and its linker reads the store, as for any other subject.

The builder writes one ``<subject> <predicate> term .`` per line, so the lines are split here
rather than parsed by the engine (which made a term object per triple, 0.2 s CPU per 1,000
documents), and each distinct object term is worked out once per batch (``_Terms``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import pyoxigraph as ox

from graph.iris import geometry_of
from graph.link.queries import READING_SKIPPED
from graph.ntriples import iri, known_iri, literal, typed
from graph.store.sparql import literal_value
from graph.vocab import CKG, PROV, RDF, SDO, SEM, XSD

__all__ = ["BatchReadings", "MAX_TRIPLES"]

MAX_TRIPLES = 1_000_000  # held as N-Triples, then parsed: a few hundred MB; larger batches reconcile from the store
_SKIPPED = frozenset(READING_SKIPPED)
_CLASSES = {iri(str(c)): str(c) for c in (SEM.Actor, SEM.Place, SEM.Event, CKG.Document)}  # as written -> IRI
_EVIDENCE_FIELDS = {str(CKG.fatalities): "fatalities", str(SEM.hasTimeStamp): "date",
                    str(CKG.datePrecision): "precision", str(CKG.confidence): "confidence"}
_TYPE, _EVIDENCE, _DOCUMENT, _DERIVED = str(RDF.type), str(CKG.evidence), str(CKG.document), str(PROV.wasDerivedFrom)
_PUBLISHED, _DOCUMENT_TERM, _STRING = str(SDO.datePublished), iri(str(CKG.Document)), str(XSD.string)
_NODE_PREDICATES = frozenset({*_EVIDENCE_FIELDS, _DOCUMENT, _PUBLISHED})  # what evidence rows and dates read
_NODE_OR_LINK = _NODE_PREDICATES | {_EVIDENCE, _DERIVED}  # what the pass over nodes and links of ``_Graph`` reads
_NOT_READ = _SKIPPED | {_EVIDENCE}
_LINE = re.compile(r"^<([^>]*)> <([^>]*)> (.*) \.$", re.MULTILINE)
_NT = ox.RdfFormat.N_TRIPLES


class _Term(NamedTuple):
    """An object term as the store would give it: Python value, datatype ("" for an IRI), text and N-Triples term."""

    value: Any
    datatype: str
    text: str
    term: str


class _Graph:
    """One document graph: its reading triples (subject, predicate, object as written), its evidence, and which
    subjects it derives from which of its documents (with the document's date)."""

    __slots__ = ("facts", "evidence", "published", "mentions")

    def __init__(self, ntriples: bytes, terms: _Terms):
        triples = _triples(ntriples)
        # (subject, predicate, object term as the builder wrote it); each line is written once
        self.facts = [t for t in triples if t[1] not in _NOT_READ]
        nodes: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))  # evidence and documents
        links, documents, derived = [], [], []  # (event, evidence node), document, (subject, document)
        # one pass for the few triples of evidence nodes, evidence and derivation links and documents
        for s, p, o in [t for t in triples if t[1] in _NODE_OR_LINK or t[2] == _DOCUMENT_TERM]:
            if p == _EVIDENCE:
                links.append((s, terms[o].text))
            elif p == _DERIVED:
                derived.append((s, terms[o].text))
            elif p == _TYPE:
                documents.append(s)
            elif p in _NODE_PREDICATES:
                nodes[s][p].append(terms[o].value)
        published = [str(d) for s in documents for d in nodes[s].get(_PUBLISHED, ())]
        self.published = max(published) if published else None
        dates = {doc: max((str(d) for d in nodes[doc].get(_PUBLISHED, ())), default=None)
                 for doc in {doc for _, doc in derived}}  # each document once: its subjects all derive from it
        self.mentions = [(s, dates[doc], doc) for s, doc in derived]
        self.evidence = [row for event, node in links for row in _evidence_rows(event, nodes[node])]


def _triples(ntriples: bytes) -> list[tuple[str, str, str]]:
    """(subject IRI, predicate IRI, object term) of each line the builder wrote (``<s> <p> term .``)."""
    text = ntriples.decode("utf-8")
    found = _LINE.findall(text)
    if len(found) != text.count("\n"):  # not the builder's layout: the engine reads it
        return [(t.subject.value, t.predicate.value, str(t.object)) for t in ox.parse(text, format=_NT)]
    return found


class _Terms(dict):
    """Object terms as written -> ``_Term``, each worked out once per batch (most recur: types, kinds, names)."""

    def __missing__(self, written: str) -> _Term:
        if "\\" in written or not written.endswith((">", '"')):  # escapes or a language tag: the engine reads it
            o = next(iter(ox.parse(f"<x:s> <x:p> {written} .", format=_NT))).object
            lexical, datatype = o.value, "" if type(o) is ox.NamedNode else o.datatype.value
        elif written.startswith("<"):  # as ``iri`` wrote it, so it is its own term
            lexical = written[1:-1]
            found = self[written] = _Term(lexical, "", lexical, written)
            return found
        elif written.endswith('"'):  # nothing escaped in it, so ``literal`` gives it back as written
            lexical = written[1:-1]
            found = self[written] = _Term(lexical, _STRING, lexical, written)
            return found
        else:
            lexical, datatype = written[1:].split('"^^<', 1)
            datatype = datatype[:-1]
        value = literal_value(lexical, datatype) if datatype else lexical
        text = str(value)
        found = self[written] = _Term(value, datatype, text, iri(text) if not datatype else
                                      literal(text) if datatype == _STRING else typed(text, datatype))
        return found


def _evidence_rows(event: str, node: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """The rows of ``EVIDENCE_FIGURES`` for one evidence node (one per combination of its values, as OPTIONALs give)."""
    fields = [[(name, v) for v in node.get(p, ())] or [(name, None)] for p, name in _EVIDENCE_FIELDS.items()]
    return [{"event": event, "doc": doc, **{k: v for k, v in combination if v is not None}}
            for doc in node.get(_DOCUMENT, ()) for combination in itertools.product(*fields)]


class BatchReadings:
    """The document graphs of a batch, as written; the last version of a graph written twice counts."""

    def __init__(self, max_triples: int = MAX_TRIPLES):
        """Gather up to ``max_triples`` triples; past them ``complete`` is False and nothing more is kept."""
        self.graphs: dict[str, _Graph] = {}
        self.pending: dict[str, bytes] = {}  # graph IRI -> N-Triples not parsed yet
        self.terms = _Terms()
        self.max_triples, self.triples, self.complete = max_triples, 0, True
        self._mentions: dict[str, list[tuple[str | None, str]]] | None = None  # by subject, built when first asked

    def add(self, graph_iri: str, ntriples: bytes, triples: int) -> None:
        """Note one written document graph (its N-Triples and how many triples they are); ``parse`` reads it."""
        self.triples += triples
        if self.triples > self.max_triples:
            self.complete, self.graphs, self.pending, self._mentions = False, {}, {}, None
        if self.complete:
            self.pending[graph_iri] = ntriples

    def parse(self) -> None:
        """Read the graphs added since the last call (the ingest calls it while its writer loads them)."""
        for graph_iri, ntriples in self.pending.items():
            self.graphs[graph_iri] = _Graph(ntriples, self.terms)
        self.pending, self._mentions = {}, None

    def mentioned(self) -> dict[str, set[str]]:
        """The actors, places, events and documents the batch's graphs mention, by class IRI (``GRAPH_SUBJECTS``)."""
        found: dict[str, set[str]] = defaultdict(set)
        for graph in self.graphs.values():
            for s, p, o in graph.facts:
                if p == _TYPE and o in _CLASSES:
                    found[_CLASSES[o]].add(s)
        return found

    def readings(self, subjects: Iterable[str]) -> list[dict[str, Any]]:
        """The rows of ``READINGS_OF`` for these subjects and their geometry nodes, with ``latest`` for ties."""
        wanted = set(subjects)
        wanted |= {geometry_of(s) for s in wanted}
        counts: Counter[tuple[str, str, str]] = Counter()  # fact -> documents stating it
        latest: dict[tuple[str, str, str], str | None] = {}  # fact -> latest publication date (None: unknown)
        # oldest first, so that each fact ends with its latest date (``LATEST_READINGS``'s MAX)
        for graph in sorted(self.graphs.values(), key=lambda g: (g.published is not None, g.published or "")):
            facts = [fact for fact in graph.facts if fact[0] in wanted]
            counts.update(facts)
            latest.update(dict.fromkeys(facts, graph.published))
        return [{"s": s, "p": p, "o": t.value, "dt": t.datatype, "term": t.term, "text": t.text, "n": n,
                 "latest": latest[s, p, o] or None} for (s, p, o), n in counts.items() for t in (self.terms[o],)]

    def own_lines(self, documents: set[str]) -> dict[str, list[str]]:
        """The current facts of these documents, as N-Triples lines by document: every fact their graphs state of
        them, as ``graph.link.facts.current_lines`` makes them of their ``readings``, without the rows.

        A document is stated by its own graph alone, so each of its facts has one value from one report: the
        rules of ``graph.link.facts`` choose it and add no reading, alias or count (a document has no name).
        """
        lines: dict[str, list[str]] = defaultdict(list)
        for graph in self.graphs.values():
            for s, p, o in graph.facts:
                if s in documents:
                    lines[s].append(f"{iri(s)} {known_iri(p)} {self.terms[o].term} .")
        return dict(lines)

    def documents_mentioning(self, subjects: set[str]) -> dict[str, list[tuple[str | None, str]]]:
        """The (date, document) of each of the batch's documents that each of these subjects derives from
        (``graph.queries.DOCUMENTS_OF``)."""
        if self._mentions is None:  # indexed once: the reconciler asks once per chunk of 300 subjects
            found: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
            for graph in self.graphs.values():
                for s, published, document in graph.mentions:
                    found[s].append((published, document))
            self._mentions = dict(found)
        return {s: list(self._mentions[s]) for s in subjects if s in self._mentions}

    def evidence(self, events: Iterable[str]) -> list[dict[str, Any]]:
        """The rows of ``EVIDENCE_FIGURES`` for these events."""
        wanted = set(events)
        return [row for graph in self.graphs.values() for row in graph.evidence if row["event"] in wanted]
