"""Evaluate one SPARQL query (or vet one update) and serialise its answer; also a worker process.

``execute(store, job)`` is the whole evaluation: it reads the text (``api/sparql_text.py``:
``SERVICE``/``LOAD`` and pathological nesting get a 400 before the engine sees them), runs the
query on a pyoxigraph store, keeps at most ``max_rows`` solutions (or triples) and returns the
answer body in the negotiated format. An update job is vetted instead: read, given the
protocol's dataset, then parsed and run once on an empty in-memory store, so that a text that
would crash the engine does so here, not in the server that applies it afterwards. A vetted
update is then tried (``try_update``) on a throw-away copy of the store (``job['copy']``, a
checkpoint the runner made), so that one that would run past the time limit on the real data
is stopped here too.

``api/sparql_runner.py`` calls it inside worker processes started as
``python api/sparql_worker.py MEMORY_MB NICENESS COPY_TO_MEMORY``, each reading a read-only snapshot of the store (and,
for a small store, an in-memory copy of it: see ``Snapshot``), so that a query past the time
limit can be stopped by killing its process. A worker can neither reach the network (a seccomp
filter, ``api/no_network.py``: ``SERVICE`` and ``LOAD`` fail whatever the text check missed) nor
use more than MEMORY_MB of heap (``RLIMIT_DATA``: the engine aborts, the runner answers 503 and
starts a fresh worker). This file therefore imports only the standard library, pyoxigraph and
its two standard-library-only siblings (a worker starts in ~50 ms).

Wire format on stdin/stdout, one frame per job and per answer: 4-byte big-endian length +
JSON header, then 4-byte length + raw body bytes.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import resource
import struct
import sys
import threading
from typing import IO, Any, cast

import pyoxigraph as ox

if __package__:
    from api.no_network import NetworkGuardUnavailable, deny_network
    from api.sparql_text import add_using, analyse, refusal
else:  # run as a script: api/ itself is sys.path[0]
    from no_network import NetworkGuardUnavailable, deny_network  # type: ignore[no-redef]
    from sparql_text import add_using, analyse, refusal  # type: ignore[no-redef]

__all__ = ["execute", "read_frame", "write_frame", "main", "Snapshot", "memory_copy_max_quads"]

# Making an in-memory copy takes ~1,300 bytes a quad at its peak (the N-Quads dump, the parser, the
# new store; measured at 256 and 384 MB limits) on top of ~128 MB for the engine, the RocksDB
# snapshot and Python. A copy may take half of what is left of the worker's memory limit; larger
# stores are read from the RocksDB snapshot.
BYTES_PER_COPIED_QUAD = 1300
FIXED_MB = 128
# pyoxigraph's result serialisers fail past a 16 MiB buffer (after seconds of work); a row that long
# is refused before they start.
MAX_LINE_CHARS = 15 << 20
SETTLE_SECONDS = 1.0
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_COPYING = threading.Lock()  # held by the snapshot being copied into memory


def memory_copy_max_quads(memory_mb: int) -> int:
    """The largest snapshot (in quads) a worker limited to ``memory_mb`` copies into memory."""
    return (max(0, memory_mb - FIXED_MB) << 20) // (2 * BYTES_PER_COPIED_QUAD)


def execute(store: ox.Store, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run ``job['query']`` on ``store`` (or vet ``job['update']``, try ``job['try_update']``, read
    ``job['read']`` or build ``job['construct']``); return (header, body)."""
    if "read" in job:
        return _read(store, job)
    if "reads" in job:
        return _reads(store, job)
    if "construct" in job:
        return _construct(store, job)
    if "update" in job:
        return _vet_update(job)
    if "try_update" in job:
        return _try_update(store, job["try_update"])
    return _query(store, job)


def _query(store: ox.Store, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run a client's query, ``job['query']``, on its dataset; the answer in the negotiated format."""
    analysis = analyse(job["query"])
    refused = refusal(analysis)
    if refused:
        return {"status": 400, "detail": refused}, b""
    if job.get("default_graph") is None and job.get("named_graphs") is None:
        job = {**job, "union": not analysis.has_from}
    try:
        result = store.query(job["query"], base_iri=job.get("base_iri"), **_dataset(job))
        if isinstance(result, ox.QueryBoolean):
            return _boolean(result, job)
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, job)
        return _triples(result, job)
    except SyntaxError as err:
        return {"status": 400, "detail": f"The query does not parse: {err}"}, b""
    except ValueError as err:
        return {"status": 400, "detail": f"The query cannot be evaluated: {err}"}, b""
    except PermissionError as err:  # the network guard stopped a fetch
        return {"status": 400, "detail": f"The query tried to reach the network, which is refused: {err}"}, b""
    except MemoryError as err:  # a value past the serialisers' 16 MiB buffer, or the worker's heap limit
        detail = f"The answer is too large to build ({err}); select less, or shorter values (SUBSTR)."
        return {"status": 400, "detail": detail}, b""
    except OSError as err:
        return {"status": 500, "detail": f"The store failed to evaluate the query: {err}"}, b""


def _read(store: ox.Store, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one of the service's own SELECTs (``job['read']``) on the graph ``job['graph']``; the body is
    JSON ``{"vars": [...], "rows": [[cell, ...], ...]}`` where a cell is null (unbound), a string (an
    IRI, a blank node or a plain string) or ``[lexical form, datatype IRI]`` (any other literal)."""
    try:
        result = store.query(job["read"], default_graph=ox.NamedNode(job["graph"]))
    except (SyntaxError, ValueError, OSError) as err:
        return {"status": 500, "detail": f"The store failed to read: {err}"}, b""
    if not isinstance(result, ox.QuerySolutions):
        return {"status": 500, "detail": "a read is a SELECT query"}, b""
    width = range(len(result.variables))
    rows = [[_cell(solution[i]) for i in width] for solution in result]
    body = json.dumps({"vars": [v.value for v in result.variables], "rows": rows}, ensure_ascii=False)
    return {"status": 200}, body.encode()


def _reads(store: ox.Store, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run several of the service's own SELECTs (``job['reads']``) in one go, as ``_read`` runs one: the body is
    their answers one after another, their lengths in ``header['sizes']`` (one round trip for an entity's reads)."""
    bodies = []
    for text in job["reads"]:
        header, body = _read(store, {"read": text, "graph": job["graph"]})
        if header["status"] != 200:
            return header, b""
        bodies.append(body)
    return {"status": 200, "sizes": [len(body) for body in bodies]}, b"".join(bodies)


def _construct(store: ox.Store, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one of the service's own CONSTRUCTs (``job['construct']``) on the graph ``job['graph']`` (the named
    graphs reachable with GRAPH); the body is its triples in ``job['graph_format']``, named in the header."""
    fmt = ox.RdfFormat.from_media_type(job["graph_format"])
    if fmt is None:  # known before anything is read
        return {"status": 500, "detail": f"a graph read is in an RDF format, not {job['graph_format']!r}"}, b""
    try:
        result = store.query(job["construct"], default_graph=ox.NamedNode(job["graph"]))
        if not isinstance(result, ox.QueryTriples):
            return {"status": 500, "detail": "a graph read is a CONSTRUCT query"}, b""
        return {"status": 200, "media_type": fmt.media_type.split(";")[0]}, _serialized(result.serialize(format=fmt))
    except (SyntaxError, ValueError, OSError) as err:
        return {"status": 500, "detail": f"The store failed to read: {err}"}, b""


def _cell(term: Any) -> Any:
    if term is None or type(term) is not ox.Literal:
        return term if term is None else term.value
    datatype = term.datatype.value
    return term.value if datatype == _XSD_STRING else [term.value, datatype]


def _vet_update(job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Read an update, add the protocol's dataset, and run it once on an empty store.

    Answers 200 with the text to apply (``header['update']``), or the 400 that explains why not.
    Only a parse error or a refused fetch counts: an operation that fails on an empty store
    ('DROP GRAPH' of a graph that exists only in the real one) is left for the real store.
    """
    text, using, using_named = job["update"], job.get("using") or [], job.get("using_named") or []
    analysis = analyse(text)
    refused = refusal(analysis)
    if refused:
        return {"status": 400, "detail": refused}, b""
    if (using or using_named) and analysis.has_using_or_with:
        return {"status": 400, "detail": "Give the dataset either by using-graph-uri/using-named-graph-uri "
                "or by USING/WITH."}, b""
    if using or using_named:
        text = add_using(text, using, using_named)
    # The endpoint is the base IRI of relative IRIs (a later BASE in the text overrides it).
    text = f"BASE <{job['base_iri']}>\n{text}"
    try:
        ox.Store().update(text)
    except SyntaxError as err:
        return {"status": 400, "detail": f"The update does not parse: {err}"}, b""
    except PermissionError as err:
        return {"status": 400, "detail": f"The update tried to reach the network, which is refused: {err}"}, b""
    except Exception:  # noqa: S110 (on the real store it may succeed: 'DROP GRAPH' of a graph that exists there)
        pass
    return {"status": 200, "update": text}, b""


def _try_update(copy: ox.Store, text: str) -> tuple[dict[str, Any], bytes]:
    """Run a vetted update on ``copy``, a store to throw away: 200 once it has finished, whatever it did
    (an error it raises, the real store raises in its own words)."""
    with contextlib.suppress(Exception):
        copy.update(text)
    return {"status": 200}, b""


def _dataset(job: dict[str, Any]) -> dict[str, Any]:
    """pyoxigraph keyword arguments for the protocol dataset, or the union default graph."""
    default, named = job.get("default_graph"), job.get("named_graphs")
    if default is None and named is None:
        return {"use_default_graph_as_union": bool(job.get("union"))}
    return {
        "default_graph": [ox.NamedNode(g) for g in default or []],
        "named_graphs": [ox.NamedNode(g) for g in named or []],
    }


def _serialized(body: bytes | None) -> bytes:
    # pyoxigraph's serialisers return bytes when given no output file; their stubs say ``bytes | None``.
    # (This worker runs as a script with api/ alone on its path, so graph.store.as_bytes is out of reach.)
    return cast(bytes, body)


def _not_acceptable(kind: str) -> tuple[dict[str, Any], bytes]:
    return {"status": 406, "detail": f"None of the media types in the Accept header can carry {kind}."}, b""


def _boolean(result: ox.QueryBoolean, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    media_type = job.get("results_format")
    if not media_type:
        return _not_acceptable("an ASK result")
    body = _serialized(result.serialize(format=ox.QueryResultsFormat.from_media_type(media_type)))
    return {"status": 200, "media_type": media_type, "truncated": False}, body


def _solutions(result: ox.QuerySolutions, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    media_type = job.get("results_format")
    if not media_type:
        return _not_acceptable("SELECT results")
    max_rows = job["max_rows"]
    variables = result.variables
    # Pulling at most max_rows + 1 solutions stops a streaming evaluation right there.
    rows = list(itertools.islice(result, max_rows + 1))
    truncated = len(rows) > max_rows
    # The kept rows go back through TSV (terms in N-Triples syntax) so that every output
    # format is written by pyoxigraph's own serialisers.
    lines = ["\t".join(str(v) for v in variables)]
    width = range(len(variables))
    lines.extend("\t".join("" if row[i] is None else str(row[i]) for i in width) for row in rows[:max_rows])
    if any(len(line) > MAX_LINE_CHARS for line in lines):  # the serialisers would spend seconds, then fail
        raise MemoryError(f"a row is longer than {MAX_LINE_CHARS} characters")
    kept = ox.parse_query_results(("\n".join(lines) + "\n").encode(), format=ox.QueryResultsFormat.TSV)
    body = _serialized(kept.serialize(format=ox.QueryResultsFormat.from_media_type(media_type)))
    if truncated and media_type == "application/sparql-results+json" and body.startswith(b"{"):
        body = b'{"truncated":true,' + body[1:]
    return {"status": 200, "media_type": media_type, "truncated": truncated}, body


def _triples(result: ox.QueryTriples, job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    media_type = job.get("graph_format")
    if not media_type:
        return _not_acceptable("an RDF graph")
    max_rows = job["max_rows"]
    triples = list(itertools.islice(result, max_rows + 1))
    body = _serialized(ox.serialize(triples[:max_rows], format=ox.RdfFormat.from_media_type(media_type)))
    return {"status": 200, "media_type": media_type, "truncated": len(triples) > max_rows}, body


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


def main(argv: list[str] | None = None) -> int:
    """Serve jobs from stdin until it closes; a query job names the snapshot directory to read."""
    memory_mb, niceness, copy_to_memory = (int(arg) for arg in (argv or sys.argv)[1:4])
    max_copied_quads = memory_copy_max_quads(memory_mb) if copy_to_memory else 0
    _die_with_parent()
    unguarded = _confine(memory_mb, niceness)
    current: Snapshot | None = None
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    write_frame(out, {"ready": True})
    while (frame := read_frame(inp)) is not None:
        job = frame[0]
        try:
            # fail closed: user SPARQL never runs where it could reach the network (the service's own reads and
            # graph reads are not user SPARQL)
            if unguarded and not {"read", "reads", "construct"} & job.keys():
                header, body = {"status": 503, "detail": f"SPARQL is disabled on this system: {unguarded}"}, b""
            elif "update" in job:
                header, body = execute(ox.Store(), job)
            elif "try_update" in job:
                header, body = execute(ox.Store(job["copy"]), job)
            else:
                if current is None or job["snapshot"] != current.path:
                    if current is not None:
                        current.superseded = True
                    current = None
                    current = Snapshot(job["snapshot"], max_copied_quads)
                header, body = execute(current.store, job)
        except Exception as err:  # a worker answers every job, whatever happens
            header, body = {"status": 500, "detail": f"The query worker failed: {err}"}, b""
        write_frame(out, header, body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
