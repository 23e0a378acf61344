"""Run SPARQL queries under a time limit: worker processes over read-only store snapshots.

pyoxigraph cannot stop a running query, and an aggregate over a cartesian product computes
everything before its first row. So queries do not run in the server process: a small pool
of worker processes (``api/sparql_worker.py``) evaluates them, each reading a read-only
snapshot of the store (a RocksDB checkpoint made with ``Store.backup``: hard links, cheap).
When a query runs past ``query_timeout_ms`` its worker is killed, which stops it for real,
a fresh worker takes its place and the client gets a 503; other clients are served by the
other workers meanwhile. The same happens as soon as the client goes away (waitress tells,
``api.limits.client_gone``), so nobody's abandoned query holds a worker. A worker that dies
(past its memory limit, ``worker_memory_mb``) is replaced the same way. Workers also keep an
in-memory copy of a small snapshot, where the engine is several times faster (``sparql_worker.Snapshot``).

Capacity: at most ``capacity`` requests are in here at once (running, or waiting for a worker,
which counts against the same time limit); any more is answered 503 with ``Retry-After`` at
once, so runaway queries never hold the server threads that ``/-/health``, REST and pages need.

Updates: ``vet`` runs an update job in a worker: read, refused or given its dataset, parsed and
run once on an empty store; then, in a second job under the same time limit, run on a private
writable copy of the store (a checkpoint like the snapshots, deleted afterwards), so an update
that would run away on the real data is stopped there and never reaches the store.
``apply_update`` then applies the vetted text on one server thread that cannot open network
sockets either (``api/no_network.py``), so no SPARQL a client sends ever runs where it could
fetch a URL.

Freshness: every write (``mark_written``, called after any successful write request) bumps a
generation; the next query makes a new snapshot, so a client always reads its own writes.
Snapshots no worker reads any more are deleted (``snapshot_root`` says where they live).
A store without a directory (in memory) cannot be snapshotted: its queries run in a thread,
answered with 503 at the deadline, but the evaluation itself then runs on to its end.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import hashlib
import logging
import math
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from api import sparql_execute, sparql_worker
from api.no_network import NetworkGuardUnavailable, deny_network
from api.priority import Handout
from api.sparql_execute import Answer
from graph.store import Store, TripleStore

__all__ = ["QueryRunner"]

log = logging.getLogger(__name__)
WORKER_SCRIPT = str(Path(sparql_worker.__file__).resolve())
STARTUP_SECONDS = 60.0  # a loaded machine can take seconds to start Python and import pyoxigraph
RETRY_AFTER_SECONDS = 1
# A query that waited most of its time limit for a worker still gets this long to run.
LEAST_RUN_SECONDS = 1.0
WATCH_SECONDS = 0.1  # how often a waiting request looks whether its client is still there


def snapshot_root(data_dir: Path, purpose: str = "sparql") -> Path:
    """Where the snapshots of the store in ``data_dir`` for one runner (``purpose``) go: the temp
    directory when it is on the same file system (snapshots are hard links, which cannot cross file
    systems), else beside the store. The name depends on the store's path, so a restarted server
    finds and clears what a killed one left."""
    tag = hashlib.sha256(str(data_dir).encode()).hexdigest()[:12]
    temp = Path(tempfile.gettempdir())
    if os.stat(temp).st_dev == os.stat(data_dir.parent).st_dev:
        return temp / f"conflictkg-{purpose}-{data_dir.name}-{tag}"
    return data_dir.parent / f".{data_dir.name}-{purpose}-snapshots"


class _Worker:
    """One worker process and the snapshot it last opened."""

    def __init__(self, memory_mb: int, niceness: int, copy_to_memory: bool) -> None:
        self.process = subprocess.Popen(
            [sys.executable, WORKER_SCRIPT, str(memory_mb), str(niceness), str(int(copy_to_memory))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
            env={**os.environ, "RUST_BACKTRACE": "0"},  # an engine abort prints one line, not 30
        )
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None  # both are pipes
        self.to_worker, self.from_worker = stdin, stdout
        self.snapshot: str | None = None
        self.started, self.niceness = False, niceness

    def ask(self, job: dict[str, Any], seconds: float, gone: Callable[[], bool]) -> Answer | None:
        """Send ``job``; return the answer, or ``None`` if none came within ``seconds`` or ``gone()`` said
        the client left (the caller then stops this worker).

        A new worker's start-up (it says when it is ready) does not count against the limit.
        """
        if not self.started:
            if self._receive(STARTUP_SECONDS, gone) is None:
                if gone():
                    return None
                raise RuntimeError("query worker did not start")
            self.started = True
        sparql_worker.write_frame(self.to_worker, job)
        if "reads" not in job:
            return self._receive(seconds, gone)
        return self._batch(len(job["reads"]), time.monotonic() + seconds, gone)

    def _batch(self, parts: int, deadline: float, gone: Callable[[], bool]) -> Answer | None:
        """The answers to a batch of ``parts`` reads, which the worker sends one by one (the first that fails ends
        them): their bodies one after another, their lengths in ``header['sizes']``; or the first failure."""
        bodies = []
        for _ in range(parts):
            answer = self._receive(deadline - time.monotonic(), gone)
            if answer is None or answer[0]["status"] != 200:
                return answer
            bodies.append(answer[1])
        return {"status": 200, "sizes": [len(body) for body in bodies]}, b"".join(bodies)

    def _receive(self, seconds: float, gone: Callable[[], bool] = lambda: False) -> Answer | None:
        """The worker's next answer, or None if none came within ``seconds`` or ``gone()`` said the client left.

        Waits with ``poll``, not ``select``: ``select`` takes no descriptor past 1023, and a server whose store keeps
        a thousand files open (RocksDB's tables) gets its pipes to new workers numbered past it, so every read
        failed as a stopped worker (503); a test run that left stores open met it too."""
        deadline = time.monotonic() + seconds
        waiting = select.poll()
        waiting.register(self.from_worker, select.POLLIN)
        while not waiting.poll(math.ceil(min(WATCH_SECONDS, max(0.0, seconds)) * 1000)):
            seconds = deadline - time.monotonic()
            if seconds <= 0 or gone():
                return None
        answer = sparql_worker.read_frame(self.from_worker)
        if answer is None:
            raise RuntimeError(f"query worker exited with {self.process.wait()}")
        return answer

    def kill(self) -> None:
        """Stop the process now, whatever it is doing, and close the pipes to it."""
        self.process.kill()
        self.process.wait()
        self.to_worker.close()
        self.from_worker.close()


class QueryRunner:
    """Evaluates queries for ``/sparql`` with a time limit, a row cap and fresh snapshots."""

    def __init__(  # noqa: PLR0913 (each is a documented setting)
        self, store: TripleStore, timeout_ms: int, max_rows: int, workers: int = 2, memory_mb: int = 384,
        capacity: int = 0, purpose: str = "sparql", niceness: int = 10, copy_to_memory: bool = True,
        reserved: tuple[int, int] = (0, 0),
    ):
        """Use ``store`` (queries run here for the embedded store only); start ``workers`` processes if it is on disk.

        ``memory_mb`` caps each worker's heap; ``capacity`` (default ``workers``) is how many
        requests that are not urgent may be running or waiting here at once; ``purpose`` names the runner's own
        snapshot directory (``snapshot_root``); ``niceness`` is added to the workers' (10 by
        default: a runaway query never slows the server's own threads); ``copy_to_memory`` lets
        the workers copy a small snapshot into memory (``sparql_worker.Snapshot``). ``reserved`` is
        (how many, their niceness): workers that urgent jobs take first and that the others never hold
        all of (``api.priority.Handout``), at their own niceness.
        """
        self.store, self.timeout, self.max_rows, self.memory_mb = store, timeout_ms / 1000, max_rows, memory_mb
        self.niceness, self.copy_to_memory, self.reserved = niceness, copy_to_memory, reserved
        self._slots = threading.BoundedSemaphore(max(capacity, workers))
        self._urgent_slots = threading.BoundedSemaphore(max(capacity, workers))  # others never crowd them out
        self._guarded = concurrent.futures.ThreadPoolExecutor(1, "sparql-update", initializer=deny_network)
        path = store.path if isinstance(store, Store) else None
        self._root: Path | None = None
        self._lock = threading.Lock()
        self._generation, self._snapshot_generation, self._current, self._serial = 0, -1, "", 0
        self._trials: set[str] = set()  # writable copies that updates are being tried on
        # urgent jobs take the least niced idle worker, the others the most niced
        self._idle: Handout[_Worker] = Handout(workers - reserved[0], rank=lambda worker: worker.niceness)
        self._all: set[_Worker] = set()
        self._threads: concurrent.futures.ThreadPoolExecutor | None = None
        self._workers, self._started = workers, False
        if path is None:
            self._threads = concurrent.futures.ThreadPoolExecutor(workers, "sparql", initializer=deny_network)
        else:
            self._root = snapshot_root(Path(path).resolve(), purpose)

    def mark_written(self) -> None:
        """Record that the store changed: the next query reads a new snapshot."""
        with self._lock:
            self._generation += 1

    def run(
        self, job: dict[str, Any], gone: Callable[[], bool] = lambda: False, deadline: float | None = None,
        urgent: bool = False,
    ) -> Answer:
        """Evaluate ``job`` (see ``sparql_execute.execute``) and return (header, body).

        A worker whose client has left (``gone()``) is stopped, like one past the time limit, which
        is ``deadline`` (a ``time.monotonic()`` value) when given, else the runner's ``timeout_ms`` from now.
        An ``urgent`` job takes the next free worker before any other job; the urgent jobs have a capacity of
        their own, as large (one more is refused at once, as the others are).
        """
        slots = self._urgent_slots if urgent else self._slots
        if not slots.acquire(blocking=False):
            return self._busy()
        try:
            job = {**job, "max_rows": self.max_rows}
            if self._threads is not None:
                return self._run_in_thread(job)
            return self._run_in_worker(job, gone, deadline or time.monotonic() + self.timeout, urgent)
        finally:
            slots.release()

    def vet(self, update: str, base_iri: str, using: list[str], using_named: list[str]) -> Answer:
        """Vet an update in a worker, then try it on a copy of the store (an on-disk one); a 200 header
        carries the text to apply as ``header['update']``."""
        vetted = self.run({"update": update, "base_iri": base_iri, "using": using, "using_named": using_named})
        if vetted[0]["status"] != 200 or self._root is None:
            return vetted
        tried = self.run({"try_update": vetted[0]["update"]})
        return vetted if tried[0]["status"] == 200 else tried

    def apply_update(self, apply: Callable[[str], None], update: str) -> None:
        """Call ``apply(update)`` on the server thread that cannot reach the network; raise what it raises.

        Raises:
            NetworkGuardUnavailable: that thread could not be confined, so nothing was applied.
        """
        try:
            self._guarded.submit(apply, update).result()
        except concurrent.futures.BrokenExecutor as err:
            raise NetworkGuardUnavailable(f"the update thread could not be confined: {err}") from None

    def _run_in_worker(self, job: dict[str, Any], gone: Callable[[], bool], deadline: float, urgent: bool) -> Answer:
        if gone():  # nobody will read the answer
            return self._timeout(job)
        self._start()
        worker = self._idle_worker(gone, deadline, urgent)
        if worker is None:
            return self._busy()
        try:
            return self._ask(worker, job, gone, deadline)
        finally:
            self._idle.done(urgent)

    def _ask(self, worker: _Worker, job: dict[str, Any], gone: Callable[[], bool], deadline: float) -> Answer:
        """``worker``'s answer to ``job``; a worker that fails or runs past ``deadline`` is replaced."""
        left = max(deadline - time.monotonic(), min(LEAST_RUN_SECONDS, self.timeout))
        try:
            if "try_update" in job:
                job["copy"] = self._trial_copy()
            elif "update" not in job:
                job["snapshot"] = self._snapshot(worker)
            answer = worker.ask(job, left, gone)
        except Exception as err:
            log.warning("query worker stopped: %s", err)
            self._replace(worker)
            return {"status": 503, "detail": (
                f"The query stopped its worker: it needed more than the worker's memory limit of {self.memory_mb} MB "
                "(worker_memory_mb), or more than the engine can take. Make it more selective or add a LIMIT."
            )}, b""
        finally:
            self._drop_trial(job.get("copy"))
        if answer is None:
            self._replace(worker)
            return self._timeout(job)
        self._idle.put(worker)
        return answer

    def worker_pids(self) -> set[int]:
        """The process ids of the live worker processes."""
        with self._lock:
            return {worker.process.pid for worker in self._all}

    def _idle_worker(self, gone: Callable[[], bool], deadline: float, urgent: bool) -> _Worker | None:
        """The next idle worker for an ``urgent`` job or not, or ``None`` once ``deadline`` has passed or the client
        has gone."""
        while True:
            worker = self._idle.take(urgent, min(WATCH_SECONDS, max(0.0, deadline - time.monotonic())))
            if worker is not None:
                return worker
            if time.monotonic() >= deadline or gone():
                return None

    def _busy(self) -> Answer:
        detail = "Every query worker is busy; try again in a moment (long queries hold them: make them selective)."
        return {"status": 503, "detail": detail, "retry_after": RETRY_AFTER_SECONDS}, b""

    def close(self) -> None:
        """Stop every worker (closing the pipes to it) and remove the snapshots; at exit, once is enough."""
        atexit.unregister(self.close)  # which would keep the runner, its store and its workers' pipes until then
        self._guarded.shutdown(wait=False)
        if self._threads is not None:
            self._threads.shutdown(wait=False)
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)

    def _timeout(self, job: dict[str, Any]) -> Answer:
        if "update" in job or "try_update" in job:
            what, advice = "update ran", "stopped before it changed anything; make its WHERE more selective."
        else:
            what, advice = "query ran", "stopped; make it more selective or add a LIMIT."
        limit = f"the time limit of {int(self.timeout * 1000)} ms (query_timeout_ms)"
        detail = f"The {what} past {limit} and was {advice}"
        return {"status": 503, "detail": detail, "timeout": True}, b""

    @property
    def _embedded(self) -> Store:
        """The store queries and trial updates run on: embedded (a remote store answers /sparql itself)."""
        assert isinstance(self.store, Store)
        return self.store

    def _run_in_thread(self, job: dict[str, Any]) -> Answer:
        assert self._threads is not None
        store = ox.Store() if "update" in job else self._embedded.oxigraph
        try:
            future = self._threads.submit(sparql_execute.execute, store, job)
            return future.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            return self._timeout(job)
        except concurrent.futures.BrokenExecutor as err:
            return {"status": 503, "detail": f"SPARQL is disabled on this system: {err}"}, b""

    def _start(self) -> None:
        """Start the workers on the first query (an app that is never queried starts none)."""
        with self._lock:
            if self._started:
                return
            self._started = True
            assert self._root is not None
            shutil.rmtree(self._root, ignore_errors=True)  # left by a server that was killed
            self._root.mkdir(parents=True, mode=0o700)
            atexit.register(self.close)
        for number in range(self._workers):
            self._add_worker(self.reserved[1] if number < self.reserved[0] else self.niceness)

    def _add_worker(self, niceness: int) -> None:
        worker = _Worker(self.memory_mb, niceness, self.copy_to_memory)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        self._add_worker(worker.niceness)
        self._collect()

    def _snapshot(self, worker: _Worker) -> str:
        """The directory of a snapshot at least as new as the last write; ``worker`` will read it."""
        with self._lock:
            if self._snapshot_generation == self._generation:
                worker.snapshot = self._current
                return self._current
            generation = self._generation
            self._serial += 1
            assert self._root is not None  # set for a store on disk, the only kind with snapshots
            path = str(self._root / f"snapshot-{self._serial}")
            self._embedded.backup(path)  # under the store's write lock: no write races the checkpoint
            self._current, self._snapshot_generation = path, generation
            worker.snapshot = path
        self._collect()
        return path

    def _trial_copy(self) -> str:
        """A new writable copy of the store (a checkpoint) for one update to be tried on."""
        assert self._root is not None
        with self._lock:
            self._serial += 1
            path = str(self._root / f"trial-{self._serial}")
            self._trials.add(path)
        self._embedded.backup(path)
        return path

    def _drop_trial(self, path: str | None) -> None:
        if path is not None:
            shutil.rmtree(path, ignore_errors=True)
            with self._lock:
                self._trials.discard(path)

    def _collect(self) -> None:
        """Delete the snapshots that are neither current nor open in a worker."""
        if self._root is None:
            return
        with self._lock:
            keep = {self._current} | {w.snapshot for w in self._all} | self._trials
            for entry in self._root.iterdir():
                if str(entry) not in keep:
                    shutil.rmtree(entry, ignore_errors=True)
