"""A place the text puts at a distance and bearing from another: "X, about 80 km north of Y".

ACLED codes a village it cannot find at the town it is measured from; when the text gives the bearing as
well, the village's own point is that far along it, which is where a reader (and a map) would put it.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.places.references import distance_unit
from graph.extract.places.words import BEARINGS
from graph.records import Location

__all__ = ["measured_from", "moved"]

_APPROX = frozenset(("some", "about", "around", "roughly", "approximately", "nearly", "almost"))
_MILES = frozenset(("mile", "miles", "mi"))
_METRES = frozenset(("metres", "meters", "m"))
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
KM_PER_MILE = 1.609
EARTH_KM = 6371.0


def measured_from(doc: Doc, i: int) -> tuple[int, float | None, float | None] | None:
    """After "[,] [about] 10 km [(6 miles)] [east] of" or "10kms from" at token ``i``: the token where the
    place measured from starts, the distance in km and the bearing (None when the text gives none)."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in _APPROX:
        i += 1
    if i + 1 < len(doc) and doc[i].like_num and distance_unit(doc[i + 1].lower_):
        distance, unit = _number(doc[i].text), doc[i + 1].lower_
        i += 2
    elif i < len(doc) and distance_unit(doc[i].lower_):  # "10kms": number and unit in one token
        distance, unit = _number(doc[i].text), doc[i].lower_.lstrip("0123456789.,")
        i += 1
    else:
        return None
    if distance is not None:
        distance *= KM_PER_MILE if unit in _MILES else 0.001 if unit in _METRES else 1
    if i < len(doc) and doc[i].text == "(":  # "100 kilometres (60 miles)": the same distance again
        close = next((j for j in range(i + 1, min(i + 6, len(doc))) if doc[j].text == ")"), None)
        i = close + 1 if close is not None else i
    bearing = BEARINGS.get(doc[i].lower_) if i < len(doc) else None
    if bearing is not None:
        i += 1
    if i < len(doc) and doc[i].lower_ in ("of", "from"):
        return i + 1, distance, bearing
    return None


def moved(location: Location, distance: float | None, bearing: float | None) -> Location:
    """The location taken ``distance`` km along ``bearing`` from its point (unchanged without either)."""
    if location.lat is None or location.lon is None or not distance or bearing is None:
        return location
    lat1, lon1, arc, theta = map(math.radians, (location.lat, location.lon, distance / EARTH_KM * 180 / math.pi,
                                                bearing))
    lat2 = math.asin(math.sin(lat1) * math.cos(arc) + math.cos(lat1) * math.sin(arc) * math.cos(theta))
    lon2 = lon1 + math.atan2(math.sin(theta) * math.sin(arc) * math.cos(lat1),
                             math.cos(arc) - math.sin(lat1) * math.sin(lat2))
    return replace(location, lat=round(math.degrees(lat2), 4), lon=round(math.degrees(lon2), 4))


def _number(text: str) -> float | None:
    """The distance a token opens with in digits ("10", "1,500", "2.5", "10kms"), or None ("ten")."""
    found = _DIGITS.match(text)
    return float(found.group().replace(",", "")) if found else None
