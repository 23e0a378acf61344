"""A lede printed as the page's first line (graph/extract/events/skips.py ``drop_headline``): when the body
restates its incident, the lede's event goes, and the day its words give goes to the body's event."""

from __future__ import annotations

import pytest

from tests.test_events import extract

BODY = ("\n\nThe gunmen opened fire on a bus carrying traders to the weekly market outside the town, a local "
        "official told reporters by telephone.\n\nThe weekly market draws traders from across the region.")


@pytest.mark.parametrize(
    ("first_line", "dates"),
    [
        # a lede (a sentence) with a day of its own: the body's event takes that day
        ("Gunmen killed four traders in an ambush near Kidal, northern Mali, on Sunday, officials said.",
         ["2024-03-17"]),
        # a headline with the page's date line: the date of the page is no incident's day
        ("Gunmen kill four traders near Kidal | 20 March 2024", ["2024-03"]),
        # a lede without a day leaves the body's event as it was
        ("Gunmen killed four traders in an ambush near Kidal, northern Mali, officials said.", ["2024-03"]),
    ],
)
def test_the_body_event_takes_the_day_of_the_lede_it_restates(first_line, dates):
    events = extract("lede", first_line + BODY, "2024-03-20").events
    assert [event.date for event in events] == dates
    assert all(event.evidence.startswith("The gunmen opened fire") for event in events)
