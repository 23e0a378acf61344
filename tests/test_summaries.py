"""Sentences that sum up several incidents (graph/extract/events/summaries.py): no event when the story tells them."""

from __future__ import annotations

import pytest

from graph.extract.events.summaries import summarises
from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Thirty people were killed in raids by armed bandits, officials said.", True),
        ("Gunmen hit army posts in two night-time attacks.", True),
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
        ("Thirty people were killed in raids by armed bandits in Zamfara, officials said on Tuesday. Bandits "
         "ambushed a vigilante patrol in Maru on Sunday, killing eleven. Separately, gunmen killed four traders near "
         "Anka on Sunday night.",
         ["Bandits ambushed", "Separately, gunmen"]),
        # a summary the story does not tell one by one is the event it has
        ("Thirty people were killed in raids by armed bandits in Zamfara, officials said on Tuesday. The governor "
         "condemned the violence.",
         ["Thirty people"]),
        # a summary of earlier incidents told after the story's incident stays
        ("Gunmen killed four traders near Anka on Sunday. Last week, 12 people were killed in separate raids in Maru.",
         ["Gunmen killed", "Last week"]),
    ],
)
def test_a_summary_the_story_tells_one_by_one_is_no_event(text, evidence):
    events = extract("summary", text, "2024-03-20").events
    assert [e.evidence[: len(start)] for e, start in zip(events, evidence, strict=False)] == evidence
    assert len(events) == len(evidence)
