"""One search box over actors, places and events: names and aliases containing a text, best matches first.

Actors and places are matched in the server's kept index of their labels (``api.entity_index``) while it is kept;
past its bound the engine matches them again, so a big store costs what it did before, not more.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from api import entities
from api.entity_index import kept_index
from api.labels import labels
from graph import queries as q
from graph.newest import newest_of_entities
from graph.store import TripleStore

__all__ = ["search_results", "matching"]

_SEARCH = {"actor": q.SEARCH_ACTORS, "place": q.SEARCH_PLACES}  # the engine's ranked match (api.entity_index)


def _store() -> TripleStore:
    return current_app.extensions["conflictkg.store"]


def matching(kind: str, term: str, limit: int, offset: int) -> list[str]:
    """The actors or places (``kind``) a name or alias of which contains ``term`` (case aside), best first
    (``EntityIndex.ranked``), ``offset`` .. ``offset + limit`` of them: from the app's kept index, or read from the
    app's store by the engine when it is not kept."""
    index = kept_index(kind)
    if index is not None:
        return index.ranked(term)[offset:offset + limit]
    query = q.page(_SEARCH[kind], limit, offset)
    return [row["entity"] for row in _store().read(query, {"q": term})]


def search_results(term: str, limit: int, offset: int) -> dict[str, Any]:
    """Return ``{q, limit, offset, actors, places, events}``: what matches ``term`` in the app's store, REST
    references each. The app's store only: its labels are kept in the app's cache, emptied by its writes."""
    store = _store()
    found_actors = matching("actor", term, limit, offset)
    found_places = matching("place", term, limit, offset)
    matched = found_actors + found_places
    events = newest_of_entities(store, matched, limit, offset) if matched else []
    names = labels(store, set(matched))

    def named(iri: str, kind: str) -> dict[str, Any]:
        return {**entities.ref(iri, names.get(iri, {}).get("name"), kind), "kind": names.get(iri, {}).get("kind")}

    return {
        "q": term, "limit": limit, "offset": offset,
        "actors": [named(iri, "actors") for iri in found_actors],
        "places": [named(iri, "places") for iri in found_places],
        "events": [{**entities.ref(r["event"], None, "events"), "type": r.get("type"), "sub_type": r.get("sub_type"),
                    "date": r.get("date")} for r in events],
    }
