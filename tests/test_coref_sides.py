"""Coreference (graph/extract/events/coref.py, mention_fit.py, absorb.py): a state's army and police are one side of
an incident when the later mention joins it, a headline's line inside a story (a crosshead) does not part the
mentions around it, and a body sentence is the evidence of an incident a headline told first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.test_coref import bombing, mention, merge_mentions

POLICE, ARMY, GROUP = "Police Forces of Nigeria", "Military Forces of Nigeria", "Boko Haram"
UNNAMED, CIVILIANS = "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"
NEIGHBOUR_ARMY = "Military Forces of Cameroon"


def _barracks_raid():
    """A group's raid on a police barracks that killed three policemen (the state's dead)."""
    return replace(mention("Boko Haram fighters overran a police barracks in Kandaru on Sunday, killing three "
                           "policemen.", actors=(GROUP, POLICE), place="Kandaru", date="2024-03-17", toll=3),
                   dead=frozenset(["state"]))


def _army(evidence: str, other=None, toll=None, dead=(), **fields):
    return replace(mention(evidence, actors=(ARMY, other), toll=toll, **fields), dead=frozenset(dead))


@pytest.mark.parametrize(
    ("later", "tolls"),
    [
        # the army joins the police's fight, naming no place, date or party of its own: one incident
        (_army("Soldiers were flown in to relieve the besieged barracks."), [3]),
        # it names the doers back by their role: one incident, whose toll adds the other side's dead
        (_army("Troops arrived within the hour and shot dead six of the assailants.", GROUP, 6, ["armed"]), [9]),
        # it refers back to the incident
        (_army("An army unit sent after the raid killed six insurgents.", GROUP, 6, ["armed"]), [9]),
        # a raid of the army's own on the group is another incident, whose dead are kept
        (_army("Soldiers later stormed a Boko Haram hideout and killed six fighters.", GROUP, 6, ["armed"]), [3, 6]),
        (_army("Troops killed four insurgents in a gunfight in the bush.", UNNAMED, 4, ["armed"]), [3, 4]),
        # another state's army is another side, even when it joins
        (mention("Troops of a neighbouring state were flown in.", actors=(NEIGHBOUR_ARMY, None)), [3, None]),
    ],
)
def test_a_state_s_army_and_police_are_one_side_when_the_later_mention_joins(later, tolls):
    merged = merge_mentions([_barracks_raid(), later])
    assert [e.fatalities for e in merged] == tolls


def _market_bomb():
    return bombing("A bomb went off in a crowded market in Mogadishu on Friday, killing six shoppers.",
                   place="Mogadishu", date="2024-03-15", toll=6)


_CROSSHEAD = mention("Sport: national team reaches regional final", sub="Other", kind="Strategic developments",
                     body=False)


@pytest.mark.parametrize(
    ("between", "after", "tolls"),
    [
        # a crosshead between two paragraphs: the sentence after it still tells the bombing before it
        (_CROSSHEAD, bombing("Police said the device had been hidden under a fruit stall.", toll=None), [6]),
        # a sentence after the crosshead that says "also" or names a place of its own tells another bombing
        (_CROSSHEAD, bombing("A second device also exploded at a bus stop, killing two.", toll=2), [6, 2]),
        (_CROSSHEAD, bombing("In Wadela, a roadside bomb killed two traders on Saturday.", place="Wadela",
                             date="2024-03-16", toll=2), [6, 2]),
        # a body sentence with an incident of its own parts them
        (mention("Teachers marched in Mogadishu on Saturday over unpaid wages.", sub="Peaceful protest",
                 kind="Protests", actors=("Protesters (Somalia)", None), place="Mogadishu", date="2024-03-16"),
         bombing("Police said the device had been hidden under a fruit stall.", toll=None), [6, None]),
    ],
)
def test_a_crosshead_inside_the_story_does_not_part_two_mentions(between, after, tolls):
    merged = merge_mentions([_market_bomb(), between, after])
    bombs = [e.fatalities for e in merged if e.event_type == "Explosions/Remote violence"]
    assert bombs == tolls


def test_a_body_sentence_that_points_back_is_the_evidence_rather_than_the_headline():
    body = "Police who reached the scene of the attack counted nine dead traders."
    merged = merge_mentions([
        mention("Gunmen raid cattle market in Zamfara", sub="Attack", kind="Violence against civilians",
                actors=(UNNAMED, CIVILIANS), body=False),
        mention(body, sub="Attack", kind="Violence against civilians", actors=(None, CIVILIANS), place="Zamfara",
                toll=9, told="attack"),
    ])
    assert [(e.evidence, e.fatalities) for e in merged] == [(body, 9)]
