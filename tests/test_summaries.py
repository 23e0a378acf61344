"""Sentences that sum up several incidents (graph/extract/events/summaries.py): no event when the story tells them."""

from __future__ import annotations

import pytest

from graph.extract.events.summaries import summarises
from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Twenty people were killed in attacks by suspected jihadists, officials said.", True),
        ("Militants targeted army posts in three overnight attacks.", True),
        ("Ten villagers died following fresh raids by gunmen.", True),
        ("Gunmen carried out two ambushes on the road to Tera.", True),
        # one incident, or a reference back to incidents told before
        ("Gunmen attacked the village of Tera, killing six.", False),
        ("Six soldiers were killed in an attack on their base.", False),
        ("Ten people died in the attacks, the mayor said.", False),
        ("The group has claimed one of the attacks.", False),
    ],
)
def test_summarises(nlp, text, summary):
    assert summarises(next(nlp(text).sents)) is summary


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # the lede sums up, the body tells each attack with its place: the attacks are the events
        ("Twenty people were killed in attacks by suspected jihadists in Burkina Faso, security sources said on "
         "Wednesday. Jihadists ambushed an army convoy in Sawenga on Monday, killing fourteen soldiers. Separately, "
         "gunmen killed six farmers near Yendere on Monday night.",
         ["Jihadists ambushed", "Separately, gunmen"]),
        # a summary the story does not tell one by one is the event it has
        ("Twenty people were killed in attacks by suspected jihadists in Burkina Faso, security sources said on "
         "Wednesday. The government condemned the violence.",
         ["Twenty people"]),
        # a summary of earlier incidents told after the story's incident stays
        ("Gunmen killed six farmers near Yendere on Monday. Earlier this month, 26 people were killed in separate "
         "attacks in Sawenga.",
         ["Gunmen killed", "Earlier this month"]),
    ],
)
def test_a_summary_the_story_tells_one_by_one_is_no_event(text, evidence):
    events = extract("summary", text, "2024-03-20").events
    assert [e.evidence[: len(start)] for e, start in zip(events, evidence, strict=False)] == evidence
    assert len(events) == len(evidence)
