"""The stored terms a filter value of the events table matches, so its reads bind them exactly.

The events table's ``country`` and ``admin1`` filters match any case ("ng", "BORNO"). Compared on every
event's place, such a filter made the engine read every event (800 ms at 100,000 documents for one
country); bound to the few stored terms that match it (read here, kept until the next write), the engine
finds the places by their term and the events by their places. Same events: the terms are those the
comparison keeps.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from api.cache import kept_read
from graph import queries as q

__all__ = ["STORED", "stored_terms"]

STORED = tuple(q.STORED_TERMS)  # the filters bound to stored terms


def stored_terms(name: str, value: str) -> tuple[ox.NamedNode | ox.Literal, ...]:
    """The stored terms the filter ``name`` (one of ``STORED``) given ``value`` matches: none, one, or (a store
    that spells a code in two cases) several, each to bind as any of them (``graph.store.sparql.bind``)."""
    return tuple(_term(row) for row in kept_read(q.STORED_TERMS[name], {f"f_{name}": value}))


def _term(row: dict[str, Any]) -> ox.NamedNode | ox.Literal:
    """A row of ``STORED_TERMS`` as the engine's term: an IRI when it has no datatype."""
    if "datatype" not in row:
        return ox.NamedNode(row["text"])
    if row.get("lang"):
        return ox.Literal(row["text"], language=row["lang"])
    return ox.Literal(row["text"], datatype=ox.NamedNode(row["datatype"]))
