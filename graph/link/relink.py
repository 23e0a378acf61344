"""Link documents already in the store: the bulk path, where graphs are built without a lookup.

Batch ingest builds document graphs in parallel with no store at hand, so two reports of one
incident that differ in date precision or in how many actors they name get different event
IRIs. After the batch is written, ``relink_graphs`` reads every dated, placed event of the store
in one query, matches the written documents' event nodes against the other nodes of the same
type and place (the rules of ``choose_link``, in memory), and merges a node into the one it
reports, in every graph that holds it. All renames (and actor-role swaps) go to the engine as
one SPARQL update whose ``VALUES`` lists (graph, old IRI, new IRI, swap) rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from graph import queries as q
from graph.link.events import candidates_from_rows, choose_link, swapped
from graph.link.merged import run_update
from graph.store import TripleStore

__all__ = ["relink_graphs", "plan_relinks", "run_relinks"]

_FINEST = {"day": 0, "week": 1, "month": 2, "year": 3}
_CHUNK = 2000


class _Plan:
    """Where each (graph, original event IRI) ends up, and whether its actor roles flip on the way."""

    def __init__(self):
        self.moves: dict[tuple[str, str], list] = {}  # (graph, original IRI) -> [IRI now, swap parity]

    def move(self, rows: list[dict], target: str, swap: bool) -> None:
        """Move these rows' event to ``target``; flip their roles when ``swap`` (once per graph and event)."""
        for key in {(row["g"], row["orig"]) for row in rows}:
            move = self.moves.setdefault(key, [key[1], False])
            move[0], move[1] = target, move[1] ^ swap
        for row in rows:
            row["event"] = target
            if swap:
                first, second = row.pop("a1", None), row.pop("a2", None)
                row.update({k: v for k, v in (("a1", second), ("a2", first)) if v is not None})

    def rows(self) -> list[str]:
        return [f"({ox.NamedNode(g)} {ox.NamedNode(old)} {ox.NamedNode(new)} {'true' if swap else 'false'})"
                for (g, old), (new, swap) in sorted(self.moves.items()) if new != old or swap]


def relink_graphs(
    store: TripleStore, base_iri: str, graph_iris: Iterable[str], rows: Iterable[dict] | None = None
) -> set[str]:
    """Merge events of these document graphs into the stored events they report; return old and new IRIs.

    An event node is merged whole: it is renamed in every graph that holds it, so a node that
    several documents already share is never split. Candidates never share a document with the
    event (one article's distinct events stay distinct). Call it after a batch is written and
    before ``reconcile`` (give it the returned IRIs too). ``base_iri`` is accepted for
    symmetry with the other writers; the IRIs come from the store. ``rows`` are the store's rows
    of ``graph.queries.STORE_EVENTS`` when the caller already knows them (``graph.link.batch``); they are
    read from the store when None.
    """
    moves, affected = plan_relinks(graph_iris, store.select(q.STORE_EVENTS) if rows is None else rows)
    run_relinks(store, moves)
    return affected


def plan_relinks(graph_iris: Iterable[str], rows: Iterable[dict]) -> tuple[list[str], set[str]]:
    """Work out, in memory, the renames ``relink_graphs`` makes; return them (for ``run_relinks``) and the old and
    new IRIs. ``rows`` (``graph.queries.STORE_EVENTS``) end with each mention's event as renamed."""
    wanted = set(graph_iris)
    groups: dict[tuple, list[dict]] = defaultdict(list)  # (type, sub-type, place) -> rows
    for row in rows:
        row["date"], row["orig"] = str(row["date"]), row["event"]
        groups[(row["type"], row["sub"], row["place"])].append(row)
    plan, affected = _Plan(), set[str]()
    for group in groups.values():
        if len(group) < 2 or wanted.isdisjoint(r["g"] for r in group):
            continue  # one mention alone has nothing to merge with or turn
        _merge_group(group, wanted, plan, affected)
        _orient(group, wanted, plan, affected)
    return plan.rows(), affected


def run_relinks(store: TripleStore, moves: list[str]) -> None:
    """Make the renames ``plan_relinks`` worked out in the document graphs, one update per chunk."""
    for start in range(0, len(moves), _CHUNK):
        run_update(store, q.RENAME_EVENTS.replace("#ROWS#", " ".join(moves[start:start + _CHUNK])))


def _merge_group(rows: list[dict], wanted: set[str], plan: _Plan, affected: set[str]) -> None:
    """Merge each written event node of one (type, place) group into the node it reports, if any."""
    for event in sorted({r["event"] for r in rows if r["g"] in wanted}):
        mine = [r for r in rows if r["event"] == event]
        if not mine:
            continue  # merged into another node earlier in this group
        graphs = {r["g"] for r in mine}
        best = min(mine, key=lambda r: (_FINEST.get(r.get("precision") or "", 4), r["date"]))
        others = candidates_from_rows(r for r in rows if r["event"] != event and r["g"] not in graphs)
        link = choose_link(others, (best["date"], best.get("precision")), best.get("a1"), best.get("a2"))
        if link is None:
            continue
        plan.move(mine, str(link.iri), link.swap)
        affected.update((event, str(link.iri)))


def _orient(rows: list[dict], wanted: set[str], plan: _Plan, affected: set[str]) -> None:
    """Swap actor roles in written graphs that name a shared event's pair the other way round."""
    nodes: dict[str, dict[str, tuple[str | None, str | None]]] = defaultdict(dict)  # event -> graph -> (a1, a2)
    for r in rows:
        nodes[r["event"]].setdefault(r["g"], (r.get("a1"), r.get("a2")))
    for event, roles_by_graph in sorted(nodes.items()):
        if len(roles_by_graph) < 2 or wanted.isdisjoint(roles_by_graph):
            continue
        # the first graph that was there before this batch sets the roles, else the first graph
        ordered = sorted(roles_by_graph, key=lambda g: (g in wanted, g))
        canonical = roles_by_graph[ordered[0]]
        for graph in ordered[1:]:
            if graph in wanted and swapped(*roles_by_graph[graph], canonical):
                plan.move([r for r in rows if r["event"] == event and r["g"] == graph], event, True)
                affected.add(event)
