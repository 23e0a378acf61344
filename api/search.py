"""One search box over actors, places and events: names and aliases containing a text, best matches first.

Every name and alias of the actors and of the places is read once between writes (``api.cache.kept_read``) and
matched here. Matched in the engine, every search decoded the text of every label twice (actors, then places:
3,000 labels at 100,000 documents, 12-25 ms each).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from api import entities
from api.cache import kept_read
from graph import queries as q
from graph.newest import newest_of_entities
from graph.store import TripleStore

__all__ = ["search_results", "matching", "ranked"]

_LABELS = {"actor": q.ACTOR_LABELS, "place": q.PLACE_LABELS}


def matching(kind: str, term: str) -> list[str]:
    """The actors or places (``kind``) a name or alias of which contains ``term`` (case aside), best first
    (``ranked``), from their labels kept until the next write."""
    return ranked(kept_read(_LABELS[kind], {}), term)


def ranked(labels: Iterable[dict[str, Any]], term: str) -> list[str]:
    """The entities of ``labels`` (rows of an entity and a label) with a label containing ``term`` (case aside), best
    first: one equal to it, then one starting with it, then the others, each by IRI. As the engine ranked them:
    ``LCASE`` of the labels' texts, ``CONTAINS``, ``ORDER BY`` of IRIs by code point."""
    wanted = term.lower()
    best: dict[str, int] = {}
    for row in labels:
        label = str(row["label"]).lower()
        if wanted in label:
            rank = 0 if label == wanted else 1 if label.startswith(wanted) else 2
            best[row["entity"]] = min(rank, best.get(row["entity"], rank))
    return sorted(best, key=lambda iri: (best[iri], iri))


def search_results(store: TripleStore, term: str, limit: int, offset: int) -> dict[str, Any]:
    """Return ``{q, limit, offset, actors, places, events}``: what matches ``term``, REST references each."""
    found_actors = matching("actor", term)[offset:offset + limit]
    found_places = matching("place", term)[offset:offset + limit]
    matched = found_actors + found_places
    events = newest_of_entities(store, matched, limit, offset) if matched else []
    names = entities.labels(store, set(matched))

    def named(iri: str, kind: str) -> dict[str, Any]:
        return {**entities.ref(iri, names.get(iri, {}).get("name"), kind), "kind": names.get(iri, {}).get("kind")}

    return {
        "q": term, "limit": limit, "offset": offset,
        "actors": [named(iri, "actors") for iri in found_actors],
        "places": [named(iri, "places") for iri in found_places],
        "events": [{**entities.ref(r["event"], None, "events"), "type": r.get("type"), "sub_type": r.get("sub_type"),
                    "date": r.get("date")} for r in events],
    }
