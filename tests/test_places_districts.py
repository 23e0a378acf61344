"""City districts that news names alone ("a blast in Wadajir"): each is a place of its own inside its city, with the
district's point and ACLED's geo-precision 1, found under the spellings English and Somali news use."""

from __future__ import annotations

import pytest

from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.holders import km
from tests.place_mentions import place_of

# (sentence, mention, name, country, admin1, the city it lies in)
DISTRICTS = [
    (
        "A roadside bomb went off in Wadajir as a minister's convoy passed.",
        "Wadajir",
        "Wadajir",
        "SO",
        "Banaadir",
        "Mogadishu",
    ),
    (
        "Traders in Shingaani closed their shops after the tax rise.",
        "Shingaani",
        "Shangani",
        "SO",
        "Banaadir",
        "Mogadishu",
    ),
    (
        "Opposition supporters marched through Rubaga on Thursday.",
        "Rubaga",
        "Rubaga",
        "UG",
        "Central Region",
        "Kampala",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "name", "country", "admin1", "city"), DISTRICTS)
def test_a_city_district_is_a_point_inside_its_city(nlp, text, mention, name, country, admin1, city):
    location = place_of(nlp, text, mention)
    assert (location.name, location.country, location.admin1, location.precision) == (name, country, admin1, 1)
    town = next(p for p in get_gazetteer().lookup(city) if p.kind == "city" and p.country == country)
    assert km(location.lat, location.lon, town.lat, town.lon) < 25


# (spelling, the town it names): common English spellings of Libyan towns that GeoNames spells otherwise
SPELLINGS = [("Tajoura", "Tajura'"), ("Janzour", "Janzur")]


@pytest.mark.parametrize(("spelling", "town"), SPELLINGS)
def test_news_spellings_of_libyan_towns(spelling, town):
    first = get_gazetteer().lookup(spelling)[0]
    assert (first.name, first.country) == (town, "LY")
