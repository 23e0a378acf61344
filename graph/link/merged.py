"""The merged facts of events reported by several documents, kept in one named graph.

Each document graph keeps its own figures on its evidence nodes; this graph holds what the
event shows across all of them: the lowest (``ckg:fatalities``, ACLED's rule) and highest
(``ckg:fatalitiesMax``) death toll, the most precise date (``sem:hasTimeStamp``,
``ckg:datePrecision`` and an OWL-Time instant), the best confidence and how many documents
report it. It is recomputed from the evidence, so it never overwrites a source's figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from graph.build import timestamp_literal
from graph.iris import events_graph_iri
from graph.vocab import CKG, RDF, SEM, TIME, XSD

__all__ = ["refresh_events", "merged_facts", "EVIDENCE_QUERY", "run_update"]

EVIDENCE_QUERY = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?event ?doc ?fatalities ?date ?precision ?confidence WHERE {
  #VALUES#
  ?event ckg:evidence ?ev .
  ?ev ckg:document ?doc .
  OPTIONAL { ?ev ckg:fatalities ?fatalities }
  OPTIONAL { ?ev sem:hasTimeStamp ?date }
  OPTIONAL { ?ev ckg:datePrecision ?precision }
  OPTIONAL { ?ev ckg:confidence ?confidence }
}
"""
_FINEST = {"day": 0, "week": 1, "month": 2, "year": 3}
_UNITS = {"day": TIME.unitDay, "week": TIME.unitWeek, "month": TIME.unitMonth, "year": TIME.unitYear}
_IN_XSD = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}
_CHUNK = 500


def run_update(store, sparql: str) -> None:
    """Run a SPARQL Update on the store (its ``update_raw``/``update`` method, else the embedded engine)."""
    update = getattr(store, "update_raw", None) or getattr(store, "update", None)
    if callable(update):
        update(sparql)
    else:
        store.oxigraph.update(sparql)


def _values(variable: str, iris: list[str]) -> str:
    terms = " ".join(str(ox.NamedNode(iri)) for iri in iris)  # the engine writes each IRI, escapes and all
    return f"VALUES ?{variable} {{ {terms} }}"


def merged_facts(rows: Iterable[dict]) -> Graph:
    """Return the merged facts of events from rows of ``EVIDENCE_QUERY``."""
    by_event: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_event[row["event"]].append(row)
    g = Graph()
    for event, reports in by_event.items():
        iri = URIRef(event)
        figures = [int(r["fatalities"]) for r in reports if "fatalities" in r]
        if figures:
            g.add((iri, CKG.fatalities, Literal(min(figures))))
            g.add((iri, CKG.fatalitiesMax, Literal(max(figures))))
        confidences = [float(r["confidence"]) for r in reports if "confidence" in r]
        if confidences:
            g.add((iri, CKG.confidence, Literal(max(confidences), datatype=XSD.double)))
        g.add((iri, CKG.sourceCount, Literal(len({r["doc"] for r in reports}))))
        dated = [(_FINEST.get(r.get("precision"), 4), str(r["date"]), r.get("precision"))
                 for r in reports if "date" in r]
        if dated:
            _, date, precision = min(dated)
            _add_date(g, iri, date, precision)
    return g


def _add_date(g: Graph, iri: URIRef, date: str, precision: str | None) -> None:
    stamp = timestamp_literal(date, precision)
    g.add((iri, SEM.hasTimeStamp, stamp))
    if precision:
        g.add((iri, CKG.datePrecision, Literal(precision)))
    instant = URIRef(f"{iri}/time")
    g.add((iri, TIME.hasTime, instant))
    g.add((instant, RDF.type, TIME.Instant))
    if stamp.datatype in _IN_XSD:
        g.add((instant, _IN_XSD[stamp.datatype], stamp))
    if precision in _UNITS:
        g.add((instant, TIME.unitType, _UNITS[precision]))


def refresh_events(store, base_iri: str, events: Iterable[str] | None = None) -> int:
    """Recompute the merged facts of ``events`` (every event when None); return how many events have facts.

    One update per chunk of events: the old facts are deleted and the new ones inserted together.
    """
    graph = str(ox.NamedNode(events_graph_iri(base_iri)))
    if events is None:
        facts = merged_facts(store.select(EVIDENCE_QUERY.replace("#VALUES#", "")))
        run_update(store, f"DROP SILENT GRAPH {graph} ; INSERT DATA {{ GRAPH {graph} {{ {_nt(facts)} }} }}")
        return len(set(facts.subjects(CKG.sourceCount)))
    iris = sorted({str(e) for e in events})
    count = 0
    for start in range(0, len(iris), _CHUNK):
        chunk = iris[start:start + _CHUNK]
        facts = merged_facts(store.select(EVIDENCE_QUERY.replace("#VALUES#", _values("event", chunk))))
        subjects = chunk + [f"{iri}/time" for iri in chunk]
        run_update(
            store,
            f"DELETE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
            f" WHERE {{ {_values('s', subjects)} GRAPH {graph} {{ ?s ?p ?o }} }} ;"
            f" INSERT DATA {{ GRAPH {graph} {{ {_nt(facts)} }} }}",
        )
        count += len(set(facts.subjects(CKG.sourceCount)))
    return count


def _nt(g: Graph) -> str:
    return g.serialize(format="nt", encoding="utf-8").decode()
