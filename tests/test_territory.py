"""Ground that changes hands without a fight, told in one sentence or over two: ACLED's non-violent transfer."""

from __future__ import annotations

import pytest

from graph.extract.events.cues import find_cues

# Source: sentences written for these tests, with invented or generic names; none follows an evaluation text.
TRANSFER = "Non-violent transfer of territory"


@pytest.mark.parametrize(
    ("text", "sub_event_types"),
    [
        # the side that left is told in the next sentence, or in the one before: one transfer, one event
        ("Rebels entered the town of Kora on Sunday and took control of it. Government troops had pulled out "
         "the day before.", [TRANSFER]),
        ("The militia withdrew from the hill of Tambo on Friday. Government troops took control of the hill on "
         "Saturday.", [TRANSFER]),
        # a fight denied, in the capture's sentence or next to it
        ("Government forces entered the town of Kora without fighting.", [TRANSFER]),
        ("Government forces recaptured the town of Kora without a fight.", [TRANSFER]),
        ("Rebels captured the town of Kora on Sunday. There was no fighting in the town.", [TRANSFER]),
        # a withdrawal after a fight, or one told as another incident, leaves the capture a battle
        ("Rebels captured the town of Kora on Sunday. Government troops withdrew after heavy fighting.",
         ["Non-state actor overtakes territory"]),
        ("Rebels captured the town of Kora on Sunday. Elsewhere, government troops withdrew from Lira.",
         ["Non-state actor overtakes territory", "Change to group/activity"]),
        # a withdrawal with no one taking the ground is a change of activity
        ("The army withdrew from the district of Kora on Monday.", ["Change to group/activity"]),
        # next to a transfer that tells its own withdrawal, a withdrawal is another move of forces (a story
        # longer than a short note, whose sentences all tell one incident)
        ("The talks in Kora lasted three weeks. Officials from both sides met in a hotel. Journalists were kept "
         "outside. Fighters were bussed out of the Kora camp, their last area of control, paving the way for the "
         "army to retake the town. Dozens of the fighters were transferred to the desert. The buses left at dawn.",
         [TRANSFER, "Change to group/activity"]),
    ],
)
def test_ground_handed_over_without_a_fight(extractor, text, sub_event_types):
    import datetime as dt

    from graph.records import Article

    events = extractor.extract(Article(id="t", text=text, published=dt.date(2024, 3, 5))).events
    assert [e.sub_event_type for e in events] == sub_event_types


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Troops entered the town without fighting.", True),
        ("The crowd dispersed without clashes.", True),
        ("Troops entered the town after fighting.", False),
    ],
)
def test_a_fight_done_without_is_denied(nlp, text, negated):
    cues = [c for c in find_cues(next(nlp(text).sents)) if c.cue == "CLASH"]
    assert cues and all(c.negated == negated for c in cues)


def test_the_commander_of_a_transfer_stands_aside(extractor):
    import datetime as dt

    from graph.records import Article

    text = ("Government troops under Colonel Amos Tembo entered the base at Kora without a fight. Rebel fighters "
            "had left it at dawn.")
    events = extractor.extract(Article(id="t", text=text, published=dt.date(2024, 3, 5))).events
    assert [e.sub_event_type for e in events] == [TRANSFER]
    assert events[0].actor1 != "Amos Tembo"
