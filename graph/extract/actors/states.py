"""A unit of a state's forces implies that state's forces: "Syria's elite Tiger Forces" -> Military Forces of Syria.

The rule runs once, when the actor table is complete, so relations and roles only read the table.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.actors.table import ActorInfo, ActorMention, ActorTable, state_actor
from graph.extract.countries import countries

__all__ = ["is_unit", "unit_state", "add_unit_states"]


def is_unit(info: ActorInfo) -> bool:
    """Whether the actor is a unit of a state's forces rather than the state's forces themselves."""
    if info.kind != "state_forces":
        return False
    state = state_actor(info.country) if info.country else None
    return state is None or state.key != info.key


def unit_state(doc: Doc, info: ActorInfo, mention: ActorMention) -> ActorInfo | None:
    """The state a unit mention belongs to: the country written just before it ("Syria's", "Syrian"),
    else the unit's own country."""
    if not is_unit(info):
        return None
    known = countries()
    code = None
    for i in range(max(mention.start - 4, 0), mention.start):
        if doc[i].text in known.by_name and i + 1 < len(doc) and doc[i + 1].text in {"'s", "’s"}:
            code = known.by_name[doc[i].text]
        elif doc[i].text in known.by_adjective:
            code = known.by_adjective[doc[i].text]
    code = code or info.country
    return state_actor(code) if code else None


def add_unit_states(doc: Doc, table: ActorTable) -> None:
    """Add to the table the state forces that its units imply, by mention, then by each unit's country;
    ``table.unit_states`` then maps each unit to the state forces it stands for in events."""
    for mention in table.mentions:
        state = unit_state(doc, table.actors[mention.key], mention)
        if state:
            table.actors.setdefault(state.key, state)
    for info in list(table.actors.values()):
        state = state_actor(info.country) if is_unit(info) and info.country else None
        if state:
            table.actors.setdefault(state.key, state)
            table.unit_states[info.key] = state.key
