"""Days a sentence spreads its incident over (graph/extract/events/days.py) and ACLED's one event per day in a
short note (SentenceReader.by_day): the toll divided among the days; a long story keeps one event."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.events.days import days_told
from tests.test_events import extract

PUBLISHED = dt.date(2021, 9, 30)


def _days(*numbers: int, month: int = 9, year: int = 2021) -> list[dt.date]:
    return [dt.date(year, month, n) for n in numbers]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Rebels and troops fought over 12-14 September near Kindu.", _days(12, 13, 14)),
        ("Rival vigilante groups exchanged fire near Kindu between Sept.20-21.", _days(20, 21)),
        ("Fighting went on between 3 and 5 September in the hills.", _days(3, 4, 5)),
        ("Herders raided farms from Sep. 8 to 10, residents said.", _days(8, 9, 10)),
        ("Police fired on marchers from 28 to 30 September.", _days(28, 29, 30)),
        # a span in the report's month that runs past publication: the days up to it
        ("Clashes between 29 September and 2 October", []),
        ("Soldiers clashed with gunmen on 29-31 August.", _days(29, 30, 31, month=8)),
        # a span of a month before publication's in the year before (a note of January about December)
        ("Raids over 24-26 December.", _days(24, 25, 26, month=12, year=2020)),
        # two days joined by "and": often one of two notes, each day coded apart
        ("Clashes on 4 and 6 September killed five.", []),
        # no span of days: numbers of people, a long period, one day, two spans
        ("Gunmen killed 12-15 villagers near Kindu.", []),
        ("In September 2-3 fighters were killed near Kindu.", []),
        ("In September 4-6 herders lost their cattle.", []),
        # a span closed by a verb
        ("Shelling on Sept. 2-3 left ten dead near Kindu.", _days(2, 3)),
        ("Aid was cut from 1 to 20 September.", []),
        ("Troops clashed with rebels on 12 September.", []),
        ("Fighting on 3-4 September and again on 10-11 September.", []),
        # days counted from a weekday up to the report (a Thursday): that day, the days after it and the report's
        ("Shelling has killed nine people in the town of Kora since Monday.", _days(27, 28, 29, 30)),
        ("Shelling of the camp has gone on since last Tuesday.", _days(28, 29, 30)),
        ("Curfew in force since Thursday.", []),  # the report's own day: one day
        # "last <weekday>" told on that weekday is a week back, a period longer than days told one by one: not read
        ("Shelling of the camp has gone on since last Thursday.", []),
        ("Raids since Monday and since Wednesday.", []),
        ("Fighting since Monday, after clashes over 12-14 September.", []),
        # "over the weekend" may be any one day of it: not read
        ("Gunmen killed four farmers over the weekend.", []),
    ],
)
def test_days_told(text, days):
    assert days_told(text, PUBLISHED, toll=True) == days


def test_days_since_a_weekday_are_read_for_a_toll_only():
    text = "A journalist arrested at a checkpoint remains in custody since Saturday, his editor said."
    assert days_told(text, PUBLISHED) == []
    assert len(days_told(text, PUBLISHED, toll=True)) == 6


def test_a_day_after_publication_is_cut():
    assert days_told("Fighting over 28-30 September.", dt.date(2021, 9, 29)) == _days(28, 29)
    assert days_told("Fighting over 29-30 September.", dt.date(2021, 9, 29)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "dates", "tolls"),
    [
        # a short note: one event per day, the toll shared (the remainder to the first days)
        ("Militiamen and soldiers clashed near Kindu over 12-14 September, killing 10.",
         ["2021-09-12", "2021-09-13", "2021-09-14"], [4, 3, 3]),
        # the toll told in the next sentence is shared the same way
        ("Police opened fire on herders near Kindu between 20 and 21 September. Nine people died in the clashes, "
         "a chief said.", ["2021-09-20", "2021-09-21"], [5, 4]),
        # one day only: one event
        ("Militiamen and soldiers clashed near Kindu on 14 September, killing 10.", ["2021-09-14"], [10]),
        # a toll told since a weekday: one event per day up to the report, the toll shared
        ("Fighting between two rival militias near Kora has killed eleven people since Sunday, a local chief said.",
         ["2021-09-26", "2021-09-27", "2021-09-28", "2021-09-29", "2021-09-30"], [3, 2, 2, 2, 2]),
    ],
)
def test_a_short_note_gives_one_event_per_day(text, dates, tolls):
    events = extract("days", text, PUBLISHED.isoformat()).events
    assert [e.date for e in events] == dates
    assert [e.fatalities for e in events] == tolls
    assert len({e.event_type for e in events}) == 1


@pytest.mark.slow
def test_a_story_keeps_one_event_over_several_days():
    text = ("Militiamen and soldiers clashed near Kindu over 12-14 September, killing 10, officials said. "
            "The fighting forced hundreds of families to flee towards the river. "
            "Aid workers said the roads to the town were closed for most of the week. "
            "A local official said schools would stay shut until the army restored order. "
            "The militia has been active in the area for several years, residents said. "
            "Talks between the two sides broke down last month.")
    events = [e for e in extract("days-story", text, PUBLISHED.isoformat()).events if e.event_type == "Battles"]
    assert len(events) == 1
    assert events[0].fatalities == 10
