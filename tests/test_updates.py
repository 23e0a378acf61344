"""Toll updates: a later figure for an incident's dead supersedes the first, a running total or another tally
does not (graph.extract.events.updates, read through graph.extract.events.numbers)."""

from __future__ import annotations

import pytest

from graph.extract.events.numbers import Counts, read_counts
from graph.extract.events.updates import toll_update


@pytest.mark.parametrize(
    ("text", "update"),
    [
        ("The toll later rose to 9.", (9, False)),
        ("The death toll has climbed to 14, hospital staff said.", (14, False)),
        ("Police later raised the toll to nine.", (9, False)),
        ("Officials later revised the number of dead to 11.", (11, False)),
        ("The number of dead rose to 12 on Tuesday.", (12, False)),
        ("Four more bodies were found on Tuesday, bringing the toll to nine.", (9, True)),
        # a tally of something else, a party's toll over a war, a date: no update
        ("The number of arrests rose to 30 after the riots in which two died.", None),
        ("The army's death toll rose to 40.", None),
        ("The toll rose sharply in the days to 12 March.", None),
        # a tally over a period counts many incidents: no update of one
        ("The number of civilians killed in the province this year has risen to 400.", None),
        ("The number of people killed in the raids has risen to 120 so far.", None),
        ("The death toll from bombings since January rose to 300.", None),
        ("The toll rose to 11 on Wednesday.", (11, False)),
        # a week named is no period: the toll told then is the incident's latest
        ("The toll of the market bombing climbed to 31 this week.", (31, False)),
        ("The number of dead in the province rose to 500 in the past three months.", None),
        # a month that dates the one incident whose toll rises, not a tally's period
        ("The toll of the bombing at the bus depot earlier this month has risen to 40.", (40, False)),
        ("The number of people killed in the region last month has risen to 250.", None),
    ],
)
def test_toll_update(nlp, text, update):
    assert toll_update(next(nlp(text).sents)) == update


@pytest.mark.parametrize(
    ("text", "fatalities", "update"),
    [
        # a later figure for the toll supersedes the first ones in the sentence
        ("The death toll rose to 45 on Monday.", 45, True),
        ("Hospital officials first counted six dead; the count was revised upward to eleven on Friday.", 11, True),
        # a running total told by a participle after the sentence's own dead is not the event's toll
        ("Four more bodies were found on Tuesday, bringing the toll to nine.", 4, False),
        ("Six policemen were killed in the ambush, raising the death toll among officers to 58.", 6, False),
    ],
)
def test_counts_with_an_update(nlp, text, fatalities, update):
    assert read_counts(next(nlp(text).sents)) == Counts(fatalities, None, update=update)
