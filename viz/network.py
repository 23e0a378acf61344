"""The actor network of a store: project it (``graph.network``), lay it out, render it (page or JSON)."""

from __future__ import annotations

from typing import Any

from graph.network import NetworkView, read_network
from graph.store import TripleStore
from viz.render import PageOptions, layout_positions, page_data, render_page

__all__ = ["render_network", "network_json"]


def render_network(store: TripleStore, options: PageOptions | None = None, view: NetworkView | None = None) -> str:
    """Return the network page's HTML: the bounded ``view``, or every actor, place and event when None."""
    return render_page(read_network(store, view), options)


def network_json(
    store: TripleStore, options: PageOptions | None = None, view: NetworkView | None = None
) -> dict[str, Any]:
    """Return the page's data as JSON (the ``.json`` twin of ``/network``): nodes, edges, legend, events."""
    graph = read_network(store, view)
    nodes, edges, page = page_data(graph, layout_positions(graph), options or PageOptions())
    page.pop("vis_options")
    return {"nodes": nodes, "edges": edges, **page}
