"""Namesakes abroad: a town whose name one country alone has tells where the story is, and a name that towns of
several countries share ("Cambridge", "Oxford") gives way to it; municipalities named without their title
("Amathole" for Amathole District Municipality) are places of their country."""

from __future__ import annotations

import pytest

from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.index import short_name
from tests.place_mentions import place_of

# (sentence, mention, the country it must be read in, its kind or None for any)
READINGS = [
    # a town only one country has, near a name shared with bigger towns abroad
    ("Residents blocked the main road in Mdantsane township near Cambridge after a councillor was shot.",
     "Mdantsane", "ZA", None),
    ("Students marched through Lichtenburg, near Oxford, to demand bursaries.", "Lichtenburg", "ZA", None),
    # the two named side by side, the shared one far away abroad: the sole one is no stray
    ("Shops were looted in Mdantsane and in Cambridge on Friday night.", "Mdantsane", "ZA", None),
    # guards: a place the text puts in its country keeps it; two shared names keep their usual reading
    ("A man was stabbed in Paris, France, on Sunday, and another in Mthatha.", "Paris", "FR", None),
    ("Police arrested a suspect in Leeds near Oxford on Tuesday.", "Leeds", "GB", None),
    # a hamlet abroad whose name is its own alone is no town to tell the country: it lies where the text puts it
    ("Gunmen raided Zavala near Tripoli in a night attack.", "Zavala", "LY", None),
    # a municipality by its short name, and a village no gazetteer lists placed in it
    ("Hundreds of miners marched in Sedibeng on Monday.", "Sedibeng", "ZA", "district"),
    ("Protesters blocked roads in Amathole over unpaid grants.", "Amathole", "ZA", "district"),
    ("Gunmen shot two men in Ntabazwe village in Amathole.", "Ntabazwe", "ZA", "village"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mention", "country", "kind"), READINGS)
def test_a_sole_name_or_a_municipality_tells_the_country(nlp, text, mention, country, kind):
    location = place_of(nlp, text, mention)
    assert (location.country, location.kind if kind else None) == (country, kind)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Amathole District Municipality", ["amathole"]),
        ("Buffalo City Metropolitan Municipality", ["buffalo city"]),
        ("Kano", []),
        ("Kano State", []),
        ("District Municipality", []),
    ],
)
def test_short_name_drops_a_municipal_title_only(name, short):
    assert short_name(name) == short


@pytest.mark.parametrize(
    ("name", "countries"),
    [("Mdantsane", {"ZA"}), ("Cambridge", {"GB", "US", "CA", "NZ"}), ("Nowhereville Zq", set())],
)
def test_namesake_countries_are_those_of_the_places_so_called(name, countries):
    assert get_gazetteer().namesake_countries(name) == countries
