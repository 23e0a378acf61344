"""An article's text cut into plain runs and evidence spans, for the document page to mark up.

An evidence sentence is found at its recorded offsets when the text there is the sentence, else
at its nearest occurrence (offsets may count from a cleaned copy of the text); a sentence not in
the text is left out of the marks and listed by the page on its own. Sentences that several
events were read from are one span linking to each event; a span that overlaps an earlier one
is dropped from the marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Segment", "segments"]


@dataclass
class Segment:
    """A run of the article: plain text (no ``evidence``) or an evidence span and what was read from it."""

    text: str
    start: int
    evidence: list[dict[str, Any]] = field(default_factory=list)


def _locate(text: str, sentence: str, start: Any) -> int | None:
    """Where ``sentence`` stands in ``text``: at ``start`` when it is there, else nearest to it, else None."""
    if isinstance(start, int) and text[start:start + len(sentence)] == sentence:
        return start
    found, at = [], text.find(sentence)
    while at >= 0:
        found.append(at)
        at = text.find(sentence, at + 1)
    if not found:
        return None
    near = start if isinstance(start, int) else 0
    return min(found, key=lambda position: abs(position - near))


def segments(text: str, evidence: list[dict[str, Any]]) -> tuple[list[Segment], list[dict[str, Any]]]:
    """Cut ``text`` into segments marking each evidence sentence; return them and the evidence not placed."""
    spans: dict[tuple[int, int], list[dict[str, Any]]] = {}
    unplaced = []
    for item in evidence:
        sentence = item.get("text") or ""
        at = _locate(text, sentence, item.get("start")) if sentence else None
        if at is None:
            unplaced.append(item)
        else:
            spans.setdefault((at, at + len(sentence)), []).append(item)
    out: list[Segment] = []
    cursor = 0
    for (start, end), items in sorted(spans.items()):
        if start < cursor:
            unplaced.extend(items)  # overlaps a span already marked
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start], cursor))
        out.append(Segment(text[start:end], start, items))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:], cursor))
    return out, unplaced
