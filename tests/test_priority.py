"""Lookups first (api/priority.py): which requests are quick, and the two queues that serve them first."""

from __future__ import annotations

import socket
import threading
import time
from types import SimpleNamespace
from typing import Any

import pytest
from waitress import wasyncore

from api.priority import Handout, PriorityDispatcher, is_lookup, is_quick
from api.server import make_server

WAIT = 5.0  # seconds a test waits for something that should happen at once (a loaded machine is slow)


LOOKUPS = ["/api/actors/islamic-state", "/api/places/kabul", "/api/events/e-123", "/api/documents/d-9",
           "/id/actor/islamic-state", "/id/event/e-1"]
QUICK_READING_NOTHING = ["/-/health", "/-/stats"]
OTHERS = ["/api/actors", "/api/actors/", "/api/events/e-1/extra", "/api/search", "/api/export",
          "/actors/islamic-state", "/network", "/sparql"]


@pytest.mark.parametrize("path", LOOKUPS + QUICK_READING_NOTHING + OTHERS)
def test_lookups_and_quick_requests_are_told_by_their_path(path):
    assert (is_lookup(path), is_quick(path)) == (path in LOOKUPS, path not in OTHERS)


def _waiting_take(handout: Handout[str], urgent: bool, got: list[str]) -> threading.Thread:
    """A thread that waits for an item of ``handout`` and appends it to ``got``."""
    def take() -> None:
        item = handout.take(urgent, WAIT)
        if item is not None:
            got.append(item)
    thread = threading.Thread(target=take)
    thread.start()
    time.sleep(0.2)  # it is waiting now
    return thread


def test_a_free_item_goes_to_the_urgent_taker_though_another_waited_longer():
    handout: Handout[str] = Handout(limit=2)
    handout.put("worker")
    assert handout.take(False, 0) == "worker"
    urgent_got: list[str] = []
    other_got: list[str] = []
    other = _waiting_take(handout, False, other_got)
    urgent = _waiting_take(handout, True, urgent_got)
    handout.done(False)
    handout.put("worker")
    urgent.join(WAIT)
    assert urgent_got == ["worker"]
    assert other_got == []
    handout.done(True)
    handout.put("worker")
    other.join(WAIT)
    assert other_got == ["worker"]


@pytest.mark.parametrize(("limit", "others_may_take"), [(1, 1), (2, 2), (3, 3), (5, 4)])
def test_other_takers_hold_at_most_the_limit_and_urgent_ones_take_the_rest(limit, others_may_take):
    handout: Handout[int] = Handout(limit=limit)
    for item in range(4):
        handout.put(item)
    taken = [handout.take(False, 0) for _ in range(4)]
    assert sum(item is not None for item in taken) == others_may_take
    left = [handout.take(True, 0) for _ in range(4 - others_may_take)]
    assert None not in left
    assert handout.take(True, 0.05) is None  # all four are held
    handout.done(False)
    handout.put(0)
    assert handout.take(False, 0) == 0  # a returned item frees a place under the limit


class _Task:
    """A waitress task asking ``path``: its service waits until released. As waitress's HTTPChannel re-queued for
    a request read ahead (``channel``), it holds that request in ``requests`` and no ``request``."""

    def __init__(self, path: str, served: list[str], channel: bool = False, method: str = "GET"):
        asked = SimpleNamespace(path=path, error=None, command=method)
        self.request: SimpleNamespace | None = None if channel else asked
        self.requests = [asked] if channel else []
        self.path, self.served = path, served
        self.started, self.release = threading.Event(), threading.Event()

    def service(self) -> None:
        self.served.append(self.path)
        self.started.set()
        self.release.wait(WAIT)

    def cancel(self) -> None:
        self.release.set()


def test_a_quick_request_takes_a_reserved_thread_while_other_requests_wait():
    served: list[str] = []
    dispatcher = PriorityDispatcher(threads=2, reserved=1)
    try:
        heavy, waiting = _Task("/actors/a", served), _Task("/api/events", served)
        dispatcher.add_task(heavy)
        assert heavy.started.wait(WAIT)
        dispatcher.add_task(waiting)
        lookup = _Task("/api/actors/a", served)
        dispatcher.add_task(lookup)
        assert lookup.started.wait(WAIT)
        assert not waiting.started.is_set()  # one thread is free, but it is kept for quick requests
        heavy.release.set()
        assert waiting.started.wait(WAIT)
        assert served == ["/actors/a", "/api/actors/a", "/api/events"]
    finally:
        for task in (heavy, waiting, lookup):
            task.release.set()
        dispatcher.shutdown()


def test_waiting_quick_requests_go_before_the_other_waiting_requests():
    served: list[str] = []
    dispatcher = PriorityDispatcher(threads=1, reserved=0)
    try:
        first = _Task("/api/events", served)
        dispatcher.add_task(first)
        assert first.started.wait(WAIT)
        later = [_Task(path, served) for path in ("/network", "/-/health", "/api/places", "/id/place/p")]
        for task in later:
            task.release.set()
            dispatcher.add_task(task)
        first.release.set()
        deadline = time.monotonic() + WAIT
        while len(served) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert served == ["/api/events", "/-/health", "/id/place/p", "/network", "/api/places"]
    finally:
        dispatcher.shutdown()


@pytest.mark.parametrize(("urgent", "expected"), [(True, "normal"), (False, "niced-later")])
def test_an_urgent_taker_gets_the_least_niced_idle_item_and_another_the_most_niced(urgent, expected):
    niceness = {"niced": 5, "normal": 0, "niced-later": 5}
    handout: Handout[str] = Handout(limit=3, rank=niceness.__getitem__)
    for item in niceness:
        handout.put(item)
    assert handout.take(urgent, 0) == expected


def _the_last_waits_while_another_kind_is_served(dispatcher: PriorityDispatcher, limited: list[_Task],
                                                 other: _Task) -> None:
    """Queue ``limited`` (of a kind that may hold one thread fewer than them) then ``other``: ``other`` is served
    though the last of ``limited`` waited longer, and that one is served once the first ends."""
    try:
        for task in [*limited, other]:
            dispatcher.add_task(task)
        assert other.started.wait(WAIT)
        assert [task.started.is_set() for task in limited] == [True] * (len(limited) - 1) + [False]
        limited[0].release.set()
        assert limited[-1].started.wait(WAIT)
    finally:
        for task in [*limited, other]:
            task.release.set()
        dispatcher.shutdown()


@pytest.mark.parametrize("channel", [False, True])
def test_quick_requests_hold_at_most_the_reserved_threads_and_half_the_rest(channel):
    served: list[str] = []
    dispatcher = PriorityDispatcher(threads=4, reserved=2)  # quick ones: 2 + 1 threads at most
    lookups = [_Task(f"/api/actors/a{n}", served, channel) for n in range(4)]
    _the_last_waits_while_another_kind_is_served(dispatcher, lookups, _Task("/api/events", served, channel))


@pytest.mark.parametrize(("method", "path"), [("POST", "/api/documents"), ("GET", "/sparql"), ("POST", "/sparql"),
                                             ("GET", "/store"), ("DELETE", "/store")])
def test_reads_hold_at_most_their_threads_and_leave_the_others_to_writes_and_queries(method, path):
    served: list[str] = []
    dispatcher = PriorityDispatcher(threads=4, reserved=0, reads=2)
    reads = [_Task(read, served, method=verb) for read, verb in (("/api/actors", "GET"), ("/network", "GET"),
                                                                 ("/actors/a", "HEAD"))]
    _the_last_waits_while_another_kind_is_served(dispatcher, reads, _Task(path, served, method=method))


def test_reads_waiting_for_their_threads_are_served_in_arrival_order_as_threads_free():
    served: list[str] = []
    dispatcher = PriorityDispatcher(threads=3, reserved=0, reads=1)
    reads = [_Task(f"/api/events?offset={n}", served) for n in range(3)]
    try:
        for task in reads:
            dispatcher.add_task(task)
        assert reads[0].started.wait(WAIT)
        time.sleep(0.1)
        assert served == ["/api/events?offset=0"]  # two threads idle, but one read at a time
        for task in reads:
            task.release.set()
        deadline = time.monotonic() + WAIT
        while len(served) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert served == [task.path for task in reads]
    finally:
        for task in reads:
            task.release.set()
        dispatcher.shutdown()


def test_health_goes_before_the_waiting_lookups_though_they_hold_their_threads():
    served: list[str] = []
    dispatcher = PriorityDispatcher(threads=2, reserved=1)  # quick ones: 1 thread at most
    tasks = [_Task(path, served) for path in ("/api/actors/a", "/api/places/b", "/-/health")]
    try:
        dispatcher.add_task(tasks[0])
        assert tasks[0].started.wait(WAIT)
        for task in tasks[1:]:
            dispatcher.add_task(task)
        assert tasks[2].started.wait(WAIT)
        assert served == ["/api/actors/a", "/-/health"]
    finally:
        for task in tasks:
            task.release.set()
        dispatcher.shutdown()


class _CountingDispatcher(PriorityDispatcher):
    """The dispatcher, counting how often a thread looks for a task (``_next``, called with its lock held)."""

    looks = 0

    def _next(self) -> tuple[Any, str] | None:
        self.looks += 1
        return super()._next()


def test_a_request_wakes_one_idle_thread_not_every_one():
    dispatcher = _CountingDispatcher(threads=8, reserved=2)
    try:
        deadline = time.monotonic() + WAIT
        while dispatcher.looks < 8 and time.monotonic() < deadline:  # each thread has looked once and waits
            time.sleep(0.01)
        time.sleep(0.1)
        before = dispatcher.looks
        task = _Task("/sparql", [])
        task.release.set()
        dispatcher.add_task(task)
        assert task.started.wait(WAIT)
        time.sleep(0.2)
        # the woken thread looks, takes it, and looks again once it is served; the seven others sleep on
        assert dispatcher.looks - before == 2
    finally:
        dispatcher.shutdown()


def _pipelining_app(heavy_may_end: dict[str, threading.Event], ended: list[str]):
    """A WSGI app whose ``/heavy/<name>`` waits for ``heavy_may_end[name]``; any other path answers at once. The
    paths served are appended to ``ended``."""
    def app(environ, start_response):
        name = environ["PATH_INFO"].removeprefix("/heavy/")
        if name in heavy_may_end:
            heavy_may_end[name].wait(WAIT)
        ended.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]
    return app


def _run_until(server: Any, stop: threading.Event) -> None:
    """Run waitress's ``server`` (its socket loop) until ``stop`` is set."""
    while not stop.is_set():
        wasyncore.loop(timeout=0.05, map=server._map, count=1, use_poll=True)  # select() fails past 1,023 open files


def _get(port: int, *paths: str) -> socket.socket:
    """A connection to ``port`` that sent GETs of ``paths`` at once (pipelined)."""
    conn = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
    conn.sendall(b"".join(f"GET {path} HTTP/1.1\r\nHost: t\r\n\r\n".encode() for path in paths))
    return conn


def test_a_lookup_pipelined_behind_a_heavy_request_is_served_as_a_lookup():
    heavy_may_end = {"first": threading.Event(), "second": threading.Event()}
    ended: list[str] = []
    server = make_server(_pipelining_app(heavy_may_end, ended), "127.0.0.1", 0, threads=1, max_header_bytes=8192)
    stop = threading.Event()
    loop = threading.Thread(target=_run_until, args=(server, stop))
    loop.start()
    conns: list[socket.socket] = []
    try:
        conns.append(_get(server.effective_port, "/heavy/first", "/api/actors/a"))  # one connection, two requests
        time.sleep(0.3)  # the heavy request holds the one thread other requests may take; the lookup is read ahead
        conns.append(_get(server.effective_port, "/heavy/second"))
        time.sleep(0.3)
        heavy_may_end["first"].set()  # the second heavy request now holds that thread
        answer = b""
        while b"/api/actors/a" not in answer:
            answer += conns[0].recv(4096)
        assert ended == ["/heavy/first", "/api/actors/a"]  # queued as another request, it would wait for the second
    finally:
        heavy_may_end["second"].set()
        for conn in conns:
            conn.close()
        stop.set()
        loop.join(WAIT)  # closed from this thread, its sockets would break the loop's select
        server.task_dispatcher.shutdown()
        server.close()
