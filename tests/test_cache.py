"""The REST answer cache: fresh answers only, nothing kept across a write."""

from __future__ import annotations

import itertools
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Blueprint, Flask, Response

from api.cache import MAX_BODY_BYTES, MAX_BYTES, ROW_BYTES, ResponseCache, keep_by_url, kept_read
from graph.store import Store
from graph.vocab import CURRENT_GRAPH, RDF, SEM
from tests.conftest import counted_reads

TRIPLE = b"<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"


@pytest.fixture
def watched(tmp_path):
    """A real on-disk store whose writes empty a cache holding one answer."""
    cache, store = ResponseCache(), Store(str(tmp_path / "store"))
    store.on_write.add(cache.invalidate)
    cache.put("/a", b"1", cache.generation)
    assert cache.get("/a") == b"1"
    yield cache, store
    store.close()


@pytest.mark.parametrize("write", [
    lambda store: store.replace_graph("http://example.org/g", TRIPLE),
    lambda store: store.bulk_replace([("http://example.org/g", TRIPLE)]),
    lambda store: store.insert(TRIPLE, "http://example.org/g"),
    lambda store: store.update_raw("INSERT DATA { <http://example.org/a> <http://example.org/p> 1 }"),
    lambda store: store.drop_graph("http://example.org/none"),
])
def test_a_write_empties_the_cache(watched, write):
    cache, store = watched
    write(store)
    assert cache.get("/a") is None


def test_a_failed_write_empties_it_too(watched):
    cache, store = watched
    with pytest.raises(SyntaxError):
        store.update_raw("nonsense")
    assert cache.get("/a") is None


def test_a_read_keeps_it(watched):
    cache, store = watched
    store.select("SELECT * WHERE { ?s ?p ?o }")
    assert cache.get("/a") == b"1"


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


@pytest.mark.parametrize("answers, body_bytes", [(4000, 2_000), (1_500, 60_000)])
def test_the_services_cache_keeps_thousands_of_answers_asked_over_hundreds_of_entities(answers, body_bytes):
    """Records, pages and list pages of hundreds of entities: the first answer is still kept after thousands of
    others (at 512 entries the mix of 16 clients pushed each out within seconds), within ``MAX_BYTES``."""
    cache = ResponseCache(max_bytes=MAX_BYTES)
    for n in range(answers):
        cache.put(f"/api/actors/{n}", b"{}", cache.generation, size=body_bytes)
    assert cache.get("/api/actors/0") == b"{}"


def test_a_cache_with_a_byte_bound_keeps_the_newest_answers_within_it():
    key = sys.getsizeof("/a")  # every key here is as long: each entry holds its key and its size
    cache = ResponseCache(max_entries=10, max_bytes=2 * key + 10)
    for name in ("/a", "/b", "/c"):
        cache.put(name, name.encode(), cache.generation, size=4)
    assert [cache.get(k) for k in ("/a", "/b", "/c")] == [None, b"/b", b"/c"]  # 3 keys + 12 bytes: the oldest left
    cache.put("/g", b"x" * 11, cache.generation, size=key + 11)
    assert cache.get("/g") is None and cache.get("/c") == b"/c"  # too big alone: not kept, nothing evicted for it
    cache.put("/c", b"/c2", cache.generation, size=6)  # replaced, its old size given back
    assert [cache.get(k) for k in ("/b", "/c")] == [b"/b", b"/c2"]
    cache.invalidate()
    for name in ("/d", "/e"):
        cache.put(name, name.encode(), cache.generation, size=5)
    assert [cache.get(k) for k in ("/d", "/e")] == [b"/d", b"/e"]  # a write gave every byte back


@pytest.mark.parametrize("url_length", [8_000, 60_000])
def test_the_services_cache_counts_its_urls_against_its_bytes(make_app, tmp_path, url_length):
    """A REST list answers 200 to any query parameter, so a client can send thousands of long URLs: what the
    service's cache holds of them, URLs and bodies, stays within its byte bound, and the newest are kept."""
    app = make_app({"data_dir": str(tmp_path / "data")})
    cache = app.extensions["conflictkg.cache"]
    cache.max_bytes = 1_000_000  # MAX_BYTES' bound, small enough to pass in a few dozen requests
    client, sent = app.test_client(), []
    for n in range(2_500_000 // url_length):
        url = f"/api/actors?zz={n}{'a' * url_length}"
        response = client.get(url)
        assert response.status_code == 200 and response.headers["X-Cache"] == "miss"
        sent.append((url, len(response.get_data())))
    held = [(url, body) for url, body in sent if cache.get(url) is not None]
    assert sum(len(url) + body for url, body in held) <= cache.max_bytes
    assert held and held[-1][0] == sent[-1][0] and held[0][0] != sent[0][0]  # the newest kept, the first gone


def test_kept_builds_once_until_a_write_and_keeps_nothing_built_across_one():
    cache, built = ResponseCache(), []

    def build() -> str:
        built.append(1)
        return "answer"

    assert [cache.kept("/a", build, len) for _ in range(3)] == ["answer"] * 3 and len(built) == 1
    cache.invalidate()
    assert cache.kept("/a", build, len) == "answer" and len(built) == 2  # the write dropped it: built again
    across = cache.kept("/b", lambda: cache.invalidate() or "stale", len)  # a write lands while it is built
    assert across == "stale" and cache.get("/b") is None
    assert cache.kept("/none", lambda: None) is None and cache.get("/none") is None
    assert cache.kept("/big", lambda: "x" * (MAX_BODY_BYTES + 1), len) and cache.get("/big") is None


ROWS_READ = "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
READ_ROOM = 2 * ROW_BYTES + sys.getsizeof(f"read [] {ROWS_READ}")  # two rows and the key: the read, no bindings


@pytest.mark.parametrize("room, kept", [(READ_ROOM, True), (READ_ROOM - 1, False)])
def test_rows_kept_by_kept_read_count_against_the_caches_bytes(tmp_path, room, kept):
    store = Store(str(tmp_path / "store"))
    store.insert(TRIPLE + TRIPLE.replace(b"/b>", b"/c>"), "http://example.org/g")
    app, cache = Flask(__name__), ResponseCache(max_bytes=room)
    app.extensions.update({"conflictkg.store": store, "conflictkg.cache": cache})
    reads = []
    store.read = lambda *args: reads.append(1) or Store.read(store, *args)  # type: ignore[method-assign]
    with app.app_context():
        for _ in range(2):
            assert len(kept_read(ROWS_READ, {})) == 2
    assert len(reads) == (1 if kept else 2)  # two rows and the read's text take READ_ROOM of the cache's room
    store.close()


@pytest.mark.parametrize("page, kept", [("<p>Request {}</p>", True), ('<script nonce="n{}">show()</script>', False)])
def test_a_page_kept_by_url_has_no_nonce(page, kept):
    """A blueprint's page is answered again from the cache, but one with an inline script never: its nonce is
    the request's, and the next answer's policy names another."""
    app, pages, served = Flask(__name__), Blueprint("kept", __name__), itertools.count()
    pages.add_url_rule("/page", "page", lambda: Response(page.format(next(served)), mimetype="text/html"))
    keep_by_url(pages, ("text/html",))
    app.register_blueprint(pages)
    app.extensions["conflictkg.cache"] = ResponseCache()
    client = app.test_client()
    first, again = client.get("/page"), client.get("/page")
    assert (first.headers["X-Cache"], again.headers["X-Cache"]) == ("miss", "hit" if kept else "miss")
    assert again.get_data(as_text=True) == page.format(0 if kept else 1)


@pytest.mark.parametrize("callers", [2, 6])
def test_one_caller_builds_a_kept_value_while_the_others_wait_for_it(callers):
    cache, built, started = ResponseCache(), [], threading.Event()

    def build():
        built.append(1)
        started.set()
        time.sleep(0.2)
        return ["labels"]

    with ThreadPoolExecutor(callers) as pool:
        first = pool.submit(cache.kept, "k", build, wait=5)
        started.wait(5)
        others = [pool.submit(cache.kept, "k", build, wait=5) for _ in range(callers - 1)]
        answers = [first.result()] + [other.result() for other in others]
    assert answers == [["labels"]] * callers and len(built) == 1 and not cache._building


def test_a_caller_whose_wait_runs_out_builds_its_own_value():
    cache, started, release = ResponseCache(), threading.Event(), threading.Event()

    def slow():
        started.set()
        release.wait(5)
        return "slow"

    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(cache.kept, "k", slow, wait=5)
        started.wait(5)
        assert cache.kept("k", lambda: "own", wait=0.05) == "own"
        release.set()
        assert first.result() == "slow"


@pytest.mark.parametrize("undated", [100, 7_000])
def test_a_lists_undated_matches_are_read_once_for_all_its_pages(hand_built_app, undated):
    """Events with no toll come first least deadly first: each page past them or among them cuts them from one kept
    read, however many there are (7,000 rows were past the 2 MB a kept read could hold: one read a page)."""
    store = hand_built_app.extensions["conflictkg.store"]
    store.insert("".join(f"<https://conflictkg.org/id/event/no-toll-{n:05d}> <{RDF.type}> <{SEM.Event}> .\n"
                         for n in range(undated)).encode(), str(CURRENT_GRAPH))
    asked, client = counted_reads(store), hand_built_app.test_client()
    for offset in (0, 50, undated):
        answer = client.get(f"/events.json?sort=fatalities&offset={offset}").get_json()
        assert answer["total"] == undated + 6 and answer["rows"]
    assert sum("MINUS" in sparql for sparql in asked) == 1
