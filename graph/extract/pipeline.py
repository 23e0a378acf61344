"""Runs spaCy once over each article and hands the parsed doc to each reader.

publication date (the header's, if none is given) -> clean (offsets kept) -> nlp.pipe
-> places/ -> actors/ (with relations) -> events/ -> one Extraction.
Each stage has one entry function and typed records in and out, and none changes what an earlier
stage returned. A document that is empty, markup or not English gives an empty extraction; a document
on which a stage fails is logged and gives an empty extraction, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from graph.extract.actors import read_actors
from graph.extract.events import read_events
from graph.extract.parse.clean import clean_text, looks_like_english, looks_like_html
from graph.extract.parse.dateline import with_published
from graph.extract.parse.nlp import build_nlp
from graph.extract.parse.sentences import SentenceIndex
from graph.extract.places import read_places
from graph.records import Article, Extraction

__all__ = ["Extractor", "read_doc"]

log = logging.getLogger(__name__)

CHUNK_CHARS = 100_000  # spaCy refuses texts over nlp.max_length; long articles are parsed in pieces
# Only the first million characters (spaCy's default max_length, some 150,000 words) are read:
# no news article comes near, and a multi-megabyte "article" is a dump that would hold a worker
# for minutes. The cut is logged.
MAX_ARTICLE_CHARS = 1_000_000


class Extractor:
    """Loads the model once and turns articles into extractions."""

    def __init__(self, batch_size: int = 32):
        """Load the spaCy pipeline (once per process)."""
        self.nlp = build_nlp()
        self.batch_size = batch_size

    def extract(self, article: Article) -> Extraction:
        """Extract actors, places and events from one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract from many articles in input order, parsing them in batches with ``nlp.pipe``.

        Long texts are parsed in chunks cut at line breaks and joined back into one Doc, so every
        offset still points into the whole article text.
        """
        articles = [with_published(a) for a in articles]  # no date given: the one the header prints
        chunked = [split_chunks(self._text_of(a)) for a in articles]
        docs = self.nlp.pipe((chunk for chunks in chunked for chunk in chunks), batch_size=self.batch_size)
        for article, chunks in zip(articles, chunked, strict=True):
            parts = [next(docs) for _ in chunks]
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            if not any(chunk.strip() for chunk in chunks):  # doc.text, without joining its tokens again
                yield Extraction(document=article)
                continue
            try:
                yield read_doc(article, doc)
            except Exception:  # one bad document must not stop a batch
                log.exception("extraction failed for %s", article.id)
                yield Extraction(document=article)

    def _text_of(self, article: Article) -> str:
        """The cleaned text to parse, or "" for input that is not English prose."""
        text = clean_text(article.text or "")
        if not text.strip() or looks_like_html(text) or not looks_like_english(text):
            return ""
        if len(text) > MAX_ARTICLE_CHARS:
            log.warning("%s: only the first %d of %d characters are read", article.id, MAX_ARTICLE_CHARS, len(text))
            cut = text.rfind("\n", 0, MAX_ARTICLE_CHARS)
            text = text[: cut + 1 if cut > 0 else MAX_ARTICLE_CHARS]
        return text


def split_chunks(text: str, size: int | None = None) -> list[str]:
    """Cut text into consecutive pieces of at most ``size`` characters, at line breaks where possible."""
    size = size or CHUNK_CHARS
    chunks = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start, start + size)
        if cut <= start:
            cut = text.rfind(". ", start, start + size)
        cut = cut + 1 if cut > start else start + size
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return chunks


def read_doc(article: Article, doc: Doc) -> Extraction:
    """Read places, then actors and their relations, then events from a parsed article (each stage once)."""
    sentence_of = SentenceIndex(doc)
    places = read_places(doc, sentence_of, article.text)
    actors = read_actors(doc, places.mentions, sentence_of, article.text, article.published)
    events = read_events(article, doc, actors.table, places.mentions)
    return Extraction(
        document=article,
        actors=tuple(filter(events.keeps, actors.records)) + events.actors,
        locations=places.locations,
        events=events.events,
        relations=actors.relations,
    )
