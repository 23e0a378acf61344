"""A small cache of REST answers, emptied by every write to the store.

Lookups of a busy actor aggregate tens of thousands of events; asking twice should not cost
twice. Answers are kept per URL (path and query string) for at most ``TTL_SECONDS`` and at most
``MAX_ENTRIES`` of them. The app adds ``invalidate`` to its store's write listeners
(``store.on_write``, run after every write method: ingest, SPARQL Update and Graph Store writes all
go through them), so an answer is never served after a write that could change it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flask import current_app

from api.limits import heavy_slot

__all__ = ["ResponseCache", "kept", "TTL_SECONDS", "MAX_ENTRIES", "MAX_BODY_BYTES"]

TTL_SECONDS = 300.0
MAX_ENTRIES = 512
MAX_BODY_BYTES = 2_000_000


class ResponseCache:
    """URL -> (body, status, content type), least recently used first out, emptied on writes."""

    def __init__(self, max_entries: int = MAX_ENTRIES, ttl: float = TTL_SECONDS):
        """Keep at most ``max_entries`` answers, each for at most ``ttl`` seconds."""
        self.max_entries, self.ttl = max_entries, ttl
        self._entries: OrderedDict[str, tuple[float, int, Any]] = OrderedDict()
        self._generation = 0
        self._lock = threading.Lock()

    @property
    def generation(self) -> int:
        """How many writes have been seen; an answer computed before the last write is not kept."""
        return self._generation

    def get(self, key: str) -> Any | None:
        """Return the answer stored for ``key`` if it is fresh, else None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stored_at, generation, value = entry
            if generation != self._generation or time.monotonic() - stored_at > self.ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return value

    def put(self, key: str, value: Any, generation: int) -> None:
        """Store ``value`` for ``key`` unless a write happened since ``generation`` was read."""
        with self._lock:
            if generation != self._generation:
                return
            self._entries[key] = (time.monotonic(), generation, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def invalidate(self) -> None:
        """Forget every answer (called after each write)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()



def kept(key: str, build: Callable[[], str]) -> str:
    """The body kept under ``key`` since the last write, else ``build()`` run in a heavy slot, kept if not too large."""
    cache = current_app.extensions["conflictkg.cache"]
    body = cache.get(key)
    if body is None:
        generation = cache.generation
        with heavy_slot():
            body = build()
        if len(body) <= MAX_BODY_BYTES:
            cache.put(key, body, generation)
    return body
