"""The incidents a claim of responsibility is for ("X claimed the attack", "X claimed responsibility for the attacks").

A claim names the doer of the incident told just before it, or of the last violent incident before the state's
follow-up told after it (arrests, seizures: they claim nothing). A claim of several incidents ("claimed the attacks",
"claimed responsibility for the raids", "claimed both bombings", "a series of raids") is for each earlier violent
incident whose doer no sentence named, back to the last event of another kind or to an incident told more than a
week before the nearest one; an incident whose doer is named otherwise is not the claimant's, and the claim reaches
past it. A claim that names places is for the incidents at them ("claimed the attacks in A and B"). Such a claim is
also the group's own statement (:func:`claims_many`), which the caller keeps as an event. A claim whose sentence
names no doer (:func:`.claims.claimant`: "X said it carried out both attacks", a denial) renames nothing and is read
as any other sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from spacy.tokens import Span

from graph.datafiles import read_words
from graph.extract.actors.resolve import UNIDENTIFIED_GROUP
from graph.extract.events.claims import CLAIMED_EVENTS, INCIDENT_NOUNS
from graph.extract.events.lexicon import cue_set
from graph.extract.events.read_cues import cues_of
from graph.extract.places import PlaceMention
from graph.records import Event

__all__ = ["claim_targets", "claims_many"]

# what the state does after an incident (arrests, seizures, a curfew): no claim is for it
_FOLLOW_UP = "Strategic developments"
_NON_STATE_ARMED = frozenset(["armed_group", "militia"])
# a claim of a blast names the doer of an explosion only ("claimed the bombing"), not of a shooting before it; the
# words of a device set off (bombs, shells, grenades), not of aircraft: a claim may name the air strike it avenges
_BLASTS = "Explosions/Remote violence"
_BLAST_CUES = cue_set("IED", "BLAST", "SHELL", "GRENADE", "SUICIDE")
_MANY = read_words("events", "claim_many_words.txt")
# how many events back a claim of several incidents may reach, and how long before the nearest one
_REACH = 8
_WEEK = dt.timedelta(days=7)


def claim_targets(events: list[Event], kinds: Mapping[str, str], sent: Span, places: list[PlaceMention],
                  containers: Mapping[str, frozenset[str]]) -> list[int]:
    """The indices of the incidents the claim of ``sent`` names the doer of, nearest first (see the module's
    docstring); [] when it may be for none. ``containers`` gives the places each place lies in."""
    named = {p.location.name for p in places if sent.start <= p.start < sent.end and not p.actor}
    if not claims_many(sent):
        index = next((i for i in _reach(events) if events[i].event_type in CLAIMED_EVENTS), None)
        if index is None:
            return []
        event, fits = events[index], named <= _where(events[index], containers)
        last = index == len(events) - 1
        return [index] if last or (_doer_unnamed(event, kinds) and _may_claim(sent, event, fits)) else []
    reach = [i for i in _reach(events) if events[i].event_type in CLAIMED_EVENTS and _doer_unnamed(events[i], kinds)
             and (i == len(events) - 1 or _may_claim(sent, events[i], True))]
    # "claimed the attacks in A and B": the incidents at the places it names, or in what it names ("in Mali")
    return [i for i in reach if not named or named & _where(events[i], containers)]


def claims_many(sent: Span) -> bool:
    """Whether the claim is for several incidents: a plural incident noun or "both", "a series of"."""
    return any((t.tag_ == "NNS" and t.lemma_.lower() in INCIDENT_NOUNS) or t.lower_ in _MANY for t in sent)


def _reach(events: list[Event]) -> Iterator[int]:
    """The indices a claim may reach, nearest first: back over violent incidents and the state's follow-ups, to the
    last event of another kind, at most :data:`_REACH` events and none told more than a week before the nearest."""
    nearest: dt.date | None = None
    for index in range(len(events) - 1, max(len(events) - 1 - _REACH, -1), -1):
        event = events[index]
        if event.event_type not in CLAIMED_EVENTS and event.event_type != _FOLLOW_UP:
            return
        days = _days(event.date, event.date_precision)
        if event.event_type in CLAIMED_EVENTS and days is not None:
            if nearest is not None and days[1] < nearest - _WEEK:
                return  # "Gunmen killed five in 2014. ... X claimed the attacks": not a claim of that one
            nearest = nearest or days[0]
        yield index


def _days(date: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and the last day a date may be ("2014" is a whole year); None for no date or one not read."""
    try:
        if not date:
            return None
        if precision == "year" or len(date) == 4:
            return dt.date(int(date[:4]), 1, 1), dt.date(int(date[:4]), 12, 31)
        if precision == "month" or len(date) == 7:
            first = dt.date.fromisoformat(date[:7] + "-01")
            following = (first + dt.timedelta(days=31)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return day, day + dt.timedelta(days=6 if precision == "week" else 0)


def _where(event: Event, containers: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The incident's place and the article's places it lies in."""
    return frozenset({event.location or ""}) | containers.get(event.location or "", frozenset())


def _may_claim(sent: Span, event: Event, places_fit: bool) -> bool:
    """Whether a claim told past another event may be for an incident: the places it names fit (``places_fit``)
    and it names no blast for an incident that was none ("claimed a bombing in X" is another incident)."""
    return places_fit and (event.event_type == _BLASTS or not cues_of(sent).told(_BLAST_CUES))


def _doer_unnamed(event: Event, kinds: Mapping[str, str]) -> bool:
    """Whether no armed group is named on either side (an unidentified one names no one) and a side is left unnamed
    (none, or an unidentified group): "Russian jets bombed a market" has its doer."""
    sides = (event.actor1 or "", event.actor2 or "")
    if any(kinds.get(name) in _NON_STATE_ARMED and not name.startswith(UNIDENTIFIED_GROUP) for name in sides):
        return False
    return any(not name or name.startswith(UNIDENTIFIED_GROUP) for name in sides)
