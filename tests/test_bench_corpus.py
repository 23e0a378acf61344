"""The realistic corpus of the benchmarks (bench/corpus.py): it never silently shrinks to the seed."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus_module", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_eval_dir_is_an_error(tmp_path):
    corpus = _corpus_module()
    with pytest.raises(SystemExit) as stopped:
        corpus.articles(tmp_path / "eval")
    assert str(stopped.value).startswith("error: ") and str(tmp_path / "eval") in str(stopped.value)


def test_seed_alone_when_asked():
    corpus = _corpus_module()
    texts = corpus.articles(None)
    assert texts and all(a.id.startswith("seed-") for a in texts)


def test_cache_key_covers_the_extractors_code_and_data():
    """A rule or dictionary change must extract the corpus again, not reuse the cached extractions."""
    files = {path.relative_to(ROOT).as_posix() for path in _corpus_module()._extractor_files()}
    assert {"graph/extract/pipeline.py", "graph/data/actors/actors.tsv", "graph/records.py"} <= files
    assert not any("__pycache__" in name for name in files)
    assert _corpus_module()._model_version()  # the installed model's version is part of the key


def test_bench_without_eval_dir_exits_with_one_line(tmp_path):
    """A copy of the repository with no ../shared/eval beside it: one error line, exit 1, no traceback."""
    copy = tmp_path / "repo"
    (copy / "bench").mkdir(parents=True)
    for name in ("corpus.py", "bench_corpus.py"):
        (copy / "bench" / name).write_text((ROOT / "bench" / name).read_text(encoding="utf-8"), encoding="utf-8")
    out = subprocess.run([sys.executable, str(copy / "bench" / "bench_corpus.py"), "--docs", "3", "--no-baseline"],
                         capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [out.stderr.strip()] and out.stderr.startswith("error: ")
    assert "shared/eval" in out.stderr and "Traceback" not in out.stderr


def test_the_cpu_pass_asks_every_route_class(tmp_path, monkeypatch):
    """bench_corpus_big's CPU per class pass asks every route of the mix on a real service: a figure per class and
    for /-/health, each with its resolution (one clock tick over the class's requests), every answer 200, and some
    CPU spent over all classes (a reading stuck at zero fails); no requests asked, no figures."""
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from bench_corpus import route_ids, routes, serve
    from bench_corpus_big import CLASSES, TICK_MS, cpu_per_class

    from tests.conftest import write_data_dir
    from tests.rest_records import extractions

    store = write_data_dir(tmp_path / "store", extractions())
    ids = route_ids(store)
    process, url = serve(store)
    try:
        mix = {**routes(ids, random.Random(3)), "/-/health": lambda: "/-/health"}
        per_route = 4  # 52 list requests alone spend several clock ticks
        found, errors = cpu_per_class(process.pid, url, mix, per_route)
        assert (list(found), errors) == ([*CLASSES, "health"], 0)
        assert all(ms >= 0 for ms, _ in found.values())
        assert sum(ms for ms, _ in found.values()) > 0
        assert found["stats"][1] == pytest.approx(TICK_MS / per_route)
        assert cpu_per_class(process.pid, url, mix, 0) == ({}, 0)
    finally:
        process.terminate()
        process.wait(timeout=30)
