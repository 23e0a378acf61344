"""Settings shared by the CLI, the API and the page, read from ``CONFLICTKG_*`` variables.

Each setting has a default, an environment variable (``CONFLICTKG_`` + upper-case name)
and a line of documentation; the README's settings table lists them all and
``tests/test_config.py`` fails when one is missing there.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Settings", "ENV_PREFIX", "load_settings"]

ENV_PREFIX = "CONFLICTKG_"
# A REST read takes a worker for milliseconds, so a queue of four per worker clears well inside the read
# limit; a longer one means slow reads, and the requests at its end would only wait for their 504.
READS_PER_WORKER = 4


def _setting(default: Any, doc: str) -> Any:
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Settings:
    """Every knob of ConflictKG with its default."""

    data_dir: str = _setting("./data", "Directory of the embedded on-disk store.")
    store: str = _setting(
        "", "Empty for the embedded store in data_dir, or sparql:QUERY_URL[,UPDATE_URL] for a remote one."
    )
    base_iri: str = _setting("https://conflictkg.org/id/", "Base under which entity IRIs are minted.")
    host: str = _setting("127.0.0.1", "Address the service listens on.")
    port: int = _setting(5000, "Port the service listens on.")
    write_token: str = _setting("", "Bearer token for SPARQL Update, Graph Store writes and ingest; empty = read-only.")
    query_timeout_ms: int = _setting(10000, "Per-query time limit for /sparql, in milliseconds.")
    read_timeout_ms: int = _setting(
        5000, "Time limit of every other request that reads the graph (REST, pages, network), in ms.")
    network_ahead: int = _setting(
        1, "1: the service builds the default /network view ahead of its first visit, at start and once writes stop; "
        "0 = off.")
    export_timeout_ms: int = _setting(
        120000, "Time limit of a whole-graph export from /api/export, in ms (the CLI's export has none).")
    max_rows: int = _setting(10000, "Most rows a SELECT answer returns; longer results are cut and flagged.")
    max_request_bytes: int = _setting(10_000_000, "Largest request body accepted, in bytes.")
    max_query_bytes: int = _setting(1_000_000, "Largest SPARQL query or update text accepted by /sparql, in bytes.")
    worker_memory_mb: int = _setting(
        384, "Heap limit of each SPARQL query worker, of each worker of the REST and page reads and of an "
        "/api/export child process, in MiB; past it, 503.")
    cors_origins: str = _setting("", "Comma-separated origins allowed by CORS; empty = CORS off.")
    threads: int = _setting(8, "Worker threads of the production server; past them requests wait their turn in "
                            "arrival order.")
    read_threads: int = _setting(
        0, "Of those threads, how many may serve reads at once (GET lists, pages, the network, exports; not "
        "/sparql, /store, writes or entity lookups); past them reads wait their turn. 0 = as many as the read "
        "workers: more only contend for the cores.")
    fetch_urls: int = _setting(0, "1 lets POST /api/documents fetch a 'url' from the server; 0 = off.")
    fetch_allow_networks: str = _setting(
        "", "Comma-separated non-public networks links may be fetched from (e.g. 127.0.0.0/8, for tests only); "
        "empty = public addresses only."
    )
    fetch_timeout_s: int = _setting(20, "Time limit for fetching one link (redirects included), in seconds.")
    fetch_max_bytes: int = _setting(10_000_000, "Largest page or feed fetched, in bytes.")

    @property
    def worker_processes(self) -> int:
        """Processes in each worker pool (``/sparql`` queries, REST and page reads): half the threads, 2 to 4."""
        return max(2, min(4, self.threads // 2))

    @property
    def serving_reads(self) -> int:
        """Reads served at once (``api.priority``): ``read_threads``, else as many as the read workers."""
        return self.read_threads or self.worker_processes

    @property
    def query_capacity(self) -> int:
        """``/sparql`` queries running or waiting for a worker at once: the workers' and two more, and never all
        the server threads (two stay free for ``/-/health``, REST and pages however many runaway queries arrive)."""
        return min(self.threads - 2, self.worker_processes + 2)

    @property
    def read_capacity(self) -> int:
        """REST and page reads running or waiting for a read worker (a remote store's read thread) at once: four
        per worker, at most the server threads; more answer 503 at once instead of queueing into a 504."""
        return max(1, min(self.threads, READS_PER_WORKER * self.worker_processes))

    @classmethod
    def documented(cls) -> list[tuple[str, str, Any, str]]:
        """Return (name, environment variable, default, doc) for every setting."""
        return [
            (f.name, ENV_PREFIX + f.name.upper(), f.default, f.metadata["doc"]) for f in dataclasses.fields(cls)
        ]


def load_settings(overrides: dict[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from defaults, then ``CONFLICTKG_*`` variables, then explicit overrides.

    Raises:
        ValueError: a variable does not parse as the setting's type.
    """
    variables = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        raw = variables.get(ENV_PREFIX + f.name.upper())
        if raw is None:
            continue
        if isinstance(f.default, int):
            try:
                values[f.name] = int(raw)
            except ValueError:
                raise ValueError(f"{ENV_PREFIX}{f.name.upper()} must be an integer, got {raw!r}") from None
        else:
            values[f.name] = raw
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return Settings(**values)
