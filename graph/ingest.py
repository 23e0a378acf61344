"""Writing documents: built document graphs -> one writer -> the store -> linked and reconciled.

``write_documents`` is the one write path, for one document (the service's POST) or a million (the
CLI's ingest, extracting on Dask). The writer batches document graphs (N-Triples) and hands each
batch to ``store.bulk_replace`` from a single background thread, so results keep arriving while a
batch is written: in one transaction for a store others read (the service), or with the engine's
bulk loader under the store's crash journal for an ingest process, which is the store's only user
(the engine locks its directory) and whose unfinished run a crash drops when the store is next
opened. At the end it links the batch's events to the stored ones and writes the current facts of
what it touched (``graph.link.batch``); an ingest does so while the last batch loads, as far as
that needs none of its documents in the store (all of it when every entity it mentions is new).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.distributed import ARTICLES_PER_TASK, DocumentResult, extract_results, run_batch
from graph.records import Article
from graph.store import TripleStore
from graph.vocab import CKG, CURRENT_GRAPH, SEM

if TYPE_CHECKING:  # imported where used: graph.link reads this module's writer
    from graph.link.batch import BatchLinker

__all__ = [
    "IngestSummary",
    "StoreWriter",
    "ingest_articles",
    "unique_documents",
    "write_documents",
]

BATCH_BYTES = 64_000_000  # N-Triples per bulk load: big enough for the loader, small enough for memory
_WRITE_THRESHOLDS = (100_000, 20, 100)  # gc.set_threshold during a write (``_old_objects_set_aside``)


@dataclass
class IngestSummary:
    """What an ingest did, for the closing line."""

    documents: int = 0
    events: int = 0
    actors: int = 0
    places: int = 0
    triples: int = 0
    unchanged: int = 0  # of the documents: those the store held as they are, not written again (``write_documents``)
    seconds: float = 0.0
    # the writer's busy time plus the linking's, which overlap (an ingest links beside the last batch's
    # load), so their sum can exceed the wall time: not comparable with runs before the overlap
    write_seconds: float = 0.0
    merge_seconds: float = 0.0  # of which: linking, ontology and current facts, from the last batch's hand-over
    violations: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, result: DocumentResult) -> None:
        """Count one written document."""
        self.documents += 1
        self.events += result.events
        self.actors += result.actors
        self.places += result.places
        self.triples += result.triples
        self.violations.extend(f"{result.source}: {v}" for v in result.violations)

    def skip(self, message: str, on_error: Callable[[str], None] | None = None) -> None:
        """Count one input that was not written, and tell ``on_error`` why."""
        self.errors.append(message)
        if on_error is not None:
            on_error(message)

    def count_distinct(self, mentioned: dict[str, set[str]]) -> None:
        """Count each actor, place and event once, however many documents mention it (``graph.link.mentioned``)."""
        self.events, self.actors, self.places = (len(mentioned.get(str(c), ())) for c in (SEM.Event, SEM.Actor,
                                                                                           SEM.Place))

    def line(self) -> str:
        """Return the one-line summary printed at the end of an ingest."""
        return (
            f"ingested {self.documents} documents: {self.events} events, {self.actors} actors, "
            f"{self.places} places, {self.triples} triples in {self.seconds:.1f} s; "
            f"{len(self.violations)} violations; {len(self.errors)} skipped"
        )


class StoreWriter:
    """The one writer: batches document graphs and bulk-replaces them from one thread."""

    def __init__(self, store: TripleStore, atomic: bool = True, before: Callable[[list[str]], object] | None = None,
                 batch_bytes: int = BATCH_BYTES):
        """Start the writer thread for ``store``.

        ``atomic=False`` loads new documents with the bulk loader; ``before`` is called in the
        writer thread with each batch's graph IRIs before the batch is written.
        """
        self.store = store
        self.atomic = atomic
        self.before = before
        self.batch_bytes = batch_bytes
        self.busy_seconds = 0.0
        self._batch: list[tuple[str, bytes]] = []
        self._size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=2)  # bounded: extraction waits for a slow disk
        self._error: BaseException | None = None
        self._begun = threading.Condition()
        self._counts = [0, 0]  # batches handed over, batches begun (``before`` called and the write begun, or failed)
        self._thread = threading.Thread(target=self._run, name="conflictkg-writer", daemon=True)
        self._thread.start()

    def add(self, graph_iri: str, ntriples: bytes) -> None:
        """Queue one document graph; a full batch goes to the writer thread."""
        self._raise_if_failed()
        self._batch.append((graph_iri, ntriples))
        self._size += len(ntriples)
        if self._size >= self.batch_bytes:
            self._hand_over()

    def close(self, meanwhile: Callable[[], object] | None = None) -> None:
        """Write what is left, wait for the thread and re-raise its error, if any.

        ``meanwhile`` runs once the last batch is handed over, while the thread loads it.
        """
        self._hand_over()
        self._queue.put(None)
        try:
            if meanwhile is not None:
                meanwhile()
        finally:
            self._thread.join()
        self.written()

    def begun(self) -> None:
        """Wait until the thread has begun writing every batch handed over (called ``before`` on it, then journaled
        its new graphs, ``bulk_replace``'s ``begun``); re-raise its error."""
        with self._begun:
            self._begun.wait_for(lambda: self._counts[1] >= self._counts[0])
        self._raise_if_failed()

    def written(self) -> None:
        """Wait until every batch is written, re-raise the thread's error, if any, and flush.

        Only once ``close`` has handed over the last batch (from its ``meanwhile``, or after it).
        """
        self._thread.join()
        self._raise_if_failed()
        self.store.flush()

    def _hand_over(self) -> None:
        if self._batch:
            with self._begun:
                self._counts[0] += 1
            self._queue.put(self._batch)
            self._batch, self._size = [], 0

    def _run(self) -> None:
        batches = 0
        while (batch := self._queue.get()) is not None:
            started = time.perf_counter()
            batches += 1
            begun = functools.partial(self._mark_begun, batches)
            if self.before is not None:
                self._step(self.before, [iri for iri, _ in batch])
            # lenient: the builder checked every term
            self._step(functools.partial(self.store.bulk_replace, atomic=self.atomic, lenient=True, begun=begun), batch)
            begun()  # a write that failed, or was skipped after an error, before it began
            self.busy_seconds += time.perf_counter() - started

    def _mark_begun(self, batches: int) -> None:
        """Say that the first ``batches`` batches have begun (again is harmless)."""
        with self._begun:
            self._counts[1] = max(self._counts[1], batches)
            self._begun.notify_all()

    def _step(self, work: Callable[[Any], object], argument: Any) -> None:
        """Do one step of a batch, unless an earlier one failed; keep its error for the main thread."""
        if self._error is None:
            try:
                work(argument)
            except BaseException as err:  # handed to the main thread by close()/add()/begun()
                self._error = err

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error


# The document a graph reports, as its graph and the current graph both type it (two indexed lookups).
_LINKED = (f"SELECT ?d WHERE {{ GRAPH #GRAPH# {{ ?d a <{CKG.Document}> }} "
           f"GRAPH <{CURRENT_GRAPH}> {{ ?d a <{CKG.Document}> }} }} LIMIT 1")


class _Unchanged:
    """The documents of a write that the store holds as they are: not written again, linked or reconciled.

    Replacing a document costs a transaction that drops and inserts its graph, then the current facts of
    everything it mentions read back from every document (its tallies cannot take a report away): 500
    documents ingested again took 11-23 s where 500 new ones take 2-4 s. A store without a current graph
    (a first ingest) holds no document, so nothing is compared. A document is kept only when the current
    graph also states its facts: one written by a write whose linking failed or died (the atomic path
    commits documents before linking them) is written and linked again, as re-running a batch repairs it.
    """

    def __init__(self, store: TripleStore):
        """Compare with what ``store`` holds."""
        self.store = store
        self.compare = store.has_graph(str(CURRENT_GRAPH))
        self.graphs: list[str] = []

    def held(self, result: DocumentResult) -> bool:
        """Whether the store holds this document's graph as it would be written (then it is kept in the count)."""
        if self.compare and self.store.holds(result.graph_iri, result.ntriples) and self._linked(result.graph_iri):
            self.graphs.append(result.graph_iri)
            return True
        return False

    def _linked(self, graph_iri: str) -> bool:
        """Whether the current graph states the facts of the document in ``graph_iri`` (linking wrote them)."""
        return bool(self.store.select(_LINKED.replace("#GRAPH#", f"<{graph_iri}>")))

    def mentioned(self, found: dict[str, set[str]]) -> dict[str, set[str]]:
        """What the written documents mention (``found``) and what the unchanged ones do, by class IRI."""
        from graph.link import mentioned

        kept = mentioned(self.store, self.graphs) if self.graphs else {}
        return {c: found.get(c, set()) | kept.get(c, set()) for c in found.keys() | kept.keys()}


@contextlib.contextmanager
def _old_objects_set_aside() -> Iterator[None]:
    """Leave the objects that existed before a write out of the garbage collections the write triggers, and
    collect the write's own objects seldom.

    A write makes enough objects for a full collection, which scans every object of the process
    (spaCy's pipeline, the caller's documents): 0.08-0.26 s of the 1,000 bench_corpus documents'
    ingest. ``gc.freeze`` sets them aside until the write ends. What the write makes is nearly all freed
    by reference counting (32 objects in cycles for those 1,000 documents), yet Python's thresholds scan
    it every 700 allocations and all of it every 70,000 (a full collection counts only objects not
    frozen): 6% of the write's main thread. ``_WRITE_THRESHOLDS`` collects the young ones every 100,000
    allocations and all of them every 200 million, until the write ends. A process that froze its
    long-lived objects for good (the server, ``api.server.keep_for_good``: what it made at start, then
    the spaCy model when it loads) keeps them frozen and its thresholds, and nothing is done here.
    """
    if gc.get_freeze_count():
        yield
        return
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*_WRITE_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def write_documents(
    store: TripleStore,
    results: Iterable[DocumentResult],
    base_iri: str,
    *,
    atomic: bool = True,
    summary: IngestSummary | None = None,
    progress=None,
    on_error: Callable[[str], None] | None = None,
    batch_bytes: int = BATCH_BYTES,
) -> IngestSummary:
    """Write built documents (one or a million), link their events to the stored ones and reconcile what they touched.

    The one write path: the service's POST, the CLI's ingest and the benchmarks all come here. A
    bad result is counted in ``summary.errors``, passed to ``on_error`` and skipped. ``atomic``
    (the default, for a store others read): each batch of documents is one transaction; ``False``
    (an ingest that holds the store alone): the faster bulk loader under the crash journal.
    ``batch_bytes``: N-Triples per batch (``StoreWriter``). A document whose graph the store holds as it is
    is counted (``summary.unchanged`` too) and not written again (``_Unchanged``); the facts derived from it
    (links, current facts) are not derived again, so a new linking rule reaches stored documents only through
    ``graph.link.rebuild_current``.
    """
    from graph.link.batch import BatchLinker
    from graph.link.tallies import changing

    with _old_objects_set_aside(), changing(store):  # a write that fails or dies drops the tallies
        begun = time.perf_counter()
        summary = IngestSummary() if summary is None else summary
        linker = BatchLinker(store, base_iri)
        unchanged = _Unchanged(store)
        writer = StoreWriter(store, atomic=atomic, before=linker.before_write, batch_bytes=batch_bytes)
        try:
            for result in results:
                if result.error:
                    summary.skip(result.error, on_error)
                elif result.graph_iri not in linker.reports and unchanged.held(result):  # a copy queued: the last wins
                    summary.add(result)
                    summary.unchanged += 1
                else:
                    writer.add(result.graph_iri, result.ntriples)
                    summary.add(result)
                    linker.add(result.graph_iri, result.reports, result.ntriples, result.triples)
                if progress is not None:
                    progress.update(1)
        except BaseException:
            writer.close()
            raise
        writer.close(meanwhile=lambda: _link(linker, writer, summary, unchanged, early=not atomic))
        store.settle()  # linked and reconciled: a crash from here on loses nothing
        summary.write_seconds += writer.busy_seconds + summary.merge_seconds
        summary.seconds += time.perf_counter() - begun
        return summary


def _link(linker: BatchLinker, writer: StoreWriter, summary: IngestSummary, unchanged: _Unchanged,
          early: bool) -> None:
    """Link and reconcile the written documents while the writer loads the last batch (``BatchLinker.finish``).

    ``early`` (an ingest under the bulk loader's journal): what needs no document in the store is
    worked out and written beside the load, on the other core; else the facts follow the documents.
    """
    found: dict[str, set[str]] = {}
    if linker.reports:
        if early:  # parsed once every batch's stored mentions are read and its new graphs journaled (then loading)
            writer.begun()
        linker.prepare()  # else (an atomic write, begun once loaded): parsed beside the load, whose facts follow it
        started = time.perf_counter()
        found = linker.finish(loaded=writer.written, early=early)
        summary.merge_seconds += time.perf_counter() - started
    if summary.documents:
        summary.count_distinct(unchanged.mentioned(found))


def ingest_articles(
    store: TripleStore,
    articles: Sequence[Article],
    base_iri: str,
    scheduler: str | None = None,
    workers: int | None = None,
    validate: bool = True,
    progress=None,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Extract ``articles`` (Dask when ``workers`` != 0 or a scheduler is given) and write them to ``store``.

    ``workers=0`` (or a single article without a scheduler) extracts in this process.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    from graph.link import recover

    recover(store)  # a run killed before it settled was undone at open: rebuild what derives from it
    articles = unique_documents(articles, base_iri, summary, on_error)
    if scheduler or (workers != 0 and len(articles) > 1):
        results = run_batch(articles, base_iri, scheduler=scheduler, workers=workers, validate=validate)
    else:
        chunks = (articles[i : i + ARTICLES_PER_TASK] for i in range(0, len(articles), ARTICLES_PER_TASK))
        results = (result for chunk in chunks for result in extract_results(chunk, base_iri, validate))
    write_documents(store, results, base_iri, atomic=False, summary=summary, progress=progress, on_error=on_error)
    summary.seconds = time.perf_counter() - started
    return summary


def unique_documents(
    articles: Sequence[Article], base_iri: str, summary: IngestSummary, on_error: Callable[[str], None] | None = None
) -> list[Article]:
    """Keep the first article of each document id; report the others (they would overwrite it)."""
    from graph.iris import document_graph_iri

    first: dict[str, str] = {}
    kept = []
    for article in articles:
        key = document_graph_iri(base_iri, article.id)
        if key in first:
            summary.skip(f"{article.path or article.id}: skipped, same document id as {first[key]} (rename one)",
                         on_error)
        else:
            first[key] = article.path or article.id
            kept.append(article)
    return kept
