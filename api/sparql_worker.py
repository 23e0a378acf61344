"""A worker process: evaluates the jobs the runner sends it (``api/sparql_execute.py``) on a store snapshot.

``api/sparql_runner.py`` starts workers as ``python api/sparql_worker.py MEMORY_MB NICENESS COPY_TO_MEMORY``, each
reading a read-only snapshot of the store (and, for a small store, an in-memory copy of it: see ``Snapshot``), so
that a query past the time limit can be stopped by killing its process. A worker can neither reach the network (a
seccomp filter, ``api/no_network.py``: ``SERVICE`` and ``LOAD`` fail whatever the text check missed) nor use more
than MEMORY_MB of heap (``RLIMIT_DATA``: the engine aborts, the runner answers 503 and starts a fresh worker). This
file therefore imports only the standard library, pyoxigraph and its standard-library-only siblings (a worker
starts in ~50 ms).

Wire format on stdin/stdout: one frame per job, and one per answer (a batch of reads, ``job['reads']``, has one
answer per read, sent as each is ready, and none after the first that fails): 4-byte big-endian length + JSON
header, then 4-byte length + raw body bytes.
"""

from __future__ import annotations

import json
import os
import resource
import struct
import sys
import threading
from collections.abc import Iterable
from typing import IO, Any

import pyoxigraph as ox

if __package__:
    from api.no_network import NetworkGuardUnavailable, deny_network
    from api.sparql_execute import Answer, answers, execute
else:  # run as a script: api/ itself is sys.path[0]
    from no_network import NetworkGuardUnavailable, deny_network  # type: ignore[no-redef]
    from sparql_execute import Answer, answers, execute  # type: ignore[no-redef]

__all__ = ["read_frame", "write_frame", "main", "Snapshot", "memory_copy_max_quads"]

# Making an in-memory copy takes ~1,300 bytes a quad at its peak (the N-Quads dump, the parser, the
# new store; measured at 256 and 384 MB limits) on top of ~128 MB for the engine, the RocksDB
# snapshot and Python. A copy may take half of what is left of the worker's memory limit; larger
# stores are read from the RocksDB snapshot.
BYTES_PER_COPIED_QUAD = 1300
FIXED_MB = 128
SETTLE_SECONDS = 1.0
_COPYING = threading.Lock()  # held by the snapshot being copied into memory


def memory_copy_max_quads(memory_mb: int) -> int:
    """The largest snapshot (in quads) a worker limited to ``memory_mb`` copies into memory."""
    return (max(0, memory_mb - FIXED_MB) << 20) // (2 * BYTES_PER_COPIED_QUAD)


def write_frame(stream: IO[bytes], header: dict[str, Any], body: bytes = b"") -> None:
    """Write one (JSON header, body) frame to ``stream`` and flush it."""
    head = json.dumps(header).encode()
    stream.write(struct.pack(">I", len(head)) + head + struct.pack(">I", len(body)) + body)
    stream.flush()


def read_frame(stream: IO[bytes]) -> tuple[dict[str, Any], bytes] | None:
    """Read one frame from ``stream``; ``None`` at end of stream."""
    head = _read_exactly(stream, 4)
    if head is None:
        return None
    header = json.loads(_read_exactly(stream, struct.unpack(">I", head)[0]) or b"{}")
    size = struct.unpack(">I", _read_exactly(stream, 4) or b"\0\0\0\0")[0]
    return header, _read_exactly(stream, size) or b""


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the server dies, even in the middle of a query."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the worker still exits when its stdin closes


class Snapshot:
    """A read-only store snapshot, copied into memory in the background when it is small.

    Queries on the RocksDB snapshot are answered at once; once the snapshot has stayed current for
    ``SETTLE_SECONDS`` (writes in a burst each make a new one), a thread copies it into an
    in-memory store, where the engine evaluates joins and aggregates several times faster, and
    later queries use that copy. Larger stores than ``max_copied_quads`` stay on disk only.
    A superseded snapshot's thread ends at once, so a burst of writes never keeps a pile of
    opened snapshots (and their threads) alive against the worker's memory limit.
    """

    def __init__(self, path: str, max_copied_quads: int):
        """Open the snapshot in directory ``path``; copy it into memory unless ``max_copied_quads`` is 0."""
        self.path, self.max_copied_quads = path, max_copied_quads
        self.disk = ox.Store.read_only(path)
        self.memory: ox.Store | None = None
        self._superseded = threading.Event()
        if max_copied_quads:
            threading.Thread(target=self._copy_to_memory, daemon=True).start()

    @property
    def superseded(self) -> bool:
        """Whether a newer snapshot replaced this one."""
        return self._superseded.is_set()

    @superseded.setter
    def superseded(self, value: bool) -> None:
        if value:
            self._superseded.set()

    @property
    def store(self) -> ox.Store:
        """The fastest store holding this snapshot's data."""
        return self.memory if self.memory is not None else self.disk

    def _copy_to_memory(self) -> None:
        try:
            if self._superseded.wait(SETTLE_SECONDS) or len(self.disk) > self.max_copied_quads:
                return
            # One copy at a time: two at once (a superseded snapshot's copy still running) could
            # pass the worker's heap limit.
            with _COPYING:
                if self.superseded:
                    return
                dump = self.disk.dump(format=ox.RdfFormat.N_QUADS)
                memory = ox.Store()
                # parse() keeps blank node labels (Store.load would rename them), so answers from the
                # copy are the same, label for label, as from the disk snapshot. Not bulk_extend: its
                # loader takes ~200 MB whatever the size, which killed 384 MB workers from ~130,000 quads.
                memory.extend(ox.parse(dump, format=ox.RdfFormat.N_QUADS))
            if not self.superseded:
                self.memory = memory
        except Exception as err:  # the disk snapshot keeps answering
            print(f"sparql worker: no in-memory copy of {self.path}: {err}", file=sys.stderr)


def _confine(memory_mb: int, niceness: int) -> str | None:
    """Take the network away, cap the heap, yield the CPU; return why the network guard failed, if it did."""
    os.nice(niceness)
    resource.setrlimit(resource.RLIMIT_DATA, (memory_mb << 20, memory_mb << 20))
    try:
        deny_network()
    except NetworkGuardUnavailable as err:
        return str(err)
    return None


class _Latest:
    """The snapshot the last job named, opened once for the jobs that name it after."""

    def __init__(self, max_copied_quads: int):
        self.max_copied_quads = max_copied_quads
        self.current: Snapshot | None = None

    def store(self, path: str) -> ox.Store:
        """The store of the snapshot in ``path`` (a new one supersedes the one before)."""
        if self.current is None or path != self.current.path:
            if self.current is not None:
                self.current.superseded = True
            self.current = None
            self.current = Snapshot(path, self.max_copied_quads)
        return self.current.store


def _answers(job: dict[str, Any], unguarded: str | None, latest: _Latest) -> Iterable[Answer]:
    """The answers to ``job`` (``sparql_execute.answers``), on the store it asks for."""
    # fail closed: user SPARQL never runs where it could reach the network (the service's own reads and
    # graph reads are not user SPARQL)
    if unguarded and not {"read", "reads", "construct"} & job.keys():
        return [({"status": 503, "detail": f"SPARQL is disabled on this system: {unguarded}"}, b"")]
    if "update" in job:
        return [execute(ox.Store(), job)]
    if "try_update" in job:  # the copy is closed before the answer leaves, since the runner then deletes it
        return [execute(ox.Store(job["copy"]), job)]
    return answers(latest.store(job["snapshot"]), job)


def main(argv: list[str] | None = None) -> int:
    """Serve jobs from stdin until it closes; a query job names the snapshot directory to read."""
    memory_mb, niceness, copy_to_memory = (int(arg) for arg in (argv or sys.argv)[1:4])
    _die_with_parent()
    unguarded = _confine(memory_mb, niceness)
    latest = _Latest(memory_copy_max_quads(memory_mb) if copy_to_memory else 0)
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    write_frame(out, {"ready": True})
    while (frame := read_frame(inp)) is not None:
        try:
            for header, body in _answers(frame[0], unguarded, latest):
                write_frame(out, header, body)  # each answer of a batch leaves before the next is read
                del header, body  # ... and is freed: the heap holds one answer at a time
        except Exception as err:  # a worker answers every job, whatever happens
            write_frame(out, {"status": 500, "detail": f"The query worker failed: {err}"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
