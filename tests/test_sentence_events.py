"""One sentence's events at several places (graph/extract/events/sentence_events.py, ``spread``): a toll told of the
places together is shared among them; a toll told in a "where" clause is the dead of the place the clause follows."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.records import Article


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # the clause after the last place tells that place's dead
        ("Rebels shelled the markets of Gulu and Kitgum on Friday, where four traders died.",
         [("Gulu", None), ("Kitgum", 4)]),
        ("Fighting spread to the villages of Kiwanja and Rubare, where three civilians were killed.",
         [("Kiwanja", None), ("Rubaare", 3)]),
        # a toll told of both places: each its share, as ACLED divides it
        ("Gunmen attacked the villages of Kiwanja and Rubare, killing four people.", [("Kiwanja", 2), ("Rubaare", 2)]),
    ],
)
def test_a_toll_told_in_a_where_clause_is_the_dead_of_that_clause_s_place(extractor, text, tolls):
    events = extractor.extract(Article(id="note", text=text, published=dt.date(2024, 3, 20))).events
    assert [(e.location, e.fatalities) for e in events] == tolls
