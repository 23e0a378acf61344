"""Local administrative areas below the gazetteer: the commune, sub-county or ward a village is named after.

Many villages that no populated-places list carries are the seat of a local area of their own name
(a Malian or Cameroonian commune, a Kenyan ward, a Mozambican administrative post). The area's centroid
is a far better point for such a village than the district or province that holds it, or than none.
An area is used only in the country the text puts the name in, and only where the text's container
(a district, a town it lies near, a distance from a town) agrees with it; in a text that names no country and
no container, only when one country alone has an area of that name, far from its borders (:func:`sole_area`).
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.extract.places.border import by_border
from graph.extract.places.gazetteer import get_gazetteer, normalise, strip_article
from graph.extract.places.holders import inside, km
from graph.extract.places.words import common_words
from graph.records import Location, slugify

__all__ = ["Area", "local_area", "sole_area", "area_location"]

# A name this short ("Tur", "Koh") is too often a hamlet's of another country to tell the country alone, and so is
# the name of an area this near a neighbour's land (SOLE_BORDER_KM), whose namesake across the border our lists
# may lack (a Kenyan ward's name, filed only as the Somali district beside it)
SOLE_AREA_LETTERS = 5
SOLE_BORDER_KM = 50
SOLE_TAIL_WORDS = 3
SAME_AREA_KM = 30  # same-named areas of one country this close are one place (a commune and its ward)
MEASURED_SLACK_KM = 30  # "X, 20 km north of Y": the area of X must lie within the distance and this of Y


@dataclass(frozen=True, slots=True)
class Area:
    """One local administrative area: its name, country, admin1 unit and the centroid of its boundary."""

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float


def _named(country: str, key: str) -> tuple[Area, ...]:
    """The local areas of ``country`` whose name has the normalised ``key``."""
    return tuple(Area(name, country, admin1, lat, lon) for name, admin1, lat, lon
                 in get_gazetteer().local_areas(country, key))


def local_area(name: str, country: str | None, holder: Location | None, distance: float | None = None) -> Area | None:
    """The local area ``name`` means in ``country``: the one inside ``holder`` (the place the text puts it in or
    near, ``distance`` km from it when the text says so), else the only one of that name in the country."""
    if holder is not None:  # "X, Congo": the country the text puts it in, whatever the story's main country
        country = holder.country or country
    if not country:
        return sole_area(name) if holder is None else None
    key = normalise(name)
    found = _named(country, key) or _named(country, strip_article(key))
    if holder is not None and holder.kind != "country" and holder.lat is not None and holder.lon is not None:
        found = tuple(a for a in found if _fits(a, holder, holder.lat, holder.lon, distance))
    if not found or any(km(a.lat, a.lon, found[0].lat, found[0].lon) > SAME_AREA_KM for a in found):
        return None  # none, or namesakes far apart that the text does not tell apart
    return found[0]


def sole_area(name: str) -> Area | None:
    """The local area a name means in a text that names no country and no place holding it: the only one so named,
    or namesakes close together, in one country alone; none for a short name (SOLE_AREA_LETTERS) or one near a
    border (SOLE_BORDER_KM)."""
    key = normalise(name)
    if len(key.replace(" ", "")) < SOLE_AREA_LETTERS or all(word in common_words() for word in key.split()):
        return None  # "Tur"; "Hospital", "Market" (some country's areas are so called)
    gaz = get_gazetteer()
    # a district's name without the traditional area news leaves off ("Afram Plains South" of Ghana's "Kwahu Afram
    # Plains South"), for a name of SOLE_TAIL_WORDS words or more: a shorter tail is often another place's name
    rows = gaz.areas_anywhere(key) or (gaz.areas_ending(key) if len(key.split()) >= SOLE_TAIL_WORDS else [])
    found = [Area(area, country, admin1, lat, lon) for country, area, admin1, lat, lon in rows]
    if not found or any(a.country != found[0].country or km(a.lat, a.lon, found[0].lat, found[0].lon) > SAME_AREA_KM
                        for a in found):
        return None
    first = found[0]
    return None if by_border(first.lat, first.lon, first.country, SOLE_BORDER_KM) else first


def _fits(area: Area, holder: Location, lat: float, lon: float, distance: float | None) -> bool:
    """Whether the area lies where the text puts the name: in or near its holder (at ``lat``, ``lon``), at the
    distance given."""
    if distance is not None:
        return abs(km(area.lat, area.lon, lat, lon) - distance) <= MEASURED_SLACK_KM
    if holder.kind == "governorate" and area.admin1:  # the source names the area's admin1: no guessing by distance
        return area.admin1 == holder.admin1
    return inside(area_location(area, area.name, "village"), holder)


def area_location(area: Area, name: str, kind: str) -> Location:
    """A Location for the place ``name`` at the area's centroid: ACLED's precision 3 for an admin area the text
    names as such ("X district"), else 2, a village near that point."""
    place_id = f"place/local-{slugify(name)}-{slugify(area.name)}-{area.country.lower()}"
    precision = 3 if kind == "district" else 2
    return Location(place_id, name, kind, area.country, area.lat, area.lon, area.admin1, precision=precision)
