"""Sites named after a place: "the Machakos courthouse" stands in the town Machakos; "the Zamzam barracks" is a
site's own name, not the camp of that name in another country."""

from __future__ import annotations

import pytest

from tests.place_mentions import place_of, places_in

# (sentence, mention, name, country): a town's name before a facility noun is the town, found even where the NER
# tags nothing.
TOWNS = [
    ("Teachers rallied outside the Polokwane legislature over late salaries.", "Polokwane", "Polokwane", "ZA"),
    ("Health workers picketed the Kericho hospital for unpaid wages.", "Kericho", "Kericho", "KE"),
    ("Farmers marched to the Machakos courthouse to protest.", "Machakos", "Machakos", "KE"),
    ("Rebels shelled the Beni airport at night.", "Beni", "Beni", "CD"),
    # capitalised qualifiers between the town and the facility, and a facility in the NER's organisation name
    ("Nurses went on strike at Gulu Regional Referral Hospital.", "Gulu", "Gulu", "UG"),
    ("Students at Lira State University boycotted lectures.", "Lira", "Lira", "UG"),
    ("Lawyers gathered outside the Embu Law Courts on Monday.", "Embu", "Embu", "KE"),
    # an institution with its acronym opening the text is no dateline ("KABUL (AP)")
    ("Jinja General Hospital (JGH) said it had run out of blood.", "Jinja", "Jinja", "UG"),
    ("A judge at the Machakos Chief Magistrate's Court freed the suspects on bail.", "Machakos", "Machakos", "KE"),
    # "the hospital of X", "the port of X": a small town the NER tags nothing in, named after a site's noun and "of"
    ("Nurses at the hospital of Taveta walked out over pay.", "Taveta", "Taveta", "KE"),
    ("Dockers struck at the port of Vipingo on Monday.", "Vipingo", "Vipingo", "KE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country"), TOWNS)
def test_a_towns_facility_stands_in_the_town(nlp, text, mention, name, country):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.kind in ("city", "town")) == (name, country, True)


# (sentence, the camp's name, the place that is read, its country): before a facility noun a camp's name names the
# site, and so neither is a place nor pulls a namesake of the real place into the camp's country.
SITES = [
    ("Soldiers took over the Zamzam barracks in Misrata on Friday.", "Zamzam", "Misratah", "LY"),
    ("Gunmen attacked the Rukban base near Sabha at dawn.", "Rukban", "Sabha", "LY"),
    ("The Kakuma prison in Kampala was closed.", "Kakuma", "Kampala", "UG"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "site", "name", "country"), SITES)
def test_a_camps_name_before_a_facility_noun_is_no_place(nlp, text, site, name, country):
    found = places_in(nlp, text)
    assert site not in found, f"{site!r} read as {found.get(site)}"
    assert [(loc.name, loc.country) for loc in found.values()] == [(name, country)]


# (sentence, mention, name, country, lat, lon): a known military air base is its airfield's point, under any of
# its "X airbase" spellings; the bare name of a town that a base is named after still means the town.
AIR_BASES = [
    (
        "Satellite images showed new bombers parked at the Engels airbase.",
        "Engels airbase",
        "Engels Air Base",
        "RU",
        51.48,
        46.21,
    ),
    (
        "A Russian transport plane landed at the Hmeimim airbase late on Sunday.",
        "Hmeimim airbase",
        "Hmeimim Air Base",
        "SY",
        35.41,
        35.95,
    ),
    ("Israeli jets struck the T4 airbase east of Homs.", "T4 airbase", "Tiyas Air Base", "SY", 34.52, 37.63),
    (
        "US troops at the Ain al-Asad airbase were placed on alert.",
        "Ain al-Asad airbase",
        "Ain al-Asad Air Base",
        "IQ",
        33.79,
        42.44,
    ),
    (
        "The last American soldiers handed over the Bagram airfield to the army.",
        "Bagram airfield",
        "Bagram Air Base",
        "AF",
        34.95,
        69.27,
    ),
    ("Rockets hit Balad town in Iraq on Tuesday.", "Balad", "Balad", "IQ", 34.01, 44.15),
    ("Farmers in Nevatim, Israel, complained about the water price.", "Nevatim", "Nevatim", "IL", 31.22, 34.88),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "lat", "lon"), AIR_BASES)
def test_an_air_base_is_its_airfields_point(nlp, text, mention, name, country, lat, lon):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country) == (name, country)
    assert abs(location.lat - lat) < 0.1 and abs(location.lon - lon) < 0.1


# (sentence, mention, name, country): a city district before a court's name is the district
DISTRICT_COURTS = [
    ("The Rubaga Chief Magistrate's Court adjourned the treason case.", "Rubaga", "Rubaga", "UG"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country"), DISTRICT_COURTS)
def test_a_city_districts_court_stands_in_the_district(nlp, text, mention, name, country):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.precision) == (name, country, 1)


# (sentence, name): a town's name before an organisation word that is no facility still names a group
GROUPS = [
    ("The Daraa Military Council rejected the truce.", "Daraa"),
    ("The Aleppo Brigade withdrew from the front.", "Aleppo"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name"), GROUPS)
def test_a_towns_name_in_a_groups_name_is_no_place(nlp, text, name):
    assert name not in places_in(nlp, text)


# (sentence, name): an outlet's name before "newspaper" and a continent's name are no towns
NOT_TOWNS = [
    ("A reporter for The Star newspaper was held at a roadblock.", "Star"),
    ("Delegates from across Africa met in Addis Ababa.", "Africa"),
    ("Hawkers were cleared from Africa Freedom Park at dawn.", "Africa"),
    ("Investors in Asia sold their bonds.", "Asia"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name"), NOT_TOWNS)
def test_an_outlet_or_a_continent_is_no_town(nlp, text, name):
    found = places_in(nlp, text)
    assert not any(name in mention for mention in found), found
