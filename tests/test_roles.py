"""Who did what to whom: the sides a sentence's syntax gives the parties of its event."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the object of a trailing participle of harm is who the doer hurt, not the object of another participle
        ("While pursuing al-Shabaab near Bardera, Somalia, Kenyan jets struck a village, killing four children.",
         "Military Forces of Kenya", "Civilians (Somalia)"),
        ("Troops hunting ADF rebels shelled a market near Beni, Democratic Republic of Congo, wounding six traders.",
         "Military Forces of Democratic Republic of Congo", "Civilians (Democratic Republic of Congo)"),
        # "A and B fought": the subjects of a mutual verb are the two sides
        ("M23 and ADF fighters fought near Beni on Sunday, leaving six dead.", "M23", "Allied Democratic Forces"),
        # two forces of one state fighting side by side are one side
        ("Police and soldiers fought gunmen near Zaria, Nigeria, on Friday.", "Police Forces of Nigeria",
         "Unidentified Armed Group (Nigeria)"),
    ],
)
def test_sides_from_the_syntax(first_event, text, actor1, actor2):
    event, _ = first_event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # unnamed armed men the text says are suspected to be a state's men are that state's force
        ("Gunmen in fatigues, thought to be troops, shot a herder near Kadugli, Sudan.",
         "Military Forces of Sudan"),
        ("Gunmen wearing masks and believed to be policemen shot a driver near Kadugli, Sudan.",
         "Police Forces of Sudan"),
        # said to be nothing: an unidentified armed group
        ("Gunmen wearing masks shot a driver near Kadugli, Sudan.", "Unidentified Armed Group (Sudan)"),
    ],
)
def test_armed_men_said_to_be_a_states_men(first_event, text, actor1):
    event, _ = first_event(text)
    assert event.actor1 == actor1
