"""Sentence numbers, bounds and span texts of a parsed doc, read once per doc for every stage."""

from __future__ import annotations

import bisect
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

__all__ = ["SentenceIndex", "doc_text", "sentence", "sentence_start", "span_text"]

# doc -> the start of each of its sentences, read once per doc (dropped with the doc)
_STARTS: WeakKeyDictionary[Doc, tuple[int, ...]] = WeakKeyDictionary()
# doc -> its text: spaCy joins the text anew from every token on each read of doc.text or span.text
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def _starts(doc: Doc) -> tuple[int, ...]:
    starts = _STARTS.get(doc)
    if starts is None:  # a tuple: every reader of the doc shares it
        starts = _STARTS[doc] = tuple(sent.start for sent in doc.sents)
    return starts


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


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from the doc's tokens once per doc.

    The text is kept here, a second copy of it beside the doc's tokens, for as long as the doc is alive: memory
    traded for the joins saved.
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the doc's text (:func:`doc_text`) instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]
