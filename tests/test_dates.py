"""Date resolution against the publication date: weekdays, relative days and weeks, month names, explicit dates."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.events.dates import (
    _NUMERIC,
    _PATTERNS,
    DateReading,
    _searched,
    find_dates,
    resolve_date,
    standing_since,
)

PUBLISHED = dt.date(2019, 3, 14)  # a Thursday


def read(nlp, text: str, published: dt.date | None = PUBLISHED) -> DateReading | None:
    return resolve_date(next(nlp(text).sents), published)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("Gunmen attacked the convoy on Tuesday.", "2019-03-12", "day"),
        ("The market was shelled on Thursday morning.", "2019-03-14", "day"),  # the publication day itself
        ("Rebels shelled the town on Friday.", "2019-03-08", "day"),  # never after publication
        ("Two soldiers were killed last Thursday.", "2019-03-07", "day"),
        ("Police dispersed the rally today.", "2019-03-14", "day"),
        ("Police dispersed the rally yesterday.", "2019-03-13", "day"),
        ("Fighting resumed last night near the dam.", "2019-03-13", "day"),
        ("The village was attacked 3 days ago.", "2019-03-11", "day"),
        ("The village was attacked two weeks ago.", "2019-02-25", "week"),
        ("Hostages were taken last week.", "2019-03-04", "week"),  # Monday of that week
        ("Clashes have continued this week.", "2019-03-11", "week"),
        ("The militia was formed last month.", "2019-02", "month"),
        ("Attacks have increased since last month.", "2019-02", "month"),
        ("Protests began in January.", "2019-01", "month"),
        ("The town fell in May.", "2018-05", "month"),  # a month after the publication month is last year's
        ("The offensive began in mid-February.", "2019-02", "month"),
        ("Talks collapsed in late October.", "2018-10", "month"),
        ("The ceasefire was signed on March 2.", "2019-03-02", "day"),
        ("The ceasefire was signed on 2 March.", "2019-03-02", "day"),
        ("The bombing on December 25 killed nine.", "2018-12-25", "day"),
        ("The attack on Sept. 11, 2001 changed the war.", "2001-09-11", "day"),
        ("The report covers 12 June 2017.", "2017-06-12", "day"),
        ("The dam was captured in August 2016.", "2016-08", "month"),
        ("Casualties rose last year.", "2018", "year"),
        ("Hundreds were arrested on 2018-11-30.", "2018-11-30", "day"),
        ("Rallies turned violent on Saturday, August 22, 2018.", "2018-08-22", "day"),
        ("Grenades were thrown on Friday night (March 1), police said.", "2019-03-01", "day"),
        ("The fighting ended earlier this month.", "2019-03", "month"),
        ("The group was founded late last year.", "2018", "year"),
        # the date of the event beats the date of the report, even nearer the root
        ("Gunmen killed 12 villagers on Saturday, local officials said on Monday.", "2019-03-09", "day"),
        ("Officials told AFP on Wednesday that rebels had shelled the town on Monday.", "2019-03-11", "day"),
        ("The army said on Sunday that rebels had shelled the town.", "2019-03-10", "day"),  # the only date
        # a day told back from the telling counts from the report's day, not from publication
        ("The army confirmed on Tuesday that militants attacked two posts overnight.", "2019-03-11", "day"),
        ("Police said on Tuesday that gunmen killed three farmers last night.", "2019-03-11", "day"),
        ("Officials said on Wednesday that rebels shelled the town yesterday.", "2019-03-12", "day"),
        ("Gunmen attacked two posts overnight, the army said on Tuesday.", "2019-03-11", "day"),
        ("Gunmen attacked two posts yesterday.", "2019-03-13", "day"),  # no report day: from publication
    ],
)
def test_resolves(nlp, text, iso, precision):
    assert read(nlp, text) == DateReading(iso, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked the base and killed four soldiers.",
        "The army may withdraw its troops from the region.",  # "may" the verb, not the month
        "More than 1,200 people fled the fighting.",
        "The group has fought the state since 2009.",  # the start of a long period, not the date of an event
    ],
)
def test_no_date(nlp, text):
    assert read(nlp, text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The town was shelled on Tuesday.", None),  # relative dates need a publication date
        ("The town was shelled on 4 April 2015.", DateReading("2015-04-04", "day")),
    ],
)
def test_without_publication_date(nlp, text, expected):
    assert read(nlp, text, None) == expected


def test_future_dates_are_not_event_dates(nlp):
    assert read(nlp, "Elections are due on 20 June 2019.") is None


def test_main_clause_date_wins(nlp):
    text = "On Tuesday the rebels freed the women they had kidnapped last week."
    assert read(nlp, text) == DateReading("2019-03-12", "day")


def test_find_dates_gives_offsets():
    text = "Fighting on Monday and again yesterday."
    found = find_dates(text, PUBLISHED)
    assert [text[s:e] for s, e, _ in found] == ["on Monday", "yesterday"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels shelled the town in mid-July, residents said.", ["mid-July"]),
        ("The militia withdrew two days ago and returned last weekend.", ["two days ago", "last weekend"]),
        ("Troops have held the pass since March; it fell again on Friday.", ["since March", "on Friday"]),
        ("Gunmen struck overnight, and the army answered this morning.", ["overnight", "this morning"]),
        ("Protesters marched on the third of August.", ["of August"]),
    ],
)
def test_dates_without_digits_are_found_without_the_numeric_patterns(text, expected):
    # find_dates skips the patterns that need a digit when the text has none
    assert [kind for kind, pattern in _PATTERNS if kind in _NUMERIC and pattern.search(text)] == []
    assert [text[s:e].strip() for s, e, _ in find_dates(text, PUBLISHED)] == expected


@pytest.mark.parametrize(
    ("text", "standing"),
    [
        ("The rebels have been fighting the army since April 2017.", True),
        ("The war has gone on since 2011.", True),
        ("Clashes have been raging since Monday.", False),  # days old: still the event's date
        ("Fighting has raged since April 2017, and on Tuesday rebels shelled the town.", False),
        ("Rebels shelled the town.", False),
        ("Since seizing power last August, the junta has been battling the rebels.", True),
    ],
)
def test_a_since_date_long_before_publication_starts_a_situation(text, standing):
    assert standing_since(text, PUBLISHED) is standing


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # the start of a long period is no date of what the sentence tells
        ("Since the start of the truce in June 2017, the militia has shelled the port town.", None),
        ("Rebels have raided farms across the valley since the army left in 2016.", None),
        ("The worst clashes since the peace deal of August 2017 broke out on Tuesday.", "2019-03-12"),
        # a period begun days ago still dates its events
        ("Rebels have raided farms across the valley since the army left on Monday.", "2019-03-11"),
    ],
)
def test_a_period_begun_long_before_publication_dates_nothing(nlp, text, iso):
    reading = read(nlp, text)
    assert (reading.iso if reading else None) == iso


def test_a_war_going_on_since_long_ago_is_not_an_event_but_fighting_since_monday_is():
    from graph.extract.pipeline import Extractor
    from graph.records import Article

    text = ("The army has been fighting the rebels since April 2017, officials said. "
            "Clashes between the army and the rebels have been raging near Goma since Monday.")
    events = Extractor().extract(Article(id="since", text=text, published=PUBLISHED)).events
    assert [e.evidence[:7] for e in events] == ["Clashes"]
    assert events[0].date == "2019-03-11"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the town in mid-July, residents said.",
        "The militia withdrew two days ago and returned last weekend.",
        "On 2021-03-04 and again on Sept. 9, 2021, soldiers raided the camp.",
        "Gunmen struck overnight, and the army answered this morning.",
        "Police arrested 14 protesters in the capital, a spokesman said.",
        "Protesters marched on the third of August; 3 MAY 2020 was quieter.",
        "The convoy was ambushed on SUNDAY near the border crossing.",
        "Looters emptied the depot this Month, as they had the past YEAR.",
    ],
)
def test_a_pattern_left_out_for_lacking_its_words_finds_nothing(text):
    searched = [kind for kind, _ in _searched(text)]
    assert [kind for kind, pattern in _PATTERNS if kind not in searched and pattern.search(text)] == []
    assert len(searched) < len(_PATTERNS)  # each sentence leaves some pattern out


@pytest.mark.parametrize(("text", "searched"), [
    ("Gunmen raided the post last night.", False),
    ("Gunmen raided the post last Week.", True),
    ("Gunmen raided the post in the same month.", True),
])
def test_a_period_of_the_report_is_searched_only_where_a_week_month_or_year_is_named(text, searched):
    assert ("lastunit" in [kind for kind, _ in _searched(text)]) is searched


def test_a_text_with_other_letters_is_searched_with_every_pattern_its_digits_allow():
    text = "Rebels attacked the café on 3 June 2018 — residents fled."  # not ASCII: no shortcut
    assert [kind for kind, _ in _searched(text)] == [kind for kind, _ in _PATTERNS]
    assert [text[s:e] for s, e, _ in find_dates(text, PUBLISHED)] == ["3 June 2018"]
