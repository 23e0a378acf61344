"""Ingest: read articles, extract, build each document's graph and replace it in the store."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.build import build_graph
from graph.extract import Extractor
from graph.records import Article
from graph.store import Store

__all__ = ["IngestSummary", "ingest_articles"]


@dataclass
class IngestSummary:
    """What an ingest did, for the closing line."""

    documents: int = 0
    events: int = 0
    actors: int = 0
    places: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        """Return the one-line summary printed at the end of an ingest."""
        return (
            f"ingested {self.documents} documents: {self.events} events, {self.actors} actors, "
            f"{self.places} places in {self.seconds:.1f} s; {len(self.errors)} errors"
        )


def ingest_articles(
    articles: Iterable[Article], store: Store, base_iri: str, extractor: Extractor | None = None, progress=None
) -> IngestSummary:
    """Extract every article and replace its document graph in ``store``."""
    started = time.perf_counter()
    extractor = extractor or Extractor()
    summary = IngestSummary()
    for extraction in extractor.extract_many(articles):
        graph_iri, graph = build_graph(extraction, base_iri)
        store.replace_graph(graph_iri, graph)
        summary.documents += 1
        summary.events += len(extraction.events)
        summary.actors += len(extraction.actors)
        summary.places += len(extraction.locations)
        if progress is not None:
            progress.update(1)
    store.flush()
    summary.seconds = time.perf_counter() - started
    return summary
