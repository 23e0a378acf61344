"""How events and affiliations become typed edges of the actor network: categories and their direction.

Both tables are data files under ``graph/data/network/`` (CSV with ``#`` comment lines naming their
source): ``categories.csv`` (label, stance, colour, directed) and ``interactions.csv`` (ACLED event
type and sub-event type, or an affiliation relation, to a category).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Category", "categories", "category_of_event", "category_of_relation", "FALLBACK_CATEGORY"]

DATA = Path(__file__).resolve().parent / "data" / "network"
FALLBACK_CATEGORY = "other"


@dataclass(frozen=True)
class Category:
    """An edge category: battles, strikes, supports..."""

    id: str
    label: str
    stance: str  # hostile, contentious, cooperative, other
    color: str
    directed: bool


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one CSV data file, comment lines left out."""
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@functools.cache
def categories() -> dict[str, Category]:
    """Return the edge categories by id, in legend order."""
    return {
        r["category"]: Category(r["category"], r["label"], r["stance"], r["color"], r["directed"] == "yes")
        for r in rows("categories.csv")
    }


@functools.cache
def interactions() -> dict[tuple[str, str], str]:
    """Return (event type or "relation", sub-event type or relation), lower case, -> category id."""
    return {(r["event_type"].lower(), r["sub_event_type"].lower()): r["category"] for r in rows("interactions.csv")}


def category_of_event(event_type: str | None, sub_event_type: str | None) -> str:
    """Return the edge category of an ACLED (event type, sub-event type); unknown types are "other"."""
    table = interactions()
    event_type = (event_type or "").strip().lower()
    sub = (sub_event_type or "").strip().lower()
    return table.get((event_type, sub)) or table.get((event_type, "")) or FALLBACK_CATEGORY


def category_of_relation(relation: str) -> str:
    """Return the edge category of an affiliation relation ("part_of", "supports"...)."""
    return interactions().get(("relation", relation.lower()), FALLBACK_CATEGORY)
