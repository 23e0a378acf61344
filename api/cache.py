"""A small cache of REST answers, emptied by every write through the service.

Lookups of a busy actor aggregate tens of thousands of events; asking twice should not cost
twice. Answers are kept per URL (path and query string) for at most ``TTL_SECONDS`` and at most
``MAX_ENTRIES`` of them (a cache given ``max_bytes`` also holds at most that many bytes of its keys and the
sizes its entries were put with: ``api.reads`` keeps the workers' answers so). ``create_app`` makes the
service's cache (``app.extensions["conflictkg.cache"]``) and adds its ``invalidate`` to the store's write
listeners (``store.on_write``, run after every write method: ingest, SPARQL Update and Graph Store writes all
go through them), so an answer is never served after a write through this service that could change it; a
write to a remote store by another process (the CLI's ingest) is not seen, and shows after ``TTL_SECONDS``.
``api.limits.kept`` keeps a large answer built in a heavy slot. ``keep_by_url`` answers a blueprint's GETs
from the cache by URL (the REST lists, the browse pages).
"""

from __future__ import annotations

import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, g, has_request_context, request

__all__ = ["ResponseCache", "kept_read", "time_left", "keep_by_url", "TTL_SECONDS", "MAX_ENTRIES", "MAX_BODY_BYTES",
           "MAX_BYTES", "ROW_BYTES", "MAX_READ_BYTES"]

TTL_SECONDS = 300.0
# Answers kept at once: every record, page and list page of the few thousand entities and pages a busy hour asks
# (MAX_BYTES bounds their memory). At 512, 16 clients over hundreds of entities pushed each answer, and the list
# counts kept beside them, out within seconds, so nearly every lookup was read and built again.
MAX_ENTRIES = 4096
MAX_BODY_BYTES = 2_000_000
MAX_BYTES = 128_000_000  # of the service's answers (bodies and their URLs) kept at once: 64 entity pages of 2 MB
ROW_BYTES = 300  # about what one kept row of a read (a dict of a date and a count) holds in memory, for MAX_BYTES
# The most one kept read's rows may hold (ROW_BYTES each): a list's undated matches, read whole for each of its pages
# past its dated ones (the 40,938 events without a toll of 100,000 documents: 12 MB), are not read again for each
MAX_READ_BYTES = 16_000_000
Value = TypeVar("Value")


class ResponseCache:
    """URL -> answer, least recently used first out, emptied on writes."""

    def __init__(self, max_entries: int = MAX_ENTRIES, ttl: float = TTL_SECONDS, max_bytes: int | None = None):
        """Keep at most ``max_entries`` answers (and ``max_bytes`` of their sizes), each for at most ``ttl`` seconds."""
        self.max_entries, self.ttl, self.max_bytes = max_entries, ttl, max_bytes
        self._entries: OrderedDict[str, tuple[float, int, Any, int]] = OrderedDict()
        self._bytes = 0
        self._generation = 0
        self._lock = threading.Lock()
        # key -> [the lock of whoever builds it, how many callers want it]: after a write, N searches would each read
        # every label of a class and spend N read slots
        self._building: dict[str, list[Any]] = {}

    @property
    def generation(self) -> int:
        """How many writes have been seen; an answer computed before the last write is not kept."""
        return self._generation

    def __len__(self) -> int:
        """How many answers are kept (some perhaps stale until they are asked for)."""
        return len(self._entries)

    def get(self, key: str) -> Any | None:
        """Return the answer stored for ``key`` if it is fresh, else None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stored_at, generation, value, _ = entry
            if generation != self._generation or time.monotonic() - stored_at > self.ttl:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return value

    def put(self, key: str, value: Any, generation: int, size: int = 0) -> None:
        """Store ``value`` (of ``size`` bytes) for ``key`` unless a write happened since ``generation`` was read."""
        # the key is counted too: a URL can be 64 KB, and a REST list answers 200 to any query parameter
        size += sys.getsizeof(key)
        with self._lock:
            if generation != self._generation or (self.max_bytes is not None and size > self.max_bytes):
                return
            self._drop(key)
            self._entries[key] = (time.monotonic(), generation, value, size)
            self._bytes += size
            while len(self._entries) > self.max_entries or (self.max_bytes is not None
                                                             and self._bytes > self.max_bytes):
                self._drop(next(iter(self._entries)))

    def kept(self, key: str, build: Callable[[], Value], size: Callable[[Value], int] = lambda _: 0,
             most: int = MAX_BODY_BYTES, wait: float | None = None) -> Value:
        """The value kept under ``key`` since the last write, else ``build()``, kept unless None or its ``size``
        is past ``most`` (a value built while a write happened is returned but not kept). Given ``wait``, one
        caller at a time builds a key and the others wait for its value (at most ``wait`` seconds, then build their
        own); without it each builds at once, as a read past the read capacity must be refused at once."""
        value = self.get(key)
        if value is not None:
            return value
        if wait is None:
            return self._build(key, build, size, most)
        with self._lock:
            building = self._building.setdefault(key, [threading.Lock(), 0])
            building[1] += 1
        got = building[0].acquire(timeout=max(wait, 0.0))
        try:
            value = self.get(key)
            return self._build(key, build, size, most) if value is None else value
        finally:
            if got:
                building[0].release()
            with self._lock:
                building[1] -= 1
                if not building[1]:
                    self._building.pop(key, None)

    def _build(self, key: str, build: Callable[[], Value], size: Callable[[Value], int], most: int) -> Value:
        generation = self.generation
        value = build()
        if value is not None and size(value) <= most:
            self.put(key, value, generation, size(value))
        return value

    def invalidate(self) -> None:
        """Forget every answer (called after each write)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= entry[3]


def kept_read(sparql: str, bindings: dict[str, Any]) -> list[dict[str, Any]]:
    """A read of the app's store whose rows are kept until the next write (a list's counts, the same for each
    page): the read workers keep its answer too, but as JSON, and decoding a list's 4,000 dates again on every
    page cost more than the page's own reads. The rows are shared by every later caller: read them, never change
    them."""
    key = f"read {sorted((k, str(v)) for k, v in bindings.items())} {sparql}"
    store = current_app.extensions["conflictkg.store"]
    return current_app.extensions["conflictkg.cache"].kept(key, lambda: store.read(sparql, bindings),
                                                           lambda rows: len(rows) * ROW_BYTES, most=MAX_READ_BYTES)


def time_left() -> float | None:
    """Seconds left before the request's read deadline (``api.limits``), None without one."""
    deadline = g.get("read_deadline") if has_request_context() else None
    return None if deadline is None else deadline - time.monotonic()


def keep_by_url(blueprint: Blueprint, mimetypes: tuple[str, ...], skipped: frozenset[str] = frozenset()) -> None:
    """Answer the GETs of ``blueprint`` (but its ``skipped`` endpoints) from the app's cache when the same URL was
    answered since the last write; keep its answers of 200 with one of ``mimetypes`` (at most ``MAX_BODY_BYTES``).
    A page with an inline script is not kept: its nonce is the request's, and the policy of the next answer
    (``api.security``) names a new one, so the kept script would not run.
    """
    @blueprint.before_request
    def _from_cache() -> Response | None:
        """Answer a GET whose URL was answered since the last write with the kept body; else note the
        cache's generation, so that ``_into_cache`` keeps no answer built across a write."""
        if request.method != "GET" or request.endpoint in skipped:
            return None
        cache = current_app.extensions["conflictkg.cache"]
        g.cache_generation = cache.generation
        hit = cache.get(request.full_path)
        if hit is None:
            return None
        g.cache_hit = True
        body, mimetype = hit
        return Response(body, mimetype=mimetype, headers={"X-Cache": "hit"})

    @blueprint.after_request
    def _into_cache(response: Response) -> Response:
        """Keep a fresh answer of 200 with one of ``mimetypes`` under its URL (not past ``MAX_BODY_BYTES``, nor
        with a nonce), and mark it a miss."""
        if "cache_generation" in g and not g.get("cache_hit") and response.status_code == 200 \
                and response.mimetype in mimetypes and not response.direct_passthrough:
            body = response.get_data()
            if len(body) <= MAX_BODY_BYTES and b"nonce=" not in body:
                current_app.extensions["conflictkg.cache"].put(request.full_path, (body, response.mimetype),
                                                               g.cache_generation, len(body))
            response.headers["X-Cache"] = "miss"
        return response
