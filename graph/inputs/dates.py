"""Publication dates: metadata dates to YYYY-MM-DD, the dateline in a text, and which date wins.

The date given by the user (``--published`` or a batch's ``published``) wins, then the page's or
feed's metadata, then a full date in the article's first lines (a dateline such as
"KIDAL, Mali, March 4, 2019 -").
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["iso_day", "date_in_text", "choose_published"]

_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATELINE = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b",
    rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b",
)]
DATELINE_CHARS = 400  # a dateline sits in the first lines; later dates are the story's, not the report's


def iso_day(value: object) -> str | None:
    """Return the day of an ISO 8601 date or timestamp ("2019-03-04T10:00:00Z" -> "2019-03-04"), else None."""
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if match is None:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def date_in_text(text: str) -> str | None:
    """Return the first full date (day, month and year) in the text's first lines, as YYYY-MM-DD, else None."""
    head = text[:DATELINE_CHARS]
    found = []
    for pattern in _DATELINE:
        for match in pattern.finditer(head):
            month = match["mon"]
            number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            try:
                found.append((match.start(), dt.date(int(match["year"]), number, int(match["day"]))))
            except ValueError:
                continue
    return min(found)[1].isoformat() if found else None


def choose_published(given: str | None, metadata: str | None, text: str) -> str | None:
    """The publication date by precedence: the given date, then the metadata's, then the text's dateline."""
    return given or iso_day(metadata) or date_in_text(text)
