"""The writer's loads into the current graph (graph.link.merged.insert_current): bulk only when big and journaled."""

from __future__ import annotations

import pytest

from graph.link import merged
from graph.store import Store
from graph.vocab import CURRENT_GRAPH

SUBJECT = "<https://conflictkg.org/id/event/e{}>"
NOTE = "<https://w3id.org/conflictkg/ontology#note>"


class _Recording(Store):
    """A real store that also notes how each insert was asked to load."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.asked: list[bool] = []

    def insert(self, ntriples: bytes, graph_iri: str | None = None, atomic: bool = True,
               lenient: bool = False) -> None:
        self.asked.append(atomic)
        super().insert(ntriples, graph_iri, atomic=atomic, lenient=lenient)


def _lines(size: int) -> str:
    """N-Triples of about ``size`` bytes, one triple of 60-odd bytes a line."""
    line = f'{SUBJECT} {NOTE} "n" .\n'
    return "".join(line.format(n) for n in range(size // len(line.format(0)) + 1))


@pytest.mark.parametrize("size, journaled, atomic", [
    (10_000, True, True),  # small: one transaction, even under a journal
    (2_000_000, True, False),  # big and journaled: the bulk loader
    (10_000, False, True),
    (2_000_000, False, True),  # no journal to cover a crash: one transaction however big
    (0, True, None),  # nothing to load
])
def test_a_load_is_bulk_only_when_big_and_journaled(tmp_path, size, journaled, atomic):
    store = _Recording(str(tmp_path / "store"))
    try:
        store.bulk_replace([("https://conflictkg.org/id/graph/doc-1", b"")], atomic=False, lenient=True)
        assert store.journal_open
        text = _lines(size) if size else ""
        merged.insert_current(store, text, journaled=journaled)
        assert store.asked == ([] if atomic is None else [atomic])
        assert store.count_triples(str(CURRENT_GRAPH)) == text.count("\n")
        assert (len(text.encode()) >= merged.BULK_BYTES) == (size > merged.BULK_BYTES)
    finally:
        store.close()
