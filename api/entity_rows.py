"""Rows of a read by entity, kept per entity until the next write: what lists and pages show of the entities they link.

A page of 50 events names about a hundred actors and places, and the same few hundred recur on every page, list and
record (Islamic State, FARDC, Mogadishu...). A read whose rows each belong to one of the IRIs it is given (a
``#IRIS#`` query of ``graph.queries``: the entities' names and kinds, a list's fields of them) is therefore kept
entity by entity in the app's cache of them (``app.extensions["conflictkg.entity_rows"]``, made by ``create_app``
and emptied by every write, as the response cache is), at most ``KEPT_ENTITIES`` entries (the least recently used go
first: the service's memory does not grow with the store); only the entities not kept are read, in one query.
``rows_read`` is that query, to send ahead with a request's other reads (``api.limits.prefetch``): it names the
same entities ``rows_by_entity`` will. Only reads whose use does not depend on the order of their rows are kept so.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import current_app, has_app_context

from api.cache import ResponseCache
from graph import queries as q
from graph.store import TripleStore

__all__ = ["rows_by_entity", "rows_read", "KEPT_ENTITIES"]

KEPT_ENTITIES = 20_000  # entities' rows kept at once, of every read (a few hundred bytes each)


def rows_by_entity(store: TripleStore, name: str, sparql: str, iris: Iterable[str | None], key: str = "entity"
                   ) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``sparql`` (a ``#IRIS#`` read named ``name``, each row's entity in its ``key``) of each of the
    ``iris`` (None and "" left out): the kept ones from the app's cache (for the app's own store), the others read in
    one query and kept. Every entity asked is in the answer, with no row when the read gives it none."""
    wanted = {iri for iri in iris if iri}
    kept = _kept() if has_app_context() and store is current_app.extensions["conflictkg.store"] else None
    found = {iri: rows for iri in wanted if kept is not None and (rows := kept.get(f"{name} {iri}")) is not None}
    unread = sorted(wanted - found.keys())
    if unread:
        generation = kept.generation if kept is not None else 0
        for iri in unread:
            found[iri] = []
        for row in store.read(q.with_iris(sparql, unread)):
            found[row[key]].append(row)
        if kept is not None:
            for iri in unread:
                kept.put(f"{name} {iri}", found[iri], generation)
    return found


def rows_read(name: str, sparql: str, iris: Iterable[str | None]) -> tuple[str, None] | None:
    """The read ``rows_by_entity`` will make (None: no entity, or every one kept)."""
    kept = _kept()
    unread = sorted({iri for iri in iris if iri and (kept is None or kept.get(f"{name} {iri}") is None)})
    return (q.with_iris(sparql, unread), None) if unread else None


def _kept() -> ResponseCache | None:
    """The app's cache of entities' rows (None outside an app, or in one made without it)."""
    return current_app.extensions.get("conflictkg.entity_rows") if has_app_context() else None
