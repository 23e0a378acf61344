"""Looting and destruction told with another incident are part of that incident, as ACLED codes them.

ACLED's codebook keeps "Looting/property destruction" for looting and destruction outside the context of other
forms of violence: shops looted during clashes, a building set on fire in a gunfight, buses torched by a crowd
are the clashes', the gunfight's and the riot's own doing, not an event of their own. In a short note (ACLED's
notes, news briefs: one incident) a looting mention told beside such an event becomes one more piece of evidence
of it, unless a day of its own or a word of another incident sets it apart; a protest with destruction is a
violent demonstration, its crowd first. A longer article tells separate fires and lootings beside its clashes
and protests (houses torched by others the same day), so it keeps them.
"""

from __future__ import annotations

from dataclasses import replace

from graph.extract.events.incident_words import announces_another
from graph.extract.events.lexicon import codes
from graph.extract.events.mentions import CROWD_NAME, VIOLENT_TYPES, parties_of
from graph.records import Event, Evidence

__all__ = ["fold_damage"]

_DAMAGE = "Looting/property destruction"
# The events whose own violence looting or destruction can be part of: political violence and crowds'
_CROWDS = frozenset(["Protests", "Riots"])
_HOSTS = VIOLENT_TYPES | _CROWDS


def fold_damage(events: list[Event]) -> list[Event]:
    """The events of a short note without the looting or destruction that another of its events tells (see the
    module docstring); each folded mention is kept as that event's ``more_evidence``."""
    out = list(events)
    for damage in events:
        hosts = [i for i, e in enumerate(out) if e.event_type in _HOSTS and _together(damage, e)]
        if damage.sub_event_type != _DAMAGE or not hosts:
            continue
        # a crowd's event first (destruction told with a protest is the crowd's), then the nearest in the text
        host = min(hosts, key=lambda i: (out[i].event_type not in _CROWDS, abs(out[i].start - damage.start)))
        told = Evidence(damage.evidence, damage.start, damage.end, fatalities=damage.fatalities, date=damage.date,
                        date_precision=damage.date_precision, confidence=damage.confidence)
        # the dead a sentence told after the damage counted are the host's ("A shop was set on fire. Two guards
        # were killed."): looting kills no one, the violence it is part of does
        dead = out[host].fatalities if out[host].fatalities is not None else damage.fatalities
        out[host] = _rioted(replace(out[host], fatalities=dead, more_evidence=(*out[host].more_evidence, told)))
        out.remove(damage)
    return out


def _together(damage: Event, event: Event) -> bool:
    """Whether a looting event and another can be one incident: no day of its own and, told in a sentence of its
    own, no word of another incident ("fighters killed a teacher in A. They also burnt a school in B." are two;
    places are not compared, as a note's details often name a quarter or a street of the incident's town)."""
    if damage.date is not None and event.date is not None and damage.date != event.date:
        return False
    return _doer_fits(damage, event) and (damage.start == event.start or not announces_another(damage.evidence))


def _doer_fits(damage: Event, event: Event) -> bool:
    """Whether the looting's doer can be the other event's: unnamed, or one of its parties; with a crowd's
    event, the crowd ("Some set fire to a police car"), not a force or others ("Police set fire to their tents",
    "Unknown men torched a bank": events of their own)."""
    if damage.actor1 is None:
        return True
    if event.event_type in _CROWDS:
        return bool(CROWD_NAME.match(damage.actor1))
    return damage.actor1 in parties_of(event)


_RIOT = "Violent demonstration"
# Protests in which the state's force acts on the crowd: the force is their actor1, the crowd actor2
_FORCED = frozenset(["Protest with intervention", "Excessive force against protesters"])


def _rioted(event: Event) -> Event:
    """A protest told with destruction, as ACLED codes it: a violent demonstration (which outranks the force used
    on it), the crowd its actor1 and the force it met its actor2."""
    if event.event_type != "Protests":
        return event
    cameo, plover = codes().get(_RIOT, (None, None))
    riot = replace(event, event_type="Riots", sub_event_type=_RIOT, cameo=cameo, plover=plover)
    if event.sub_event_type not in _FORCED:
        return riot
    return replace(riot, actor1=event.actor2, actor2=event.actor1, assoc_actor_1=event.assoc_actor_2,
                   assoc_actor_2=event.assoc_actor_1)
