"""Sentence numbers of a parsed doc, for the mentions every stage records."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

__all__ = ["SentenceIndex"]


class SentenceIndex:
    """Sentence number of a token index, by bisection over the sentence starts."""

    def __init__(self, doc: Doc):
        """Index the sentence starts of ``doc``."""
        self.starts = [sent.start for sent in doc.sents]

    def __getitem__(self, token_index: int) -> int:
        """Return the number of the sentence holding the token."""
        return max(bisect.bisect_right(self.starts, token_index) - 1, 0)
