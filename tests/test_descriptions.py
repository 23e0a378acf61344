"""Sentences that describe a standing state after the news ("X has become the epicentre", "the attacks reflect
an escalation", "the bombing is the latest in a series") give no event of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.pipeline import Extractor
from graph.records import Article

LEDE = "Gunmen killed nine villagers in Bankass, Mali, on Sunday. "


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def events_of(extractor, text: str):
    return extractor.extract(Article(id="story", text=text, published=dt.date(2021, 6, 28))).events


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # descriptions after the news: one event, the lede's
        (LEDE + "Northern Burkina Faso has become the centre of an insurgency in which raids are frequent.", 1),
        (LEDE + "The killings reflect a steady escalation of violence in the region.", 1),
        (LEDE + "Sunday's attack is the latest in a series of massacres across the Sahel.", 1),
        (LEDE + "Dozens of armed groups are active in the region.", 1),
        # past tense still tells what happened: two events
        (LEDE + "There were clashes between soldiers and jihadists near Gao on Monday.", 2),
        # a description that is the only account of an incident is kept
        ("The suicide bombings in Gao were the deadliest ever for the town.", 1),
        ("The suicide bombing at the Gao market on Sunday is the deadliest attack on the town this year.", 1),
    ],
)
def test_descriptions_give_no_event_of_their_own(extractor, text, count):
    assert len(events_of(extractor, text)) == count
