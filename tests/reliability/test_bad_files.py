"""Bad files and paths: ingest reports each one on a line of its own and goes on with the rest."""

from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph as ox

from graph.vocab import CURRENT_GRAPH
from tests.conftest import ROOT
from tests.reliability.articles import write_articles


def test_ingest_reports_bad_files_and_ingests_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    good = write_articles(folder, 3)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes("Bombardement à Alep, déclaré l'armée".encode("latin-1"))
    os.symlink(folder / "missing-target.txt", folder / "dangling.txt")
    loop = folder / "loop"
    loop.mkdir()
    os.symlink(loop, loop / "again")  # a directory symlink loop
    os.symlink(folder, loop / "parent")

    result = subprocess.run(
        [sys.executable, "-m", "graph", "ingest", str(folder), "--data-dir", str(tmp_path / "data"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("binary.txt", "latin1.txt", "dangling.txt"):
        assert any(name in line and "error" in line for line in result.stderr.splitlines()), result.stderr
    store = ox.Store(str(tmp_path / "data"))
    documents = [g for g in store.named_graphs() if g.value != str(CURRENT_GRAPH)]  # the rest: the current facts
    assert len(documents) == len(good)


def test_ingest_of_nothing_but_bad_files_fails_with_one_line_each(tmp_path):
    bad = tmp_path / "only.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = subprocess.run(
        [sys.executable, "-m", "graph", "ingest", str(bad), str(tmp_path / "absent.txt"),
         "--data-dir", str(tmp_path / "data"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
