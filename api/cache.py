"""A small cache of REST answers, emptied by every write to the store.

Lookups of a busy actor aggregate tens of thousands of events; asking twice should not cost
twice. Answers are kept per URL (path and query string) for at most ``TTL_SECONDS`` and at most
``MAX_ENTRIES`` of them; :func:`watch_writes` wraps the store's write methods (every write path
of the app, ingest, SPARQL Update and Graph Store writes, goes through them), so an answer is
never served after a write that could change it.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from typing import Any

__all__ = ["ResponseCache", "watch_writes", "WRITE_METHODS", "TTL_SECONDS", "MAX_ENTRIES", "MAX_BODY_BYTES"]

WRITE_METHODS = ("replace_graph", "replace_graphs", "bulk_replace", "insert", "update_raw", "update", "drop_graph")
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


def watch_writes(store: Any, cache: ResponseCache) -> None:
    """Wrap ``store``'s write methods so that each write (even a failed one) empties ``cache``."""
    for name in WRITE_METHODS:
        method = getattr(store, name, None)
        if method is None or getattr(method, "_empties_cache", False):
            continue

        @functools.wraps(method)
        def written(*args: Any, _method: Any = method, **kwargs: Any) -> Any:
            try:
                return _method(*args, **kwargs)
            finally:
                cache.invalidate()

        written._empties_cache = True  # type: ignore[attr-defined]
        setattr(store, name, written)
