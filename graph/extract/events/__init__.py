"""Events stage: ACLED-typed events with their participants, place, date and counts.

:func:`read_events` is the entry; it reads the complete actor table and the place mentions of the
earlier stages and changes neither. The generic actors that ACLED's codebook implies for an event
(the civilians of an attack, the unidentified armed group behind a bomb) come back beside the events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc

from graph.extract.actors import ActorTable
from graph.extract.events.assemble import build_events
from graph.extract.places import PlaceMention
from graph.records import Actor, Article, Event

__all__ = ["read_events", "EventsRead"]


class EventsRead(NamedTuple):
    """The events of an article, and the implied actors they name that the actor table does not hold."""

    events: tuple[Event, ...]
    actors: tuple[Actor, ...]


def read_events(article: Article, doc: Doc, table: ActorTable, places: Sequence[PlaceMention]) -> EventsRead:
    """Return the events of a parsed article, in document order, with the actors they imply."""
    events, implied = build_events(article, doc, table, list(places))
    return EventsRead(tuple(events), implied)
