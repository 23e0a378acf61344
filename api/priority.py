"""Entity lookups first: they never wait for a server thread or a read worker behind heavier requests.

Sixteen clients keep two cores busy, and a lookup (one entity's record) that queued in arrival
order behind list pages, entity pages and the network waited for a server thread, then for each
of its reads, for a read worker, behind them: at 100,000 documents its p99 was 257 ms where
``/-/health``, which reads nothing, had 96 ms. So two queues serve the quick requests (a lookup,
``/-/health``, ``/-/stats``; ``is_quick``) first:

- ``PriorityDispatcher``, waitress's pool of server threads: a free thread takes a waiting
  ``/-/health``, then the oldest waiting quick request, before any other; the other requests hold
  at most all threads but ``reserved`` at once, so a lookup that arrives finds a thread, and the
  quick ones at most ``reserved`` and half the rest, so a stream of lookups never stops the others
  (which wait here with no deadline running yet). The service runs the ``threads`` setting's
  threads and ``QUICK_THREADS`` more (``api.server``): the other requests have as many threads as
  before, so the capacities and refusals of ``/sparql`` and the reads are unchanged.
- ``Handout``, a read pool's idle workers (``api.sparql_runner``): a free worker goes to a
  lookup's read first, and other reads hold at most ``limit`` workers at once.

Nothing is refused here: a heavy request waits its turn as before (the read pools refuse, lookups'
reads included, each kind within its own capacity).

The other reads (``GET`` lists, pages, the network, exports: not ``/sparql`` or ``/store``, which have
capacities and workers of their own, nor writes) are served at most ``reads`` at once (``Settings.serving_reads``:
as many as the read workers). Each mostly waits for a read worker or for the server's interpreter lock; more
of them at once only contend for the two cores: at 100,000 documents, 16 clients and 8 of them at once, p99 was
94-101 ms for lookups, 201-218 ms for lists and 326-344 ms for pages; 4 at once, 76-86, 118-131 and 193-210,
with more requests served (``bench/bench_corpus_big.py``, alternated). The ones waiting for a thread here have
no deadline running yet.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from waitress.task import ThreadedTaskDispatcher

__all__ = ["is_lookup", "is_quick", "PriorityDispatcher", "Handout", "QUICK_THREADS"]

QUICK_THREADS = 2  # server threads beside the ``threads`` setting that only quick requests take
_OWN_CAPACITY = ("/sparql", "/store")  # the SPARQL protocols: their own capacities and workers
_READ_METHODS = frozenset({"GET", "HEAD"})

_LOOKUP = re.compile(r"/(?:api/(?:actors|places|events|documents)|id/[^/]+)/[^/]+/?\Z")
_QUICK = frozenset({"/-/health", "/-/stats"})
Item = TypeVar("Item")


def is_lookup(path: str) -> bool:
    """Whether ``path`` asks for one entity's record (``/api/<kind>s/<id>``, ``/id/<kind>/<id>``)."""
    return _LOOKUP.match(path) is not None


def is_quick(path: str) -> bool:
    """Whether ``path`` is a lookup, ``/-/health`` or ``/-/stats``: requests served ahead of the others."""
    return path in _QUICK or is_lookup(path)


def _served_request(task: Any) -> Any:
    """The request ``task`` will serve: a channel's first waiting request, else the task's own.

    Waitress hands the dispatcher the HTTPChannel, and re-queues it for a request read ahead while the previous
    one ran: ``channel.request`` is then None or the next, half-read one. Both its callers hold the channel's
    ``requests_lock`` around ``add_task``, so ``requests[0]`` is read as they left it (taking the lock here
    would deadlock).
    """
    requests = getattr(task, "requests", None)
    return requests[0] if requests else getattr(task, "request", None)


def _kind(task: Any) -> str:
    """``health``, ``quick``, ``read`` (another ``GET``, not of the SPARQL protocols) or ``other``: the queue of a
    waitress task (an error task, whose request did not parse, is an other)."""
    request = _served_request(task)
    path = getattr(request, "path", None)
    if not isinstance(path, str) or getattr(request, "error", None) is not None:
        return "other"
    if path == "/-/health":
        return "health"
    if is_quick(path):
        return "quick"
    read = getattr(request, "command", None) in _READ_METHODS and not path.startswith(_OWN_CAPACITY)
    return "read" if read else "other"


class PriorityDispatcher(ThreadedTaskDispatcher):
    """Waitress's server threads: ``/-/health`` first, then the other quick requests, then the others (the reads
    before the rest); the quick ones hold at most ``reserved`` threads and half the rest, the others all but
    ``reserved``, of which the reads at most ``reads``."""

    def __init__(self, threads: int, reserved: int, reads: int | None = None) -> None:
        """Start ``threads`` threads, ``reserved`` of which only quick requests may take when others wait; the reads
        hold at most ``reads`` at once (None: as many as the others)."""
        super().__init__()
        self.health: deque[Any] = deque()
        self.quick: deque[Any] = deque()
        self.reads: deque[Any] = deque()
        # a stream of lookups never holds every thread: the other requests, whose deadline starts only when a
        # thread takes them, always progress; nor do the reads (at most ``reads``) stop the writes and queries
        others = max(1, threads - reserved)
        self.limits = {"quick": max(1, reserved + (threads - reserved) // 2), "other": others,
                       "read": max(1, min(reads or others, others))}
        self.running = {"quick": 0, "other": 0, "read": 0}
        self.set_thread_count(threads)

    def add_task(self, task: Any) -> None:
        """Queue ``task`` behind the requests of its own kind and wake a thread for it."""
        with self.lock:
            self._waiting(_kind(task)).append(task)
            # One idle thread looks: every thread chooses alike (``_next``), so when the one woken cannot take a task
            # no other could, and a thread that ends a task looks again itself. (Woken all at once, every idle thread
            # looked for nothing as each request came and again as it ended: ~0.4 ms of CPU a /sparql point lookup,
            # half of the service's.)
            self.queue_cv.notify()

    def _waiting(self, kind: str) -> deque[Any]:
        """The queue of the requests of ``kind``."""
        if kind in ("health", "quick", "read"):
            return {"health": self.health, "quick": self.quick, "read": self.reads}[kind]
        return self.queue

    def _next(self) -> tuple[Any, str] | None:
        """The next task a free thread may take and its kind (the lock held), or None."""
        if self.health:  # reads nothing: never held back
            return self.health.popleft(), "health"
        for kind in ("quick", "read", "other"):
            waiting = self._waiting(kind)
            if waiting and self.running[kind] < self.limits[kind] and self._other_thread_free(kind):
                self.running[kind] += 1
                return waiting.popleft(), kind
        return None

    def _other_thread_free(self, kind: str) -> bool:
        """Whether a request of ``kind`` may take a thread as far as the others' limit goes (the reads are others)."""
        return kind == "quick" or self.running["read"] + self.running["other"] < self.limits["other"]

    def handler_thread(self, thread_no: int) -> None:
        """Serve tasks until told to stop (waitress's loop, with ``_next`` choosing the task)."""
        while True:
            with self.lock:
                found = self._next()
                while found is None and self.stop_count == 0:
                    self.active_count -= 1
                    self.queue_cv.wait()
                    self.active_count += 1
                    found = self._next()
                if self.stop_count > 0:
                    self._stop_thread(thread_no, found)
                    return
            assert found is not None
            task, kind = found
            try:
                task.service()
            except BaseException:
                self.logger.exception("Exception when servicing %r", task)
            finally:
                self._finished(kind)

    def _finished(self, kind: str) -> None:
        """A task of ``kind`` ended: a thread for its kind is free again."""
        if kind in self.running:
            with self.lock:
                self.running[kind] -= 1
                if self.health or self.quick or self.reads or self.queue:  # this thread takes one next; one more looks
                    self.queue_cv.notify()

    def _stop_thread(self, thread_no: int, found: tuple[Any, str] | None) -> None:
        """End this thread (the lock held), putting back a task it had just taken."""
        if found is not None:
            task, kind = found
            self._waiting(kind).appendleft(task)
            if kind in self.running:
                self.running[kind] -= 1
            self.queue_cv.notify()  # a thread that stays takes it
        self.active_count -= 1
        self.stop_count -= 1
        self.threads.discard(thread_no)
        self.thread_exit_cv.notify()

    def shutdown(self, cancel_pending: bool = True, timeout: int = 5) -> bool:
        """Stop the threads; the waiting tasks, quick ones included, are cancelled as waitress does."""
        with self.lock:
            for waiting in (self.reads, self.quick, self.health):
                self.queue.extendleft(reversed(waiting))
                waiting.clear()
        return super().shutdown(cancel_pending, timeout)


class Handout(Generic[Item]):
    """Idle items (a pool's workers) handed out to urgent takers first; the others hold at most ``limit`` at once."""

    def __init__(self, limit: int, rank: Callable[[Item], int] = lambda _: 0) -> None:
        """Hand out what is ``put``; takers that are not urgent hold at most ``limit`` items at once. An urgent
        taker gets the idle item of the lowest ``rank`` (a worker's niceness), another taker the highest."""
        self.limit, self.rank = max(1, limit), rank
        self._idle: list[Item] = []  # last in, first out: the warmest worker goes next
        self._urgent_waiting, self._others_held = 0, 0
        self._ready = threading.Condition()

    def put(self, item: Item) -> None:
        """Make ``item`` idle again (or new)."""
        with self._ready:
            self._idle.append(item)
            self._ready.notify_all()

    def take(self, urgent: bool, seconds: float) -> Item | None:
        """An idle item within ``seconds``, else None; an urgent taker goes before any other."""
        end = time.monotonic() + seconds
        with self._ready:
            self._urgent_waiting += urgent
            try:
                while not (self._idle and (urgent or (not self._urgent_waiting and self._others_held < self.limit))):
                    left = end - time.monotonic()
                    if left <= 0:
                        return None
                    self._ready.wait(left)
                self._others_held += not urgent
                return self._idle.pop(self._pick(urgent))
            finally:
                if urgent:  # the others may take what it leaves
                    self._urgent_waiting -= 1
                    self._ready.notify_all()

    def _pick(self, urgent: bool) -> int:
        """Where in the idle list the item for an ``urgent`` taker or another is: by rank, then the last put."""
        sign = 1 if urgent else -1
        return min(range(len(self._idle)), key=lambda at: (sign * self.rank(self._idle[at]), -at))

    def done(self, urgent: bool) -> None:
        """A taker (urgent or not, as it took) no longer holds its item: ``put`` it back or a replacement."""
        if not urgent:
            with self._ready:
                self._others_held -= 1
                self._ready.notify_all()
