"""Events stage: ACLED-typed events with their participants, place, date and counts.

:func:`read_events` is the entry; it reads the complete actor table and the place mentions of the
earlier stages and changes neither. The generic actors that ACLED's codebook implies for an event
(the civilians of an attack, the unidentified armed group behind a bomb) come back beside the events, and
the stage says which actors of the table its events leave out (:meth:`EventsRead.keeps`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc

from graph.extract.actors import ActorTable
from graph.extract.events.assemble import build_events
from graph.extract.places import PlaceMention
from graph.records import Actor, Article, Event
from graph.sides import both_sides_allowed

__all__ = ["read_events", "EventsRead"]


class EventsRead(NamedTuple):
    """The events of an article, the implied actors they name that the actor table does not hold, and their parties."""

    events: tuple[Event, ...]
    actors: tuple[Actor, ...]
    parties: frozenset[str]  # the names the events hold as actors or associates

    def keeps(self, actor: Actor) -> bool:
        """Whether an actor of the table stays in the extraction: an unnamed group (Civilians (X), Protesters (X),
        Unidentified Armed Group (X), ...) only as a party of an event. ACLED's generic actors exist as the
        parties of events; "residents said" or "people fled" makes no actor of its own. So do the forces that a
        unit or a government implies without the text naming them."""
        return (bool(actor.mentions) and not both_sides_allowed(actor.name)) or actor.name in self.parties


def read_events(article: Article, doc: Doc, table: ActorTable, places: Sequence[PlaceMention]) -> EventsRead:
    """Return the events of a parsed article, in document order, with the actors they imply."""
    events, implied = build_events(article, doc, table, list(places))
    parties = frozenset(n for e in events for n in (e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2) if n)
    # an implied actor exists as a party: of an event the builder then dropped it is none
    return EventsRead(tuple(events), tuple(a for a in implied if a.name in parties), parties)
