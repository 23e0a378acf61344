"""A sentence told of several places (graph/extract/events/coref.py): a later mention that returns to one of
its places joins that place's event, wherever that place stands in the sentence, and leaves it its toll."""

from __future__ import annotations

import pytest

from tests.test_events import extract


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the later sentence returns to the first of three places: one event there, with the place's toll
        ("Patrols shot dead two traders in Gao on Monday, three in Kidal and four in Menaka. In Gao, a witness "
         "saw soldiers shoot dead a trader outside the market.",
         [("Gao", 2), ("Kidal", 3), ("Ménaka", 4)]),
        # ... to the middle one
        ("Patrols shot dead two traders in Gao on Monday, three in Kidal and four in Menaka. In Kidal, a witness "
         "saw soldiers shoot dead a trader outside the market.",
         [("Gao", 2), ("Kidal", 3), ("Ménaka", 4)]),
        # a place the sentence did not tell is an event of its own
        ("Patrols shot dead two traders in Gao on Monday, three in Kidal and four in Menaka. In Timbuktu, a "
         "witness saw soldiers shoot dead a trader outside the market.",
         [("Gao", 2), ("Kidal", 3), ("Ménaka", 4), ("Timbuktu", 1)]),
    ],
)
def test_a_mention_that_returns_to_one_place_joins_that_place(text, events):
    found = extract("places", text, "2024-03-22").events
    assert [(event.location, event.fatalities) for event in found] == events
