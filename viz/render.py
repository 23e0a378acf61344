"""Render the network as an HTML page with pyvis and ConflictKG's own, fully offline template.

pyvis holds the nodes, edges and vis-network options and renders them through
``generate_html()`` (``show()`` needs a notebook), but with ``viz/templates/network.html``
instead of its own template, which would fetch Bootstrap and vis-network from CDNs.
Served pages load the vendored assets from the server; standalone files inline them.
Untrusted text (names, sentences) only reaches the page as JSON through Jinja's ``tojson``
(which escapes ``<``, ``>``, ``&`` and ``'``) and is put in the DOM as text by the script.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from graph.network import local_id
from viz import legend
from viz.layout import compute_layout

__all__ = ["PageOptions", "render_page", "page_data", "layout_positions", "PHYSICS_THRESHOLD"]

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PHYSICS_THRESHOLD = 400  # above this many nodes the browser gets fixed positions and no physics
AFFILIATIONS = ("part_of", "member_of", "affiliated_with", "supports", "leads")  # drawn dashed when no event backs them
LABEL_DRAW_THRESHOLD = 9  # on-screen font size (px) under which vis-network leaves a node's label out
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
    """Return the network page's HTML for ``graph`` (from :func:`graph.network.read_network`)."""
    options = options or PageOptions()
    nodes, edges, page = page_data(graph, layout_positions(graph), options)
    net = Network(height="100%", width="100%", directed=True, heading=options.title, cdn_resources="in_line")
    net.set_template_dir(str(TEMPLATES), "network.html")
    # pyvis builds its environment without autoescaping; ours escapes every {{ }} that is not JSON.
    net.templateEnv = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
    # pyvis's add_node and add_edge scan its node list on every call (quadratic: seconds at 5,000 nodes).
    # Nodes and edges are unique by construction, so they go straight into pyvis's lists.
    net.nodes.extend(nodes)
    net.node_ids.extend(node["id"] for node in nodes)
    net.edges.extend(edges)
    net.options = page.pop("vis_options")
    net.templateEnv.globals.update(page=page, assets=_assets(options), options_json=net.options)
    return net.generate_html()


def layout_positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions of actors from their interactions; each place sits at the centre of its actors."""
    actors = [n for n, d in graph.nodes(data=True) if d["layer"] == "actor"]
    interactions = nx.Graph()
    interactions.add_nodes_from(actors)
    interactions.add_edges_from((u, v) for u, v, key in graph.edges(keys=True) if key != "at")
    positions = dict(compute_layout(interactions))
    for place, data in graph.nodes(data=True):
        if data["layer"] != "place":
            continue
        around = [positions[a] for a in graph.predecessors(place) if a in positions]
        if around:
            x, y = sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(around)
        else:
            x, y = 0.0, 0.0
        # Offset by a stable amount so a place does not hide the actor it shares a centre with.
        angle = (hash_fraction(place) * 2 * math.pi)
        positions[place] = (round(x + 25 * math.cos(angle), 1), round(y + 25 * math.sin(angle), 1))
    return positions


def hash_fraction(text: str) -> float:
    """A stable number in [0, 1) from ``text`` (Python's hash() changes between runs)."""
    return int(hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8], 16) / 2**32


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
    """Return (nodes, edges, page) as compact JSON-able data for the template.

    Nodes and edges are numbered; events are rows ``[id, subtype index, category, date, place node,
    fatalities]``. Edge styling (colour, width, arrows, label, tooltip) follows from the category and
    is applied by the page's script, which keeps a 5,000-node page a few MB.
    """
    events: list[Any] = graph.graph.get("events", [])
    index = {iri: i for i, iri in enumerate(graph.nodes)}
    physics = sum(1 for _, d in graph.nodes(data=True) if d["layer"] == "actor") <= options.physics_threshold
    nodes = [_node(index[iri], iri, data, positions[iri], options) for iri, data in graph.nodes(data=True)]
    if physics:  # only the largest group moves; smaller ones and isolates keep their packed places
        moving = _largest_component(graph)
        for node in nodes:
            if node["iri"] not in moving:
                node["physics"] = False
    edges = [{"id": j, "from": index[u], "to": index[v], "cat": key, "ev": data["events"], "asserted": data["asserted"]}
             for j, (u, v, key, data) in enumerate(e for e in graph.edges(keys=True, data=True) if e[2] != "at")]
    subtypes: dict[tuple[str, str], int] = {}
    for event in events:
        subtypes.setdefault((event.type or "", event.sub_type or ""), len(subtypes))
    dates = sorted(e.date for e in events if e.date)
    used_kinds = {legend.kind_of(data["kind"]) for _, data in graph.nodes(data=True) if data["layer"] == "actor"}
    used_categories = {edge["cat"] for edge in edges}
    affiliations = {legend.category_of_relation(r) for r in AFFILIATIONS}
    page = {
        "title": options.title,
        "physics": physics,
        "labels": len(edges) <= LABEL_LIMIT,
        "standalone": options.standalone,
        "site": options.site_url,
        "counts": {"actors": sum(1 for node in nodes if node["layer"] == "actor"),
                   "places": sum(1 for node in nodes if node["layer"] == "place"),
                   "events": len(events), "edges": len(edges)},
        "dates": {"first": dates[0][:10] if dates else None, "last": dates[-1][:10] if dates else None},
        "kinds": [{"id": k.id, "label": k.label, "color": k.color} for k in legend.kinds().values()
                  if k.id in used_kinds],
        "categories": [{"id": c.id, "label": c.label, "stance": c.stance, "color": c.color, "directed": c.directed,
                        "affiliation": c.id in affiliations}
                       for c in legend.categories().values() if c.id in used_categories],
        "subtypes": [list(pair) for pair in subtypes],
        "events": [[local_id(e.id), subtypes[(e.type or "", e.sub_type or "")], e.category, e.date,
                    index[e.place] if e.place else None, e.fatalities] for e in events],
        "places": sorted(({"id": index[iri], "name": d["name"]} for iri, d in graph.nodes(data=True)
                          if d["layer"] == "place" and d["events"]), key=lambda p: p["name"].lower()),
        "view": graph.graph.get("view"),  # the bounds of a bounded view (graph.network.NetworkView), else None
        "vis_options": _vis_options(physics),
    }
    return nodes, edges, page


def _largest_component(graph: nx.MultiDiGraph) -> set[str]:
    actors = nx.Graph()
    actors.add_nodes_from(n for n, d in graph.nodes(data=True) if d["layer"] == "actor")
    actors.add_edges_from((u, v) for u, v, key in graph.edges(keys=True) if key != "at")
    return max(nx.connected_components(actors), key=len, default=set())


def _node(
    number: int, iri: str, data: dict[str, Any], position: tuple[float, float], options: PageOptions
) -> dict[str, Any]:
    count = len(data["events"])
    is_actor = data["layer"] == "actor"
    kind = legend.kind_of(data["kind"]) if is_actor else data["kind"]
    color = legend.kinds()[kind].color if is_actor else "#d9d9d9"
    segment = "actors" if is_actor else "places"
    entity_id = local_id(iri)
    kind_label = legend.kinds()[kind].label if is_actor else kind
    node = {
        "id": number, "iri": iri, "label": data["name"], "shape": "dot" if is_actor else "square",
        # An explicit colour and no ``group``: pyvis drops a node's colour when it has a group.
        "color": {"background": color, "border": "#333333", "highlight": {"background": color, "border": "#000000"}},
        "size": round(8 + 5 * math.sqrt(count), 1) if is_actor else 7,
        # The busiest actors' labels are larger; below LABEL_DRAW_THRESHOLD px on screen a label waits for zooming
        # in, so the default view does not pile every small actor's name on the others.
        "font": {"size": round(min(20.0, 11 + 2 * math.sqrt(count)), 1) if is_actor else 11},
        "x": position[0], "y": position[1],
        # A plain string: vis-network puts string titles in the DOM as text (innerText), never as HTML.
        "title": f"{data['name']}\n{kind_label} · {count} event{'s' if count != 1 else ''}",
        "layer": data["layer"], "kind": kind, "ev": data["events"], "eid": entity_id,
    }
    if options.site_url is not None:
        node["href"] = f"{options.site_url}/{segment}/{entity_id}"
        node["api"] = f"{options.site_url}/api/{segment}/{entity_id}"
    return node


def _vis_options(physics: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False},  # positions come from the server
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics,
                        "hideEdgesOnZoom": not physics},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif"}, "borderWidth": 1,
                  "scaling": {"label": {"drawThreshold": LABEL_DRAW_THRESHOLD}}},
        "edges": {"font": {"size": 11, "align": "middle", "color": "#333333", "strokeWidth": 3}, "selectionWidth": 2,
                  "color": {"opacity": 0.85}, "arrows": {"to": {"scaleFactor": 0.6}},
                  "smooth": {"enabled": True, "type": "dynamic"} if physics else False},
    }
    if physics:
        options["physics"] = {"enabled": True, "solver": "barnesHut",
                              "barnesHut": {"gravitationalConstant": -5000, "springLength": 150, "avoidOverlap": 0.3},
                              # drawn at once from the server's layout, settled on screen (network.js): 150
                              # iterations before the first drawing were most of the first visit of /network
                              "stabilization": {"enabled": False}}
    else:
        options["physics"] = {"enabled": False}
    return options
