"""How long a date told with a death count lasts: a period, a run of days, or a day.

One reader for the rules that ask it. A count whose verb carries a *period* ("so far this year", "this year
alone", "in the past three months", "in recent weeks", "since March", "last year") tallies many incidents: no
incident's toll (:func:`.dead_sides.period_tally`), no update of one (:mod:`.updates`). A *run of days* ("since
Monday", "between Monday and Wednesday", "over the past week", "two days later") may be one incident's, but is
not the day of the incident told before (:func:`.dead_sides.dated_apart`). A day, a week told by its name ("this
week", "last Tuesday") or a time of day is neither: None.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

__all__ = ["DAYS", "PERIOD", "date_span"]

PERIOD = "period"
DAYS = "days"

_PERIOD_WORDS = re.compile(
    r"\bso far\b|\balone\b"  # "so far this year", "this year alone"
    r"|\b(?:past|last|recent|previous)\s+(?:\w+\s+)?(?:weeks|months|years)\b"  # "the past three months"
    r"|\b(?:this|last|past|previous)\s+(?:year|month)\b",  # "this year", "in the past year", "last month"
    re.IGNORECASE,
)
# "since March", "since 2019", "since last year": a running count ("since Monday" is a run of days)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_SINCE_WHEN = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november"
                         r"|december|\d{4}|years?|months?)\b", re.IGNORECASE)
_DAYS_WORDS = re.compile(r"\b(?:since|past|recent|previous|between|from|until|through|throughout)\b"
                         r"|\b(?:days|weeks|months|years)\b", re.IGNORECASE)


def date_span(ent: Span) -> str | None:
    """:data:`PERIOD`, :data:`DAYS` or None for a DATE entity, read with the word before it ("since March", "in the
    past year") and an "alone" after it ("this year alone")."""
    doc = ent.doc
    start = ent.start - 1 if ent.start > ent.sent.start else ent.start
    end = ent.end + 1 if ent.end < len(doc) and doc[ent.end].lower_ == "alone" else ent.end
    words = doc[start:end].text
    if _PERIOD_WORDS.search(words) or (_SINCE.search(words) and _SINCE_WHEN.search(words)):
        return PERIOD
    return DAYS if _DAYS_WORDS.search(words) else None
