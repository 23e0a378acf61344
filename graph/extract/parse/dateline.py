"""The publication date an article prints at its top, for articles that come without one.

Two layouts are read, in the header block only (the first lines, before the story runs on):

- a *date line*: a short line that is a date, maybe after a weekday or "Published"/"Updated" and
  before a time or a "| section" tail ("31 July, 2018", "Sunday December 4, 2022",
  "Published Mar 4, 2022 9:17 am", "2019/11/05", "2018-07-31");
- a *dateline*: the place and date that open a wire story ("MOGADISHU, July 31 (Reuters) -",
  "KABUL, Afghanistan, Aug. 3, 2021 (AP) --"). A dateline without a year takes the latest year
  the text names, and gives nothing when the text names none.

A date in the story's sentences ("On 18 May, ...") is never read as the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from graph.records import Article

__all__ = ["Dateline", "find_dateline", "with_published"]

HEADER_CHARS = 1500  # the header block: headline, standfirst, byline, date, caption
MAX_DATE_LINE = 60  # longer lines are story text, not a date line

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_LEAD = r"(?:(?:published|updated|posted|last updated|date|on)\s*:?\s*)?(?:[a-z]+day,?\s+)?"
_TAIL = r"\s*(?:$|[|•·,\-–—]|\d{1,2}[:.]\d\d|at\b|hour\b|gmt\b|utc\b|\(|\d+\s+min)"
_DATE_LINES = [
    re.compile(_LEAD + pattern + _TAIL, re.IGNORECASE)
    for pattern in (
        rf"{_DAY}\s+{_MON},?\s+{_YEAR}",
        rf"{_MON}\s+{_DAY},?\s+{_YEAR}",
        r"(?P<year>(?:19|20)\d\d)[-/.](?P<mon>[01]?\d)[-/.](?P<day>[0-3]?\d)\b",
    )
]
_AGENCY = r"\((?:[A-Z][\w.&' ]{0,30})\)"
_WIRES = [
    re.compile(
        rf"^[A-Z][A-Z .'/-]{{2,40}},(?:\s+[A-Z][\w .'-]{{1,30}},)?\s+{day_month}(?:,?\s+{_YEAR})?\s*"
        rf"(?:{_AGENCY})?\s*[-–—:]"
    )
    for day_month in (rf"{_MON}\s+{_DAY}", rf"{_DAY}\s+{_MON}")
]
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Dateline:
    """A publication date read from the text, and how: "date line" or "dateline"."""

    date: dt.date
    how: str


def _date(year: int, month_text: str, day: int) -> dt.date | None:
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3].lower(), 0)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_line(line: str) -> dt.date | None:
    if len(line) > MAX_DATE_LINE:
        return None
    for pattern in _DATE_LINES:
        match = pattern.match(line)
        if match:
            return _date(int(match["year"]), match["mon"], int(match["day"]))
    return None


def _wire(line: str, text: str) -> dt.date | None:
    match = next((m for m in (w.match(line) for w in _WIRES) if m), None)
    if not match:
        return None
    if match["year"]:
        year = int(match["year"])
    else:
        years = [int(y) for y in _ANY_YEAR.findall(text)]
        if not years:
            return None
        year = max(years)
    return _date(year, match["mon"], int(match["day"]))


def find_dateline(text: str) -> Dateline | None:
    """Return the publication date printed in the article's header block, or None."""
    header = text[:HEADER_CHARS]
    for raw in header.splitlines():
        line = raw.strip()
        if not line:
            continue
        found = _date_line(line)
        if found:
            return Dateline(found, "date line")
        found = _wire(line, text)
        if found:
            return Dateline(found, "dateline")
    return None


def with_published(article: Article) -> Article:
    """The article with its publication date: as given, else from its date line or dateline (``published_from``)."""
    if article.published:
        return article
    found = find_dateline(article.text or "")
    if found is None:
        return article
    return replace(article, published=found.date, published_from=found.how)
