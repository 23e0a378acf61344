"""The span of a date told with a death count: a period (a tally), a run of days, or a day."""

from __future__ import annotations

import pytest

from graph.extract.events.periods import DAYS, PERIOD, date_span
from graph.extract.parse.columns import span_entities


def _date(nlp, text, words):
    sent = next(nlp(text).sents)
    dates = [ent for ent in span_entities(sent) if ent.label_ == "DATE" and words in ent.text]
    assert dates, [(ent.text, ent.label_) for ent in span_entities(sent)]
    return dates[0]


@pytest.mark.parametrize(
    ("text", "words", "span"),
    [
        # periods: counts over them tally many incidents
        ("More than 300 people have been killed in the province so far this year.", "this year", PERIOD),
        ("The army has killed 200 rebels in the province this year alone.", "this year", PERIOD),
        ("Bandits have killed 120 villagers in the past three months.", "three months", PERIOD),
        ("Militias have killed dozens of farmers in recent weeks, residents say.", "weeks", PERIOD),
        ("Armed groups have killed over 500 civilians in the region since January.", "January", PERIOD),
        ("Raids have killed 90 herders since 2021.", "2021", PERIOD),
        ("The rebels have lost 400 fighters in the past year.", "year", PERIOD),
        ("Police recorded 60 killings in the district last month.", "last month", PERIOD),
        # runs of days: one incident may fill them, a day told before is not them
        ("At least 12 people have been killed in clashes since Monday.", "Monday", DAYS),
        ("Fighting between Monday and Wednesday left 30 dead.", "Monday", DAYS),
        ("Two more bodies were found over the past week.", "week", DAYS),
        ("The wounded guard died two days later.", "two days", DAYS),
        # a day, a week by its name: neither
        ("Gunmen killed nine traders on Tuesday.", "Tuesday", None),
        ("Gunmen have killed 12 people in a raid this week.", "this week", None),
        ("Troops killed four rebels last Friday.", "Friday", None),
    ],
)
def test_date_span(nlp, text, words, span):
    assert date_span(_date(nlp, text, words)) == span
