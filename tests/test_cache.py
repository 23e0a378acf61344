"""The REST answer cache: fresh answers only, nothing kept across a write."""

from __future__ import annotations

import pytest

from api.cache import ResponseCache, watch_writes


class Writable:
    def __init__(self):
        self.writes = 0

    def replace_graph(self, iri, graph):
        self.writes += 1

    def update_raw(self, update):
        raise ValueError("bad update")


def test_a_write_empties_the_cache():
    cache, store = ResponseCache(), Writable()
    watch_writes(store, cache)
    cache.put("/a", b"1", cache.generation)
    assert cache.get("/a") == b"1"
    store.replace_graph("g", None)
    assert store.writes == 1
    assert cache.get("/a") is None


def test_a_failed_write_empties_it_too():
    cache, store = ResponseCache(), Writable()
    watch_writes(store, cache)
    cache.put("/a", b"1", cache.generation)
    with pytest.raises(ValueError):
        store.update_raw("nonsense")
    assert cache.get("/a") is None


def test_an_answer_computed_across_a_write_is_not_kept():
    cache = ResponseCache()
    started = cache.generation
    cache.invalidate()  # a write lands while the answer is being computed
    cache.put("/a", b"stale", started)
    assert cache.get("/a") is None


def test_old_and_extra_entries_leave():
    cache = ResponseCache(max_entries=2, ttl=0.0)
    cache.put("/a", b"1", cache.generation)
    assert cache.get("/a") is None  # ttl 0: already stale
    cache = ResponseCache(max_entries=2)
    for key in ("/a", "/b", "/c"):
        cache.put(key, key.encode(), cache.generation)
    assert [cache.get(k) for k in ("/a", "/b", "/c")] == [None, b"/b", b"/c"]
