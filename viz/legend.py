"""The network's legend: actor kinds, edge categories and how ACLED events map to them.

All three are data files under ``viz/data/`` (CSV with ``#`` comment lines naming their source).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Category", "Kind", "categories", "kinds", "category_of_event", "category_of_relation", "kind_of"]

DATA = Path(__file__).resolve().parent / "data"
FALLBACK_KIND = "unknown"
FALLBACK_CATEGORY = "other"


@dataclass(frozen=True)
class Category:
    """An edge category: battles, strikes, supports..."""

    id: str
    label: str
    stance: str  # hostile, contentious, cooperative, other
    color: str
    directed: bool


@dataclass(frozen=True)
class Kind:
    """An actor kind with its legend label and node colour."""

    id: str
    label: str
    color: str


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@functools.cache
def categories() -> dict[str, Category]:
    """Return the edge categories by id, in legend order."""
    return {
        r["category"]: Category(r["category"], r["label"], r["stance"], r["color"], r["directed"] == "yes")
        for r in _rows("categories.csv")
    }


@functools.cache
def kinds() -> dict[str, Kind]:
    """Return the actor kinds by id, in legend order."""
    return {r["kind"]: Kind(r["kind"], r["label"], r["color"]) for r in _rows("actor_kinds.csv")}


@functools.cache
def _interactions() -> dict[tuple[str, str], str]:
    return {(r["event_type"].lower(), r["sub_event_type"].lower()): r["category"] for r in _rows("interactions.csv")}


def category_of_event(event_type: str | None, sub_event_type: str | None) -> str:
    """Return the edge category of an ACLED (event type, sub-event type); unknown types are "other"."""
    table = _interactions()
    event_type = (event_type or "").strip().lower()
    sub = (sub_event_type or "").strip().lower()
    return table.get((event_type, sub)) or table.get((event_type, "")) or FALLBACK_CATEGORY


def category_of_relation(relation: str) -> str:
    """Return the edge category of an affiliation relation ("part_of", "supports"...)."""
    return _interactions().get(("relation", relation.lower()), FALLBACK_CATEGORY)


def kind_of(kind: str | None) -> str:
    """Return ``kind`` if the legend knows it, else the fallback kind."""
    return kind if kind in kinds() else FALLBACK_KIND
