"""A part of a country named with a compass word ("in northern Mali") holds an unlisted village: the village takes
the part's point (toward that side of the country's admin1 centres) and ACLED's geo-precision 3."""

from __future__ import annotations

import pytest

from tests.place_mentions import place_of

FRAME = "Gunmen killed two herders near the village of Tindaro in {}."

# (part, the opposite part, country): each part's village lies toward its side of the other's
PARTS = [
    ("northern Mali", "southern Mali", "ML"),
    ("eastern Chad", "western Chad", "TD"),
    ("south-eastern Niger", "north-western Niger", "NE"),
    ("northeastern Nigeria", "southwestern Nigeria", "NG"),
    ("eastern Burkina", "western Burkina", "BF"),  # "Burkina": the short form news uses (aliases.tsv)
]


def _point(nlp, part: str) -> tuple[float, float]:
    location = place_of(nlp, FRAME.format(part), "Tindaro")
    assert location.precision == 3 and location.lat is not None and location.lon is not None
    return location.lat, location.lon


@pytest.mark.slow
@pytest.mark.parametrize(("part", "opposite", "country"), PARTS)
def test_unlisted_village_lies_in_the_part_named(nlp, part, opposite, country):
    assert place_of(nlp, FRAME.format(part), "Tindaro").country == country
    (lat, lon), (other_lat, other_lon) = _point(nlp, part), _point(nlp, opposite)
    if "north" in part or "south" in part:
        assert (lat > other_lat) == ("north" in part)
    else:
        assert lat == other_lat
    assert (lon > other_lon) == ("east" in part) if "east" in part or "west" in part else lon == other_lon


@pytest.mark.slow
def test_central_halves_the_way_to_the_side(nlp):
    eastern, western = _point(nlp, "eastern Chad"), _point(nlp, "western Chad")
    central_eastern = _point(nlp, "central-eastern Chad")
    assert central_eastern[0] == eastern[0]
    assert western[1] < central_eastern[1] < eastern[1]


# no compass word ("central" alone names no part) gives no point; a gazetteer town keeps its own point
UNCHANGED = [
    ("Rebels burned Mbakoro village in Chad.", "Mbakoro", None, None),
    ("Rebels burned Mbakoro village in central Chad.", "Mbakoro", None, None),
    ("Fighting was reported in Kidal in northern Mali.", "Kidal", 18.4434, 1.4092),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "lat", "lon"), UNCHANGED)
def test_a_country_without_a_side_or_a_listed_town_is_unchanged(nlp, text, mention, lat, lon):
    location = place_of(nlp, text, mention)
    assert (location.lat, location.lon) == (lat, lon)
