"""The air-base rows of regions.tsv: a bare alias never takes the name of a populated place from a town."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract.places.gazetteer import normalise
from graph.extract.places.index import read_tsv

DATA = Path(__file__).resolve().parent.parent / "graph" / "data" / "places"
BASE_ENDINGS = ("-airbase", "-airfield")
BASE_WORDS = ("air", "base", "field", "airport")


def _town_keys() -> set[str]:
    """Normalised names and alternate names of every populated place in cities.tsv."""
    keys: set[str] = set()
    for row in read_tsv(DATA / "cities.tsv"):
        keys.add(normalise(row["name"]))
        keys.update(key for key in row["keys"].split("|") if key)
    return keys


def _bare_aliases() -> list[tuple[str, str]]:
    """(row id, alias) of each air-base alias that has no base word of its own."""
    rows = [row for row in read_tsv(DATA / "regions.tsv") if row["id"].endswith(BASE_ENDINGS)]
    return [
        (row["id"], alias)
        for row in rows
        for alias in row["aliases"].split("|")
        if alias and not any(word in alias.lower() for word in BASE_WORDS)
    ]


def test_no_bare_air_base_alias_is_a_towns_name():
    towns = _town_keys()
    clashes = [(base, alias) for base, alias in _bare_aliases() if normalise(alias) in towns]
    assert clashes == []


@pytest.mark.parametrize(
    "alias", ["Nevatim", "Ramat David", "Belbek", "Menagh", "Hmeimim", "Kuweires", "Tamanhint", "Habbaniyah airbase"]
)
def test_a_base_named_after_a_place_keeps_no_bare_alias(alias):
    aliases = {name for row in read_tsv(DATA / "regions.tsv") for name in row["aliases"].split("|")}
    assert alias not in aliases
