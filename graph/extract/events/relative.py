"""Dates told relative to the event before: "the next day", "two days later", "the previous night", "came a
day after".

A story dates its first incident and the next ones from it ("On Monday militants attacked Tera. The
next day police dispersed a protest in Jinja"). Such an expression names no day of its own: it
shifts the day of the event told before it. A month-precise anchor gives no day, so the event keeps
the anchor's month; nothing is dated after publication.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from graph.extract.events.dates import NUMBER_WORDS, DateReading, find_dates
from graph.extract.parse.sentences import span_text

__all__ = ["day_offset", "shift_reading", "relative_reading", "counted_from_date"]

_CAME = r"(?:came|comes|happened|occurred)(?:\s+(?:just|only))?"
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
        # "The attack came a day after six villagers were killed": the other incident, that long before this one
        (-1, rf"\b{_CAME}\s+{_COUNT}\s+(?P<unit>day|week)s?\s+after\b"),
        (0, rf"\b{_CAME}\s+(?:just\s+|only\s+|a\s+few\s+)?(?:hours|minutes)\s+after\b"),
    ]
]
# A word every offset pattern needs (matched as they match it): most sentences have none, and one search
# rules all the patterns out (tests/test_relative_dates.py passes an example of each pattern through it).
_OFFSET_WORD = re.compile(r"next|following|later|previous|preceding|before|earlier|after", re.IGNORECASE)


def _find_offset(text: str) -> tuple[int, int, int] | None:
    """(start, end, days) of the first offset expression of ``text``."""
    if not _OFFSET_WORD.search(text):
        return None
    for sign, pattern in _OFFSETS:
        m = pattern.search(text)
        if m is None:
            continue
        groups = m.groupdict()
        if not groups.get("n"):
            return m.start(), m.end(), sign
        n = int(groups["n"]) if groups["n"].isdigit() else NUMBER_WORDS[groups["n"].lower()]
        return m.start(), m.end(), sign * n * (7 if groups["unit"].lower() == "week" else 1)
    return None


def day_offset(text: str) -> int | None:
    """Return the days ``text`` shifts from the event told before ("a day later" -> 1), or None."""
    found = _find_offset(text)
    return found[2] if found else None


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


def _verb_over(sent: Span, start: int, end: int) -> Token | None:
    """The nearest verb above the words at ``start:end`` of ``sent``."""
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    node = span.root if span is not None and len(span) else None
    while node is not None and node.pos_ not in ("VERB", "AUX"):
        node = node.head if node.head != node else None
    return node


def counted_from_date(sent: Span, trigger: Token, reading: DateReading, published: dt.date | None) -> DateReading:
    """The sentence's date, moved when the event's own clause counts from it with an offset.

    "The group claimed on Monday the ambush carried out the day before": Monday dates the claim, the
    ambush is a day before it (Sunday). The offset counts from the date only when it stands on another verb
    and the event word is that offset's verb, or above it as the noun its clause describes, or below it.
    """
    text = span_text(sent)  # spaCy joins a span's tokens anew on each read of sent.text
    found = _find_offset(text)
    if found is None:
        return reading
    verb = _verb_over(sent, found[0], found[1])
    described = verb is not None and verb.head == trigger and verb.dep_ in ("relcl", "acl")
    if verb is None or not (trigger == verb or trigger in verb.subtree or described):
        return reading
    for start, end, date in find_dates(text, published):
        dated = _verb_over(sent, start, end)
        if date == reading and dated is not None and dated != verb and dated not in verb.subtree:
            return shift_reading(reading, found[2], published) or reading
    return reading
