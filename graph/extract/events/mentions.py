"""A sentence's event as coreference reads it: what its own sentence says, and the kinds of event and
parties that tell two mentions of one incident apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.records import Event, Evidence

__all__ = ["EventMention", "VIOLENT_TYPES", "CROWD_TYPES", "CROWD_NAME", "FOUGHT_BACK", "parties_of", "crowd_parties",
           "typed"]

# An attack and a clash that refer to one incident: the targets fought back, which ACLED codes as a battle.
FOUGHT_BACK = {("Battles", "Armed clash"), ("Violence against civilians", "Attack")}


# The event types of political violence (ACLED's), as opposed to crowds' and strategic developments
VIOLENT_TYPES = frozenset(["Battles", "Violence against civilians", "Explosions/Remote violence"])
# The kinds of event a crowd makes: told in steps, they are one event (see absorb.CROWD_LADDER)
CROWD_TYPES = frozenset(["Protests", "Riots"])
# The generic name of a crowd in a protest or riot, with its country or without
CROWD_NAME = re.compile(r"(?:Protesters|Rioters|Civilians)(?: \(.+\))?$")


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
    dead: frozenset[str] = frozenset()  # the sides whose dead its toll counts (:mod:`.dead_sides`)
    tallied: bool = False  # its toll's count carries a date of its own ("200 killed since March"): never added
    update: bool = False  # its toll updates one told before ("the toll rose to 9", :func:`.updates.toll_update`)

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
        return 4 * self.body + self.placed + len(parties_of(event)) + (event.fatalities is not None)


def parties_of(event: Event) -> set[str]:
    """The actors the event names."""
    return {name for name in (event.actor1, event.actor2) if name}


def crowd_parties(event: Event) -> set[str]:
    """The event's parties, its crowd under one name whatever its reading calls it ("Protesters (Egypt)",
    "Rioters"): protesters who turn violent are the same people, coded as rioters."""
    return {"crowd" if CROWD_NAME.match(name) else name for name in parties_of(event)}


def typed(event: Event) -> tuple[str, str]:
    """The event's type and sub-type."""
    return event.event_type, event.sub_event_type
