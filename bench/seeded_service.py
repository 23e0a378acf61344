"""The real service (``python -m api``) over a fresh store holding ``seeds/``, for the service benchmarks."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def seeded_service(port: int, **settings: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """Ingest ``seeds/`` into a temporary store, serve it on ``port`` with ``settings`` (environment
    variables), wait until it answers; yield (URL, process) and stop it afterwards."""
    with tempfile.TemporaryDirectory() as data_dir:
        subprocess.run([sys.executable, "-m", "graph", "ingest", "seeds", "--data-dir", data_dir, "--quiet",
                        "--workers", "0"], cwd=ROOT, check=True)
        process = subprocess.Popen([sys.executable, "-m", "api", "--data-dir", data_dir, "--port", str(port)],
                                   cwd=ROOT, env={**os.environ, **settings}, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(url, process)
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if requests.get(url + "/-/health", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise SystemExit("error: the service did not start")
