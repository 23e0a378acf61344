"""The embedded store: Oxigraph on disk, seen through rdflib (``graph.store.TripleStore``).

rdflib gives the Python-side API (``dataset``); the hot paths (bulk loads, SPARQL queries) go
straight to the engine (``oxigraph``) so no triple is moved by a Python loop. Writes always name
their graph: oxrdflib would otherwise put them in a generated one (oxrdflib#22), so anyone writing
through ``dataset`` must use ``dataset.graph(URIRef(iri))``. ``len()`` of a graph is a full COUNT.

Thread safety: one ``Store`` may be shared by every thread of a process. Reads (``select``,
``query_raw``, ``graph_names``, ``oxigraph.query``) run concurrently on the engine's snapshots;
writes go through one lock, so two threads never interleave their batches, with one exception:
``bulk_replace(..., atomic=False)`` checks which graphs exist, journals the new ones and replaces
the old ones under the lock, then bulk-loads the new graphs outside it, so that an ingest's linker
writes its current facts (``graph.link.batch``, ``finish(early=True)``) beside the last batch's load.
That is safe because the load only adds quads to graphs that did not exist, which no other write of
the run touches until the load is over (the linker waits for it, ``StoreWriter.written``, before it
reads or changes a document graph); the engine takes two loads at once (each its own files, then
one ingest into the database; tests/test_ingest.py runs them so); the bulk loader is not a
transaction anyway (a reader may see part of a new graph); and a crash before ``settle`` drops the
journaled graphs and rebuilds what derives from them. The service writes with ``atomic=True``,
wholly under the lock. Only one process may open an on-disk store for writing (the engine locks
the directory).

Atomicity: ``replace_graph(s)`` is one engine transaction (DROP + INSERT DATA): concurrent
readers and a crash see the whole old or the whole new graph. ``bulk_replace`` (batch ingest)
replaces existing graphs the same way and loads new ones with ``Store.load``, one transaction per
batch, so the same holds. ``bulk_replace(..., atomic=False)`` uses the bulk loader instead, which
is not transactional: a journal file names the graphs loaded so far by the run, and a reader in
the same process could see part of a new document while it loads. The journal stays until the
run has also linked and reconciled what it loaded (``settle``): if the process dies before, the
next ``Store`` open drops the run's new graphs (a raw ``pyoxigraph.Store`` open does not) and
sets ``needs_rebuild``, and whoever opened it for writing rebuilds the derived facts
(``graph.link.recover``), so the store is never left with documents whose facts were not written.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph

from graph.store.base import Listeners, NotAcceptable, writes
from graph.store.sparql import as_bytes, bind, count_query, serialize_result, solution_rows, to_ntriples, update_text
from graph.vocab import CURRENT_GRAPH

__all__ = ["Store", "JOURNAL"]

log = logging.getLogger(__name__)
_CURRENT = ox.NamedNode(str(CURRENT_GRAPH))
JOURNAL = "conflictkg-bulk-journal.json"
_PART_BYTES = 1_000_000  # a bulk load is cut into parts of at least this size, loaded at once, one per core
_MAX_PARTS = min(4, os.cpu_count() or 1)


class Store:
    """An embedded, on-disk Oxigraph store with one named graph per document."""

    kind = "embedded"

    def __init__(self, path: str | None):
        """Open (or create) the store in directory ``path``; ``None`` keeps it in memory."""
        if path is not None:
            os.makedirs(path, exist_ok=True)
        self.path = path
        self.oxigraph = ox.Store(path) if path is not None else ox.Store()
        self.dataset = Dataset(store=OxigraphStore(store=self.oxigraph), default_union=True)
        self._write_lock = threading.Lock()
        self.on_write = Listeners()  # run after every write (graph.store.base.writes)
        self.on_close = Listeners()  # run by close(), before the engine is released (the tallies close)
        self._journaled: dict[str, list[str]] = {"new": [], "replaced": []}  # this run's, not yet settled
        self.needs_rebuild = False  # an interrupted run was undone: derived facts must be rebuilt
        self.recovered = self._recover()

    # -- writes -----------------------------------------------------------------------------
    @writes
    def replace_graph(self, graph_iri: str, graph: Graph | bytes | str) -> None:
        """Atomically replace the named graph ``graph_iri`` with ``graph`` (rdflib or N-Triples)."""
        self.replace_graphs([(graph_iri, to_ntriples(graph))])

    @writes
    def replace_graphs(self, items: Iterable[tuple[str, bytes | str]]) -> None:
        """Replace several named graphs with N-Triples in one transaction (all or nothing)."""
        text = update_text(items)
        if text:
            with self._write_lock:
                self.oxigraph.update(text)

    @writes
    def bulk_replace(self, items: Sequence[tuple[str, bytes]], atomic: bool = True,
                     lenient: bool = False, begun: Callable[[], object] | None = None) -> list[str]:
        """Replace many document graphs (N-Triples) with the engine's loaders; return the IRIs that existed.

        Graphs that exist are replaced in one transaction (DROP + INSERT DATA). New ones are loaded
        by ``Store.load`` in one transaction (``atomic``, the default: any reader, even another
        process after a crash, sees each document whole or absent), or with ``atomic=False`` by the
        faster, non-transactional bulk loader under the recovery journal, outside the write lock once
        they are journaled (see the module docstring).
        ``lenient=True`` skips the loader's IRI and language-tag checks (a tenth of the load's CPU):
        only for N-Triples whose every term was checked as it was written (the builder's,
        ``graph.ntriples``); graphs that exist are replaced by SPARQL, which always checks.

        ``begun`` is called once the new graphs are journaled (``journal_open``), before they load, or once
        they are written (``atomic``).
        """
        latest = dict(items)  # the same document twice in a batch: the last one wins
        with self._write_lock:
            exists = {iri: self.oxigraph.contains_named_graph(ox.NamedNode(iri)) for iri in latest}
            old = [(iri, nt) for iri, nt in latest.items() if exists[iri]]
            new = [(iri, nt) for iri, nt in latest.items() if not exists[iri]]
            if not atomic:
                self._journal(new=[iri for iri, _ in new], replaced=[iri for iri, _ in old])
            if old:
                self.oxigraph.update(update_text(old))
            if new and atomic:
                self.oxigraph.load(_nquads(new), ox.RdfFormat.N_QUADS, lenient=lenient)
        if begun is not None:
            begun()
        if new and not atomic:  # journaled: the run's other writes (its current facts) may go in beside the load
            _bulk_load(self.oxigraph, _nquad_parts(new), ox.RdfFormat.N_QUADS, lenient)
        return [iri for iri, _ in old]

    def _journal(self, new: list[str], replaced: list[str]) -> None:
        """Add a batch's graphs to the run's journal, on disk before they are written."""
        self._journaled["new"].extend(new)
        self._journaled["replaced"].extend(replaced)
        self._write_journal(self._journaled)

    def settle(self) -> None:
        """Say that what this run bulk-loaded is linked and reconciled: the journal is no longer needed."""
        self._journaled = {"new": [], "replaced": []}
        self._write_journal(None)

    @property
    def journal_open(self) -> bool:
        """Whether a bulk run has loaded new graphs and not settled: a crash now has the derived facts rebuilt."""
        return bool(self._journaled["new"])

    @writes
    def insert(self, ntriples: bytes, graph_iri: str | None = None, atomic: bool = True,
               lenient: bool = False) -> None:
        """Add N-Triples to graph ``graph_iri`` (the default graph when None) in one transaction.

        The engine's loader, no SPARQL parse: tens of times faster than INSERT DATA. With
        ``atomic=False``, while a bulk run's journal is open (before ``settle``), the bulk loader
        instead (half the time): a crash before ``settle`` has what derives from the run rebuilt.
        ``lenient`` as for ``bulk_replace``: for terms read from the store or checked by ``graph.ntriples``.
        """
        graph = ox.NamedNode(graph_iri) if graph_iri else ox.DefaultGraph()
        with self._write_lock:
            if atomic or not self.journal_open:
                self.oxigraph.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=lenient)
            else:
                parts = _line_parts(ntriples, _part_count(len(ntriples)))  # a copy of what is usually a small load
                _bulk_load(self.oxigraph, parts, ox.RdfFormat.N_TRIPLES, lenient, graph)

    @writes
    def drop_graph(self, graph_iri: str) -> bool:
        """Remove the named graph ``graph_iri``; return whether it existed."""
        node = ox.NamedNode(graph_iri)
        with self._write_lock:
            existed = self.oxigraph.contains_named_graph(node)
            self.oxigraph.update(f"DROP SILENT GRAPH <{node.value}>")
        return existed

    @writes
    def update_raw(self, update: str) -> None:
        """Run a SPARQL 1.1 Update as one transaction; raises SyntaxError when it does not parse."""
        with self._write_lock:
            self.oxigraph.update(update)

    def backup(self, path: str) -> None:
        """Write a consistent on-disk copy of the store to the new directory ``path`` (RocksDB checkpoint).

        Taken under the write lock: a checkpoint copies the live write-ahead log, and a write
        appending to it meanwhile makes the copy fail ("File smaller than expected for copy").
        """
        with self._write_lock:
            self.oxigraph.backup(path)

    def flush(self) -> None:
        """Write pending data to disk."""
        self.oxigraph.flush()

    def close(self) -> None:
        """Flush and release the engine (and its directory lock) once nothing else uses it, and what hangs on it."""
        self.on_close.notify()
        self.flush()
        del self.dataset, self.oxigraph

    # -- reads ------------------------------------------------------------------------------
    def graph_names(self) -> list[str]:
        """Return the IRIs of every named graph, sorted."""
        return sorted(n.value for n in self.oxigraph.named_graphs() if isinstance(n, ox.NamedNode))

    def has_graph(self, graph_iri: str) -> bool:
        """Return whether the named graph ``graph_iri`` exists."""
        return self.oxigraph.contains_named_graph(ox.NamedNode(graph_iri))

    def holds(self, graph_iri: str, ntriples: bytes) -> bool:
        """Whether the named graph ``graph_iri`` holds exactly the triples of ``ntriples``: writing them would change
        nothing. Both sides are written out by the engine, so one term written two ways (a double as ``"36.0"``
        or ``"36"``) compares equal; a blank node or a line the engine refuses never does."""
        node, nt = ox.NamedNode(graph_iri), ox.RdfFormat.N_TRIPLES
        if not self.oxigraph.contains_named_graph(node):
            return False
        stored = set(as_bytes(self.oxigraph.dump(format=nt, from_graph=node)).splitlines())
        if stored == set(ntriples.splitlines()):  # most often written as the engine writes them
            return True
        given = ox.Store()  # in memory: the given triples in the engine's own form
        try:
            given.load(ntriples, nt)
        except SyntaxError:
            return False
        return set(as_bytes(given.dump(format=nt, from_graph=ox.DefaultGraph())).splitlines()) == stored

    def count_triples(self, graph_iri: str | None = None) -> int:
        """Count the triples of one named graph, or of all named graphs (a full scan)."""
        return self.select(count_query(graph_iri))[0]["n"]

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the union of all graphs; rows map variable names to Python values."""
        solutions = self.oxigraph.query(bind(sparql, bindings or {}), use_default_graph_as_union=True)
        return solution_rows(solutions)

    def read(self, sparql: str, bindings: dict[str, Any] | None = None,
             deadline: float | None = None) -> list[dict[str, Any]]:
        """Run a SELECT whose default graph is the current graph (one reconciled set of facts per entity).

        Document graphs stay reachable with ``GRAPH ?g`` for what only a report says (evidence, sources).
        With ``deadline`` (a ``time.monotonic()`` value), reading stops between rows once it has passed
        and ``ReadTimeout`` is raised (the engine streams rows where the query allows it).
        """
        solutions = self.oxigraph.query(bind(sparql, bindings or {}), default_graph=_CURRENT)
        return solution_rows(solutions, deadline)

    def query_raw(
        self,
        query: str,
        accept: str | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout_s: float | None = None,
    ) -> tuple[bytes, str]:
        """Run any SPARQL query and serialise its answer for ``accept``; return (body, content type).

        Without ``default_graph_uris`` the default graph is the union of all graphs. ``timeout_s``
        is ignored here (the embedded engine has no time limit). Raises SyntaxError for a query
        that does not parse and NotAcceptable when no format of ``accept`` fits the result.
        """
        options: dict[str, Any] = {"use_default_graph_as_union": not default_graph_uris}
        if default_graph_uris:
            options["default_graph"] = [ox.NamedNode(iri) for iri in default_graph_uris]
        if named_graph_uris:
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graph_uris]
        return serialize_result(self.oxigraph.query(query, **options), accept)

    def dump(self, media_type: str = "application/n-quads") -> bytes:
        """Serialise every named graph (N-Quads or TriG; a triple format gets the union)."""
        fmt = ox.RdfFormat.from_media_type(media_type)
        if fmt is None:
            raise NotAcceptable(f"cannot dump as {media_type!r}")
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            return as_bytes(self.oxigraph.dump(format=fmt))
        union = self.oxigraph.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(union, ox.QueryTriples)  # a CONSTRUCT's answer
        return as_bytes(union.serialize(format=fmt))

    # -- crash safety of bulk loads ---------------------------------------------------------
    def _journal_path(self) -> str | None:
        return os.path.join(self.path, JOURNAL) if self.path else None

    def _write_journal(self, entries: dict[str, list[str]] | None) -> None:
        path = self._journal_path()
        if path is None:
            return
        if entries is None:
            if os.path.exists(path):
                os.remove(path)
            return
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(entries, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)

    def _recover(self) -> list[str]:
        """Undo a bulk run that did not settle: drop its new graphs; return their IRIs.

        Its replaced graphs hold their new version, whole (each batch replaced them in one
        transaction); ``needs_rebuild`` tells the opener to rebuild what is derived from them.
        """
        path = self._journal_path()
        if path is None or not os.path.exists(path):
            return []
        with open(path, encoding="utf-8") as stream:
            entries = json.load(stream)
        graph_iris = entries["new"] if isinstance(entries, dict) else entries  # a list: the older journal
        if graph_iris:
            self.oxigraph.update(" ; ".join(f"DROP SILENT GRAPH <{ox.NamedNode(iri).value}>" for iri in graph_iris))
            self.oxigraph.flush()
        self._write_journal(None)
        self.needs_rebuild = True
        log.warning("dropped %d document graphs of an interrupted ingest; ingest them again", len(graph_iris))
        return graph_iris


def _bulk_load(engine: ox.Store, parts: list[bytes], fmt: ox.RdfFormat, lenient: bool,
               graph: ox.NamedNode | ox.DefaultGraph | None = None) -> None:
    """Bulk-load parts of N-Triples or N-Quads at once, one thread each, then flush (even when one fails).

    The engine loads one input in one thread and lets go of the GIL, so a batch cut into parts
    uses every core. When a part fails, the parts not started yet are cancelled (a running load
    cannot be stopped), every failed part is logged and the first error is raised with the others
    as notes. Like any bulk load it is not transactional: what the parts loaded stays (the journal).
    """
    options: dict[str, Any] = {"lenient": lenient} if graph is None else {"lenient": lenient, "to_graph": graph}
    try:
        if len(parts) == 1:
            engine.bulk_load(parts[0], fmt, **options)
            return
        with ThreadPoolExecutor(min(len(parts), _MAX_PARTS), thread_name_prefix="conflictkg-load") as pool:
            loads = [pool.submit(engine.bulk_load, part, fmt, **options) for part in parts]
            wait(loads, return_when=FIRST_EXCEPTION)
            pool.shutdown(cancel_futures=True)
        _raise_failed(loads)
    finally:
        engine.flush()


def _raise_failed(loads: list[Future]) -> None:
    """Log every failed load of a bulk load and raise the first error, the others added as notes."""
    errors = [(n, load.exception()) for n, load in enumerate(loads) if not load.cancelled() and load.exception()]
    for n, error in errors:  # logged as text: the error's frames hold the engine, which must be let go
        log.error("part %d of %d of a bulk load failed: %s", n + 1, len(loads), str(error))
    if errors:
        first = errors[0][1]
        assert first is not None
        for n, error in errors[1:]:
            first.add_note(f"part {n + 1} of {len(loads)} failed too: {error}")
        raise first


def _part_count(size: int) -> int:
    """How many parts a bulk load of ``size`` bytes is cut into (at least one)."""
    return max(1, min(_MAX_PARTS, size // _PART_BYTES))


def _line_parts(data: bytes, count: int) -> list[bytes]:
    """``data`` cut into ``count`` (at least one) runs of whole lines of about the same size."""
    parts, start = [], 0
    for n in range(1, count):
        end = data.find(b"\n", max(start, len(data) * n // count)) + 1
        if end <= 0:
            break
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return [part for part in parts if part] or [data]


def _nquad_parts(items: Sequence[tuple[str, bytes]]) -> list[bytes]:
    """Documents as N-Quads, cut between documents into parts of about the same size (one copy of the batch)."""
    size = sum(len(nt) for _, nt in items)
    count = _part_count(size)
    parts: list[bytes] = []
    taken = first = 0
    for n, (_, nt) in enumerate(items):
        taken += len(nt)
        if taken >= size * (len(parts) + 1) / count or n == len(items) - 1:
            parts.append(_nquads(items[first:n + 1]))
            first = n + 1
    return parts


def _nquads(items: Sequence[tuple[str, bytes]]) -> bytes:
    # N-Triples lines end in " .\n" (newlines inside literals are escaped), so naming the graph is
    # one C-level replace per document, not a loop over triples.
    return b"".join(nt.replace(b" .\n", b" <" + ox.NamedNode(iri).value.encode() + b"> .\n") for iri, nt in items)
