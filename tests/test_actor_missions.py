"""A contributing state's military in a mission's host country carries the mission contingent's name, only in
the host country and during its years there."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors.missions import contingent_name
from graph.extract.pipeline import Extractor
from graph.records import Article

AMISOM_UGANDA = "African Union Mission in Somalia (Uganda)"


@pytest.mark.parametrize(
    ("host", "contributor", "day", "expected"),
    [
        ("SO", "UG", dt.date(2015, 5, 1), AMISOM_UGANDA),
        ("SO", "ET", dt.date(2019, 1, 10), "African Union Mission in Somalia (Ethiopia)"),
        ("SO", "ET", dt.date(2010, 1, 10), None),  # before Ethiopia joined the mission
        ("SO", "KE", dt.date(2023, 2, 1), "African Union Transition Mission in Somalia (Kenya)"),
        ("SO", "UG", dt.date(2005, 1, 1), None),  # before the mission
        ("KE", "UG", dt.date(2015, 5, 1), None),  # not the host country
        ("SO", "US", dt.date(2015, 5, 1), None),  # no contingent
        ("SO", "UG", None, None),  # an undated article
    ],
)
def test_contingent_name(host, contributor, day, expected):
    assert contingent_name(host, contributor, day) == expected


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _actors(extractor, text: str, day: dt.date):
    result = extractor.extract(Article(id="note", text=text, published=day))
    return {a.name: a for a in result.actors}


def test_contingent_alias_in_the_host_country(extractor):
    actors = _actors(extractor, "Ugandan soldiers repelled an attack by al-Shabaab fighters near Marka, Somalia.",
                     dt.date(2015, 8, 3))
    assert AMISOM_UGANDA in actors["Military Forces of Uganda"].aliases
    assert "Ugandan soldiers" in actors["Military Forces of Uganda"].aliases


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Ugandan soldiers clashed with rebels near Kitgum, Uganda.", dt.date(2015, 8, 3)),  # at home
        ("Ugandan soldiers repelled an attack by al-Shabaab fighters near Marka, Somalia.", dt.date(2005, 8, 3)),
    ],
)
def test_no_contingent_alias_elsewhere_or_before(extractor, text, day):
    actors = _actors(extractor, text, day)
    assert not any("Mission" in alias for alias in actors["Military Forces of Uganda"].aliases)
