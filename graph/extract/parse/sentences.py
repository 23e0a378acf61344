"""Sentence numbers, bounds and span texts of a parsed doc, read once per doc for every stage."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from graph.extract.parse.columns import doc_text, per_doc

__all__ = ["SentenceIndex", "doc_text", "sentence", "sentence_start", "span_text"]


def _starts(doc: Doc) -> tuple[int, ...]:
    """The start of each sentence of ``doc``, read once per doc."""
    return per_doc(doc, _sentence_starts)


def _sentence_starts(doc: Doc) -> tuple[int, ...]:
    return tuple(sent.start for sent in doc.sents)  # a tuple: every reader of the doc shares it


class SentenceIndex:
    """Sentence number of a token index, by bisection over the sentence starts."""

    def __init__(self, doc: Doc):
        """Index the sentence starts of ``doc``."""
        self.starts = _starts(doc)

    def __getitem__(self, token_index: int) -> int:
        """Return the number of the sentence holding the token."""
        return max(bisect.bisect_right(self.starts, token_index) - 1, 0)


def sentence_start(token: Token) -> int:
    """``token.sent.start``: spaCy scans the doc from the token and slices it twice on each read."""
    starts = _starts(token.doc)
    return starts[bisect.bisect_right(starts, token.i) - 1]


def sentence(token: Token) -> Span:
    """``token.sent``, the sentence holding the token, found by bisecting the doc's sentence starts."""
    doc = token.doc
    starts = _starts(doc)
    k = bisect.bisect_right(starts, token.i)
    return Span(doc, starts[k - 1], starts[k] if k < len(starts) else len(doc))


def span_text(span: Span) -> str:
    """``span.text``, cut from the doc's text (:func:`doc_text`) instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]
