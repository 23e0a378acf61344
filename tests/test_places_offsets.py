"""A village no gazetteer lists, put at a distance and bearing from a named place ("X, 60 km north of Y"), lies
that far along the bearing; without a bearing it keeps the point of the place it is measured from."""

from __future__ import annotations

import math

import pytest

from graph.extract.places.holders import km
from graph.extract.places.offsets import moved
from graph.records import Location
from tests.place_mentions import place_of, places_in

BAMAKO = (12.6091, -7.9752)

# (sentence, village, distance from Bamako's point in km, bearing from it in degrees or None for "at Bamako")
OFFSETS = [
    ("Gunmen torched Banzanko, 40 km north of Bamako, on Sunday.", "Banzanko", 40, 0),
    ("Police found three bodies in Ntoubana, some 30 miles (48 km) south of the capital Bamako, on Friday.",
     "Ntoubana", 48.3, 180),
    ("Herders were robbed in Fienkoro, 25 miles east of Bamako, late on Tuesday.", "Fienkoro", 40.2, 90),
    ("A mine exploded in Dialanbougou, 800 metres west of Bamako, on Monday.", "Dialanbougou", 0.8, 270),
    # no bearing: the village keeps the point of the town it is measured from
    ("Gunmen abducted a trader in Fienkoro, 60 km from Bamako, on Sunday.", "Fienkoro", 0, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "village", "distance", "bearing"), OFFSETS)
def test_a_village_lies_where_its_distance_and_bearing_put_it(nlp, text, village, distance, bearing):
    location = place_of(nlp, text, village)
    assert (location.country, location.precision) == ("ML", 2)
    assert km(location.lat, location.lon, *BAMAKO) == pytest.approx(distance, abs=0.5)
    if bearing is not None and distance >= 1:
        north, east = location.lat - BAMAKO[0], location.lon - BAMAKO[1]
        assert round(math.degrees(math.atan2(east, north))) % 360 == bearing


@pytest.mark.slow
def test_a_listed_town_keeps_its_own_point(nlp):
    found = places_in(nlp, "Rebels shelled Koulikoro, 50 km north-east of Bamako, overnight.")
    assert km(found["Koulikoro"].lat, found["Koulikoro"].lon, 12.8627, -7.5598) < 1


@pytest.mark.parametrize(("distance", "bearing"), [(None, 0), (50, None), (0, 90)])
def test_moved_needs_a_distance_and_a_bearing(distance, bearing):
    place = Location(id="place/x", name="X", kind="village", lat=10.0, lon=20.0)
    assert moved(place, distance, bearing) == place


def test_moved_goes_along_the_bearing():
    place = Location(id="place/x", name="X", kind="village", lat=0.0, lon=0.0)
    east = moved(place, 111.195, 90)
    assert (east.lat, round(east.lon, 2)) == (0.0, 1.0)
    assert moved(Location(id="place/y", name="Y", kind="village"), 5, 0).lat is None  # no point to move from
