"""Resolves the date a sentence gives for its event against the article's publication date.

A small own resolver (no dateparser: its defaults move bare months to the base date's day and
miss "mid-July"). It reads explicit dates, month names, weekdays, "today", "yesterday",
"last week", "N days ago", "since last month"; it never returns a date after publication.
When a sentence holds several expressions, the one nearest the root of the parse wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

from graph.extract.events.lexicon import REPORT_VERBS
from graph.extract.parse.sentences import span_text

__all__ = ["DateReading", "resolve_date", "find_dates", "standing_since"]

MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {d: n for n, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
} | {"a": 1, "an": 1}
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in [
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("mdy", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("part", rf"\b(?P<part>mid|early|late|end of|beginning of|start of)[\s-]+{_MONTH}(?:,?\s+{_YEAR})?\b"),
        ("my", rf"\b{_MONTH},?\s+{_YEAR}\b"),
        ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![:.]\d)"),
        ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
        (
            "ago",
            r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b",
        ),
        (
            "rel",
            r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|this morning|this afternoon|"
            r"this evening|last night|overnight)\b",
        ),
        ("lastunit", r"\b(?P<which>last|this|past|previous)\s+(?P<unit>week|weekend|month|year)\b"),
        (
            "weekday",
            r"\b(?:(?P<which>last|this|on|past)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|"
            r"saturday|sunday)\b",
        ),
        ("month", rf"\b(?P<prep>in|since|during|last|this|early|late|until|by|from|of)\s+{_MONTH}\b"),
        ("year", rf"\b(?P<prep>in|since|during|of)\s+{_YEAR}\b"),
    ]
]
# Kinds whose pattern needs a digit (a day or a year): a text without one is not searched for them.
_NUMERIC = frozenset(["iso", "mdy", "dmy", "my", "md", "dm", "year"])
_WORD_PATTERNS = [(kind, pattern) for kind, pattern in _PATTERNS if kind not in _NUMERIC]
_DIGIT = re.compile(r"\d")
# Letters every match of a kind holds, in lower case: each month name starts with one of the stems, each
# weekday ends in "day", each "rel" word holds "day", "night" or "this", each "lastunit" unit is a week, a
# month or a year. An ASCII text (in which IGNORECASE means ASCII case) holding none of a kind's words is not
# searched for that kind.
_MONTH_STEMS = tuple(dict.fromkeys(name[:3] for name in MONTHS))
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "mdy": _MONTH_STEMS, "dmy": _MONTH_STEMS, "part": _MONTH_STEMS, "my": _MONTH_STEMS,
    "md": _MONTH_STEMS, "dm": _MONTH_STEMS, "month": _MONTH_STEMS, "ago": ("ago",), "weekday": ("day",),
    "rel": ("day", "night", "this"), "lastunit": ("week", "month", "year"),
}


@dataclass(frozen=True)
class DateReading:
    """A resolved date: ISO text at the given precision (day, week, month, year)."""

    iso: str
    precision: str


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _reading(day: dt.date, precision: str) -> DateReading:
    text = {
        "day": day.isoformat(),
        "week": _monday(day).isoformat(),
        "month": day.isoformat()[:7],
        "year": str(day.year),
    }[precision]
    return DateReading(text, precision)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_no(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _no_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """A day of a month without a year: the latest one not after publication."""
    if published is None:
        return None
    found = _safe_date(published.year, month, day)
    if found is None or found > published:
        found = _safe_date(published.year - 1, month, day)
    return found


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> DateReading | None:
    """Resolve one matched expression of a kind of :data:`_PATTERNS`; relative ones need the publication date."""
    groups = m.groupdict()
    if kind in _ABSOLUTE:
        return _ABSOLUTE[kind](kind, groups, published)
    return _RELATIVE[kind](groups, published) if published is not None else None


def _written_day(kind: str, g: dict[str, str], published: dt.date | None) -> DateReading | None:
    """A day written out: "2020-08-22", "August 22, 2020", "22 August 2020"."""
    month = int(g["mon"]) if kind == "iso" else _month_no(g["mon"])
    found = _safe_date(int(g["year"]), month, int(g["day"]))
    return _reading(found, "day") if found and (published is None or found <= published) else None


def _written_month(kind: str, g: dict[str, str], published: dt.date | None) -> DateReading | None:
    """A month: "mid-July", "August 2020", "in March" (its latest occurrence up to publication)."""
    if kind == "month" and g["mon"].lower() in ("may", "mar") and g["mon"][0].islower():
        return None  # the verb "may", the word "mar"
    month = _month_no(g["mon"])
    if g.get("year"):
        found = _month_start(int(g["year"]), month)
    elif published is None:
        return None
    else:
        found = _month_start(published.year, month)
        if found > published or (kind == "month" and g["prep"].lower() == "last" and month == published.month):
            found = _month_start(published.year - 1, month)
    return _reading(found, "month") if published is None or found <= published else None


def _written_month_day(kind: str, g: dict[str, str], published: dt.date | None) -> DateReading | None:
    """A day without its year: "August 22", "22 August" (the latest such day up to publication)."""
    if kind == "md" and g["mon"].lower() == "may" and g["mon"][0].islower():
        return None
    found = _no_year(_month_no(g["mon"]), int(g["day"]), published)
    return _reading(found, "day") if found else None


def _written_year(_kind: str, g: dict[str, str], published: dt.date | None) -> DateReading | None:
    """A year: "in 2019", not after the year of publication."""
    year = int(g["year"])
    return DateReading(str(year), "year") if published is None or year <= published.year else None


def _ago(g: dict[str, str], published: dt.date) -> DateReading:
    """A time back from publication: "three days ago", "a month ago"."""
    n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()]
    unit = g["unit"].lower()
    if unit == "month":
        return _reading(_shift_months(published, -n), "month")
    if unit == "year":
        return DateReading(str(published.year - n), "year")
    days = n * (7 if unit == "week" else 1)
    return _reading(published - dt.timedelta(days=days), "week" if unit == "week" else "day")


def _relative_day(g: dict[str, str], published: dt.date) -> DateReading:
    """A day named relative to publication: "yesterday", "last night", "today"."""
    back = {"the day before yesterday": 2, "yesterday": 1, "last night": 1}.get(g["rel"].lower(), 0)
    return _reading(published - dt.timedelta(days=back), "day")


def _last_unit(g: dict[str, str], published: dt.date) -> DateReading:
    """A unit relative to publication: "last week", "this weekend", "last month", "past year"."""
    unit, which = g["unit"].lower(), g["which"].lower()
    back = 0 if which == "this" else 1
    if unit == "week":
        return _reading(published - dt.timedelta(weeks=back), "week")
    if unit == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if back and published.weekday() >= 5:
            saturday -= dt.timedelta(weeks=1)
        return _reading(saturday, "week")
    if unit == "month":
        return _reading(_shift_months(published, -back), "month")
    return DateReading(str(published.year - back), "year")


def _weekday(g: dict[str, str], published: dt.date) -> DateReading:
    """A weekday: "on Tuesday", "last Friday" (the latest such day up to publication)."""
    wanted = WEEKDAYS[g["wd"].lower()]
    back = (published.weekday() - wanted) % 7
    if (g.get("which") or "").lower() == "last" and back == 0:
        back = 7
    return _reading(published - dt.timedelta(days=back), "day")


# Kinds that a date written out resolves without the publication date, and kinds relative to it.
_ABSOLUTE: dict[str, Callable[[str, dict[str, str], dt.date | None], DateReading | None]] = {
    "iso": _written_day, "mdy": _written_day, "dmy": _written_day,
    "part": _written_month, "my": _written_month, "month": _written_month,
    "md": _written_month_day, "dm": _written_month_day, "year": _written_year,
}
_RELATIVE: dict[str, Callable[[dict[str, str], dt.date], DateReading]] = {
    "ago": _ago, "rel": _relative_day, "lastunit": _last_unit, "weekday": _weekday,
}


def find_dates(text: str, published: dt.date | None) -> list[tuple[int, int, DateReading]]:
    """Return (start, end, reading) for every date expression of ``text``, without overlaps."""
    found: list[tuple[int, int, DateReading, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _searched(text):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            reading = _resolve(kind, m, published)
            taken.append((m.start(), m.end()))
            if reading is not None:
                found.append((m.start(), m.end(), reading, kind))
    explicit = [(b, e) for b, e, _, kind in found if kind in _EXPLICIT]
    # "Saturday, August 22, 2020", "Friday night (February 29)": the written date wins over the weekday
    kept = [
        (b, e, r)
        for b, e, r, kind in found
        if kind != "weekday" or not any(0 <= xb - e <= 8 or 0 <= b - xe <= 3 for xb, xe in explicit)
    ]
    return sorted(kept, key=lambda f: f[0])


_EXPLICIT = frozenset(["iso", "mdy", "dmy", "md", "dm"])


def _searched(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that can match in ``text``, in :data:`_PATTERNS` order: none that needs a digit where there is
    none, none whose words (:data:`_NEEDS`) an ASCII text lacks."""
    patterns = _PATTERNS if _DIGIT.search(text) else _WORD_PATTERNS
    if not text.isascii():
        return patterns
    lowered = text.lower()
    return [(kind, pattern) for kind, pattern in patterns
            if kind not in _NEEDS or any(word in lowered for word in _NEEDS[kind])]


def _place_in_parse(sent: Span, start: int, end: int) -> tuple[bool, int]:
    """(dates the report, depth below the root) of the date expression at ``start:end`` of ``sent``.

    A date on a reporting verb ("..., officials said on Monday") dates the report, not the event.
    """
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False, 99
    node, depth, verb = span.root, 0, None
    while node.head != node and depth < 50:
        node, depth = node.head, depth + 1
        if verb is None and node.pos_ in ("VERB", "AUX"):
            verb = node
    return verb is not None and verb.lemma_.lower() in REPORT_VERBS, depth


def resolve_date(sent: Span, published: dt.date | None) -> DateReading | None:
    """Return the date of the sentence's event, resolved against ``published``; None when it gives none.

    Among several dates, one of the event beats one of the report; then the one nearest the root wins. A
    day told back from the telling counts from the report's day ("police said on Friday that bandits raided the
    farm overnight": Thursday night), not from publication.
    """
    text = span_text(sent)  # spaCy joins a span's tokens anew on each read of sent.text
    found = [date for date in find_dates(text, published) if not _long_since(text, *date, published)]
    if not found:
        return None
    placed = sorted((*_place_in_parse(sent, start, end), start, end, reading) for start, end, reading in found)
    best = placed[0]
    report = next((p[4] for p in placed if p[0] and p[4].precision == "day"), None)
    back = _NIGHTS_BACK.get(text[best[2] : best[3]].lower())
    if report is not None and back is not None and not best[0]:
        return _reading(dt.date.fromisoformat(report.iso) - dt.timedelta(days=back), "day")
    return best[4]


# Days told back from the day of the telling: "said on Friday that ... overnight" is the night before Friday.
_NIGHTS_BACK = {"yesterday": 1, "last night": 1, "overnight": 1, "the day before yesterday": 2}


# "since April", "since taking office last March": a since-phrase of a few words ending in the date
_SINCE_BEFORE = re.compile(r"\bsince(?:\s+[a-z]+){0,3}\s+$", re.IGNORECASE)
STANDING_DAYS = 60  # "since" a date this long before publication starts a situation, not an event


def standing_since(text: str, published: dt.date | None) -> bool:
    """True when every date of ``text`` is a "since <date>" at least two months before publication.

    With an ongoing verb such a sentence tells a standing situation ("has been fighting the army
    since April 2023"), not an event of its own; "since Monday" still dates one.
    """
    found = find_dates(text, published)
    if published is None or not found:
        return False
    for start, end, reading in found:
        since = text[start:end].lower().startswith("since") or _SINCE_BEFORE.search(text[:start])
        if not since or (published - _first_day(reading)).days < STANDING_DAYS:
            return False
    return True


# "since the end of the rainy season in June 2021": a since-phrase of one clause that ends in the date
_SINCE_PHRASE = re.compile(r"\bsince\b[^.,;:()]{0,60}$", re.IGNORECASE)


def _long_since(text: str, start: int, end: int, reading: DateReading, published: dt.date | None) -> bool:
    """Whether a date opens a period that runs long before publication ("have raided the valley since the end
    of the rainy season in June 2021"): the period's start, not the date of what the sentence tells."""
    if published is None or (published - _first_day(reading)).days < STANDING_DAYS:
        return False
    return text[start:end].lower().startswith("since") or bool(_SINCE_PHRASE.search(text, 0, start))


def _first_day(reading: DateReading) -> dt.date:
    """The first day a reading covers ("2023-04" -> 2023-04-01)."""
    parts = [int(part) for part in reading.iso.split("-")[:3]]
    return dt.date(parts[0], *(parts[1:] + [1, 1])[:2])
