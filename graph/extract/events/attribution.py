"""The doer another sentence of an incident names ("Six died; officials said the ambush had been carried out by X").

A sentence that only adds to an incident told before it (its toll, a detail) joins that incident as one more
evidence and gives no event of its own, so its roles are never read; when it attributes the incident ("carried
out by X", "X is suspected", "claimed by X"), the named armed group is the doer the incident's first sentence
left unnamed (:func:`.claims.claimant` reads the attribution, :func:`.claims.with_doer` places the doer).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from graph.extract.actors import ActorTable
from graph.extract.actors.resolve import UNIDENTIFIED_GROUP
from graph.extract.events.claims import CLAIMED_EVENTS, claimant, with_doer
from graph.records import Event

__all__ = ["attributed"]



def attributed(events: Sequence[Event], doc: Doc, table: ActorTable, kinds: dict[str, str]) -> list[Event]:
    """Return the events whose doer is unnamed (no actor1, or an unidentified armed group) with the armed group that
    another of their sentences attributes them to."""
    return [_with_attributed_doer(event, doc, table, kinds) for event in events]


def _with_attributed_doer(event: Event, doc: Doc, table: ActorTable, kinds: dict[str, str]) -> Event:
    if event.event_type not in CLAIMED_EVENTS or not _doer_unnamed(event):
        return event
    for evidence in event.more_evidence:
        sent = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
        doer = claimant(sent, table) if sent is not None else None
        if doer:
            return with_doer(event, doer, kinds)
    return event


def _doer_unnamed(event: Event) -> bool:
    """Whether the event's attacker is unnamed: no actor1, or an unidentified armed group on either side."""
    return event.actor1 is None or any((name or "").startswith(UNIDENTIFIED_GROUP)
                                       for name in (event.actor1, event.actor2))
