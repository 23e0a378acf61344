"""``/api/export`` is made in a child process: the same file as the CLI's, stopped past its limit or
when its client leaves, and nothing left behind (``api/exports.py``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from api.exports import export_to_spool
from api.limits import ClientGone
from api.sparql_runner import snapshot_root
from graph.config import load_settings
from graph.store import Store
from tests.conftest import ROOT, _serve


def leftovers(data_dir: Path) -> list[Path]:
    """Export work directories of this store left beside its snapshots (other stores' exports may run meanwhile)."""
    root = snapshot_root(data_dir.resolve(), "export")
    return list(root.parent.glob(f"{root.name}-*"))


@pytest.fixture()
def data_copy(hand_built_data_dir, tmp_path) -> Path:
    """A copy of the hand-built store (the session's server may hold the original's lock)."""
    copy = tmp_path / "data"
    shutil.copytree(hand_built_data_dir, copy)
    return copy


def test_the_served_export_is_the_clis_export(data_copy, tmp_path):
    cli = subprocess.run([sys.executable, "-m", "graph", "export", "--format", "nquads", "--data-dir", str(data_copy)],
                         cwd=ROOT, capture_output=True, check=True).stdout
    server = _serve(data_copy)
    url = next(server)
    try:
        served = requests.get(f"{url}/api/export", params={"format": "nquads"}, timeout=120)
    finally:
        server.close()
    assert served.status_code == 200
    assert sorted(served.content.splitlines()) == sorted(cli.splitlines()) != []


def test_an_export_past_its_limit_gets_504_and_leaves_nothing(data_copy):
    before = leftovers(data_copy)
    server = _serve(data_copy, CONFLICTKG_EXPORT_TIMEOUT_MS="1")
    url = next(server)
    try:
        answer = requests.get(f"{url}/api/export", params={"format": "turtle"}, timeout=120)
        assert answer.status_code == 504 and answer.headers["Content-Type"].startswith("application/problem+json")
        assert "export_timeout_ms" in answer.json()["detail"]
        assert requests.get(f"{url}/-/health", timeout=30).status_code == 200
    finally:
        server.close()
    assert leftovers(data_copy) == before


def test_an_export_past_the_memory_limit_gets_503(data_copy):
    server = _serve(data_copy, CONFLICTKG_WORKER_MEMORY_MB="16")
    url = next(server)
    try:
        answer = requests.get(f"{url}/api/export", params={"format": "csv"}, timeout=120)
        assert answer.status_code == 503 and "worker_memory_mb" in answer.json()["detail"]
        assert "Traceback" not in answer.text
    finally:
        server.close()


def test_an_export_whose_client_left_is_stopped_and_leaves_nothing(data_copy):
    store = Store(str(data_copy))
    try:
        before = leftovers(data_copy)
        with pytest.raises(ClientGone):
            export_to_spool(store, "nquads", load_settings(), gone=lambda: True)
        assert leftovers(data_copy) == before
        with export_to_spool(store, "nquads", load_settings(), gone=lambda: False) as spool:
            assert spool.read().count(b"\n") == len(store.oxigraph)
    finally:
        store.close()
