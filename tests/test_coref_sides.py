"""Coreference (graph/extract/events/coref.py, mention_fit.py, absorb.py): a state's army and police are one side of
an incident, a headline's line inside a story does not part the mentions around it, and a body sentence is the
evidence of an incident a headline told first."""

from __future__ import annotations

import pytest

from tests.test_coref import mention, merge_mentions

POLICE, ARMY, REBELS = "Police Forces of Peru", "Military Forces of Peru", "Shining Path"
OTHER_ARMY = "Military Forces of Bolivia"


@pytest.mark.parametrize(
    ("second", "count"),
    [
        # troops sent to the police's aid fight the same rebels: one incident, told with the army as a party
        ((ARMY, None), 1),
        ((ARMY, REBELS), 1),
        # another state's army is another side: a third party sets the mention apart
        ((OTHER_ARMY, None), 2),
        # and the police's own country's army against another group is no mention of this fight
        ((ARMY, "Tupac Amaru"), 2),
    ],
)
def test_a_state_s_army_and_police_are_one_side(second, count):
    merged = merge_mentions([
        mention("Rebels stormed a police post in Tarapoto on Monday.", actors=(REBELS, POLICE), place="Tarapoto",
                date="2024-03-18"),
        mention("Troops were sent to back the officers who were fighting off the raiders.", actors=second),
    ])
    assert len(merged) == count


@pytest.mark.parametrize(
    ("between", "count"),
    [
        # a link to another story between two paragraphs: the mention after it still follows the clash
        (mention("Peru to host regional talks on fishing rights", sub="Agreement", kind="Strategic developments",
                 body=False), 1),
        # a sentence of the story with an incident of its own parts them
        (mention("Farmers marched in Cusco on Tuesday.", sub="Peaceful protest", kind="Protests",
                 actors=("Protesters (Peru)", None), place="Cusco", date="2024-03-19"), 3),
    ],
)
def test_a_headline_line_inside_the_story_does_not_part_two_mentions(between, count):
    merged = merge_mentions([
        mention("Rebels stormed a police post in Tarapoto on Monday.", actors=(REBELS, POLICE), place="Tarapoto",
                date="2024-03-18"),
        between,
        mention("The officers fought back for two hours.", actors=(None, POLICE)),
    ])
    assert len([e for e in merged if e.event_type == "Battles"]) == (1 if count == 1 else 2)
    assert len(merged) == (2 if count == 1 else 3)


def test_a_body_sentence_that_points_back_is_the_evidence_rather_than_the_headline():
    merged = merge_mentions([
        mention("Rebels attack police post in Tarapoto", actors=(REBELS, None), body=False),
        mention("Soldiers rushed to the scene of the attack to help the police.", actors=(ARMY, POLICE),
                place="Tarapoto", told="attack"),
    ])
    assert [e.evidence for e in merged] == ["Soldiers rushed to the scene of the attack to help the police."]
