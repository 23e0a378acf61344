"""A protest told in steps: the force that disperses the crowd in the next sentence is the same incident's
actor2 (graph/extract/events/coref.py, parties.py), and no actor stands on both sides of an event
(graph/sides.py)."""

from __future__ import annotations

import pytest

from graph.extract.actors import ActorTable
from graph.extract.actors.lexicon import actor_key
from graph.extract.actors.table import ActorInfo
from graph.extract.events.coref import merge_mentions
from graph.extract.events.mentions import EventMention
from graph.extract.events.parties import implied_parties
from graph.records import Event
from graph.sides import both_sides_allowed, fights_itself
from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dispersal told after the protest, with the crowd left to a pronoun: one protest with intervention
        ("Hundreds of students protested in Kampala on Monday. Police fired tear gas to disperse them.",
         [("Protests", "Protest with intervention", "Protesters (Uganda)", "Police Forces of Uganda")]),
        ("Traders protested in Nairobi on Tuesday over new taxes. Police dispersed them with tear gas.",
         [("Protests", "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya")]),
        # arrests told after a protest or a riot: the crowd's arrest is the intervention, the force its other side
        ("Pensioners demonstrated in front of parliament in Ouagadougou over unpaid pensions. Police arrested six of "
         "them.",
         [("Protests", "Protest with intervention", "Protesters (Burkina Faso)", "Police Forces of Burkina Faso")]),
        ("Traders protested in front of the city hall in Lusaka over new levies. Police detained their leaders.",
         [("Protests", "Protest with intervention", "Protesters (Zambia)", "Police Forces of Zambia")]),
        ("Traders rioted in Lusaka over new levies, burning tyres. Police detained 20 of them.",
         [("Riots", "Violent demonstration", "Rioters (Zambia)", "Police Forces of Zambia")]),
        ("Nurses demonstrated in Harare over unpaid wages. Police arrested the strikers' leaders.",
         [("Protests", "Protest with intervention", "Protesters (Zimbabwe)", "Police Forces of Zimbabwe")]),
        # the crowd named again by its own noun
        ("Teachers marched to the education ministry in Lusaka over unpaid allowances. Police arrested eight "
         "teachers.",
         [("Protests", "Protest with intervention", "Protesters (Zambia)", "Police Forces of Zambia")]),
        ("Hundreds of nurses rallied outside the health ministry in Nairobi. Officers detained nine nurses for "
         "blocking the road during the rally.",
         [("Protests", "Protest with intervention", "Protesters (Kenya)", "Police Forces of Kenya")]),
        # people of the crowd's kind held for another deed are not the crowd
        ("Students protested in Kampala, Uganda, over fees. Police arrested 15 students for cheating in exams.",
         [("Protests", "Peaceful protest", "Protesters (Uganda)", None)]),
        # an arrest of others than the crowd is no intervention
        ("Traders marched through Lusaka on Monday against new levies. Police later arrested two men suspected of "
         "robbing a bank in the city.", [("Protests", "Peaceful protest", "Protesters (Zambia)", None)]),
        # nor an arrest of suspects of a crime, even one done to the crowd
        ("Nurses demonstrated in Harare over unpaid wages. Police later detained three suspects in the beating of "
         "two of them.",
         [("Protests", "Peaceful protest", "Protesters (Zimbabwe)", None)]),
        ("Market traders marched through Accra after a fire gutted their stalls. Police arrested a man accused of "
         "setting fire to their market.",
         [("Protests", "Peaceful protest", "Protesters (Ghana)", None)]),
        # the intervention told in one sentence: the crowd is actor1 there too, the police actor2
        ("Police fired tear gas to disperse protesters in Kampala on Monday.",
         [("Protests", "Protest with intervention", "Protesters (Uganda)", "Police Forces of Uganda")]),
        # a protest, then an unrelated clash elsewhere the next day: two events
        ("Hundreds of students protested in Kampala on Monday. On Tuesday, soldiers clashed with ADF rebels in "
         "Kasese.",
         [("Protests", "Peaceful protest", "Protesters (Uganda)", None),
          ("Battles", "Armed clash", "Military Forces of Uganda", "Allied Democratic Forces")]),
        # a dispersal of another protest at another place: two events
        ("Hundreds of students protested in Kampala on Monday. The next day police dispersed a protest in Jinja.",
         [("Protests", "Peaceful protest", "Protesters (Uganda)", None),
          ("Protests", "Protest with intervention", "Protesters (Uganda)", "Police Forces of Uganda")]),
    ],
)
def test_a_dispersal_after_a_protest_is_its_intervention(text, expected):
    events = extract("steps", text, "2024-03-06").events
    assert [(e.event_type, e.sub_event_type, e.actor1, e.actor2) for e in events] == expected


@pytest.mark.parametrize(
    ("name", "allowed", "fights"),
    [
        ("Rioters (Kenya)", True, True),
        ("Unidentified Clan Militia (Somalia)", True, True),
        ("Unidentified Communal Militia (Mali)", True, True),
        # unnamed groups that harm no one of their own category: no event has them on both sides
        ("Protesters (Uganda)", True, False),
        ("Civilians (Nigeria)", True, False),
        ("Unidentified Armed Group (Mali)", False, False),  # one unknown group: not known to fight itself
        ("Police Forces of Uganda", False, False),
        ("Military Forces of Sudan", False, False),
        ("Rapid Support Forces", False, False),
        ("Protesters of the opposition", False, False),
    ],
)
def test_only_an_unnamed_group_stands_on_both_sides(name, allowed, fights):
    assert (both_sides_allowed(name), fights_itself(name)) == (allowed, fights)


def _event(sub: str, kind: str, actor1: str | None, actor2: str | None) -> Event:
    return Event(id="event/t-1", event_type=kind, sub_event_type=sub, actor1=actor1, actor2=actor2,
                 location="Gulu", date="2024-03", date_precision="month", evidence="Something happened.", start=0,
                 end=19)


POLICE = "Police Forces of Uganda"


@pytest.mark.parametrize(
    ("event", "parties"),
    [
        # an actor read on both sides keeps one
        (_event("Armed clash", "Battles", POLICE, POLICE), (POLICE, None)),
        (_event("Arrests", "Strategic developments", POLICE, POLICE), (POLICE, None)),
        # unnamed groups of one category may face each other
        (_event("Armed clash", "Battles", "Unidentified Clan Militia (Uganda)", "Unidentified Clan Militia (Uganda)"),
         ("Unidentified Clan Militia (Uganda)", "Unidentified Clan Militia (Uganda)")),
        (_event("Mob violence", "Riots", "Rioters (Uganda)", "Rioters (Uganda)"),
         ("Rioters (Uganda)", "Rioters (Uganda)")),
    ],
)
def test_no_named_actor_on_both_sides(event, parties):
    table = ActorTable(actors={actor_key(POLICE): ActorInfo(actor_key(POLICE), POLICE, "state_forces")})
    [out], _ = implied_parties([event], table, [])
    assert (out.actor1, out.actor2) == parties


@pytest.mark.parametrize(
    ("sub", "parties"),
    [
        ("Protest with intervention", ("Protesters (Uganda)", POLICE)),  # the crowd first, the force acting on it
        ("Excessive force against protesters", (POLICE, "Protesters (Uganda)")),  # the force that harms it first
    ],
)
def test_the_force_told_next_joins_the_protest_in_its_role(sub, parties):
    protest = EventMention(_event("Peaceful protest", "Protests", "Protesters (Uganda)", None), dated=True,
                           placed=True)
    force = EventMention(_event(sub, "Protests", POLICE, None), dated=False, placed=False)
    [incident] = merge_mentions([protest, force])
    assert (incident.event.sub_event_type, incident.event.actor1, incident.event.actor2) == (sub, *parties)


_RIOT = "Dockworkers rioted at the port gates in Mombasa on Monday, hurling stones at passing cars."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces sent to the crowd at its place and day are the protest's story, not an event of their own
        (_RIOT + " In Mombasa, the government deployed more riot police after the unrest.",
         [("Riots", "Mombasa")]),
        # forces sent elsewhere, or on another day, are an event of their own
        (_RIOT + " In Malindi, the government deployed the army after the unrest.",
         [("Riots", "Mombasa"), ("Strategic developments", "Malindi")]),
        (_RIOT + " On Wednesday, the government deployed the army in Mombasa.",
         [("Riots", "Mombasa"), ("Strategic developments", "Mombasa")]),
    ],
)
def test_forces_sent_to_a_crowd_are_its_story(text, expected):
    events = extract("steps", text, "2024-06-27").events
    assert [(e.event_type, e.location) for e in events] == expected


# Sentences that tell no event, so that the story is no short note (where any detail joins the incident before)
_AFTER = (" The government condemned the violence. Ministers met on Tuesday to discuss the budget. The opposition "
          "leader called for calm. Parliament will sit again next week.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest and a riot told one after the other are one crowd's event, typed by its gravest step
        ("Opposition supporters rioted outside the parliament in Kampala on Monday, burning two cars. Protesters had "
         "come from a rally at the university." + _AFTER,
         [("Riots", "Violent demonstration")]),
        ("Students marched peacefully to the parliament in Kampala on Monday. Rioters burned two cars outside the "
         "building." + _AFTER,
         [("Riots", "Violent demonstration")]),
        # people who protest a mob's killing are another crowd
        ("A mob lynched a suspected thief in Kampala on Monday. Traders protested peacefully against the killing."
         + _AFTER,
         [("Riots", "Mob violence"), ("Protests", "Peaceful protest")]),
    ],
)
def test_a_protest_and_a_riot_told_in_turn_are_one_crowd(text, expected):
    events = extract("crowd", text, "2024-03-06").events
    assert [(e.event_type, e.sub_event_type) for e in events] == expected
