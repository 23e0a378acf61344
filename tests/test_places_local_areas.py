"""Local administrative areas: a village no gazetteer lists takes the centroid of the area of its name, where the
text's container agrees, and no point when same-named areas of its country lie far apart."""

from __future__ import annotations

import pytest

from graph.extract.places.areas import Area, area_location, local_area
from graph.extract.places.holders import km
from graph.records import Location
from tests.place_mentions import place_of
from tools.build_areas import _keys, _mended

KERICHO_AREA = (-0.2709, 35.2764)  # the Kenyan ward of our test village, 11 km from Kericho town
UASIN_GISHU_AREA = (0.5278, 35.252)  # of two same-named Kenyan wards, the one in Uasin Gishu County
NAIROBI_AREA = (-1.257, 36.8721)  # and the one in Nairobi


# (sentence, mention, country, admin1, area point or None, ACLED precision)
SENTENCES = [
    # only the country is named: the one area of the name in that country
    ("Gunmen raided the village of Dinangourou in Mali on Tuesday.", "Dinangourou", "ML", "Mopti Region",
     (14.4832, -2.3482), 2),
    # named in a country part: the area lies in that part
    ("Police fired tear gas at traders in Batcham, in western Cameroon.", "Batcham", "CM", "West Region",
     (5.5725, 10.1975), 2),
    # "X village in Y County": the area inside the county
    ("Herders clashed with farmers near Ainamoi village in Kericho County.", "Ainamoi", "KE", "Kericho",
     KERICHO_AREA, 2),
    # "X, Y province"
    ("Armed men killed two fishermen in Meponda, Niassa province, at dawn.", "Meponda", "MZ", "Niassa Province",
     (-13.3017, 34.916), 2),
    # of two same-named wards, the county tells which
    ("Youths burned tyres at a roadblock in Huruma village in Uasin Gishu County.", "Huruma", "KE", "Uasin Gishu",
     UASIN_GISHU_AREA, 2),
    # "X, 10 km from Y" where the area lies about that far from the town: the area's own point
    ("Bandits stole cattle at Ainamoi, about 10 km from Kericho, on Sunday.", "Ainamoi", "KE", "Kericho",
     KERICHO_AREA, 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country", "admin1", "point", "precision"), SENTENCES)
def test_village_takes_its_local_area(nlp, text, mention, country, admin1, point, precision):
    location = place_of(nlp, text, mention)
    assert (location.country, location.admin1, location.precision) == (country, admin1, precision)
    assert (location.lat, location.lon) == point


# (sentence, mention, country, the point the text gives or None, km from it): the area is not used
NOT_THE_AREA = [
    # two same-named wards 270 km apart, and only the country named: no point rather than a guess
    ("Youths burned tyres at a roadblock in Huruma village in Kenya.", "Huruma", "KE", None, None),
    # the county the text names lies far from the only area of the name: the county's point stands
    ("Herders clashed with farmers near Ainamoi village in Turkana County.", "Ainamoi", "KE", (3.3122, 35.5658), 0),
    # the text's distance does not fit the area: the point measured from the town stands
    ("Bandits stole cattle at Ainamoi, 150 km north of Kericho, on Sunday.", "Ainamoi", "KE", (-0.3677, 35.2831),
     150),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country", "point", "distance"), NOT_THE_AREA)
def test_village_keeps_the_text_point_when_the_area_disagrees(nlp, text, mention, country, point, distance):
    location = place_of(nlp, text, mention)
    assert location.country == country
    if point is None:
        assert location.lat is None
    else:
        assert location.lat is not None and location.lon is not None
        assert abs(km(location.lat, location.lon, *point) - distance) < 1


def _holder(name: str, kind: str, country: str, lat: float, lon: float, admin1: str | None = None) -> Location:
    return Location(id=f"place/{name.lower()}", name=name, kind=kind, country=country, lat=lat, lon=lon,
                    admin1=admin1)


UASIN_GISHU = _holder("Uasin Gishu", "governorate", "KE", 0.5528, 35.3027, "Uasin Gishu")
NAIROBI = _holder("Nairobi", "city", "KE", -1.2833, 36.8167, "Nairobi Area")
KERICHO = _holder("Kericho", "town", "KE", -0.3677, 35.2831, "Kericho")
KENYA = Location(id="place/kenya", name="Kenya", kind="country", country="KE")

# (name, country, holder, distance, expected area point or None)
LOOKUPS = [
    ("Ainamoi", "KE", None, None, KERICHO_AREA),
    ("ainamoi", "KE", None, None, KERICHO_AREA),  # the key is blind to case
    ("Ainamoi", "UG", None, None, None),  # only in its own country
    ("Ainamoi", None, None, None, KERICHO_AREA),  # no country named: the only country with an area so named
    ("Huruma", None, None, None, None),  # ... but not two of one name far apart
    ("Ainamoi", None, KERICHO, None, KERICHO_AREA),  # the holder gives the country
    ("Ainamoi", "KE", KERICHO, 10.0, KERICHO_AREA),
    ("Ainamoi", "KE", KERICHO, 150.0, None),
    ("Huruma", "KE", None, None, None),
    ("Huruma", "KE", KENYA, None, None),
    ("Ainamoi", "UG", KENYA, None, KERICHO_AREA),  # the country the text puts it in beats the story's
    ("Ainamoi", "KE", Location(id="place/uganda", name="Uganda", kind="country", country="UG"), None, None),
    ("Huruma", "KE", UASIN_GISHU, None, UASIN_GISHU_AREA),
    ("Huruma", "KE", NAIROBI, None, NAIROBI_AREA),
]


@pytest.mark.parametrize(("name", "country", "holder", "distance", "point"), LOOKUPS)
def test_local_area_lookup(name, country, holder, distance, point):
    area = local_area(name, country, holder, distance)
    assert (None if area is None else (area.lat, area.lon)) == point


@pytest.mark.parametrize(("kind", "precision"), [("village", 2), ("area", 2), ("district", 3)])
def test_area_location_precision(kind, precision):
    area = Area("Ainamoi", "KE", "Kericho", *KERICHO_AREA)
    location = area_location(area, "Ainamoi", kind)
    assert (location.precision, location.kind, location.country, location.admin1) == (precision, kind, "KE", "Kericho")
    assert location.id.startswith("place/local-")


@pytest.mark.parametrize(("text", "mended"), [("TignÃ¨re", "Tignère"), ("Tignère", "Tignère"), ("Kericho", "Kericho")])
def test_build_mends_utf8_read_as_latin1(text, mended):
    assert _mended(text) == mended


@pytest.mark.parametrize(("name", "keys"), [
    ("Gao Commune", "gao|gao commune"),
    ("Al Qasr District", "al qasr|al qasr district|qasr|qasr district"),
    ("Batcham", "batcham"),
])
def test_build_keys(name, keys):
    assert _keys(name) == keys
