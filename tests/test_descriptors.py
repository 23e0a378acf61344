"""Generic descriptors: which "government" is the state, on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def actor_names(extractor, text: str) -> set[str]:
    result = extractor.extract(Article(id="note", text=text, published=dt.date(2016, 6, 20)))
    return {a.name for a in result.actors}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a level below the state is an area or a council, not the government whose forces fight
        ("Bandits killed 12 farmers in Kauru local government on Monday.",
         "Civilians (Nigeria)", "Military Forces of Nigeria"),
        ("Armed men attacked the local government offices in Gwoza, Nigeria.", "Unidentified Armed Group (Nigeria)",
         "Government of Nigeria"),
        ("The district government closed schools in Marsabit, Kenya, after clashes.", None, "Government of Kenya"),
        # the state's government stays the state
        ("The Kenyan government deployed troops to Marsabit after clashes.", "Military Forces of Kenya", None),
    ],
)
def test_subnational_governments_are_no_state(extractor, text, present, absent):
    names = actor_names(extractor, text)
    assert present is None or present in names, names
    assert absent not in names, names


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # armed men whose sentence gives no place and no country the tagger names: of the state whose forces fight
        ("Malian troops killed four jihadists on Tuesday.", "Unidentified Armed Group (Mali)"),
        ("Nigerien troops repelled an attack by gunmen.", "Unidentified Armed Group (Niger)"),
        ("Burkinabe troops killed six militants on Sunday.", "Unidentified Armed Group (Burkina Faso)"),
        # guard (holds without the rule too): a place named gives the country, whoever fights there
        ("Chadian troops killed ten jihadists near Maiduguri.", "Unidentified Armed Group (Nigeria)"),
    ],
)
def test_armed_men_take_the_country_of_the_state_they_fight(extractor, text, present):
    assert present in actor_names(extractor, text)
