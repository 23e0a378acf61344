"""Dates told relative to the event before: "the next day", "two days later", "the previous night".

A story dates its first incident and the next ones from it ("On Monday militants attacked Tera. The
next day police dispersed a protest in Jinja"). Such an expression names no day of its own: it
shifts the day of the event told before it. A month-precise anchor gives no day, so the event keeps
the anchor's month; nothing is dated after publication.
"""

from __future__ import annotations

import datetime as dt
import re

from graph.extract.events.dates import NUMBER_WORDS, DateReading

__all__ = ["day_offset", "shift_reading", "relative_reading"]

_COUNT = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# "the day before, ...", "two days before." but not "the day before the vote" (a day before something else)
_ALONE = r"(?=\s*[,.;:)]|\s*$)"
_OFFSETS: list[tuple[int, re.Pattern[str]]] = [
    (sign, re.compile(pattern, re.IGNORECASE))
    for sign, pattern in [
        (1, r"\bthe\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b"),
        (1, rf"\b{_COUNT}\s+(?P<unit>day|week)s?\s+later\b"),
        (-1, r"\bthe\s+(?:previous|preceding)\s+(?:day|morning|afternoon|evening|night)\b"),
        (-1, rf"\bthe\s+(?:day|night)\s+before{_ALONE}"),
        (-1, rf"\b{_COUNT}\s+(?P<unit>day|week)s?\s+(?:earlier|before{_ALONE})"),
    ]
]


def day_offset(text: str) -> int | None:
    """Return the days ``text`` shifts from the event told before ("a day later" -> 1), or None."""
    for sign, pattern in _OFFSETS:
        m = pattern.search(text)
        if m is None:
            continue
        groups = m.groupdict()
        if not groups.get("n"):
            return sign
        n = int(groups["n"]) if groups["n"].isdigit() else NUMBER_WORDS[groups["n"].lower()]
        return sign * n * (7 if groups["unit"].lower() == "week" else 1)
    return None


def shift_reading(anchor: DateReading, days: int, published: dt.date | None) -> DateReading | None:
    """The anchor's day moved by ``days``; a coarser anchor as it is; None past publication."""
    if anchor.precision != "day":
        return anchor
    day = dt.date.fromisoformat(anchor.iso) + dt.timedelta(days=days)
    return DateReading(day.isoformat(), "day") if published is None or day <= published else None


def relative_reading(text: str, anchor: DateReading | None, published: dt.date | None) -> DateReading | None:
    """The date ``text`` gives relative to ``anchor``, the date of the event told before; None without one."""
    offset = day_offset(text)
    if offset is None or anchor is None:
        return None
    return shift_reading(anchor, offset, published)
