"""A village no gazetteer lists, put at a distance and bearing from a named place ("X, 60 km north of Y"), lies
that far along the bearing; without a bearing it keeps the point of the place it is measured from."""

from __future__ import annotations

import math

import pytest

from graph.extract.places.holders import km
from graph.extract.places.offsets import moved
from graph.records import Location
from tests.place_mentions import places_in

NIAMEY = (13.5137, 2.1098)

# (sentence, village, distance from Niamey's point in km, bearing from it in degrees or None for "at Niamey")
OFFSETS = [
    ("Gunmen killed nine farmers in Kourfey, 60 km north of Niamey, on Sunday.", "Kourfey", 60, 0),
    ("Bandits raided Dangara, some 60 kilometres (37 miles) west of the capital Niamey, on Friday.", "Dangara", 60,
     270),
    ("Gunmen killed nine farmers in Kourfey, 25 miles east of Niamey, on Sunday.", "Kourfey", 40.2, 90),
    ("Gunmen killed nine farmers in Kourfey, 800 metres south of Niamey, on Sunday.", "Kourfey", 0.8, 180),
    # no bearing: the village keeps the point of the town it is measured from
    ("Gunmen killed nine farmers in Kourfey, 60 km from Niamey, on Sunday.", "Kourfey", 0, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "village", "distance", "bearing"), OFFSETS)
def test_a_village_lies_where_its_distance_and_bearing_put_it(nlp, text, village, distance, bearing):
    found = places_in(nlp, text)
    assert village in found, f"{village!r} not among {sorted(found)}"
    location = found[village]
    assert (location.country, location.precision) == ("NE", 2)
    assert km(location.lat, location.lon, *NIAMEY) == pytest.approx(distance, abs=0.5)
    if bearing is not None and distance >= 1:
        north, east = location.lat - NIAMEY[0], location.lon - NIAMEY[1]
        assert round(math.degrees(math.atan2(east, north))) % 360 == bearing


@pytest.mark.slow
def test_a_listed_town_keeps_its_own_point(nlp):
    found = places_in(nlp, "Gunmen attacked Tillaberi, 100 km north of Niamey, on Sunday.")
    assert km(found["Tillaberi"].lat, found["Tillaberi"].lon, 14.2071, 1.4542) < 1


@pytest.mark.parametrize(("distance", "bearing"), [(None, 0), (50, None), (0, 90)])
def test_moved_needs_a_distance_and_a_bearing(distance, bearing):
    place = Location(id="place/x", name="X", kind="village", lat=10.0, lon=20.0)
    assert moved(place, distance, bearing) == place


def test_moved_goes_along_the_bearing():
    place = Location(id="place/x", name="X", kind="village", lat=0.0, lon=0.0)
    east = moved(place, 111.195, 90)
    assert (east.lat, round(east.lon, 2)) == (0.0, 1.0)
    assert moved(Location(id="place/y", name="Y", kind="village"), 5, 0).lat is None  # no point to move from
