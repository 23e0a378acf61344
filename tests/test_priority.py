"""Lookups first (api/priority.py): which requests are quick, and the two queues that serve them first."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from api.priority import Handout, PriorityDispatcher, is_lookup, is_quick

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
    """A waitress task asking ``path``: its service waits until released."""

    def __init__(self, path: str, served: list[str]):
        self.request = SimpleNamespace(path=path, error=None)
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
