"""The countries the extraction names: code, short name, adjectives and everyday names, read once.

Several stages read it (places for "the Syrian people", actors for "Syrian troops", relations
for "Syria's elite Tiger Forces"); it is vocabulary, not a stage.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import pycountry
from spacy.tokens import Doc

from graph.datafiles import read_rows
from graph.extract.parse.columns import token_lowers

__all__ = ["Country", "Countries", "countries", "names_foreigners"]

# Nouns of people away from their own country, and of a state's missions abroad: a nationality before one
# ("a French tourist", "Chinese nationals", "Eritrean refugees", "the Kenyan embassy") says who they are, not where
# it happened, so it casts no vote for the article's country.
ABROAD_NOUNS = frozenset((
    "tourist", "tourists", "national", "nationals", "expatriate", "expatriates", "expat", "expats", "migrant",
    "migrants", "refugee", "refugees", "asylum", "embassy", "embassies", "consulate", "consulates", "diplomat",
    "diplomats", "ambassador", "envoy",
))


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
    """Return the country tables: ``graph/data/actors/demonyms.tsv`` (codes, names, adjectives, territories
    such as Gaza), ISO's names from pycountry, and the country aliases of ``graph/data/places/aliases.tsv``."""
    by_code, by_adjective, by_name = {}, {}, {}
    territories: dict[str, str] = {}
    for row in read_rows("actors", "demonyms.tsv"):
        adjectives = _split(row["adjectives"])
        by_code[row["code"]] = Country(row["code"], row["country"], adjectives[0])
        for adjective in adjectives:
            by_adjective[adjective] = row["code"]
        by_name[row["country"]] = row["code"]
        territories.update(dict.fromkeys(_split(row["names"]), row["code"]))
    # the gazetteer's country aliases, news usage, before ISO's names: "UK", "DRC", and "Congo" for the DRC
    # (the places stage reads it as the Republic of the Congo where the article's places lie there)
    for row in read_rows("places", "aliases.tsv"):
        if row["kind"] == "country" and row["country"] in by_code:
            by_name.setdefault(row["alias"], row["country"])
    for country in pycountry.countries:
        if country.alpha_2 in by_code:
            for name in (country.name, getattr(country, "common_name", None)):
                if name:
                    by_name.setdefault(name, country.alpha_2)
    for name, code in territories.items():
        by_name.setdefault(name, code)
    return Countries(by_code, by_adjective, by_name)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def names_foreigners(doc: Doc, end: int) -> bool:
    """Whether a noun of people abroad or of a foreign mission follows token ``end``: "French | tourists"."""
    return end < len(doc) and token_lowers(doc)[end] in ABROAD_NOUNS
