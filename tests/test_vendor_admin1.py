"""tools/vendor_admin1.py: which lines it keeps, how it simplifies and quantises, and the file it wrote.

The topologies are built by hand (no npm, no network); the last tests read the committed admin1.json.
"""

from __future__ import annotations

import json
import re

import pytest

from tools import vendor_admin1 as va

# Two unit squares side by side (A west, B east) sharing the edge x=1; arcs quantised on a 0.5-degree grid.
#   arc 0: the shared edge (1,0)->(1,1); arc 1: A's outer edge; arc 2: B's outer edge.
SQUARES = {
    "type": "Topology", "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [[[2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2], [2, 0]], [[2, 0], [2, 0], [0, 2], [-2, 0]]],
    "objects": {"xx": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "XX.A", "arcs": [[0, 1]]},
        {"type": "Polygon", "id": "XX.B", "arcs": [[2, ~0]]},
    ]}},
}


def test_only_the_edge_two_units_share_is_kept():
    assert va.inner_arcs(SQUARES) == [[(11.0, 20.0), (11.0, 21.0)]]


def test_an_arc_one_unit_uses_twice_is_not_inner():
    alone = json.loads(json.dumps(SQUARES))
    alone["objects"]["xx"]["geometries"][1]["arcs"] = [[2]]
    alone["objects"]["xx"]["geometries"][0]["arcs"] = [[0, 1], [~0]]
    assert va.inner_arcs(alone) == []


@pytest.mark.parametrize(("line", "kept"), [
    ([(0, 0), (1, 0.001), (2, 0)], [(0, 0), (2, 0)]),                     # a wobble under the tolerance goes
    ([(0, 0), (1, 1), (2, 0)], [(0, 0), (1, 1), (2, 0)]),                 # a corner stays
    ([(0, 0), (1, 0.5005), (2, 1), (3, 0.5005), (4, 0)], [(0, 0), (2, 1), (4, 0)]),  # a peak: only its top
    ([(5, 5), (5, 5)], [(5, 5), (5, 5)]),                                 # a point-long line keeps both ends
])
def test_simplify_keeps_ends_and_corners(line, kept):
    assert va.simplify(line, 0.01) == kept


def test_quantised_lines_are_delta_encoded_on_the_world_grid():
    step = 360 / (va.GRID - 1)
    encoded = va.quantised([(-180, -90), (-180 + step, -90), (-180 + step * 1.1, -90), (180, 90)])
    assert encoded == [[0, 0], [1, 0], [va.GRID - 2, va.GRID - 1]]  # the repeated grid point is dropped
    assert va.quantised([(3.0, 4.0), (3.0, 4.0)])[1] == [0, 0]        # never fewer than two points


def test_build_numbers_each_country_s_lines_after_the_last():
    topology = va.build(iter([("AAA", SQUARES), ("BBB", SQUARES)]))
    geometries = topology["objects"]["admin1"]["geometries"]
    assert [g["id"] for g in geometries] == ["AAA", "BBB"]
    assert [g["arcs"] for g in geometries] == [[[0]], [[1]]] and len(topology["arcs"]) == 2


def test_the_committed_file_is_a_valid_topology_of_countries():
    topology = json.loads((va.OUT / "admin1.json").read_text(encoding="utf-8"))
    geometries = topology["objects"]["admin1"]["geometries"]
    assert all(re.fullmatch(r"[A-Z]{3}", g["id"]) for g in geometries)
    used = sorted(line[0] for g in geometries for line in g["arcs"])
    assert used == list(range(len(topology["arcs"])))  # every arc drawn once, none dangling
    assert (va.OUT / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")
