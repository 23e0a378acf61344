"""Peacekeepers named by their job are the peace mission serving in the article's country on its day; "the UN"
of such an article is the mission too; where no mission serves, the words name no actor."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.actors.peacekeepers import serving_mission

_MINUSCA = "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic"
_MONUSCO = "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo"
_MINUSMA = "United Nations Multidimensional Integrated Stabilization Mission in Mali"


@pytest.mark.parametrize(
    ("text", "mission"),
    [
        ("UN peacekeepers clashed with militiamen near Bria, in the Central African Republic.", _MINUSCA),
        ("A Zambian peacekeeper was shot dead by gunmen near Goma, in DR Congo.", _MONUSCO),
        ("Blue helmets exchanged fire with rebels near Kidal, in northern Mali.", _MINUSMA),
        ("Gunmen ambushed the peacekeeping force near Kidal, in northern Mali, the UN said.", _MINUSMA),
    ],
)
def test_peacekeepers_are_the_serving_mission(first_event, text, mission):
    event, actors = first_event(text)
    assert mission in (event.actor1, event.actor2)
    assert actors[mission].kind == "state_forces"
    assert "United Nations" not in actors  # "UN peacekeepers", "the UN said": the mission


def test_no_mission_serves_there(first_event):
    _, actors = first_event("Gunmen shot dead two peacekeepers of a regional force in Jos, Nigeria.")
    assert not any("Mission" in name or "Operation" in name for name in actors)


@pytest.mark.parametrize(
    ("host", "day", "mission"),
    [
        ("ML", dt.date(2016, 6, 20), _MINUSMA),
        ("ML", dt.date(2024, 3, 1), None),  # its mandate ended in 2023
        ("SO", dt.date(2016, 6, 20), "African Union Mission in Somalia"),
        ("NG", dt.date(2016, 6, 20), None),
        (None, dt.date(2016, 6, 20), None),
    ],
)
def test_serving_mission(host, day, mission):
    found = serving_mission(host, day)
    assert (found.name if found else None) == mission
