"""Link documents already in the store: the bulk path, where graphs are built without a lookup.

Batch ingest builds document graphs in parallel with no store at hand, so two reports of one
incident that differ in date precision or in how many actors they name get different event
IRIs. After the batch is written, ``relink_graphs`` looks at each written document's events
and renames an event to the stored event it is the same as (the rules of ``best_link``), in
that document's graph only, by one SPARQL update per renamed event.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.link.events import best_link
from graph.link.merged import run_update

__all__ = ["relink_graphs", "GRAPH_EVENTS_QUERY"]

GRAPH_EVENTS_QUERY = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?event ?type ?sub ?place ?date ?precision ?a1 ?a2 WHERE {
  GRAPH #GRAPH# {
    ?event ckg:eventType ?type ; ckg:subEventType ?sub ; sem:hasPlace ?place ; ckg:evidence ?ev .
    ?ev sem:hasTimeStamp ?date .
    OPTIONAL { ?ev ckg:datePrecision ?precision }
    OPTIONAL { ?event ckg:actor1 ?a1 }
    OPTIONAL { ?event ckg:actor2 ?a2 }
  }
}
"""
_FINEST = {"day": 0, "week": 1, "month": 2, "year": 3}
_RENAME = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
DELETE { GRAPH #GRAPH# { #OLD# ?p ?o } }
INSERT { GRAPH #GRAPH# { #NEW# ?q ?o } }
WHERE { GRAPH #GRAPH# { #OLD# ?p ?o } #BIND# }
"""
_SWAP = ("BIND(IF(?p = ckg:actor1, ckg:actor2, IF(?p = ckg:actor2, ckg:actor1, IF(?p = ckg:associateActor1, "
         "ckg:associateActor2, IF(?p = ckg:associateActor2, ckg:associateActor1, ?p)))) AS ?q)")


def _reports(store, graph_iri: str) -> dict[str, dict]:
    """The events of one document graph, each with its most precise report."""
    events: dict[str, dict] = {}
    for row in store.select(GRAPH_EVENTS_QUERY.replace("#GRAPH#", str(ox.NamedNode(graph_iri)))):
        rank = (_FINEST.get(row.get("precision"), 4), str(row["date"]))
        if row["event"] not in events or rank < events[row["event"]]["rank"]:
            events[row["event"]] = {**row, "rank": rank}
    return events


def relink_graphs(store, base_iri: str, graph_iris: Iterable[str]) -> set[str]:
    """Rename events of these document graphs to the stored events they report; return old and new IRIs.

    Call it after a batch is written and before ``refresh_events`` (give it the returned IRIs too).
    """
    affected: set[str] = set()
    for graph_iri in graph_iris:
        for event, row in sorted(_reports(store, graph_iri).items()):
            report = (str(row["date"]), row.get("precision"))
            link = best_link(store, graph_iri, row["type"], row["sub"], row["place"], report, row.get("a1"),
                             row.get("a2"), exclude=event)
            if link is None or str(link.iri) == event:
                continue
            update = (_RENAME.replace("#GRAPH#", str(ox.NamedNode(graph_iri)))
                      .replace("#OLD#", str(ox.NamedNode(event))).replace("#NEW#", str(ox.NamedNode(str(link.iri))))
                      .replace("#BIND#", _SWAP if link.swap else "BIND(?p AS ?q)"))
            run_update(store, update)
            affected.update((event, str(link.iri)))
    return affected
