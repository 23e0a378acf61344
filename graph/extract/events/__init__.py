"""Events stage: ACLED-typed events with their participants, place, date and counts.

:func:`read_events` is the entry; it reads the complete actor table and the place mentions of the
earlier stages and changes neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from graph.extract.actors import ActorTable
from graph.extract.events.assemble import build_events
from graph.extract.places import PlaceMention
from graph.records import Article, Event

__all__ = ["read_events"]


def read_events(article: Article, doc: Doc, table: ActorTable, places: Sequence[PlaceMention]) -> tuple[Event, ...]:
    """Return the events of a parsed article, in document order."""
    return tuple(build_events(article, doc, table, list(places)))
