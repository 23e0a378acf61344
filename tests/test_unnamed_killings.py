"""Killings with no armed actor named: civilians shot, hacked or executed by someone are an attack; a following
sentence that only counts the dead is the toll of the event before it; deaths in a blast are no attack."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def events_of(extractor, text: str):
    return extractor.extract(Article(id="story", text=text, published=dt.date(2016, 6, 20))).events


@pytest.mark.parametrize(
    "text",
    [
        "A woman and a child were shot with arrows near Kapsabet, Kenya, over a land dispute.",
        "Two farmers were shot dead in their field near Kadugli, Sudan.",
        # "in an attack" says someone attacked
        "Twelve villagers were killed in an attack on Mopti, Mali, in January.",
        # killed or attacked in the past, by no one named and for no cause given, where people live or on a day
        "A herder was killed near Lodwar, Kenya, on Tuesday.",
        "A pastor was killed on his farm outside Jos, Nigeria, on Sunday.",
        "Three women were attacked in their homes in Mombasa, Kenya, on Friday night.",
        # a headline's passive without "was": the ones named before the verb were harmed
        "Driver and conductor killed near Gulu, Uganda.",
        # where people pray, learn, trade or heal is a setting, as a home or a farm is
        "Two nurses were attacked at a clinic in Gulu, Uganda.",
        "A pastor was killed in his church in Jos, Nigeria.",
        "Two traders were killed at the market in Kaduna, Nigeria.",
        "A teacher was attacked at a school near Douala, Cameroon.",
        "Three worshippers were killed at a mosque in Kano, Nigeria.",
    ],
)
def test_civilians_killed_by_someone_unnamed_are_attacked(extractor, text):
    events = events_of(extractor, text)
    assert events and events[0].event_type == "Violence against civilians"
    assert (events[0].actor1 or "").startswith("Unidentified Armed Group")
    assert (events[0].actor2 or "").startswith("Civilians")


def test_a_count_of_the_dead_is_the_toll_of_the_event_before(extractor):
    events = events_of(extractor, "Rioters set tyres alight and barricaded streets in Alexandra, South Africa. "
                                  "Three people were shot dead during the unrest.")
    assert len(events) == 1 and events[0].fatalities == 3


def test_the_dead_of_another_place_are_another_event(extractor):
    events = events_of(extractor, "Gunmen attacked Agatu, Nigeria, killing five villagers. "
                                  "Seven people were shot dead in Gwer.")
    assert len(events) == 2


def test_deaths_in_a_blast_are_no_attack(extractor):
    events = events_of(extractor, "A fire broke out at a fuel depot in Mombasa. The blasts killed at least 31 "
                                  "people.")
    assert not [e for e in events if e.event_type == "Violence against civilians"]


@pytest.mark.parametrize(
    "text",
    [
        # a toll summed up over years, deaths in an accident or a crash, a death by illness: no attack
        "More than 200 people have been killed in Turkana, Kenya, since 2019.",
        "Three people were killed when a minibus overturned near Lodwar, Kenya.",
        "Two men were killed in a crash on the highway near Lodwar, Kenya.",
        "An elderly woman died of cholera in Lodwar, Kenya.",
        # a cause the rule cannot weigh: a crash, a collapse, a clash between others
        "A man was killed in a hit-and-run incident in Eldoret, Kenya.",
        "A boy was killed under a collapsed wall in Kisumu, Kenya.",
        # an officer or an official is no civilian
        "Colonel Hassan Omar was killed in Mogadishu, Somalia, on Monday.",
        "Minister John Doe was attacked in Kisumu, Kenya.",
        # the same without "was"
        "Police commander and bodyguard shot dead near Mogadishu, Somalia.",
        # a workplace that kills by accident, or a cause told beside the building
        "Two workers were killed at a mine near Kisangani, Congo.",
        "A man was killed at a bar in Gulu, Uganda, in a brawl.",
        # a death at a bar or a restaurant with no cause told: mostly a brawl's, no attack
        "A man was killed at a bar in Juba, South Sudan, on Saturday night.",
        "A woman was killed at a restaurant in Gulu, Uganda.",
        "Two patients were killed at a hospital in Malakal, South Sudan, after the roof collapsed.",
    ],
)
def test_deaths_told_with_a_cause_or_as_a_sum_are_no_attack(extractor, text):
    assert not [e for e in events_of(extractor, text) if e.event_type == "Violence against civilians"]


def test_the_dead_of_a_clash_between_others_are_no_unidentified_groups_attack(extractor):
    events = events_of(extractor, "Two people were killed amid clashes between police and protesters in Kisumu, "
                                  "Kenya.")
    assert not [e for e in events if (e.actor1 or "").startswith("Unidentified Armed Group")]


@pytest.mark.parametrize(
    ("text", "event_type", "actor1", "actor2"),
    [
        # written without "was", a harm verb with no object names its victims before it (the state's men first)
        ("Police commander and bodyguard shot dead near Mogadishu, Somalia.", "Battles",
         "Police Forces of Somalia", "Unidentified Armed Group (Somalia)"),
        # an object, a shared object or shots aimed somewhere: the one before the verb did it
        ("Gunmen shot and wounded a trader in Gulu, Uganda.", "Violence against civilians",
         "Unidentified Armed Group (Uganda)", "Civilians (Uganda)"),
        ("Gunmen killed a herder in Lodwar, Kenya.", "Violence against civilians", "Unidentified Armed Group (Kenya)",
         "Civilians (Kenya)"),
        ("Gunmen shot at a minibus near Gulu, Uganda.", "Violence against civilians",
         "Unidentified Armed Group (Uganda)", "Civilians (Uganda)"),
        # armed doers are never a headline's victims, nor is a subject with "the" past the first line
        ("The attackers killed indiscriminately in the village of Tunga, Nigeria.", "Violence against civilians",
         "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        ("Residents fled the town after dawn. The rebels shot indiscriminately in Tunga, Nigeria.",
         "Violence against civilians", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        ("Residents fled the town after dawn. The police shot indiscriminately in Tunga, Nigeria.",
         "Violence against civilians", "Police Forces of Nigeria", "Civilians (Nigeria)"),
    ],
)
def test_who_a_bare_harm_verb_names_before_it(extractor, text, event_type, actor1, actor2):
    events = events_of(extractor, text)
    assert events
    assert (events[0].event_type, events[0].actor1, events[0].actor2) == (event_type, actor1, actor2)
