"""Ground that changes hands without a fight, told in one sentence or over two: ACLED's non-violent transfer."""

from __future__ import annotations

import pytest

from graph.extract.events.cues import find_cues

# Source: sentences written for these tests in our own constructions, with invented or generic names (Kora, Tambo,
# Lira, Peter Okello).
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
        ("Militiamen took over the market town of Kora on Sunday, its mayor said. No clashes took place, he added.",
         [TRANSFER]),
        # a withdrawal after a fight, or one told as another incident, leaves the capture a battle
        ("Rebels captured the town of Kora on Sunday. Government troops withdrew after heavy fighting.",
         ["Non-state actor overtakes territory"]),
        ("Rebels captured the town of Kora on Sunday. Elsewhere, government troops withdrew from Lira.",
         ["Non-state actor overtakes territory", "Change to group/activity"]),
        # a withdrawal with no one taking the ground is a change of activity
        ("The army withdrew from the district of Kora on Monday.", ["Change to group/activity"]),
        # next to a transfer that tells its own withdrawal, a withdrawal is another move of forces (a story
        # longer than a short note, whose sentences all tell one incident)
        ("Talks between the two sides went on for a month. Tribal leaders carried messages between them. "
         "Journalists were kept outside. Militia gunmen then pulled out of the port of Kora in trucks, and the army "
         "took control of it. Many of the gunmen were relocated to camps in the hills. The trucks set off before "
         "noon.", [TRANSFER, "Change to group/activity"]),
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


@pytest.mark.parametrize(
    "text",
    [
        # a withdrawal of another year or season, or from another place, is another move of forces
        "Rebels captured the town of Kora on Sunday. Government troops had withdrawn from Kora in 2019 under a peace "
        "deal.",
        "Rebels captured the town of Kora, Somalia, on Sunday. Last year, Ethiopian troops withdrew from the "
        "neighbouring district.",
        "Rebels captured the town of Kora on Sunday. Government troops withdrew from Lira, Mali.",
        # losses, dead or a battle told beside the withdrawal: the ground was fought for
        "Rebels seized the town of Kora on Sunday. Government troops retreated after suffering heavy losses.",
        "Rebels captured the town of Kora on Sunday. Government troops withdrew, leaving three soldiers dead.",
        "Rebels captured the town of Kora on Sunday. Government troops withdrew after a battle.",
    ],
)
def test_a_withdrawal_told_apart_leaves_the_capture_taken(extractor, text):
    import datetime as dt

    from graph.records import Article

    events = extractor.extract(Article(id="t", text=text, published=dt.date(2024, 3, 5))).events
    assert events[0].sub_event_type == "Non-state actor overtakes territory"
    assert TRANSFER not in [e.sub_event_type for e in events]


def test_the_officer_leading_a_transfer_stands_aside(extractor):
    import datetime as dt

    from graph.records import Article

    text = "The mayor said the market town of Kora was handed over to militiamen under Peter Okello on Sunday."
    events = extractor.extract(Article(id="t", text=text, published=dt.date(2024, 3, 5))).events
    assert [e.sub_event_type for e in events] == [TRANSFER]
    assert "Peter Okello" not in (events[0].actor1, events[0].actor2)
