"""Sentence bounds, doc and span texts read once per doc: the answers of spaCy's token.sent, doc.text and span.text."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from graph.extract.parse.sentences import SentenceIndex, doc_text, sentence, sentence_start, span_text
from graph.extract.pipeline import split_chunks

# Titles on their own line, paragraphs, doubled spaces, a trailing space, a one-word sentence, quotes.
TEXTS = [
    "Clashes near the dam\n\nMilitiamen raided two farms outside Korvani on Sunday. Three herders died.",
    "Police  detained 14 students at the campus gate.   \"We were only singing,\" one said. Calm returned. ",
    "Rockets hit the depot.\nThe army said its units withdrew. No.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_bounds_are_spacys(nlp, text):
    doc = nlp(text)
    for token in doc:
        assert sentence_start(token) == token.sent.start
        assert (sentence(token).start, sentence(token).end) == (token.sent.start, token.sent.end)
    index = SentenceIndex(doc)
    assert [index[token.i] for token in doc] == [n for n, sent in enumerate(doc.sents) for _ in sent]


@pytest.mark.parametrize("text", TEXTS)
def test_span_texts_are_spacys(nlp, text):
    doc = nlp(text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text
    assert [span_text(sent) for sent in doc.sents] == [sent.text for sent in doc.sents]
    assert doc_text(doc) == doc.text


def test_a_doc_joined_from_chunks(nlp):
    text = " ".join(TEXTS)
    doc = Doc.from_docs(list(nlp.pipe(split_chunks(text, 60))), ensure_whitespace=False)
    assert [span_text(sent) for sent in doc.sents] == [sent.text for sent in doc.sents]
    assert [sentence_start(token) for token in doc] == [token.sent.start for token in doc]
