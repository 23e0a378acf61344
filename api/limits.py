"""Time limits for every route that reads the graph (``/sparql`` has its own, in its workers).

Each request gets a budget (setting ``read_timeout_ms``) and every ``store.read`` of the request
runs under what is left of it; past it, the answer is a 504 problem saying what to narrow, and
the server thread is free for other clients. On the embedded store the read runs in a worker
process (``api/reads.py``) that is killed at the deadline, or at once when the client has gone
(``client_gone``), so no abandoned read goes on computing, however it is evaluated. On a remote
store the read runs in a pool thread: the request stops waiting at the deadline or when the
client leaves, and the read stops between rows. Either way at most ``Settings.read_capacity`` reads
run or wait at once (never all the server threads): one more answers 503 with ``Retry-After`` at
once instead of queueing into a 504 (``ReadsBusy``). Heavy pages (the network) also take one of a few
slots, so a burst of them answers 503 with ``Retry-After`` instead of queueing every other
request behind it.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from flask import Flask, current_app, g, has_request_context, request
from werkzeug.exceptions import GatewayTimeout, ServiceUnavailable

from api.priority import is_lookup
from api.reads import Fetched, ReadsBusy, WorkerReads
from graph.config import Settings
from graph.store import ReadTimeout, Store
from graph.vocab import CURRENT_GRAPH

__all__ = ["install", "heavy", "heavy_slot", "kept", "client_gone", "renew_read_limit", "read_graph", "prefetch",
           "TooSlow", "ClientGone", "HEAVY_SLOTS"]

Body = TypeVar("Body", str, "str | None")
Reader = Callable[[str, "dict[str, Any] | None", float], list[dict[str, Any]]]
HEAVY_SLOTS = 2  # network pages built at once; more answer 503 at once
WATCH_SECONDS = 0.1  # how often a waiting request looks whether its client is still there
_UNLIMITED = ("/sparql", "/store", "/-/health")


class TooSlow(GatewayTimeout):
    """A read went past the request's time limit."""

    def __init__(self, seconds: float):
        super().__init__(f"This request needs more than its {seconds:g} s limit; narrow it: a smaller 'limit', "
                         "a date range ('from', 'to'), an event 'type', an 'actor' or a 'place'.")


class ClientGone(ServiceUnavailable):
    """The client closed its connection, so the work for it was stopped (nobody reads this answer)."""

    def __init__(self) -> None:
        super().__init__("The client went away, so the work for it was stopped.")


def client_gone() -> bool:
    """Whether the current request's client has closed its connection (known under waitress only)."""
    check = request.environ.get("waitress.client_disconnected") if has_request_context() else None
    return bool(check and check())


def install(app: Flask) -> None:
    """Give every graph-reading request of ``app`` a deadline and run its store reads under it.

    On an embedded store on disk the reads run in worker processes (``api/reads.py``), which are
    killed at the deadline or when the client leaves; on a remote store, in pool threads.
    """
    settings = app.config["CONFLICTKG"]
    budget = settings.read_timeout_ms / 1000
    store = app.extensions["conflictkg.store"]
    read = store.read
    if isinstance(store, Store) and store.path:
        reader: Reader = WorkerReads(store, settings, gone=client_gone, urgent=_looks_up, fetched=_fetched)
        app.extensions["conflictkg.reads"] = reader
    else:
        reader = _in_threads(read, settings)

    @functools.wraps(read)
    def limited(sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        deadline = g.get("read_deadline") if has_request_context() else None
        if deadline is None:
            return read(sparql, bindings)
        if deadline - time.monotonic() <= 0:
            raise TooSlow(budget)
        try:
            return reader(sparql, bindings, deadline)
        except (FutureTimeout, ReadTimeout):
            raise _stopped() from None

    store.read = limited
    app.extensions["conflictkg.heavy"] = threading.BoundedSemaphore(HEAVY_SLOTS)

    @app.before_request
    def _start_the_clock() -> None:
        if not request.path.startswith(_UNLIMITED):
            g.read_deadline = time.monotonic() + budget


def _looks_up() -> bool:
    """Whether the current request is an entity lookup, whose reads go before the others' (``api.priority``)."""
    return has_request_context() and is_lookup(request.path)


def _fetched() -> Fetched:
    """The current request's answers sent ahead of its reads (``prefetch``); outside a request, none."""
    return g.setdefault("fetched", {}) if has_request_context() else {}


def _stopped() -> ServiceUnavailable | GatewayTimeout:
    """The answer to a request whose read was stopped: its client left, or it ran past its limit."""
    return ClientGone() if client_gone() else TooSlow(current_app.config["CONFLICTKG"].read_timeout_ms / 1000)


def read_graph(sparql: str, media_type: str) -> tuple[bytes, str]:
    """The triples of the CONSTRUCT ``sparql`` on the current graph in the RDF format ``media_type``, and the
    answer's media type: in a read worker under the request's deadline on an embedded store on disk
    (``api.reads``), else from the store itself."""
    reads = current_app.extensions.get("conflictkg.reads")
    deadline = g.get("read_deadline")
    if reads is None or deadline is None:
        store = current_app.extensions["conflictkg.store"]  # query_raw: embedded and remote stores alike
        return store.query_raw(sparql, accept=media_type, default_graph_uris=[str(CURRENT_GRAPH)])
    if deadline - time.monotonic() <= 0:
        raise _stopped()
    try:
        return reads.graph(sparql, media_type, deadline)
    except ReadTimeout:
        raise _stopped() from None


def prefetch(reads: list[tuple[str, dict[str, Any] | None]]) -> None:
    """Send the request's coming ``reads`` (SELECTs and bindings that do not depend on each other) to a read
    worker as one job, so that each ``store.read`` of them that follows is answered from what the request holds
    (``WorkerReads.prefetch``); nothing to do outside a request or where reads do not go to workers."""
    reads_in_workers = current_app.extensions.get("conflictkg.reads") if has_request_context() else None
    deadline = g.get("read_deadline") if reads_in_workers is not None else None
    if reads_in_workers is None or deadline is None:
        return
    if deadline - time.monotonic() <= 0:
        raise _stopped()
    try:
        reads_in_workers.prefetch(reads, deadline)
    except ReadTimeout:
        raise _stopped() from None


def renew_read_limit() -> None:
    """Give the request's next reads a whole read limit again: each part of a streamed answer (a
    download read a thousand rows at a time) has its own limit, as a request of its own would."""
    if g.get("read_deadline") is not None:
        g.read_deadline = time.monotonic() + current_app.config["CONFLICTKG"].read_timeout_ms / 1000


def _in_threads(read: Callable[..., list[dict[str, Any]]], settings: Settings) -> Reader:
    """Reads in pool threads, ``read_capacity`` at most (one more is refused at once, ``ReadsBusy``): the
    request stops waiting at the deadline or when the client leaves, and the read itself stops between rows
    (``Store.read``'s ``deadline``); its thread is taken until it has stopped."""
    pool = ThreadPoolExecutor(max_workers=settings.read_capacity, thread_name_prefix="conflictkg-read")
    slots = threading.BoundedSemaphore(settings.read_capacity)

    def in_a_thread(sparql: str, bindings: dict[str, Any] | None, deadline: float) -> list[dict[str, Any]]:
        if not slots.acquire(blocking=False):
            raise ReadsBusy()
        future = pool.submit(read, sparql, bindings, deadline=deadline)
        future.add_done_callback(lambda _: slots.release())
        return _wait(future, deadline)

    return in_a_thread


def _wait(future: Future, deadline: float) -> Any:
    """The future's result; ``FutureTimeout`` past ``deadline``, ``ClientGone`` as soon as the client leaves."""
    while True:
        try:
            return future.result(timeout=min(WATCH_SECONDS, max(0.0, deadline - time.monotonic())))
        except FutureTimeout:
            if time.monotonic() >= deadline:
                raise
            if client_gone():
                raise ClientGone from None


@contextlib.contextmanager
def heavy_slot() -> Iterator[None]:
    """Hold one of ``HEAVY_SLOTS`` while building a large answer, or answer 503 at once when none is free."""
    slots = current_app.extensions["conflictkg.heavy"]
    if not slots.acquire(blocking=False):
        raise ServiceUnavailable("The server is building other large answers; retry in a few seconds, or narrow "
                                 "this one with filters.", retry_after=5)
    try:
        yield
    finally:
        slots.release()


def heavy(view):
    """Decorate a view that builds a large answer: it runs in a :func:`heavy_slot`."""

    @functools.wraps(view)
    def gated(*args: Any, **kwargs: Any) -> Any:
        with heavy_slot():
            return view(*args, **kwargs)

    return gated


def kept(key: str, build: Callable[[], Body], slot: bool = True, wait: bool = False) -> Body:
    """The body kept under ``key`` since the last write, else ``build()``, kept unless None or too large.

    ``build`` runs in a heavy slot (a large answer: the network, the map's events) unless ``slot`` is False.
    With ``wait``, a request that finds the same key being built waits for that build (within its read limit)
    instead of building it too.
    """
    def built() -> Body:
        with heavy_slot() if slot else contextlib.nullcontext():
            return build()

    deadline = g.get("read_deadline") if wait and has_request_context() else None
    waited = None if deadline is None else deadline - time.monotonic()
    return current_app.extensions["conflictkg.cache"].kept(key, built, lambda body: len(body) if body else 0,
                                                           wait=waited)
