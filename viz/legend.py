"""The network's legend: actor kinds and their colours, plus the edge categories of ``graph.interactions``.

Actor kinds are a data file, ``viz/data/actor_kinds.csv`` (CSV with ``#`` comment lines naming its source).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from graph.interactions import Category, categories, category_of_event, category_of_relation

__all__ = ["Category", "Kind", "categories", "kinds", "category_of_event", "category_of_relation", "kind_of"]

DATA = Path(__file__).resolve().parent / "data"
FALLBACK_KIND = "unknown"


@dataclass(frozen=True)
class Kind:
    """An actor kind with its legend label and node colour."""

    id: str
    label: str
    color: str


@functools.cache
def kinds() -> dict[str, Kind]:
    """Return the actor kinds by id, in legend order."""
    with open(DATA / "actor_kinds.csv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {r["kind"]: Kind(r["kind"], r["label"], r["color"]) for r in rows}


def kind_of(kind: str | None) -> str:
    """Return ``kind`` if the legend knows it, else the fallback kind."""
    return kind if kind in kinds() else FALLBACK_KIND
