"""Dates told relative to the event before ("the next day", "two days later"): unit and article tables."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.events.dates import DateReading
from graph.extract.events.relative import day_offset, relative_reading
from tests.test_events import extract

PUBLISHED = "2024-03-22"  # a Friday


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("The next day police dispersed the crowd.", 1),
        ("On the following morning the rebels withdrew.", 1),
        ("A day later soldiers clashed with the gunmen.", 1),
        ("Three days later the army shelled the camp.", 3),
        ("Two weeks later the militia returned.", 14),
        ("The previous night rioters had burned the office.", -1),
        ("The day before, the convoy had been ambushed.", -1),
        ("Two days earlier, gunmen had raided the village.", -2),
        ("The station was looted the night before.", -1),
        # an earlier incident told by how long before the one just told it happened
        ("The attack came two days after gunmen killed four herders near Dori.", -2),
        ("The raid came a week after soldiers shelled the camp.", -7),
        ("It came just hours after a roadside bomb hit a convoy.", 0),
        # a day before something else than the event told before, or no shift at all
        ("Police dispersed a rally the day before the vote.", None),
        ("Days later the army shelled the camp.", None),
        ("Gunmen attacked the convoy on Tuesday.", None),
        ("The attack came after weeks of tension.", None),
    ],
)
def test_day_offset(text, offset):
    assert day_offset(text) == offset


@pytest.mark.parametrize(
    ("anchor", "text", "expected"),
    [
        (DateReading("2024-03-18", "day"), "The next day police fired tear gas.", DateReading("2024-03-19", "day")),
        (DateReading("2024-02-28", "day"), "Two days later troops returned.", DateReading("2024-03-01", "day")),
        # a month-precise anchor gives no day; a day after publication is none
        (DateReading("2024-02", "month"), "The next day troops returned.", DateReading("2024-02", "month")),
        (DateReading("2024-03-22", "day"), "The next day troops returned.", None),
        (None, "The next day troops returned.", None),
    ],
)
def test_relative_reading(anchor, text, expected):
    assert relative_reading(text, anchor, dt.date.fromisoformat(PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Militants attacked an army base in Gao on Monday, killing four soldiers. "
            "The next day police dispersed a protest in Kampala.",
            [("Armed clash", "2024-03-18"), ("Protest with intervention", "2024-03-19")],
        ),
        (
            "Gunmen killed three farmers in Dori on 3 March. "
            "Two days later soldiers clashed with the gunmen near Tera.",
            [("Attack", "2024-03-03"), ("Armed clash", "2024-03-05")],
        ),
        (
            "Police arrested 20 protesters in Kampala on Tuesday. "
            "The previous night, rioters had burned a police station in Jinja.",
            [("Protest with intervention", "2024-03-19"), ("Violent demonstration", "2024-03-18")],
        ),
        # an offset on the event's own clause counts from the date of another verb of its sentence
        (
            "Islamic State on Friday claimed a bombing that happened a day earlier at a mosque in Kunduz.",
            [("Remote explosive/landmine/IED", "2024-03-21")],
        ),
        (
            "Police said on Monday that gunmen had attacked a village near Dori three days before.",
            [("Attack", "2024-03-15")],
        ),
        # the earlier incident is one of its own, dated back from the one just told
        (
            "Gunmen attacked an army base in Gao on Tuesday. The attack came two days after gunmen killed four "
            "herders near Dori.",
            [("Armed clash", "2024-03-19"), ("Attack", "2024-03-17")],
        ),
        (
            "Gunmen killed 14 villagers in Tera on Tuesday night. The attack came a day after gunmen shot dead "
            "five traders in an ambush near Tera.",
            [("Attack", "2024-03-19"), ("Attack", "2024-03-18")],
        ),
        (
            "The next day, on Tuesday, police dispersed a protest in Jinja.",
            [("Protest with intervention", "2024-03-19")],
        ),
        (
            "Rebels attacked Beni in February. The next day the army shelled their camp near Butembo.",
            [("Attack", "2024-02"), ("Shelling/artillery/missile attack", "2024-02")],
        ),
    ],
)
def test_article_event_dates(text, expected):
    events = extract("relative", text, PUBLISHED).events
    assert [(e.sub_event_type, e.date) for e in events] == expected



# One example of each offset pattern, in the patterns' order
OFFSET_EXAMPLES = ["Police came back the following evening.", "Three weeks later the road reopened.",
                   "The camp had been shelled the preceding night.", "Troops had left the town the night before.",
                   "The convoy set out two days earlier.", "The raid came a week after the ambush.",
                   "The blast occurred hours after the vote."]


def test_the_offset_examples_cover_every_pattern():
    from graph.extract.events.relative import _OFFSETS

    assert [[i for i, (_, pattern) in enumerate(_OFFSETS) if pattern.search(text)][0] for text in OFFSET_EXAMPLES] == (
        list(range(len(_OFFSETS))))


@pytest.mark.parametrize("text", OFFSET_EXAMPLES)
def test_the_offset_gate_lets_every_offset_pattern_through(text):
    from graph.extract.events.relative import _OFFSET_WORD

    assert _OFFSET_WORD.search(text)
