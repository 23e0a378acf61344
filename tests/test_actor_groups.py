"""Named groups read from the nouns around them: what is no group (a jet's make) and the nouns that tell one
(an armed group's positions), with names joined by a slash."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        # "fighters", "jets" and "drones" after an aircraft's make are planes, not a group's men
        ("Tucano fighters of the Nigerian air force bombed a rebel camp near Maiduguri on Monday.", "Tucano"),
        ("Sukhoi fighters bombed rebel positions near Kadugli, Sudan, on Friday.", "Sukhoi"),
        ("Bayraktar drones hit a convoy near Mekelle, Ethiopia, on Sunday.", "Bayraktar"),
    ],
)
def test_an_aircraft_make_is_no_group(first_event, text, not_actor):
    event, actors = first_event(text)
    assert not_actor not in actors
    assert not_actor not in (event.actor1, event.actor2)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # the positions, strongholds or hideouts of a name no dictionary lists: that name is an armed group
        ("Malian jets struck MPLR positions near Kidal on Friday.", "MPLR"),
        ("Soldiers overran TPLA hideouts near Gondar, Ethiopia, on Saturday, killing five fighters.", "TPLA"),
        ("Soldiers attacked Ndovu strongholds in the forest near Beni on Friday, killing six fighters.", "Ndovu"),
        # a name whose parts a slash joins is one name
        ("Malian jets struck MPLR/A-S positions near Kidal on Friday.", "MPLR/A-S"),
    ],
)
def test_the_positions_of_a_name_make_it_an_armed_group(first_event, text, group):
    event, actors = first_event(text)
    assert actors[group].kind == "armed_group"
    assert event.actor2 == group


def test_the_words_that_call_a_name_a_group_are_its_mention(first_event):
    # "rebel" of "the new rebel group KPLF" is KPLF's word, not the article's other rebels'
    _, actors = first_event("Troops fought off an attack by the new rebel group KPLF near Malakal on Monday. The "
                            "SPLM-IO said its rebels were not involved.")
    assert "rebel" not in actors["Sudan People's Liberation Movement-in-Opposition"].aliases
    assert any("rebel group" in alias for alias in actors["KPLF"].aliases)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # small words inside the name after "fighters of": a transliterated article, "of the"
        ("Fighters of Ansar al-Haqq attacked a police post near Gao on Monday.", "Ansar al-Haqq"),
        ("Fighters of the Army of the Poor shot dead two herders near Kidal on Friday.", "Army of the Poor"),
    ],
)
def test_a_name_after_fighters_of_keeps_its_small_words(first_event, text, group):
    event, actors = first_event(text)
    assert actors[group].kind == "armed_group"
    assert group in (event.actor1, event.actor2)
