"""The read cues of a sentence, found once per doc: the typing stage and its neighbour rules read the same
sentences."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.extract.events.cues import SentenceCues, find_cues
from graph.extract.events.senses import read_senses
from graph.extract.parse.columns import per_doc

__all__ = ["cues_of"]


def cues_of(span: Span) -> SentenceCues:
    """The cues of ``span`` (a sentence or a clause) with their senses read, worked out once per span of a doc."""
    found = per_doc(span.doc, _empty)
    key = (span.start, span.end)
    cues = found.get(key)
    if cues is None:
        cues = found[key] = SentenceCues(read_senses(find_cues(span)))
    return cues


def _empty(doc: Doc) -> dict[tuple[int, int], SentenceCues]:
    """A new cache of ``doc``'s cues by span; :func:`cues_of` is the one function that fills it."""
    return {}
