"""The default ``/network`` view, built ahead of its first visit: when the service starts, and again after writes.

On a big store the view takes the server a second or more to build (the most active actors, their latest
5,000 events, the roles and places of these: about 1 s of read CPU at 100,000 documents), and it is kept only
until the next write (``api.limits.kept``), so the first visitor after a start or a write waited for all of it.
Built ahead, that visit is answered from what is kept.

The build is the route's own, asked of the app as a visitor would ask it (its read limit, heavy slot, read
workers and kept answer), in one background thread: the server listens meanwhile, entity lookups' reads go first
as ever (``api.priority``), and a visit that comes while the build runs waits for it instead of building the view
a second time (``api.network``). After a write the thread waits until no write came for ``QUIET_SECONDS``, so an
ingest of many batches costs one build at its end, not one a batch. One build at a time, of one kept answer:
the service's memory does not grow with it. Setting ``network_ahead`` (0: off).
"""

from __future__ import annotations

import logging
import threading
import time

from flask import Flask

__all__ = ["Ahead", "QUIET_SECONDS", "PATHS"]

log = logging.getLogger(__name__)
QUIET_SECONDS = 2.0  # a write is followed by others in an ingest of many batches: build once they stop
PATHS = ("/network",)  # the views built ahead: the network page's default view


class Ahead:
    """A background thread that asks ``app`` for ``paths`` at start and once writes have stopped for ``quiet`` s."""

    def __init__(self, app: Flask, paths: tuple[str, ...] = PATHS, quiet: float = QUIET_SECONDS):
        self.app, self.paths, self.quiet = app, paths, quiet
        self.builds = 0  # views built so far (asked of the app, whatever it answered)
        self._wanted, self._stopped = threading.Event(), threading.Event()
        self._last_write = float("-inf")  # the start needs no quiet: nothing was written yet
        self._thread = threading.Thread(target=self._run, name="conflictkg-ahead", daemon=True)

    def start(self) -> None:
        """Build the views now, in the background, and again after every run of writes; ``stop`` (``api.close_app``
        calls it) ends that."""
        self.app.extensions["conflictkg.ahead"] = self
        self.app.extensions["conflictkg.store"].on_write.add(self.written)
        self._wanted.set()
        self._thread.start()

    def stop(self) -> None:
        """Stop following writes and end the thread once a build under way is over (the app's reads must outlive it)."""
        self.app.extensions["conflictkg.store"].on_write.discard(self.written)
        self._stopped.set()
        self._wanted.set()
        if self._thread.is_alive():
            self._thread.join()

    def written(self) -> None:
        """Note a write (a ``store.on_write`` listener): the views are built again once writes stop."""
        self._last_write = time.monotonic()
        self._wanted.set()

    def _run(self) -> None:
        while self._wanted.wait() and not self._stopped.is_set():
            while (left := self._last_write + self.quiet - time.monotonic()) > 0:
                if self._stopped.wait(left):
                    return
            self._wanted.clear()
            for path in self.paths:
                if self._stopped.is_set():
                    return
                self.build(path)

    def build(self, path: str) -> None:
        """Ask the app for ``path`` in this thread, as a visitor would (the answer is kept by its route); log a
        failure (a problem answer, an error) instead of raising it: the next visit builds the view then."""
        started = time.monotonic()
        try:
            with self.app.test_request_context(path):
                status = self.app.full_dispatch_request().status_code
        except Exception:  # noqa: BLE001 - a background build must not end the thread
            log.exception("building %s ahead failed", path)
            return
        finally:
            self.builds += 1
        seconds = time.monotonic() - started
        if status == 200:
            log.info("built %s ahead in %.2f s", path, seconds)
        else:  # a problem answer (past the read limit, reads busy): the next visit builds the view itself
            log.warning("building %s ahead answered %d after %.2f s", path, status, seconds)
