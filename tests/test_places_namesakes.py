"""Namesakes abroad: a town whose name one country alone has tells where the story is, and a name that towns of
several countries share ("Richmond", "Hamilton") gives way to it, unless the text names one of those countries and
not the town's; municipalities named without their title ("Amathole" for Amathole District Municipality) are places
of their country."""

from __future__ import annotations

import pytest

from graph.extract.places.gazetteer import get_gazetteer
from graph.extract.places.holders import gives_way
from graph.extract.places.index import short_name
from tests.place_mentions import place_of

# (sentence, mention, the country it must be read in, its kind or None for any)
READINGS = [
    # a town only one country has, beside a name shared by towns of several other countries
    ("Traders in Nanyuki, outside Richmond, shut their stalls after a tax raid.", "Nanyuki", "KE", None),
    ("Soldiers set up checkpoints around Mardan near Hamilton after a bombing.", "Mardan", "PK", None),
    ("A bus was torched outside Sogamoso near Richmond on Saturday.", "Sogamoso", "CO", None),
    ("Students marched through Lichtenburg, near Oxford, to demand bursaries.", "Lichtenburg", "ZA", None),
    # the two named side by side, the shared one far away abroad: the sole one is no stray
    ("Looters emptied two shops in Ilesa and in Windsor overnight.", "Ilesa", "NG", None),
    ("Shops were looted in Mdantsane and in Cambridge on Friday night.", "Mdantsane", "ZA", None),
    # guards: the story's place is the well-known town abroad
    ("A crowd in Berlin near Potsdam demanded higher wages.", "Berlin", "DE", None),
    ("Workers rallied in Potsdam, near Berlin, over pensions.", "Potsdam", "DE", None),
    # guards: the text names the shared name's country, not the town's: the town is a namesake in it
    ("In the United States, gunmen raided a farm in Kitale near Richmond, Virginia.", "Kitale", "US", None),
    ("In the United States, shops were looted in Kitale and in Richmond.", "Kitale", "US", None),
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
    ("shared", "country", "named", "gives"),
    [
        ({"US", "CA", "GB"}, "KE", set(), True),  # the text names no country
        ({"US", "CA", "GB"}, "KE", {"KE"}, True),  # it names the town's
        ({"US", "CA", "GB"}, "KE", {"KE", "US"}, True),  # it names both
        ({"US", "CA", "GB"}, "KE", {"US"}, False),  # it names the shared name's alone
        ({"US", "CA", "GB"}, "KE", {"SO"}, True),  # a third country says nothing of either
        ({"US", "ZA"}, "ZA", set(), False),  # the shared name has a town in the town's own country
    ],
)
def test_a_shared_name_gives_way_unless_the_text_names_its_country(shared, country, named, gives):
    assert gives_way(frozenset(shared), country, frozenset(named)) is gives


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Amathole District Municipality", "amathole"),
        ("Buffalo City Metropolitan Municipality", "buffalo city"),
        ("Kano", None),
        ("Kano State", None),
        ("District Municipality", None),
    ],
)
def test_short_name_drops_a_municipal_title_only(name, short):
    assert short_name(name) == short


@pytest.mark.parametrize(
    ("name", "countries"),
    [
        ("Mdantsane", {"ZA"}),
        ("Cambridge", {"GB", "US", "CA", "NZ"}),
        ("CAMBRIDGE", {"GB", "US", "CA", "NZ"}),  # one key, one answer, however the text writes it
        ("Nowhereville Zq", set()),
    ],
)
def test_namesake_countries_are_those_of_the_places_so_called(name, countries):
    assert get_gazetteer().namesake_countries(name) == countries
