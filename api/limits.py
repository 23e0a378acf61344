"""Time limits for every route that reads the graph (``/sparql`` has its own, in its workers).

Each request gets a budget (setting ``read_timeout_ms``). Every ``store.read`` of the request runs
in a pool thread and the request waits at most what is left of the budget; past it, the answer
is a 504 problem saying what to narrow, and the server thread is free for other clients. The read
itself stops at the deadline too, between rows (``Store.read``'s ``deadline``), so an abandoned
query does not go on streaming. A request whose client has gone (``client_gone``) stops waiting
at once, so its server thread is free too; its read ends at the deadline as above. Heavy pages
(the network) also take one of a few slots, so a burst of them answers 503 with ``Retry-After``
instead of queueing every other request behind it.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from werkzeug.exceptions import GatewayTimeout, ServiceUnavailable

from graph.store import ReadTimeout

__all__ = ["install", "heavy", "heavy_slot", "client_gone", "TooSlow", "ClientGone", "HEAVY_SLOTS"]

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
    """Give every graph-reading request of ``app`` a deadline and run its store reads under it."""
    settings = app.config["CONFLICTKG"]
    budget = settings.read_timeout_ms / 1000
    store = app.extensions["conflictkg.store"]
    pool = ThreadPoolExecutor(max_workers=max(2, settings.threads), thread_name_prefix="conflictkg-read")
    read = store.read

    @functools.wraps(read)
    def limited(sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        deadline = g.get("read_deadline") if has_request_context() else None
        if deadline is None:
            return read(sparql, bindings)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TooSlow(budget)
        future = pool.submit(read, sparql, bindings, deadline=deadline)
        try:
            return _wait(future, deadline)
        except (FutureTimeout, ReadTimeout):
            raise TooSlow(budget) from None

    store.read = limited
    app.extensions["conflictkg.heavy"] = threading.BoundedSemaphore(HEAVY_SLOTS)

    @app.before_request
    def _start_the_clock() -> None:
        if not request.path.startswith(_UNLIMITED):
            g.read_deadline = time.monotonic() + budget


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
