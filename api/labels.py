"""Names and kinds of entities for the lists, pages and records that link to them, kept per entity until a write.

A page of 50 events names about a hundred actors and places, and the same few hundred recur on every page and
record (Islamic State, FARDC, Mogadishu...). Each entity's name and kind (``labels``) is therefore kept in the
app's label cache (``app.extensions["conflictkg.labels"]``, made by ``create_app`` and emptied by every write, as
the response cache is), at most ``LABELS_KEPT`` of them (the least recently used go first: the service's memory
does not grow with the store); only the entities not kept are read, in one query. ``labels_read`` is that query,
to send ahead with a request's other reads (``api.limits.prefetch``): it names the same entities ``labels`` will.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import current_app, has_app_context

from api.cache import ResponseCache
from graph import queries as q
from graph.store import TripleStore

__all__ = ["labels", "labels_read", "LABELS_KEPT"]

LABELS_KEPT = 20_000  # entities whose name and kind are kept at once (a few hundred bytes each)
_NONE: dict[str, Any] = {"name": None, "kind": None}  # kept for an entity with neither: not read again, not given


def labels(store: TripleStore, named: Iterable[str | None]) -> dict[str, dict[str, Any]]:
    """Return ``{iri: {"name": ..., "kind": ...}}`` for the entities named (None and "" left out) that have either:
    the kept ones from the app's label cache (for the app's own store), the others read in one query and kept."""
    iris = {iri for iri in named if iri}
    kept = _kept() if has_app_context() and store is current_app.extensions["conflictkg.store"] else None
    found = {iri: entry for iri in iris if kept is not None and (entry := kept.get(iri)) is not None}
    unread = sorted(iris - found.keys())
    if unread:
        generation = kept.generation if kept is not None else 0
        read = _of_rows(store.read(q.with_iris(q.LABELS, unread)))
        for iri in unread:
            found[iri] = read.get(iri, _NONE)
            if kept is not None:
                kept.put(iri, found[iri], generation)
    return {iri: dict(entry) for iri, entry in found.items() if entry is not _NONE}


def labels_read(named: Iterable[str | None]) -> tuple[str, None] | None:
    """The read ``labels`` will make of the entities named (None: none, or every one kept)."""
    kept = _kept()
    unread = sorted({iri for iri in named if iri and (kept is None or kept.get(iri) is None)})
    return (q.with_iris(q.LABELS, unread), None) if unread else None


def _kept() -> ResponseCache | None:
    """The app's label cache (None outside an app, or in one made without it)."""
    return current_app.extensions.get("conflictkg.labels") if has_app_context() else None


def _of_rows(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each entity's name and kind from the rows of ``q.LABELS``: the least of each when it has several."""
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        entity = found.setdefault(row["entity"], {"name": None, "kind": None})
        for key in ("name", "kind"):
            if key in row and (entity[key] is None or str(row[key]) < str(entity[key])):
                entity[key] = row[key]
    return found
