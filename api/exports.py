"""Whole-graph exports for ``/api/export``, built in a child process that can be stopped.

pyoxigraph cannot stop a dump or a query once started, so an export of a large store made in
the server would run on after its client gave up and could not be held to a time limit. The
export is therefore made by ``python -m graph export`` in a child process, reading a private
checkpoint of the store (hard links, cheap), into a spool file. The child is killed when it
runs past ``export_timeout_ms``, when the client goes away (waitress tells), or when its heap
passes ``worker_memory_mb``; only a finished file is sent. A store without a directory (in
memory, or remote) is exported in the server as before.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from werkzeug.exceptions import GatewayTimeout, ServiceUnavailable

from api.limits import ClientGone
from api.sparql_runner import snapshot_root
from graph.config import Settings
from graph.export import export
from graph.store import Store, TripleStore

__all__ = ["export_to_spool"]

ROOT = Path(__file__).resolve().parent.parent  # where ``python -m graph`` is found
POLL_SECONDS = 0.2


def export_to_spool(store: TripleStore, fmt: str, settings: Settings, gone: Callable[[], bool]) -> IO[bytes]:
    """Export ``store`` in ``fmt`` and return the finished file, open at its start.

    Raises:
        GatewayTimeout: the export ran past ``settings.export_timeout_ms``.
        ServiceUnavailable: the export failed (most likely past ``settings.worker_memory_mb``).
        ClientGone: ``gone()`` said the client left; the export was stopped.
    """
    path = store.path if isinstance(store, Store) else None
    if not isinstance(store, Store) or path is None:
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - the caller sends and closes it
        export(store, fmt, spool)
        spool.seek(0)
        return spool
    root = snapshot_root(Path(path).resolve(), "export")  # named after the store: its leftovers can be told apart
    work = Path(tempfile.mkdtemp(prefix=f"{root.name}-", dir=root.parent))
    try:
        store.backup(str(work / "store"))
        _run_child(fmt, work, settings, gone)
        return (work / "out").open("rb")  # still readable once its directory is removed
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_child(fmt: str, work: Path, settings: Settings, gone: Callable[[], bool]) -> None:
    command = [sys.executable, "-m", "graph", "export", "--format", fmt, "--out", str(work / "out"),
               "--data-dir", str(work / "store")]
    env = {**os.environ, "CONFLICTKG_STORE": ""}
    with open(work / "errors", "w+b") as errors:
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=errors)
        heap = settings.worker_memory_mb << 20
        resource.prlimit(child.pid, resource.RLIMIT_DATA, (heap, heap))
        deadline = time.monotonic() + settings.export_timeout_ms / 1000
        try:
            while child.poll() is None:
                if gone():
                    raise ClientGone
                if time.monotonic() > deadline:
                    raise GatewayTimeout(
                        f"The export needs more than its {settings.export_timeout_ms} ms limit (export_timeout_ms); "
                        "on the server, `python -m graph export` has no limit.")
                time.sleep(POLL_SECONDS)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        if child.returncode != 0:
            errors.seek(0)
            reason = errors.read().decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
            raise ServiceUnavailable(
                f"The export stopped ({reason[0][:300]}); it may need more than worker_memory_mb "
                f"({settings.worker_memory_mb} MiB): on the server, `python -m graph export` has no such limit.")
