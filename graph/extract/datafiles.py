"""Where the extraction's data files live: ``graph/data/`` (actors, events, places)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA"]

DATA = Path(__file__).resolve().parent.parent / "data"
