"""Serve the app with waitress, the production WSGI server, keeping one error shape and a clean exit.

Waitress answers some malformed requests itself, before the app sees them (a header block
past its limit, a bad chunked body): those answers are made ``application/problem+json`` too.
SIGTERM stops the server like Ctrl-C, so exit handlers run (query workers stop, their store
snapshots are removed). Waitress keeps reading each connection while its request runs
(``channel_request_lookahead``), so a route can ask ``environ['waitress.client_disconnected']``
whether its client is still there and stop work nobody waits for. Entity lookups, ``/-/health``
and ``/-/stats`` are taken by the server threads before any other request, with two threads of
their own beside the ``threads`` setting (``api.priority.PriorityDispatcher``).

Before serving, the objects made at start (modules, vocabularies, templates, the app: about
100,000) are frozen out of the garbage collector (``keep_for_good``, ``gc.freeze``): they live as
long as the server, and every full collection walked them all, 0.8 ms of CPU per request at 100,000
documents. The spaCy model, loaded by the first ingest, is frozen the same way when it loads
(``api.ingest.extractor``); a frozen process is why ``graph.ingest`` then sets nothing aside.
"""

from __future__ import annotations

import gc
import json
import signal
import sys
from collections.abc import Callable
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import create_server
from waitress.task import ErrorTask

from api.errors import PROBLEM_TYPE
from api.priority import QUICK_THREADS, PriorityDispatcher
from graph.config import Settings

__all__ = ["serve", "keep_for_good"]


class _ProblemErrorTask(ErrorTask):
    """Waitress's own error answers, as problem documents."""

    def execute(self) -> None:
        error = self.request.error
        body = json.dumps({"type": "about:blank", "title": error.reason, "status": error.code,
                           "detail": f"{error.body} (refused before the application read it)"}).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", PROBLEM_TYPE))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _ProblemChannel(HTTPChannel):
    error_task_class = _ProblemErrorTask


def make_server(app: Any, host: str, port: int, threads: int, max_header_bytes: int, reads: int | None = None) -> Any:
    """The waitress server of ``app`` on ``host``:``port``, not yet running; ``reads`` of its ``threads`` may serve
    reads at once (``api.priority``; None: all of them)."""
    # the other requests keep ``threads`` threads, as many as before: the quick requests have more
    dispatcher = PriorityDispatcher(threads + QUICK_THREADS, reserved=QUICK_THREADS, reads=reads)
    server = create_server(app, host=host, port=port, threads=threads, ident="conflictkg", _dispatcher=dispatcher,
                           max_request_header_size=max_header_bytes, channel_request_lookahead=1,
                           asyncore_use_poll=True)  # select() takes no socket numbered past 1023
    server.channel_class = _ProblemChannel
    return server


def serve(app: Any, settings: Settings, started: Callable[[], None] = lambda: None) -> None:
    """Serve ``app`` on the host, port and threads of ``settings`` until SIGINT or SIGTERM; ``started`` is called as
    it begins to serve (after ``keep_for_good``, so what it sets going is not frozen with the objects made at start).
    """
    # Headers as large as a body may be: the app refuses a too-long URL (414, api/errors.py); past
    # that, waitress's own 431 is a problem document too.
    server = make_server(app, settings.host, settings.port, settings.threads,
                         max(262_144, settings.max_request_bytes), settings.serving_reads)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    keep_for_good()
    started()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def keep_for_good() -> None:
    """Take the objects made so far out of the garbage collector's reach: they live as long as the server."""
    gc.collect()
    gc.freeze()
