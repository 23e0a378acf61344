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
        ("Gunmen carried out two ambushes on the road to Velmora.", True),
        # a day's crowds spread over several places
        ("Demonstrations against fuel prices erupted in five provinces over the weekend.", True),
        ("Rioters burnt police posts in four towns.", True),
        # one incident, or a reference back to incidents told before
        ("Gunmen attacked the village of Karubi, killing six.", False),
        ("Six soldiers were killed in an attack on their base.", False),
        ("Ten people died in the attacks, the mayor said.", False),
        ("The group has claimed one of the attacks.", False),
        ("Protesters marched across the city to the parliament.", False),
        ("Rioters burnt police posts in the towns of Dorvani and Kelmet.", False),
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
        # the body takes one of the incidents the lede counted, without a place or date of its own
        ("Gunmen hit police stations in two attacks in Sokoto, officials said on Monday. The second attack left a "
         "guard wounded.",
         ["The second attack"]),
        # an attack on a region told with no toll or date of its own, then place by place
        ("Bandits attacked army positions in Sokoto state. The army said the bandits killed two soldiers near Wurno "
         "and four outside Gwadabawa.",
         ["The army said", "The army said"]),
        # incidents inside the region announced as others, or of another kind, are not its places
        ("Boko Haram insurgents stormed an army barracks in Borno state. Separately, soldiers killed five "
         "insurgents in Bama and three in Gwoza on Monday.",
         ["Boko Haram insurgents", "Separately", "Separately"]),
        ("Bandits attacked army positions in Sokoto state. Roadside bombs killed two soldiers near Wurno and four "
         "outside Gwadabawa.",
         ["Bandits attacked", "Roadside bombs", "Roadside bombs"]),
        # with a toll of its own, the region's attack is an incident of its own
        ("Bandits killed three farmers in Sokoto state on Sunday, police said. On Monday, gunmen killed five people "
         "near Wurno and two outside Gwadabawa.",
         ["Bandits killed", "On Monday", "On Monday"]),
        # a summary of earlier incidents told after the story's incident stays
        ("Gunmen killed four traders near Anka on Sunday. Last week, 12 people were killed in separate raids in Maru.",
         ["Gunmen killed", "Last week"]),
    ],
)
def test_a_summary_the_story_tells_one_by_one_is_no_event(text, evidence):
    events = extract("summary", text, "2024-03-20").events
    assert [e.evidence[: len(start)] for e, start in zip(events, evidence, strict=False)] == evidence
    assert len(events) == len(evidence)
