"""Border towns: a sizeable town just across the border of a country the text names is the place the text means,
not an unlisted village of that country that no gazetteer lists (:func:`border_town`). The caller checks that the
text spells the town's own name and names the country itself."""

from __future__ import annotations

import functools

from graph.extract.places.gazetteer import Place, get_gazetteer, normalise, strip_article
from graph.extract.places.holders import km
from graph.extract.places.words import common_words

__all__ = ["border_town", "by_border", "BORDER_TOWN", "BORDER_KM"]

# A town this big, this near a named country across its border, is the place a text means, not a namesake of an
# unlisted village of the named country. Near: within BORDER_KM of a local area of that country (the areas of the
# Sahel are wide: Djibo lies 89 km from the nearest Malian commune's centre, 40 km from the border itself).
BORDER_TOWN, BORDER_KM = 20_000, 100


def border_town(place: Place, text: str, named: frozenset[str]) -> bool:
    """A town of BORDER_TOWN people within BORDER_KM of a named country (:func:`_near`) which no place or local area
    of those countries has and which is no phrase of English words ("the Old City"): Syrian shells on a Turkish
    border town of 50,000 fall in Turkey, but Burundian police in Kibuye act in Burundi's area of that name, not in
    Rwanda's town."""
    gaz = get_gazetteer()
    if place.kind not in ("city", "town") or place.population < BORDER_TOWN:
        return False
    if place.country not in gaz.bordering(named):
        return False
    if all(word in common_words() for word in strip_article(normalise(text)).split()):
        return False
    return not (gaz.namesake_countries(text) & named or _local_area(text, named)) and _near(place, named)


def _local_area(text: str, named: frozenset[str]) -> bool:
    """Whether a named country has a local area of this name (areas.tsv), as an unlisted village is looked up."""
    key, gaz = normalise(text), get_gazetteer()
    return any(gaz.local_areas(code, key) or gaz.local_areas(code, strip_article(key)) for code in sorted(named))


def _near(place: Place, named: frozenset[str]) -> bool:
    """Whether the place lies within BORDER_KM of a point of a named country (:func:`_country_points`)."""
    box = BORDER_KM / 100  # degrees of latitude, a little wider than BORDER_KM: a cheap test before the distance
    return any(abs(lat - place.lat) <= box and km(place.lat, place.lon, lat, lon) <= BORDER_KM
               for code in named for lat, lon in _country_points(code))


def by_border(lat: float, lon: float, country: str, within: float) -> bool:
    """Whether a point of ``country`` lies within ``within`` km of a point of a country bordering it
    (:func:`_country_points`): near a border, where a name is often both sides'."""
    box = within / 100
    return any(abs(p_lat - lat) <= box and km(lat, lon, p_lat, p_lon) <= within
               for code in sorted(get_gazetteer().bordering({country})) for p_lat, p_lon in _country_points(code))


@functools.cache
def _country_points(country: str) -> tuple[tuple[float, float], ...]:
    """Where a country's land lies: the centroids of its local areas (areas.tsv) and the centres of its admin1 units
    (all a country without local areas has)."""
    gaz = get_gazetteer()
    admin1 = {(p.lat, p.lon) for p, _name in gaz.named("p.kind = 'governorate' AND p.country = ?", (country,))}
    return (*gaz.area_points(country), *admin1)
