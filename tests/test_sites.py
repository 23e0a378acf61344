"""One event per place (graph/extract/events/sites.py): counts dealt out over places ("four near A, two at B")
name one event at each place, countries too; a country named beside a town stays no event of its own."""

from __future__ import annotations

import pytest

from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # counted targets dealt out over towns, with or without a place noun before the name
        ("Jets bombed four depots on Tuesday, two in Kisumu and two in Eldoret.", ["Kisumu", "Eldoret"]),
        ("Rebels burned three granaries on Sunday, one outside the town of Mombasa and two at Eldoret.",
         ["Mombasa", "Eldoret"]),
        # over two countries: an event in each
        ("Warplanes destroyed seven depots on Friday, five inside Lebanon and two inside Syria.", ["Lebanon", "Syria"]),
        # a country beside its town, with no count dealt out, is the town's country, not a second event
        ("Jets bombed a depot in Kisumu, Kenya, on Tuesday.", ["Kisumu"]),
        # one count in one place deals nothing out
        ("Jets bombed four depots on Tuesday, all of them in Kisumu.", ["Kisumu"]),
    ],
)
def test_counts_dealt_out_over_places_are_one_event_each(text, places):
    events = extract("dealt", text, "2024-03-22").events
    assert sorted(event.location for event in events) == sorted(places)


def test_a_toll_told_of_incidents_dealt_out_is_divided_among_their_places():
    text = "Gunmen shot dead nine herders in raids on Sunday, one raid at the port of Mombasa and two more at Eldoret."
    events = extract("dealt", text, "2024-03-22").events
    assert sorted(event.location for event in events) == ["Eldoret", "Mombasa"]
    assert sorted(event.fatalities or 0 for event in events) == [4, 5]  # ACLED's even split, the remainder to one


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a village no gazetteer lists, the second object of an attack or a capture
        ("Gunmen raided Bunia and Tembowa on Tuesday, killing six villagers.", ["Bunia", "Tembowa"]),
        ("Troops cleared Maiduguri and Tembowa of militants on Monday, killing four.", ["Maiduguri", "Tembowa"]),
        # the pair's own preposition, not a "between" higher up, says whether they are the two ends of one site
        ("Clashes between herders and farmers in Jos and Kirundaza left nine people dead on Sunday.",
         ["Jos", "Kirundaza"]),
        ("Fighting broke out on the road between Jos and Kirundaza on Sunday, leaving nine dead.", ["Jos"]),
        # "the A area and then the towns of B and C": one place per name, the area's too
        ("Fighting in the Beni area and then in the towns of Mwelikoro and Sokandu left five dead.",
         ["Beni", "Mwelikoro", "Sokandu"]),
        # a city that shares its province's name does not hold the village named beside it
        ("Gunmen killed four people in Kano and Dawakiya on Friday.", ["Dawakiya", "Kano"]),
    ],
)
def test_a_name_coordinated_with_a_place_is_one_event_more(text, places):
    events = extract("coordinated", text, "2024-03-22").events
    assert sorted(event.location for event in events) == sorted(places)


def test_a_village_beside_its_place_takes_that_place_admin_area():
    locations = extract("coordinated", "Gunmen raided Bunia and Tembowa on Tuesday.", "2024-03-22").locations
    village = next(location for location in locations if location.name == "Tembowa")
    town = next(location for location in locations if location.name == "Bunia")
    assert (village.country, village.admin1, village.precision) == (town.country, town.admin1, 2)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police raided Kano and Muhammadu Sanusi on Friday.", "Muhammadu Sanusi"),  # a person
        ("Soldiers attacked Maiduguri and Boko Haram on Monday.", "Boko Haram"),  # a known actor
    ],
)
def test_a_person_or_group_beside_the_place_struck_is_no_place(text, name):
    locations = extract("coordinated", text, "2024-03-22").locations
    assert name not in [location.name for location in locations]
    assert locations  # the place struck itself is read
