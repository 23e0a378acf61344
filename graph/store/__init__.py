"""The triple store: one interface (``TripleStore``), two kinds (embedded Oxigraph on disk, a remote SPARQL server).

``base`` holds the interface, its errors and its write hook; ``sparql`` the query text and
result formats both kinds share; ``embedded`` and ``remote`` the two kinds, which import
neither each other nor this package's top; ``open_store`` picks one by the settings.
"""

from __future__ import annotations

from graph.config import Settings
from graph.store.base import Listeners, NotAcceptable, ReadTimeout, StoreError, TripleStore
from graph.store.embedded import Store
from graph.store.remote import RemoteStore
from graph.store.sparql import (
    accepted_types,
    as_bytes,
    bind,
    count_query,
    serialize_result,
    solution_rows,
    to_ntriples,
    to_python,
    update_text,
)

__all__ = [
    "TripleStore",
    "Store",
    "RemoteStore",
    "StoreError",
    "NotAcceptable",
    "ReadTimeout",
    "Listeners",
    "accepted_types",
    "as_bytes",
    "bind",
    "count_query",
    "open_store",
    "serialize_result",
    "solution_rows",
    "to_ntriples",
    "to_python",
    "update_text",
]


def open_store(settings: Settings) -> TripleStore:
    """Open the store that ``settings`` names: empty ``store`` = embedded in ``data_dir``.

    ``sparql:QUERY_URL[,UPDATE_URL]`` opens a remote SPARQL 1.1 server (``RemoteStore``).
    """
    spec = (settings.store or "").strip()
    if not spec:
        return Store(settings.data_dir)
    if spec.startswith("sparql:"):
        return RemoteStore.from_spec(spec)
    raise ValueError(f"unsupported store {spec!r}; use sparql:QUERY_URL[,UPDATE_URL] or leave it empty")
