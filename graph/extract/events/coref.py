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
  dated mention joins an undated one only when it refers back);
- the incident mentioned just before, unless the later mention refers back;
- no word that announces another incident ("another", "also", "separately", "meanwhile", "earlier"),
  and neither is a tally over a period ("killed since the offensive began").

The mention that tells most (a body sentence with place, parties and toll) gives the evidence, the
others are kept as its ``more_evidence`` with the toll and date each gives; the merged event takes the
parties, place and date the first one lacked, and the lowest toll the mentions report (ACLED's rule for
conflicting figures).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from graph.extract.events.incident_words import Signals, only_adds, only_earlier
from graph.records import Event, Evidence

__all__ = ["EventMention", "merge_mentions", "drop_headlines", "VIOLENT_TYPES"]

# An attack and a clash that refer to one incident: the targets fought back, which ACLED codes as a battle.
_FOUGHT_BACK = {("Battles", "Armed clash"), ("Violence against civilians", "Attack")}


# The event types of political violence (ACLED's), as opposed to crowds' and strategic developments
VIOLENT_TYPES = frozenset(["Battles", "Violence against civilians", "Explosions/Remote violence"])
# Protests and riots told in steps are one event, typed by the gravest step (the codebook's order).
_CROWD_TYPES = frozenset(["Protests", "Riots"])
_CROWD_LADDER = ["Mob violence", "Violent demonstration", "Excessive force against protesters",
                 "Protest with intervention", "Peaceful protest"]

# A force acting on a crowd: the step of a protest told after the crowd gathered
_INTERVENTIONS = frozenset(["Protest with intervention", "Excessive force against protesters"])
# The generic name of a crowd in a protest or riot, with its country or without
_CROWD_NAME = re.compile(r"(?:Protesters|Rioters|Civilians)(?: \(.+\))?$")



@dataclass(frozen=True)
class EventMention:
    """One sentence's event with what its own sentence says (not what it inherited from the article)."""

    event: Event
    dated: bool  # the date was read from the mention's own text, not the publication month
    placed: bool  # the place is named in the mention's own sentence
    body: bool = True  # in the story's body, not its headline block
    evidence_weight: int | None = None  # of a merged incident: the weight of the mention it keeps as evidence
    told: str | None = None  # the noun its event word points back at an incident with ("the attacks")
    within: frozenset[str] = frozenset()  # the places its place lies in: its region and country
    said: Evidence | None = None  # its evidence sentence with that sentence's own toll, date and confidence

    def __post_init__(self) -> None:
        if self.said is None:  # a sentence's own mention: what it says is its event, before any merging
            event = self.event
            date, precision = (event.date, event.date_precision) if self.dated else (None, None)
            said = Evidence(event.evidence, event.start, event.end, event.fatalities, date, precision, event.confidence)
            object.__setattr__(self, "said", said)

    def own(self) -> Evidence:
        """The mention's evidence sentence as its own sentence tells it (not the merged incident's figures)."""
        assert self.said is not None  # set by __post_init__
        return self.said

    def weight(self) -> int:
        """How much the mention's own sentence tells: body text first, then place, parties and toll.

        A date alone does not make a better evidence: the lede states the incident, later sentences
        often add only when it happened.
        """
        event = self.event
        return 4 * self.body + self.placed + len(_parties(event)) + (event.fatalities is not None)


def _parties(event: Event) -> set[str]:
    return {name for name in (event.actor1, event.actor2) if name}


def _crowd_parties(event: Event) -> set[str]:
    """The event's parties, its crowd under one name whatever its reading calls it ("Protesters (Egypt)",
    "Rioters"): protesters who turn violent are the same people, coded as rioters."""
    return {"crowd" if _CROWD_NAME.match(name) else name for name in _parties(event)}


def _actors_fit(first: Event, later: Event, refers_back: bool, adjacent: bool = False) -> bool:
    """At most a pair together, sharing an actor unless one names none, the later one refers back, or it
    tells the intervention in the protest just before with the crowd left to a pronoun ("Police dispersed
    them")."""
    crowds = first.event_type in _CROWD_TYPES and later.event_type in _CROWD_TYPES
    a, b = (_crowd_parties(first), _crowd_parties(later)) if crowds else (_parties(first), _parties(later))
    steps = crowds and adjacent and later.sub_event_type in _INTERVENTIONS and "crowd" in a and "crowd" not in b
    return len(a | b) <= 2 and (not a or not b or bool(a & b) or refers_back or steps)


def _dates_fit(first: EventMention, later: EventMention, refers_back: bool, update: bool = False) -> bool:
    """Same date, or one holds the other; an undated mention has the publication month, so a
    recalled incident of another month stays apart. A dated mention joins an undated one only when
    it refers back to it. A toll update that refers back (``update``: "the toll from the ambush rose to
    nine on Wednesday") gives the day of the update, not of the incident."""
    if update and refers_back:
        return True
    one, two = first.event.date or "", later.event.date or ""
    if later.dated and not first.dated and not refers_back:
        return False
    return one.startswith(two) or two.startswith(one)


def _places_fit(first: EventMention, later: EventMention) -> bool:
    """The same place, or one that lies in the other: a lede's region and the body's village ("an attack in
    Tillaberi" ... "the market of Tera")."""
    if not (first.placed and later.placed):
        return True
    one, two = first.event.location, later.event.location
    return one == two or one in later.within or two in first.within


def _finer(first: EventMention, later: EventMention) -> EventMention:
    """Of two mentions whose places fit, the one that names the more precise place (ACLED codes the finest)."""
    if later.placed and (not first.placed or first.event.location in later.within):
        return later
    return first


def _typed(event: Event) -> tuple[str, str]:
    return event.event_type, event.sub_event_type


def _types_fit(first: Event, later: Event, refers_back: bool, adjacent: bool = False) -> bool:
    if _typed(first) == _typed(later):
        return True
    if adjacent and first.event_type == later.event_type and first.event_type in _CROWD_TYPES:
        return True  # "Students gathered to protest. Police dispersed them.": one protest, told in steps
    return refers_back and {_typed(first), _typed(later)} == _FOUGHT_BACK




# How a later mention joined an incident: told right after it or referring back to it, or told apart from it
# as ACLED's same event (:func:`_same_unit`)
_FOLLOWS, _SAME_UNIT = "follows", "same unit"


def _same_incident(first: EventMention, later: EventMention, adjacent: bool, signals: Signals) -> str | None:
    """How ``later`` is one more mention of ``first`` (``_FOLLOWS`` or ``_SAME_UNIT``), or None when it is
    not; without a word that refers back, it follows only the incident mentioned just before it."""
    another, since, refers_back, update = signals[later.event.evidence]
    if another or since or signals[first.event.evidence][1]:
        return None
    if not (adjacent or refers_back):
        return _SAME_UNIT if _same_unit(first, later) else None
    follows = (
        _types_fit(first.event, later.event, refers_back and adjacent, adjacent)
        and _actors_fit(first.event, later.event, refers_back, adjacent)
        and _places_fit(first, later)
        and _dates_fit(first, later, refers_back, update)
    )
    return _FOLLOWS if follows else None


def _same_unit(first: EventMention, later: EventMention) -> bool:
    """Whether a mention told apart from an incident is ACLED's same event, one pair of actors at one place on
    one day ("Soldiers fired on traders in Lumbo on Friday." ... "In Lumbo, a shopkeeper saw soldiers beat a
    porter."): both sentences name the place, a town or region rather than a whole country (where two
    incidents are often told), and both parties, of one kind of event, and the later gives no other day."""
    crowds = first.event.event_type in _CROWD_TYPES and later.event.event_type in _CROWD_TYPES
    parties = _crowd_parties if crowds else _parties
    pair = parties(first.event)
    return (first.placed and later.placed and first.event.location == later.event.location and bool(later.within)
            and len(pair) == 2
            and pair == parties(later.event) and (crowds or _typed(first.event) == _typed(later.event))
            and _dates_fit(first, later, refers_back=False))


def _fill_slots(slots: list[str | None], offered: list[str | None]) -> list[str | None]:
    """Empty actor slots take the other mention's actors, in the same role where it is free."""
    spare: list[str | None] = [name for name in offered if name and name not in slots]
    for i, slot in enumerate(slots):
        if slot is None and spare:
            same_role = offered[i] if offered[i] in spare else spare[0]
            slots[i] = same_role
            spare.remove(same_role)
    return slots


def _absorb(first: EventMention, later: EventMention, detail: bool = False, apart: bool = False) -> EventMention:
    """``first`` with what ``later`` adds: missing parties, place and date, and the lowest toll. A ``detail``
    of the incident in a short note (:func:`_elaborates`) leaves its type as ``first`` tells it; a mention told
    ``apart`` from it (:func:`_same_unit`) gives a toll only when it had none: a bystander who saw two of the
    victims fall counts part of the dead the story told first."""
    event, other = first.event, later.event
    offered = [other.actor1, other.actor2]
    if event.event_type in _CROWD_TYPES and any(name and _CROWD_NAME.match(name) for name in (event.actor1,
                                                                                              event.actor2)):
        offered = [None if name and _CROWD_NAME.match(name) else name for name in offered]  # the crowd is there
    offered_crowd = [name for name in (other.actor1, other.actor2) if name and _CROWD_NAME.match(name)]
    parties = _fill_slots([event.actor1, event.actor2], offered)
    tolls = [n for n in (event.fatalities, other.fatalities) if n is not None]
    date, precision = (event.date, event.date_precision)
    if later.dated and (not first.dated or len(other.date or "") > len(event.date or "")):
        date, precision = other.date, other.date_precision
    weight = first.weight() if first.evidence_weight is None else first.evidence_weight
    kept, told = first.own(), later.own()
    if later.weight() > weight and later.told is None:  # the sentence that tells most is the evidence, not one
        # that points back at the incident ("tweeted news of the bombing")
        kept, told = told, kept
        event = replace(event, id=other.id, evidence=other.evidence, start=other.start, end=other.end,
                        confidence=other.confidence)
        weight = later.weight()
    more = _adding((*event.more_evidence, *other.more_evidence), told)  # what each mention carried: its toll line
    # ACLED's ladder: the gravest reading of a protest or riot types it; a peaceful protest turned violent is a riot
    turned = event.sub_event_type == "Peaceful protest" and other.event_type == "Riots"
    if event.event_type in _CROWD_TYPES and (other.event_type == event.event_type or turned) and _CROWD_LADDER.index(
            other.sub_event_type) < _CROWD_LADDER.index(event.sub_event_type):
        event = replace(event, event_type=other.event_type, sub_event_type=other.sub_event_type, cameo=other.cameo,
                        plover=other.plover)
        if turned:  # the crowd under the riot's name ("Rioters (X)")
            crowd = next((name for name in offered_crowd if name), None)
            parties = [crowd if crowd and name and _CROWD_NAME.match(name) else name for name in parties]
        if other.actor1 and other.actor2:  # and its parties in that reading's order (the state's force first)
            parties = [other.actor1, other.actor2]
        elif other.sub_event_type == "Excessive force against protesters" and other.actor1:
            parties = [other.actor1, next((p for p in parties if p != other.actor1), None)]  # the force first
    if not detail and {_typed(event), _typed(other)} == _FOUGHT_BACK:
        clash = event if event.event_type == "Battles" else other
        event = replace(event, event_type=clash.event_type, sub_event_type=clash.sub_event_type, cameo=clash.cameo,
                        plover=clash.plover)
    place = _finer(first, later)
    merged = replace(
        event,
        actor1=parties[0],
        actor2=parties[1],
        location=place.event.location,
        date=date,
        date_precision=precision,
        fatalities=event.fatalities if apart and event.fatalities is not None else min(tolls) if tolls else None,
        quantity=event.quantity if event.quantity is not None else other.quantity,
        reported_by=tuple(dict.fromkeys(event.reported_by + other.reported_by)),
        more_evidence=more,
    )
    return EventMention(merged, first.dated or later.dated, first.placed or later.placed, first.body or later.body,
                        weight, within=place.within, said=kept)


def _adding(evidence: tuple[Evidence, ...], told: Evidence) -> tuple[Evidence, ...]:
    return tuple(sorted((*evidence, told), key=lambda each: each.start))  # in the order the article tells them


_BOMBS = frozenset(["Remote explosive/landmine/IED", "Suicide bomb"])


def _elaborates(first: EventMention, later: EventMention, signals: Signals) -> bool:
    """Whether ``later``, told right after ``first`` in a short note, only details the same incident
    whatever event it reads as ("Militants attacked a base. Both sides used mortars.", "Soldiers shot a
    trader. His shop was set on fire."): no word of another incident (but "also" or "another" in a sentence
    that names no party of its own: "Troops also burnt huts", "Another villager died"), parties that fit, the
    same place or none of its own, and no date of its own unless it fits the incident's."""
    another, since, _, _ = signals[later.event.evidence]
    if another and _parties(later.event) <= _parties(first.event) and only_adds(later.event.evidence):
        another = False
    if later.event.event_type == "Protests" and first.event.event_type not in _CROWD_TYPES:
        return False  # people who protest an attack or an arrest are an event of their own
    if later.event.sub_event_type in _BOMBS and first.event.sub_event_type not in _BOMBS:
        return False  # a bomb planted or carried in is an incident of its own, not a detail of a fight
    return not (another or since or signals[first.event.evidence][1]) and (
        _actors_fit(first.event, later.event, refers_back=False)
        and _places_fit(first, later) and (not later.dated or _dates_fit(first, later, refers_back=False)))


def merge_mentions(mentions: Iterable[EventMention], short: bool = False) -> list[EventMention]:
    """Return one merged mention per incident, in the order of each incident's first mention.

    In a ``short`` note (a few sentences, as ACLED's notes and news briefs are), a mention right after an
    incident that only details it joins it whatever its type (:func:`_elaborates`)."""
    incidents: list[EventMention] = []
    signals = Signals()
    for mention in mentions:
        last = len(_last_told(incidents))
        for back, incident in enumerate(reversed(incidents)):
            returns = 0 < back < last and _returns_to(incident, mention)
            joined = _same_incident(incident, mention, back == 0 or returns, signals)
            if joined or (short and back == 0 and _elaborates(incident, mention, signals)):
                # a mention that returns to one place of a sentence told of several details that place: the
                # sentence's toll for it is the place's, the mention's ("a trader was shot there") is one of them
                incidents[len(incidents) - 1 - back] = _absorb(incident, mention, detail=joined is None,
                                                               apart=joined == _SAME_UNIT or returns)
                break
        else:
            pointed = next((i for i, incident in enumerate(incidents) if _points_at(incident, mention, signals)), None)
            if pointed is not None:
                incidents[pointed] = _toll_told_back(incidents[pointed], mention, signals)
            elif not (incidents and _aftermath(incidents[-1], mention, signals)):
                incidents.append(mention)
    return incidents


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


def _toll_told_back(incident: EventMention, later: EventMention, signals: Signals) -> EventMention:
    """The incident with the toll of a mention that points back at it ("The raids killed fighters and
    farmers"), when the incident has none and the mention tallies no period ("since January")."""
    toll = later.event.fatalities
    if toll is None or incident.event.fatalities is not None or signals[later.event.evidence][1]:
        return incident
    more = _adding((*incident.event.more_evidence, *later.event.more_evidence), later.own())
    return replace(incident, event=replace(incident.event, fatalities=toll, more_evidence=more))


# Kinds of event a general reference ("the attack", "the violence") may point at across a type boundary: an
# attack told as a clash or a bombing, a protest as a riot. "The blasts" or "the ambush" point at their own kind.
_FAMILIES = (VIOLENT_TYPES, _CROWD_TYPES)
_GENERAL_NOUNS = frozenset(["attack", "assault", "incident", "violence", "fighting", "killing", "unrest", "toll"])


def _kind_fits(incident: Event, later: Event, noun: str) -> bool:
    if noun not in _GENERAL_NOUNS:
        return _typed(incident) == _typed(later)
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
    return (_kind_fits(incident.event, later.event, later.told) and _places_fit(incident, later)
            and _dates_fit(incident, later, refers_back=True, update=signals[later.event.evidence][3]))




def _only_earlier(mention: EventMention) -> bool:
    """Whether a sentence that states a toll has no word of another incident but "earlier", which dates the
    report ("Earlier a medic said the death toll was five"); "In another attack, the death toll was five" has."""
    return mention.told == "toll" and only_earlier(mention.event.evidence)


# Incidents whose participants are at the scene, where the police may arrest them; the arrest is told in the
# incident's story (ACLED codes it in the incident's note), not as an incident of its own. A bomb's or a shell's
# authors are not at the scene: arrests after it come from an investigation, an event of its own.
_ARRESTED_AFTER = frozenset(["Battles", "Violence against civilians", "Riots", "Protests"])


def _aftermath(incident: EventMention, later: EventMention, signals: Signals) -> bool:
    """Whether ``later`` is an arrest right after an incident of violence or of a crowd, at its place and date
    ("Students set the school on fire. 35 of them were held in connection with the riot."), with no word of
    another incident: the incident's aftermath, which adds no event."""
    return (later.event.sub_event_type == "Arrests" and incident.event.event_type in _ARRESTED_AFTER
            and not signals[later.event.evidence][0] and _places_fit(incident, later)
            and _dates_fit(incident, later, refers_back=True))


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
