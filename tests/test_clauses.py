"""Two incidents told in one sentence by contrast (graph/extract/events/clauses.py): "X in A, while Y in B"
gives an event at each part's own places; a "while" clause of circumstance gives none of its own."""

from __future__ import annotations

import pytest

from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # each part its own place and its own toll
        ("Four soldiers were killed in Gao on Monday, while seven died when rebels ambushed an army convoy "
         "near Kidal.",
         [("Armed clash", "Gao", 4), ("Armed clash", "Kidal", 7)]),
        # ... also when words that tell no more follow the clause
        ("Four soldiers were killed in Gao on Monday, while seven died in a firefight near Kidal, the army said.",
         [("Armed clash", "Gao", 4), ("Armed clash", "Kidal", 7)]),
        # ... or a paragraph
        ("Four soldiers were killed in Gao on Monday, while seven died in a firefight near Kidal.\n\nThe army "
         "said it sent reinforcements.",
         [("Armed clash", "Gao", 4), ("Armed clash", "Kidal", 7)]),
        # each part its own kind of event, the listed towns one event each
        ("While Kano saw peaceful marches against the price rises, towns such as Zaria, Katsina and Bauchi "
         "reported riots and looting.",
         [("Peaceful protest", "Kano", None), ("Violent demonstration", "Zaria", None),
          ("Violent demonstration", "Katsina", None), ("Violent demonstration", "Bauchi", None)]),
        # "while also ..." goes on with the same action at other places, whatever the action
        ("Jihadists overran an army post at Diapaga on Sunday, while also taking Pama and Kompienga.",
         [("Non-state actor overtakes territory", "Diapaga", None),
          ("Non-state actor overtakes territory", "Pama", None),
          ("Non-state actor overtakes territory", "Kompienga", None)]),
        ("Gunmen kidnapped three teachers in Gusau on Monday, while also taking two nurses at Anka, police said.",
         [("Abduction/forced disappearance", "Gusau", None), ("Abduction/forced disappearance", "Anka", None)]),
        # a clause inside the sentence, followed by more of the story, is read with it
        ("Four soldiers were killed in Gao, while seven were wounded near Kidal, and the army sent reinforcements.",
         [("Armed clash", "Gao", 4)]),
        # a clause of circumstance is no incident of its own
        ("Two soldiers were shot dead in Gao while they patrolled the market.", [("Armed clash", "Gao", 2)]),
        ("While chasing the rebels in Gao region, jets struck a camp near Kidal on Monday, killing four.",
         [("Air/drone strike", "Kidal", 4)]),
    ],
)
def test_a_contrast_clause_with_its_own_place_is_an_event_of_its_own(text, events):
    found = extract("contrast", text, "2024-05-10").events
    assert [(event.sub_event_type, event.location, event.fatalities) for event in found] == events
