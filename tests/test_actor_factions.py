"""Factions of an umbrella militia are coded as ACLED names them, the umbrella with the faction in brackets; two
factions that fight each other are the two sides."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # two factions named before the umbrella: one on each side of their fight
        ("Kifaru and Tembo Mayi Mayi militiamen fought near Butembo on Sunday.", "Mayi Mayi Militia (Kifaru)",
         "Mayi Mayi Militia (Tembo)"),
        # the faction after the umbrella's name
        ("Mai-Mai Chui fighters attacked a FARDC position near Lubero on Tuesday, killing two soldiers.",
         "Military Forces of Democratic Republic of Congo", "Mayi Mayi Militia (Chui)"),
        ("Kifaru Mayi Mayi looted shops in Lubero on Monday.", "Mayi Mayi Militia (Kifaru)",
         "Civilians (Democratic Republic of Congo)"),
        # no faction named: the umbrella itself
        ("Mayi Mayi militiamen looted shops in Lubero on Monday.", "Mayi Mayi Militia",
         "Civilians (Democratic Republic of Congo)"),
    ],
)
def test_factions_of_an_umbrella_militia(first_event, text, actor1, actor2):
    event, actors = first_event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert all(a.kind == "militia" for name, a in actors.items() if "Mayi Mayi" in name)


def test_a_faction_is_no_actor_of_the_umbrella_too(first_event):
    _, actors = first_event("Kifaru Mayi Mayi attacked a village near Butembo on Sunday, killing three farmers.")
    assert "Mayi Mayi Militia (Kifaru)" in actors
    assert "Mayi Mayi Militia" not in actors
