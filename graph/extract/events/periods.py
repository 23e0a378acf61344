"""How long a date told with a death count lasts: a period, a run of days, or a day.

One reader for the rules that ask it. A count whose verb carries a *period* ("so far this year", "this year
alone", "in the past three months", "in recent weeks", "since March", "last year") tallies many incidents: no
incident's toll (:func:`.dead_sides.period_tally`), no update of one (:mod:`.updates`), save a month or a year
that dates the one incident its clause names ("in an attack earlier this month": :func:`tallied_over`). A *run of
days* ("since Monday", "between Monday and Wednesday", "over the past week", "two days later") may be one
incident's, but is not the day of the incident told before (:func:`.dead_sides.dated_apart`). A day, a week told
by its name ("this week", "last Tuesday") or a time of day is neither: None.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from graph.extract.events.attack_words import ATTACK_NOUNS
from graph.extract.events.lexicon import lexicon

__all__ = ["DAYS", "PERIOD", "date_span", "tallied_over"]

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


# "this year", "last month", "earlier this month": a period a tally counts over, or one incident's month or year
_MONTH_OR_YEAR = re.compile(r"(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:year|month)", re.IGNORECASE)
# Words that make a month or a year a running count's whatever else the clause tells
_RUNNING = re.compile(r"\bso far\b|\balone\b|\bsince\b", re.IGNORECASE)


def date_span(ent: Span) -> str | None:
    """:data:`PERIOD`, :data:`DAYS` or None for a DATE entity, read with the word before it ("since March", "in the
    past year") and an "alone" after it ("this year alone")."""
    words = _date_words(ent)
    if _PERIOD_WORDS.search(words) or (_SINCE.search(words) and _SINCE_WHEN.search(words)):
        return PERIOD
    return DAYS if _DAYS_WORDS.search(words) else None


def tallied_over(ent: Span, verb: Token) -> bool:
    """Whether a count's ``verb`` tallies over a DATE: a period, save a month or a year that dates the one incident
    the verb's clause names ("have killed 30 people in an attack earlier this month"; "in attacks this year", "in
    the province last month" tally)."""
    return date_span(ent) == PERIOD and not (_month_or_year(ent) and _one_incident(verb))


def _month_or_year(ent: Span) -> bool:
    """Whether a DATE is "this/last month|year" with no word of a running count ("so far", "alone", "since"): the
    date of one incident ("in an attack earlier this month") as well as a tally's period, as its clause tells."""
    return bool(_MONTH_OR_YEAR.fullmatch(ent.text)) and not _RUNNING.search(_date_words(ent))


def _date_words(ent: Span) -> str:
    """A DATE's text with the word before it and an "alone" after it."""
    doc = ent.doc
    start = ent.start - 1 if ent.start > ent.sent.start else ent.start
    end = ent.end + 1 if ent.end < len(doc) and doc[ent.end].lower_ == "alone" else ent.end
    return doc[start:end].text


# Cue classes of the trigger lexicon whose nouns name an incident of violence ("attack", "ambush", "bombing")
_INCIDENT_CUES = frozenset(["KILL", "CLASH", "AIR", "SHELL", "IED", "BLAST", "SUICIDE", "STRIKE"])
# Determiners of one incident ("in an attack", "in the bombing of"), not of a kind of violence ("in fighting")
_ONE = frozenset(["a", "an", "the", "this", "that"])


@cache
def _incident_nouns() -> frozenset[str]:
    """The one-word nouns of incidents: the attack words and the trigger lexicon's words of violence."""
    words = {words[0].form for entries in lexicon().values() for words, cue in entries
             if len(words) == 1 and cue in _INCIDENT_CUES and words[0].pos in (None, "NOUN")}
    return frozenset(words) | ATTACK_NOUNS


def _one_incident(verb: Token) -> bool:
    """Whether a death verb's clause names one incident: an incident noun in the singular with an article ("killed
    in an attack", "in the bombing of"); "in attacks", "in fighting" name many or a kind."""
    nouns = _incident_nouns()
    return any(t.tag_ == "NN" and t.lemma_.lower() in nouns and any(d.dep_ == "det" and d.lower_ in _ONE
                                                                    for d in t.children) for t in verb.subtree)
