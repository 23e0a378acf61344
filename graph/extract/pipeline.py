"""Runs spaCy once over each article and hands the parsed doc to each reader.

clean (offsets kept) -> nlp.pipe -> places -> actors -> relations -> events -> one Extraction.
A document that is empty, markup or not English gives an empty extraction; a reader that fails on
one document is logged and leaves that document with what the other readers found.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from graph.extract import places
from graph.extract.actors import lexicon
from graph.extract.actors.find import ActorTable, find_actors
from graph.extract.actors.relations import find_relations
from graph.extract.events.assemble import PlaceMention, build_events
from graph.extract.parse.clean import clean_text, looks_like_english, looks_like_html
from graph.extract.parse.nlp import build_nlp
from graph.records import Article, Extraction, Location, Mention

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
        articles = list(articles)
        chunked = [split_chunks(self._text_of(a)) for a in articles]
        docs = self.nlp.pipe((chunk for chunks in chunked for chunk in chunks), batch_size=self.batch_size)
        for article, chunks in zip(articles, chunked, strict=True):
            parts = [next(docs) for _ in chunks]
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            if not doc.text.strip():
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


class _SentenceIndex:
    """Sentence number of a token index, by bisection over the sentence starts."""

    def __init__(self, doc: Doc):
        self.starts = [sent.start for sent in doc.sents]

    def __getitem__(self, token_index: int) -> int:
        return max(bisect.bisect_right(self.starts, token_index) - 1, 0)


def _find_places(doc: Doc) -> list[PlaceMention]:
    return [PlaceMention(span.start, span.end, location) for span, location in places.find_places(doc)]


def _location_records(
    doc: Doc, mentions: list[PlaceMention], sentence_of: _SentenceIndex, source_text: str
) -> tuple[Location, ...]:
    """Merge the mentions of each place id into one Location with its aliases and mentions."""
    grouped: dict[str, list[PlaceMention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.location.id, []).append(mention)
    adjectives = _country_adjectives(doc)
    out = []
    for group in grouped.values():
        location = group[0].location
        spans = [doc[m.start : m.end] for m in group]
        if location.kind == "country":  # "the Syrian people" names Syria too, once Syria is a place here
            spans += adjectives.get(location.country, [])
            spans.sort(key=lambda span: span.start)
        aliases = tuple(dict.fromkeys(s.text for s in spans if s.text != location.name))
        records = tuple(
            Mention(source_text[s.start_char : s.end_char], s.start_char, s.end_char, sentence_of[s.start])
            for s in spans
        )
        out.append(Location(**{**location.__dict__, "aliases": aliases, "mentions": records}))
    return tuple(out)


def _country_adjectives(doc: Doc) -> dict[str, list]:
    """Country code -> the NORP spans that are that country's adjective ("Syrian", "Iraqi")."""
    by_adjective = lexicon.countries()[1]
    out: dict[str, list] = {}
    for ent in doc.ents:
        code = by_adjective.get(ent.text) if ent.label_ == "NORP" else None
        if code:
            out.setdefault(code, []).append(ent)
    return out


def read_doc(article: Article, doc: Doc) -> Extraction:
    """Read places, actors, relations and events from a parsed article."""
    sentence_of = _SentenceIndex(doc)
    places = sorted(_find_places(doc), key=lambda p: p.start)
    countries = [(doc[p.start : p.end], p.location.country, p.location.kind == "country")
                 for p in places if p.location.country]
    table: ActorTable = find_actors(doc, countries)
    relations = find_relations(doc, table)
    events = build_events(article, doc, table, places)
    return Extraction(
        document=article,
        actors=table.records(sentence_of, article.text),
        locations=_location_records(doc, places, sentence_of, article.text),
        events=tuple(events),
        relations=tuple(relations),
    )
