"""Link documents already in the store: the bulk path, where graphs are built without a lookup.

Batch ingest builds document graphs in parallel with no store at hand, so two reports of one
incident that differ in date precision or in how many actors they name get different event
IRIs. After the batch is written, ``relink_graphs`` reads every dated, placed event of the store
in one query, matches the written documents' events against the other documents' (the rules
of ``choose_link``, in memory, within groups of one type and place), and renames an event to
the one it reports, in that document's graph only: one SPARQL update for all renames.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from graph.link.events import candidates_from_rows, choose_link
from graph.link.merged import run_update

__all__ = ["relink_graphs", "STORE_EVENTS_QUERY"]

STORE_EVENTS_QUERY = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?g ?event ?type ?sub ?place ?date ?precision ?a1 ?a2 WHERE {
  GRAPH ?g {
    ?event ckg:eventType ?type ; ckg:subEventType ?sub ; sem:hasPlace ?place ; ckg:evidence ?ev .
    ?ev sem:hasTimeStamp ?date .
    OPTIONAL { ?ev ckg:datePrecision ?precision }
    OPTIONAL { ?event ckg:actor1 ?a1 }
    OPTIONAL { ?event ckg:actor2 ?a2 }
  }
}
"""
_FINEST = {"day": 0, "week": 1, "month": 2, "year": 3}
_RENAME = """DELETE { GRAPH #GRAPH# { #OLD# ?p ?o } } INSERT { GRAPH #GRAPH# { #NEW# ?q ?o } }
WHERE { GRAPH #GRAPH# { #OLD# ?p ?o } #BIND# }"""
_SWAP = ("BIND(IF(?p = ckg:actor1, ckg:actor2, IF(?p = ckg:actor2, ckg:actor1, IF(?p = ckg:associateActor1, "
         "ckg:associateActor2, IF(?p = ckg:associateActor2, ckg:associateActor1, ?p)))) AS ?q)")


def _rename(graph: str, old: str, new: str, swap: bool) -> str:
    return (_RENAME.replace("#GRAPH#", str(ox.NamedNode(graph))).replace("#OLD#", str(ox.NamedNode(old)))
            .replace("#NEW#", str(ox.NamedNode(new))).replace("#BIND#", _SWAP if swap else "BIND(?p AS ?q)"))


def relink_graphs(store, base_iri: str, graph_iris: Iterable[str]) -> set[str]:
    """Rename events of these document graphs to the stored events they report; return old and new IRIs.

    Call it after a batch is written and before ``refresh_events`` (give it the returned IRIs too).
    ``base_iri`` is accepted for symmetry with the other writers; IRIs come from the store.
    """
    wanted = set(graph_iris)
    groups: dict[tuple, list[dict]] = defaultdict(list)  # (type, sub-type, place) -> rows
    for row in store.select(STORE_EVENTS_QUERY):
        row["date"] = str(row["date"])
        groups[(row["type"], row["sub"], row["place"])].append(row)
    updates, affected = [], set()
    for rows in groups.values():
        if not any(row["g"] in wanted for row in rows):
            continue
        for graph, event in sorted({(r["g"], r["event"]) for r in rows if r["g"] in wanted}):
            mine = [r for r in rows if r["g"] == graph and r["event"] == event]
            if not mine:
                continue  # renamed away by an earlier match in this group
            best = min(mine, key=lambda r: (_FINEST.get(r.get("precision"), 4), r["date"]))
            others = candidates_from_rows(r for r in rows if r["g"] != graph)
            link = choose_link(others, (best["date"], best.get("precision")), best.get("a1"), best.get("a2"),
                               exclude=event)
            if link is None or str(link.iri) == event:
                continue
            updates.append(_rename(graph, event, str(link.iri), link.swap))
            affected.update((event, str(link.iri)))
            for r in mine:  # later matches in this group see the renamed event
                r["event"] = str(link.iri)
                if link.swap:
                    first, second = r.pop("a1", None), r.pop("a2", None)
                    r.update({k: v for k, v in (("a1", second), ("a2", first)) if v is not None})
    if updates:
        run_update(store, "PREFIX ckg: <https://w3id.org/conflictkg/ontology#>\n" + " ;\n".join(updates))
    return affected
