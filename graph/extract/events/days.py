"""The days a sentence spreads its incident over: "between 3 and 5 May", "over 12-14 March", "from Aug. 9 to 11",
and, for a toll, the days from a weekday to the report's date: "killing five since Monday".

ACLED codes one event per day and place, so a note that tells fighting over three days is three events, its toll
divided among them (:func:`.tolls.split_evenly`). A news story tells one incident across days as one event: only
short notes are split (see :class:`.sentence_events.SentenceReader`). Two days joined by "and" ("clashes on 4 and
6 June") are not read: such a note is often one of the days' records, the other day coded apart with its own toll.
"""

from __future__ import annotations

import datetime as dt
import re

from graph.extract.events.dates import MONTHS, WEEKDAYS

__all__ = ["days_told", "MAX_DAYS"]

MAX_DAYS = 7  # a longer span is a period ("1-15 May"), not days of fighting told one by one


def _month(group: str) -> str:
    return rf"(?P<{group}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


_D1 = r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
_D2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
# "to", "until", "through" and a dash join a range, and so does "and" after "between"
_JOIN = r"\s*(?P<join>-|\u2013|to|until|through|and)\s*"
# function words and verbs that may follow a span of days; a noun after it makes the second number a count, and
# so may "killed" ("on May 12 15 killed")
_CLOSERS = ("in", "at", "near", "on", "when", "and", "as", "after", "before", "during", "between", "across",
            "around", "along", "while", "with", "the", "a", "an", "of", "that", "which", "where",
            "left", "claimed", "wounded", "injured", "saw", "caused", "displaced", "forced", "resulted")
_SPANS = (
    re.compile(rf"\b(?P<lead>between\s+)?{_D1}{_JOIN}{_D2}\s+(?:of\s+)?{_month('month')}(?![\w/])", re.IGNORECASE),
    # "Sept.20-21", "Aug. 9 to 11", closed by punctuation, a year or a function word: not a count after a month
    # ("In May 12-15 people died", "In May 2-3 militants were killed")
    re.compile(rf"\b(?P<lead>between\s+)?{_month('month')}[\s.]*{_D1}{_JOIN}(?:{_month('later')}[\s.]*)?{_D2}"
               r"\b(?![:./]\d)(?=\s*(?:$|[,.;:)\u2014]|\d{4}\b|(?:" + "|".join(_CLOSERS) + r")\b))", re.IGNORECASE),
)


_WEEKDAY = "|".join(WEEKDAYS)
# days counted back from the report: "police have killed five since Monday" is Monday, Tuesday and the report's
# Wednesday; read only for a toll, the dead of those days ("has been held since Monday" is one arrest, on Monday).
# "Over the weekend" is not read: it often dates a one-day incident to a day of it the report leaves out.
_SINCE_WEEKDAY = re.compile(rf"\bsince\s+(?:last\s+)?(?P<wd>{_WEEKDAY})\b", re.IGNORECASE)


def _from_report(text: str, published: dt.date) -> list[list[dt.date]]:
    """The days from each "since <weekday>" of ``text`` (the last such day before publication) up to
    publication; a weekday that is publication's own gives one day, which :func:`days_told` does not read: "since
    Thursday" told on a Thursday is that day, and "since last Thursday" a week, longer than :data:`MAX_DAYS`."""
    found = []
    for m in _SINCE_WEEKDAY.finditer(text):
        back = (published.weekday() - WEEKDAYS[m.group("wd").lower()]) % 7
        found.append([published - dt.timedelta(days=n) for n in range(back, -1, -1)])
    return found


def _month_no(name: str) -> int:
    return MONTHS.get(name.lower().rstrip("."), 0)


def days_told(text: str, published: dt.date | None, toll: bool = False) -> list[dt.date]:
    """The days of the one span of days that ``text`` names in one month, or, for a ``toll``, counts back from
    publication (:func:`_from_report`), in order, up to publication (which gives the year); empty when it names
    none or several, a span over :data:`MAX_DAYS` or across months, or one day only up to publication."""
    if published is None:
        return []
    found = [m for pattern in _SPANS for m in pattern.finditer(text) if m.group("month")[0].isupper()]
    counted_back = _from_report(text, published) if toll else []
    if len(found) + len(counted_back) != 1:
        return []
    if counted_back:
        return counted_back[0] if len(counted_back[0]) > 1 else []
    m = found[0]
    first, last, month = int(m.group("d1")), int(m.group("d2")), _month_no(m.group("month"))
    if m.group("join").lower() == "and" and not m.group("lead"):
        return []
    if _month_no(m.groupdict().get("later") or "") not in (0, month):
        return []  # "from 30 May to 2 June": across months, which no note of a few days needs
    if not 0 < first < last or last - first >= MAX_DAYS:
        return []
    for year in (published.year, published.year - 1):
        try:
            days = [dt.date(year, month, n) for n in range(first, last + 1)]
        except ValueError:
            return []
        if days[0] <= published:  # a report tells no day after it: those of the span are cut
            told = [day for day in days if day <= published]
            return told if len(told) > 1 else []
    return []
