"""The countries the extraction names: code, short name, adjectives and everyday names, read once.

Several stages read it (places for "the Syrian people", actors for "Syrian troops", relations
for "Syria's elite Tiger Forces"); it is vocabulary, not a stage.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import pycountry

from graph.extract.datafiles import read_rows

__all__ = ["Country", "Countries", "countries"]

# Everyday names of countries that ISO's official and common names miss.
_EXTRA_COUNTRY_NAMES = {
    "Britain": "GB", "Great Britain": "GB", "UK": "GB", "U.K.": "GB", "US": "US", "U.S.": "US", "USA": "US",
    "America": "US", "Burma": "MM", "DRC": "CD", "DR Congo": "CD", "Congo": "CD", "Ivory Coast": "CI",
    "Russia": "RU", "Iran": "IR", "Syria": "SY", "South Korea": "KR", "North Korea": "KP", "Palestine": "PS",
    "Gaza": "PS", "West Bank": "PS", "Turkey": "TR", "Türkiye": "TR", "Vietnam": "VN", "Laos": "LA",
    "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "Moldova": "MD", "Czech Republic": "CZ",
}


class Country(NamedTuple):
    """A country as actor names need it: code, short name, adjective."""

    code: str
    name: str
    adjective: str


class Countries(NamedTuple):
    """The country tables: by ISO 3166-1 alpha-2 code, by adjective ("Syrian"), by name ("Syria")."""

    by_code: dict[str, Country]
    by_adjective: dict[str, str]
    by_name: dict[str, str]


@cache
def countries() -> Countries:
    """Return the country tables of ``graph/data/actors/demonyms.tsv``, with ISO's and everyday names."""
    by_code, by_adjective, by_name = {}, {}, {}
    for row in read_rows("actors", "demonyms.tsv"):
        adjectives = tuple(part.strip() for part in row["adjectives"].split("|") if part.strip())
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
    return Countries(by_code, by_adjective, by_name)
