"""The incidents a claim of responsibility is for ("X claimed the attack", "X claimed responsibility for the attacks").

A claim names the doer of the incident told just before it, or of the last violent incident before the state's
follow-up told after it (arrests, seizures: they claim nothing). A claim of several incidents ("the attacks", "both
bombings", "a series of raids") is for each earlier violent incident whose doer no sentence named, back to the last
event of another kind; an incident whose doer is named otherwise is not the claimant's, and the claim reaches past it.
Such a claim is also the group's own statement (:func:`claims_many`), which the caller keeps as an event.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span

from graph.datafiles import read_words
from graph.extract.actors.resolve import UNIDENTIFIED_GROUP
from graph.extract.events.claims import CLAIMED_EVENTS
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
# the incident nouns whose plural makes a claim one of several incidents ("claimed the attacks"), and the words that
# do whatever the noun's number ("both bombings", "a series of raids")
_INCIDENTS = read_words("events", "claim_incidents.txt")
_MANY = read_words("events", "claim_many_words.txt")
# how many events back a claim of several incidents may reach
_REACH = 8


def claim_targets(events: list[Event], kinds: Mapping[str, str], sent: Span, places: list[PlaceMention],
                  containers: Mapping[str, frozenset[str]]) -> list[int]:
    """The indices of the incidents the claim of ``sent`` names the doer of, nearest first (see the module's
    docstring); [] when it may be for none. ``containers`` gives the places each place lies in."""
    many = claims_many(sent)
    out: list[int] = []
    last = len(events) - 1
    for index in range(last, max(last - _REACH, -1), -1):
        event = events[index]
        if event.event_type in CLAIMED_EVENTS:
            if index == last or (_no_group_named(event, kinds) and _may_claim(sent, event, places, containers)):
                out.append(index)
            if not many:
                return out
        elif event.event_type != _FOLLOW_UP:
            break
    return out


def claims_many(sent: Span) -> bool:
    """Whether the claim is for several incidents: a plural incident noun or "both", "a series of"."""
    return any((t.tag_ == "NNS" and t.lemma_.lower() in _INCIDENTS) or t.lower_ in _MANY for t in sent)


def _may_claim(sent: Span, event: Event, places: list[PlaceMention], containers: Mapping[str, frozenset[str]]) -> bool:
    """Whether a claim told past another event may be for an incident: it names no place but the incident's own (or
    where that lies) and no blast for an incident that was none ("claimed a bombing in X" is another incident)."""
    allowed = {event.location} | containers.get(event.location or "", frozenset())
    if any(sent.start <= p.start < sent.end and not p.actor and p.location.name not in allowed for p in places):
        return False
    return event.event_type == _BLASTS or not cues_of(sent).told(_BLAST_CUES)


def _no_group_named(event: Event, kinds: Mapping[str, str]) -> bool:
    """Whether no armed group is named on either side (an unidentified one names no one)."""
    return not any(kinds.get(name) in _NON_STATE_ARMED and not name.startswith(UNIDENTIFIED_GROUP)
                   for name in (event.actor1 or "", event.actor2 or ""))
