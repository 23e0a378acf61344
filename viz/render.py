"""Render the network as an HTML page with pyvis and ConflictKG's own, fully offline template.

pyvis holds the nodes, edges and vis-network options and renders them through
``generate_html()`` (``show()`` needs a notebook), but with ``viz/templates/network.html``
instead of its own template, which would fetch Bootstrap and vis-network from CDNs.
Served pages load the vendored assets from the server; standalone files inline them.
Untrusted text (names, sentences) only reaches the page as JSON through Jinja's ``tojson``
(which escapes ``<``, ``>``, ``&`` and ``'``) and is put in the DOM as text by the script.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from viz import legend
from viz.layout import compute_layout
from viz.model import local_id

__all__ = ["PageOptions", "render_page", "page_data", "PHYSICS_THRESHOLD"]

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PHYSICS_THRESHOLD = 400  # above this many nodes the browser gets fixed positions and no physics
LABEL_LIMIT = 2000  # above this many edges, edge labels are left to the tooltip (drawing them costs frames)
ASSETS = {"vis": "vendor/vis-network/vis-network.min.js", "js": "network.js", "css": "network.css"}


@dataclass(frozen=True)
class PageOptions:
    """How to render: served by the app (assets and API on the server) or as one standalone file."""

    standalone: bool = False
    static_url: str = "/viz/static/"  # where the served page finds viz/static/
    site_url: str | None = ""  # prefix of /api and entity-page links; None: no server to link to
    physics_threshold: int = PHYSICS_THRESHOLD
    title: str = "Actor network"


def render_page(graph: nx.MultiDiGraph, options: PageOptions | None = None) -> str:
    """Return the network page's HTML for ``graph`` (from :func:`viz.model.build_network`)."""
    options = options or PageOptions()
    positions = compute_layout(graph)
    nodes, edges, page = page_data(graph, positions, options)
    net = Network(height="100%", width="100%", directed=True, heading=options.title, cdn_resources="in_line")
    net.set_template_dir(str(TEMPLATES), "network.html")
    # pyvis builds its environment without autoescaping; ours escapes every {{ }} that is not JSON.
    net.templateEnv = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
    for node in nodes:
        net.add_node(node.pop("id"), label=node.pop("label"), shape=node.pop("shape"), color=node.pop("color"), **node)
    # Edges are unique per (pair, category) already; append them without pyvis's O(E) duplicate scan per edge.
    net.edges.extend(edges)
    net.options = page.pop("vis_options")
    net.templateEnv.globals.update(page=page, assets=_assets(options), options_json=net.options)
    return net.generate_html()


def _assets(options: PageOptions) -> dict[str, Any]:
    if options.standalone:
        return {"inline": True, **{name: _read_asset(path) for name, path in ASSETS.items()}}
    return {"inline": False, **{name: options.static_url + path for name, path in ASSETS.items()}}


def _read_asset(path: str) -> str:
    text = (STATIC / path).read_text(encoding="utf-8")
    # Inline: drop the source-map comment (it would point at a file that is not there) and make sure
    # no "</script" ends the element early.
    lines = [line for line in text.splitlines() if not line.startswith("//# sourceMappingURL=")]
    return "\n".join(lines).replace("</script", "<\\/script")


def page_data(
    graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]], options: PageOptions
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Return (nodes, edges, page) as plain JSON-able data for the template."""
    events: list[Any] = graph.graph.get("events", [])
    physics = graph.number_of_nodes() <= options.physics_threshold
    nodes = [_node(iri, data, positions[iri], options) for iri, data in graph.nodes(data=True)]
    names = {iri: data["name"] for iri, data in graph.nodes(data=True)}
    labels = graph.number_of_edges() <= LABEL_LIMIT
    edges = [_edge(u, v, key, data, names, events, physics, labels)
             for u, v, key, data in graph.edges(keys=True, data=True)]
    dates = sorted(e.date for e in events if e.date)
    used_kinds = {data["kind"] for _, data in graph.nodes(data=True) if data["layer"] == "actor"}
    used_categories = {data["category"] for _, _, data in graph.edges(data=True)}
    page = {
        "title": options.title,
        "physics": physics,
        "standalone": options.standalone,
        "site": options.site_url,
        "counts": {"actors": sum(1 for _, d in graph.nodes(data=True) if d["layer"] == "actor"),
                   "places": sum(1 for _, d in graph.nodes(data=True) if d["layer"] == "place"),
                   "events": len(events), "edges": len(edges)},
        "dates": {"first": dates[0][:10] if dates else None, "last": dates[-1][:10] if dates else None},
        "kinds": [{"id": k.id, "label": k.label, "color": k.color} for k in legend.kinds().values()
                  if k.id in used_kinds],
        "categories": [{"id": c.id, "label": c.label, "stance": c.stance, "color": c.color, "directed": c.directed}
                       for c in legend.categories().values() if c.id in used_categories and c.id != "at"],
        "events": [[local_id(e.id), e.type, e.sub_type, e.category, e.date, e.place, e.fatalities] for e in events],
        "places": sorted(({"id": iri, "name": d["name"]} for iri, d in graph.nodes(data=True)
                          if d["layer"] == "place" and d["events"]), key=lambda p: p["name"].lower()),
        "vis_options": _vis_options(physics),
    }
    return nodes, edges, page


def _node(iri: str, data: dict[str, Any], position: tuple[float, float], options: PageOptions) -> dict[str, Any]:
    count = len(data["events"])
    is_actor = data["layer"] == "actor"
    color = legend.kinds()[data["kind"]].color if is_actor else "#d9d9d9"
    segment = "actors" if is_actor else "places"
    entity_id = local_id(iri)
    kind_label = legend.kinds()[data["kind"]].label if is_actor else data["kind"]
    node = {
        "id": iri, "label": data["name"], "shape": "dot" if is_actor else "square",
        "color": {"background": color, "border": "#333333", "highlight": {"background": color, "border": "#000000"}},
        "size": round(8 + 5 * math.sqrt(count), 1) if is_actor else 7,
        "x": position[0], "y": position[1],
        # A plain string: vis-network puts string titles in the DOM as text (innerText), never as HTML.
        "title": f"{data['name']}\n{kind_label} · {count} event{'s' if count != 1 else ''}",
        "layer": data["layer"], "kind": data["kind"], "ev": data["events"], "eid": entity_id,
    }
    if options.site_url is not None:
        node["href"] = f"{options.site_url}/{segment}/{entity_id}"
        node["api"] = f"{options.site_url}/api/{segment}/{entity_id}"
    return node


def _edge(
    u: str, v: str, key: str, data: dict[str, Any], names: dict[str, str], events: list[Any], physics: bool,
    labels: bool,
) -> dict[str, Any]:
    category = legend.categories().get(key) or legend.categories()[legend.FALLBACK_CATEGORY]
    count = len(data["events"])
    dates = sorted(events[i].date for i in data["events"] if events[i].date)
    span = f"{dates[0]} – {dates[-1]}" if len(dates) > 1 else (dates[0] if dates else "")
    arrow = "→" if category.directed else "–"
    lines = [f"{names[u]} {arrow} {names[v]}", f"{category.label}: {count} event{'s' if count != 1 else ''}"
             if count else f"{category.label} (stated affiliation)"]
    if span:
        lines.append(span)
    edge = {
        "id": f"{u}|{v}|{key}", "from": u, "to": v, "cat": key, "ev": data["events"], "asserted": data["asserted"],
        "label": f"{category.label} ×{count}" if count > 1 else category.label,
        "title": "\n".join(lines),
        "color": {"color": category.color, "highlight": category.color, "opacity": 0.85},
        "width": round(1 + 1.5 * math.log2(1 + count), 2) if count else 1.5,
        "arrows": {"to": {"enabled": category.directed, "scaleFactor": 0.6}},
        "dashes": category.stance == "cooperative" and not count,
        "smooth": {"enabled": True, "type": "dynamic"} if physics else False,
    }
    if not labels:
        del edge["label"]
    return edge


def _vis_options(physics: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False},  # positions come from the server
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics,
                        "hideEdgesOnZoom": not physics},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif"}, "borderWidth": 1,
                  "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"font": {"size": 10, "align": "middle", "color": "#444444"}, "selectionWidth": 2},
    }
    if physics:
        options["physics"] = {"enabled": True, "solver": "barnesHut",
                              "barnesHut": {"gravitationalConstant": -4000, "springLength": 120},
                              "stabilization": {"enabled": True, "iterations": 150, "fit": True}}
    else:
        options["physics"] = {"enabled": False}
    return options
