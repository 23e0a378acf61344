"""One event per place (graph/extract/events/sites.py): counts dealt out over places ("eight in A and four near
B") name one event at each place, countries too, each with its own dead when the counts are the toll; a country
named beside a town, or a place the victims were taken to later, is no event of its own."""

from __future__ import annotations

import pytest

from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counted targets dealt out over towns: the sentence's toll, if any, is shared evenly (none here)
        ("Jets bombed four depots on Tuesday, two in Kisumu and two in Eldoret.",
         [("Eldoret", None), ("Kisumu", None)]),
        # the town held by the noun the count's preposition governs ("A's market quarter", "B's mosque")
        ("Shelling hit 12 homes, eight in Gulu's market quarter and four near Mbarara's mosque.",
         [("Gulu", None), ("Mbarara", None)]),
        # the second count hung from the first one's preposition, over two countries: an event in each
        ("Jets struck ten targets on Friday, eight in Syria and two in Iraq.", [("Iraq", None), ("Syria", None)]),
        ("Jets struck ten targets on Friday, eight inside Syria and two inside Iraq.",
         [("Iraq", None), ("Syria", None)]),
        # counts of the dead that add up to the toll: each place its own dead, not the even split
        ("Air strikes killed nine fighters on Friday, seven in Syria and two in Iraq.", [("Iraq", 2), ("Syria", 7)]),
        ("Gunmen killed nine people on Sunday, one in the town of Gulu and eight in the town of Mbarara.",
         [("Gulu", 1), ("Mbarara", 8)]),
        # counts of attacks, not of the dead: ACLED's even split of the toll, the remainder to the first
        ("Raiders killed seven herders on Sunday in three attacks, two near Gulu and one near Mbarara.",
         [("Gulu", 4), ("Mbarara", 3)]),
        ("Militants attacked three villages on Monday, two near Gulu and a third near Mbarara, killing six.",
         [("Gulu", 3), ("Mbarara", 3)]),
        # where the wounded died later is not where the attack happened
        ("Nine people died after gunmen attacked a bus on Sunday, seven in Kitale and two later in Nairobi, where "
         "they had been taken for treatment.", [("Kitale", 9)]),
        ("Six soldiers died after rebels ambushed a convoy on Monday, four near Gulu and two later in Mbarara, where "
         "they had been taken for treatment.", [("Gulu", 6)]),
        # where the victims came from is not where they were killed
        ("Gunmen killed nine miners on Sunday, five in Machakos and four from Somalia.", [("Machakos", 9)]),
        # a country beside its town, with no count dealt out, is the town's country, not a second event
        ("Jets bombed a depot in Kisumu, Kenya, on Tuesday.", [("Kisumu", None)]),
        # one count in one place deals nothing out
        ("Jets bombed four depots on Tuesday, all of them in Kisumu.", [("Kisumu", None)]),
    ],
)
def test_counts_dealt_out_over_places_are_one_event_each(text, expected):
    events = extract("dealt", text, "2024-03-22").events
    assert sorted((event.location, event.fatalities) for event in events) == expected


@pytest.mark.parametrize("text", ["Jets struck ten targets on Friday, eight in Syria and two in Iraq.",
                                  "Air strikes killed nine fighters on Friday, seven in Syria and two in Iraq."])
def test_a_country_dealt_a_count_is_placed_as_a_country(text):
    result = extract("dealt", text, "2024-03-22")
    located = {location.name: location for location in result.locations}
    placed = sorted((event.location, located[event.location].kind, located[event.location].precision)
                    for event in result.events)
    assert placed == [("Iraq", "country", 3), ("Syria", "country", 3)]  # the whole country, as ACLED codes it


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a village no gazetteer lists and the NER leaves unread, the second place struck beside a listed town
        ("Militias stormed Bunia and Lokanza at dawn, killing six civilians.", ["Bunia", "Lokanza"]),
        ("Insurgents attacked Maiduguri and Kondoloma overnight, killing seven people.", ["Maiduguri", "Kondoloma"]),
        # a firm or an outlet beside the place struck is no place of its own: one event
        ("Gunmen attacked Maiduguri and Dangote Flour Mills on Friday, killing three workers.", ["Maiduguri"]),
        ("Police raided Kano and Sahara Reporters on Friday, arresting 12 people.", ["Kano"]),
        # the same preposition again after "and", and the names a plural place noun lists after "of"
        ("Rebels shelled army positions near Goma and later near Sake, killing four soldiers.", ["Goma", "Sake"]),
        ("Militias burned homes in Bunia and in the villages of Lokanza and Kondoloma on Saturday, killing six.",
         ["Bunia", "Kondoloma", "Lokanza"]),
        # the two ends of one site stay one event
        ("Fighting broke out on the road between Jos and Kirundaza on Sunday, leaving nine dead.", ["Jos"]),
        # a town that shares its region's name does not hold the town named beside it
        ("Protesters marched in Gao and Ansongo on Monday.", ["Ansongo", "Gao"]),
    ],
)
def test_a_name_coordinated_with_a_place_is_one_event_more(text, places):
    events = extract("coordinated", text, "2024-03-22").events
    assert sorted(event.location for event in events) == sorted(places)


def test_a_village_beside_its_place_takes_that_place_admin_area():
    text = "Militias stormed Bunia and Lokanza at dawn."
    locations = extract("coordinated", text, "2024-03-22").locations
    village = next(location for location in locations if location.name == "Lokanza")
    town = next(location for location in locations if location.name == "Bunia")
    assert (village.country, village.admin1, village.precision) == (town.country, town.admin1, 2)


def test_an_incident_over_days_at_two_places_is_one_event_per_day_and_place():
    text = "Rebels and soldiers fought in Goma and Sake over 12-13 March, killing eight."
    events = extract("coordinated", text, "2024-03-22").events
    assert sorted((event.location, event.date) for event in events) == [
        ("Goma", "2024-03-12"), ("Goma", "2024-03-13"), ("Sake", "2024-03-12"), ("Sake", "2024-03-13")]
    assert sum(event.fatalities or 0 for event in events) == 8


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police raided Kano and Muhammadu Sanusi on Friday.", "Muhammadu Sanusi"),  # a person
        ("Soldiers attacked Maiduguri and Boko Haram on Monday.", "Boko Haram"),  # a known actor
        ("Police raided Kano and Sahara Reporters on Friday.", "Sahara Reporters"),  # an outlet
    ],
)
def test_a_person_or_group_beside_the_place_struck_is_no_place(text, name):
    locations = extract("coordinated", text, "2024-03-22").locations
    assert name not in [location.name for location in locations]
    assert locations  # the place struck itself is read


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the parser hangs the second name from the first ("conj"), not from the plural noun both qualify
        ("Gunmen attacked villages in Zamfara and in the Sokoto and Kebbi states on Sunday.",
         ["Kebbi", "Sokoto", "Zamfara"]),
        # a name hung from its admin noun as "nmod", then another preposition after "and"
        ("Police dispersed protesters in the Kaduna and Katsina states and in Abuja on Monday.",
         ["Abuja", "Kaduna", "Katsina"]),
        ("Herders and farmers clashed in the Plateau and Benue states on Sunday, killing ten.", ["Benue", "Plateau"]),
        # a singular noun after two names is one area between them: one event
        ("Gunmen ambushed a convoy in the Tigray and Afar border area on Friday.", ["Tigray Region"]),
    ],
)
def test_names_qualifying_one_plural_admin_noun_are_one_event_each(text, places):
    events = extract("qualified", text, "2024-03-22").events
    assert sorted(event.location for event in events) == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "as well as" joins a second place as "and" does, either way round; the toll is shared as ACLED does
        ("Clashes broke out in Gao as well as Ansongo on Monday, killing four.", [("Ansongo", 2), ("Gao", 2)]),
        ("Fighting was reported near Ansongo as well as Gao on Monday.", [("Ansongo", None), ("Gao", None)]),
        ("Riots broke out in Kisumu as well as in Kakamega on Tuesday.", [("Kakamega", None), ("Kisumu", None)]),
        # a person or a thing joined to the place is no place
        ("Police arrested protesters in Bamako as well as Adama Kelibo on Monday.", [("Bamako", None)]),
        ("Police arrested protesters in Bamako as well as their leaders on Monday.", [("Bamako", None)]),
    ],
)
def test_a_place_joined_by_as_well_as_is_one_event_more(text, expected):
    events = extract("joined", text, "2024-03-22").events
    assert sorted((event.location, event.fatalities) for event in events) == expected
