"""The service's own graph reads (REST, pages, network, charts) in worker processes that can be stopped.

pyoxigraph cannot stop a query once it sorts or aggregates, so a read that runs past its
request's deadline, or whose client has gone, would go on computing in a server thread. On an
embedded store on disk, ``WorkerReads`` therefore runs each read in one of a few worker processes
(the ``/sparql`` workers' code, ``api/sparql_runner.py``, with their own pool and snapshots), and
a read past its deadline or left by its client is stopped by killing its worker, which a fresh
one replaces. The workers read a snapshot at least as new as the last write (``store.on_write``),
cannot reach the network and have a heap limit (``worker_memory_mb``, as a ``/sparql`` worker:
the engine keeps the index and filter blocks of every part of the store a read has touched, and at
100,000 documents a read worker's heap reached 202 MB after every route had been asked 20 times,
past the half of 384 MB it had before, which answered 503 once it was used long enough): a read
that needs more answers 503 instead of growing the service. There are as many
as ``/sparql`` has workers (half the server threads, 2 to 4), so that one slow read does not
queue every other request behind it. At most ``Settings.read_capacity`` reads run or wait for a
worker at once (four per worker, never all the server threads): one more is answered 503 with
``Retry-After`` at once instead of queueing into a 504. An entity lookup's reads are not counted
there: they go first (``api.priority``), and the server threads bound them. A read the store fails on (a 500 from the
worker) is logged and answered 500, not with the 503 that asks to narrow the request.

Rows cross the pipe as JSON (``sparql_execute._read``) and come back as the same Python values as
``Store.read`` gives: IRIs and strings as text, numeric literals as numbers.

A worker's answer is kept (its JSON, ``READ_CACHE_BYTES`` of them at most) until the next write,
under the read's text: the pages and records of one entity repeat many of each other's reads (an
actor's dates, its events' fields), and ``/api/actors/<id>`` and ``/id/actor/<id>`` all of them,
so a read asked again is decoded here instead of evaluated again in a worker.
An entity's record sends its reads that need nothing else as one job (``prefetch``: one wait for a
worker and one round trip instead of one each); their answers are held for that request alone (``fetched``) and
each goes into the kept answers only when the request reads it, so a batch's answers never push each other out
before they are read, and a lookup of an unknown id keeps no more than the one read that found nothing.

``graph`` builds the service's own CONSTRUCTs the same way (an entity's triples for ``/id/...`` in an RDF
format), so they too stop at the request's deadline instead of running on in the server process.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from werkzeug.exceptions import InternalServerError, ServiceUnavailable

from api.cache import ResponseCache
from api.sparql_runner import RETRY_AFTER_SECONDS, QueryRunner
from graph.config import Settings
from graph.store import ReadTimeout, Store
from graph.store.sparql import bind, literal_value
from graph.vocab import CURRENT_GRAPH

__all__ = ["WorkerReads", "ReadsBusy", "decode_rows", "Fetched", "READ_CACHE_BYTES", "READ_CACHE_ENTRIES"]

log = logging.getLogger(__name__)
Fetched = dict[str, tuple[int, bytes]]  # a request's answers sent ahead: read text -> (cache generation, answer)
READ_CACHE_BYTES = 64_000_000  # answers and read texts kept until the next write
READ_CACHE_ENTRIES = 8192
LOOKUP_WORKERS = 1  # workers only urgent reads (entity lookups, api.priority) take while other reads wait
OTHER_READS_NICENESS = 5  # the other reads' workers: a lookup's reads get the CPU first (a /sparql worker: 10)


class ReadsBusy(ServiceUnavailable):
    """Every read worker (a remote store's read thread) is taken and as many reads wait: refused at once."""

    def __init__(self) -> None:
        super().__init__("Every read worker is busy; retry in a moment.", retry_after=RETRY_AFTER_SECONDS)


class WorkerReads:
    """Run SELECTs on the current graph of ``store`` in worker processes, stopped at their deadline."""

    def __init__(self, store: Store, settings: Settings, gone: Callable[[], bool], urgent: Callable[[], bool],
                 fetched: Callable[[], Fetched]):
        """Prepare the pool (its processes start on the first read) and follow the store's writes;
        ``gone()`` tells whether the current request's client has left, ``urgent()`` whether its reads go first,
        ``fetched()`` gives the current request's answers sent ahead (``prefetch``)."""
        self.gone, self.urgent, self.fetched = gone, urgent, fetched
        self.runner = QueryRunner(
            store, settings.read_timeout_ms, settings.max_rows, settings.worker_processes,
            memory_mb=settings.worker_memory_mb, capacity=settings.read_capacity, purpose="reads",
            copy_to_memory=False,  # reads are short and many: they stay on the disk snapshot
            niceness=OTHER_READS_NICENESS, reserved=(LOOKUP_WORKERS, 0),
        )
        self.answers = ResponseCache(READ_CACHE_ENTRIES, max_bytes=READ_CACHE_BYTES)
        store.on_write.add(self.runner.mark_written)
        store.on_write.add(self.answers.invalidate)

    def __call__(self, sparql: str, bindings: dict[str, Any] | None, deadline: float) -> list[dict[str, Any]]:
        """The rows of ``sparql`` (with ``bindings``), as ``Store.read`` gives them.

        Raises:
            ReadTimeout: the deadline passed, or the client left; the read was stopped.
            ServiceUnavailable: the read needed more than its worker's memory, or the store failed.
        """
        text = bind(sparql, bindings or {})
        early = self.fetched().pop(text, None)
        if early is None:
            return decode_rows(self._kept(text, {"read": text}, deadline)[1])
        generation, body = early
        self.answers.put(text, ("", body), generation, size=len(body))  # kept once read, as a read alone is
        return decode_rows(body)

    def prefetch(self, reads: list[tuple[str, dict[str, Any] | None]], deadline: float) -> None:
        """Run the ``reads`` (SELECTs and their bindings) neither kept nor fetched yet as one worker job and hold
        their answers for this request (``fetched``), so that the ``__call__`` of each that follows is decoded
        here: one wait for a worker and one round trip for an entity's independent reads instead of one each.
        Raises as a read does."""
        fetched = self.fetched()
        texts = dict.fromkeys(bind(sparql, bindings or {}) for sparql, bindings in reads)
        missing = [text for text in texts if text not in fetched and self.answers.get(text) is None]
        if len(missing) < 2:  # one read goes as it always did
            return
        generation = self.answers.generation
        header, body = self._answer({"reads": missing}, deadline)
        start = 0
        for text, size in zip(missing, header["sizes"], strict=True):
            fetched[text] = (generation, body[start:start + size])
            start += size

    def graph(self, sparql: str, media_type: str, deadline: float) -> tuple[bytes, str]:
        """The triples of the CONSTRUCT ``sparql`` on the current graph (the documents' graphs reachable with
        GRAPH) in the RDF format ``media_type``, and its media type; raises as a read does."""
        found, body = self._kept(f"{media_type} {sparql}", {"construct": sparql, "graph_format": media_type}, deadline)
        return body, found

    def _kept(self, key: str, job: dict[str, Any], deadline: float) -> tuple[str, bytes]:
        """The answer (media type, body) to ``job`` kept under ``key`` since the last write, else the worker's."""
        found = self.answers.get(key)
        if found is None:
            generation = self.answers.generation
            found = self._run(job, deadline)
            self.answers.put(key, found, generation, size=len(found[1]))  # the cache counts the key
        return found

    def _run(self, job: dict[str, Any], deadline: float) -> tuple[str, bytes]:
        """The worker's answer to ``job`` (its media type, if any, and body), or the error it comes to."""
        header, body = self._answer(job, deadline)
        return header.get("media_type", ""), body

    def _answer(self, job: dict[str, Any], deadline: float) -> tuple[dict[str, Any], bytes]:
        """The worker's header and body for ``job``, or the error it comes to."""
        header, body = self.runner.run({**job, "graph": str(CURRENT_GRAPH)}, self.gone, deadline, self.urgent())
        if header["status"] == 200:
            return header, body
        if header.get("timeout") or time.monotonic() >= deadline or self.gone():  # stopped, or waited in vain
            raise ReadTimeout("the read was stopped at its deadline")
        if "retry_after" in header:  # refused at once: the read_capacity reads run or wait already
            raise ReadsBusy()
        if header["status"] == 500:
            log.error("a read failed in its worker: %s", header.get("detail"))
            raise InternalServerError("The store failed to answer a read of this request; it has been logged.")
        raise ServiceUnavailable("This request needs more than the server may give one read; narrow it: a smaller "
                                 "'limit', a date range ('from', 'to'), an event 'type', an 'actor' or a 'place'.")

    def close(self) -> None:
        """Stop the workers and remove their snapshots."""
        self.runner.close()


def decode_rows(body: bytes) -> list[dict[str, Any]]:
    """Rows mapping variable names to Python values from a worker's read answer (unbound ones left out)."""
    answer = json.loads(body)
    names = answer["vars"]
    rows = []
    for cells in answer["rows"]:
        row = {}
        for name, cell in zip(names, cells, strict=True):
            if cell is not None:
                row[name] = literal_value(*cell) if type(cell) is list else cell
        rows.append(row)
    return rows
