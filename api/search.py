"""One search box over actors, places and events: names and aliases containing a text, best matches first."""

from __future__ import annotations

from typing import Any

from api import entities
from graph import queries as q
from graph.newest import newest_of_entities
from graph.store import TripleStore

__all__ = ["search_results"]


def search_results(store: TripleStore, term: str, limit: int, offset: int) -> dict[str, Any]:
    """Return ``{q, limit, offset, actors, places, events}``: what matches ``term``, REST references each."""
    binding = {"q": term}
    found_actors = store.read(q.page(q.SEARCH_ACTORS, limit, offset), binding)
    found_places = store.read(q.page(q.SEARCH_PLACES, limit, offset), binding)
    matched = [r["actor"] for r in found_actors] + [r["place"] for r in found_places]
    events = newest_of_entities(store, matched, limit, offset) if matched else []
    names = entities.labels(store, set(matched))

    def named(iri: str, kind: str) -> dict[str, Any]:
        return {**entities.ref(iri, names.get(iri, {}).get("name"), kind), "kind": names.get(iri, {}).get("kind")}

    return {
        "q": term, "limit": limit, "offset": offset,
        "actors": [named(r["actor"], "actors") for r in found_actors],
        "places": [named(r["place"], "places") for r in found_places],
        "events": [{**entities.ref(r["event"], None, "events"), "type": r.get("type"), "sub_type": r.get("sub_type"),
                    "date": r.get("date")} for r in events],
    }
