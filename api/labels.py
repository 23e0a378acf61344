"""Names and kinds of the entities lists, pages and records link to, read once per entity until the next write.

``labels`` keeps each entity's rows of ``q.LABELS`` (``api.entity_rows``), so only the entities not kept since the
last write are read; ``labels_read`` is that read, to send ahead with a request's others (``api.limits.prefetch``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from api.entity_rows import rows_by_entity, rows_read
from graph import queries as q
from graph.store import TripleStore

__all__ = ["labels", "labels_read"]


def labels(store: TripleStore, named: Iterable[str | None]) -> dict[str, dict[str, Any]]:
    """Return ``{iri: {"name": ..., "kind": ...}}`` for the entities named (None and "" left out) that have either
    (the least of each when one has several)."""
    found: dict[str, dict[str, Any]] = {}
    for entity, rows in rows_by_entity(store, "labels", q.LABELS, named).items():
        for row in rows:
            label = found.setdefault(entity, {"name": None, "kind": None})
            for key in ("name", "kind"):
                if key in row and (label[key] is None or str(row[key]) < str(label[key])):
                    label[key] = row[key]
    return found


def labels_read(named: Iterable[str | None]) -> tuple[str, None] | None:
    """The read ``labels`` will make of the entities named (None: none, or every one kept)."""
    return rows_read("labels", q.LABELS, named)
