"""Whether a later mention is one more mention of an incident told before it: types, actors, places and dates
that fit, and the words that refer back or announce another incident (see :mod:`coref`)."""

from __future__ import annotations

import re

from graph.extract.events.incident_words import Signals, only_adds
from graph.extract.events.mentions import CROWD_TYPES, FOUGHT_BACK, EventMention, crowd_parties, parties_of, typed
from graph.records import Event

__all__ = ["SAME_UNIT", "actors_fit", "dates_fit", "places_fit", "same_incident", "elaborates", "identified"]

# A force acting on a crowd: the step of a protest told after the crowd gathered
_INTERVENTIONS = frozenset(["Protest with intervention", "Excessive force against protesters"])
# The steps of one crowd's protest, up to its turning violent; a mob's violence is another crowd's
_CROWD_STEPS = _INTERVENTIONS | {"Peaceful protest", "Violent demonstration"}


# An armed group the text does not name ("gunmen"), and the parties it cannot be: the civilians, crowds and state
# forces ACLED names by category
_UNNAMED = re.compile(r"^Unidentified Armed Group\b")
_NOT_GROUPS = re.compile(r"^(?:Civilians|Protesters|Rioters|Military Forces of|Police Forces of)\b")


def identified(a: set[str], b: set[str]) -> tuple[str, str] | None:
    """(the unidentified armed group of ``a``, the one armed group ``b`` names that ``a`` lacks), or None: "gunmen"
    in one sentence and "suspected herdsmen" in the next are one attacker."""
    unnamed = [name for name in a if _UNNAMED.match(name)]
    named = [name for name in b - a if not (_UNNAMED.match(name) or _NOT_GROUPS.match(name))]
    if len(unnamed) != 1 or len(named) != 1 or any(_UNNAMED.match(name) for name in b):
        return None
    return unnamed[0], named[0]


def _named_as(a: set[str], b: set[str]) -> set[str]:
    pair = identified(a, b)
    return a if pair is None else (a - {pair[0]}) | {pair[1]}


# A state's army and police: one side of an incident when the later mention joins the first ("rebels attacked a
# police post; troops came to the police's aid"), which ACLED codes as an actor and its associate
_STATE_FORCES = re.compile(r"^(?:Military|Police) Forces of ")
# The doers of the incident told before, named back by their role in it: "five of the attackers were killed"
_DOERS_BACK = re.compile(r"\bthe\s+(?:attackers|assailants|raiders|ambushers|perpetrators)\b", re.IGNORECASE)


def _sides(names: set[str]) -> set[str]:
    return {_STATE_FORCES.sub("State forces of ", name) for name in names}


def joins(later: EventMention, refers_back: bool) -> bool:
    """Whether ``later`` joins the incident told before it rather than telling one of its own: it refers back to
    it ("the site of the attack", "the attackers"), or it names no place, date or party but a state's forces
    ("Troops were sent to help the officers"). Only then are a state's army and police one side of it: troops
    raiding a named group's camp after it attacked a police station is another incident."""
    if refers_back or later.told is not None or _DOERS_BACK.search(later.event.evidence):
        return True
    return not (later.placed or later.dated) and all(_STATE_FORCES.match(name) for name in parties_of(later.event))


def actors_fit(first: Event, later: Event, refers_back: bool, adjacent: bool = False, joined: bool = True) -> bool:
    """At most a pair of sides together (a state's army and police are one when the later mention ``joined``
    the first, :func:`joins`), sharing one unless one names none, the later one refers back, or it tells the
    intervention in the protest just before with the crowd left to a pronoun ("Police dispersed them"); an
    unidentified armed group fits the one armed group the other names (:func:`identified`)."""
    crowds = first.event_type in CROWD_TYPES and later.event_type in CROWD_TYPES
    a, b = (crowd_parties(first), crowd_parties(later)) if crowds else (parties_of(first), parties_of(later))
    a, b = _named_as(a, b), _named_as(b, a)
    if joined:
        a, b = _sides(a), _sides(b)
    steps = crowds and adjacent and later.sub_event_type in _INTERVENTIONS and "crowd" in a and "crowd" not in b
    return len(a | b) <= 2 and (not a or not b or bool(a & b) or refers_back or steps)


def dates_fit(first: EventMention, later: EventMention, refers_back: bool, update: bool = False) -> bool:
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


def places_fit(first: EventMention, later: EventMention) -> bool:
    """The same place, or one that lies in the other: a lede's region and the body's town ("an attack in Sokoto
    state" ... "the road outside Wurno")."""
    if not (first.placed and later.placed):
        return True
    one, two = first.event.location, later.event.location
    return one == two or one in later.within or two in first.within


def types_fit(first: Event, later: Event, refers_back: bool, adjacent: bool = False) -> bool:
    """The same type, a protest told in steps, or an attack that refers back to a clash (the targets fought back)."""
    if typed(first) == typed(later):
        return True
    if adjacent and first.event_type in CROWD_TYPES and later.event_type in CROWD_TYPES and (
            first.event_type == later.event_type or {first.sub_event_type, later.sub_event_type} <= _CROWD_STEPS):
        # "Students gathered to protest. Police dispersed them.": one protest, told in steps; "Rioters burned
        # cars. Protesters had come from a rally.": one crowd, whose gravest step types it (see absorb)
        return True
    return refers_back and {typed(first), typed(later)} == FOUGHT_BACK


# How a later mention joined an incident: told right after it or referring back to it, or told apart from it
# as ACLED's same event (:func:`same_unit`)
_FOLLOWS, SAME_UNIT = "follows", "same unit"


def same_incident(first: EventMention, later: EventMention, adjacent: bool, signals: Signals,
                  lede: bool = False) -> str | None:
    """How ``later`` is one more mention of ``first`` (``_FOLLOWS`` or ``SAME_UNIT``), or None when it is
    not; without a word that refers back, it follows only the incident mentioned just before it. Right after
    the story's ``lede``, a mention tied to it may give the day the lede left out (:func:`_gives_the_day`)."""
    another, since, refers_back = signals[later.event.evidence]
    if another or since or signals[first.event.evidence][1]:
        return None
    if not (adjacent or refers_back):
        return SAME_UNIT if same_unit(first, later) else None
    follows = (
        types_fit(first.event, later.event, refers_back and adjacent, adjacent)
        and actors_fit(first.event, later.event, refers_back, adjacent, joins(later, refers_back))
        and places_fit(first, later)
        and dates_fit(first, later, refers_back or (lede and _gives_the_day(first, later)), later.update)
    )
    return _FOLLOWS if follows else None


def _gives_the_day(lede: EventMention, later: EventMention) -> bool:
    """Whether ``later`` may give the day of the story's undated ``lede``: it names a day and is tied to the lede,
    naming the lede's place too, or telling no toll of its own or the lede's toll; a day-dated mention with
    another toll at another place or none may be another incident of the same group."""
    if later.event.date_precision != "day":
        return False
    same_place = lede.placed and later.placed and places_fit(lede, later)
    toll = later.own().fatalities
    return same_place or toll is None or toll == lede.event.fatalities


def same_unit(first: EventMention, later: EventMention) -> bool:
    """Whether a mention told apart from an incident is ACLED's same event, one pair of actors at one place on
    one day ("Soldiers fired on traders in Lumbo on Friday." ... "In Lumbo, a shopkeeper saw soldiers beat a
    porter."): both sentences name the place, a town or region rather than a whole country (where two
    incidents are often told), and both parties, of one kind of event, and the later gives no other day."""
    crowds = first.event.event_type in CROWD_TYPES and later.event.event_type in CROWD_TYPES
    parties = crowd_parties if crowds else parties_of
    pair = parties(first.event)
    return (first.placed and later.placed and first.event.location == later.event.location and bool(later.within)
            and len(pair) == 2
            and pair == parties(later.event) and (crowds or typed(first.event) == typed(later.event))
            and dates_fit(first, later, refers_back=False))


_BOMBS = frozenset(["Remote explosive/landmine/IED", "Suicide bomb"])


def elaborates(first: EventMention, later: EventMention, signals: Signals) -> bool:
    """Whether ``later``, told right after ``first`` in a short note, only details the same incident
    whatever event it reads as ("Militants attacked a base. Both sides used mortars.", "Soldiers shot a
    trader. His shop was set on fire."): no word of another incident (but "also" or "another" in a sentence
    that names no party of its own: "Troops also burnt huts", "Another villager died"), parties that fit, the
    same place or none of its own, and no date of its own unless it fits the incident's."""
    another, since, _ = signals[later.event.evidence]
    if another and parties_of(later.event) <= parties_of(first.event) and only_adds(later.event.evidence):
        another = False
    if later.event.event_type == "Protests" and first.event.event_type not in CROWD_TYPES:
        return False  # people who protest an attack or an arrest are an event of their own
    if later.event.sub_event_type in _BOMBS and first.event.sub_event_type not in _BOMBS:
        return False  # a bomb planted or carried in is an incident of its own, not a detail of a fight
    return not (another or since or signals[first.event.evidence][1]) and (
        actors_fit(first.event, later.event, refers_back=False, joined=joins(later, refers_back=False))
        and places_fit(first, later) and (not later.dated or dates_fit(first, later, refers_back=False)))
