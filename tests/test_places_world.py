"""Continents and world regions are scopes, never places: "Asia" is also a town abroad, and a locative before a
continent ("in Europe") must not make it a village of the story's country."""

from __future__ import annotations

import pytest

from graph.extract.places.gazetteer import get_gazetteer, normalise
from tests.place_mentions import places_in

# (sentence, the place that must still be read, its country)
SCOPES = [
    ("Gunmen attacked a market in Maiduguri on Monday; leaders in Asia and Europe condemned the attack.",
     "Maiduguri", "NG"),
    ("The raid near Gao is the latest in a wave of attacks across West Africa, officials in Bamako said.",
     "Gao", "ML"),
    ("Drones struck a fuel depot in Kherson as ministers from Europe met to discuss aid.", "Kherson", "UA"),
    ("Protesters marched in Khartoum, echoing rallies across the Middle East and North Africa.", "Khartoum", "SD"),
    ("Fighting in Goma has displaced thousands, the worst crisis in Central Africa this year.", "Goma", "CD"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "place", "country"), SCOPES)
def test_a_continent_is_no_place_and_the_story_place_stays(nlp, text, place, country):
    found = places_in(nlp, text)
    assert found[place].country == country
    regions = get_gazetteer().world_regions
    assert not [words for words in found if normalise(words).removeprefix("the ") in regions], found


@pytest.mark.parametrize("name", ["Africa", "Asia", "Europe", "Middle East", "West Africa", "Southeast Asia"])
def test_world_regions_list_the_continents_and_regions(name):
    assert normalise(name) in get_gazetteer().world_regions


@pytest.mark.parametrize("name", ["Sahel", "South Africa", "Central African Republic", "Asir"])
def test_world_regions_leave_out_places(name):
    assert normalise(name) not in get_gazetteer().world_regions
