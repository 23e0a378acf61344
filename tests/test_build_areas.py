"""The local areas' build: an area the source files under the wrong country (it is a listed town of the neighbour,
a few km away) is left out of areas.tsv; a real twin across a border keeps its area."""

from __future__ import annotations

import pytest

from graph.extract.places.gazetteer import get_gazetteer, normalise
from tools.build_areas import foreign_twin

# (name, country the source files it under, centroid): the listed town of that name lies in another country
MISFILED = [
    ("Ferkéssédougou", "BF", 9.7206, -5.1865),  # the Ivorian town, 14 km away
    ("Kadiolo", "BF", 10.5715, -5.785),  # the Malian town
    ("Kagano", "CD", -2.3566, 29.1117),  # a Rwandan town by Lake Kivu
    ("KHAR", "AF", 34.7248, 71.4843),  # the Pakistani town in Bajaur
    ("Baruipur", "BD", 22.3386, 88.4782),  # the Indian town near Kolkata
]
# areas of their own country: a place of that country is nearer than the namesake abroad, or none lies near
KEPT = [
    ("Busia", "UG", 0.418, 34.0059),  # Busia District, Uganda, 2 km; Kenya's Busia 13 km
    ("Moyale", "KE", 3.8284, 39.1655),  # no Moyale within 15 km
    ("EL WAK", "SO", 2.7737, 41.462),  # Kenya's El Wak is 59 km away
]


@pytest.mark.parametrize(("name", "country", "lat", "lon"), MISFILED)
def test_an_area_that_is_a_town_of_the_neighbour_is_left_out(name, country, lat, lon):
    assert foreign_twin(name, country, lat, lon)
    assert get_gazetteer().local_areas(country, normalise(name)) == []  # and areas.tsv was rebuilt without it


@pytest.mark.parametrize(("name", "country", "lat", "lon"), KEPT)
def test_an_area_of_its_own_country_is_kept(name, country, lat, lon):
    assert not foreign_twin(name, country, lat, lon)
    assert get_gazetteer().local_areas(country, normalise(name))
