"""Link documents already in the store: the bulk path, where graphs are built without a lookup.

Batch ingest builds document graphs in parallel with no store at hand, so two reports of one
incident that differ in date precision or in how many actors they name get different event
IRIs. After the batch is written, ``relink_graphs`` reads every dated, placed event of the store
in one query, matches the written documents' event nodes against the other nodes of the same
type and place (the rules of ``choose_link``, in memory), and renames a node into the one it
reports, in every graph that holds it: one SPARQL update for all renames.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from graph.link.events import candidates_from_rows, choose_link, swapped
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
    """Merge events of these document graphs into the stored events they report; return old and new IRIs.

    An event node is merged whole: it is renamed in every graph that holds it, so a node that
    several documents already share is never split. Candidates never share a document with the
    event (one article's distinct events stay distinct). Call it after a batch is written and
    before ``refresh_events`` (give it the returned IRIs too). ``base_iri`` is accepted for
    symmetry with the other writers; the IRIs come from the store.
    """
    wanted = set(graph_iris)
    groups: dict[tuple, list[dict]] = defaultdict(list)  # (type, sub-type, place) -> rows
    for row in store.select(STORE_EVENTS_QUERY):
        row["date"] = str(row["date"])
        groups[(row["type"], row["sub"], row["place"])].append(row)
    updates, affected = [], set()
    for rows in groups.values():
        for event in sorted({r["event"] for r in rows if r["g"] in wanted}):
            mine = [r for r in rows if r["event"] == event]
            if not mine:
                continue  # merged into another node earlier in this group
            graphs = {r["g"] for r in mine}
            best = min(mine, key=lambda r: (_FINEST.get(r.get("precision"), 4), r["date"]))
            others = candidates_from_rows(r for r in rows if r["event"] != event and r["g"] not in graphs)
            link = choose_link(others, (best["date"], best.get("precision")), best.get("a1"), best.get("a2"))
            if link is None:
                continue
            target = str(link.iri)
            for graph in sorted(graphs):
                updates.append(_rename(graph, event, target, link.swap))
            affected.update((event, target))
            for r in mine:  # later matches in this group see the merged node
                r["event"] = target
                if link.swap:
                    first, second = r.pop("a1", None), r.pop("a2", None)
                    r.update({k: v for k, v in (("a1", second), ("a2", first)) if v is not None})
        updates += _orient(rows, wanted, affected)
    if updates:
        run_update(store, "PREFIX ckg: <https://w3id.org/conflictkg/ontology#>\n" + " ;\n".join(updates))
    return affected


def _orient(rows: list[dict], wanted: set[str], affected: set[str]) -> list[str]:
    """Swap actor roles in written graphs that name a shared event's pair the other way round."""
    updates = []
    nodes: dict[str, dict[str, tuple]] = defaultdict(dict)  # event -> graph -> (a1, a2)
    for r in rows:
        nodes[r["event"]].setdefault(r["g"], (r.get("a1"), r.get("a2")))
    for event, roles_by_graph in sorted(nodes.items()):
        if len(roles_by_graph) < 2 or not wanted & roles_by_graph.keys():
            continue
        # the first graph that was there before this batch sets the roles, else the first graph
        ordered = sorted(roles_by_graph, key=lambda g: (g in wanted, g))
        canonical = roles_by_graph[ordered[0]]
        for graph in ordered[1:]:
            if graph in wanted and swapped(*roles_by_graph[graph], canonical):
                updates.append(_rename(graph, event, event, swap=True))
                affected.add(event)
    return updates
