"""Who can be a side of a battle: armed parties, not the civilians hurt beside them."""

from __future__ import annotations

from dataclasses import replace

from graph.extract.events.roles import swapped
from graph.records import Event

__all__ = ["civilians_beside_state"]


def civilians_beside_state(event: Event, kinds: dict[str, str]) -> Event:
    """A battle with Civilians (X) set against the state's forces (soldiers and the market traders beside them
    caught in a firefight with rebels): the civilians were hurt beside the forces and stand as their associates,
    and the side they held is left empty for the state's opponent (``kinds``: actor name -> kind)."""
    if event.event_type != "Battles":
        return event
    one, two = event.actor1 or "", event.actor2 or ""
    if kinds.get(one) == "civilians" and one.startswith("Civilians") and kinds.get(two) == "state_forces":
        return swapped(civilians_beside_state(swapped(event), kinds))
    if kinds.get(two) == "civilians" and two.startswith("Civilians") and kinds.get(one) == "state_forces":
        return replace(event, actor2=None, assoc_actor_1=tuple(dict.fromkeys((*event.assoc_actor_1, two))))
    return event
