"""The merged figures of events reported by several documents, for the current graph.

Each document graph keeps its own figures on its evidence nodes; the current graph
(``graph.link.current``) holds what the event shows across all of them: the lowest
(``ckg:fatalities``, ACLED's rule) and highest (``ckg:fatalitiesMax``) death toll, the most
precise date (``sem:hasTimeStamp``, ``ckg:datePrecision`` and an OWL-Time instant with its
``time:unitType``), the best confidence and how many documents report it. They are recomputed
from the evidence (``graph.queries.EVIDENCE_FIGURES``), so no source's figure is ever overwritten.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

import pyoxigraph as ox

from graph.build import timestamp_datatype
from graph.store import TripleStore
from graph.vocab import CURRENT_GRAPH

__all__ = ["merged_ntriples", "run_update", "insert_current", "BULK_BYTES"]

BULK_BYTES = 1_000_000  # bulk-loaded from: one run each of two points, 450 KB faster in one transaction, 1.5 MB in bulk

_CKG = "https://w3id.org/conflictkg/ontology#"
_TIME = "http://www.w3.org/2006/time#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_P = {
    "low": f"<{_CKG}fatalities>", "high": f"<{_CKG}fatalitiesMax>", "confidence": f"<{_CKG}confidence>",
    "sources": f"<{_CKG}sourceCount>", "precision": f"<{_CKG}datePrecision>",
    "stamp": "<http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp>", "hasTime": f"<{_TIME}hasTime>",
    "type": "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "unitType": f"<{_TIME}unitType>",
}
_INSTANT = f"<{_TIME}Instant>"
_FINEST = {"day": 0, "week": 1, "month": 2, "year": 3}
_UNITS = {"day": "unitDay", "week": "unitWeek", "month": "unitMonth", "year": "unitYear"}
_IN_XSD = {f"{_XSD}date": "inXSDDate", f"{_XSD}gYearMonth": "inXSDgYearMonth", f"{_XSD}gYear": "inXSDgYear"}
_PRECISIONS = {p: f'"{p}"' for p in _FINEST}
def run_update(store: TripleStore, sparql: str) -> None:
    """Run a SPARQL Update on the store."""
    store.update_raw(sparql)


def insert_current(store: TripleStore, ntriples: str, journaled: bool) -> None:
    """Add N-Triples (every term checked by ``graph.ntriples`` or read from the store) to the current graph.

    Under a batch's journal (``journaled``: a crash has the current graph rebuilt) by the engine's bulk loader
    when they are big; a small load in one transaction instead, as the bulk loader's files and flush cost it
    20-45 ms CPU and 0.2-0.4 s (one run, loaded machine) for 20 to 300 lines, 50x the transaction's (``BULK_BYTES``).
    """
    if ntriples:
        data = ntriples.encode()
        store.insert(data, str(CURRENT_GRAPH), atomic=not journaled or len(data) < BULK_BYTES, lenient=True)


def _integer(n: int) -> str:
    return f'"{n}"^^<{_XSD}integer>'


class _Event:
    """What the evidence of one event says, folded as rows arrive."""

    __slots__ = ("iri", "docs", "figures", "confidences", "date")

    def __init__(self, iri: str):
        self.iri = iri
        self.docs: set[str] = set()
        self.figures: list[int] = []
        self.confidences: list[float] = []
        self.date: tuple[int, str, str | None] | None = None  # (rank, ISO date, precision)

    def add(self, row: dict) -> None:
        self.docs.add(row["doc"])
        # an ill-typed value is the shapes' business, not a reason to drop the event
        with contextlib.suppress(TypeError, ValueError):
            if "fatalities" in row:
                self.figures.append(int(row["fatalities"]))
        with contextlib.suppress(TypeError, ValueError):
            if "confidence" in row:
                self.confidences.append(float(row["confidence"]))
        if "date" in row:
            precision = row.get("precision")
            candidate = (_FINEST.get(precision or "", 4), str(row["date"]), precision)
            if self.date is None or candidate[:2] < self.date[:2]:
                self.date = candidate

    def lines(self) -> list[str]:
        subject = str(ox.NamedNode(self.iri))
        out = [f"{subject} {_P['sources']} {_integer(len(self.docs))} ."]
        if self.figures:
            out.append(f"{subject} {_P['low']} {_integer(min(self.figures))} .")
            out.append(f"{subject} {_P['high']} {_integer(max(self.figures))} .")
        if self.confidences:
            out.append(f"{subject} {_P['confidence']} {ox.Literal(max(self.confidences))} .")
        if self.date is not None:
            out += self._date_lines(subject, self.date)
        return out

    def _date_lines(self, subject: str, earliest: tuple[int, str, str | None]) -> list[str]:
        _, date, precision = earliest
        datatype = timestamp_datatype(date, precision)
        # a typed date matched a digits-and-dashes pattern, so it needs no escaping
        term = f'"{date}"^^<{datatype}>' if datatype else str(ox.Literal(date))
        instant = f"{subject[:-1]}/time>"
        out = [f"{subject} {_P['stamp']} {term} .", f"{subject} {_P['hasTime']} {instant} .",
               f"{instant} {_P['type']} {_INSTANT} ."]
        if str(datatype) in _IN_XSD:
            out.append(f"{instant} <{_TIME}{_IN_XSD[str(datatype)]}> {term} .")
        if precision:
            out.append(f"{subject} {_P['precision']} {_PRECISIONS.get(precision) or ox.Literal(precision)} .")
            if precision in _UNITS:
                out.append(f"{instant} {_P['unitType']} <{_TIME}{_UNITS[precision]}> .")
        return out


def merged_ntriples(rows: Iterable[dict]) -> str:
    """Return the merged facts, as N-Triples, of the rows of ``graph.queries.EVIDENCE_FIGURES``."""
    events: dict[str, _Event] = {}
    for row in rows:
        event = events.get(row["event"]) or events.setdefault(row["event"], _Event(row["event"]))
        event.add(row)
    return "\n".join(line for event in events.values() for line in event.lines()) + "\n"
