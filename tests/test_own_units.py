"""Unknown names that a state's soldiers are "from" or "of" are their unit, not another side of their fight."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "forces", "unit", "enemy"),
    [
        ("At least 12 soldiers from the Kilo Shield brigade were killed in clashes with Islamic State fighters near "
         "Sirte, Libya.", "Military Forces of Libya", "Kilo Shield", "Islamic State"),
        ("Eight troops of the Desert Hawks unit died in fighting with Islamic State near Sirte, Libya.",
         "Military Forces of Libya", "Desert Hawks", "Islamic State"),
    ],
)
def test_a_unit_of_soldiers_stands_with_them(first_event, text, forces, unit, enemy):
    event, actors = first_event(text)
    assert {event.actor1, event.actor2} == {forces, enemy}
    assert unit not in (*actors, *event.assoc_actor_1, *event.assoc_actor_2)
    assert unit in actors[forces].aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a named rebel army's soldiers are that army's; a dictionary's organisation keeps its own name
        ("Soldiers of the SPLA-IO attacked government troops near Yei, South Sudan.",
         "Sudan People's Liberation Movement-in-Opposition"),
        ("Troops from the African Union clashed with al-Shabaab near Afgoye, Somalia.", "African Union"),
    ],
)
def test_known_groups_after_soldiers_are_no_unit(first_event, text, name):
    _, actors = first_event(text)
    assert name in actors
    assert not any(name in actor.aliases for actor in actors.values() if actor.kind == "state_forces")
