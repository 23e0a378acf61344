"""Loads the actor data files of ``graph/data/actors/``: named actors, country adjectives, descriptors."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

import pycountry

from graph.extract.datafiles import DATA as DATA_ROOT
from graph.records import slugify

__all__ = ["Entry", "Country", "dictionary", "countries", "descriptors", "communities", "actor_key"]

DATA = DATA_ROOT / "actors"

# Everyday names of countries that ISO's official and common names miss.
_EXTRA_COUNTRY_NAMES = {
    "Britain": "GB", "Great Britain": "GB", "UK": "GB", "U.K.": "GB", "US": "US", "U.S.": "US", "USA": "US",
    "America": "US", "Burma": "MM", "DRC": "CD", "DR Congo": "CD", "Congo": "CD", "Ivory Coast": "CI",
    "Russia": "RU", "Iran": "IR", "Syria": "SY", "South Korea": "KR", "North Korea": "KP", "Palestine": "PS",
    "Gaza": "PS", "West Bank": "PS", "Turkey": "TR", "Türkiye": "TR", "Vietnam": "VN", "Laos": "LA",
    "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "Moldova": "MD", "Czech Republic": "CZ",
}


def actor_key(name: str) -> str:
    """Return the stable id of an actor name ("Islamic State" -> "actor/islamic-state")."""
    return f"actor/{slugify(name)}"


@dataclass(frozen=True)
class Entry:
    """One named actor of the dictionary."""

    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]
    tags: frozenset[str]
    relations: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        """The actor id."""
        return actor_key(self.name)


@dataclass(frozen=True)
class Country:
    """A country as actor names need it: code, short name, adjective."""

    code: str
    name: str
    adjective: str


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _split(text: str | None, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(sep) if part.strip())


@cache
def dictionary() -> dict[str, Entry]:
    """Return the named actors of ``actors.tsv`` by actor id."""
    entries = {}
    for row in _rows("actors.tsv"):
        relations = tuple(tuple(item.split(":", 1)) for item in _split(row["relations"]))
        entry = Entry(
            name=row["name"],
            kind=row["kind"],
            country=row["country"] or None,
            aliases=_split(row["aliases"]),
            context_aliases=_split(row["context_aliases"]),
            tags=frozenset(_split(row["tags"], ",")),
            relations=relations,
        )
        entries[entry.key] = entry
    return entries


@cache
def countries() -> tuple[dict[str, Country], dict[str, str], dict[str, str]]:
    """Return (code -> Country, adjective -> code, country name -> code)."""
    by_code, by_adjective, by_name = {}, {}, {}
    for row in _rows("demonyms.tsv"):
        adjectives = _split(row["adjectives"])
        by_code[row["code"]] = Country(row["code"], row["country"], adjectives[0])
        for adjective in adjectives:
            by_adjective[adjective] = row["code"]
        by_name[row["country"]] = row["code"]
    for country in pycountry.countries:
        if country.alpha_2 in by_code:
            for name in (country.name, getattr(country, "common_name", None)):
                if name:
                    by_name.setdefault(name, country.alpha_2)
    for name, code in _EXTRA_COUNTRY_NAMES.items():
        by_name.setdefault(name, code)
    return by_code, by_adjective, by_name


@cache
def descriptors() -> dict[tuple[str, ...], tuple[str, bool]]:
    """Return descriptor word sequences (lower case, split like spaCy) -> (class, usable bare)."""
    table = {}
    for row in _rows("descriptors.tsv"):
        words = tuple(row["word"].replace("-", " - ").split())
        table[words] = (row["class"], row["bare"] == "yes")
    return table


@cache
def communities() -> frozenset[str]:
    """Return the ethnic and religious group names of ``communities.tsv``."""
    return frozenset(row["name"] for row in _rows("communities.tsv"))
