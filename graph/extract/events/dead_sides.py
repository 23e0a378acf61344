"""Whose dead a toll counts: the state's forces, armed groups or civilians, told by the actor its words name.

ACLED's toll of an event is the dead of every side. A later mention of an incident that counts the other side's
dead ("Rebels attacked the base, killing four soldiers. Troops killed six of the attackers, the army said") adds to
the toll told first; one that counts the same side's dead again, or anyone's ("twelve people died in all"), is
another figure for the same dead, of which ACLED keeps the lowest.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from graph.extract.actors import ActorTable
from graph.extract.events.dates import find_dates
from graph.extract.events.lexicon import WEAPONS, cue_set, lexicon
from graph.extract.events.numbers import dead_counted, harmed_counted
from graph.extract.events.periods import date_span, tallied_over
from graph.extract.events.unnamed_harms import only_a_setting
from graph.extract.parse.columns import span_entities

__all__ = ["civilian_victims", "dated_apart", "dead_sides", "other_side", "period_tally"]

_SIDES = {"state_forces": "state", "armed_group": "armed", "militia": "armed", "civilians": "civilians"}
# Words for anyone, which a story uses for all the dead of an incident, whatever side they were on
_ANYONE = frozenset(["people", "person", "persons", "individual", "individuals", "one", "others", "other"])


def dead_sides(sent: Span, table: ActorTable) -> frozenset[str]:
    """The sides whose dead the sentence's counts count; empty when one of its counts names no side."""
    sides = [_side(noun, table) for noun in dead_counted(sent)]
    return frozenset(side for side in sides if side) if sides and all(sides) else frozenset()


def civilian_victims(sent: Span, table: ActorTable) -> str | None:
    """The Civilians (X) whose dead or wounded the sentence counts, when its every such count names them ("Four
    traders were killed", "two women were wounded"); None when a count names fighters, anyone ("five people") or
    no one, and when the count tells a cause or a day of its own ("died in a bus crash", "in a stampede",
    "when soldiers fired on a crowd", "on Tuesday" after Monday's strike): another incident's victims."""
    names = set()
    for noun in harmed_counted(sent):
        mention = table.at(noun.i)
        info = table.actors[mention.key] if mention is not None else None
        if info is None or info.kind != "civilians" or not info.name.startswith("Civilians") \
                or noun.lemma_.lower() in _ANYONE or _own_cause(noun.head) or _own_day(noun.head, sent):
            return None
        names.add(info.name)
    return names.pop() if len(names) == 1 else None


def _own_cause(verb: Token) -> bool:
    """Whether a count's verb tells a cause other than violence: a clause ("when a bus overturned") or what a
    preposition names that is neither a setting (:func:`.only_a_setting`) nor a deed of violence ("in the
    shelling", "in the attack")."""
    return any(k.dep_ == "advcl" or k.dep_ == "prep" and not only_a_setting(k) and not _violent(k)
               for k in verb.children)


def _violent(prep: Token) -> bool:
    """Whether each object of a preposition is a word of violence of the trigger lexicon ("strike", "shelling")."""
    return all(any(len(words) == 1 and cue in _VIOLENT_CUES for words, cue in lexicon().get(obj.lemma_.lower(), []))
               for obj in prep.children if obj.dep_ == "pobj")


# the trigger lexicon's cue classes of a deed of violence: its weapons and strikes, attacks, clashes
_VIOLENT_CUES = WEAPONS | cue_set("SUICIDE", "KILL", "CLASH", "VIOLENT")


def _own_day(verb: Token, sent: Span) -> bool:
    """Whether a count's verb carries a date that the sentence before, which gives one, does not tell."""
    dates = [ent for ent in _dates(sent) if verb in ent.root.ancestors]
    if not dates or sent.start == 0:
        return False
    told = {ent.text.lower() for ent in _dates(sent.doc[sent.start - 1].sent)}
    return bool(told) and any(ent.text.lower() not in told for ent in dates)


def other_side(told: frozenset[str], later: frozenset[str]) -> bool:
    """Whether a later count is of another side's dead than those told (both sides known, none shared)."""
    return bool(told) and bool(later) and not told & later


def _side(noun: Token, table: ActorTable) -> str | None:
    """The side of the people a counted word names: the word itself, or what "of" counts ("six of the attackers",
    "dozens of rebels")."""
    words = [noun, *(g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj")]
    for word in words:
        mention = table.at(word.i)
        if mention is not None and word.lemma_.lower() not in _ANYONE:
            return _SIDES.get(table.actors[mention.key].kind)
    return None


def dated_apart(sent: Span, published: dt.date | None, day: str | None = None) -> bool:
    """Whether a death count's verb carries a date that is not the incident's day: a period ("has killed 200
    rebels this year", "since March", "so far", "in May") or a day other than ``day``, the incident's ("15 rebels
    were killed in strikes on Sunday" after Friday's raid): a tally or another incident's dead. The incident's
    own day ("killed nine of the attackers in the fighting on Monday afternoon" after Monday's ambush) and a
    report's date ("..., the army said on Tuesday", not on the count's verb) leave the count the incident's."""
    dates = _dates(sent)
    if not dates:  # most sentences: no death count read
        return False
    verbs = {noun.head for noun in dead_counted(sent)}
    return any(_apart(ent, published, day) for ent in dates if any(a in verbs for a in ent.root.ancestors))


def _apart(ent: Span, published: dt.date | None, day: str | None) -> bool:
    """Whether a count's DATE is a period, or a day (or week) that is known not to hold ``day``."""
    if date_span(ent):  # a period or a run of days
        return True
    start = ent.start - 1 if ent.start > ent.sent.start else ent.start
    words = ent.doc[start : ent.end].text  # with the word before: "in February" (a bare month is unread)
    readings = [reading for *_, reading in find_dates(words, published)]
    if not readings:  # "the same day", "that afternoon": nothing sets the count apart
        return False
    reading = readings[0]
    if reading.precision in ("month", "year"):  # a month's or a year's count is a tally, not one day's dead
        return True
    if day is None or len(day) < len("YYYY-MM-DD"):
        return False
    first = dt.date.fromisoformat(reading.iso)
    last = first + dt.timedelta(days=6 if reading.precision == "week" else 0)
    return not first <= dt.date.fromisoformat(day) <= last


# The prepositions through which a verb carries its date: "killed in the past year", "since March", "over ..."
_THROUGH = frozenset(["in", "since", "over", "during"])
_HAVE = frozenset(["has", "have", "'ve"])


def period_tally(sent: Span) -> tuple[Token, ...]:
    """The death verbs of a sentence whose every death count tallies a period: the verb in the perfect ("have been
    killed", "has killed") carries a date of a period itself ("so far this year", "this year alone", "in the past
    three months", "since March"). Such a tally is no incident and no incident's toll; a period that qualifies
    another word ("the deadliest attack this year", "two years after the deal") makes none."""
    periods = {verb for ent in _dates(sent) if (verb := _period_of(ent)) is not None}
    if not periods:  # most sentences: no period, and no death count read
        return ()
    verbs = {noun.head for noun in dead_counted(sent)}
    perfect = all(any(c.dep_ in ("aux", "auxpass") and c.lower_ in _HAVE for c in v.children) for v in verbs)
    return tuple(sorted(verbs, key=lambda v: v.i)) if verbs and perfect and verbs <= periods else ()


def _dates(sent: Span) -> list[Span]:
    """The DATE entities of a sentence."""
    return [ent for ent in span_entities(sent) if ent.label_ == "DATE"]


def _period_of(ent: Span) -> Token | None:
    """The word a DATE is a period of: its own head, or the head of the preposition it hangs on; None when the
    date names no period."""
    head = ent.root.head
    prep = head if head.dep_ == "prep" and head.lower_ in _THROUGH else None
    verb = prep.head if prep is not None else head
    if any(c.lower_ == "far" and any(s.lower_ == "so" for s in c.children) for c in verb.children):  # "so far"
        return verb
    return verb if tallied_over(ent, verb) else None

