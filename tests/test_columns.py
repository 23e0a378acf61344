"""Token words of a doc read into lists once per doc: the same strings as spaCy's token attributes."""

from __future__ import annotations

from functools import partial

import pytest
from spacy.attrs import ENT_ID, ENT_TYPE, IS_ALPHA, IS_PUNCT, IS_UPPER, SENT_START, SPACY
from spacy.tokens import Doc

from graph.extract.parse.columns import (
    doc_text,
    entities,
    per_doc,
    span_entities,
    token_deps,
    token_ent_iobs,
    token_flags,
    token_heads,
    token_lemmas,
    token_lowers,
    token_poses,
    token_strings,
    token_tags,
    token_texts,
    tokens_text,
    tokens_where,
)
from graph.extract.pipeline import split_chunks

# A title line, capitals, the "IS" norm, numbers, hyphens, quotes, an empty line and a lone word.
TEXTS = [
    "Gunmen storm Varelo market\n\nIS fighters KILLED 12 villagers in the Tamsa-Orun district on Friday.",
    "\"We will not leave,\" said a protester in Nairobi's central square. Police fired tear gas.   Calm.",
    "Rebels of the Northern Front (NF) seized two towns, officials said.\n\n\nNo.",
    "",
]
COLUMNS = [
    (token_texts, lambda t: t.text),
    (token_lowers, lambda t: t.lower_),
    (token_lemmas, lambda t: t.lemma_),
    (token_tags, lambda t: t.tag_),
    (token_poses, lambda t: t.pos_),
    (token_deps, lambda t: t.dep_),
    (partial(token_strings, attr=ENT_TYPE), lambda t: t.ent_type_),
    (partial(token_strings, attr=ENT_ID), lambda t: t.ent_id_),
    (token_ent_iobs, lambda t: t.ent_iob_),
    (token_heads, lambda t: t.head.i),
    (partial(token_flags, attr=IS_ALPHA), lambda t: t.is_alpha),
    (partial(token_flags, attr=IS_UPPER), lambda t: t.is_upper),
    (partial(token_flags, attr=IS_PUNCT), lambda t: t.is_punct),
    (partial(token_flags, attr=SENT_START), lambda t: bool(t.is_sent_start)),
    (partial(token_flags, attr=SPACY), lambda t: bool(t.whitespace_)),
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("column", "attribute"), COLUMNS)
def test_columns_are_spacys(nlp, text, column, attribute):
    doc = nlp(text)
    assert column(doc) == tuple(attribute(token) for token in doc)


@pytest.mark.parametrize(("column", "attribute"), COLUMNS)
def test_a_column_cannot_be_changed_by_its_reader(nlp, column, attribute):
    doc = nlp(TEXTS[0])
    with pytest.raises(AttributeError):  # every rule reading the doc shares it: a tuple has no append or sort
        column(doc).append(attribute(doc[0]))
    assert column(doc) == tuple(attribute(token) for token in doc)


@pytest.mark.parametrize(("column", "attribute"), COLUMNS)
def test_columns_of_a_doc_joined_from_chunks(nlp, column, attribute):
    doc = Doc.from_docs(list(nlp.pipe(split_chunks(" ".join(TEXTS), 60))), ensure_whitespace=False)
    assert column(doc) == tuple(attribute(token) for token in doc)


def test_each_doc_is_read_once(nlp):
    first, second = nlp(TEXTS[0]), nlp(TEXTS[1])
    assert token_lowers(first) is token_lowers(first)  # kept, not read again
    assert token_lowers(second) is not token_lowers(first)
    assert token_lowers(second)[0] == "\""


def test_docs_read_in_turn_keep_their_own_columns(nlp):
    first, second = nlp(TEXTS[0]), nlp(TEXTS[2])
    kept = token_texts(first)
    for _ in range(2):  # the doc read last is a fast path: switching back must not hand out the other's list
        assert token_texts(second) == tuple(t.text for t in second)
        assert token_texts(first) is kept
        assert token_poses(first) == tuple(t.pos_ for t in first)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("wanted", [("NOUN",), ("VERB", "PROPN"), ()])
def test_tokens_where_picks_the_same_tokens_as_a_scan(nlp, text, wanted):
    doc = nlp(text)
    for sent in doc.sents:
        picked = [t.i for t in tokens_where(sent, token_poses(doc), wanted)]
        assert picked == [t.i for t in sent if t.pos_ in wanted]


@pytest.mark.parametrize("text", TEXTS)
def test_entities_are_the_docs_and_built_once(nlp, text):
    doc = nlp(text)
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in entities(doc)] == [
        (e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
    assert entities(doc) is entities(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_a_spans_entities_are_spacys(nlp, text):
    doc = nlp(text)
    spans = [*doc.sents, doc[2:9], doc[0:0], doc[:]] if len(doc) else [doc[:]]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in span_entities(span)] == [
            (e.start, e.end, e.label_) for e in span.ents]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_text_is_the_slices_text(nlp, text):
    doc = nlp(text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 3):  # an end past the doc stops at its end, as a slice does
            assert tokens_text(doc, start, end) == doc[start:end].text
    assert tokens_text(doc, 2, 1) == ""


def test_tokens_text_of_a_doc_joined_from_chunks(nlp):
    doc = Doc.from_docs(list(nlp.pipe(split_chunks(" ".join(TEXTS), 60))), ensure_whitespace=False)
    assert [tokens_text(doc, i, i + 3) for i in range(len(doc))] == [doc[i : i + 3].text for i in range(len(doc))]
    assert doc_text(doc) == doc.text


def _verbs(doc: Doc) -> tuple[int, ...]:
    return tuple(t.i for t in doc if t.pos_ == "VERB")


@pytest.mark.parametrize("text", TEXTS[:3])
def test_per_doc_works_a_value_out_once_per_doc(nlp, text):
    first, second = nlp(text), nlp(TEXTS[1])
    kept = per_doc(first, _verbs)
    assert kept == tuple(t.i for t in first if t.pos_ == "VERB")
    assert per_doc(second, _verbs) == tuple(t.i for t in second if t.pos_ == "VERB")
    assert per_doc(first, _verbs) is kept  # the other doc in between: the first's value is kept, not read again
