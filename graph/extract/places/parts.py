"""A part of a country named with a compass word ("in northern Mali", "central-eastern Burkina") as a place.

A village no gazetteer lists that the text puts only in such a part is still somewhere there: ACLED codes a
vague place at the region it names (geo-precision 3), which is far nearer than no point at all. The part's
point lies toward that side of the country, measured on the country's own admin1 centres.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.parse.columns import token_lowers
from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.locations import PlaceMention
from graph.extract.places.words import DIRECTIONS
from graph.records import Location, slugify

__all__ = ["country_part", "PART_SHARE"]

# How far toward the side the part lies: this share of the way from the centre of the country's admin1 centres to
# the outermost one on that side ("central" halves it: "central-eastern"; alone it names no part).
PART_SHARE = 0.5
_SIDES = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1)}
_MOST_WORDS = 3  # "central - eastern": the compass words (and hyphens) read before the country's name


def country_part(doc: Doc, held: tuple[PlaceMention, bool] | None) -> tuple[PlaceMention, bool] | None:
    """A country container named with a compass word ("in northern Mali") as that part of it, a region with a
    point; any other container (or a country named without one) unchanged."""
    country = held[0].location.country if held is not None and held[0].location.kind == "country" else None
    if held is None or country is None:
        return held
    mention = held[0]
    start = mention.start
    while start > 0 and mention.start - start < _MOST_WORDS and (doc[start - 1].lower_ in DIRECTIONS
                                                                  or doc[start - 1].text == "-"):
        start -= 1
    words = [w for w in token_lowers(doc)[start : mention.end] if w in DIRECTIONS]
    side, extent = _side(words), _admin1_extent(country)
    if side is None or extent is None:
        return held
    (lat, low_lat, high_lat, lon, low_lon, high_lon), (north, east) = extent, side
    lat += north * PART_SHARE * (high_lat - lat if north > 0 else lat - low_lat)
    lon += east * PART_SHARE * (high_lon - lon if east > 0 else lon - low_lon)
    name = f"{'-'.join(words)} {mention.location.name}"
    part = Location(id=f"{mention.location.id}-{slugify('-'.join(words))}", name=name, kind="region",
                    country=country, lat=round(lat, 4), lon=round(lon, 4), precision=3)
    return replace(mention, location=part), held[1]


def _side(words: list[str]) -> tuple[float, float] | None:
    """(north, east) that compass words point to ("central-eastern": 0, 0.5; "northwestern": 1, -1); None without
    a side: "central Mali" alone is about as wide as the country, whose centre is no village's place."""
    north = east = 0.0
    central, found = "central" in words, False
    for word in words:
        for side, (dn, de) in _SIDES.items():
            if side in word:
                north, east, found = north + dn, east + de, True
    if not found:
        return None
    share = 0.5 if central else 1.0
    return north * share, east * share


@functools.lru_cache(maxsize=256)
def _admin1_extent(country: str) -> tuple[float, float, float, float, float, float] | None:
    """Mean, lowest and highest latitude, then longitude, of the country's admin1 centres (None for fewer than
    three: no parts to tell apart); kept per country, as the gazetteer is read-only."""
    rows = get_gazetteer().named("p.kind = 'governorate' AND p.country = ?", (country,))
    points = {(p.lat, p.lon) for p, _name in rows if p.lat is not None and p.lon is not None}
    if len(points) < 3:
        return None
    lats, lons = [lat for lat, _ in points], [lon for _, lon in points]
    return sum(lats) / len(lats), min(lats), max(lats), sum(lons) / len(lons), min(lons), max(lons)
