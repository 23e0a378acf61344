"""Batch extraction on Dask: workers turn articles into document graphs as N-Triples.

Workers do the expensive part (spaCy, building, SHACL validation) and send back small
``DocumentResult`` records; the store is written by one writer in the main process
(``graph.ingest``). ``run_batch`` starts a ``LocalCluster`` of processes unless it is given a
scheduler address (``tcp://HOST:PORT``); workers of a remote cluster need this project importable.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.build import EventReport
from graph.records import Article, Extraction

if TYPE_CHECKING:  # spaCy loads only where articles are extracted
    from graph.extract import Extractor

__all__ = ["DocumentResult", "build_result", "build_results", "extract_results", "run_batch", "default_workers"]

ARTICLES_PER_TASK = 8  # enough for spaCy's nlp.pipe to batch, small enough to spread the work
_extractor: Extractor | None = None  # one spaCy pipeline per worker process, loaded on first use


@dataclass(frozen=True)
class DocumentResult:
    """One article's outcome: its graph as N-Triples and counts, or why it was skipped."""

    source: str
    graph_iri: str = ""
    ntriples: bytes = b""
    triples: int = 0
    events: int = 0
    actors: int = 0
    places: int = 0
    reports: tuple[EventReport, ...] = ()  # what each event mention says, for linking and merged facts
    violations: tuple[str, ...] = field(default=())
    error: str | None = None


def build_result(extraction: Extraction, base_iri: str, validate: bool = True) -> DocumentResult:
    """Build one extraction's document graph (and validate it) into a ``DocumentResult``."""
    from graph.build import build_document

    built = build_document(extraction, base_iri)
    violations: list[str] = []
    if validate:
        from graph.validate import validate_ntriples

        violations = validate_ntriples(built.ntriples)
    return DocumentResult(
        source=extraction.document.path or extraction.document.id,
        graph_iri=built.graph_iri,
        ntriples=built.ntriples,
        triples=built.triples,
        events=len(extraction.events),
        actors=len(extraction.actors),
        places=len(extraction.locations),
        reports=built.reports,
        violations=tuple(violations),
    )


def extract_results(articles: Sequence[Article], base_iri: str, validate: bool = True) -> list[DocumentResult]:
    """Extract and build a chunk of articles; an article that fails becomes an error result."""
    global _extractor
    if _extractor is None:
        from graph.extract import Extractor

        _extractor = Extractor()
    extractor = _extractor
    try:
        extractions = list(extractor.extract_many(articles))
    except Exception:  # one bad article must not sink its chunk: retry them one by one
        return [result for article in articles for result in _extract_one(extractor, article, base_iri, validate)]
    return [_built(extraction, base_iri, validate) for extraction in extractions]


def _extract_one(extractor: Extractor, article: Article, base_iri: str, validate: bool) -> list[DocumentResult]:
    try:
        return [_built(extractor.extract(article), base_iri, validate)]
    except Exception as err:
        return [DocumentResult(source=_source(article), error=f"{_source(article)}: extraction failed ({err})")]


def _built(extraction: Extraction, base_iri: str, validate: bool) -> DocumentResult:
    try:
        return build_result(extraction, base_iri, validate)
    except Exception as err:
        source = _source(extraction.document)
        return DocumentResult(source=source, error=f"{source}: building its graph failed ({err})")


def _source(article: Article) -> str:
    return article.path or article.id


def default_workers(tasks: int) -> int:
    """Return how many local worker processes to start: one per core, no more than tasks."""
    return max(1, min(os.cpu_count() or 1, tasks))


def build_results(extractions: Sequence[Extraction], base_iri: str, validate: bool = True) -> list[DocumentResult]:
    """Build a chunk of extractions (no spaCy); a failure becomes an error result."""
    return [_built(extraction, base_iri, validate) for extraction in extractions]


def run_batch(
    articles: Sequence[Article] | Sequence[Extraction],
    base_iri: str,
    scheduler: str | None = None,
    workers: int | None = None,
    validate: bool = True,
    task: Callable[..., list[DocumentResult]] = extract_results,
) -> Iterator[DocumentResult]:
    """Yield a result per article, extracted on Dask (``task=build_results``: extractions built), as done.

    At most a few tasks per worker are in flight, so a large corpus never sits whole in the
    scheduler's memory.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    chunks = [list(articles[i : i + ARTICLES_PER_TASK]) for i in range(0, len(articles), ARTICLES_PER_TASK)]
    if not chunks:
        return
    if scheduler:
        cluster, client = None, Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers or default_workers(len(chunks)),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    try:
        yield from _drain(client, as_completed, chunks, task, (base_iri, validate))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _drain(client, as_completed, chunks: list[list], task: Callable, arguments: tuple) -> Iterator:
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    pending = iter(chunks)
    submit = lambda chunk: client.submit(task, chunk, *arguments, pure=False)  # noqa: E731
    running = as_completed([submit(chunk) for chunk in itertools.islice(pending, window)])
    for future in running:
        yield from future.result()
        future.release()
        chunk = next(pending, None)
        if chunk is not None:
            running.add(submit(chunk))
