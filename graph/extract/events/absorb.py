"""Merging two mentions of one incident: the merged event takes what each mention adds (parties, place, date),
the toll by ACLED's rule (:func:`_merged_toll`), the gravest step of a crowd's event, and keeps every mention's
sentence as evidence."""

from __future__ import annotations

import re
from dataclasses import replace

from graph.datafiles import read_words
from graph.extract.actors.lexicon import descriptors
from graph.extract.events.dead_sides import other_side
from graph.extract.events.incident_words import Signals
from graph.extract.events.lexicon import codes
from graph.extract.events.mention_fit import identified
from graph.extract.events.mentions import CROWD_NAME, CROWD_TYPES, FOUGHT_BACK, EventMention, typed
from graph.records import Event, Evidence

__all__ = ["absorb", "crowd_held", "toll_told_back"]

# Protests and riots told in steps are one event, typed by the gravest step (the codebook's order).
_CROWD_LADDER = ["Mob violence", "Violent demonstration", "Excessive force against protesters",
                 "Protest with intervention", "Peaceful protest"]


def _finer(first: EventMention, later: EventMention) -> EventMention:
    """Of two mentions whose places fit, the one that names the more precise place (ACLED codes the finest)."""
    if later.placed and (not first.placed or first.event.location in later.within):
        return later
    return first


def _fill_slots(slots: list[str | None], offered: list[str | None]) -> list[str | None]:
    """Empty actor slots take the other mention's actors, in the same role where it is free."""
    spare: list[str | None] = [name for name in offered if name and name not in slots]
    for i, slot in enumerate(slots):
        if slot is None and spare:
            same_role = offered[i] if offered[i] in spare else spare[0]
            slots[i] = same_role
            spare.remove(same_role)
    return slots


def _named(slots: list[str | None], offered: list[str | None]) -> tuple[list[str | None], list[str | None]]:
    """The two mentions' parties with an unidentified armed group of either named as the group the other names
    (:func:`.mention_fit.identified`): "gunmen" then "suspected herdsmen" are the herdsmen."""
    mine, theirs = {name for name in slots if name}, {name for name in offered if name}
    for names, other in ((slots, theirs), (offered, mine)):
        pair = identified({name for name in names if name}, other)
        if pair is not None:
            names[names.index(pair[0])] = pair[1]
    return slots, offered


_FORCES = ("Police Forces", "Military Forces")  # ACLED's names of a state's forces, with or without its country
_INTERVENTION = "Protest with intervention"
# words by which an arrest told after a crowd's event is of that crowd ("six of them", "their leaders", "dozens of
# demonstrators"); an arrest of anyone else ("two men suspected of the killing") is no intervention, nor one of
# suspects of a crime that names the crowd ("suspects in the beating of two of them", "accused of burning their stalls")
_OF_THE_CROWD = re.compile(r"\b(?:them|their|protesters|demonstrators|rioters|marchers|strikers|organi[sz]ers)\b",
                           re.IGNORECASE)
_SUSPECTS_HELD = re.compile(
    r"\b(?:suspect(?:s|ed)?|in connection with|in relations? (?:with|to)|accused of|charged with)\b", re.IGNORECASE)

# an arrest "for"/"over" a deed that is not the protest ("arrested 15 students for cheating in exams"): people of the
# crowd's kind held for something else, not the crowd (the protest's own words keep it: "for taking part in the march";
# a stretch of time is no reason: "over the weekend")
_OTHER_REASON = re.compile(
    r"\b(?:for|over)\b(?!\s+(?:the\s+|\w+\s+)?(?:hours?|days?|nights?|weeks?|weekend)\b)(?![^.;]*\b(?:protest|demonstrat|march|rall|riot|strik|sit-in|unrest|picket|questioning)\w*)",
    re.IGNORECASE)

# the plural nouns a crowd goes by (descriptors.tsv's people: "students", "traders", "residents"), by which an arrest
# names the crowd the incident told of again ("Students protested. Police arrested 15 students.")
_PEOPLE = frozenset(words[0] for words, (cls, _) in descriptors().items()
                    if len(words) == 1 and cls in ("civilians", "protesters", "rioters") and words[0].endswith("s"))
_WORD = re.compile(r"[a-z]+")


def _holds_crowd(arrest: Event, incident: Event) -> bool:
    """Whether an arrest holds a crowd's people, not suspects of a crime (see ``_OF_THE_CROWD``): words for the crowd,
    or the very noun the incident called its crowd by."""
    said = arrest.evidence or ""
    named_again = _PEOPLE & set(_WORD.findall(said.lower())) & set(_WORD.findall((incident.evidence or "").lower()))
    if _SUSPECTS_HELD.search(said):
        return False
    return bool(_OF_THE_CROWD.search(said)) or bool(named_again and not _OTHER_REASON.search(said))


def crowd_held(incident: EventMention, arrest: Event) -> EventMention:
    """A protest or riot whose crowd a state's force then arrests ("Police detained 20 of them"): the force is its
    other side, and a peaceful protest met with arrests is ACLED's protest with intervention."""
    event, force = incident.event, arrest.actor1 or ""
    if event.event_type not in CROWD_TYPES or event.actor2 is not None or not force.startswith(_FORCES) \
            or not _holds_crowd(arrest, event):
        return incident
    if event.sub_event_type == "Peaceful protest":
        cameo, plover = codes().get(_INTERVENTION, (None, None))
        event = replace(event, sub_event_type=_INTERVENTION, cameo=cameo, plover=plover)
    return replace(incident, event=replace(event, actor2=force))


def absorb(first: EventMention, later: EventMention, detail: bool = False, apart: bool = False) -> EventMention:
    """``first`` with what ``later`` adds: missing parties, place and date, and the toll by ACLED's rule
    (:func:`_merged_toll`). A ``detail`` of the incident in a short note (:func:`elaborates`) leaves its type as
    ``first`` tells it; a mention told ``apart`` from it (:func:`same_unit`) gives a toll only when it had none: a
    bystander who saw two of the victims fall counts part of the dead the story told first."""
    event, other = first.event, later.event
    offered = [other.actor1, other.actor2]
    if event.event_type in CROWD_TYPES and other.sub_event_type == "Arrests":  # the crowd's arrest: its force only
        first, offered = crowd_held(first, other), []
        event = first.event
    if event.event_type in CROWD_TYPES and any(name and CROWD_NAME.match(name) for name in (event.actor1,
                                                                                              event.actor2)):
        offered = [None if name and CROWD_NAME.match(name) else name for name in offered]  # the crowd is there
    offered_crowd = [name for name in (other.actor1, other.actor2) if name and CROWD_NAME.match(name)]
    parties = _fill_slots(*_named([event.actor1, event.actor2], offered))
    weight = first.weight() if first.evidence_weight is None else first.evidence_weight
    kept, told = first.own(), later.own()
    if later.weight() > weight and (later.told is None or not first.body):  # the sentence that tells most is the
        # evidence, not one that points back at the incident ("tweeted news of the bombing"), unless a headline told it
        kept, told = told, kept
        event = replace(event, id=other.id, evidence=other.evidence, start=other.start, end=other.end,
                        confidence=other.confidence)
        weight = later.weight()
    more = _adding((*event.more_evidence, *other.more_evidence), told)  # what each mention carried: its toll line
    # ACLED's ladder: the gravest reading of a protest or riot types it; a peaceful protest turned violent is a riot
    turned = event.sub_event_type == "Peaceful protest" and other.event_type == "Riots"
    if event.event_type in CROWD_TYPES and (other.event_type == event.event_type or turned) and _CROWD_LADDER.index(
            other.sub_event_type) < _CROWD_LADDER.index(event.sub_event_type):
        event = replace(event, event_type=other.event_type, sub_event_type=other.sub_event_type, cameo=other.cameo,
                        plover=other.plover)
        if turned:  # the crowd under the riot's name ("Rioters (X)")
            crowd = next((name for name in offered_crowd if name), None)
            parties = [crowd if crowd and name and CROWD_NAME.match(name) else name for name in parties]
        if other.actor1 and other.actor2:  # and its parties in that reading's order (the state's force first)
            parties = [other.actor1, other.actor2]
        elif other.sub_event_type == "Excessive force against protesters" and other.actor1:
            parties = [other.actor1, next((p for p in parties if p != other.actor1), None)]  # the force first
    if not detail and {typed(event), typed(other)} == FOUGHT_BACK:
        clash = event if event.event_type == "Battles" else other
        event = replace(event, event_type=clash.event_type, sub_event_type=clash.sub_event_type, cameo=clash.cameo,
                        plover=clash.plover)
    merged = replace(event, actor1=parties[0], actor2=parties[1],
                     reported_by=tuple(dict.fromkeys(event.reported_by + other.reported_by)), more_evidence=more)
    return _with_facts(first, later, merged, apart, weight, kept)


def _with_facts(first: EventMention, later: EventMention, merged: Event, apart: bool, weight: int,
                kept: Evidence) -> EventMention:
    """The merged incident with the finer place, the more precise date, the toll (:func:`_merged_toll`) and the
    first quantity either mention tells."""
    event, other = first.event, later.event
    date, precision = (event.date, event.date_precision)
    if later.dated and (not first.dated or len(other.date or "") > len(event.date or "")):
        date, precision = other.date, other.date_precision
    place = _finer(first, later)
    toll, dead = _merged_toll(first, later, apart)
    merged = replace(merged, location=place.event.location, date=date, date_precision=precision, fatalities=toll,
                     quantity=event.quantity if event.quantity is not None else other.quantity)
    return EventMention(merged, first.dated or later.dated, first.placed or later.placed, first.body or later.body,
                        weight, within=place.within, said=kept, dead=dead)


_RANKS = "|".join(sorted(read_words("events", "non_civilian_words.txt"), key=len, reverse=True))
# A single victim the story singles out as one of the dead: "was among the dead", "including a major", "one of
# the victims", a rank or office held by someone ("the post's commander", ", a captain,", "Colonel Tembo", "A
# district officer was shot"), not a speaker ("an official said")
_SINGLED_OUT = re.compile(
    r"\b(?:among|including|included|one of)\b"
    rf"|\w(?:'s|s')\s+(?:\w+\s+)?(?:{_RANKS})\b|,\s+an?\s+(?:\w+\s+)?(?:{_RANKS})\b"
    rf"|^(?:an?|the)\s+(?:\w+\s+)?(?:{_RANKS})\b(?!\s+(?:said|says|say|told))", re.IGNORECASE)
# A count of one that is a source's figure for the dead, never a victim singled out: "the army said one soldier
# was killed", "only one died", "either six soldiers or a single major"
_SOURCE_FIGURE = re.compile(r"\b(?:only|just|single|either)\b"
                            r"|\b(?:said|says|say|reported|confirmed|told)\s+(?:that\s+)?(?:one|1)\b", re.IGNORECASE)


def _one_of_the_dead(mention: EventMention) -> bool:
    """Whether the mention's toll of one is a victim it singles out among the dead told by the other mention (a
    partial count that never lowers the total), not a source's figure for all of them (ACLED's lowest)."""
    said = mention.own().text
    return mention.event.fatalities == 1 and not _SOURCE_FIGURE.search(said) and bool(_SINGLED_OUT.search(said))


def _merged_toll(first: EventMention, later: EventMention, apart: bool) -> tuple[int | None, frozenset[str]]:
    """The toll of two mentions of one incident and the sides it counts, by ACLED's rule: the first's when
    ``later`` is told apart; their sum when they count the dead of different sides (:mod:`.dead_sides`), unless
    the later count carries a date of its own (a tally, "troops have killed 200 rebels this year", or another
    incident's dead); a later update's higher total ("the toll rose to 15", :func:`.updates.toll_update`) unless
    it tallies a period; else the lowest figure of conflicting reports of the same dead, where a victim singled
    out beside a count of several is one of them ("a police commander was among those killed") and never
    lowers the total."""
    mine, theirs = first.event.fatalities, later.event.fatalities
    if mine is None or theirs is None:
        return (theirs, later.dead) if mine is None else (mine, first.dead)
    if apart:
        return mine, first.dead
    if other_side(first.dead, later.dead) and not later.tallied:
        return mine + theirs, first.dead | later.dead
    higher = (theirs, later.dead) if theirs > mine else (mine, first.dead)
    if (later.update and not later.tallied and theirs > mine) or (
            mine != theirs and _one_of_the_dead(first if mine < theirs else later)):
        return higher
    return (mine, first.dead) if mine <= theirs else (theirs, later.dead)


def _adding(evidence: tuple[Evidence, ...], told: Evidence) -> tuple[Evidence, ...]:
    return tuple(sorted((*evidence, told), key=lambda each: each.start))  # in the order the article tells them


def toll_told_back(incident: EventMention, later: EventMention, signals: Signals) -> EventMention:
    """The incident with the toll of a mention that points back at it ("The raids killed fighters and
    farmers"), when the incident has none and the mention tallies no period ("since January")."""
    toll = later.event.fatalities
    if toll is None or incident.event.fatalities is not None or signals[later.event.evidence][1]:
        return incident
    more = _adding((*incident.event.more_evidence, *later.event.more_evidence), later.own())
    return replace(incident, event=replace(incident.event, fatalities=toll, more_evidence=more))
