"""Admin1 units the gazetteer used to lack (source points missing or abroad), and direction-only names."""

from __future__ import annotations

import pytest

from graph.extract.places.find import find_places
from graph.extract.places.gazetteer import get_gazetteer

# (sentence, mention, name, country, admin1, ACLED precision)
ADMIN1 = [
    ("A homemade bomb injured seven people in anglophone Northwest province of Cameroon.", "Northwest province",
     "Northwest Region", "CM", "Northwest Region", 3),
    ("Separatists burned a school in Cameroon's Southwest Region.", "Southwest Region", "Southwest Region", "CM",
     "Southwest Region", 3),
    ("Fighting displaced thousands in Unity state, South Sudan.", "Unity", "Unity", "SS", "Unity", 3),
    ("Rwandan police arrested ten men in Eastern Province.", "Eastern Province", "Eastern Province", "RW",
     "Eastern Province", 3),
    # a compound direction in any of its three spellings
    ("Opposition members marched in Mwinilunga in Zambia's North-Western Province.", "North-Western Province",
     "Northwestern Province", "ZM", "Northwestern Province", 3),
    # a unit whose name opens with a direction word, written in lower case: the whole name, not its last word
    # ("Juba" alone is South Sudan's capital) nor nothing ("Kivu" read as a person)
    ("Troops pushed the militants out of two villages in the middle Shabelle region.", "middle Shabelle",
     "Middle Shebelle", "SO", "Middle Shebelle", 3),
    ("Clan fighters clashed near the coast in lower Juba on Friday.", "lower Juba", "Lower Juba", "SO", "Lower Juba",
     3),
    ("Refugees fled the fighting in north Kivu last month.", "north Kivu", "Nord-Kivu", "CD", "Nord-Kivu", 3),
    ("Floods and clashes displaced herders in upper Nile state.", "upper Nile", "Upper Nile", "SS", "Upper Nile", 3),
    # the Somali "Jubba" spelling of the two Juba regions (OCHA and Somali media)
    ("Drones struck a militant camp in Lower Jubba region on Sunday.", "Lower Jubba", "Lower Juba", "SO",
     "Lower Juba", 3),
    ("Clan militias clashed over grazing land in Middle Jubba.", "Middle Jubba", "Middle Juba", "SO", "Middle Juba", 3),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "precision"), ADMIN1)
def test_admin1_units_are_geocoded(nlp, text, mention, name, country, admin1, precision):
    doc = nlp(text)
    found = {doc[p.start : p.end].text: p.location for p in find_places(doc)}
    assert mention in found, f"{mention!r} not among {sorted(found)}"
    location = found[mention]
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, precision)


def test_admin1_points_lie_in_their_country():
    """Every restored unit has a point near its country's towns, not the source's point abroad."""
    gaz = get_gazetteer()
    for name, country, lat, lon in [("Unity", "SS", 9.0, 30.0), ("Northwest Region", "CM", 6.2, 10.3),
                                    ("Eastern Province", "RW", -1.8, 30.4), ("Northern", "SD", 19.0, 31.0)]:
        (unit,) = [p for p in gaz.lookup(name) if p.kind == "governorate" and p.country == country]
        assert abs(unit.lat - lat) < 1.5 and abs(unit.lon - lon) < 1.5, unit


@pytest.mark.parametrize("word", ["North", "South", "Centre", "Northwest", "Central", "West"])
def test_a_bare_direction_names_no_admin1_unit(word):
    """"North" alone is half the world's regions: a unit called so is found only with its type word."""
    assert [p for p in get_gazetteer().lookup(word) if p.kind == "governorate"] == []


@pytest.mark.parametrize("spelling", ["Northwestern Province", "North-Western Province", "North Western Province"])
def test_compound_directions_are_spelt_three_ways(spelling):
    assert "ZM" in {p.country for p in get_gazetteer().lookup(spelling) if p.kind == "governorate"}


@pytest.mark.parametrize("name", ["Northern Region", "Western Province", "Central Region"])
def test_geocoding_an_admin_name_leaves_the_gazetteers_kept_lookup_as_it_was(name: str) -> None:
    """Adding the stem's admin units ("Northern" for "Northern Region") to the candidates must not grow the
    list the gazetteer keeps for the name, or later look-ups would depend on which name was geocoded first."""
    from graph.extract.places.geocode import resolve

    gazetteer = get_gazetteer()
    kept = list(gazetteer.lookup(name))
    resolve(name)
    assert gazetteer.lookup(name) == kept
