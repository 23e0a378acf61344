"""Places in the story's country: a big town only one country has tells the country, a region named with its
noun ("the Eastern region") is found in that country, "X and in Y" puts no place inside another, and a place
word inside an armed group's name ("Sinai Province") is no place."""

from __future__ import annotations

import pytest

from graph.extract.places.find import find_places
from tests.place_mentions import places_in

# (sentence, mention, name, country, admin1, ACLED precision)
IN_THE_STORYS_COUNTRY = [
    # a city no other country has a namesake of tells the country; its region is that country's, not abroad
    ("Traders rallied in Accra and in the Northern region against new levies.", "Northern region",
     "Northern", "GH", "Northern", 3),
    ("Traders rallied in Accra and in the Northern region against new levies.", "Accra",
     "Accra", "GH", "Greater Accra", 1),
    ("Nurses went on strike in Kumasi and in the Western region on Monday.", "Western region",
     "Western", "GH", "Western", 3),
    # the country named beside the region
    ("Traders protested in the Eastern region of Ghana on Tuesday.", "Eastern region", "Eastern", "GH", "Eastern", 3),
    # a region the gazetteer lists with its noun keeps that reading in its own country
    ("Police clashed with cattle raiders in the Eastern Region of Uganda.", "Eastern Region",
     "Eastern Region", "UG", "Eastern Region", 3),
    # "X and in Y region": two places, the town keeps its own point
    ("Traders protested in Kumasi and in the Eastern region on Tuesday.", "Kumasi", "Kumasi", "GH", "Ashanti", 1),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), IN_THE_STORYS_COUNTRY)
def test_places_fall_in_the_storys_country(nlp, text, mention, name, country, admin1, precision):
    found = places_in(nlp, text)
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    location = found[mention]
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        # the place word of an armed group's name is no place, though the region is in the gazetteer
        ("Four members of Sinai Province stormed a home near Al-Arish in Egypt.", {"Sinai", "Sinai Province"}),
    ],
)
def test_a_place_inside_an_armed_groups_name_is_no_place(nlp, text, not_places):
    assert not not_places & set(places_in(nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "name", "country"),
    [
        # a town between two places of an address is a place, though the NER reads it as a people
        ("Three militiamen were killed in a firefight in Sitio Bato, Barangay Tapi, Himamaylan, Negros Occidental, "
         "on Tuesday.", "Himamaylan", "Himamaylan", "PH"),
    ],
)
def test_a_name_inside_an_address_is_a_place(nlp, text, mention, name, country):
    found = places_in(nlp, text)
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    assert (found[mention].name, found[mention].country) == (name, country)


@pytest.mark.slow
def test_a_person_between_commas_before_a_place_is_no_place(nlp):
    text = "Twelve farmers were killed, Noella Kambale, Beni's civil society president, said on Monday."
    assert not {"Noella Kambale", "Noella", "Kambale"} & set(places_in(nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names_actor", "place"),
    [
        # a unit named after its home town: the town says who fought, the other place where
        ("Fighters of the Zintan brigade clashed with police in Sabratha on Monday.", "Zintan", "Sabratha"),
        ("Clashes broke out between the Bani Walid battalion and a rival militia in Tarhuna.", "Bani Walid",
         "Tarhuna"),
        # the place that ends a group's name before its actor noun
        ("Troops fought Defenders of Kidal militants dug in near Anefis.", "Kidal", "Anefis"),
    ],
)
def test_a_place_that_names_a_unit_names_an_actor(nlp, text, names_actor, place):
    doc = nlp(text)
    actor = {doc[m.start : m.end].text: m.actor for m in find_places(doc)}
    assert actor.get(names_actor) is True and actor.get(place) is False, actor
