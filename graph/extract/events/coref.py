"""Event coreference inside one article: the mentions of one incident become one event.

A story names its incident in the lede, then elaborates it, updates its toll and quotes sources on
it; each of those sentences reads as an event of its own. A later mention joins an earlier event
when nothing sets them apart:

- the same sub-event type; or an attack on people and an armed clash, the later one referring back
  to the incident ("the attack", "the ambush", "the clashes") right after the other: the incident
  is then a battle, as ACLED codes an attack whose targets fought back;
- actors that fit: together at most a pair, and sharing an actor unless one of the two names none
  or the later one refers back; a protest's crowd is one actor whatever each reading calls it;
- the same place, or no place of its own; the same date, or a date that contains the other's (a
  dated mention joins an undated one only when it refers back, or when it gives the day of the story's
  undated lede right after it, tied to it by the lede's place or toll or no toll of its own: a lede often
  leaves out the day its next sentence tells);
- the incident mentioned just before, unless the later mention refers back;
- no word that announces another incident ("another", "also", "separately", "meanwhile", "earlier"),
  and neither is a tally over a period ("killed since the offensive began").

The mention that tells most (a body sentence with place, parties and toll) gives the evidence, the
others are kept as its ``more_evidence`` with the toll and date each gives; the merged event takes the
parties, place and date the first one lacked, and the toll by ACLED's rule: the lowest of conflicting figures,
a later update's higher total, and never a victim singled out among the dead for a total of several
(absorb._merged_toll).
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.extract.events.absorb import absorb, crowd_held, toll_told_back
from graph.extract.events.incident_words import Signals, only_earlier
from graph.extract.events.mention_fit import SAME_UNIT, dates_fit, elaborates, places_fit, same_incident
from graph.extract.events.mentions import (
    CROWD_NAME,
    CROWD_TYPES,
    FOUGHT_BACK,
    VIOLENT_TYPES,
    EventMention,
    parties_of,
    typed,
)
from graph.records import Event

__all__ = ["merge_mentions", "drop_headlines"]


def merge_mentions(mentions: Iterable[EventMention], short: bool = False) -> list[EventMention]:
    """Return one merged mention per incident, in the order of each incident's first mention.

    In a ``short`` note (a few sentences, as ACLED's notes and news briefs are), a mention right after an
    incident that only details it joins it whatever its type (:func:`elaborates`)."""
    incidents: list[EventMention] = []
    signals = Signals()
    for mention in mentions:
        last = len(_last_told(incidents))
        for back, at in enumerate(_told_back(incidents)):
            incident = incidents[at]
            returns = 0 < back < last and _returns_to(incident, mention)
            lede = back == 0 and incident is next((i for i in incidents if i.body), None)  # the story's lede
            joined = same_incident(incident, mention, back == 0 or returns, signals, lede)
            detail = back == 0 and (short or _bare(incident, mention, signals))
            if joined or (detail and elaborates(incident, mention, signals)):
                # a mention that returns to one place of a sentence told of several details that place: the
                # sentence's toll for it is the place's, the mention's ("a trader was shot there") is one of them
                incidents[at] = absorb(incident, mention, detail=joined is None, apart=joined == SAME_UNIT or returns)
                break
        else:
            pointed = next((i for i, incident in enumerate(incidents) if _points_at(incident, mention, signals)), None)
            if pointed is not None:
                incidents[pointed] = toll_told_back(incidents[pointed], mention, signals)
            else:
                told = _last_told(incidents)
                after = next((len(incidents) - len(told) + k for k, incident in enumerate(told)
                              if _aftermath(incident, mention, signals)), None)
                if after is None:
                    incidents.append(mention)
                elif mention.event.sub_event_type == "Arrests":  # the crowd's arrest is the protest's intervention
                    incidents[after] = crowd_held(incidents[after], mention.event)
    return incidents


def _told_back(incidents: list[EventMention]) -> list[int]:
    """The indexes of the incidents a mention may join, the last told first, but for a headline's line inside the
    story (a link to another story between two paragraphs): it tells no incident of the story, so the incident
    told before it stays the one told just before the next mention."""
    first_body = next((k for k, incident in enumerate(incidents) if incident.body), len(incidents))
    return [k for k in range(len(incidents) - 1, -1, -1) if incidents[k].body or k < first_body]


def _bare(incident: EventMention, later: EventMention, signals: Signals) -> bool:
    """Whether ``later`` is an attack or a clash told right after a story's attack or clash, with no place, no
    date and no word of another incident (not even "also") of its own, and one of its parties (not mere
    civilians, whom many attacks hit): in a story too, a detail of that incident ("gunmen shot at the patrol
    from the ridge", a quote on how the attackers struck), whichever of the two it reads as, when nothing else
    sets it apart (:func:`elaborates`)."""
    return (incident.body and not (later.placed or later.dated or signals[later.event.evidence][0])
            and {typed(incident.event), typed(later.event)} <= FOUGHT_BACK
            and any(not CROWD_NAME.match(name) for name in parties_of(incident.event) & parties_of(later.event)))


def _last_told(incidents: list[EventMention]) -> list[EventMention]:
    """The incidents the last sentence told: one, or one per place of a sentence told of several places ("two
    were shot in A, one in B"); a mention after them follows each of them."""
    if not incidents:
        return []
    start = incidents[-1].event.start
    count = 0
    while count < len(incidents) and incidents[-1 - count].event.start == start:
        count += 1
    return incidents[-count:]


def _returns_to(incident: EventMention, later: EventMention) -> bool:
    """Whether ``later`` names the very place of ``incident``, one of the places its sentence told."""
    return incident.placed and later.placed and incident.event.location == later.event.location




# Kinds of event a general reference ("the attack", "the violence") may point at across a type boundary: an
# attack told as a clash or a bombing, a protest as a riot. "The blasts" or "the ambush" point at their own kind.
_FAMILIES = (VIOLENT_TYPES, CROWD_TYPES)
_GENERAL_NOUNS = frozenset(["attack", "assault", "incident", "violence", "fighting", "killing", "unrest", "toll"])


def _kind_fits(incident: Event, later: Event, noun: str) -> bool:
    if noun not in _GENERAL_NOUNS:
        return typed(incident) == typed(later)
    return any(incident.event_type in family and later.event_type in family for family in _FAMILIES) or (
        incident.event_type == later.event_type)


def _points_at(incident: EventMention, later: EventMention, signals: Signals) -> bool:
    """Whether ``later`` only points back at ``incident`` ("Officials denounced the attacks", "the army went
    to the site of the attack"): its event word is a definite reference to an incident of its kind, place and
    date, with no word of another incident; or it states the toll of an incident ("Earlier a medic put the
    death toll at five", where "earlier", the only such word it may have, dates the report). It adds no event;
    its parties, often the speakers, are not the incident's."""
    if later.told is None or (signals[later.event.evidence][0] and not _only_earlier(later)):  # another incident
        return False
    return (_kind_fits(incident.event, later.event, later.told) and places_fit(incident, later)
            and dates_fit(incident, later, refers_back=True, update=later.update))




def _only_earlier(mention: EventMention) -> bool:
    """Whether a sentence that states a toll has no word of another incident but "earlier", which dates the
    report ("Earlier a medic said the death toll was five"); "In another attack, the death toll was five" has."""
    return mention.told == "toll" and only_earlier(mention.event.evidence)


# Incidents whose participants are at the scene, where the police may arrest them; the arrest is told in the
# incident's story (ACLED codes it in the incident's note), not as an incident of its own. A bomb's or a shell's
# authors are not at the scene: arrests after it come from an investigation, an event of its own.
_ARRESTED_AFTER = frozenset(["Battles", "Violence against civilians", "Riots", "Protests"])
# What follows an incident at its place and day as part of its story: arrests at the scene, forces sent to a
# crowd (ACLED codes them as the protest's intervention, not as a change to a group's activity), and weapons
# taken in a battle (its spoils, not a seizure of its own)
_AFTERMATHS = {"Arrests": _ARRESTED_AFTER, "Change to group/activity": CROWD_TYPES,
               "Disrupted weapons use": frozenset(["Battles"])}


def _aftermath(incident: EventMention, later: EventMention, signals: Signals) -> bool:
    """Whether ``later`` is an arrest right after an incident of violence or of a crowd, forces sent to a crowd, or
    weapons seized after a battle, at its place and date ("Students set the school on fire. 35 of them were held in
    connection with the riot.", "Dockworkers rioted in Mombasa. In Mombasa, the government deployed more riot
    police"), with no word of another incident: the incident's aftermath, which adds no event."""
    kinds = _AFTERMATHS.get(later.event.sub_event_type, frozenset())
    return (incident.event.event_type in kinds
            and not signals[later.event.evidence][0] and places_fit(incident, later)
            and dates_fit(incident, later, refers_back=True))


def drop_headlines(incidents: list[EventMention], story: tuple[int, int] = (0, 0)) -> list[EventMention]:
    """Drop headline-only incidents: at the top ("Attacks by jihadists kill 21", "Ethiopia seizes Tigray town")
    when the story's body reports an event of the same kind (political violence, or a crowd's protest or riot,
    which a headline often words otherwise: "rebel attack" over a body's clash); and inside the ``story`` (from
    where a page's headline block ends to where the text ends) any line of a headline's shape, a subheading or
    a link to another story ("Ministers to meet on fuel prices"), not story text; a list's item that reports an
    incident in the past tense is story text (``body``, see ``assemble._in_body``). A text cut off in
    mid-sentence ends in such a line: that one is story text."""
    told = {incident.event.event_type for incident in incidents if incident.body}
    kinds = told | {kind for family in _FAMILIES if told & family for kind in family}
    start, end = story
    return [i for i in incidents if i.body or not (i.event.event_type in kinds
                                                  or 0 < start <= i.event.start and i.event.end < end)]
