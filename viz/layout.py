"""Node positions computed on the server with networkx, so large graphs need no physics in the browser.

Each connected component is laid out on its own: small ones by networkx's spring layout,
large ones by pivot MDS (Brandes & Pich 2006: breadth-first distances from a few pivots,
projected by SVD), which stays near-linear where spring layouts are quadratic. Nodes that
land on one spot (the leaves of a hub) are fanned out on a sunflower spiral; components are
then packed in rows, largest first. Same graph, same positions, whatever order its nodes and
edges were added in (and in any process).
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict

import networkx as nx
import numpy as np

__all__ = ["compute_layout", "SPACING"]

SPACING = 110.0  # pixels between neighbouring nodes on the page (about a label's width)
SPRING_LIMIT = 300  # components up to this size use networkx's (quadratic) spring layout
PIVOTS = 40
_GOLDEN = math.pi * (3 - math.sqrt(5))
_CACHE: OrderedDict[str, dict[str, tuple[float, float]]] = OrderedDict()
_CACHE_SIZE = 4


def compute_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Return pixel positions {node: (x, y)} for every node of ``graph``; cached per graph shape."""
    if type(graph) is nx.Graph:
        simple = graph  # already one undirected edge per pair: no copy (a copy costs seconds at 5,000 nodes)
    else:
        simple = nx.Graph()
        simple.add_nodes_from(graph.nodes)
        simple.add_edges_from(graph.edges())
    key = _shape_key(simple)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    placed = [_component_layout(simple, nodes) for nodes in components]
    positions = _pack(placed)
    _CACHE[key] = positions
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return positions


def _shape_key(graph: nx.Graph) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    for node in sorted(graph.nodes):
        digest.update(node.encode("utf-8", "replace") + b"\0")
    for u, v in sorted(tuple(sorted(e)) for e in graph.edges):
        digest.update(f"{u}\1{v}\0".encode("utf-8", "replace"))
    return digest.hexdigest()


def _component_layout(graph: nx.Graph, nodes: list[str]) -> dict[str, np.ndarray]:
    """Lay out one connected component (``nodes`` of ``graph``), scaled so neighbours sit about SPACING apart."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: np.zeros(2)}
    if n <= SPRING_LIMIT:
        # spring_layout starts from seeded random positions dealt in the graph's node order, which is the
        # order the caller inserted them in (often a set's or a query's): a graph in sorted order instead.
        component = nx.Graph()
        component.add_nodes_from(nodes)
        component.add_edges_from(sorted(tuple(sorted(edge)) for edge in graph.subgraph(nodes).edges))
        raw = nx.spring_layout(component, seed=7, iterations=50 if n < 100 else 30)
        coords = np.array([raw[node] for node in nodes])
    else:
        coords = _pivot_mds(graph, nodes)
    coords = coords - coords.mean(axis=0)
    extent = float(np.abs(coords).max()) or 1.0
    coords = coords / extent * SPACING * math.sqrt(n) * 0.8
    return dict(zip(nodes, _fan_out(coords), strict=True))


def _pivot_mds(graph: nx.Graph, nodes: list[str]) -> np.ndarray:
    index = {node: i for i, node in enumerate(nodes)}
    neighbours = [[index[m] for m in graph.adj[node]] for node in nodes]
    k = min(PIVOTS, len(nodes))
    distances = np.zeros((len(nodes), k))
    nearest = np.full(len(nodes), np.inf)
    pivot = max(range(len(nodes)), key=lambda i: (len(neighbours[i]), nodes[i]))
    for j in range(k):
        distances[:, j] = _hops(neighbours, pivot)
        nearest = np.minimum(nearest, distances[:, j])
        pivot = int(np.argmax(nearest))  # max-min: the node farthest from every pivot so far
    squared = distances**2
    centred = -0.5 * (squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean())
    # The two leading singular vectors of the n x k matrix, from the eigenvectors of its small k x k Gram matrix.
    values, vectors = np.linalg.eigh(centred.T @ centred)
    top = vectors[:, np.argsort(values)[::-1][:2]]
    return centred @ top


def _hops(neighbours: list[list[int]], source: int) -> np.ndarray:
    """Breadth-first hop counts from ``source`` over an adjacency list (the component is connected)."""
    hops = [-1] * len(neighbours)
    hops[source] = 0
    frontier, depth = [source], 0
    while frontier:
        depth += 1
        following = []
        for node in frontier:
            for other in neighbours[node]:
                if hops[other] < 0:
                    hops[other] = depth
                    following.append(other)
        frontier = following
    return np.array(hops, dtype=float)


def _fan_out(coords: np.ndarray) -> np.ndarray:
    """Spread nodes closer than SPACING/2 on a sunflower spiral around their shared spot."""
    cell = SPACING / 2
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(coords):
        groups.setdefault((round(x / cell), round(y / cell)), []).append(i)
    out = coords.copy()
    for members in groups.values():
        if len(members) < 2:
            continue
        centre = coords[members].mean(axis=0)
        for rank, i in enumerate(members):
            radius = cell * 0.9 * math.sqrt(rank)
            out[i] = centre + radius * np.array([math.cos(rank * _GOLDEN), math.sin(rank * _GOLDEN)])
    return out


def _pack(placed: list[dict[str, np.ndarray]]) -> dict[str, tuple[float, float]]:
    """Pack components in rows (largest first) inside a roughly square area."""
    if not placed:
        return {}  # an empty store: an empty network
    boxes = []
    for layout in placed:
        coords = np.array(list(layout.values()))
        low, high = coords.min(axis=0), coords.max(axis=0)
        boxes.append((layout, low, high - low + (SPACING * 1.5, SPACING)))  # labels run sideways: wider gaps
    total_area = sum(float(size[0] * size[1]) for _, _, size in boxes)
    row_width = max(math.sqrt(total_area) * 1.2, float(max(size[0] for _, _, size in boxes)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for layout, low, size in boxes:
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, point in layout.items():
            px, py = point - low + (x, y)
            positions[node] = (round(float(px), 1), round(float(py), 1))
        x += size[0]
        row_height = max(row_height, float(size[1]))
    return positions
