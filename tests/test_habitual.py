"""A way of acting told in the perfect (graph/extract/events/skips.py ``habitual``): "Rebels have carried out
massacres" tells no incident; a count, a day or a place of its own makes one."""

from __future__ import annotations

import pytest

from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a bare plural in the perfect, nothing of an incident: no event
        ("Rebels have carried out massacres.", 0),
        ("Vigilante groups have answered with revenge attacks.", 0),
        ("Bandits have carried out kidnappings.", 0),
        ("Jihadists have staged ambushes against convoys.", 0),
        # a place, a count or a day of its own: an incident
        ("Rebels have carried out massacres of villagers in Gao.", 1),
        ("Rebels have carried out two massacres.", 1),
        ("Rebels carried out massacres on Monday.", 1),
    ],
)
def test_a_way_of_acting_is_no_incident(text, count):
    assert len(extract("habit", text, "2024-05-10").events) == count
