"""Where the data files live (``graph/data/``: actors, events, places) and how they are read, by the
extraction and by the linking code alike (no spaCy here).

Every file starts with ``#`` lines that say what it holds and where its entries come from."""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["DATA", "read_rows", "read_words"]

DATA = Path(__file__).resolve().parent / "data"


def read_rows(folder: str, name: str) -> list[dict[str, str]]:
    """Return the rows of a tab-separated data file; blank lines and ``#`` header lines are skipped."""
    with open(DATA / folder / name, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def read_words(folder: str, name: str) -> frozenset[str]:
    """Return the entries of a one-word-per-line data file; blank lines and ``#`` header lines are skipped."""
    with open(DATA / folder / name, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))
