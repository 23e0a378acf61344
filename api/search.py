"""One search box over actors, places and events: names and aliases containing a text, best matches first.

Every name and alias of the actors and of the places is read once between writes (``kept_labels``) and matched
here while they are at most ``LABELS_KEPT``. Matched in the engine, every search decoded the text of every label
twice (actors, then places: 3,000 labels at 100,000 documents, 12-25 ms each); past the bound the engine matches
them again, so a big store costs what it did before, not more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from flask import current_app

from api import entities
from api.cache import kept_read, time_left
from api.labels import labels
from graph import queries as q
from graph.newest import newest_of_entities
from graph.store import TripleStore

__all__ = ["search_results", "matching", "kept_labels", "ranked", "LABELS_KEPT", "LABEL_BYTES"]

# Labels of a class kept in the server at most: LABEL_BYTES each (an IRI and a name in a read-only dict, measured
# with tracemalloc), 8 MB a class. Past it every search would read and scan them all, costlier than the engine.
LABELS_KEPT = 20_000
LABEL_BYTES = 400
# kind -> its labels, how many there are, and the engine's ranked match (a store whose labels are past LABELS_KEPT)
_LABELS = {"actor": (q.ACTOR_LABELS, q.ACTOR_LABEL_COUNT, q.SEARCH_ACTORS),
           "place": (q.PLACE_LABELS, q.PLACE_LABEL_COUNT, q.SEARCH_PLACES)}


def kept_labels(kind: str) -> tuple[Mapping[str, Any], ...] | None:
    """Every name and alias of the actors or places (``kind``) of the app's store as read-only rows (entity, label),
    kept until its next write; None when they are more than ``LABELS_KEPT``."""
    labels, count, _ = _LABELS[kind]
    if int(kept_read(count, {})[0]["n"]) > LABELS_KEPT:
        return None
    store = _store()
    return current_app.extensions["conflictkg.cache"].kept(
        f"labels {labels}", lambda: tuple(MappingProxyType(row) for row in store.read(labels)),
        lambda rows: len(rows) * LABEL_BYTES, most=LABELS_KEPT * LABEL_BYTES, wait=time_left())


def _store() -> TripleStore:
    return current_app.extensions["conflictkg.store"]


def matching(kind: str, term: str, limit: int, offset: int) -> list[str]:
    """The actors or places (``kind``) a name or alias of which contains ``term`` (case aside), best first
    (``ranked``), ``offset`` .. ``offset + limit`` of them: from the app's kept labels, or read from the app's store
    by the engine past ``LABELS_KEPT``."""
    labels = kept_labels(kind)
    if labels is not None:
        return ranked(labels, term)[offset:offset + limit]
    query = q.page(_LABELS[kind][2], limit, offset)
    return [row["entity"] for row in _store().read(query, {"q": term})]


def ranked(labels: Iterable[Mapping[str, Any]], term: str) -> list[str]:
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
