"""The store interface (``TripleStore``), its errors and its write hook, shared by the embedded and remote stores.

Everything outside ``graph.store`` types a store as ``TripleStore``; only what needs the
embedded engine itself (SPARQL workers on a checkpoint, the Graph Store's dumps) asks for
``graph.store.embedded.Store``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from rdflib import Graph

__all__ = ["TripleStore", "StoreError", "ReadTimeout", "NotAcceptable", "Listeners", "writes"]

P = ParamSpec("P")
R = TypeVar("R")


class StoreError(Exception):
    """The store failed (remote server down, bad answer); the message is one line for the user."""


class ReadTimeout(StoreError):
    """A read passed its deadline."""


class NotAcceptable(StoreError):
    """No media type of the request's Accept header can carry this kind of result."""


class Listeners:
    """Callbacks a store runs together at one kind of moment: ``on_write`` after every write, ``on_close`` at close."""

    def __init__(self) -> None:
        """Start with no callback."""
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def add(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (no arguments) at each ``notify`` from now on."""
        with self._lock:
            self._callbacks.append(callback)

    def discard(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` no more (added once, removed once; nothing if it was not added)."""
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

    def notify(self) -> None:
        """Run every callback once."""
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()


class _Written(Protocol):
    on_write: Listeners


S = TypeVar("S", bound=_Written)


def writes(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Mark a store method as a write: its store's ``on_write`` listeners run after it, even when it fails.

    Even a failed write may have changed the store (a bulk load), so what keeps answers (the API's
    response cache) empties on it.
    """

    @functools.wraps(method)
    def written(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        finally:
            self.on_write.notify()

    return written


class TripleStore(Protocol):
    """One named graph per document, read by SPARQL: what the embedded and the remote store both offer."""

    kind: str  # "embedded" or "sparql"
    needs_rebuild: bool  # an interrupted ingest was undone at open: derived facts must be rebuilt
    on_write: Listeners

    def replace_graph(self, graph_iri: str, graph: Graph | bytes | str) -> None:
        """Replace the named graph ``graph_iri`` with ``graph`` (rdflib or N-Triples)."""

    def replace_graphs(self, items: Iterable[tuple[str, bytes | str]]) -> None:
        """Replace several named graphs with N-Triples."""

    def bulk_replace(self, items: Sequence[tuple[str, bytes]], atomic: bool = True,
                     lenient: bool = False, begun: Callable[[], object] | None = None) -> list[str]:
        """Replace many document graphs (N-Triples); return the IRIs that existed.

        ``lenient``: the terms were checked as they were written (the builder's), the loader may skip its checks.
        ``begun`` is called once the write has begun so far that ``journal_open`` tells whether its new graphs
        are journaled (the embedded store's bulk run: before they load).
        """
        ...

    def settle(self) -> None:
        """Say that what this run bulk-loaded is linked and reconciled."""

    def insert(self, ntriples: bytes, graph_iri: str | None = None, atomic: bool = True,
               lenient: bool = False) -> None:
        """Add N-Triples to graph ``graph_iri`` (the default graph when None); ``atomic=False`` may bulk-load."""

    def drop_graph(self, graph_iri: str) -> bool:
        """Remove the named graph ``graph_iri``; return whether it existed."""
        ...

    def update_raw(self, update: str) -> None:
        """Run a SPARQL 1.1 Update; raises SyntaxError when it does not parse."""

    def flush(self) -> None:
        """Write pending data to disk."""

    def close(self) -> None:
        """Release the store."""

    def graph_names(self) -> list[str]:
        """Return the IRIs of every named graph, sorted."""
        ...

    def has_graph(self, graph_iri: str) -> bool:
        """Return whether the named graph ``graph_iri`` exists."""
        ...

    def holds(self, graph_iri: str, ntriples: bytes) -> bool:
        """Whether the named graph ``graph_iri`` holds exactly the triples of ``ntriples`` (False when not known)."""
        ...

    def count_triples(self, graph_iri: str | None = None) -> int:
        """Count the triples of one named graph, or of all named graphs."""
        ...

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the union of all graphs; rows map variable names to Python values."""
        ...

    def read(self, sparql: str, bindings: dict[str, Any] | None = None,
             deadline: float | None = None) -> list[dict[str, Any]]:
        """Run a SELECT whose default graph is the current graph, stopping past ``deadline``."""
        ...

    def query_raw(self, query: str, accept: str | None = None, default_graph_uris: Sequence[str] = (),
                  named_graph_uris: Sequence[str] = (), timeout_s: float | None = None) -> tuple[bytes, str]:
        """Run any SPARQL query and serialise its answer for ``accept``; return (body, content type)."""
        ...

    def dump(self, media_type: str = "application/n-quads") -> bytes:
        """Serialise every named graph."""
        ...
