"""The countries the extraction names: code, short name, adjectives and everyday names, read once.

Several stages read it (places for "the Syrian people", actors for "Syrian troops", relations
for "Syria's elite Tiger Forces"); it is vocabulary, not a stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

import pycountry
from spacy.tokens import Doc

from graph.datafiles import read_rows, read_words
from graph.extract.parse.columns import token_lowers, token_texts

__all__ = ["Country", "Countries", "countries", "names_foreigners", "settle_shared", "doc_names", "name_at",
           "names_origin", "names_feature", "initial_after"]

_NAMES = "country_names"  # doc.user_data key of the names as this document reads them

# nouns of people abroad and of a state's missions: a nationality before one casts no vote for the country
ABROAD_NOUNS = read_words("places", "abroad_nouns.txt")
# words before a place that say where people or goods came from: "refugees from Congo", "families fleeing Sudan"
_ORIGIN_WORDS = frozenset(["from", "fled", "flee", "flees", "fleeing"])
# capitalised nouns that make a country's name before them a natural feature's: "the Congo River", "the Niger Basin"
_FEATURE_ENDINGS = read_words("places", "feature_endings.txt")
# a state's people before "from": "troops from Chad" are Chad's troops, the country tells whose they are
_STATE_PEOPLE = frozenset(["troops", "soldier", "soldiers", "forces", "police", "policemen", "policeman", "officers",
                           "peacekeeper", "peacekeepers", "contingent", "gendarmes"])


class Country(NamedTuple):
    """A country as actor names need it: code, short name, adjective."""

    code: str
    name: str
    adjective: str


class Countries(NamedTuple):
    """The country tables: by ISO 3166-1 alpha-2 code, by adjective ("Syrian"), by name ("Syria"), and the names
    two countries go by ("Congo") with their codes, the news usage first."""

    by_code: dict[str, Country]
    by_adjective: dict[str, str]
    by_name: dict[str, str]
    shared: dict[str, tuple[str, ...]]


@cache
def countries() -> Countries:
    """Return the country tables: ``graph/data/actors/demonyms.tsv`` (codes, names, adjectives, territories
    such as Gaza), ISO's names from pycountry, and the country aliases of ``graph/data/places/aliases.tsv``."""
    by_code, by_adjective, by_name = {}, {}, {}
    territories: dict[str, str] = {}
    owners: dict[str, list[str]] = {}
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
            owners.setdefault(row["alias"], []).append(row["country"])
    for country in pycountry.countries:
        if country.alpha_2 in by_code:
            for name in (country.name, getattr(country, "common_name", None)):
                if name:
                    by_name.setdefault(name, country.alpha_2)
                    owners.setdefault(name, []).append(country.alpha_2)
    for name, code in territories.items():
        by_name.setdefault(name, code)
    shared = {name: tuple(dict.fromkeys(codes)) for name, codes in owners.items() if len(set(codes)) > 1}
    return Countries(by_code, by_adjective, by_name, shared)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def names_foreigners(doc: Doc, end: int) -> bool:
    """Whether a noun of people abroad or of a foreign mission follows token ``end``: "French | tourists"."""
    return end < len(doc) and token_lowers(doc)[end] in ABROAD_NOUNS


def names_origin(doc: Doc, start: int, end: int) -> bool:
    """Whether a country's name from token ``start`` to ``end`` is where people came from, not where anything
    happens: "gunmen from Nigeria", "refugees who fled the Congo"; not "from the Egypt Textile Company", nor a
    state's "troops from Chad", whose country it tells."""
    lowers, texts = token_lowers(doc), token_texts(doc)
    k = start - 1 - int(start > 0 and lowers[start - 1] == "the")
    if k < 0 or lowers[k] not in _ORIGIN_WORDS or (end < len(doc) and texts[end][:1].isupper()):
        return False
    return k == 0 or lowers[k - 1] not in _STATE_PEOPLE


def settle_shared(doc: Doc, read: dict[str, str], country: str | None) -> None:
    """Settle for this document each name two countries go by: as the places stage read it ("Congo" beside
    Brazzaville), else the article's country if it is one of them, else the news usage (the DRC)."""
    known = countries()
    settled = {name: read[name] if read.get(name) in codes else country if country in codes else codes[0]
               for name, codes in known.shared.items()}
    doc.user_data[_NAMES] = {**known.by_name, **settled}


def doc_names(doc: Doc) -> dict[str, str]:
    """Country name -> code as this document reads them (:func:`settle_shared`), else the context-free table."""
    names: dict[str, str] = doc.user_data.get(_NAMES) or countries().by_name
    return names


def name_at(words: Sequence[str], names: dict[str, str]) -> tuple[str, int] | None:
    """(code, number of words) of the longest country name the words start with, up to five words ("South Sudan"
    before "Sudan", "Saint Vincent and the Grenadines")."""
    for size in range(min(len(words), 5), 0, -1):
        code = names.get(" ".join(words[:size]))
        if code:
            return code, size
    return None


def names_feature(doc: Doc, end: int) -> bool:
    """Whether a capitalised feature noun follows the country's name ending at token ``end``: "the Congo River" is a
    river, no mention of the country."""
    return end < len(doc) and token_texts(doc)[end] in _FEATURE_ENDINGS


def initial_after(doc: Doc, end: int) -> bool:
    """Whether a surname's initial follows the name ending at ``end``: "activist Jordan K.", "Chad M. said": the name
    is a person's given name, not a country's."""
    if end >= len(doc):
        return False
    text = doc[end].text
    dotted = len(text) == 2 and text[1] == "." or (len(text) == 1 and end + 1 < len(doc) and doc[end + 1].text == ".")
    return dotted and text[0].isupper() and text[0].isalpha()
