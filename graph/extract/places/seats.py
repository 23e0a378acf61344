"""A country's seat of government as a place: "a march to Parliament", "a rally outside the Ministry of
Finance" in a note that names its country (by name or nationality) but no town or area, happened in the capital,
where ACLED codes it (precision 1). Capitals: ``capitals.tsv`` (the GeoNames country table)."""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc

from graph.extract.parse.columns import token_heads, token_lemmas, token_lowers, token_texts
from graph.extract.places.gazetteer import DATA_DIR, Place, get_gazetteer, read_tsv

__all__ = ["seats_of_government"]

# Nouns that name a national institution alone ("Parliament", "the Ministry of Defence", "the Presidency"), and the
# two-word names ("State House", "the Presidential Palace", "the National Assembly"), keyed by their last word.
_SEATS = frozenset(("parliament", "ministry", "presidency"))
_PAIRS = {"house": "state", "palace": "presidential", "assembly": "national"}
# Words before an institution that put the people at it: "outside Parliament", "in front of". Not "before", which
# mostly puts a bill or a case there ("a bill before Parliament").
_AT = frozenset(("outside", "at", "near", "inside"))
# "to" puts people at an institution only after a verb of going ("marched to Parliament"), not after "according",
# "sent a report" or "appealed".
_GOING = frozenset(("march", "walk", "go", "head", "proceed", "move", "come", "return", "drive", "parade", "trek",
                    "converge", "flock", "run"))
_STEPS = 3  # capitalised words and "the" stepped over back to that word: "outside the Interior Ministry"


def seats_of_government(doc: Doc, below_country: bool, countries: Counter) -> list[tuple[int, int, Place]]:
    """(start, end, capital) of each national institution people are at, when the text names one country and no
    place below it; else none."""
    if below_country or len(countries) != 1:
        return []
    capital = _capital(next(iter(countries)))
    if capital is None:
        return []
    lowers, texts = token_lowers(doc), token_texts(doc)
    out = []
    for i, lower in enumerate(lowers):
        start = _seat_start(lowers, texts, i) if lower in _SEATS or lower in _PAIRS else None
        if start is not None and _at(doc, lowers, texts, start):
            out.append((start, _name_end(lowers, texts, i + 1), capital))
    return out


def _seat_start(lowers: tuple[str, ...], texts: tuple[str, ...], i: int) -> int | None:
    """The first token of an institution's name ending at token ``i``: "Parliament", "State House", else None.
    A ministry is one only by its proper name ("the Ministry", "Education Ministry"), not "the ministry's staff"."""
    lower = lowers[i]
    if lower in _PAIRS and i > 0 and lowers[i - 1] == _PAIRS[lower] and texts[i][:1].isupper():
        return i - 1
    if lower in _SEATS and (lower == "parliament" or texts[i][:1].isupper()):
        return i
    return None


def _name_end(lowers: tuple[str, ...], texts: tuple[str, ...], end: int) -> int:
    """The end of a name past its "of" and capitalised words: "Ministry of Foreign Affairs"."""
    if end + 1 < len(lowers) and lowers[end] == "of" and texts[end + 1][:1].isupper():
        end += 1
        while end < len(lowers) and texts[end][:1].isupper():
            end += 1
    return end


def _at(doc: Doc, lowers: tuple[str, ...], texts: tuple[str, ...], start: int) -> bool:
    """Whether a word that puts people at a place comes before the name, over "the" and capitalised qualifiers."""
    k = start - 1
    while k >= 0 and start - k <= _STEPS and (lowers[k] == "the" or (texts[k][:1].isupper() and lowers[k] not in _AT)):
        k -= 1
    if k < 0:
        return False
    if lowers[k] == "to":
        return token_lemmas(doc)[token_heads(doc)[k]].lower() in _GOING
    return lowers[k] in _AT or (lowers[k] == "of" and k > 0 and lowers[k - 1] == "front")


@functools.cache
def _capitals() -> dict[str, str]:
    """ISO2 -> the name of the country's capital (``capitals.tsv``, read on first use)."""
    return {row["iso2"]: row["capital"] for row in read_tsv(DATA_DIR / "capitals.tsv")}


@functools.cache
def _capital(country: str) -> Place | None:
    """The capital of a country (ISO2): its most populous gazetteer town of the capital's name."""
    towns = [p for p in get_gazetteer().lookup(_capitals().get(country, "")) if p.country == country and p.rank == 3]
    return max(towns, key=lambda p: p.population, default=None)
