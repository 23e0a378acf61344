"""Labels lower-cased in one text, for the words filters of the kept indexes (``api.entity_index``,
``api.document_index``): a match is a ``str.find`` over the text, not a Python scan of every label.

A label containing the text, case aside, matches as the engine's ``CONTAINS(LCASE(STR(?label)), LCASE(?q))``; its
rank is 0 when it equals the text, 1 when it starts with it, else 2 (the engine's ``STRSTARTS``).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any, NamedTuple

__all__ = ["LabelText", "label_text"]

_END = "\x00"  # after each label in the text: no text matched holds a control character (api.params.text)


class LabelText(NamedTuple):
    """Every label lower-cased in one text, where each starts, and what each belongs to."""

    text: str  # each label lower-cased, followed by _END
    starts: array  # where each label starts in ``text``, then the text's length
    owners: tuple[Any, ...]  # what each label belongs to (an entity's IRI, a document's position)

    def matches(self, term: str) -> dict[Any, int]:
        """Each owner with a label containing ``term`` (case aside), with the best rank of its labels."""
        wanted, find = term.lower(), self.text.find
        best: dict[Any, int] = {}
        found = find(wanted)
        while found >= 0:
            label = bisect_right(self.starts, found) - 1
            start, end = self.starts[label], self.starts[label + 1] - len(_END)
            rank = 2 if found > start else 0 if end - start == len(wanted) else 1
            owner = self.owners[label]
            best[owner] = min(rank, best.get(owner, rank))
            found = find(wanted, end + len(_END))  # the first match of a label is its best
        return best


def label_text(labels: Iterable[tuple[str, Any]]) -> LabelText:
    """The text of these (label, owner) pairs, each label lower-cased once per owner."""
    kept = dict.fromkeys((str(label).lower(), owner) for label, owner in labels)
    starts = array("q", [0])
    for label, _ in kept:
        starts.append(starts[-1] + len(label) + len(_END))
    return LabelText("".join(label + _END for label, _ in kept), starts, tuple(owner for _, owner in kept))
